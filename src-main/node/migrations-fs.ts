import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadMigrations, type Migration } from '../../src-core/db/migrate';

const DIR = fileURLToPath(new URL('../../src-core/db/migrations/', import.meta.url));

/** The numbered SQL migration files, read from src-core/db/migrations (Node: CLI and tests). */
export async function readMigrations(dir = DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql'));
  return loadMigrations(await Promise.all(files.map(async (file) => ({ file, sql: await readFile(`${dir}/${file}`, 'utf8') }))));
}
