/**
 * The seam between the renderer and whatever hosts it (Electron main via the preload bridge, or
 * the browser for `npm run web` and the Playwright tests). Runtime-neutral on purpose: the
 * preload, the main process and the renderer all compile it. Schemas for what crosses IPC live
 * in ./ipc-schema.ts.
 */
import type { JournalCut } from '../workspace/journal';
import type { SealKey } from '../workspace/seal';

export type HostErrorCode =
  /** The thing asked for does not exist (e.g. the default workspace was never built). */
  | 'not-found'
  /** It exists but could not be read. */
  | 'read-failed'
  /** Writing failed (disk full, I/O error, permission, a rename refused after retries). Nothing was lost. */
  | 'write-failed'
  /** The caller is not allowed to ask (wrong frame, origin or window). */
  | 'forbidden'
  /** The request did not match the contract (wrong shape, unknown handle). */
  | 'invalid-input'
  /** The file is refused: too large, not a workspace, damaged. */
  | 'refused'
  /** The host answered with something that does not match this contract. */
  | 'bad-response'
  /** The host could not be reached at all (IPC or network failure). */
  | 'unavailable';

export const HOST_ERROR_CODES: readonly HostErrorCode[] = [
  'not-found',
  'read-failed',
  'write-failed',
  'forbidden',
  'invalid-input',
  'refused',
  'bad-response',
  'unavailable',
];

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

/**
 * An open workspace as the renderer knows it: an opaque handle minted by the host for a file the
 * user chose in a dialog (or the default workspace), and a name to show. Never a path.
 */
export interface WorkspaceInfo {
  handle: string;
  name: string;
  /** The bundled default workspace (a private copy of it) rather than a file the user chose. */
  isDefault: boolean;
}

/** What the worker needs to open a workspace: the last snapshot and the journal since it. */
export interface OpenedWorkspace {
  info: WorkspaceInfo;
  /** SQLite bytes; empty for a workspace just created, which the worker then initialises. */
  snapshot: Uint8Array;
  /**
   * The journal as the host read it, within its limits (src-core/workspace/journal.ts): one JSON
   * record per line, the last one possibly torn.
   */
  journal: string;
  /** Where the host stopped reading the journal (a record too long, the journal past its limit); absent or null when it read it all. */
  journalCut?: JournalCut | null;
  /** Temporary files left by an interrupted checkpoint and removed on opening. */
  orphansRemoved: number;
  /**
   * The seal recorded with this snapshot at the checkpoint that wrote it (src-core/workspace/seal.ts),
   * or null (foreign bytes, a restored backup, a seal lost or never written). The worker checks it
   * against the bytes itself: a seal that does not match only means a full integrity check.
   */
  seal: string | null;
  /**
   * This installation's seal key, which the worker checks the seal with and seals checkpoints with.
   * It never leaves the installation: the host keeps it (Electron's user data, the browser's
   * IndexedDB) and hands it only to the worker, our own code, never beside a workspace.
   */
  sealKey: SealKey;
}

export interface BackupInfo {
  id: string;
  savedAt: string;
  bytes: number;
}

/** A report the user picked to import, read by the host (size-checked) and handed over as bytes. */
export interface ReportFile {
  name: string;
  bytes: Uint8Array;
}

export const MENU_COMMANDS = [
  'file.new',
  'file.open',
  'file.saveCopy',
  'file.importReport',
  'file.openRecent',
  'edit.undo',
  'edit.redo',
  'edit.preferences',
  'help.about',
] as const;
export type MenuCommandName = (typeof MENU_COMMANDS)[number];
export interface MenuCommand {
  command: MenuCommandName;
  /** For file.openRecent: the handle of the workspace to open. */
  handle?: string;
}

/** Every IPC channel the preload may forward. Names are `domain.verb`. */
export const IPC_CHANNELS = {
  openLast: 'workspace.openLast',
  create: 'workspace.create',
  open: 'workspace.open',
  openRecent: 'workspace.openRecent',
  recent: 'workspace.recent',
  appendJournal: 'journal.append',
  checkpoint: 'workspace.checkpoint',
  recordSeal: 'workspace.recordSeal',
  backups: 'backups.list',
  restoreBackup: 'backups.restore',
  saveCopy: 'workspace.saveCopy',
  pickReports: 'report.pick',
  about: 'app.about',
  author: 'prefs.author',
  setAuthor: 'prefs.setAuthor',
  saveExport: 'export.save',
} as const;

/**
 * The files the app exports, by the type the save dialog filters on. The extension is fixed by the
 * type, so an export can never be saved as something that opens as another kind of file.
 */
export const EXPORT_TYPES = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: 'docx', label: 'Word document' },
  'application/pdf': { extension: 'pdf', label: 'PDF document' },
  'text/html': { extension: 'html', label: 'Web page (HTML)' },
  'text/markdown': { extension: 'md', label: 'Markdown' },
  'text/csv': { extension: 'csv', label: 'CSV (comma-separated values)' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extension: 'xlsx', label: 'Excel workbook' },
} as const;
export type ExportMime = keyof typeof EXPORT_TYPES;
export const EXPORT_MIMES = Object.keys(EXPORT_TYPES) as ExportMime[];

/** An export the renderer made (a briefing pack, a grid's rows) for the host to save where the user says. */
export interface ExportFile {
  /** A bare file name the dialog starts with ("Gwent brief 2026-11-27.docx"); never a path. */
  suggestedName: string;
  mime: ExportMime;
  bytes: Uint8Array;
}

/** Whether the file was saved (false: the user cancelled) and the name it was saved under, without its folder. */
export interface SavedExport {
  saved: boolean;
  name: string;
}

/** Main → renderer: a menu item was chosen. */
export const MENU_EVENT = 'menu.command';

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

export interface AboutInfo {
  name: string;
  version: string;
  electron: string | null;
  chrome: string | null;
  node: string | null;
  licences: string;
}

/** Where workspaces live and how edits reach the disk. Both hosts implement all of it. */
export interface WorkspaceHostApi {
  /** The workspace used last; on first start, a private copy of the bundled default workspace. */
  openLast(): Promise<Result<OpenedWorkspace>>;
  /** Asks where to create a new workspace (a save dialog); null when the user cancels. */
  create(): Promise<Result<OpenedWorkspace | null>>;
  /** Asks which workspace to open (an open dialog); null when the user cancels. */
  open(): Promise<Result<OpenedWorkspace | null>>;
  openRecent(handle: string): Promise<Result<OpenedWorkspace>>;
  recent(): Promise<Result<WorkspaceInfo[]>>;
  /** Resolves only once the record is durably on disk: only then may the UI show an edit as saved. */
  appendJournal(handle: string, line: string): Promise<Result<void>>;
  /**
   * Atomically replaces the workspace file, keeps the last five as backups, drops journal records up
   * to lastSeq, and keeps the snapshot's seal beside it for the next open (best effort: failing to
   * keep the seal does not fail the checkpoint).
   */
  checkpoint(handle: string, snapshot: Uint8Array, lastSeq: number, seal: string): Promise<Result<void>>;
  /**
   * The snapshot the host handed over when the workspace was opened passed the worker's full
   * integrity check: keep this seal of it for the next open, as a checkpoint would. Best effort,
   * and only while that snapshot is still the stored one; a seal that does not match the stored
   * bytes only costs the next open a full check.
   */
  recordSeal(handle: string, seal: string): Promise<Result<void>>;
  backups(handle: string): Promise<Result<BackupInfo[]>>;
  restoreBackup(handle: string, backupId: string): Promise<Result<OpenedWorkspace>>;
  /** Asks where to save a copy (a save dialog); null when the user cancels. */
  saveCopy(handle: string, snapshot: Uint8Array): Promise<Result<WorkspaceInfo | null>>;
}

/** What the preload exposes as `window.workbench`. Nothing else crosses the context bridge. */
export interface WorkbenchBridge {
  /** The application version, fixed at build time. */
  readonly version: string;
  readonly workspace: WorkspaceHostApi;
  /** Asks for report files to import (.md, .txt, .pdf); an empty list when the user cancels. */
  pickReports(): Promise<Result<ReportFile[]>>;
  about(): Promise<Result<AboutInfo>>;
  /** Who edits are recorded as: the name set in preferences, else the OS user name (Electron) or "Analyst". */
  author(): Promise<Result<string>>;
  /** Sets that name (an empty name goes back to the default); answers the name now in force. */
  setAuthor(name: string): Promise<Result<string>>;
  /** Asks where to save an export (a save dialog, or a download in the browser) and writes it whole or not at all. */
  saveExport(file: ExportFile): Promise<Result<SavedExport>>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** What the renderer needs from its host: the bridge plus which kind of host it is. */
export interface Host extends WorkbenchBridge {
  readonly kind: 'electron' | 'browser';
}
