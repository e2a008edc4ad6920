import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { resolveAppFile } from './protocol-path';

/**
 * Must run before app 'ready'. standard gives app://app a real origin (so CSP 'self' and
 * relative URLs work); secure makes it a secure context (crypto.subtle, which migrations use);
 * supportFetchAPI lets sql.js fetch its wasm. No bypassCSP, no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer folder, and nothing outside it (links resolved first, regular files only), on app://app/. */
export function serveRenderer(root: string, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    const target = await resolveAppFile(root, request.url);
    if (!target.ok) return new Response(null, { status: target.status });
    try {
      const body = await readFile(target.file);
      return new Response(body, {
        headers: { 'Content-Type': target.contentType, 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
