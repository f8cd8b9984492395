import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layering rules of DESIGN.md are lint errors; these cases prove each rule bites. */
describe('layering rules', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const violations = async (filePath: string, code: string) => {
    const [res] = await eslint.lintText(code, { filePath });
    return (res?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
  };

  it('keeps shared/ free of Node, Electron and the main process', async () => {
    expect(
      await violations(
        'shared/x.ts',
        "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
      ),
    ).toBe(1);
    expect(await violations('shared/x.ts', "import path from 'path';\nexport const a = path;\n")).toBe(1);
    expect(await violations('shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toBe(
      1,
    );
    expect(
      await violations(
        'shared/x.ts',
        "import { createApp } from '../src-main/app/create-app.js';\nexport const a = createApp;\n",
      ),
    ).toBe(1);
  });

  it('lets only src-main/electron/ import electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await violations('src-main/app/x.ts', code)).toBe(1);
    expect(await violations('src-main/electron/x.ts', code)).toBe(0);
  });

  it('keeps the renderer away from src-main and Node', async () => {
    expect(
      await violations(
        'src-renderer/x.ts',
        "import { openDatabase } from '../src-main/db/open.js';\nexport const a = openDatabase;\n",
      ),
    ).toBe(1);
    expect(await violations('src-renderer/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toBe(
      1,
    );
    expect(
      await violations(
        'src-renderer/x.ts',
        "import { contract } from '../shared/api/contract.js';\nexport const a = contract;\n",
      ),
    ).toBe(0);
  });
});
