import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './seed';

const run = promisify(execFile);

export interface CliRun {
  /** Null when the process was ended by a signal (the test's own time limit). */
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

export interface CliCopy {
  root: string;
  /** Runs the copy as bin/peel-workbench.mjs runs the real one; past timeoutMs the process is killed. */
  cli(args: string[], env: Record<string, string>, timeoutMs: number): Promise<CliRun>;
  /** Removes the copy (the node_modules link only, never what it points to). */
  remove(): void;
}

/**
 * The command line built as `npm ci` builds it (scripts/build-cli.mjs), into a folder of its own
 * laid out like the project (out/cli/ two folders below the migrations and package.json), with
 * extra migration files beside the real ones. What the extra migrations create is then schema
 * "of ours" to the copy: a trigger there passes the schema check and runs, as a trigger would in
 * a build whose own migrations went wrong. No hook in the shipped code: the copy is the real bundle.
 */
export async function cliCopy(extraMigrations: { file: string; sql: string }[]): Promise<CliCopy> {
  const root = mkdtempSync(path.join(tmpdir(), 'peel-cli-copy-'));
  await run(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs'), '--out', path.join(root, 'out/cli')], { cwd: ROOT });
  const migrations = path.join(root, 'src-core/db/migrations');
  mkdirSync(migrations, { recursive: true });
  const real = path.join(ROOT, 'src-core/db/migrations');
  for (const f of readdirSync(real)) copyFileSync(path.join(real, f), path.join(migrations, f));
  for (const m of extraMigrations) writeFileSync(path.join(migrations, m.file), m.sql);
  copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  // bin/peel-workbench.mjs's last line, without its fallback to the sources (the copy has none).
  const bin = path.join(root, 'run.mjs');
  writeFileSync(bin, "const { main } = await import('./out/cli/main.mjs');\nprocess.exitCode = await main(process.argv.slice(2));\n");
  return {
    root,
    remove: () => rmSync(root, { recursive: true, force: true }),
    async cli(args, env, timeoutMs) {
      try {
        const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
          cwd: root,
          env: { ...process.env, ...env },
          timeout: timeoutMs,
          maxBuffer: 32 * 1024 * 1024,
        });
        return { code: 0, signal: null, stdout, stderr };
      } catch (e) {
        const err = e as { code: number | null; signal: string | null; stdout: string; stderr: string };
        return { code: typeof err.code === 'number' ? err.code : null, signal: err.signal, stdout: err.stdout, stderr: err.stderr };
      }
    },
  };
}
