import { renderUnfurl, type UnfurlInput } from '../../blocks/notices/render-unfurl.js';
import { HISTORY_EVENTS } from '../../delivery/channel-signals.js';
import { deliveredEvents } from '../../delivery/load-delivery-target.js';
import { reduceDeployment } from '../../sota/deployment-state.js';
import { type DeploymentRecord, durationOf, foldHistory } from '../../sota/history/deployment-history.js';
import type { Hook, Store } from '../../store/types.js';

const SOTA_HOST = '.sota.io';
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62})$/;

/** The project slug of a `https://<slug>.sota.io/…` link; undefined for any other link. */
export function slugOfLink(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase();
  if (!host.endsWith(SOTA_HOST)) return undefined;
  const slug = host.slice(0, -SOTA_HOST.length);
  return SLUG.test(slug) ? slug : undefined;
}

/** The workspace's active hooks by project slug: the projects it follows, and only those. */
async function followedBySlug(store: Store, teamId: string): Promise<Map<string, Hook>> {
  const subs = await store.listSubscriptions({ teamId });
  const hooks = new Map<string, Hook>();
  for (const hookId of new Set(subs.map((s) => s.hookId))) {
    const hook = await store.getHook(hookId);
    if (hook?.status === 'active' && hook.teamId === teamId && hook.projectSlug) {
      hooks.set(hook.projectSlug.toLowerCase(), hook);
    }
  }
  return hooks;
}

function newest(history: readonly DeploymentRecord[], match: (r: DeploymentRecord) => boolean) {
  for (let i = history.length - 1; i >= 0; i--) if (match(history[i]!)) return history[i];
  return undefined;
}

async function failureReason(store: Store, hook: Hook, deploymentId: string): Promise<string | undefined> {
  const events = deliveredEvents(await store.listDeploymentEvents(hook.id, deploymentId));
  return reduceDeployment({ projectId: hook.projectId, deploymentId }, events)?.errorMessage;
}

/** What a followed project's link shows: its live deployment, one still running, its last failure. */
async function unfurlOf(store: Store, hook: Hook): Promise<UnfurlInput> {
  const history = foldHistory(await store.listHookEvents(hook.id, HISTORY_EVENTS));
  const live = newest(history, (r) => r.outcome === 'succeeded');
  const failed = newest(history, (r) => r.outcome === 'failed');
  const running = newest(history, (r) => r.outcome === undefined && r.startedAt !== undefined);
  const project = { projectId: hook.projectId, projectName: hook.projectName, projectSlug: hook.projectSlug };
  return {
    project,
    live:
      live?.finishedAt !== undefined
        ? { deploymentId: live.deploymentId, liveAt: live.finishedAt, durationMs: durationOf(live) }
        : undefined,
    lastFailure:
      failed?.finishedAt !== undefined
        ? {
            deploymentId: failed.deploymentId,
            at: failed.finishedAt,
            reason: await failureReason(store, hook, failed.deploymentId),
          }
        : undefined,
    deploying:
      running?.startedAt !== undefined && running.startedAt >= (live?.finishedAt ?? Number.NEGATIVE_INFINITY)
        ? { deploymentId: running.deploymentId, startedAt: running.startedAt }
        : undefined,
  };
}

/**
 * The `chat.unfurl` attachments for the links of one `link_shared` event: only links to projects
 * this workspace follows, from this workspace's own stored events. Any other link is left alone.
 */
export async function buildUnfurls(
  store: Store,
  teamId: string,
  links: ReadonlyArray<{ url: string }>,
): Promise<Record<string, { blocks: unknown[] }>> {
  const wanted = links.map((l) => ({ url: l.url, slug: slugOfLink(l.url) })).filter((l) => l.slug);
  if (wanted.length === 0) return {};
  const followed = await followedBySlug(store, teamId);
  const unfurls: Record<string, { blocks: unknown[] }> = {};
  for (const { url, slug } of wanted.slice(0, 5)) {
    const hook = followed.get(slug!);
    if (hook) unfurls[url] = renderUnfurl(await unfurlOf(store, hook));
  }
  return unfurls;
}
