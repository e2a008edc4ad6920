import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { ExportDialog } from '../node/save-export';

/**
 * The Electron save dialog for exports, modal to the main window. The OS dialog asks before
 * replacing an existing file; the write itself is atomic (save-export.ts).
 */
export function nativeExportDialog(parent: () => BrowserWindow | null): ExportDialog {
  return async (suggestedName, filter) => {
    const options = {
      title: 'Export',
      defaultPath: path.join(app.getPath('documents'), suggestedName),
      filters: [filter],
      properties: ['createDirectory' as const],
    };
    const win = parent();
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
}
