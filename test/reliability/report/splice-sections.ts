/**
 * Replaces (or adds) some sections of an existing RELIABILITY.md with the figures of a run of only
 * those sections, each marked with the run that measured it. Pure.
 */
import { type FigureRow, SECTIONS, type Section } from '../support/figures.js';
import { type ReportMeta, renderSection } from './render-report.js';
import { SECTION_NOTES } from './section-notes.js';

const TAIL = '## Test files in this run';

function provenance(meta: ReportMeta): string {
  return (
    `_Measured in a run of this section alone: ${meta.date}, commit \`${meta.commit}\`, Node ${meta.node}, ` +
    `${(meta.durationMs / 60_000).toFixed(1)} minutes. The run named at the top of this file did not measure it._`
  );
}

/** Where a section starts (its heading) and ends (the next level-2 heading). */
function bounds(markdown: string, section: Section): { start: number; end: number } | undefined {
  const start = markdown.indexOf(`\n## ${SECTION_NOTES[section].title}\n`);
  if (start < 0) return undefined;
  const next = markdown.indexOf('\n## ', start + 1);
  return { start: start + 1, end: next < 0 ? markdown.length : next + 1 };
}

/** The offset where a missing section goes: before the first later section present, else before the test table. */
function insertionPoint(markdown: string, section: Section): number {
  const order = Object.values(SECTIONS);
  for (const later of order.slice(order.indexOf(section) + 1)) {
    const b = bounds(markdown, later);
    if (b) return b.start;
  }
  const tail = markdown.indexOf(`\n${TAIL}`);
  return tail < 0 ? markdown.length : tail + 1;
}

export function spliceSections(
  markdown: string,
  sections: Section[],
  rows: FigureRow[],
  meta: ReportMeta,
): string {
  let out = markdown;
  for (const section of sections) {
    if (!rows.some((r) => r.section === section)) continue;
    const text = `${renderSection(section, rows).replace('\n\n', `\n\n${provenance(meta)}\n\n`)}\n\n`;
    const b = bounds(out, section);
    const [start, end] = b ? [b.start, b.end] : [insertionPoint(out, section), insertionPoint(out, section)];
    out = out.slice(0, start) + text + out.slice(end);
  }
  return out;
}
