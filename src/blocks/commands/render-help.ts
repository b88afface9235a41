import type { CommandReply } from './command-reply.js';

const USAGE = [
  '*`/sota` posts sota.io deployments to this channel — one message per deployment, kept up to date.*',
  '• `/sota subscribe &lt;project&gt; [events…] [changes]` — follow a project here. Events: `started`, `succeeded`, `failed` (all three when none is given); `changes` adds a message when it breaks or recovers (alone: only those).',
  '• `/sota unsubscribe &lt;project&gt;` — stop following it here.',
  '• `/sota list` — what this channel follows, who subscribed it, the last message and error.',
  '• `/sota mute &lt;project|all&gt; [30m|2h|1d…]` — post nothing new for a while (1 h by default, at most 7 d); one summary when it ends.',
  '• `/sota unmute &lt;project|all&gt;` — end a mute now.',
  '• `/sota digest &lt;HH:MM&gt; [time zone]` — a daily summary here (e.g. `09:00 Europe/Berlin`, UTC by default); `/sota digest off` stops it.',
  '• `/sota connect` — connect a sota.io API key for this workspace (opens a private form).',
  '• `/sota disconnect` — forget this workspace’s sota.io API key (admins, owners or the member who connected it).',
  '• `/sota test &lt;project&gt;` — post a sample deployment message here.',
  '• `/sota mention &lt;project&gt; @people @groups` — who is mentioned here when a deployment of the project fails (`off` to stop).',
  '• `/sota actions off|everyone|@people @groups` — who may press Redeploy and Roll back on messages (admins, owners or the member who connected the key change it; off by default).',
  '• `/sota help` — this message.',
].join('\n');

const EXAMPLES = [
  '*Examples*',
  '`/sota subscribe my-app` · `/sota subscribe my-app failed` · `/sota subscribe my-app changes` · `/sota mute all 2h` · `/sota digest 09:00 Europe/Berlin` · `/sota unsubscribe my-app`',
  '`&lt;project&gt;` is the project’s slug or id on sota.io.',
].join('\n');

/** Usage with examples; `problem` (already mrkdwn-safe) is shown first when the command was wrong. */
export function renderHelp(problem?: string): CommandReply {
  const intro = problem ? `:warning: ${problem}` : '';
  const text = [intro, USAGE, EXAMPLES].filter((part) => part !== '').join('\n\n');
  return {
    text,
    blocks: [
      ...(intro ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: intro } }] : []),
      { type: 'section', text: { type: 'mrkdwn', text: USAGE } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: EXAMPLES }] },
    ],
  };
}
