/**
 * The seam between the renderer and whatever hosts it (Electron main via the preload bridge, or
 * the browser for `npm run web` and the Playwright tests). Runtime-neutral on purpose: the
 * preload, the main process and the renderer all compile it.
 */

export type HostErrorCode =
  /** The thing asked for does not exist (e.g. the default workspace was never built). */
  | 'not-found'
  /** It exists but could not be read. */
  | 'read-failed'
  /** The caller is not allowed to ask (wrong frame, origin or window). */
  | 'forbidden'
  /** The host answered with something that does not match this contract. */
  | 'bad-response'
  /** The host could not be reached at all (IPC or network failure). */
  | 'unavailable';

export interface HostError {
  code: HostErrorCode;
  message: string;
}

/** Crosses process boundaries instead of exceptions, which IPC would flatten to bare strings. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: HostError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: HostErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** Every IPC channel the preload may forward. Names are `domain.verb`. */
export const IPC_CHANNELS = {
  openDefaultWorkspace: 'workspace.openDefault',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** What the preload exposes as `window.workbench`. Nothing else crosses the context bridge. */
export interface WorkbenchBridge {
  /** The application version, fixed at build time. */
  readonly version: string;
  /** The bytes of the bundled default workspace (a SQLite file). */
  openDefaultWorkspace(): Promise<Result<Uint8Array>>;
}

/** What the renderer needs from its host; the bridge plus which kind of host it is. */
export interface Host extends WorkbenchBridge {
  readonly kind: 'electron' | 'browser';
}

const CODES: ReadonlySet<string> = new Set<HostErrorCode>(['not-found', 'read-failed', 'forbidden', 'bad-response', 'unavailable']);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/**
 * Checks a value that arrived over IPC really is a Result of bytes. IPC payloads are untyped at
 * run time, so the type is earned here rather than asserted.
 */
export function parseBytesResult(x: unknown): Result<Uint8Array> {
  if (isRecord(x) && x.ok === true && x.value instanceof Uint8Array) return ok(x.value);
  if (isRecord(x) && x.ok === false && isRecord(x.error)) {
    const { code, message } = x.error;
    if (typeof code === 'string' && CODES.has(code) && typeof message === 'string') return err(code as HostErrorCode, message);
  }
  return err('bad-response', 'The application host sent a reply this version does not understand');
}
