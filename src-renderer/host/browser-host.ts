import { err, ok, type Host, type Result } from '../../src-core/host/contract';

// Served beside index.html by the web build (build/vite/default-workspace.ts): same origin only.
const DEFAULT_WORKSPACE = 'default-workspace.sqlite';

async function fetchDefaultWorkspace(): Promise<Result<Uint8Array>> {
  let res: Response;
  try {
    res = await fetch(new URL(DEFAULT_WORKSPACE, document.baseURI), { credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    return err('unavailable', `The default workspace could not be fetched: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (res.status === 404)
    return err(
      'not-found',
      'The default workspace is missing from this web build. Developers: run `npm run build:workspace`, then rebuild.',
    );
  if (!res.ok) return err('read-failed', `The default workspace could not be fetched (HTTP ${res.status}).`);
  return ok(new Uint8Array(await res.arrayBuffer()));
}

/** The host for `npm run web` and the Playwright tests, where there is no Electron main process. */
export function browserHost(): Host {
  return { kind: 'browser', version: __APP_VERSION__, openDefaultWorkspace: fetchDefaultWorkspace };
}
