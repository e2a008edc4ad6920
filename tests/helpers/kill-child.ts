// A workspace store in a process of its own, for the kill test: it opens the workspace given on
// the command line, then makes edits and checkpoints until it is killed. After each edit is
// acknowledged (its journal record durable), it writes "ACK <seq> <value>" to stdout with a
// blocking write, so the parent knows exactly which edits the user was told were saved.
import { writeSync } from 'node:fs';
import path from 'node:path';
import { WorkspaceSession } from '../../src-core/workspace/session';
import { readMigrations } from '../../src-main/node/migrations-fs';
import { loadSqlEngine } from '../../src-main/node/sqljs';
import { FileWorkspaceStore } from '../../src-main/workspace/file-store';

const [file, seedArg] = process.argv.slice(2);
if (!file) throw new Error('usage: kill-child <workspace.sqlite> [seed]');
let seed = Number(seedArg ?? 1) || 1;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  // The low bits of this generator repeat with a short period; use the high ones.
  return Math.floor(seed / 65536) % n;
};

// Bundled for speed by the kill test, so the migrations folder cannot be found relative to this file.
const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations(process.env.PEEL_MIGRATIONS_DIR)]);
const { store, snapshot, journal } = await FileWorkspaceStore.open(file);
const { session } = await WorkspaceSession.open(engine, migrations, { name: path.basename(file), snapshot, journal }, store);
const findings = Number(session.db.exec('SELECT count(*) FROM findings')[0]?.values[0]?.[0] ?? 1);
writeSync(1, `READY ${session.lastSeq}\n`);
for (;;) {
  if (random(8) === 0) {
    writeSync(1, 'CHECKPOINT\n');
    await session.checkpoint();
    writeSync(1, 'CHECKPOINTED\n');
    continue;
  }
  const value = `v${session.lastSeq + 1}-${random(1_000_000)}`;
  const { seq } = await session.edit('annotation.set', {
    targetType: 'finding',
    targetId: 1 + random(findings),
    field: 'note',
    value,
    author: 'kill-test',
    at: new Date().toISOString(),
  });
  writeSync(1, `ACK ${seq} ${value}\n`);
}
