/**
 * Requests to paths and methods the app does not serve: a plain 404 with no detail, the app stays
 * healthy, and the request (whose headers may carry credentials) is not written to the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { recordFigures, SECTIONS } from '../support/figures.js';
import { revealsInternals } from '../support/leak-checks.js';

const CREDENTIAL = 'Bearer sota_unknown_route_credential_0123456789';
const COOKIE = 'session=unknown-route-cookie-0123456789';

let t: TestApp;
let answered404 = 0;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  recordFigures(SECTIONS.hostile, 'unknown paths and methods', {
    cases: CASES.length,
    'answered 404': answered404,
  });
  await t.stop();
});

const CASES: Array<[string, string]> = [
  ['GET', '/'],
  ['GET', '/favicon.ico'],
  ['GET', '/slack/events'],
  ['PUT', '/slack/events'],
  ['POST', '/wp-login.php'],
  ['DELETE', '/webhooks'],
  ['GET', '/WEBHOOKS/SOTA/abc'],
  ['POST', '/slack/events/extra'],
];

describe('paths and methods the app does not serve', () => {
  it.each(CASES)('%s %s answers 404 without detail and logs no header', async (method, path) => {
    const before = t.logs.length;
    const res = await fetch(`${t.url}${path}`, {
      method,
      headers: { authorization: CREDENTIAL, cookie: COOKIE },
    });
    const body = await res.text();
    expect(res.status).toBe(404);
    expect(revealsInternals(body)).toBe(false);
    const lines = t.logs.slice(before).join('\n');
    expect(lines).not.toContain('unknown_route_credential');
    expect(lines).not.toContain('unknown-route-cookie');
    expect(t.logs.slice(before).filter((l) => l.includes('"level":50'))).toEqual([]);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    answered404 += 1;
  });
});
