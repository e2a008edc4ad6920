import type { Session, WebContents } from 'electron';
import { isAllowedRequest } from './security-policy';

export interface SessionPolicy {
  origins: readonly string[];
  csp: string;
  /** Development only: lets DevTools load its own devtools:// pages. */
  devTools: boolean;
}

/**
 * Offline by construction: anything not from the app's own origin (or the dev server) is cancelled
 * before it leaves, every permission prompt is refused, and every response carries the CSP.
 */
export function hardenSession(session: Session, policy: SessionPolicy): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, policy.origins, { devTools: policy.devTools }) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy.csp] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** The app is one page: it never navigates, opens windows or embeds webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
