import { readFile } from 'node:fs/promises';
import { err, ok, type Result } from '../src-core/host/contract';

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** Reads the bundled default workspace; every failure comes back as a value the UI can show. */
export async function readDefaultWorkspace(file: string): Promise<Result<Uint8Array>> {
  try {
    const buf = await readFile(file);
    // A copy: a Buffer can be a view into Node's shared pool, and IPC serialises a view's whole
    // underlying ArrayBuffer.
    return ok(new Uint8Array(buf));
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT') {
      return err('not-found', 'The default workspace is missing from this installation. Developers: run `npm run build:workspace`.');
    }
    return err('read-failed', `The default workspace could not be read (${code ?? (e instanceof Error ? e.message : String(e))}).`);
  }
}
