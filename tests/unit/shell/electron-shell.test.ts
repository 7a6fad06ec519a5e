import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The shell in a real Electron, where one is installed. Everything it checks is also covered by
 * the Node tests beside it; this one proves the wiring (preload really exposed, sandbox really
 * on, sender check really passes for our own page). On machines without the Electron binary
 * (ELECTRON_SKIP_BINARY_DOWNLOAD) it is skipped and says why.
 */
function findElectronBinary(): string | null {
  try {
    // In plain Node, `require('electron')` is the binary's path, and throws when it is missing.
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electronBinary = findElectronBinary();
if (electronBinary === null) {
  console.log('[skip] tests/unit/shell/electron-shell.test.ts: no Electron binary installed (ELECTRON_SKIP_BINARY_DOWNLOAD); the shell is covered by the Node tests only.');
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe.skipIf(electronBinary === null)('the shell in Electron', () => {
  let outDir: string;
  let userData: string;
  type App = Awaited<ReturnType<typeof import('@playwright/test')['_electron']['launch']>>;
  let app: App;

  beforeAll(async () => {
    const workDir = path.join(repoRoot, '.tmp');
    fs.mkdirSync(workDir, { recursive: true });
    outDir = fs.mkdtempSync(path.join(workDir, 'electron-smoke-'));
    userData = fs.mkdtempSync(path.join(workDir, 'electron-smoke-data-'));
    await promisify(execFile)(process.execPath, ['scripts/build-electron.mjs', '--outdir', outDir], { cwd: repoRoot });
    const { _electron } = await import('@playwright/test');
    app = await _electron.launch({
      executablePath: electronBinary ?? undefined,
      // Chromium refuses to run as root without this; the renderer sandbox flag stays on.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), path.join(outDir, 'main.cjs')],
      env: { ...process.env, KIM_USER_DATA_DIR: userData } as Record<string, string>,
    });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(userData, { recursive: true, force: true });
  });

  it('loads app://kim with window.kim and without Node', async () => {
    const page = await app.firstWindow();
    expect(page.url()).toMatch(/^app:\/\/kim\//);
    const facts = await page.evaluate(async () => {
      const scope = globalThis as unknown as Record<string, unknown> & { kim?: { invoke(c: string, i: unknown): Promise<unknown> } };
      return {
        bridgeKeys: scope.kim ? Object.keys(scope.kim) : null,
        hasRequire: typeof scope.require !== 'undefined',
        hasProcess: typeof scope.process !== 'undefined',
        unknown: await scope.kim?.invoke('fs.readFile', {}),
        info: await scope.kim?.invoke('app.info', {}),
        popup: window.open('https://example.org/') === null,
      };
    });
    expect(facts.bridgeKeys).toEqual(['invoke']);
    expect(facts.hasRequire).toBe(false);
    expect(facts.hasProcess).toBe(false);
    expect(facts.unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    // The sender check passed (no FORBIDDEN_SENDER); whether the core answers depends on the
    // native module's ABI in this tree.
    expect(facts.info).not.toMatchObject({ error: { code: 'FORBIDDEN_SENDER' } });
    expect(facts.popup).toBe(true);
  });

  it('stays on app://kim when the page tries to leave', async () => {
    const page = await app.firstWindow();
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(page.url()).toMatch(/^app:\/\/kim\//);
  });
});
