/** What the drills that run the app as a child process share: subscriptions made through the real app, and the environment. */
import type { FakeSlack } from '../../fakes/fake-slack.js';
import type { FakeSota } from '../../fakes/fake-sota.js';
import {
  startTestApp,
  TEST_BOT_TOKEN,
  TEST_PUBLIC_URL,
  TEST_SIGNING_SECRET,
  TEST_SOTA_TOKEN,
} from '../../helpers/test-app.js';
import { hookIdOf, runCommand } from '../../slack/slack-test-kit.js';
import type { TestStorage } from './test-stores.js';

/** Subscribes `channelsPerProject` channels to each of `projects` new projects through the real app. */
export async function subscribeAll(
  o: { projects: number; channelsPerProject: number },
  fakeSlack: FakeSlack,
  fakeSota: FakeSota,
  storage: TestStorage,
) {
  const setup = await startTestApp({ env: storage.env, fakeSlack, fakeSota, start: { startWorker: false } });
  const projects = [];
  for (let p = 0; p < o.projects; p++) {
    const project = fakeSota.addProject({ name: `service-${p}` });
    const channels = Array.from({ length: o.channelsPerProject }, (_, c) => `C0P${p}N${c}`);
    for (const channelId of channels) await runCommand(setup, `subscribe ${project.slug}`, { channelId });
    const webhook = fakeSota.webhooks.find((w) => w.projectId === project.id)!;
    projects.push({ project, channels, hookId: hookIdOf(webhook.url), secret: webhook.secret });
  }
  await setup.stop();
  return projects;
}

/** The environment of an instance run as its own process on `storage`, wired to the fakes. */
export function childEnvFor(
  storage: TestStorage,
  fakeSlack: FakeSlack,
  fakeSota: FakeSota,
  worker: Record<string, number>,
): Record<string, string> {
  return {
    ...storage.env,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_API_URL: fakeSlack.apiUrl,
    SOTA_API_URL: fakeSota.url,
    SOTA_API_TOKEN: TEST_SOTA_TOKEN,
    PUBLIC_URL: TEST_PUBLIC_URL,
    LOG_LEVEL: 'info',
    RELIABILITY_WORKER: JSON.stringify(worker),
  };
}
