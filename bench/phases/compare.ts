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
  delivery: DeliveryResults;
}

export interface CompareResults {
  /** The node flags every build ran with (the code measured's `npm start` flags), so only the code differs. */
  nodeFlags: string[];
  rounds: number;
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
  expectedRps: number,
  log: (line: string) => void,
): Promise<CompareResults> {
  const all: ComparedBuild[] = [...earlier, { build: current, since: 'the code measured' }];
  const same = (b: AppBuild): AppBuild => ({ ...b, nodeFlags: current.nodeFlags });
  const figures = all.map(
    (c): Omit<ComparedFigures, 'delivery'> => ({ label: c.build.label, since: c.since, ingest: [] }),
  );
  for (let i = 1; i <= rounds; i += 1) {
    for (const [n, c] of all.entries()) {
      const run = await ingestApp({ build: same(c.build), settings: ingest, expectedRps });
      figures[n]!.ingest.push(run);
      log(`  round ${i}: ${c.build.label} ${Math.round(run.load.rps)} req/s`);
    }
  }
  const builds: ComparedFigures[] = [];
  for (const [n, c] of all.entries()) {
    const d = await benchDelivery(same(c.build), delivery);
    log(`  delivery of ${c.build.label}: ${d.bulk.totalSeconds.toFixed(2)} s`);
    builds.push({ ...figures[n]!, delivery: d });
  }
  return { nodeFlags: current.nodeFlags, rounds, builds };
}
