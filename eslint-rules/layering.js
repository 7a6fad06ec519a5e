// @ts-check
import path from 'node:path';
import { builtinModules } from 'node:module';

/**
 * The layering table of DESIGN.md (Parts) as a lint rule, in the spirit of VS Code's
 * code-layering rule: every import is resolved to the part of the tree it points into, and a
 * part may only import from the parts the table allows. Relative paths are resolved, so
 * `../core/x` from electron/preload is caught as surely as `electron/core/x`.
 */

/** @typedef {'shared'|'core'|'main'|'preload'|'renderer'|'server'|'tests'|'bench'|'scripts'|'other'} Part */

/** @type {Array<[string, Part]>} longest prefix first */
const partsByFolder = [
  ['electron/core/', 'core'],
  ['electron/main/', 'main'],
  ['electron/preload/', 'preload'],
  ['shared/', 'shared'],
  ['renderer/', 'renderer'],
  ['server/', 'server'],
  ['tests/', 'tests'],
  ['bench/', 'bench'],
  ['scripts/', 'scripts'],
];

/** What each part may import from our own tree. */
const allowedParts = {
  shared: ['shared'],
  core: ['core', 'shared'],
  main: ['main', 'core', 'shared'],
  preload: ['preload', 'shared'],
  renderer: ['renderer', 'shared'],
  server: ['server', 'shared'],
};

/** Which parts may import the `electron` package, and which may use Node's built-ins. */
const mayImportElectron = new Set(['main', 'preload', 'tests', 'scripts', 'other']);
const mayImportNodeBuiltins = new Set(['core', 'main', 'server', 'tests', 'bench', 'scripts', 'other']);
const nodeBuiltins = new Set(builtinModules);

/** @param {string} root @param {string} file @returns {Part} */
function partOf(root, file) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  for (const [folder, part] of partsByFolder) if (relative.startsWith(folder)) return part;
  return 'other';
}

const reason = 'DESIGN.md, Parts';

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforces the layering table of DESIGN.md (Parts).' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = partOf(root, file);

    /** @param {import('estree').Node} node @param {string} specifier */
    const check = (node, specifier) => {
      if (specifier === 'electron' || specifier.startsWith('electron/')) {
        if (!mayImportElectron.has(from)) {
          context.report({ node, message: `Nur electron/main und electron/preload dürfen "electron" importieren (${reason}).` });
        }
        return;
      }
      const bare = specifier.replace(/^node:/, '').split('/')[0] ?? '';
      if (specifier.startsWith('node:') || nodeBuiltins.has(bare)) {
        if (!mayImportNodeBuiltins.has(from)) {
          context.report({ node, message: `${from}/ läuft auch im Browser und darf keine Node-Module importieren (${reason}).` });
        }
        return;
      }
      if (/^better-sqlite3/.test(specifier) && (from === 'shared' || from === 'renderer' || from === 'preload')) {
        context.report({ node, message: `Nur electron/core greift auf SQLite zu (${reason}).` });
        return;
      }
      if (!specifier.startsWith('.')) return;
      const to = partOf(root, path.resolve(path.dirname(file), specifier));
      const allowed = /** @type {Record<string, string[]>} */ (allowedParts)[from];
      if (allowed && !allowed.includes(to)) {
        context.report({ node, message: `${from} darf nicht aus ${to} importieren; erlaubt: ${allowed.join(', ')} (${reason}).` });
      }
    };

    /** @param {any} node */
    const fromSource = (node) => {
      if (node.source && typeof node.source.value === 'string') check(node, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: fromSource,
      CallExpression(node) {
        const [argument] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && argument?.type === 'Literal' && typeof argument.value === 'string') {
          check(node, argument.value);
        }
      },
    };
  },
};

export default { rules: { layering: layeringRule } };
