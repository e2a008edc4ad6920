// No imports: the Vite configs load this file too, and Vite's native config loader wants
// explicit extensions that the rest of src-main does not use.

/**
 * The renderer's Content-Security-Policy, built in one place so the response header (main), the
 * <meta> in index.html (checked by a unit test) and the dev server's relaxed copy cannot drift.
 */
export interface PolicyOptions {
  /**
   * Vite's dev server injects an inline React Refresh preamble and inline <style> tags, so dev
   * needs 'unsafe-inline'. Never in a build.
   */
  dev?: boolean;
  /** frame-ancestors is ignored (with a console warning) when delivered by <meta>. */
  delivery?: 'header' | 'meta';
}

/**
 * The SHA-256 of the briefing pack's stylesheet (BRIEF_CSS in src-core/brief/html-style.ts, a
 * constant). The Briefing view previews the pack in an <iframe sandbox srcdoc>, and a srcdoc
 * document inherits this policy, so its one <style> element is allowed by hash: that sheet and no
 * other inline style, never 'unsafe-inline'. A unit test recomputes it from BRIEF_CSS.
 */
export const BRIEF_STYLE_HASH = "'sha256-Na4xSrUhQ26frw3X/zgJwml0s2hajF/fPuxX/hByDGo='";

export function contentSecurityPolicy({ dev = false, delivery = 'header' }: PolicyOptions = {}): string {
  const inline = dev ? " 'unsafe-inline'" : '';
  // With a hash present browsers ignore 'unsafe-inline', which the dev server needs: dev has no hash.
  const styleHash = dev ? '' : ` ${BRIEF_STYLE_HASH}`;
  const directives = [
    "default-src 'none'",
    // sql.js compiles its WebAssembly at run time; 'wasm-unsafe-eval' allows that and not eval().
    `script-src 'self' 'wasm-unsafe-eval'${inline}`,
    `style-src 'self'${styleHash}${inline}`,
    // AG Grid's stylesheets draw some icons with data: SVG images.
    "img-src 'self' data:",
    // AG Grid's icon font is embedded in its stylesheet as a data: URL: inline bytes, nothing fetched.
    'font-src data:',
    // The wasm binary and (in the web build) the default workspace are fetched from our origin.
    "connect-src 'self'",
    // The DB worker (sql.js, and pdf.js in-process) is a module script from our origin; nothing else.
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  if (delivery === 'header') directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

/** The origins the renderer may load anything from: the app itself and, in dev, the Vite server. */
export function allowedOrigins(appOrigin: string, devServerUrl?: string): string[] {
  const origins = [appOrigin];
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  if (dev) {
    origins.push(dev);
    // Vite's hot-reload socket lives on the same host and port.
    origins.push(dev.replace(/^http/, 'ws'));
  }
  return origins;
}

/**
 * `scheme://host[:port]`, or null for anything unparsable or carrying credentials. Built by hand
 * because WHATWG URL reports origin "null" for non-special schemes such as app:.
 */
export function originOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.username || u.password || !u.host) return null;
  return `${u.protocol}//${u.host}`;
}

/**
 * Whether the session may let a request through. data: URLs carry their bytes inline (no network;
 * CSP still decides whether the page may use them); blob: URLs count as their creator's origin.
 */
export function isAllowedRequest(url: string, origins: readonly string[], opts: { devTools?: boolean } = {}): boolean {
  if (url.startsWith('data:')) return true;
  if (opts.devTools && url.startsWith('devtools:')) return true;
  const inner = url.startsWith('blob:') ? url.slice('blob:'.length) : url;
  const origin = originOf(inner);
  return origin !== null && origins.includes(origin);
}

const META_CSP = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

/** The policy in an HTML page's CSP <meta>, or null when there is none. */
export function metaPolicy(html: string): string | null {
  return META_CSP.exec(html)?.[1] ?? null;
}

export function withMetaPolicy(html: string, policy: string): string {
  return html.replace(META_CSP, (tag, old: string) => tag.replace(old, policy));
}
