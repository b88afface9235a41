import { truncate } from '../blocks/limits.js';
import { isSotaApiError, SotaErrorCode } from '../sota/api-error.js';
import type { SotaClient, SotaProject } from '../sota/client.js';
import { describeSotaError } from '../sota/describe-sota-error.js';

export type SotaKeyCheck = { ok: true; label: string } | { ok: false; message: string };

const SHOWN_NAMES = 5;

/** A non-secret description of what a key sees, e.g. "3 projects: my-app, api, web". */
export function describeProjects(projects: readonly SotaProject[]): string {
  if (projects.length === 0) return 'no projects yet';
  const names = projects.slice(0, SHOWN_NAMES).map((p) => p.name || p.slug || p.id);
  const more = projects.length > SHOWN_NAMES ? ', …' : '';
  const noun = projects.length === 1 ? 'project' : 'projects';
  return truncate(`${projects.length} ${noun}: ${names.join(', ')}${more}`, 200);
}

function failureMessage(err: unknown): string {
  if (
    isSotaApiError(err) &&
    (err.code === SotaErrorCode.unauthorized || err.code === SotaErrorCode.forbidden)
  ) {
    return 'sota.io did not accept this key. Check that you copied all of it, and that it was not revoked.';
  }
  return `${describeSotaError(err)}.`;
}

/**
 * Checks a pasted key by listing its projects, giving up after `timeoutMs` so the modal can still be
 * answered within Slack's 3 seconds. Never puts the key in a message.
 */
export async function checkSotaKey(sota: SotaClient, timeoutMs: number): Promise<SotaKeyCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const projects = await Promise.race([sota.listProjects(), timeout]);
    if (projects === 'timeout') return { ok: false, message: 'sota.io did not answer in time. Try again.' };
    return { ok: true, label: describeProjects(projects) };
  } catch (err) {
    return { ok: false, message: failureMessage(err) };
  } finally {
    clearTimeout(timer);
  }
}
