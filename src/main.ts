import 'dotenv/config';
import { type RunningApp, startApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config/load-config.js';
import { createLogger } from './log/logger.js';
import { describeStartupFailure } from './startup/describe-startup-failure.js';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const lines = err.problems.map((p) => `  ${p}`).join('\n');
    process.stderr.write(`sota-slack cannot start: fix these settings (environment or .env):\n${lines}\n`);
    process.exit(1);
  }
}

/** A failed start ends in one line naming the setting or path to fix; the stack only at LOG_LEVEL=debug. */
function failStart(err: unknown, config: Config): never {
  if (config.logLevel === 'debug' && err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    process.stderr.write(`${cause instanceof Error ? cause.stack : err.stack}\n`);
  }
  process.stderr.write(`sota-slack cannot start: ${describeStartupFailure(err, config)}\n`);
  process.exit(1);
}

function stopOnSignals(app: RunningApp): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        app.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const app = await startApp(config, { logger }).catch((err: unknown) => failStart(err, config));
  stopOnSignals(app);
}

main().catch((err: unknown) => {
  process.stderr.write(`sota-slack failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
