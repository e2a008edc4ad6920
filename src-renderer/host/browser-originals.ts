import { err, ok, type Result } from '../../src-core/host/contract';
import { sha256Hex } from '../../src-core/db/hash';
import { MAX_REPORT_BYTES, tooLargeLine } from '../../src-core/limits';
import { committed, openDatabase, request } from './idb';

/**
 * The browser host's originals: each imported report's file, byte for byte, under its workspace's
 * handle and its SHA-256 (as reports.content_hash records it), in an IndexedDB database of its own
 * beside the workspaces' (./browser-workspaces.ts), never inside the SQLite snapshot that sql.js
 * holds in memory. Its own database so that adding it needed no upgrade of the workspaces' one
 * (which a tab of an older build, holding it open, would block).
 *
 *  - originals: {handle, sha256, size, original: Blob}, keyed [handle, sha256]
 *
 * What is read back is checked as the desktop host checks its files (src-main/node/workspace/originals.ts):
 * never more than a report can be, and shown only if its bytes still hash to its key. The default
 * workspace's report is also served by the web build beside the workspace
 * (`default-workspace.sqlite.originals/<sha256>`, build/vite/default-workspace.ts): read from there,
 * checked the same way, the first time it is asked for, and kept.
 */

const DB_NAME = 'peel-workbench-originals';
const DB_VERSION = 1;
const STRICT: IDBTransactionOptions = { durability: 'strict' };

/** Served beside index.html by the web build: the bundled default workspace's originals folder. */
export const BUNDLED_ORIGINALS = 'default-workspace.sqlite.originals';

interface OriginalRow {
  handle: string;
  sha256: string;
  size: number;
  original: Blob;
}

/** Where originals are kept: IndexedDB in the page, a Map in the unit tests. */
export interface OriginalsStore {
  get(handle: string, sha256: string): Promise<Blob | undefined>;
  /** Resolves once the original is durably stored. */
  put(handle: string, sha256: string, original: Blob): Promise<void>;
}

export async function idbOriginals(): Promise<OriginalsStore> {
  const db = await openDatabase(DB_NAME, DB_VERSION, (db, oldVersion) => {
    if (oldVersion < 1) db.createObjectStore('originals', { keyPath: ['handle', 'sha256'] });
  });
  return {
    async get(handle, sha256) {
      const row = (await request(db.transaction('originals').objectStore('originals').get([handle, sha256]))) as OriginalRow | undefined;
      // A row of another shape (a damaged profile) is no original.
      return row?.original instanceof Blob ? row.original : undefined;
    },
    async put(handle, sha256, original) {
      const tx = db.transaction(['originals'], 'readwrite', STRICT);
      const done = committed(tx);
      tx.objectStore('originals').put({ handle, sha256, size: original.size, original } satisfies OriginalRow);
      await done;
    },
  };
}

/** What the originals need to know of a workspace: whether it is the bundled default's copy. */
export type WorkspaceKind = (handle: string) => Promise<{ isDefault: boolean } | null>;

/** Fetches a file the web build serves beside the page (same origin only); null when it is not there. */
export type FetchBundled = (file: string) => Promise<Blob | null>;

export const fetchBundled: FetchBundled = async (file) => {
  const res = await fetch(new URL(file, document.baseURI), { credentials: 'same-origin', cache: 'no-store' });
  return res.ok ? res.blob() : null;
};

function ofReport(name: string | undefined): string {
  return name ? `The original of this report, ${name},` : 'The original of this report';
}

function unknownWorkspace<T>(): Result<T> {
  return err('invalid-input', 'That workspace is no longer in this browser');
}

/** The bytes of a stored original, if it is one: within the limit and hashing to its key. */
async function checkedBytes(blob: Blob, sha256: string): Promise<'too-large' | 'changed' | Uint8Array> {
  if (blob.size > MAX_REPORT_BYTES) return 'too-large';
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return (await sha256Hex(bytes)) === sha256 ? bytes : 'changed';
}

/** The browser's side of keepOriginal, readOriginal and locateOriginal (src-core/host/methods.ts). */
export class BrowserOriginals {
  constructor(
    private readonly store: () => Promise<OriginalsStore>,
    private readonly workspace: WorkspaceKind,
    private readonly bundled: FetchBundled = fetchBundled,
  ) {}

  /**
   * Keeps an original under its workspace and hash; nothing is written when it is already there
   * with the right bytes. Bytes that do not hash to the name are refused: the name is the promise
   * every reader checks.
   */
  async keep(handle: string, sha256: string, bytes: Uint8Array): Promise<Result<void>> {
    if ((await sha256Hex(bytes)) !== sha256) {
      return err('invalid-input', "The report's original file was not kept: its bytes do not match its SHA-256.");
    }
    if (!(await this.workspace(handle))) return unknownWorkspace();
    const store = await this.store();
    const there = await store.get(handle, sha256);
    if (there && (await checkedBytes(there, sha256)) instanceof Uint8Array) return ok(undefined);
    await store.put(handle, sha256, new Blob([bytes as Uint8Array<ArrayBuffer>]));
    return ok(undefined);
  }

  /** An original, hash-checked: 'original-missing' or 'original-changed' with a message naming the file. */
  async read(handle: string, sha256: string, name?: string): Promise<Result<{ bytes: Uint8Array }>> {
    const kind = await this.workspace(handle);
    if (!kind) return unknownWorkspace();
    const store = await this.store();
    const blob = await store.get(handle, sha256);
    if (!blob) return kind.isDefault ? this.fromBundle(handle, sha256, name) : missing(name, sha256);
    const bytes = await checkedBytes(blob, sha256);
    if (bytes === 'too-large') {
      return err(
        'original-changed',
        `${ofReport(name)} no longer matches the file that was imported: it is not shown as the source (${tooLargeLine(`the stored ${sha256}`, blob.size, MAX_REPORT_BYTES, 'reports')}).`,
      );
    }
    if (bytes === 'changed') {
      return err(
        'original-changed',
        `${ofReport(name)} no longer matches the file that was imported: it is not shown as the source (this browser's stored ${sha256} has been changed).`,
      );
    }
    return ok({ bytes });
  }

  /**
   * The file the analyst chose to stand for an original (the file input is the caller's, opened in
   * the click's turn): kept only if it hashes to the original's name; nothing is kept otherwise.
   */
  async adopt(handle: string, sha256: string, name: string, file: File): Promise<Result<{ bytes: Uint8Array }>> {
    if (file.size > MAX_REPORT_BYTES) {
      return err('refused', `${tooLargeLine(`"${file.name}"`, file.size, MAX_REPORT_BYTES, 'reports')}. Nothing was kept.`);
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    if ((await sha256Hex(bytes)) !== sha256) {
      return err(
        'original-changed',
        `"${file.name}" is not the file ${name} was imported from (its contents differ), so it cannot stand for its original. Nothing was kept.`,
      );
    }
    const kept = await this.keep(handle, sha256, bytes);
    return kept.ok ? ok({ bytes }) : kept;
  }

  /** The default workspace's report, as the web build serves it; kept once it has been checked. */
  private async fromBundle(handle: string, sha256: string, name: string | undefined): Promise<Result<{ bytes: Uint8Array }>> {
    const blob = await this.bundled(`${BUNDLED_ORIGINALS}/${sha256}`).catch(() => null);
    if (!blob) return missing(name, sha256);
    const bytes = await checkedBytes(blob, sha256);
    if (!(bytes instanceof Uint8Array)) {
      return err(
        'original-changed',
        `${ofReport(name)} served with this web build no longer matches the file that was imported: it is not shown as the source.`,
      );
    }
    // Kept so that the next read needs no fetch; a failure to keep costs only that fetch again.
    await this.keep(handle, sha256, bytes).catch(() => undefined);
    return ok({ bytes });
  }
}

function missing<T>(name: string | undefined, sha256: string): Result<T> {
  return err('original-missing', `${ofReport(name)} is not kept in this browser with the workspace (looked for ${sha256}).`);
}
