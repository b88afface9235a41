import type { FakeSlack, FakeSlackCall, FakeSlackMessage } from '../../test/fakes/fake-slack.js';

/** The deployment a top-level message shows, from the metadata the app posts with it. */
export function deploymentOf(message: Pick<FakeSlackMessage, 'metadata'>): string | undefined {
  const meta = message.metadata as { event_payload?: { deployment_id?: unknown } } | undefined;
  const id = meta?.event_payload?.deployment_id;
  return typeof id === 'string' ? id : undefined;
}

const isFinal = (m: FakeSlackMessage) => typeof m.text === 'string' && m.text.startsWith('✅');

export interface DeliveryAudit {
  /** Deployments whose message shows the final state. */
  final: number;
  /** Planned deployments with no message, or whose message does not show the final state. */
  lost: number;
  /** Top-level messages beyond one per deployment, plus thread replies beyond one per message. */
  duplicated: number;
}

/** Compares what reached the fake Slack with the planned deployments (channel → deployment ids). */
export function auditDelivery(slack: FakeSlack, planned: Map<string, string[]>): DeliveryAudit {
  let final = 0;
  let lost = 0;
  let duplicated = 0;
  for (const [channel, deployments] of planned) {
    const top = slack.messagesIn(channel);
    for (const id of deployments) {
      const mine = top.filter((m) => deploymentOf(m) === id);
      duplicated += Math.max(0, mine.length - 1);
      if (mine.some(isFinal)) final += 1;
      else lost += 1;
      for (const m of mine) duplicated += Math.max(0, slack.threadReplies(channel, m.ts).length - 1);
    }
  }
  return { final, lost, duplicated };
}

/** True once every planned deployment's message shows the final state. */
export function allFinal(slack: FakeSlack, planned: Map<string, string[]>): boolean {
  for (const [channel, deployments] of planned) {
    const shown = new Set(slack.messagesIn(channel).filter(isFinal).map(deploymentOf));
    if (deployments.some((id) => !shown.has(id))) return false;
  }
  return true;
}

/** Calls that reached Slack's method and succeeded, per channel. */
export function okCallsPerChannel(calls: readonly FakeSlackCall[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of calls) {
    const channel = c.body.channel;
    if (c.result !== 'ok' || typeof channel !== 'string') continue;
    counts.set(channel, (counts.get(channel) ?? 0) + 1);
  }
  return counts;
}

/**
 * The least time `calls` calls to one channel can take under a token bucket of `burst` calls
 * refilled at `perSecond`, each call taking `latencyMs`: the burst goes at once, the rest one per refill.
 */
export function minimumSeconds(
  calls: number,
  limit: { perSecond: number; burst: number },
  latencyMs: number,
) {
  if (calls <= 0) return 0;
  return Math.max(0, calls - limit.burst) / limit.perSecond + latencyMs / 1000;
}
