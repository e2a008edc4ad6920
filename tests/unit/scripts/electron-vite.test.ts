import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-node';
import { ROOT } from '../../helpers/seed';

const SCRIPT = path.join(ROOT, 'scripts/electron-vite.mjs');
const start = (env: Record<string, string>, ...args: string[]) => runNode(SCRIPT, args, env);

describe('npm start on a machine with its own Electron build', () => {
  it('uses the build ELECTRON_OVERRIDE_DIST_PATH points at', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'electron-dist-'));
    if (process.platform === 'win32') return;
    const exe = path.join(dir, process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron');
    writeFileSync(exe, '#!/bin/sh\necho "electron $@"\n');
    chmodSync(exe, 0o755);
    const { code, stdout } = await start({ ELECTRON_OVERRIDE_DIST_PATH: dir }, '--version');
    expect(code).toBe(0);
    expect(stdout).toMatch(/electron-vite\/\d+\.\d+\.\d+/);
  });

  it('says what to do when the folder holds no Electron', async () => {
    const { code, stderr } = await start({ ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-v45' }, '--version');
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^peel-workbench: no Electron executable at \/nonexistent\/electron-v45\/electron; check ELECTRON_OVERRIDE_DIST_PATH \(see README\)\./,
    );
  });
});
