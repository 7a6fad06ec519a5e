import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreWorkerData } from '../../../electron/core/worker-entry';
import { createCoreClient } from '../../../electron/main/core-client';
import { channelNames } from '../../../shared/ipc/contract';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
// Inside the repo (in the ignored .tmp/), so the bundles resolve node_modules as installed.
const workDir = path.join(repoRoot, '.tmp');
let outDir: string;
let dataRoot: string;

beforeAll(async () => {
  fs.mkdirSync(workDir, { recursive: true });
  outDir = fs.mkdtempSync(path.join(workDir, 'shell-build-'));
  dataRoot = fs.mkdtempSync(path.join(workDir, 'shell-data-'));
  await promisify(execFile)(process.execPath, ['scripts/build-electron.mjs', '--outdir', outDir], { cwd: repoRoot });
}, 60_000);

afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(dataRoot, { recursive: true, force: true });
});

const read = (name: string) => fs.readFileSync(path.join(outDir, name), 'utf8');
const requires = (source: string) => [...new Set([...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] ?? ''))].sort();

describe('scripts/build-electron.mjs', () => {
  it('writes the three CommonJS bundles', () => {
    for (const name of ['main.cjs', 'preload.cjs', 'core-worker.cjs']) {
      expect(fs.existsSync(path.join(outDir, name)), name).toBe(true);
    }
    expect(read('main.cjs')).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('makes a preload that requires only electron and carries the contract channel names', () => {
    const preload = read('preload.cjs');
    expect(requires(preload)).toEqual(['electron']);
    for (const name of channelNames) expect(preload).toContain(JSON.stringify(name));
    // The contract's schemas (zod) stay out; only the names are inlined.
    expect(preload.length).toBeLessThan(20_000);
    expect(preload).toContain('exposeInMainWorld');
  });

  it('keeps electron out of the core worker and the native binding external', () => {
    const worker = read('core-worker.cjs');
    expect(requires(worker)).not.toContain('electron');
    expect(requires(worker)).toContain('better-sqlite3-multiple-ciphers');
    expect(worker).not.toContain('import("./index")');
  });

  it('keeps the main bundle to electron and Node built-ins', () => {
    const external = requires(read('main.cjs')).filter((name) => !name.startsWith('node:'));
    expect(external).toEqual(['electron']);
  });
});

describe('the core worker bundle in a real worker thread', () => {
  it('answers calls through the main-side client and closes cleanly', async () => {
    let exitCode: number | undefined;
    const client = createCoreClient(() => {
      const workerData: CoreWorkerData = { kind: 'kim-core', dataDir: path.join(dataRoot, 'data'), appVersion: '9.9.9' };
      const worker = new Worker(path.join(outDir, 'core-worker.cjs'), { workerData });
      worker.on('exit', (code) => (exitCode = code));
      return worker;
    });

    const info = await client.invoke('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { version: '9.9.9' } });
    expect(await client.invoke('profiles.list', {})).toEqual({ ok: true, value: [] });
    expect(await client.invoke('session.status', {})).toEqual({ ok: true, value: { state: 'locked' } });
    const bad = await client.invoke('session.unlock', { profileId: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    await client.close();
    expect(exitCode).toBe(0);
  });
});
