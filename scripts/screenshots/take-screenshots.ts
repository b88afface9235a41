import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './launch-chromium.js';
import { PICTURE_HASHES_FILE, type Picture, pictureHashLines, pictureHtml } from './sample-pictures.js';

const VIEWPORT = { width: 720, height: 900 };
const SCALE = 2;

/**
 * Draws each picture from its own page and writes its PNG to `outDir`, then the SHA-256 of every page
 * beside them (pictures.sha256), so a test can tell when a picture is older than its renderer.
 * Returns the paths written.
 */
export async function takeScreenshots(pictures: readonly Picture[], outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: SCALE });
    const written: string[] = [];
    for (const picture of pictures) {
      await page.setContent(pictureHtml(picture), { waitUntil: 'load' });
      const path = join(outDir, picture.file);
      await page.locator('section.channel').first().screenshot({ path, animations: 'disabled' });
      written.push(path);
    }
    const hashes = join(outDir, PICTURE_HASHES_FILE);
    writeFileSync(hashes, pictureHashLines(pictures));
    return [...written, hashes];
  } finally {
    await browser.close();
  }
}
