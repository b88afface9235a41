import type { IncomingMessage } from 'node:http';

export const ReadBodyErrorCode = { tooLarge: 'too_large', aborted: 'aborted' } as const;
export type ReadBodyErrorCode = (typeof ReadBodyErrorCode)[keyof typeof ReadBodyErrorCode];

export class ReadBodyError extends Error {
  constructor(readonly code: ReadBodyErrorCode) {
    super(code === ReadBodyErrorCode.tooLarge ? 'request body too large' : 'request aborted');
    this.name = 'ReadBodyError';
  }
}

function declaredLength(req: IncomingMessage): number | undefined {
  const value = req.headers['content-length'];
  return value === undefined ? undefined : Number(value);
}

/**
 * Reads the raw body bytes. Rejects with `too_large` before reading when Content-Length announces
 * more than `limitBytes`, and as soon as more than that has arrived otherwise; the rest is drained
 * and dropped. Rejects with `aborted` when the client goes away before the end.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = declaredLength(req);
    if (declared !== undefined && declared > limitBytes) {
      req.resume();
      reject(new ReadBodyError(ReadBodyErrorCode.tooLarge));
      return;
    }
    if (req.destroyed) {
      reject(new ReadBodyError(ReadBodyErrorCode.aborted));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error: ReadBodyError | undefined) => {
      req.off('data', onData).off('end', onEnd).off('error', onAborted).off('close', onAborted);
      if (error) {
        req.resume();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) settle(new ReadBodyError(ReadBodyErrorCode.tooLarge));
      else chunks.push(chunk);
    };
    const onEnd = () => settle(undefined);
    const onAborted = () => settle(new ReadBodyError(ReadBodyErrorCode.aborted));
    req.on('data', onData).on('end', onEnd).on('error', onAborted).on('close', onAborted);
  });
}
