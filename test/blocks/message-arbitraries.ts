import type { KnownBlock } from '@slack/types';
import fc from 'fast-check';
import type { DeploymentView } from '../../src/sota/deployment-state.js';

/** Every mrkdwn text of a message's blocks (the places Slack parses markup in). */
export function mrkdwnTexts(msg: { blocks: KnownBlock[] }): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'mrkdwn' && typeof record.text === 'string') out.push(record.text);
    Object.values(record).forEach(visit);
  };
  visit(msg.blocks);
  return out;
}

/** Code points of every kind, plus lone surrogates and the characters Slack treats specially. */
const anyUnit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom('\uD83D', '\uDE80', '🚀', '👨‍👩‍👧', '<', '>', '&', '`', '|', '*', '\n', '\u0000', '\u202E'),
  fc.constantFrom('<!channel>', '<@U123>', '<http://evil|x>', '&amp;', '```'),
);

/** Short strings of any kind, or huge ones (up to ~100 000 units). */
export const anyString = fc.oneof(
  fc.string({ unit: anyUnit, maxLength: 40 }),
  fc
    .tuple(fc.string({ unit: anyUnit, minLength: 1, maxLength: 12 }), fc.integer({ min: 200, max: 8000 }))
    .map(([chunk, times]) => chunk.repeat(times)),
);

const anyDate = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc
    .date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2030-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  anyString,
);

const anyUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.tuple(fc.webUrl(), anyString).map(([url, tail]) => `${url}/${tail}`),
  fc.tuple(fc.webUrl(), fc.integer({ min: 2900, max: 3100 })).map(([url, n]) => `${url}/${'&|'.repeat(n)}`),
  anyString,
);

const anyStatus = fc.oneof(fc.constantFrom('started', 'succeeded', 'failed'), anyString) as fc.Arbitrary<
  DeploymentView['status']
>;

/** Any view at all: any strings for names, ids, URLs and errors, any dates, huge inputs. */
export const viewArbitrary: fc.Arbitrary<DeploymentView> = fc.record(
  {
    projectId: anyString,
    projectName: anyString,
    deploymentId: anyString,
    status: anyStatus,
    sotaStatus: anyString,
    startedAt: anyDate,
    finishedAt: anyDate,
    url: anyUrl,
    errorMessage: anyString,
  },
  { requiredKeys: ['projectId', 'deploymentId', 'status'] },
);
