import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * Playwright drives the real renderer bundle in Debian's Chromium; browsers cannot be downloaded
 * here (`npx playwright install` fails without internet), so the system binary is used.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * One time zone for the page and for the core behind the e2e host (which runs in the test
 * worker, a child of this process): forms fill in the browser's "today", the core checks dates
 * against its own; in different zones they disagree for hours around midnight.
 */
const timeZone = process.env.TZ || 'Europe/Berlin';
process.env.TZ = timeZone;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  // Long keyboard journeys with an accessibility check per screen take 30–100 s here; a loaded
  // 2-core CI machine has been seen three to four times slower.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1280, height: 860 },
    locale: 'de-DE',
    timezoneId: timeZone,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(existsSync(chromiumPath) ? { executablePath: chromiumPath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // Date inputs follow the browser's UI language: German case managers see TT.MM.JJJJ.
        '--lang=de-DE',
      ],
    },
  },
});
