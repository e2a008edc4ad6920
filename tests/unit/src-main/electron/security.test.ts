import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents } from '../../../../src-main/electron/security';

type Listener = (...args: unknown[]) => void;

/** Just enough of a Session to capture the handlers hardenSession installs. */
function fakeSession() {
  const h: Record<string, Listener> = {};
  const session = {
    webRequest: {
      onBeforeRequest: (fn: Listener) => (h.beforeRequest = fn),
      onHeadersReceived: (fn: Listener) => (h.headers = fn),
    },
    setPermissionRequestHandler: (fn: Listener) => (h.permissionRequest = fn),
    setPermissionCheckHandler: (fn: Listener) => (h.permissionCheck = fn),
  };
  return { session: session as unknown as Session, h };
}

const policy = { origins: ['app://app'], csp: "default-src 'none'", devTools: false };

describe('hardenSession', () => {
  it('cancels every request that is not for the app itself', () => {
    const { session, h } = fakeSession();
    hardenSession(session, policy);
    const decide = (url: string) => {
      const callback = vi.fn();
      h.beforeRequest?.({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('app://app/index.html')).toEqual({ cancel: false });
    for (const url of ['https://example.com/', 'http://127.0.0.1:9/', 'file:///etc/passwd', 'devtools://devtools/x']) {
      expect(decide(url), url).toEqual({ cancel: true });
    }
  });

  it('puts the CSP on every response, replacing any other', () => {
    const { session, h } = fakeSession();
    hardenSession(session, policy);
    const callback = vi.fn();
    h.headers?.({ responseHeaders: { 'Content-Security-Policy': ['default-src *'], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': ["default-src 'none'"], 'X-Other': ['1'] } });
  });

  it('denies every permission request and check', () => {
    const { session, h } = fakeSession();
    hardenSession(session, policy);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      h.permissionRequest?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(h.permissionCheck?.()).toBe(false);
  });
});

describe('hardenWebContents', () => {
  it('refuses navigation, redirects, webviews and new windows', () => {
    const on: Record<string, Listener> = {};
    let openHandler: Listener | undefined;
    const contents = {
      on: (event: string, fn: Listener) => (on[event] = fn),
      setWindowOpenHandler: (fn: Listener) => (openHandler = fn),
    } as unknown as WebContents;
    hardenWebContents(contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = { preventDefault: vi.fn() };
      on[event]?.(e, 'https://evil.example/');
      expect(e.preventDefault, event).toHaveBeenCalled();
    }
    expect(openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
