import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';
import { ROOT } from './seed';

/**
 * Builds the preload exactly as `npm run build` does (the preload section of electron.vite.config.ts,
 * resolved by electron-vite), into a temporary folder, and returns the one bundled file's text. Under
 * a second on the build machines, so the tests check the bundle the app would ship rather than
 * whatever out/ happens to hold (CI never builds it).
 */
export async function buildPreload(): Promise<{ file: string; code: string }> {
  const before = process.env.NODE_ENV_ELECTRON_VITE;
  // What electron-vite's own build() sets before resolving the config.
  process.env.NODE_ENV_ELECTRON_VITE = 'production';
  const out = mkdtempSync(path.join(tmpdir(), 'peel-preload-'));
  try {
    const resolved = await resolveConfig({ root: ROOT, logLevel: 'silent' }, 'build', 'production');
    const preload = resolved.config?.preload;
    if (!preload?.build) throw new Error('electron.vite.config.ts has no preload build');
    await build({ ...preload, logLevel: 'silent', build: { ...preload.build, outDir: out, emptyOutDir: true } });
    const files = readdirSync(out);
    if (files.length !== 1 || !files[0]) throw new Error(`expected one preload file, the build wrote: ${files.join(', ') || 'nothing'}`);
    return { file: files[0], code: readFileSync(path.join(out, files[0]), 'utf8') };
  } finally {
    if (before === undefined) delete process.env.NODE_ENV_ELECTRON_VITE;
    else process.env.NODE_ENV_ELECTRON_VITE = before;
    rmSync(out, { recursive: true, force: true });
  }
}
