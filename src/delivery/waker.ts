/** An interruptible sleep: `wait(ms)` ends after `ms` or at the next `wake()`, whichever comes first. */
export interface Waker {
  wait(ms: number): Promise<void>;
  /** Ends the current wait; a wake with nobody waiting makes the next wait return at once. */
  wake(): void;
}

export function createWaker(): Waker {
  let pending = false;
  let release: (() => void) | undefined;
  return {
    wait(ms) {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          release = undefined;
          resolve();
        }
        release = done;
      });
    },
    wake() {
      if (release) release();
      else pending = true;
    },
  };
}
