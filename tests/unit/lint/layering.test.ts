import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';

/**
 * The layering table of DESIGN.md (Parts) is enforced by eslint.config.js. These cases lint
 * small snippets as if they lived at the given paths, so a loosened rule fails here.
 */
const eslint = new ESLint({ cwd: path.resolve('.') });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'kim/layering').map((m) => m.message);
}

describe('layering rule', () => {
  const refused: Array<[string, string]> = [
    ['renderer/src/bad.ts', "import { createCore } from '../../electron/core/index';\nvoid createCore;\n"],
    ['renderer/src/bad.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['renderer/src/deep/bad.ts', "import x from '../../../electron/main/main';\nvoid x;\n"],
    ['electron/core/bad.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['electron/core/bad.ts', "import { ipcMain } from 'electron/main';\nvoid ipcMain;\n"],
    ['shared/bad.ts', "import { createCore } from '../electron/core/index';\nvoid createCore;\n"],
    ['shared/bad.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n"],
    ['server/src/bad.ts', "import { createCore } from '../../electron/core/index';\nvoid createCore;\n"],
    ['server/src/bad.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['electron/preload/bad.ts', "import { createCore } from '../core/index';\nvoid createCore;\n"],
  ];
  it.each(refused)('refuses %s importing across a line', async (file, code) => {
    const errors = await layeringErrors(file, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/DESIGN\.md/);
  });

  const allowed: Array<[string, string]> = [
    ['renderer/src/ok.ts', "import { contract } from '../../shared/ipc/contract';\nvoid contract;\n"],
    ['electron/main/ok.ts', "import { app } from 'electron';\nimport { createCore } from '../core/index';\nvoid app; void createCore;\n"],
    ['electron/preload/ok.ts', "import { contextBridge } from 'electron';\nvoid contextBridge;\n"],
    ['electron/core/ok.ts', "import { uuidv7 } from '../../shared/ids';\nimport { readFileSync } from 'node:fs';\nvoid uuidv7; void readFileSync;\n"],
    ['server/src/ok.ts', "import { uuidv7 } from '../../shared/ids';\nvoid uuidv7;\n"],
  ];
  it.each(allowed)('allows %s its own imports', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
