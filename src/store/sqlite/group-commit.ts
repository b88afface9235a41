interface Pending<I, R> {
  input: I;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/** Per input: its own result, or the error that undid only its own part of the batch. */
export type BatchOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommit<I, R> {
  /** Queues `input` for the next batch; settles once that batch has committed (or failed). */
  submit(input: I): Promise<R>;
  /** Runs anything still queued now and stops accepting new inputs. */
  close(): Promise<void>;
}

/**
 * Collects the calls made within one event-loop turn and hands them to `runBatch` together
 * (one transaction, one durable commit for all of them). The batch runs on the next
 * `setImmediate` (or after the batch still running), so a lone caller waits at most one turn. If `runBatch` throws, the whole
 * batch was rolled back and every caller in it is rejected: no caller sees a success that
 * was not committed.
 */
export function createGroupCommit<I, R>(
  runBatch: (inputs: I[]) => Promise<BatchOutcome<R>[]>,
): GroupCommit<I, R> {
  let queue: Pending<I, R>[] = [];
  let scheduled: NodeJS.Immediate | undefined;
  let closed = false;
  let running: Promise<void> = Promise.resolve();

  /** Batches run one after another; what arrives meanwhile waits for the next one. */
  function flush(): Promise<void> {
    scheduled = undefined;
    running = running.then(runQueued);
    return running;
  }

  async function runQueued(): Promise<void> {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let outcomes: BatchOutcome<R>[];
    try {
      outcomes = await runBatch(batch.map((p) => p.input));
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) p.resolve(outcome.value);
      else p.reject(outcome ? outcome.error : new Error('batch returned no result for an input'));
    });
  }

  return {
    submit(input) {
      if (closed) return Promise.reject(new Error('the store is closed'));
      return new Promise<R>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        scheduled ??= setImmediate(flush);
      });
    },
    async close() {
      closed = true;
      if (scheduled) clearImmediate(scheduled);
      await flush();
    },
  };
}
