import { errorCode } from './startup-error.js';

const FS_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'it is a directory',
  ENOSPC: 'the disk is full',
  ENOENT: 'no such file or directory',
  EEXIST: 'a file stands where a directory is needed',
};

/** The file-system reason behind `err` in a few words, or undefined when it is no file-system error. */
export function fsReason(err: unknown): string | undefined {
  const code = errorCode(err);
  return code === undefined ? undefined : FS_REASONS[code];
}
