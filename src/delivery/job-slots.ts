import type { DeliveryJob } from '../store/types.js';
import type { JobRunResult } from './job-runner.js';
import { channelKeyOf } from './slack-caller.js';

/**
 * The jobs this process holds. At most `concurrency` run at once; jobs of one channel run one after
 * another, in the order they were launched. A job whose channel has no Slack token yet waits here
 * without a slot, so the slots serve other channels meanwhile; it starts once its channel is ready.
 */
export interface JobSlots {
  /** Holds the job until it has finished; the promise never rejects. */
  launch(job: DeliveryJob): Promise<void>;
  /** Jobs held: running or waiting. */
  size(): number;
  /** How many more jobs to take on now: free slots not promised to a waiting job, within the hold cap. */
  free(): number;
  /** Resolves when the jobs held now have finished, or after `maxMs`. */
  settled(maxMs: number): Promise<void>;
  /** Resolves when nothing is held any more. */
  idle(): Promise<void>;
}

export interface JobSlotsDeps {
  run: (job: DeliveryJob) => Promise<JobRunResult>;
  /** When the job's channel may be called next. */
  readyAt: (job: DeliveryJob) => number;
  now: () => number;
  concurrency: number;
  /** At most this many jobs held (running or waiting). */
  maxHeld: number;
  /** Called whenever a slot was given back. */
  onSlotFreed: () => void;
}

interface Entry {
  job: DeliveryJob;
  key: string;
  notBefore: number;
  seq: number;
  finish: () => void;
}

export function createJobSlots(deps: JobSlotsDeps): JobSlots {
  // Every job held, in launch order; a running job stays first of its channel until it finishes.
  const waiting: Entry[] = [];
  const busy = new Set<string>();
  const held = new Set<Promise<void>>();
  let seq = 0;
  let timer: NodeJS.Timeout | undefined;

  const readyTime = (e: Entry) => Math.max(e.notBefore, deps.readyAt(e.job));

  /** The first waiting job of each idle channel, with when it can start. */
  function heads(): Array<{ entry: Entry; at: number }> {
    const seen = new Set<string>();
    const out: Array<{ entry: Entry; at: number }> = [];
    for (const entry of waiting) {
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      if (!busy.has(entry.key)) out.push({ entry, at: readyTime(entry) });
    }
    return out;
  }

  function pump(): void {
    const now = deps.now();
    const candidates = heads();
    const ready = candidates.filter((c) => c.at <= now).sort((a, b) => a.entry.seq - b.entry.seq);
    for (const { entry } of ready) {
      if (busy.size >= deps.concurrency) break;
      start(entry);
    }
    const later = candidates.filter((c) => c.at > now).map((c) => c.at);
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (later.length > 0) timer = setTimeout(pump, Math.max(1, Math.min(...later) - now));
  }

  function start(entry: Entry): void {
    busy.add(entry.key);
    deps
      .run(entry.job)
      .catch((): JobRunResult => ({ kind: 'finished', outcome: undefined }))
      .then((result) => {
        busy.delete(entry.key);
        if (result.kind === 'deferred') entry.notBefore = result.until;
        else {
          waiting.splice(waiting.indexOf(entry), 1);
          entry.finish();
        }
        pump();
        deps.onSlotFreed();
      });
  }

  function launch(job: DeliveryJob): Promise<void> {
    let finish = () => {};
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    seq += 1;
    waiting.push({ job, key: channelKeyOf(job), notBefore: 0, seq, finish });
    held.add(done);
    done.then(() => held.delete(done));
    pump();
    return done;
  }

  function free(): number {
    const now = deps.now();
    const promised = heads().filter((c) => c.at <= now).length;
    return Math.min(deps.concurrency - busy.size - promised, deps.maxHeld - waiting.length);
  }

  async function settled(maxMs: number): Promise<void> {
    if (held.size === 0) return;
    let timeout: NodeJS.Timeout | undefined;
    const expired = new Promise<void>((resolve) => {
      timeout = setTimeout(resolve, Math.max(0, maxMs));
    });
    await Promise.race([Promise.all(held), expired]);
    clearTimeout(timeout);
  }

  async function idle(): Promise<void> {
    while (held.size > 0) await Promise.all(held);
  }

  return { launch, size: () => waiting.length, free, settled, idle };
}
