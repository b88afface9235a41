import { createRequire } from 'node:module';
import { loadOnFirstUse } from '../runtime/load-on-first-use.js';

/**
 * The parts of Bolt the app uses, loaded from their own modules. `@slack/bolt`'s index loads every
 * receiver (Express, AWS Lambda, Socket Mode) and with them express, undici and jsonwebtoken, about
 * 300 modules the app never runs. Bolt's App module still requires the Socket Mode receiver, and the
 * HTTP receiver requires @slack/oauth; Bolt uses them only to build a Socket Mode client or an OAuth
 * installer (multi-workspace mode), so they load then (`loadOnFirstUse`). Bolt has no `exports` map:
 * its `dist/` files are what its index re-exports.
 */
const require = createRequire(import.meta.url);
const appFile = require.resolve('@slack/bolt/dist/App.js');
const receiverFile = require.resolve('@slack/bolt/dist/receivers/HTTPReceiver.js');
const socketModeFile = require.resolve('@slack/bolt/dist/receivers/SocketModeReceiver.js');
loadOnFirstUse('@slack/socket-mode', socketModeFile);
loadOnFirstUse('@slack/oauth', socketModeFile);
loadOnFirstUse('@slack/oauth', receiverFile);

const app = require(appFile) as typeof import('@slack/bolt/dist/App.js');
const receiver = require(receiverFile) as typeof import('@slack/bolt/dist/receivers/HTTPReceiver.js');
const errors = require('@slack/bolt/dist/errors.js') as typeof import('@slack/bolt/dist/errors.js');

export const App = app.default;
export type App = import('@slack/bolt').App;
export const HTTPReceiver = receiver.default;
export type HTTPReceiver = import('@slack/bolt').HTTPReceiver;
export const { LogLevel } = app;
export type LogLevel = import('@slack/bolt').LogLevel;
export const { ErrorCode } = errors;

/** @slack/oauth, for the OAuth state store (multi-workspace mode only). */
export function loadOAuth(): typeof import('@slack/oauth') {
  return require('@slack/oauth') as typeof import('@slack/oauth');
}
