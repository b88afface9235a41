/** A project renamed at sota.io shows its new name: refreshed on subscribe, and at most daily after. */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app.js';
import { command, createClock, deploy, followedApp } from './signal-kit.js';

let apps: TestApp[] = [];
afterEach(async () => {
  for (const t of apps.reverse()) await t.stop();
  apps = [];
});

const HOUR = 3600_000;
const projectLists = (t: TestApp) =>
  t.fakeSota.requests.filter((r) => r.method === 'GET' && r.path === '/v1/projects').length;

describe('fresh project names', () => {
  it('takes a rename at sota.io once a day, and at once on subscribe', async () => {
    const clock = createClock();
    const f = await followedApp(clock);
    apps.push(f.t);
    const project = f.t.fakeSota.projects.find((p) => p.id === f.projectId)!;
    project.name = 'Shop Web';
    project.slug = 'shop-web';
    const before = projectLists(f.t);
    await f.t.app.signals.ticker.tick();
    clock.advance(23 * HOUR);
    await f.t.app.signals.ticker.tick();
    expect(projectLists(f.t)).toBe(before);
    expect((await f.t.store.getHook(f.hookId))?.projectName).toBe('Shop Frontend');

    clock.advance(2 * HOUR);
    await f.t.app.signals.ticker.tick();
    await f.t.app.signals.ticker.tick();
    expect(projectLists(f.t)).toBe(before + 1);
    expect(await f.t.store.getHook(f.hookId)).toMatchObject({
      projectName: 'Shop Web',
      projectSlug: 'shop-web',
    });
    await deploy(f, clock, 'succeeded');
    expect(f.t.fakeSlack.messagesIn('C0DEPLOYS')[0]?.text).toContain('Shop Web');

    project.name = 'Shop Next';
    await command(f.t, clock, 'subscribe shop-web');
    expect((await f.t.store.getHook(f.hookId))?.projectName).toBe('Shop Next');
  });
});
