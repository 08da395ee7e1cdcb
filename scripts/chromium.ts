/**
 * Finds the Chromium that every browser test runs in: `CHROME_PATH` if set, else the system's
 * `/usr/bin/chromium`, else Playwright's own download. Run directly, it checks that one exists.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

const systemChromium = '/usr/bin/chromium';

export class NoBrowserError extends Error {
  override name = 'NoBrowserError';
}

export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  if (env.CHROME_PATH) {
    if (existsSync(env.CHROME_PATH)) return env.CHROME_PATH;
    throw new NoBrowserError(`CHROME_PATH is set to ${env.CHROME_PATH}, but no file is there.`);
  }
  if (existsSync(systemChromium)) return systemChromium;
  const playwrightChromium = chromium.executablePath();
  if (existsSync(playwrightChromium)) return playwrightChromium;
  throw new NoBrowserError(
    'No Chromium found for the browser tests. Install one, then run the tests again:\n' +
      '  Debian or Ubuntu:  sudo apt-get install chromium\n' +
      '  elsewhere:         pnpm exec playwright install chromium\n' +
      '  or point CHROME_PATH at an installed Chrome or Chromium.',
  );
}

if (import.meta.main) {
  try {
    console.log(`Browser tests use ${chromiumPath()}`);
  } catch (error) {
    if (!(error instanceof NoBrowserError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
