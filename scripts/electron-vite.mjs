#!/usr/bin/env node
// Runs `electron-vite <command>` with the Electron executable resolved first. electron-vite 6 looks
// for the binary itself and gives up ("Electron uninstall") when Electron 45 has not fetched it
// yet, and it ignores ELECTRON_OVERRIDE_DIST_PATH; the electron package does both properly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const EXECUTABLE = { win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' };
const NOT_FETCHED =
  'peel-workbench: the Electron binary could not be fetched (this machine may be offline); set ELECTRON_OVERRIDE_DIST_PATH ' +
  'to the folder of an Electron 45 build you already have, or run `npm run web` to use the workbench in a browser.';

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** Whether the electron package has its binary: install.js writes path.txt after unpacking dist/. */
function hasBinary(pkgDir) {
  try {
    return existsSync(path.join(pkgDir, 'dist', readFileSync(path.join(pkgDir, 'path.txt'), 'utf8')));
  } catch {
    return false;
  }
}

function electronExecutable() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return path.join(override, EXECUTABLE[process.platform] ?? 'electron');
  const pkgDir = path.dirname(require.resolve('electron/package.json'));
  if (!hasBinary(pkgDir)) {
    // require('electron') would download with inherited output and print a stack trace when that
    // fails (always, offline); fetch here with the output captured, and say what to do in one line.
    const fetched = spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { stdio: 'pipe', timeout: 15 * 60_000 });
    if (fetched.status !== 0 || !hasBinary(pkgDir)) fail(NOT_FETCHED);
  }
  try {
    return require('electron');
  } catch {
    return fail(NOT_FETCHED);
  }
}

const exe = electronExecutable();
if (!existsSync(exe)) fail(`peel-workbench: no Electron executable at ${exe}; check ELECTRON_OVERRIDE_DIST_PATH (see README).`);
// The package exports only its API, so find the CLI through package.json's "bin".
const pkgFile = require.resolve('electron-vite/package.json');
const cli = path.join(path.dirname(pkgFile), require(pkgFile).bin['electron-vite']);
const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: exe },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
