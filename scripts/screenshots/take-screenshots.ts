import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderSlackPreviewHtml } from '../../src/preview/render-slack-preview-html.js';
import { launchChromium } from './launch-chromium.js';
import type { Picture } from './sample-pictures.js';

const VIEWPORT = { width: 720, height: 900 };
const SCALE = 2;

/** Renders every picture's channel on one page and writes a PNG of each to `outDir`; returns the paths. */
export async function takeScreenshots(pictures: readonly Picture[], outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const html = renderSlackPreviewHtml(
    pictures.map((p) => p.item),
    { title: 'sota-slack' },
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: SCALE });
    await page.setContent(html, { waitUntil: 'load' });
    const sections = page.locator('section.channel');
    const written: string[] = [];
    for (const [index, picture] of pictures.entries()) {
      const path = join(outDir, picture.file);
      await sections.nth(index).screenshot({ path, animations: 'disabled' });
      written.push(path);
    }
    return written;
  } finally {
    await browser.close();
  }
}
