import { describe, expect, it } from 'vitest';
import { violations } from './lint-helper';

/**
 * src-main by runtime (eslint.config.js): electron/ is the main process, preload/ runs in the
 * renderer's sandbox, node/ and cli/ are plain Node. Each rule shown failing on a deliberate
 * violation and quiet on the allowed form.
 */
const RESTRICTED = 'no-restricted-imports';

describe('src-main folders lint rules', () => {
  it('keeps Electron out of the plain Node code: the package, the main process and the preload', async () => {
    for (const [file, code] of [
      ['src-main/node/x.ts', `import { app } from 'electron';\nexport const a = app;\n`],
      ['src-main/node/x.ts', `import type { BrowserWindow } from 'electron';\nexport type W = BrowserWindow;\n`],
      ['src-main/node/workspace/x.ts', `import { ipcMain } from 'electron/main';\nexport const i = ipcMain;\n`],
      ['src-main/node/x.ts', `import { createMainWindow } from '../electron/window';\nexport const w = createMainWindow;\n`],
      ['src-main/node/workspace/x.ts', `import { appPaths } from '../../electron/app-paths';\nexport const p = appPaths;\n`],
      ['src-main/node/x.ts', `import { createBridge } from '../preload/bridge';\nexport const b = createBridge;\n`],
      ['src-main/cli/x.ts', `import { dialog } from 'electron';\nexport const d = dialog;\n`],
      ['src-main/cli/x.ts', `import { createMainHost } from '../electron/ipc-handlers';\nexport const h = createMainHost;\n`],
    ]) {
      const found = await violations(file!, code!, RESTRICTED);
      expect(found, `${file}: ${code}`).toHaveLength(1);
      expect(found[0]?.message).toContain('Plain Node code');
    }
  });

  it('lets the plain Node code import Node, core and its own modules, and the main process import it', async () => {
    const allowed = [
      `import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n`,
      `import { FileWorkspaceStore } from './workspace/file-store';\nexport const s = FileWorkspaceStore;\n`,
      `import { ok } from '../../src-core/host/contract';\nexport const o = ok;\n`,
      `import { loadSqlEngine } from '../node/sqljs';\nexport const l = loadSqlEngine;\n`,
    ];
    for (const code of allowed) {
      expect(await violations('src-main/node/x.ts', code, RESTRICTED), code).toEqual([]);
      expect(await violations('src-main/cli/x.ts', code, RESTRICTED), code).toEqual([]);
    }
    expect(
      await violations(
        'src-main/electron/x.ts',
        `import { app } from 'electron';\nimport { createMainHost } from '../node/main-host';\nexport const a = [app, createMainHost];\n`,
        RESTRICTED,
      ),
    ).toEqual([]);
  });

  it('still keeps React out of the plain Node code', async () => {
    const found = await violations('src-main/node/x.ts', `import 'react';\n`, RESTRICTED);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('never imports React');
  });

  it('lets the preload import only electron, zod and src-core/host', async () => {
    for (const code of [
      `import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n`,
      `import { readFileSync } from 'fs';\nexport const r = readFileSync;\n`,
      `import { FileWorkspaceStore } from '../node/workspace/file-store';\nexport const s = FileWorkspaceStore;\n`,
      `import { registerIpc } from '../electron/ipc';\nexport const r = registerIpc;\n`,
      `import { readJournal } from '../../src-core/workspace/journal';\nexport const j = readJournal;\n`,
      `import { ipcMain } from 'electron/main';\nexport const i = ipcMain;\n`,
      `import React from 'react';\nexport const R = React;\n`,
      // The same files reached by climbing out of an allowed start.
      `import { FileWorkspaceStore } from './../node/workspace/file-store';\nexport const s = FileWorkspaceStore;\n`,
      `import { readJournal } from '../../src-core/host/../workspace/journal';\nexport const j = readJournal;\n`,
    ]) {
      const found = await violations('src-main/preload/x.ts', code, RESTRICTED);
      expect(found, code).toHaveLength(1);
      expect(found[0]?.message).toContain('The preload may import only');
    }
    const allowed = `import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { ok } from '../../src-core/host/contract';
import { buildApi } from '../../src-core/host/methods';
import { createBridge } from './bridge';
export const all = [contextBridge, ipcRenderer, z, ok, buildApi, createBridge];
`;
    expect(await violations('src-main/preload/x.ts', allowed, RESTRICTED)).toEqual([]);
  });
});
