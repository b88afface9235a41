/** The steps of a start after the configuration is read; each failure is described by its step. */
export type StartupStage = 'key' | 'store' | 'migrate' | 'secrets' | 'listen';

/** A start-up step that failed; `cause` is the error as it came. */
export class StartupError extends Error {
  readonly code = 'startup_failed';
  constructor(
    readonly stage: StartupStage,
    override readonly cause: unknown,
  ) {
    super(`${stage}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StartupError';
  }
}

/** Runs one start-up step, tagging what it throws with the step (an already tagged error keeps its step). */
export async function atStage<T>(stage: StartupStage, step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    throw err instanceof StartupError ? err : new StartupError(stage, err);
  }
}

/** The error's `code` (errno, SQLite or SQLSTATE), when it has one. */
export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
