/** The title and the explanation printed above each section's table in RELIABILITY.md. */
import { DEFAULT_LEASE_MS } from '../../../src/delivery/worker.js';
import type { Section } from '../support/figures.js';

export const SECTION_NOTES: Record<Section, { title: string; text: string }> = {
  hostile: {
    title: 'Hostile input',
    text:
      'Property tests (fast-check) against the real app over real sockets. Signed sota.io deliveries are ' +
      'mutated on the wire — body bytes, the signature header, other headers, framing and lengths, method and ' +
      'path — and a request is accepted only when an HTTP server cannot tell it from the original (header ' +
      'name case, surrounding whitespace, upper-case hex, a query string, chunked framing, an allowed content ' +
      'type). Signed Slack requests are mutated the same way. Slack requests of hostile shapes (slash ' +
      'commands, interactions and events with null, arrays and numbers where objects belong, repeated and ' +
      'missing fields, odd timestamps, huge and control-laden texts) are sent signed and forged: no 5xx, no ' +
      'forged one changes anything, every accepted slash command is answered exactly once. ' +
      'After every run /healthz must answer; answers ' +
      'must show no stack, path or secret. The fixed cases of `../shared/RELIABILITY.md` run in `test/http` ' +
      '(counted in the test table below).',
  },
  tenancy: {
    title: 'Tenancy',
    text:
      'Two workspaces installed through OAuth on one app, each with its own bot token and sota.io key. ' +
      "Nothing signed, installed or subscribed by one reaches the other; an uninstalled workspace's hooks " +
      'answer 410 and its token is never used again.',
  },
  secrets: {
    title: 'Secrets at rest and in logs',
    text:
      'The SQLite file, its WAL, the logs and every answer are scanned (UTF-8 and UTF-16) for every webhook ' +
      'secret, bot token, sota.io key and Slack app secret. A tampered, moved or malformed ciphertext, a lost ' +
      'key file and a different key each stop the app at start with a message that names the problem.',
  },
  recovery: {
    title: 'Recovery after a crash',
    text:
      'How soon deliveries resume after an instance dies, with the production worker settings (10 s lease ' +
      'renewed every 3.3 s while a job runs, 0.5 s poll, 1 s per channel). **SQLite:** a webhook is acked ' +
      'while Slack hangs, the process is killed with SIGKILL in the middle of the hung call (leaving its ' +
      'lease), Slack comes back and the app is started again on the same file; the new owner frees the dead ' +
      "process's leases when it opens the file. Timed from spawning the new process to its `/readyz` answering " +
      '200 and to the first message Slack receives (target: within 5 s of `/readyz`; a negative figure means ' +
      'the message went out before `/readyz` was first seen answering). **PostgreSQL:** one ' +
      'instance hangs in a Slack call while a second instance runs beside it, 7 s from the start of the call ' +
      '(after the first heartbeat renewed the lease, before the Slack client would give up at 10 s; the second ' +
      'must not call Slack for that job meanwhile); then the first is killed with SIGKILL and Slack answers ' +
      "again. Timed from the kill to the second instance's first message (target: within 15 s; the dead " +
      "instance's lease runs out at most 10 s after its last renewal). The app runs through tsx here, so its " +
      'start includes compiling; the load average shows how busy the 2-core machine was.',
  },
  crash: {
    title: 'Crash and restart',
    text:
      'The app runs as a child process; signed webhooks arrive at a steady pace while every chat.* call to ' +
      'Slack is slowed; the process is killed with SIGKILL at random moments and restarted on the same store; ' +
      'whatever did not get a 2xx is sent again (as sota.io does). "Delivered" counts channel messages that ' +
      'show exactly what the reducer and renderer make of every acknowledged event. Worker lease 3 s and no ' +
      `channel pacing in this drill, so the drain is short; production uses a ${DEFAULT_LEASE_MS / 1000} s lease and 1 s per channel.\n\n` +
      '**The duplicate window.** `chat.postMessage` has no idempotency key. A job posts, Slack creates the ' +
      'message and answers with its `ts`, and the job stores the `ts` right after. When the process dies ' +
      'after Slack created the message but before that write commits — while the answer is on the wire, or in ' +
      'the milliseconds between the answer and the commit — the job runs again after its lease and posts a ' +
      'second message. Every other step is idempotent: the inbox de-duplicates on (hook, deployment, event) ' +
      'forever, updates go to the stored `ts` with chat.update, and a job is removed only after its effect ' +
      'was saved. "Slack calls cut" counts calls in flight when a process died: Slack still carries them ' +
      'out. The graceful row restarts with SIGTERM, as a deploy does: calls in flight finish and are saved, ' +
      'so nothing is posted twice. Closing the window needs a way to find a message already posted for a ' +
      'deployment (its metadata carries the deployment id) before posting again.',
  },
  'slack-outage': {
    title: 'Slack down and slow',
    text:
      'Slack refuses connections, answers 503, or hangs every call, while webhooks keep arriving. Webhook ' +
      'answers never wait for Slack; calls during the outage stay bounded by the backoff; after recovery ' +
      'everything arrives. A channel whose calls hang does not hold up the others.',
  },
  'rate-limit': {
    title: '429 storms',
    text:
      'Half, then all, chat.* calls of one workspace are answered 429 with Retry-After 1, 5 and 30 s. "Early ' +
      'calls" counts calls to that workspace before its Retry-After ended (must be 0). Another workspace on ' +
      'the same app keeps its latency.',
  },
  'sota-failure': {
    title: 'sota.io failing during /sota subscribe',
    text:
      'Each failure of sota.io while a channel subscribes: the command is acknowledged while sota.io is still ' +
      'answering, the person gets a sentence saying what happened, and no half state is left: orphans count ' +
      'local hooks without a remote webhook, remote webhooks without an active local hook, and subscriptions ' +
      'without an active hook. "Answer lost" is sota.io registering the webhook and its answer never arriving ' +
      '(it comes after the client timeout): the app cannot know the webhook exists.',
  },
  soak: {
    title: 'Soak',
    text:
      'A steady rate of webhooks for a few minutes with 1 % of Slack calls failing. Memory (heap after GC) and ' +
      'open handles are sampled in the app process; the first and last quarter are compared.',
  },
};
