/**
 * `npm run screenshots`: PNGs of the messages and command answers for the README, drawn by the
 * preview page in headless Chromium (Debian's `chromium` package) and written to docs/.
 */
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { samplePictures } from './screenshots/sample-pictures.js';
import { takeScreenshots } from './screenshots/take-screenshots.js';

const DOCS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');

takeScreenshots(samplePictures(), DOCS_DIR).then(
  (paths) => {
    for (const path of paths) process.stdout.write(`wrote ${relative(process.cwd(), path)}\n`);
  },
  (err: unknown) => {
    process.stderr.write(`screenshots failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
