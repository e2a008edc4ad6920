/**
 * The seam between the renderer and whatever hosts it (Electron main via the preload bridge, or
 * the browser for `npm run web` and the Playwright tests). Runtime-neutral on purpose: the
 * preload, the main process and the renderer all compile it. The host's methods are declared once,
 * in the table of ./methods.ts; the types here are derived from it and from the value schemas of
 * ./ipc-schema.ts (imported as types only, so nothing here runs their code).
 */
import type { z } from 'zod';
import type { ApiOf } from './methods';
import type {
  aboutInfoSchema,
  backupInfoSchema,
  exportFileSchema,
  openedWorkspaceSchema,
  reportFileSchema,
  savedExportSchema,
  workspaceInfoSchema,
} from './ipc-schema';

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
  | 'unavailable'
  /** A report's original file is not beside the workspace (never kept, deleted, or the folder not carried with a copy). */
  | 'original-missing'
  /** A report's original file is there but its bytes no longer hash to what was imported: it is never shown as the source. */
  | 'original-changed';

export const HOST_ERROR_CODES: readonly HostErrorCode[] = [
  'not-found',
  'read-failed',
  'write-failed',
  'forbidden',
  'invalid-input',
  'refused',
  'bad-response',
  'unavailable',
  'original-missing',
  'original-changed',
];

export interface HostError {
  code: HostErrorCode;
  message: string;
  /** Why a file was refused, as a stable code the page words for the analyst ('not-sqlite'; see shared/errors). */
  reason?: string;
}

/** Crosses process boundaries instead of exceptions, which IPC would flatten to bare strings. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: HostError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: HostErrorCode, message: string, reason?: string): Result<T> {
  return { ok: false, error: { code, message, ...(reason !== undefined && { reason }) } };
}

export const MENU_COMMANDS = [
  'file.new',
  'file.open',
  'file.saveCopy',
  'file.importReport',
  'file.openRecent',
  'file.backups',
  'edit.undo',
  'edit.redo',
  'edit.preferences',
  'view.commandPalette',
  'help.shortcuts',
  'help.about',
] as const;
export type MenuCommandName = (typeof MENU_COMMANDS)[number];
export interface MenuCommand {
  command: MenuCommandName;
  /** For file.openRecent: the handle of the workspace to open. */
  handle?: string;
}

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

/** Main → renderer: a menu item was chosen. */
export const MENU_EVENT = 'menu.command';

/** An open workspace as the renderer knows it: an opaque handle and a name to show, never a path. */
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>;
/** What the worker needs to open a workspace: the last snapshot, the journal since it, its seal and the seal key. */
export type OpenedWorkspace = z.infer<typeof openedWorkspaceSchema>;
export type BackupInfo = z.infer<typeof backupInfoSchema>;
/** A report the user picked to import, read by the host (size-checked) and handed over as bytes. */
export type ReportFile = z.infer<typeof reportFileSchema>;
/** An export the renderer made (a briefing pack, a grid's rows) for the host to save where the user says. */
export type ExportFile = z.infer<typeof exportFileSchema>;
/** Whether the file was saved (false: the user cancelled) and the name it was saved under, without its folder. */
export type SavedExport = z.infer<typeof savedExportSchema>;
export type AboutInfo = z.infer<typeof aboutInfoSchema>;

/** Where workspaces live and how edits reach the disk (the table's 'workspace' methods). Both hosts implement all of it. */
export type WorkspaceHostApi = ApiOf<'workspace'>;

/** What the preload exposes as `window.workbench`. Nothing else crosses the context bridge. */
export interface WorkbenchBridge extends ApiOf<'app'> {
  /** The application version, fixed at build time. */
  readonly version: string;
  readonly workspace: WorkspaceHostApi;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** What the renderer needs from its host: the bridge plus which kind of host it is. */
export interface Host extends WorkbenchBridge {
  readonly kind: 'electron' | 'browser';
}
