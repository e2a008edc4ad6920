#!/usr/bin/env node
// Runs `electron-vite <command>` with the Electron executable resolved first. electron-vite 6 looks
// for the binary itself and gives up ("Electron uninstall") when Electron 45 has not fetched it
// yet, and it ignores ELECTRON_OVERRIDE_DIST_PATH; the electron package does both properly.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const EXECUTABLE = { win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' };

function electronExecutable() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return path.join(override, EXECUTABLE[process.platform] ?? 'electron');
  try {
    // Downloads the binary on first use, from the Electron release mirror.
    return require('electron');
  } catch (e) {
    console.error(`peel-workbench: Electron's binary is not installed and could not be fetched (${e instanceof Error ? e.message : e}).`);
    console.error(
      'On an offline machine, set ELECTRON_OVERRIDE_DIST_PATH to the folder of an Electron 45 build you already have (see README).',
    );
    process.exit(1);
  }
}

const exe = electronExecutable();
if (!existsSync(exe)) {
  console.error(`peel-workbench: no Electron executable at ${exe}; check ELECTRON_OVERRIDE_DIST_PATH (see README).`);
  process.exit(1);
}
// The package exports only its API, so find the CLI through package.json's "bin".
const pkgFile = require.resolve('electron-vite/package.json');
const cli = path.join(path.dirname(pkgFile), require(pkgFile).bin['electron-vite']);
const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: exe },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
