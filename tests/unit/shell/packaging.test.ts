import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
// js-yaml and the schema validator as electron-builder itself resolves them.
const builderRequire = createRequire(require.resolve('app-builder-lib'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = builderRequire(path.join(path.dirname(require.resolve('app-builder-lib')), 'util/config/config.js')) as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const configText = fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8');
type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  win: Record<string, unknown> & { publish: Record<string, string> };
  nsis: Record<string, unknown>;
  msi: Record<string, unknown>;
  mac: Record<string, unknown>;
  linux: { target: Array<{ target: string }> };
};
const config = yaml.load(configText) as Config;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and packs the bundles', () => {
    expect(config.productName).toBe('KIM Fallakte');
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'renderer/dist/**', 'package.json']));
    expect(config.asarUnpack).toEqual(['**/*.node']);
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('rebuilds for Electron only while packing', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.beforePack).toBe('scripts/before-pack.cjs');
    expect(config.afterPack).toBe('scripts/after-pack.cjs');
  });

  it('flips the fuses of DESIGN.md', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('installs per machine on Windows, NSIS with self-update and MSI with a fixed upgrade code', () => {
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(config.msi).toMatchObject({ perMachine: true });
    expect(String(config.msi.upgradeCode)).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(config.win.publish).toMatchObject({ provider: 'generic', url: '${env.KIM_UPDATE_URL}' });
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
  });

  it('hardens and notarises on macOS, builds AppImage and deb on Linux', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(fs.existsSync(path.join(repoRoot, String(config.mac.entitlements)))).toBe(true);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
  });

  it('holds no secret', () => {
    expect(configText).not.toMatch(/password\s*:|cscLink\s*:|cscKeyPassword\s*:|certificatePassword\s*:|APPLE_ID\s*:/i);
  });
});

describe('before-pack / after-pack', () => {
  const hooks = require(path.join(repoRoot, 'scripts/before-pack.cjs')) as {
    (context: unknown): Promise<void>;
    nativeModules: string[];
    backupNodeAbiBuild(projectDir: string, moduleName: string): boolean;
    restoreNodeAbiBuild(projectDir: string, moduleName: string): boolean;
  };
  const afterPack = require(path.join(repoRoot, 'scripts/after-pack.cjs')) as (context: unknown) => Promise<void>;
  let project: string | undefined;
  afterEach(() => {
    if (project) fs.rmSync(project, { recursive: true, force: true });
  });

  it('rebuilds only the production native module', () => {
    expect(hooks.nativeModules).toEqual(['better-sqlite3-multiple-ciphers']);
    expect(typeof hooks).toBe('function');
  });

  it('sets the Node-ABI build aside and puts it back after packing', async () => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'kim-pack-'));
    const release = path.join(project, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release');
    fs.mkdirSync(release, { recursive: true });
    fs.writeFileSync(path.join(release, 'better_sqlite3.node'), 'node-abi');

    expect(hooks.backupNodeAbiBuild(project, 'better-sqlite3-multiple-ciphers')).toBe(true);
    // A second arch in the same run keeps the first (Node-ABI) backup.
    fs.writeFileSync(path.join(release, 'better_sqlite3.node'), 'electron-abi');
    expect(hooks.backupNodeAbiBuild(project, 'better-sqlite3-multiple-ciphers')).toBe(false);

    await afterPack({ packager: { projectDir: project } });
    expect(fs.readFileSync(path.join(release, 'better_sqlite3.node'), 'utf8')).toBe('node-abi');
    expect(hooks.restoreNodeAbiBuild(project, 'better-sqlite3-multiple-ciphers')).toBe(false);
  });

  it('refuses to back up a module that was never built', () => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'kim-pack-'));
    expect(() => hooks.backupNodeAbiBuild(project!, 'better-sqlite3-multiple-ciphers')).toThrow(/npm install/);
  });
});

describe('icon', () => {
  it('is a 512×512 RGBA PNG that decodes', () => {
    const png = fs.readFileSync(path.join(repoRoot, 'resources/icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png[24]).toBe(8);
    expect(png[25]).toBe(6);
    const idatStart = png.indexOf('IDAT');
    const idatLength = png.readUInt32BE(idatStart - 4);
    const raw = zlib.inflateSync(png.subarray(idatStart + 4, idatStart + 4 + idatLength));
    expect(raw.length).toBe(512 * (512 * 4 + 1));
  });

  it('has an SVG source', () => {
    expect(fs.readFileSync(path.join(repoRoot, 'resources/icon.svg'), 'utf8')).toContain('viewBox="0 0 512 512"');
  });
});
