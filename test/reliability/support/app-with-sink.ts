/** The real app with a sota.io project "web" and a response_url sink, started once for a test file. */
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { type ResponseSink, startResponseSink } from './response-sink.js';

export interface AppWithSink {
  t: TestApp;
  sink: ResponseSink;
}

/** Starts both before the file's tests and stops both after; read the fields inside the tests. */
export function useAppWithSink(): AppWithSink {
  const ctx = {} as AppWithSink;
  beforeAll(async () => {
    ctx.t = await startTestApp();
    ctx.sink = await startResponseSink();
    ctx.t.fakeSota.addProject({ name: 'web' });
  });
  afterAll(async () => {
    await ctx.t.stop();
    await ctx.sink.close();
  });
  return ctx;
}
