import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { PluginOption } from 'vite';
import { cspMeta } from './csp-meta.ts';

const ROOT = new URL('../../', import.meta.url);

export function projectPath(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT));
}

export function appVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(projectPath('package.json'), 'utf8'));
  const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
  if (typeof version !== 'string') throw new Error('package.json has no version');
  return version;
}

/** What the Electron renderer and the web build share, so the two cannot drift apart. */
export function rendererShared(): {
  root: string;
  base: string;
  plugins: PluginOption[];
  define: Record<string, string>;
  worker: { format: 'es' };
} {
  return {
    root: projectPath('src-renderer'),
    // Relative asset URLs work both under app://app/ and from any folder of a static web server.
    base: './',
    plugins: [react(), cspMeta()],
    define: { __APP_VERSION__: JSON.stringify(appVersion()) },
    // The DB worker is a module worker that loads pdf.js on demand: ES output keeps that a
    // separate chunk (the default iife format cannot split code).
    worker: { format: 'es' },
  };
}
