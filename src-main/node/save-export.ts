import path from 'node:path';
import { EXPORT_TYPES, ok, type ExportFile, type Result, type SavedExport } from '../../src-core/host/contract';
import { writeFileAtomic } from './atomic-write';

/** The one filter the save dialog offers: the export's own type, so the user sees what they are saving. */
export interface ExportFilter {
  name: string;
  extensions: string[];
}

/** Asks where to save an export; null when the user cancels. An interface so tests can script the answer. */
export type ExportDialog = (suggestedName: string, filter: ExportFilter) => Promise<string | null>;

/** Linux save dialogs do not add the filter's extension; without it the file would not open as what it is. */
export function withExtension(file: string, extension: string): string {
  return path.extname(file).toLowerCase() === `.${extension}` ? file : `${file}.${extension}`;
}

/**
 * Saves an export where the user chose, whole or not at all (temp file, fsync, rename): a crash or
 * a full disk never leaves half a briefing pack under the name the analyst will send. The path
 * comes only from the dialog; the page learns the file's name, never its folder.
 */
export async function saveExport(dialog: ExportDialog, file: ExportFile, write = writeFileAtomic): Promise<Result<SavedExport>> {
  const type = EXPORT_TYPES[file.mime];
  const chosen = await dialog(file.suggestedName, { name: type.label, extensions: [type.extension] });
  if (chosen === null) return ok({ saved: false, name: file.suggestedName });
  const target = withExtension(chosen, type.extension);
  await write(target, file.bytes);
  return ok({ saved: true, name: path.basename(target) });
}
