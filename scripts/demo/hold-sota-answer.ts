import type { FakeSota } from '../../test/fakes/fake-sota.js';

/** A sota.io request held before it is answered: has it arrived yet, and let it be answered. */
export interface HeldAnswer {
  arrived(): boolean;
  release(): void;
}

/**
 * Holds sota.io's answer to the next `method` request whose path matches `path`, so the transcript
 * shows what the app did before the answer and what it did with it, always in that order.
 */
export function holdSotaAnswer(fakeSota: FakeSota, method: string, path: RegExp): HeldAnswer {
  let release = () => {};
  const until = new Promise<void>((resolve) => {
    release = resolve;
  });
  const from = fakeSota.requests.length;
  fakeSota.failNext({ method, path }, { kind: 'gate', until });
  return {
    arrived: () => fakeSota.requests.slice(from).some((r) => r.method === method && path.test(r.path)),
    release,
  };
}
