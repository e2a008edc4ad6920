// A workspace store in a process of its own, for the kill tests (tests/unit/.../kill.test.ts and
// `npm run test:durability`). It opens the workspace given on the command line through the real
// FileWorkspaceStore and WorkspaceSession (orphan clean-up, integrity check, journal replay), reports
// what it found ("OPENED <json>": the state a restarted app would show), then makes random edits
// and checkpoints until it is killed. After each edit is acknowledged (its journal record durable)
// it writes "ACK <seq> <value>" with a blocking write, so the parent knows exactly which edits the
// analyst was told were saved. With --verify it exits after OPENED.
import { readdirSync, writeSync } from 'node:fs';
import path from 'node:path';
import { WorkspaceSession } from '../../src-core/workspace/session';
import { readMigrations } from '../../src-main/node/migrations-fs';
import { loadSqlEngine } from '../../src-main/node/sqljs';
import { FileWorkspaceStore } from '../../src-main/node/workspace/file-store';
import { installationSealKey } from '../../src-main/node/workspace/seal-key';

export interface OpenedState {
  lastSeq: number;
  /** PRAGMA integrity_check of the reopened file (run here when a matching seal let the open skip it). */
  integrity: string;
  /** Whether the open matched the seal written by the last checkpoint ('sealed') or checked in full. */
  check: string;
  replayed: number;
  discarded: number;
  orphansRemoved: number;
  /** Temporary files still beside the workspace after it was opened (there should be none). */
  tmp: string[];
  /** new_value of every audited kill-test edit, in audit (= seq) order. */
  values: string[];
}

const args = process.argv.slice(2);
const verifyOnly = args.includes('--verify');
const [file, seedArg] = args.filter((a) => a !== '--verify');
if (!file) throw new Error('usage: kill-child <workspace.sqlite> [seed] [--verify]');
let seed = Number(seedArg ?? 1) || 1;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  // The low bits of this generator repeat with a short period; use the high ones.
  return Math.floor(seed / 65536) % n;
};
const say = (line: string) => writeSync(1, `${line}\n`);

// Bundled for speed by the kill tests, so the migrations folder cannot be found relative to this file.
const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations(process.env.PEEL_MIGRATIONS_DIR)]);
let session: WorkspaceSession;
try {
  // Every run of the child is the same installation: its key lives in a folder of its own (as
  // the app's does in user data), made by the first run, so later runs can open sealed.
  const sealKey = await installationSealKey(path.join(path.dirname(file), '.installation'));
  const { store, snapshot, journal, journalCut, orphansRemoved, seal } = await FileWorkspaceStore.open(file, { sealKey });
  const loaded = { name: path.basename(file), snapshot, journal, journalCut, seal, sealKey };
  const opened = await WorkspaceSession.open(engine, migrations, loaded, store);
  session = opened.session;
  const state: OpenedState = {
    lastSeq: session.lastSeq,
    // A full open has just run PRAGMA integrity_check on these bytes and refuses anything but "ok"
    // (an OPENFAIL, counted as a corrupt open); running it twice would double the cost of a kill.
    // A sealed open skipped it, so it runs here: a seal must never vouch for a damaged file.
    integrity:
      opened.check === 'sealed'
        ? String(
            session.db
              .exec('PRAGMA integrity_check')[0]
              ?.values.map((v) => String(v[0]))
              .join('; '),
          )
        : 'ok',
    check: opened.check,
    replayed: opened.replayed,
    discarded: opened.discarded,
    orphansRemoved,
    tmp: readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp')),
    values: (session.db.exec("SELECT new_value FROM audit_log WHERE author = 'kill-test' ORDER BY id")[0]?.values ?? []).map((v) =>
      String(v[0]),
    ),
  };
  say(`OPENED ${JSON.stringify(state)}`);
} catch (e) {
  say(`OPENFAIL ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  process.exit(3);
}
if (verifyOnly) process.exit(0);

const findings = Number(session.db.exec('SELECT max(id) FROM findings')[0]?.values[0]?.[0] ?? 1);
const statuses = ['new', 'reviewed', 'flagged', 'verified'] as const;
say(`READY ${session.lastSeq}`);
for (;;) {
  const dice = random(16);
  if (dice < 2) {
    say('CHECKPOINT');
    await session.checkpoint();
    say('CHECKPOINTED');
    continue;
  }
  const at = new Date().toISOString();
  const targetId = 1 + random(findings);
  if (dice === 2) {
    // Another field now and then, so replay covers more than one kind of record.
    await session.edit('annotation.set', {
      targetType: 'finding',
      targetId,
      field: 'status',
      value: statuses[random(4)],
      author: 'kill-other',
      at,
    });
    continue;
  }
  const value = `v${session.lastSeq + 1}-${random(1_000_000)}`;
  const { seq } = await session.edit('annotation.set', { targetType: 'finding', targetId, field: 'note', value, author: 'kill-test', at });
  say(`ACK ${seq} ${value}`);
}
