import type { Host } from '../../src-core/host/contract';

/** Until the analyst sets a name (and where the host cannot say), edits are audited under this one. */
export const FALLBACK_AUTHOR = 'Analyst';

/**
 * Who is making an edit, for the audit log: the OS user name in Electron or the name set in
 * preferences. Asked at each edit, so a name changed in preferences applies at once; a host that
 * cannot answer never blocks the edit.
 */
export async function currentAuthor(host: Pick<Host, 'author'>): Promise<string> {
  try {
    const r = await host.author();
    return r.ok && r.value.trim() ? r.value.trim() : FALLBACK_AUTHOR;
  } catch {
    return FALLBACK_AUTHOR;
  }
}
