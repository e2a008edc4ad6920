import { err, ok, type Host, type OpenedWorkspace, type Result, type WorkspaceHostApi } from '../../src-core/host/contract';
import { REPORT_EXTENSIONS } from '../../src-core/extract/formats';
import { MAX_REPORT_BYTES, tooLargeLine } from '../../src-core/limits';
import { MAX_SNAPSHOT_BYTES } from '../../src-core/host/ipc-schema';
import { buildApi, callMethod, parseRequest, type ApiOf, type Scope } from '../../src-core/host/methods';
import { chooseFiles, download } from './browser-files';
import { BrowserOriginals, idbOriginals, type OriginalsStore } from './browser-originals';
import { BrowserWorkspaces, UnknownWorkspace } from './browser-workspaces';
import { LICENCES } from './licences';

// Served beside index.html by the web build (build/vite/default-workspace.ts): same origin only.
const DEFAULT_WORKSPACE = 'default-workspace.sqlite';
const SQLITE_HEADER = 'SQLite format 3\u0000';
/** The file input's filter for reports: every extension the importer reads. */
const REPORT_ACCEPT = REPORT_EXTENSIONS.map((e) => `.${e}`).join(',');
/** PRAGMA application_id of every workbench file ("PEEL"), at byte 68 of the SQLite header. */
const PEEL_APPLICATION_ID = [0x50, 0x45, 0x45, 0x4c];

/**
 * Refuses bytes that are not a workbench file before they are stored as one, so a wrong pick
 * leaves nothing behind. The DB worker still runs the full checks (integrity, migrations).
 */
function notAWorkspace(name: string, bytes: Uint8Array): Result<never> | null {
  // The reason is WorkspaceError's code for the same refusal, so the page words both alike.
  if (bytes.length < 100 || [...SQLITE_HEADER].some((c, i) => bytes[i] !== c.charCodeAt(0))) {
    return err('refused', `${name} is not a SQLite database, so it cannot be a PEEL Workbench workspace`, 'not-sqlite');
  }
  if (PEEL_APPLICATION_ID.some((b, i) => bytes[68 + i] !== b)) {
    return err('refused', `${name} is a SQLite database but not a PEEL Workbench workspace; it has been left untouched`, 'foreign');
  }
  return null;
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function failure(e: unknown, doing: 'read' | 'write'): Result<never> {
  if (e instanceof UnknownWorkspace) return err('invalid-input', e.message);
  if (e instanceof DOMException && e.name === 'QuotaExceededError') {
    return err('write-failed', "This browser's storage for the workbench is full; save a copy of the workspace, then free some space");
  }
  const why = e instanceof Error ? e.message : String(e);
  return doing === 'write' ? err('write-failed', `The change could not be stored in this browser: ${why}`) : err('read-failed', why);
}

/** The default workspace's bytes, and the fetched Blob that holds them (stored as it is). */
async function fetchDefaultWorkspace(): Promise<Result<{ bytes: Uint8Array; blob: Blob }>> {
  let res: Response;
  try {
    res = await fetch(new URL(DEFAULT_WORKSPACE, document.baseURI), { credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    return err('unavailable', `The default workspace could not be fetched: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (res.status === 404) {
    return err(
      'not-found',
      'The default workspace is missing from this web build. Developers: run `npm run build:workspace`, then rebuild.',
    );
  }
  if (!res.ok) return err('read-failed', `The default workspace could not be fetched (HTTP ${res.status}).`);
  const blob = await res.blob();
  return ok({ bytes: new Uint8Array(await blob.arrayBuffer()), blob });
}

/**
 * Every request checked against the host table's schemas before the implementation sees it, as
 * main checks IPC (src-main/electron/ipc-handlers.ts), so both hosts refuse the same things.
 */
function checked<S extends Scope>(scope: S, impl: ApiOf<S>): ApiOf<S> {
  return buildApi(scope, (method, { channel }) => (...args) => {
    const parsed = parseRequest(channel, args);
    // The implementation is called in this same turn: a file chooser needs the click's user activation.
    return parsed.ok ? callMethod(impl, method, parsed.value) : Promise.resolve(parsed);
  });
}

function newHandle(): string {
  return crypto.randomUUID();
}

/** The workspace API over IndexedDB, for `npm run web` and the Playwright tests; its requests already checked. */
function browserWorkspaceApi(): WorkspaceHostApi {
  let store: Promise<BrowserWorkspaces> | null = null;
  const workspaces = () => {
    store ??= BrowserWorkspaces.open().catch((e: unknown) => {
      store = null;
      throw e;
    });
    return store;
  };

  let originalsStore: Promise<OriginalsStore> | null = null;
  const originals = new BrowserOriginals(
    () =>
      (originalsStore ??= idbOriginals().catch((e: unknown) => {
        originalsStore = null;
        throw e;
      })),
    async (handle) => (await workspaces()).info(handle),
  );

  async function openDefault(): Promise<Result<OpenedWorkspace>> {
    const fetched = await fetchDefaultWorkspace();
    if (!fetched.ok) return fetched;
    const refused = notAWorkspace('The default workspace', fetched.value.bytes);
    if (refused) return refused;
    // A private copy: the analyst's annotations never touch the bundled file.
    const info = { handle: newHandle(), name: 'Default workspace', isDefault: true };
    return ok(await (await workspaces()).add(info, fetched.value.bytes, fetched.value.blob));
  }

  return {
    async openLast() {
      try {
        const ws = await workspaces();
        const last = await ws.lastUsed();
        const opened = last ? await ws.load(last) : null;
        return opened ? ok(opened) : await openDefault();
      } catch (e) {
        return failure(e, 'read');
      }
    },
    async create(name) {
      try {
        // A browser has no folders to choose: the name the analyst typed is the workspace's name.
        return ok(await (await workspaces()).add({ handle: newHandle(), name, isDefault: false }, new Uint8Array()));
      } catch (e) {
        return failure(e, 'write');
      }
    },
    async open() {
      const [file] = await chooseFiles('.sqlite,.db,application/vnd.sqlite3', false);
      if (!file) return ok(null);
      if (file.size > MAX_SNAPSHOT_BYTES) return err('refused', `${file.name} is ${mb(file.size)}, larger than a workspace can be`);
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const refused = notAWorkspace(file.name, bytes);
        if (refused) return refused;
        const name = file.name.replace(/\.(sqlite|db)$/i, '');
        return ok(await (await workspaces()).add({ handle: newHandle(), name, isDefault: false }, bytes, file));
      } catch (e) {
        return failure(e, 'write');
      }
    },
    async openRecent(handle) {
      try {
        const opened = await (await workspaces()).load(handle);
        return opened ? ok(opened) : err('not-found', 'That workspace is no longer in this browser');
      } catch (e) {
        return failure(e, 'read');
      }
    },
    async recent() {
      try {
        return ok(await (await workspaces()).recent());
      } catch (e) {
        return failure(e, 'read');
      }
    },
    async appendJournal(handle, line) {
      let seq: unknown;
      try {
        seq = (JSON.parse(line) as { seq?: unknown }).seq;
      } catch {
        seq = undefined;
      }
      if (!Number.isSafeInteger(seq) || (seq as number) < 1) return err('invalid-input', 'journal.append: the record has no seq');
      try {
        await (await workspaces()).append(handle, seq as number, line);
        return ok(undefined);
      } catch (e) {
        return failure(e, 'write');
      }
    },
    async checkpoint(handle, snapshot, lastSeq, seal) {
      try {
        await (await workspaces()).checkpoint(handle, snapshot, lastSeq, seal);
        return ok(undefined);
      } catch (e) {
        return failure(e, 'write');
      }
    },
    async recordSeal(handle, seal) {
      try {
        // Declined quietly when the snapshot was replaced since it was loaded: nothing to report.
        await (await workspaces()).recordSeal(handle, seal);
        return ok(undefined);
      } catch (e) {
        return failure(e, 'write');
      }
    },
    async backups(handle) {
      try {
        return ok(await (await workspaces()).backups(handle));
      } catch (e) {
        return failure(e, 'read');
      }
    },
    async restoreBackup(handle, backupId) {
      try {
        const opened = await (await workspaces()).restore(handle, backupId);
        return opened ? ok(opened) : err('not-found', 'That backup is no longer in this browser');
      } catch (e) {
        return failure(e, 'write');
      }
    },
    async keepOriginal(handle, sha256, bytes) {
      try {
        return await originals.keep(handle, sha256, bytes);
      } catch (e) {
        return failure(e, 'write');
      }
    },
    async readOriginal(handle, sha256, name) {
      try {
        return await originals.read(handle, sha256, name);
      } catch (e) {
        return failure(e, 'read');
      }
    },
    async locateOriginal(handle, sha256, name) {
      // The file input first, in the click's turn (a file chooser needs its user activation).
      const extension = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
      const accept = extension && (REPORT_EXTENSIONS as readonly string[]).includes(extension) ? `.${extension}` : REPORT_ACCEPT;
      const [file] = await chooseFiles(accept, false);
      if (!file) return ok(null);
      try {
        return await originals.adopt(handle, sha256, name, file);
      } catch (e) {
        return failure(e, 'write');
      }
    },
    async saveCopy(handle, snapshot) {
      const stamp = new Date().toISOString().slice(0, 10);
      const fileName = `peel-workspace-${stamp}.sqlite`;
      // A download is the browser's "save as"; the copy is a file outside the app, so the handle
      // returned is still the open workspace's: there is nothing else it could refer to. A download
      // is one file: the reports' originals stay in this browser, and a copy opened elsewhere asks
      // for each report's file again (locateOriginal) when its source is shown.
      download(snapshot as Uint8Array<ArrayBuffer>, fileName, 'application/vnd.sqlite3');
      return ok({ handle, name: fileName, isDefault: false });
    },
  };
}

/** The host for `npm run web` and the Playwright tests, where there is no Electron main process. */
export function browserHost(): Host {
  return {
    kind: 'browser',
    version: __APP_VERSION__,
    workspace: checked('workspace', browserWorkspaceApi()),
    ...checked('app', browserAppApi()),
    // No application menu in a browser page; the toolbar offers the same commands.
    onMenuCommand: () => () => undefined,
  };
}

/** The rest of the host's methods in a browser page; their requests already checked. */
function browserAppApi(): ApiOf<'app'> {
  return {
    async pickReports() {
      const files = await chooseFiles(REPORT_ACCEPT, true);
      const tooLarge = files.find((f) => f.size > MAX_REPORT_BYTES);
      if (tooLarge) return err('refused', tooLargeLine(tooLarge.name, tooLarge.size, MAX_REPORT_BYTES, 'reports'));
      try {
        return ok(await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
      } catch (e) {
        return err('read-failed', `The report could not be read: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    async about() {
      const chrome = /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? null;
      return ok({ name: 'PEEL Workbench', version: __APP_VERSION__, electron: null, chrome, node: null, licences: LICENCES });
    },
    // A browser page cannot read the OS user name: the author is the name set in preferences.
    async author() {
      return ok(storedAuthor());
    },
    async setAuthor(name: string) {
      const trimmed = name.trim().slice(0, 200);
      try {
        if (trimmed) localStorage.setItem(AUTHOR_KEY, trimmed);
        else localStorage.removeItem(AUTHOR_KEY);
      } catch (e) {
        return err('write-failed', `The name could not be saved: ${e instanceof Error ? e.message : String(e)}`);
      }
      return ok(storedAuthor());
    },
    // A download is the browser's save dialog (Chromium asks where, or saves to Downloads, as the user set it).
    async saveExport(file) {
      try {
        download(file.bytes as Uint8Array<ArrayBuffer>, file.suggestedName, file.mime);
      } catch (e) {
        return err('write-failed', `The export could not be offered as a download: ${e instanceof Error ? e.message : String(e)}`);
      }
      return ok({ saved: true, name: file.suggestedName });
    },
  };
}

const AUTHOR_KEY = 'peel-workbench.author';

function storedAuthor(): string {
  try {
    return localStorage.getItem(AUTHOR_KEY)?.trim() || 'Analyst';
  } catch {
    return 'Analyst';
  }
}
