/**
 * The renderer is served from `app://app/…` rather than `file://`, so it has a real origin: CSP
 * 'self', fetch and the IPC sender check all mean "this app" and never "any file on disk".
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
