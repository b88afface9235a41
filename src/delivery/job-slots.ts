import type { DeliveryJob } from '../store/types.js';
import { channelKeyOf } from './slack-caller.js';

/**
 * Jobs in flight in this process. Jobs of one channel run one after another (the store already leases at
 * most one per channel; this keeps it so across claims); jobs of different channels run side by side.
 */
export interface JobSlots {
  /** Starts the job (after any job of the same channel); the promise never rejects. */
  launch(job: DeliveryJob): Promise<void>;
  size(): number;
  /** Resolves when the jobs in flight now have finished, or after `maxMs`. */
  settled(maxMs: number): Promise<void>;
  /** Resolves when nothing is in flight any more. */
  idle(): Promise<void>;
}

const noop = () => {};

export function createJobSlots(run: (job: DeliveryJob) => Promise<unknown>, onDone: () => void): JobSlots {
  const inFlight = new Set<Promise<void>>();
  const tails = new Map<string, Promise<void>>();

  function launch(job: DeliveryJob): Promise<void> {
    const key = channelKeyOf(job);
    const previous = tails.get(key) ?? Promise.resolve();
    const task = previous.then(() => run(job)).then(noop, noop);
    const tracked: Promise<void> = task.then(() => {
      inFlight.delete(tracked);
      if (tails.get(key) === tracked) tails.delete(key);
      onDone();
    });
    inFlight.add(tracked);
    tails.set(key, tracked);
    return tracked;
  }

  async function settled(maxMs: number): Promise<void> {
    if (inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, maxMs));
    });
    await Promise.race([Promise.all(inFlight), timeout]);
    clearTimeout(timer);
  }

  async function idle(): Promise<void> {
    while (inFlight.size > 0) await Promise.all(inFlight);
  }

  return { launch, size: () => inFlight.size, settled, idle };
}
