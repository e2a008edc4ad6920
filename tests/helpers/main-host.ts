import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeRecord, sealRecord } from '../../src-core/workspace/journal';
import type { SenderFacts } from '../../src-main/electron/ipc-guard';
import { createHandlers } from '../../src-main/electron/ipc-handlers';
import { Preferences } from '../../src-main/node/preferences';
import { createMainHost } from '../../src-main/node/main-host';
import type { WorkspaceDialogs } from '../../src-main/node/workspace/dialogs';
import { HandleRegistry } from '../../src-main/node/workspace/handles';
import { WorkspaceOpener } from '../../src-main/node/workspace/opener';
import { WorkspaceWrites } from '../../src-main/node/workspace/writes';
import { freshWorkspace } from './workspace';

export const TRUSTED = { webContentsId: 7, origins: ['app://app'] };
/** The main window's top frame showing the app: the only sender that may call the host. */
export const MAIN_FRAME: SenderFacts = { webContentsId: 7, frameUrl: 'app://app/index.html', isTopFrame: true };

/** A real, empty workspace database, as the worker would checkpoint it. */
export async function workspaceBytes(): Promise<Uint8Array> {
  const db = await freshWorkspace();
  try {
    return db.export();
  } finally {
    db.close();
  }
}

export const journalLine = async (seq: number) =>
  encodeRecord(await sealRecord(seq, 'annotation.set', { targetType: 'finding', targetId: seq, field: 'note', value: `n${seq}` }));

/** Dialog answers queued by a test; an empty queue means the user cancelled. */
export class ScriptedDialogs implements WorkspaceDialogs {
  readonly saves: (string | null)[] = [];
  readonly opens: (string | null)[] = [];
  readonly reports: string[][] = [];
  suggested: string | null = null;
  newWorkspacePath = async (suggestedName: string) => {
    this.suggested = suggestedName;
    return this.saves.shift() ?? null;
  };
  workspaceToOpen = async () => this.opens.shift() ?? null;
  copyPath = async (suggestedName: string) => {
    this.suggested = suggestedName;
    return this.saves.shift() ?? null;
  };
  reportsToImport = async () => this.reports.shift() ?? [];
  /** Answers to "find the original of …", and the names asked for. */
  readonly originals: (string | null)[] = [];
  readonly originalsAsked: string[] = [];
  originalToLocate = async (name: string) => {
    this.originalsAsked.push(name);
    return this.originals.shift() ?? null;
  };
  /** Where exports go: the queued answers, and what the dialog was asked. */
  readonly exports: (string | null)[] = [];
  exportAsked: { suggestedName: string; filter: { name: string; extensions: string[] } } | null = null;
  exportPath = async (suggestedName: string, filter: { name: string; extensions: string[] }) => {
    this.exportAsked = { suggestedName, filter };
    return this.exports.shift() ?? null;
  };
}

const roots = new Set<string>();

/** For afterAll: some tests leave sparse multi-GB files behind. */
export function removeMainHostFolders(): void {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots.clear();
}

/** Main's host in a temp folder: userData, a bundled default workspace and a folder for the user's files. */
export function makeMainHost(bundledBytes: Uint8Array, root = mkdtempSync(path.join(tmpdir(), 'peel-main-'))) {
  roots.add(root);
  const userData = path.join(root, 'userData');
  const docs = path.join(root, 'docs');
  const bundled = path.join(root, 'install', 'default-workspace.sqlite');
  for (const dir of [docs, path.dirname(bundled)]) mkdirSync(dir, { recursive: true });
  writeFileSync(bundled, bundledBytes);
  const registry = new HandleRegistry();
  const opener = new WorkspaceOpener(registry, { userData, bundledDefault: bundled });
  const dialogs = new ScriptedDialogs();
  const api = createMainHost({
    registry,
    opener,
    writes: new WorkspaceWrites(registry),
    dialogs,
    about: () => ({ name: 'PEEL Workbench', version: '9.9.9', electron: null, chrome: null, node: '20', licences: 'MIT' }),
    preferences: new Preferences(path.join(userData, 'preferences.json'), () => 'analyst1'),
    exportDialog: dialogs.exportPath,
  });
  const handlers = createHandlers(api, () => TRUSTED);
  return { root, userData, docs, bundled, registry, opener, dialogs, api, handlers };
}
