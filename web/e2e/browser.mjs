// Launches Debian's chromium headless through playwright-core (no bundled browser).
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // --no-sandbox: the tests run as root in CI containers, where chromium's sandbox cannot start.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--mute-audio'],
  });
}

/** Seconds the first visible feed clip has played, after waiting `ms`; null if none. */
export async function playedSeconds(page, selector, ms = 1500) {
  const start = await page.$eval(selector, (v) => v.currentTime);
  await page.waitForTimeout(ms);
  const end = await page.$eval(selector, (v) => v.currentTime);
  return { start, end };
}
