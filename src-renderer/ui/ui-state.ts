import type { ZodType } from 'zod';

/** The part of the Web Storage API the store uses (localStorage in the app, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'peel-workbench.ui.v1';
/** A view's state is small (a search, a filter model, column widths): anything larger is refused, not stored. */
export const MAX_STATE_CHARS = 64 * 1024;

/**
 * Where the analyst was, per workspace: the current view, each view's search, filters, sort,
 * columns, selection, scroll and panel sizes. Kept in the renderer's own storage (localStorage),
 * not in the workspace file: it is the analyst's desk, not the work, and moving a splitter must
 * never become an edit in the journal. Every value is checked against its schema when read back;
 * a value that fails (another version, a damaged entry) is dropped and the default used.
 */
export class UiStateStore {
  constructor(
    private readonly storage: KeyValueStorage | null,
    /** The workspace's handle: each workspace remembers its own desk. */
    readonly scope: string,
  ) {}

  private keyOf(key: string): string {
    return `${PREFIX}:${this.scope}:${key}`;
  }

  read<T>(key: string, schema: ZodType<T>): T | undefined {
    let text: string | null;
    try {
      text = this.storage?.getItem(this.keyOf(key)) ?? null;
    } catch {
      return undefined; // storage switched off: the defaults apply
    }
    if (text === null || text.length > MAX_STATE_CHARS) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.forget(key);
      return undefined;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      this.forget(key);
      return undefined;
    }
    return parsed.data;
  }

  write(key: string, value: unknown): void {
    const text = JSON.stringify(value);
    if (text === undefined || text.length > MAX_STATE_CHARS) return;
    try {
      this.storage?.setItem(this.keyOf(key), text);
    } catch {
      // Full or switched off: the desk is not remembered, the work is unaffected.
    }
  }

  forget(key: string): void {
    try {
      this.storage?.removeItem(this.keyOf(key));
    } catch {
      // as write
    }
  }
}

/** The browser's localStorage when it can be used, or none (the state then lasts as long as the page). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
