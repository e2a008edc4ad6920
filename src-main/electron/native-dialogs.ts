import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { originalFilter, REPORT_FILTERS, WORKSPACE_FILTERS, type WorkspaceDialogs } from '../node/workspace/dialogs';

/**
 * The Electron side of WorkspaceDialogs, modal to the main window when there is one. Windows and
 * macOS ask "replace?" in their save dialogs; main refuses an existing file regardless, because a
 * workspace is never overwritten by a new one or a copy (see workspace/opener.ts and writes.ts).
 */
export function nativeDialogs(parent: () => BrowserWindow | null): WorkspaceDialogs {
  const save = async (options: SaveDialogOptions): Promise<string | null> => {
    const win = parent();
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
  const open = async (options: OpenDialogOptions): Promise<string[]> => {
    const win = parent();
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled ? [] : r.filePaths;
  };
  return {
    newWorkspacePath: (suggestedName) =>
      save({ title: 'New workspace', defaultPath: suggestedName, filters: WORKSPACE_FILTERS, properties: ['createDirectory'] }),
    workspaceToOpen: async () => (await open({ title: 'Open workspace', filters: WORKSPACE_FILTERS, properties: ['openFile'] }))[0] ?? null,
    copyPath: (suggestedName) =>
      save({
        title: 'Save a copy of the workspace',
        defaultPath: suggestedName,
        filters: WORKSPACE_FILTERS,
        properties: ['createDirectory'],
      }),
    reportsToImport: () => open({ title: 'Import reports', filters: REPORT_FILTERS, properties: ['openFile', 'multiSelections'] }),
    originalToLocate: async (name) =>
      (await open({ title: `Find the original of ${name}`, filters: originalFilter(name), properties: ['openFile'] }))[0] ?? null,
  };
}
