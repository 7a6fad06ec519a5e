import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startE2eHost, type E2eHost } from '../e2e-host/host';
import { installKimBridge } from '../e2e-host/bridge-init';

export const rendererDir = path.resolve('renderer/dist');
export const screensDir = path.resolve('test-results/screens');

/** Opens a page of the app with `window.kim` wired to the given host. */
export async function openApp(page: Page, host: E2eHost): Promise<void> {
  await page.addInitScript(installKimBridge, host.bridge);
  await page.goto(host.url);
}

/** Starts a fresh e2e host (real core, fresh data folder) — for tests that need two devices. */
export async function startHost(testInfo: TestInfo, name = 'device'): Promise<{ host: E2eHost; dispose(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `kim-e2e-${name}-`));
  const host = await startE2eHost({ dataDir, rendererDir });
  testInfo.annotations.push({ type: 'e2e-host', description: `${name}: ${host.url}` });
  return {
    host,
    async dispose() {
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A full-page screenshot saved as an artifact. The sync status bar sticks to the foot of the
 * window, which a full-page picture would show in the middle of the page; for the picture it
 * sits at the end of the page instead (through the CSSOM: the app's CSP forbids the inline
 * style sheet Playwright's `style` option would add).
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, stem: string, name: string): Promise<void> {
  await mkdir(screensDir, { recursive: true });
  const file = path.join(screensDir, `${stem}-${name}.png`);
  const setBar = (position: string) =>
    page.evaluate((value) => document.querySelectorAll<HTMLElement>('.sync-bar').forEach((bar) => (bar.style.position = value)), position);
  await setBar('static');
  await page.screenshot({ path: file, fullPage: true });
  await setBar('');
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

type Fixtures = {
  host: E2eHost;
  /** a page with the app loaded and `window.kim` installed */
  app: Page;
  /** saves a full-page screenshot as an artifact: test-results/screens/<test>-<name>.png */
  shot: (page: Page, name: string) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use, testInfo) => {
    const started = await startHost(testInfo);
    await use(started.host);
    await started.dispose();
  },
  app: async ({ page, host }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await openApp(page, host);
    await use(page);
    // A page that threw or logged errors is a failed screen, even if the clicks went through.
    expect(problems, 'Fehler in der Seite').toEqual([]);
  },
  // eslint-disable-next-line no-empty-pattern
  shot: async ({}, use, testInfo) => {
    const slug = testInfo.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40);
    await use((page, name) => saveScreenshot(page, testInfo, slug, name));
  },
});

/** axe must find no serious or critical violation on the current screen (BITV 2.0 / WCAG 2.1 AA). */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const severe = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(severe, 'axe: schwere Barrierefreiheitsfehler').toEqual([]);
}

export { expect };
