import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allowedOrigins,
  contentSecurityPolicy,
  isAllowedRequest,
  metaPolicy,
  originOf,
  withMetaPolicy,
} from '../../../../src-main/electron/security-policy';

const APP = 'app://app';
const prod = allowedOrigins(APP);
const dev = allowedOrigins(APP, 'http://localhost:5173/');

describe('contentSecurityPolicy', () => {
  it('denies everything by default and allows only what the app needs', () => {
    const csp = contentSecurityPolicy();
    expect(csp.startsWith("default-src 'none';")).toBe(true);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  });

  it('relaxes inline script and style only for the dev server', () => {
    const csp = contentSecurityPolicy({ dev: true });
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('leaves out frame-ancestors from the <meta> copy, where browsers ignore it', () => {
    expect(contentSecurityPolicy({ delivery: 'meta' })).not.toContain('frame-ancestors');
  });

  it('is the policy in src-renderer/index.html', () => {
    const html = readFileSync(new URL('../../../../src-renderer/index.html', import.meta.url), 'utf8');
    expect(metaPolicy(html)).toBe(contentSecurityPolicy({ delivery: 'meta' }));
  });

  it('can swap the policy in a page', () => {
    const html = '<head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'" /></head>';
    expect(metaPolicy(withMetaPolicy(html, "default-src 'self'"))).toBe("default-src 'self'");
    expect(metaPolicy('<head></head>')).toBeNull();
  });
});

describe('originOf', () => {
  it('gives scheme://host[:port], even for the non-special app: scheme', () => {
    expect(originOf('app://app/index.html')).toBe('app://app');
    expect(originOf('http://localhost:5173/src/app/main.tsx')).toBe('http://localhost:5173');
  });

  it('refuses garbage, credentials and host-less URLs', () => {
    expect(originOf('not a url')).toBeNull();
    expect(originOf('app://user:pw@app/index.html')).toBeNull();
    expect(originOf('file:///etc/passwd')).toBeNull();
  });
});

describe('isAllowedRequest', () => {
  it("lets the app's own files through", () => {
    expect(isAllowedRequest('app://app/index.html', prod)).toBe(true);
    expect(isAllowedRequest('app://app/assets/sql-wasm-browser-abc.wasm', prod)).toBe(true);
  });

  it('cancels everything that would leave the machine or read other files', () => {
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'file:///etc/passwd',
      'app://other/index.html',
      'app://evil@app/index.html',
      'blob:https://example.com/123',
      'devtools://devtools/bundled/inspector.html',
      'chrome-extension://abc/x.js',
      'nonsense',
    ]) {
      expect(isAllowedRequest(url, prod), url).toBe(false);
    }
  });

  it('allows the dev server and its hot-reload socket only in dev, and no look-alikes', () => {
    expect(isAllowedRequest('http://localhost:5173/@vite/client', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:51730/', dev)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isAllowedRequest('https://localhost:5173/', dev)).toBe(false);
  });

  it('treats data: as inline bytes and blob: as its creator', () => {
    expect(isAllowedRequest('data:,', prod)).toBe(true);
    expect(isAllowedRequest('blob:app://app/5f0c', prod)).toBe(true);
  });

  it('lets DevTools load its pages only when asked to', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', dev, { devTools: true })).toBe(true);
  });
});
