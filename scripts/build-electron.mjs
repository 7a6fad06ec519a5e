// Bundles the Electron side into dist/electron: main.cjs (package.json "main"), preload.cjs
// (a sandboxed preload can require only `electron`, so everything else is inlined) and
// core-worker.cjs (the core in a worker thread). CommonJS, because the package is "type":
// "module" and Electron's sandboxed preload loads CommonJS only; the .cjs extension says so.
//
//   node scripts/build-electron.mjs [--outdir <folder>] [--minify]
import { build } from 'esbuild';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Kept out of the bundles: Electron is the runtime itself; the SQLite binding is native. */
export const externals = ['electron', 'better-sqlite3-multiple-ciphers'];

export const entries = {
  main: 'electron/main/main.ts',
  preload: 'electron/preload/preload.ts',
  'core-worker': 'electron/core/worker-entry.ts',
};

/** Chromium and Node versions of Electron 39; syntax newer than this is down-levelled. */
const targets = { main: 'node22', 'core-worker': 'node22', preload: 'chrome142' };

/**
 * The contract's channel names, read from the contract itself. The preload needs nothing else
 * from it, and importing it for real would inline all of zod (~750 kB) into a script that runs
 * before every page load.
 */
async function readChannelNames() {
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: ['shared/ipc/contract.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'error',
  });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kim-contract-'));
  try {
    const file = path.join(dir, 'contract.cjs');
    await fs.writeFile(file, result.outputFiles[0].text);
    const { channelNames } = createRequire(import.meta.url)(file);
    if (!Array.isArray(channelNames) || channelNames.length === 0) throw new Error('contract has no channelNames');
    return channelNames;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * For the preload only: `shared/ipc/contract` becomes a module that exports just `channelNames`
 * (the real list, see above). Type checking and the Node tests still see the real contract, so
 * the source reads "derived from the contract" and the bundle stays small. If the preload ever
 * imports anything else from the contract at run time, esbuild fails the build here.
 */
function contractChannelsOnly(channelNames) {
  return {
    name: 'contract-channels-only',
    setup(builder) {
      builder.onResolve({ filter: /(^|\/)shared\/ipc\/contract(\.ts)?$/ }, () => ({
        path: 'contract-channel-names',
        namespace: 'kim-contract',
      }));
      builder.onLoad({ filter: /.*/, namespace: 'kim-contract' }, () => ({
        contents: `export const channelNames = ${JSON.stringify(channelNames)};`,
        loader: 'js',
      }));
    },
  };
}

export async function buildElectron({ outDir = path.join(repoRoot, 'dist', 'electron'), minify = false } = {}) {
  const channelNames = await readChannelNames();
  await Promise.all(
    Object.entries(entries).map(([name, entry]) =>
      build({
        plugins: name === 'preload' ? [contractChannelsOnly(channelNames)] : [],
        absWorkingDir: repoRoot,
        entryPoints: [entry],
        outfile: path.join(outDir, `${name}.cjs`),
        bundle: true,
        platform: name === 'preload' ? 'browser' : 'node',
        format: 'cjs',
        target: targets[name],
        external: externals,
        minify,
        // Stack traces in the main-process log should point at the source; maps stay outside
        // the renderer's reach (they are next to the bundles, not served by app://).
        sourcemap: 'linked',
        legalComments: 'none',
        logLevel: 'warning',
        define: { 'process.env.NODE_ENV': '"production"' },
      }),
    ),
  );
  return outDir;
}

const isCli = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isCli) {
  const { values } = parseArgs({
    options: { outdir: { type: 'string' }, minify: { type: 'boolean', default: false } },
  });
  const outDir = await buildElectron({
    ...(values.outdir ? { outDir: path.resolve(values.outdir) } : {}),
    minify: values.minify,
  });
  console.log(`electron bundles written to ${path.relative(process.cwd(), outDir) || '.'}`);
}
