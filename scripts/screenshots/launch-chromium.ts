import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's `chromium` package; playwright-core drives it, nothing is downloaded. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags that keep the browser quiet: headless, and no background traffic of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Starts the system Chromium headless; fails with a hint when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!hasChromium()) {
    throw new Error(`${CHROMIUM_PATH} not found: install it with \`apt-get install -y chromium\``);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}
