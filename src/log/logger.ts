import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/** Paths that may carry a secret; pino replaces them before a line is written. */
export const REDACT_PATHS = [
  'token',
  'botToken',
  'secret',
  'apiKey',
  'password',
  'authorization',
  'signature',
  '*.token',
  '*.botToken',
  '*.secret',
  '*.apiKey',
  '*.authorization',
  '*.signature',
  'headers.authorization',
  'headers["x-sota-signature"]',
  'headers["x-slack-signature"]',
  'req.headers.authorization',
  'req.headers["x-sota-signature"]',
  'req.headers["x-slack-signature"]',
];

/** Structured JSON logger with secret redaction. Tests pass a destination to capture lines. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'sota-slack' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
