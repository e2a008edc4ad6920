import { err, ok, type AboutInfo } from '../../src-core/host/contract';
import type { HostApi } from '../../src-core/host/methods';
import { copyName, withWorkspaceExtension, workspaceFileName, type WorkspaceDialogs } from './workspace/dialogs';
import type { HandleRegistry } from './workspace/handles';
import type { WorkspaceOpener } from './workspace/opener';
import { readReports } from './workspace/reports';
import type { WorkspaceWrites } from './workspace/writes';
import type { Preferences } from './preferences';
import { saveExport, type ExportDialog } from './save-export';

/** Everything the renderer may ask main for: every method of the host table (src-core/host/methods.ts). */
export type MainHostApi = HostApi;

export interface MainHostDeps {
  registry: HandleRegistry;
  opener: WorkspaceOpener;
  writes: WorkspaceWrites;
  dialogs: WorkspaceDialogs;
  about: () => AboutInfo;
  preferences: Preferences;
  /** Where to save an export; the only source of export paths. */
  exportDialog: ExportDialog;
}

/**
 * The host API as main implements it, with arguments already validated (see ipc-handlers.ts).
 * Paths only ever come from a dialog, the recent list or the registry, never from the page.
 */
export function createMainHost({ registry, opener, writes, dialogs, about, preferences, exportDialog }: MainHostDeps): MainHostApi {
  return {
    openLast: () => opener.openLast(),
    create: async (name) => {
      const file = await dialogs.newWorkspacePath(workspaceFileName(name));
      return file === null ? ok(null) : opener.create(withWorkspaceExtension(file));
    },
    open: async () => {
      const file = await dialogs.workspaceToOpen();
      return file === null ? ok(null) : opener.openExisting(file);
    },
    openRecent: async (handle) => {
      const entry = registry.get(handle);
      return entry
        ? opener.openExisting(entry.file)
        : err('invalid-input', 'Unknown workspace handle: it was not issued by this application run.');
    },
    recent: async () => ok(await opener.recent()),
    appendJournal: (handle, line) => writes.appendJournal(handle, line),
    checkpoint: (handle, snapshot, lastSeq, seal) => writes.checkpoint(handle, snapshot, lastSeq, seal),
    recordSeal: (handle, seal) => writes.recordSeal(handle, seal),
    keepOriginal: (handle, sha256, bytes) => writes.keepOriginal(handle, sha256, bytes),
    readOriginal: (handle, sha256, name) => writes.readOriginal(handle, sha256, name),
    locateOriginal: async (handle, sha256, name) => {
      if (!registry.get(handle)) return err('invalid-input', 'Unknown workspace handle: it was not issued by this application run.');
      // The path comes from the dialog, never from the page; the name only says which report.
      const chosen = await dialogs.originalToLocate(name);
      return chosen === null ? ok(null) : writes.adoptOriginal(handle, sha256, name, chosen);
    },
    backups: (handle) => writes.backups(handle),
    restoreBackup: (handle, backupId) => writes.restoreBackup(handle, backupId),
    saveCopy: async (handle, snapshot) => {
      if (!registry.get(handle)) return err('invalid-input', 'Unknown workspace handle: it was not issued by this application run.');
      const target = await dialogs.copyPath(copyName(registry.info(handle).name));
      if (target === null) return ok(null);
      const saved = await writes.saveCopy(handle, withWorkspaceExtension(target), snapshot);
      if (saved.ok) await opener.addRecent(registry.get(saved.value.handle)?.file ?? target);
      return saved;
    },
    pickReports: async () => readReports(await dialogs.reportsToImport()),
    about: async () => ok(about()),
    author: async () => ok(await preferences.author()),
    setAuthor: async (name) => ok(await preferences.setAuthor(name)),
    saveExport: (file) => saveExport(exportDialog, file),
  };
}
