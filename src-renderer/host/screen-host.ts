import type { Host, OpenedWorkspace, Result, WorkspaceHostApi } from '../../src-core/host/contract';
import { visible, visibleDeep } from '../../src-core/text/visible';

/**
 * The host's answers that the page shows — a workspace's name, the recent list, a saved file's
 * name, the names of picked reports, every error message (which may name a file) — with bidi
 * controls and other invisible characters shown as their code points (src-core/text/visible.ts),
 * as the DB worker's replies are (db/service/screen-text.ts). A file named "report‮dm.exe" from a
 * stick reads as "report⟨U+202E⟩dm.exe", not as "reportexe.md".
 *
 * What the page hands back to the host or the worker as it is stays as it is: a workspace's
 * handle, its snapshot, journal and seal, and the analyst's own name (the author of every edit).
 */
export function screenHost(host: Host): Host {
  const ws = host.workspace;
  const workspace: WorkspaceHostApi = {
    openLast: () => opened(ws.openLast()),
    create: () => opened(ws.create()),
    open: () => opened(ws.open()),
    openRecent: (handle) => opened(ws.openRecent(handle)),
    recent: () => shown(ws.recent()),
    appendJournal: (handle, line) => errorShown(ws.appendJournal(handle, line)),
    checkpoint: (handle, snapshot, lastSeq, seal) => errorShown(ws.checkpoint(handle, snapshot, lastSeq, seal)),
    recordSeal: (handle, seal) => errorShown(ws.recordSeal(handle, seal)),
    backups: (handle) => shown(ws.backups(handle)),
    restoreBackup: (handle, backupId) => opened(ws.restoreBackup(handle, backupId)),
    saveCopy: (handle, snapshot) => shown(ws.saveCopy(handle, snapshot)),
  };
  return {
    kind: host.kind,
    version: host.version,
    workspace,
    // The names go on to the import, which stores a report's file name as shown here.
    pickReports: () => shown(host.pickReports()),
    about: () => shown(host.about()),
    author: () => errorShown(host.author()),
    setAuthor: (name) => errorShown(host.setAuthor(name)),
    saveExport: (file) => shown(host.saveExport(file)),
    onMenuCommand: (listener) => host.onMenuCommand(listener),
  };
}

async function errorShown<T>(result: Promise<Result<T>>): Promise<Result<T>> {
  const r = await result;
  if (r.ok) return r;
  const message = visible(r.error.message);
  return message === r.error.message ? r : { ok: false, error: { ...r.error, message } };
}

/** Every string of the answer shown (bytes are left alone by visibleDeep). */
async function shown<T>(result: Promise<Result<T>>): Promise<Result<T>> {
  const r = await errorShown(result);
  return r.ok ? { ok: true, value: visibleDeep(r.value) } : r;
}

/** An opened workspace with its name shown; its snapshot, journal, seal and handle exactly as read. */
async function opened<T extends OpenedWorkspace | null>(result: Promise<Result<T>>): Promise<Result<T>> {
  const r = await errorShown(result);
  if (!r.ok || r.value === null) return r;
  const name = visible(r.value.info.name);
  return name === r.value.info.name ? r : { ok: true, value: { ...r.value, info: { ...r.value.info, name } } };
}
