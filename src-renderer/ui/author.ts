import type { Host } from '../../src-core/host/contract';

/** Until the analyst sets a name (and where the host cannot say), edits are audited under this one. */
export const FALLBACK_AUTHOR = 'Analyst';

/**
 * How long an edit waits for the host to say who is editing. Edits are stamped one after another
 * (so they reach the worker in the order they were made): a host that never answered would hold
 * every later edit, undo and redo, so after this the edit goes on under the fallback name.
 */
export const AUTHOR_WAIT_MS = 5000;

/**
 * Who is making an edit, for the audit log: the OS user name in Electron or the name set in
 * preferences. Asked at each edit, so a name changed in preferences applies at once; a host that
 * cannot answer never blocks the edit.
 */
export async function currentAuthor(host: Pick<Host, 'author'>, waitMs = AUTHOR_WAIT_MS): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(FALLBACK_AUTHOR), waitMs)));
  const asked = (async () => {
    try {
      const r = await host.author();
      return r.ok && r.value.trim() ? r.value.trim() : FALLBACK_AUTHOR;
    } catch {
      return FALLBACK_AUTHOR;
    }
  })();
  try {
    return await Promise.race([asked, late]);
  } finally {
    clearTimeout(timer);
  }
}
