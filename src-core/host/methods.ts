import { z } from 'zod';
import { err, type HostErrorCode, type Result } from './contract';
import {
  aboutInfoSchema,
  backupIdSchema,
  backupInfoSchema,
  exportFileSchema,
  handleSchema,
  journalLineSchema,
  openedWorkspaceSchema,
  originalSchema,
  reportBytesSchema,
  reportFileSchema,
  reportNameSchema,
  resultSchema,
  savedExportSchema,
  sealSchema,
  sha256Schema,
  snapshotSchema,
  workspaceInfoSchema,
  workspaceNameSchema,
} from './ipc-schema';
import type { WorkspaceStorage } from '../workspace/storage';

/**
 * The host API, one table: every method the renderer may ask its host for, declared once with its
 * IPC channel, its arguments and reply (zod, checked on both sides of IPC), and what an unexpected
 * failure is called. Everything else is derived from it: the method types (./contract.ts), the
 * preload bridge and the IPC handlers (src-main), the browser host's request checks and the page's
 * screen (src-renderer/host), and the DB worker's storage calls. Adding a method means an entry
 * here and its implementations (src-main/node/main-host.ts, src-renderer/host/browser-host.ts).
 */

/** Which object of window.workbench a method sits on: `.workspace`, or the bridge itself. */
export type Scope = 'workspace' | 'app';

/**
 * Which of a reply's text the page shows (src-renderer/host/screen-host.ts makes bidi controls and
 * other invisible characters visible there): 'all' its strings; 'workspace-name' only the name of
 * the opened workspace it answers (its handle, snapshot, journal and seal go back to the host and
 * the worker exactly as read); 'errors' only an error's message (the value goes back as it is).
 */
export type Shown = 'all' | 'workspace-name' | 'errors';

export interface MethodSpec {
  /** The IPC channel, `domain.verb`. */
  readonly channel: `${string}.${string}`;
  readonly scope: Scope;
  /** The arguments, a tuple of fixed length: main and the browser host check every request against it. */
  readonly args: z.ZodTuple<readonly z.core.$ZodType[], null>;
  /** A successful reply's value: the preload checks every reply against it (wrapped as a Result). */
  readonly reply: z.ZodType;
  /** What an unexpected failure in main is reported as; no details (paths) reach the page. */
  readonly failure: { readonly code: HostErrorCode; readonly action: string };
  readonly shown: Shown;
  /**
   * The per-workspace storage method (src-core/workspace/storage.ts) this method backs: the DB
   * worker's session asks the UI thread to make the call, with the workspace's handle first.
   */
  readonly storage?: keyof WorkspaceStorage;
}

const none = z.tuple([]);
const opened = openedWorkspaceSchema;

export const HOST_METHODS = {
  /** The workspace used last; on first start, a private copy of the bundled default workspace. */
  openLast: {
    channel: 'workspace.openLast',
    scope: 'workspace',
    args: none,
    reply: opened,
    failure: { code: 'read-failed', action: 'Opening the workspace' },
    shown: 'workspace-name',
  },
  /**
   * Creates a new workspace under the name the analyst typed. The desktop then asks where (a save
   * dialog offering that name); null when the user cancels. The browser keeps it under that name.
   */
  create: {
    channel: 'workspace.create',
    scope: 'workspace',
    args: z.tuple([workspaceNameSchema]),
    reply: opened.nullable(),
    failure: { code: 'write-failed', action: 'Creating the workspace' },
    shown: 'workspace-name',
  },
  /** Asks which workspace to open (an open dialog); null when the user cancels. */
  open: {
    channel: 'workspace.open',
    scope: 'workspace',
    args: none,
    reply: opened.nullable(),
    failure: { code: 'read-failed', action: 'Opening the workspace' },
    shown: 'workspace-name',
  },
  openRecent: {
    channel: 'workspace.openRecent',
    scope: 'workspace',
    args: z.tuple([handleSchema]),
    reply: opened,
    failure: { code: 'read-failed', action: 'Opening the workspace' },
    shown: 'workspace-name',
  },
  recent: {
    channel: 'workspace.recent',
    scope: 'workspace',
    args: none,
    reply: z.array(workspaceInfoSchema),
    failure: { code: 'read-failed', action: 'Listing recent workspaces' },
    shown: 'all',
  },
  /** Resolves only once the record is durably on disk: only then may the UI show an edit as saved. */
  appendJournal: {
    channel: 'journal.append',
    scope: 'workspace',
    args: z.tuple([handleSchema, journalLineSchema]),
    reply: z.void(),
    failure: { code: 'write-failed', action: 'Saving the edit' },
    shown: 'errors',
    storage: 'append',
  },
  /**
   * Atomically replaces the workspace file, keeps the last five as backups, drops journal records up
   * to lastSeq, and keeps the snapshot's seal beside it for the next open (best effort: failing to
   * keep the seal does not fail the checkpoint). The seal must be of these bytes' length.
   */
  checkpoint: {
    channel: 'workspace.checkpoint',
    scope: 'workspace',
    args: z
      .tuple([handleSchema, snapshotSchema, z.number().int().min(0), sealSchema])
      .refine(([, snapshot, , seal]) => seal.endsWith(`:${snapshot.length}`), { message: 'is not the seal of this snapshot', path: [3] }),
    reply: z.void(),
    failure: { code: 'write-failed', action: 'Saving the workspace' },
    shown: 'errors',
    storage: 'checkpoint',
  },
  /**
   * The snapshot the host handed over when the workspace was opened passed the worker's full
   * integrity check: keep this seal of it for the next open, as a checkpoint would. Best effort,
   * and only while that snapshot is still the stored one; a seal that does not match the stored
   * bytes only costs the next open a full check.
   */
  recordSeal: {
    channel: 'workspace.recordSeal',
    scope: 'workspace',
    args: z.tuple([handleSchema, sealSchema]),
    reply: z.void(),
    failure: { code: 'write-failed', action: "Keeping the workspace's seal" },
    shown: 'errors',
    storage: 'recordSeal',
  },
  backups: {
    channel: 'backups.list',
    scope: 'workspace',
    args: z.tuple([handleSchema]),
    reply: z.array(backupInfoSchema),
    failure: { code: 'read-failed', action: 'Listing backups' },
    shown: 'all',
  },
  restoreBackup: {
    channel: 'backups.restore',
    scope: 'workspace',
    args: z.tuple([handleSchema, backupIdSchema]),
    reply: opened,
    failure: { code: 'write-failed', action: 'Restoring the backup' },
    shown: 'workspace-name',
  },
  /** Asks where to save a copy (a save dialog); null when the user cancels. */
  saveCopy: {
    channel: 'workspace.saveCopy',
    scope: 'workspace',
    args: z.tuple([handleSchema, snapshotSchema]),
    reply: workspaceInfoSchema.nullable(),
    failure: { code: 'write-failed', action: 'Saving a copy' },
    shown: 'all',
  },
  /**
   * Keeps an imported report's original file, byte for byte, beside the workspace under its SHA-256
   * (`<workspace>.originals/<sha256>` on disk, IndexedDB in the browser), never inside the SQLite
   * file. Idempotent. The import calls it before its checkpoint: if it fails, the import does.
   */
  keepOriginal: {
    channel: 'originals.keep',
    scope: 'workspace',
    args: z.tuple([handleSchema, sha256Schema, reportBytesSchema]),
    reply: z.void(),
    failure: { code: 'write-failed', action: "Keeping the report's original file" },
    shown: 'errors',
    storage: 'keepOriginal',
  },
  /**
   * A report's original file, read bounded and checked against its hash: 'original-missing' or
   * 'original-changed' when it cannot be shown, with a message naming the file looked for (and the
   * report's file name, reports.source_name, when the caller passes it as the optional third argument).
   */
  readOriginal: {
    channel: 'originals.read',
    scope: 'workspace',
    args: z.tuple([handleSchema, sha256Schema, reportNameSchema.optional()]),
    reply: originalSchema,
    failure: { code: 'read-failed', action: "Reading the report's original file" },
    shown: 'errors',
  },
  /**
   * Asks the analyst to point at a report's original again (an open dialog, or a file input in the
   * browser), with the report's file name to say which; keeps it only if its SHA-256 matches, else
   * an error value naming both files. Null when the analyst cancels.
   */
  locateOriginal: {
    channel: 'originals.locate',
    scope: 'workspace',
    args: z.tuple([handleSchema, sha256Schema, reportNameSchema]),
    reply: originalSchema.nullable(),
    failure: { code: 'read-failed', action: "Reading the report's original file" },
    shown: 'errors',
  },
  /** Asks for report files to import (.md, .txt, .pdf); an empty list when the user cancels. */
  pickReports: {
    channel: 'report.pick',
    scope: 'app',
    args: none,
    reply: z.array(reportFileSchema),
    failure: { code: 'read-failed', action: 'Reading the reports' },
    // The names go on to the import, which stores a report's file name as shown.
    shown: 'all',
  },
  about: {
    channel: 'app.about',
    scope: 'app',
    args: none,
    reply: aboutInfoSchema,
    failure: { code: 'read-failed', action: 'Reading the version' },
    shown: 'all',
  },
  /** Who edits are recorded as: the name set in preferences, else the OS user name (Electron) or "Analyst". */
  author: {
    channel: 'prefs.author',
    scope: 'app',
    args: none,
    reply: z.string(),
    failure: { code: 'read-failed', action: 'Reading the preferences' },
    // The analyst's own name, recorded with every edit as it is.
    shown: 'errors',
  },
  /** Sets that name (an empty name goes back to the default); answers the name now in force. */
  setAuthor: {
    channel: 'prefs.setAuthor',
    scope: 'app',
    args: z.tuple([z.string().max(200)]),
    reply: z.string(),
    failure: { code: 'write-failed', action: 'Saving the preferences' },
    shown: 'errors',
  },
  /** Asks where to save an export (a save dialog, or a download in the browser) and writes it whole or not at all. */
  saveExport: {
    channel: 'export.save',
    scope: 'app',
    args: z.tuple([exportFileSchema]),
    reply: savedExportSchema,
    failure: { code: 'write-failed', action: 'Saving the export' },
    shown: 'all',
  },
} as const satisfies Record<string, MethodSpec>;

type Methods = typeof HOST_METHODS;
export type HostMethod = keyof Methods;
export type HostArgs<M extends HostMethod> = z.output<Methods[M]['args']>;
export type HostValue<M extends HostMethod> = z.output<Methods[M]['reply']>;
export type HostCall<M extends HostMethod> = (...args: HostArgs<M>) => Promise<Result<HostValue<M>>>;
/** The methods of one scope, typed from the table (WorkspaceHostApi, and the rest of WorkbenchBridge). */
export type ApiOf<S extends Scope> = { [M in HostMethod as Methods[M]['scope'] extends S ? M : never]: HostCall<M> };
/** Every method, as main implements them all (src-main/node/main-host.ts). */
export type HostApi = { [M in HostMethod]: HostCall<M> };
export type IpcChannel = Methods[HostMethod]['channel'];

/** A method's declaration as the generic code reads it, with its channel one of the table's. */
export type DeclaredMethod = MethodSpec & { readonly channel: IpcChannel };
/** Each method's name and declaration, in the table's order. */
export const METHOD_ENTRIES = Object.entries(HOST_METHODS) as [HostMethod, DeclaredMethod][];

/** Every channel the preload may forward, by method. */
export const IPC_CHANNELS = Object.fromEntries(METHOD_ENTRIES.map(([method, spec]) => [method, spec.channel])) as {
  readonly [M in HostMethod]: Methods[M]['channel'];
};

export const requestSchemas = Object.fromEntries(METHOD_ENTRIES.map(([, spec]) => [spec.channel, spec.args])) as {
  readonly [M in HostMethod as Methods[M]['channel']]: Methods[M]['args'];
};

export const replySchemas = Object.fromEntries(
  METHOD_ENTRIES.map(([, spec]) => [spec.channel, resultSchema(spec.reply)]),
) as unknown as Readonly<Record<IpcChannel, z.ZodType>>;

type MethodOf<C extends IpcChannel> = { [M in HostMethod]: Methods[M]['channel'] extends C ? M : never }[HostMethod];

/** Checks a request's arguments; the error says which channel and what was wrong, never echoes data. */
export function parseRequest<C extends IpcChannel>(channel: C, args: unknown[]): Result<HostArgs<MethodOf<C>>> {
  const parsed = requestSchemas[channel].safeParse(args);
  if (parsed.success) return { ok: true, value: parsed.data as HostArgs<MethodOf<C>> };
  const issue = parsed.error.issues[0];
  return err('invalid-input', `${channel}: argument ${issue?.path.join('.') || ''} ${issue?.message ?? 'is invalid'}`.replace(/\s+/g, ' '));
}

/** Checks a reply from the host; anything unexpected becomes a bad-response error value. */
export function parseReply<C extends IpcChannel>(channel: C, reply: unknown): Result<HostValue<MethodOf<C>>> {
  const parsed = replySchemas[channel].safeParse(reply);
  if (parsed.success) return parsed.data as Result<HostValue<MethodOf<C>>>;
  return err('bad-response', `The application host sent a reply to ${channel} this version does not understand`);
}

/**
 * A method with its types erased, as the generic builders below handle it. The types are earned
 * back at run time: a request is parsed against the table before an implementation sees it, a
 * reply before the page does.
 */
export type AnyCall = (...args: unknown[]) => Promise<Result<unknown>>;

/**
 * Builds one scope's methods from the table, each made by `make` (the preload bridge, the browser
 * host's checks, screen-host). Each passes on only the arguments its method declares, as a method
 * written out by hand would: nothing else rides along with a call, to IPC least of all.
 */
export function buildApi<S extends Scope>(scope: S, make: (method: HostMethod, spec: DeclaredMethod) => AnyCall): ApiOf<S> {
  const api: Record<string, AnyCall> = {};
  for (const [method, spec] of METHOD_ENTRIES) {
    if (spec.scope !== scope) continue;
    const call = make(method, spec);
    const arity = spec.args.def.items.length;
    api[method] = (...args) => call(...args.slice(0, arity));
  }
  return api as unknown as ApiOf<S>;
}

/** Calls one method of an implementation by name (as a method, so `this` is kept). */
export function callMethod(api: object, method: HostMethod, args: readonly unknown[]): Promise<Result<unknown>> {
  return (api as Record<HostMethod, AnyCall>)[method](...args);
}

/** The methods the DB worker may ask the UI thread to call for it: the per-workspace storage of WorkspaceStorage. */
export type StorageMethod = { [M in HostMethod]: Methods[M] extends { storage: string } ? M : never }[HostMethod];
/** One such call, as it crosses from the worker to the UI thread: the method and its arguments, the handle first. */
export type StorageCall = { [M in StorageMethod]: { method: M; args: HostArgs<M> } }[StorageMethod];
/** The host method behind one per-workspace storage method. */
export type StorageHostMethod<K extends keyof WorkspaceStorage> = {
  [M in StorageMethod]: Methods[M]['storage'] extends K ? M : never;
}[StorageMethod];
/** A storage method's arguments after the handle, as the host method takes them. */
export type StorageArgs<K extends keyof WorkspaceStorage> = HostArgs<StorageHostMethod<K>> extends [string, ...infer Rest] ? Rest : never;

/** The call that does a per-workspace storage method on the host, for the workspace with this handle. */
export function storageCall<K extends keyof WorkspaceStorage>(storage: K, handle: string, args: StorageArgs<K>): StorageCall {
  const entry = METHOD_ENTRIES.find(([, spec]) => spec.storage === storage);
  if (!entry) throw new Error(`No host method backs the storage method ${storage}`);
  return { method: entry[0], args: [handle, ...args] } as unknown as StorageCall;
}

/** Whether a call the worker sent is one it may ask for: never a dialog, an export or anything else. */
export function isStorageCall(call: { method: unknown; args: unknown }): call is StorageCall {
  const spec =
    typeof call.method === 'string' && Object.hasOwn(HOST_METHODS, call.method) ? HOST_METHODS[call.method as HostMethod] : undefined;
  return spec !== undefined && 'storage' in spec && Array.isArray(call.args) && typeof call.args[0] === 'string';
}
