import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-node';
import { ROOT } from '../../helpers/seed';

const SCRIPT = path.join(ROOT, 'scripts/electron-vite.mjs');
const start = (env: Record<string, string>, ...args: string[]) => runNode(SCRIPT, args, env);

describe('npm start on a machine with its own Electron build', () => {
  it('starts the Electron build ELECTRON_OVERRIDE_DIST_PATH points at', async () => {
    if (process.platform === 'win32') return;
    const dist = mkdtempSync(path.join(tmpdir(), 'electron-dist-'));
    const exe = path.join(dist, process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron');
    mkdirSync(path.dirname(exe), { recursive: true });
    // A stand-in for Electron that records how electron-vite started it.
    writeFileSync(exe, `#!/bin/sh\necho "started $@" > "${path.join(dist, 'ran.txt')}"\n`);
    chmodSync(exe, 0o755);
    const app = mkdtempSync(path.join(tmpdir(), 'electron-app-'));
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', main: 'main.js', type: 'module' }));
    writeFileSync(path.join(app, 'main.js'), '');
    const { code } = await runNode(SCRIPT, ['preview', '--skipBuild'], { ELECTRON_OVERRIDE_DIST_PATH: dist }, app);
    expect(code).toBe(0);
    await expect.poll(() => existsSync(path.join(dist, 'ran.txt'))).toBe(true);
    expect(readFileSync(path.join(dist, 'ran.txt'), 'utf8')).toBe('started .\n');
  });

  it('says what to do when the folder holds no Electron', async () => {
    const { code, stderr } = await start({ ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-v45' }, '--version');
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^peel-workbench: no Electron executable at \/nonexistent\/electron-v45\/electron; check ELECTRON_OVERRIDE_DIST_PATH \(see README\)\./,
    );
  });
});

// Where Electron's binary is already installed nothing is fetched, so there is nothing to simulate.
const ELECTRON_PKG = path.join(ROOT, 'node_modules/electron');
const binaryInstalled = existsSync(path.join(ELECTRON_PKG, 'path.txt')) && existsSync(path.join(ELECTRON_PKG, 'dist'));

describe('npm start on a machine where Electron cannot be fetched', () => {
  it.skipIf(binaryInstalled)(
    'says so in one line, names ELECTRON_OVERRIDE_DIST_PATH and npm run web, and exits 1 without a stack trace',
    async () => {
      // An empty download cache, so nothing fetched earlier can stand in for the download.
      const cache = mkdtempSync(path.join(tmpdir(), 'electron-cache-'));
      const { code, stdout, stderr } = await start(
        {
          ELECTRON_OVERRIDE_DIST_PATH: '',
          // Nothing listens on port 9 (discard): the download fails at once, as it does offline.
          ELECTRON_MIRROR: 'http://127.0.0.1:9/',
          electron_config_cache: cache,
        },
        'preview',
      );
      rmSync(cache, { recursive: true, force: true });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const lines = stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^peel-workbench: the Electron binary could not be fetched/);
      expect(lines[0]).toContain('ELECTRON_OVERRIDE_DIST_PATH');
      expect(lines[0]).toContain('npm run web');
      expect(stderr).not.toMatch(/\n\s+at |Error:/);
    },
  );
});
