import type { MenuCommandName } from '../../src-core/host/contract';
import { VIEWS, type ViewId } from './views';

/**
 * The workbench's commands, one list: the command palette finds them, Help › Keyboard shortcuts
 * lists their keys, and the keyboard handler (use-command-keys.ts) runs them by the same keys. A
 * key written here is a key the app answers to; nothing else binds these combinations.
 */

export type GoCommandId = `go.${ViewId}`;
/** The Electron menu's commands keep their channel names, so one handler serves the menu and the keys. */
export type CommandId = GoCommandId | Exclude<MenuCommandName, 'file.openRecent'>;

export type CommandGroup = 'Go to' | 'File' | 'Edit' | 'Help';

export interface AppCommand {
  id: CommandId;
  /** What the palette and the Help list say. */
  title: string;
  group: CommandGroup;
  /** What Help › Keyboard shortcuts says it does, where the title alone does not say enough. */
  help?: string;
  /** More words it is found by ("settings" finds Preferences). */
  words?: string;
  /** Its keys in both hosts, as typed on Windows and Linux ("Ctrl+Shift+P"); the first is the one shown beside it. */
  keys: readonly string[];
  /**
   * The browser preview's keys where the browser keeps the desktop's for itself (Ctrl+N opens a
   * browser window and the page never sees it).
   */
  browserKeys?: readonly string[];
  /** 'field': in a text field the keys are the field's (Ctrl+Z undoes the typing), so the command waits. */
  inTextField: 'app' | 'field';
  /** Only with a workspace open (Save a copy, Backups). */
  needsWorkspace?: boolean;
}

const go = VIEWS.map((v, i): AppCommand => ({
  id: `go.${v.id}`,
  title: `Go to ${v.label}`,
  group: 'Go to',
  words: 'view tab switch show open',
  keys: [`Alt+${i + 1}`],
  // In a text field Alt+digit is the field's: Option+3 types "#" on a Mac's UK layout.
  inTextField: 'field',
}));

export const COMMANDS: readonly AppCommand[] = [
  ...go,
  {
    id: 'file.new',
    title: 'New workspace…',
    group: 'File',
    words: 'create empty blank',
    keys: ['Ctrl+N'],
    browserKeys: ['Ctrl+Alt+N'],
    inTextField: 'app',
  },
  { id: 'file.open', title: 'Open workspace…', group: 'File', words: 'load file', keys: ['Ctrl+O'], inTextField: 'app' },
  {
    id: 'file.backups',
    title: 'Backups…',
    group: 'File',
    words: 'restore snapshot earlier version',
    keys: ['Ctrl+Shift+B'],
    inTextField: 'app',
    needsWorkspace: true,
  },
  {
    id: 'file.saveCopy',
    title: 'Save a copy…',
    group: 'File',
    words: 'export duplicate download',
    keys: ['Ctrl+Shift+S'],
    inTextField: 'app',
    needsWorkspace: true,
  },
  {
    id: 'file.importReport',
    title: 'Import report…',
    group: 'File',
    words: 'add pdf inspection',
    keys: ['Ctrl+I'],
    inTextField: 'app',
    needsWorkspace: true,
  },
  { id: 'edit.preferences', title: 'Preferences…', group: 'File', words: 'settings name author', keys: ['Ctrl+,'], inTextField: 'app' },
  {
    id: 'edit.undo',
    title: 'Undo',
    group: 'Edit',
    help: 'Undo the last change (in a text field, Ctrl+Z undoes typing)',
    words: 'back revert',
    keys: ['Ctrl+Z'],
    inTextField: 'field',
    needsWorkspace: true,
  },
  {
    id: 'edit.redo',
    title: 'Redo',
    group: 'Edit',
    help: 'Redo the change undone last',
    words: 'again',
    keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
    inTextField: 'field',
    needsWorkspace: true,
  },
  {
    id: 'view.commandPalette',
    title: 'Command palette',
    group: 'Help',
    words: 'find search actions',
    keys: ['Ctrl+K', 'Ctrl+Shift+P'],
    inTextField: 'app',
  },
  { id: 'help.shortcuts', title: 'Keyboard shortcuts', group: 'Help', words: 'keys help', keys: ['Ctrl+/'], inTextField: 'app' },
  { id: 'help.about', title: 'About PEEL Workbench', group: 'Help', words: 'version licences licenses', keys: [], inTextField: 'app' },
];

export type HostKind = 'electron' | 'browser';

export function commandById(id: CommandId): AppCommand {
  const found = COMMANDS.find((c) => c.id === id);
  if (!found) throw new Error(`no command ${id}`);
  return found;
}

/** The keys that run a command in this host. */
export function keysFor(command: AppCommand, host: HostKind): readonly string[] {
  return host === 'browser' && command.browserKeys ? command.browserKeys : command.keys;
}

export interface KeyChord {
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  /** Lower case: "k", "/", "1", ",". */
  key: string;
}

export function parseChord(text: string): KeyChord {
  const parts = text.split('+');
  // "Ctrl++" would be the plus key; no command uses it, so the last part is always the key.
  const key = (parts.pop() ?? '').toLowerCase();
  if (!key) throw new Error(`no key in "${text}"`);
  const mods = new Set(parts);
  for (const m of mods) if (!['Ctrl', 'Shift', 'Alt'].includes(m)) throw new Error(`unknown modifier ${m} in "${text}"`);
  return { ctrl: mods.has('Ctrl'), shift: mods.has('Shift'), alt: mods.has('Alt'), key };
}

/** The key a physical key code stands for, for layouts and modifiers that change e.key (Alt+1 types "¡" on a Mac). */
const CODE_KEYS: Record<string, string> = { Slash: '/', Comma: ',', Period: '.' };
function keyOfCode(code: string): string | null {
  const m = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(code);
  if (m) return (m[1] ?? m[2] ?? '').toLowerCase();
  return CODE_KEYS[code] ?? null;
}

export type KeyFacts = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Ctrl stands for Cmd on a Mac, as the Electron menu's CmdOrCtrl does. */
export function chordMatches(chord: KeyChord, e: KeyFacts): boolean {
  if ((e.ctrlKey || e.metaKey) !== chord.ctrl || e.altKey !== chord.alt || e.shiftKey !== chord.shift) return false;
  return e.key.toLowerCase() === chord.key || keyOfCode(e.code) === chord.key;
}

/**
 * The command a key press runs here, or null. In a text field only the commands whose keys are
 * not the field's own (Ctrl+K, Ctrl+/) run; Ctrl+Z there is left to the field.
 */
export function commandForKey(e: KeyFacts, host: HostKind, inTextField: boolean): AppCommand | null {
  for (const command of COMMANDS) {
    if (inTextField && command.inTextField === 'field') continue;
    if (keysFor(command, host).some((k) => chordMatches(parseChord(k), e))) return command;
  }
  return null;
}

/** The Electron menu's accelerator for keys written here: "Ctrl+Shift+S" → "CmdOrCtrl+Shift+S". */
export function accelerator(keys: string): string {
  return keys.replace(/^Ctrl\+/, 'CmdOrCtrl+');
}

/** Words as the palette compares them: letters and digits, lower case. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Whether every word typed begins a word of the text ("go fin" finds "Go to Findings", "pref"
 * finds "Preferences…"); an empty query matches everything.
 */
export function matchesWords(query: string, text: string): boolean {
  const wanted = words(query);
  if (wanted.length === 0) return true;
  const have = words(text);
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}

/** The commands the palette offers for what was typed, in the list's order (views first). */
export function findCommands(query: string, opts: { host: HostKind; workspaceOpen: boolean }): AppCommand[] {
  return COMMANDS.filter(
    (c) =>
      (opts.workspaceOpen || !c.needsWorkspace) &&
      matchesWords(query, `${c.title} ${c.group} ${c.words ?? ''} ${keysFor(c, opts.host).join(' ')}`),
  );
}
