// electron-builder `afterPack` hook: the app's files (with the Electron-ABI native modules from
// before-pack.cjs) are copied by now, so the repo's node_modules get their Node-ABI build back
// and the tests keep working after `npm run dist`. Run by hand (`node scripts/after-pack.cjs`)
// to recover after a failed pack.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS hook, loaded by electron-builder with require() */

const path = require('node:path');
const { nativeModules, restoreNodeAbiBuild } = require('./before-pack.cjs');

async function afterPack(context) {
  for (const moduleName of nativeModules) restoreNodeAbiBuild(context.packager.projectDir, moduleName);
}

module.exports = afterPack;
module.exports.default = afterPack;

if (require.main === module) {
  const projectDir = path.resolve(__dirname, '..');
  for (const moduleName of nativeModules) {
    console.log(`${moduleName}: ${restoreNodeAbiBuild(projectDir, moduleName) ? 'restored' : 'nothing to restore'}`);
  }
}
