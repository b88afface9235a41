import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueueGauges } from '../../src/delivery/queue-gauges.js';
import { createHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.cleanup());

async function gaugeValue(gauge: Harness['metrics']['queueDepth']): Promise<number> {
  return (await gauge.get()).values[0]?.value ?? Number.NaN;
}

describe('createQueueGauges', () => {
  it('sets the queue depth and the age of the oldest job, and clears them once delivered', async () => {
    h = await createHarness();
    const projectId = randomUUID();
    const hookId = await h.subscribe('C1', projectId);
    await h.subscribe('C2', projectId);
    const t = Date.now();
    await h.ingest({
      channelProject: { hookId, projectId },
      deploymentId: randomUUID(),
      event: 'deploy.started',
      occurredAt: new Date(t).toISOString(),
      receivedAt: t - 4000,
    });
    const refresh = createQueueGauges(h.store, h.metrics, () => t);
    await refresh();
    expect(await gaugeValue(h.metrics.queueDepth)).toBe(2);
    expect(await gaugeValue(h.metrics.queueOldestAge)).toBe(4);

    await h.worker.drain();
    await h.worker.refreshGauges();
    expect(await gaugeValue(h.metrics.queueDepth)).toBe(0);
    expect(await gaugeValue(h.metrics.queueOldestAge)).toBe(0);
  });
});

describe('delivery_claim_seconds', () => {
  it('counts every claim of due jobs the worker made, with the time it took', async () => {
    h = await createHarness();
    const projectId = randomUUID();
    const hookId = await h.subscribe('C1', projectId);
    const before = (await h.metrics.claimDuration.get()).values;
    expect(before.find((v) => v.metricName === 'delivery_claim_seconds_count')?.value ?? 0).toBe(0);
    await h.ingest({
      channelProject: { hookId, projectId },
      deploymentId: randomUUID(),
      event: 'deploy.started',
      occurredAt: new Date().toISOString(),
    });
    await h.worker.drain();
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    const values = (await h.metrics.claimDuration.get()).values;
    const count = values.find((v) => v.metricName === 'delivery_claim_seconds_count')?.value ?? 0;
    const sum = values.find((v) => v.metricName === 'delivery_claim_seconds_sum')?.value ?? 0;
    expect(count).toBeGreaterThanOrEqual(1);
    expect(sum).toBeGreaterThan(0);
  });
});
