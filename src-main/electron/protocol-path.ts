import { realpath, stat } from 'node:fs/promises';
import nodePath from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

export type AppRequestTarget = { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 403 | 404 };

// Served types are the renderer build's own; wasm must be application/wasm or
// WebAssembly.instantiateStreaming refuses it.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'extname' | 'sep'>;

/**
 * Maps an `app://app/…` URL to a file inside the renderer folder. Anything that would resolve
 * outside it (../, encoded %2e%2e or %2f, backslashes on Windows, drive letters) is refused, as is
 * any type we do not ship: the renderer must not become a way to read arbitrary files.
 * `path` is injectable so the Windows rules can be tested on Linux.
 */
export function resolveAppRequest(root: string, url: string, path: PathApi = nodePath): AppRequestTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) return { ok: false, status: 403 };
  let relative: string;
  try {
    relative = decodeURIComponent(u.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (relative.includes('\0')) return { ok: false, status: 400 };
  if (relative === '/' || relative === '') relative = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${relative}`);
  const inside = path.relative(base, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { ok: false, status: 403 };
  const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()];
  if (!contentType) return { ok: false, status: 404 };
  return { ok: true, file, contentType };
}

/** The file system calls the link check needs; Electron's fs answers them inside app.asar too. */
export interface LinkFs {
  realpath(p: string): Promise<string>;
  stat(p: string): Promise<{ isFile(): boolean }>;
}

const nodeFs: LinkFs = { realpath, stat };

/**
 * The file to read for an `app://app/…` URL, or the status to answer instead. On top of the
 * lexical check above, links are resolved: the folder's real path and the target's real path are
 * compared, so a symlink inside the folder that points outside it is refused (403), as is anything
 * that is not a regular file once resolved — a directory, a FIFO (reading one would hang the
 * handler), a device (/dev/zero would never end), a socket (403). A missing file or a link loop is
 * 404. The path returned is the resolved one, so what is read is what was checked.
 *
 * Between this check and the read a local user could swap a link in; that user can already change
 * the app's own files (the folder is the install or app.asar, which Electron reads through its own
 * fs with realpath and stat), so the check is against links at rest, not a race.
 */
export async function resolveAppFile(
  root: string,
  url: string,
  fs: LinkFs = nodeFs,
): Promise<{ ok: true; file: string; contentType: string } | { ok: false; status: 400 | 403 | 404 }> {
  const target = resolveAppRequest(root, url);
  if (!target.ok) return target;
  let realRoot: string;
  let realFile: string;
  try {
    [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(target.file)]);
  } catch {
    return { ok: false, status: 404 };
  }
  const inside = nodePath.relative(realRoot, realFile);
  if (inside === '' || inside.startsWith('..') || nodePath.isAbsolute(inside)) return { ok: false, status: 403 };
  try {
    if (!(await fs.stat(realFile)).isFile()) return { ok: false, status: 403 };
  } catch {
    return { ok: false, status: 404 };
  }
  return { ok: true, file: realFile, contentType: target.contentType };
}
