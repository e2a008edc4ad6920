import path from 'node:path';
import { REPORT_EXTENSIONS } from '../../../src-core/extract/formats';

/**
 * The native dialogs main asks the user through. An interface so the handlers can be tested
 * with scripted answers; src-main/electron/native-dialogs.ts is the Electron implementation. Every path the
 * renderer can act on comes back through one of these (or the recent list), never from the page.
 */
export interface WorkspaceDialogs {
  /** Where to create a new workspace, offering the file name made of the name typed; null when cancelled. */
  newWorkspacePath(suggestedName: string): Promise<string | null>;
  /** Which existing workspace to open; null when cancelled. */
  workspaceToOpen(): Promise<string | null>;
  /** Where to save a copy; null when cancelled. */
  copyPath(suggestedName: string): Promise<string | null>;
  /** Report files to import; empty when cancelled. */
  reportsToImport(): Promise<string[]>;
  /**
   * The file that is a report's original (locateOriginal), asked by the report's file name and
   * filtered on its extension (originalFilter); null when cancelled.
   */
  originalToLocate(name: string): Promise<string | null>;
}

export const WORKSPACE_FILTERS = [{ name: 'PEEL Workbench workspace', extensions: ['sqlite'] }];
export const REPORT_FILTERS = [{ name: 'Reports (Markdown, text, web page, PDF)', extensions: [...REPORT_EXTENSIONS] }];

/** The open dialog's filter when the analyst points at a report's original again: its own extension, if a report's. */
export function originalFilter(name: string): { name: string; extensions: string[] }[] {
  const extension = path.extname(name).slice(1).toLowerCase();
  const known = (REPORT_EXTENSIONS as readonly string[]).includes(extension);
  return known ? [{ name: `${name} (.${extension})`, extensions: [extension] }, ...REPORT_FILTERS] : REPORT_FILTERS;
}

/** Linux save dialogs do not add the filter's extension; without it Open would not list the file. */
export function withWorkspaceExtension(file: string): string {
  return path.extname(file).toLowerCase() === '.sqlite' ? file : `${file}.sqlite`;
}

export function copyName(workspaceName: string): string {
  return `${workspaceName.replace(/\.sqlite$/i, '')} copy.sqlite`;
}

/**
 * The file name a save dialog offers for a workspace the analyst named: the name with the characters
 * a file name cannot hold (folder separators, Windows' reserved ones, controls) made hyphens and no
 * leading dots, so a name like "../Gwent: 2017" cannot steer where the file goes.
 */
export function workspaceFileName(name: string): string {
  const safe = [...name]
    .map((c) => (/[/\\:*?"<>|]/.test(c) || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? '-' : c))
    .join('')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .replace(/\.sqlite$/i, '');
  return `${safe.slice(0, 120) || 'Workspace'}.sqlite`;
}
