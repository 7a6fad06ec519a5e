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
    await mkdir(screensDir, { recursive: true });
    const slug = testInfo.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40);
    await use(async (page, name) => {
      const file = path.join(screensDir, `${slug}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(name, { path: file, contentType: 'image/png' });
    });
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
