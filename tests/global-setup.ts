import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Several tests (the kill test, the fault matrix, the file store's) open the bundled default
 * workspace. Build it once before any test runs, from the sources as they are now: a fresh clone
 * has none, and one built before a schema change would be stale.
 */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const run = spawnSync(
    process.execPath,
    [
      'bin/peel-workbench.mjs',
      'build',
      'data/gwent-peel-effectiveness-2017.md',
      '--out',
      'data/default-workspace.sqlite',
      '--replace',
      '--demo-samples',
    ],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`building data/default-workspace.sqlite failed:\n${run.stdout}${run.stderr}`);
}
