import type { Host, OpenedWorkspace, Result } from '../../src-core/host/contract';
import { buildApi, callMethod, type AnyCall, type DeclaredMethod, type HostMethod, type Shown } from '../../src-core/host/methods';
import { visible, visibleDeep } from '../../src-core/text/visible';

/**
 * The host's answers that the page shows — a workspace's name, the recent list, a saved file's
 * name, the names of picked reports, every error message (which may name a file) — with bidi
 * controls and other invisible characters shown as their code points (src-core/text/visible.ts),
 * as the DB worker's replies are (src-core/service/screen-text.ts). A file named "report‮dm.exe" from a
 * stick reads as "report⟨U+202E⟩dm.exe", not as "reportexe.md".
 *
 * What the page hands back to the host or the worker as it is stays as it is: a workspace's
 * handle, its snapshot, journal and seal, and the analyst's own name (the author of every edit).
 * Which is which, method by method, is the host table's `shown` (src-core/host/methods.ts).
 */
export function screenHost(host: Host): Host {
  const through =
    (api: object) =>
    (method: HostMethod, { shown }: DeclaredMethod): AnyCall =>
    (...args) =>
      SHOW[shown](callMethod(api, method, args));
  return {
    kind: host.kind,
    version: host.version,
    workspace: buildApi('workspace', through(host.workspace)),
    ...buildApi('app', through(host)),
    onMenuCommand: (listener) => host.onMenuCommand(listener),
  };
}

const SHOW: Record<Shown, (result: Promise<Result<unknown>>) => Promise<Result<unknown>>> = {
  all: shown,
  'workspace-name': opened,
  errors: errorShown,
};

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
async function opened(result: Promise<Result<unknown>>): Promise<Result<unknown>> {
  const r = await errorShown(result as Promise<Result<OpenedWorkspace | null>>);
  if (!r.ok || r.value === null) return r;
  const name = visible(r.value.info.name);
  return name === r.value.info.name ? r : { ok: true, value: { ...r.value, info: { ...r.value.info, name } } };
}
