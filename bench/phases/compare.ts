import type { AppBuild } from '../app/app-build.js';
import { type AppIngest, ingestApp } from './app-ingest.js';
import { benchDelivery, type DeliveryResults, type DeliverySettings } from './delivery.js';
import type { IngestSettings } from './ingest.js';

/** A build measured beside the code measured, and why it is there. */
export interface ComparedBuild {
  build: AppBuild;
  /** What changed since it, in a few words ("the one query layer for both engines"). */
  since: string;
}

export interface ComparedFigures {
  label: string;
  since: string;
  ingest: AppIngest[];
  /** The bulk delivery run, once per delivery round. */
  delivery: DeliveryResults[];
}

export interface CompareResults {
  /** The node flags every build ran with (the code measured's `npm start` flags), so only the code differs. */
  nodeFlags: string[];
  rounds: number;
  deliveryRounds: number;
  /** The earlier builds in the order given, then the code measured. */
  builds: ComparedFigures[];
}

/**
 * Earlier builds and the code measured under the same ingest load (rounds taken in turn, so a change of
 * the machine's load falls on all of them) and the same delivery run, each started with the same node
 * flags: the figures of the code measured against the code before a change, in one run.
 */
export async function benchCompare(
  current: AppBuild,
  earlier: ComparedBuild[],
  ingest: IngestSettings,
  delivery: DeliverySettings,
  rounds: number,
  deliveryRounds: number,
  expectedRps: number,
  log: (line: string) => void,
): Promise<CompareResults> {
  const all: ComparedBuild[] = [...earlier, { build: current, since: 'the code measured' }];
  const same = (b: AppBuild): AppBuild => ({ ...b, nodeFlags: current.nodeFlags });
  const figures = all.map(
    (c): ComparedFigures => ({ label: c.build.label, since: c.since, ingest: [], delivery: [] }),
  );
  for (let i = 1; i <= rounds; i += 1) {
    for (const [n, c] of all.entries()) {
      const run = await ingestApp({ build: same(c.build), settings: ingest, expectedRps });
      figures[n]!.ingest.push(run);
      log(`  round ${i}: ${c.build.label} ${Math.round(run.load.rps)} req/s`);
    }
  }
  // Delivery in rounds too: one run's time over its minimum varies by several per cent.
  for (let i = 1; i <= deliveryRounds; i += 1) {
    for (const [n, c] of all.entries()) {
      const d = await benchDelivery(same(c.build), delivery);
      figures[n]!.delivery.push(d);
      log(`  delivery round ${i}: ${c.build.label} ${d.bulk.totalSeconds.toFixed(2)} s`);
    }
  }
  return { nodeFlags: current.nodeFlags, rounds, deliveryRounds, builds: figures };
}
