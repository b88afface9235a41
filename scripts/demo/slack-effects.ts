import type { FakeSlack } from '../../test/fakes/fake-slack.js';
import type { FakeSota } from '../../test/fakes/fake-sota.js';
import { channelLabel, DEMO_USER } from './demo-cast.js';

/**
 * One thing the app did that the demo shows: a message posted or updated, a reply in its thread, a
 * modal opened (`opened`) or filled (`updated`), or a call it made to sota.io (`called`).
 */
export interface SlackEffect {
  channel: string;
  kind: 'posted' | 'updated' | 'thread' | 'opened' | 'called';
  text: string;
}

/** Where a modal shows in the transcript: the demo has one member, who pressed every button. */
const MODAL_LABEL = `@${DEMO_USER.name} (modal)`;

type Block = { type?: string; text?: { text?: unknown }; elements?: Array<{ text?: unknown }> };

/** A modal as a few lines of text: each block's text, a code block cut to its last two lines. */
export function viewText(view: unknown): string {
  const blocks = ((view as { blocks?: Block[] } | undefined)?.blocks ?? []) as Block[];
  return blocks
    .flatMap((b) => [b.text?.text, ...(b.elements ?? []).map((e) => e.text)])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => {
      const code = /^```\n?([\s\S]*?)\n?```$/.exec(t);
      return code ? `… ${(code[1] ?? '').split('\n').slice(-2).join('\n  ')}` : t;
    })
    .join('\n');
}

/** Returns a function that lists the successful Slack calls made since the last time it was called. */
export function createEffectReader(fakeSlack: FakeSlack): () => SlackEffect[] {
  let seen = fakeSlack.calls.length;
  return () => {
    const fresh = fakeSlack.calls.slice(seen);
    seen += fresh.length;
    return fresh.flatMap((call): SlackEffect[] => {
      if (call.result !== 'ok') return [];
      if (call.method === 'views.open') {
        return [{ channel: MODAL_LABEL, kind: 'opened', text: viewText(call.body.view) }];
      }
      if (call.method === 'views.update') {
        return [{ channel: MODAL_LABEL, kind: 'updated', text: viewText(call.body.view) }];
      }
      const channel = channelLabel(String(call.body.channel ?? ''));
      const text = String(call.body.text ?? '');
      if (call.method === 'chat.update') return [{ channel, kind: 'updated', text }];
      if (call.method !== 'chat.postMessage') return [];
      return [{ channel, kind: call.body.thread_ts ? 'thread' : 'posted', text }];
    });
  };
}

/** `/v1/projects/<id>/deployments/<id>/logs` with the ids cut to their first 8 characters. */
function shortPath(path: string): string {
  return path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) =>
    id.slice(0, 8),
  );
}

/** Returns a function that lists the calls the app made to sota.io since the last time it was called. */
export function createSotaCallReader(fakeSota: FakeSota): () => SlackEffect[] {
  let seen = fakeSota.requests.length;
  return () => {
    const fresh = fakeSota.requests.slice(seen);
    seen += fresh.length;
    return fresh.map((r) => {
      const query = new URLSearchParams(r.query).toString();
      const text = `${r.method} ${shortPath(r.path)}${query ? `?${query}` : ''}`;
      return { channel: 'sota.io', kind: 'called', text };
    });
  };
}
