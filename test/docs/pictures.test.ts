/**
 * The pictures in docs/ are not older than what they show: each PNG was drawn from a page whose
 * SHA-256 is recorded in docs/pictures.sha256 by `npm run screenshots`, and the page the renderers
 * give today must hash the same. A change to a renderer, the preview page or the demo's sample data
 * fails here until the pictures are drawn again.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PUBLIC_URL } from '../../scripts/screenshots/demo-sample.js';
import {
  PICTURE_HASHES_FILE,
  pictureHash,
  pictureHtml,
  samplePictures,
} from '../../scripts/screenshots/sample-pictures.js';

const DOCS = join(import.meta.dirname, '..', '..', 'docs');
const REDRAW = 'run `npm run screenshots` and commit docs/';

function recordedHashes(): Map<string, string> {
  const path = join(DOCS, PICTURE_HASHES_FILE);
  if (!existsSync(path)) return new Map();
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  return new Map(lines.map((line) => [line.slice(66), line.slice(0, 64)] as const));
}

describe('the pictures in docs/', () => {
  const pictures = samplePictures();
  const recorded = recordedHashes();

  it.each(pictures.map((p) => [p.file, p] as const))(
    '%s is drawn from what the renderers give today',
    (file, picture) => {
      expect(existsSync(join(DOCS, file)), `docs/${file} is missing: ${REDRAW}`).toBe(true);
      expect(recorded.get(file), `docs/${file} is older than its renderer: ${REDRAW}`).toBe(
        pictureHash(picture),
      );
    },
  );

  it('every PNG in docs/ is one of the pictures, and every recorded hash belongs to one', () => {
    const files = pictures.map((p) => p.file).sort();
    expect(
      readdirSync(DOCS)
        .filter((f) => f.endsWith('.png'))
        .sort(),
    ).toEqual(files);
    expect([...recorded.keys()].sort()).toEqual(files);
  });

  it('shows the demo’s sample data: its projects, its failure and the webhook URLs /sota list gives', () => {
    const html = (file: string) => pictureHtml(pictures.find((p) => p.file === file) ?? pictures[0]!);
    expect(html('message-failed.png')).toContain('Cannot find module');
    expect(html('message-succeeded.png')).toContain('https://shop.sota.io');
    expect(html('command-list.png')).toContain('Payments API');
    expect(html('command-list.png')).toContain(`${SAMPLE_PUBLIC_URL}/webhooks/sota/`);
  });
});
