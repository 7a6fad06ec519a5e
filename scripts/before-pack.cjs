// electron-builder `beforePack` hook (electron-builder.yml). The repo's node_modules keep Node's
// ABI so vitest and the bench run against them; only the package needs Electron's ABI
// (DESIGN.md, Packaging). So, right before electron-builder copies node_modules into the app:
//   1. the Node-ABI build of each native module is set aside in .tmp/node-abi-backup/,
//   2. @electron/rebuild rebuilds it for the Electron version and target arch being packed
//      (a prebuilt binary is fetched where one exists, else it is compiled),
// and after-pack.cjs puts the Node-ABI build back once the files are copied. A failed pack
// leaves the backup in place; `node scripts/after-pack.cjs` restores it by hand.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS hook, loaded by electron-builder with require() */

const fs = require('node:fs');
const path = require('node:path');

/** Native modules that ship in the app (production dependencies only). */
const nativeModules = ['better-sqlite3-multiple-ciphers'];

const buildDir = (projectDir, moduleName) => path.join(projectDir, 'node_modules', moduleName, 'build');
const backupDir = (projectDir, moduleName) => path.join(projectDir, '.tmp', 'node-abi-backup', moduleName);

/** Copies the module's build/ folder aside, unless a backup from an earlier arch is still there. */
function backupNodeAbiBuild(projectDir, moduleName) {
  const source = buildDir(projectDir, moduleName);
  const target = backupDir(projectDir, moduleName);
  if (fs.existsSync(target)) return false;
  if (!fs.existsSync(source)) throw new Error(`${moduleName}: no build/ folder to back up (npm install first)`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(source, target, { recursive: true });
  return true;
}

/** Puts the Node-ABI build back and removes the backup. */
function restoreNodeAbiBuild(projectDir, moduleName) {
  const source = backupDir(projectDir, moduleName);
  if (!fs.existsSync(source)) return false;
  const target = buildDir(projectDir, moduleName);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(source, target, { recursive: true });
  fs.rmSync(source, { recursive: true, force: true });
  return true;
}

/** electron-builder's Arch enum (0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal) as a name. */
const archNames = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

async function beforePack(context) {
  const projectDir = context.packager.projectDir;
  const electronVersion =
    (context.packager.info && context.packager.info.framework && context.packager.info.framework.version) ||
    require('electron/package.json').version;
  const arch = archNames[context.arch];
  if (arch === undefined || arch === 'universal') {
    throw new Error(`before-pack: unsupported arch ${context.arch}; build one arch at a time`);
  }
  for (const moduleName of nativeModules) backupNodeAbiBuild(projectDir, moduleName);
  // @electron/rebuild is ESM-only.
  const { rebuild } = await import('@electron/rebuild');
  console.log(`  • rebuilding ${nativeModules.join(', ')} for Electron ${electronVersion} (${arch})`);
  await rebuild({
    buildPath: projectDir,
    electronVersion,
    arch,
    platform: context.electronPlatformName,
    onlyModules: nativeModules,
    force: true,
    mode: 'sequential',
  });
}

module.exports = beforePack;
module.exports.default = beforePack;
module.exports.nativeModules = nativeModules;
module.exports.backupNodeAbiBuild = backupNodeAbiBuild;
module.exports.restoreNodeAbiBuild = restoreNodeAbiBuild;
