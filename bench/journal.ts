// Bench item 4: the durability protocol on the real file store (src-main/node/workspace/file-store.ts)
// and session (src-core/workspace/session.ts): journal appends, checkpoints per MB, and opening
// a workspace (read, sql.js load, integrity check, migrations, journal replay). Opening is timed
// both ways: as the app left the file after a checkpoint (its seal matches, so the integrity check
// is skipped) and without a seal (a file from elsewhere, or a lost seal: the full check).
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Migration } from '../src-core/db/migrate';
import { all, type SqlEngine } from '../src-core/db/sql-db';
import { openWorkspace } from '../src-core/db/workspace';
import { newSealKey, sealMatches } from '../src-core/workspace/seal';
import { WorkspaceSession } from '../src-core/workspace/session';
import { FileWorkspaceStore } from '../src-main/node/workspace/file-store';
import { percentile, result, round, single, type Result } from './lib';

const TAGS = ['custody', 'mental health', 'domestic abuse', 'supervision', 'victim care'];

export async function benchJournal(
  engine: SqlEngine,
  migrations: Migration[],
  source: string,
  label: string,
  opts: { appends: number; checkpoints: number; replay: number },
): Promise<Result[]> {
  const dir = path.join(path.dirname(source), 'journal-bench');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, path.basename(source));
  await copyFile(source, file);
  const out: Result[] = [];
  // The bench's installation: one key for every open of the run, as the app has.
  const sealKey = newSealKey();

  let opened = await FileWorkspaceStore.open(file, { sealKey });
  const { session } = await WorkspaceSession.open(engine, migrations, { name: label, ...opened }, opened.store);
  const ids = all<{ id: number }>(session.db, 'SELECT id FROM findings ORDER BY id').map((r) => Number(r.id));
  const findingAt = (i: number) => ids[(i * 7919) % ids.length] ?? 1;
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
  const editOnce = (i: number) =>
    i % 2 === 0
      ? session.edit('annotation.set', {
          targetType: 'finding',
          targetId: findingAt(i),
          field: 'status',
          value: 'reviewed',
          author: 'bench',
          at: at(i),
        })
      : session.edit('annotation.set', {
          targetType: 'finding',
          targetId: findingAt(i),
          field: 'tags',
          value: [TAGS[i % TAGS.length] ?? 'custody'],
          author: 'bench',
          at: at(i),
        });

  // Appends: one edit = one transaction + one fsynced journal line, acknowledged when durable.
  await editOnce(0);
  const times: number[] = [];
  for (let i = 1; i <= opts.appends; i++) {
    const t0 = performance.now();
    await editOnce(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 0.5);
  const p99 = percentile(times, 0.99);
  out.push({
    ...result(
      `${label}: journal append (edit acknowledged), p50 / p99`,
      { median: p50, p95: percentile(times, 0.95), p99, runs: times.length },
      20,
    ),
    holds: p99 <= 20,
    note: `p99 ${round(p99, 2)} ms`,
    p95: round(p99, 2),
  });

  // Checkpoints: export the whole database, write a temp file, fsync, rename, keep a backup.
  const cps: number[] = [];
  let bytes = 0;
  for (let i = 0; i < opts.checkpoints; i++) {
    const t0 = performance.now();
    bytes = (await session.checkpoint()).bytes;
    cps.push(performance.now() - t0);
  }
  cps.sort((a, b) => a - b);
  const mb = bytes / 1048576;
  const cpMedian = percentile(cps, 0.5);
  out.push(
    single(`${label}: checkpoint (${round(mb, 1)} MB), total`, cpMedian, 'ms', null, {
      runs: cps.length,
      p95: round(percentile(cps, 0.95), 1),
    }),
  );
  out.push(
    single(`${label}: checkpoint per MB`, cpMedian / mb, 'ms/MB', 10, {
      runs: cps.length,
      p95: round(percentile(cps, 0.95) / mb, 2),
      holds: percentile(cps, 0.95) / mb <= 10,
    }),
  );

  // Opening: leave `replay` edits in the journal, then open as the app does after a crash. The
  // snapshot is the last checkpoint's, so its seal matches and the integrity check is skipped.
  for (let i = 0; i < opts.replay; i++) await editOnce(opts.appends + 1 + i);
  session.close();
  const t0 = performance.now();
  opened = await FileWorkspaceStore.open(file, { sealKey });
  const t1 = performance.now();
  const reopened = await WorkspaceSession.open(engine, migrations, { name: label, ...opened }, opened.store);
  const t2 = performance.now();
  reopened.session.close();
  // The same file with no seal (a copy from elsewhere, a lost seal): the full integrity check.
  const t3 = performance.now();
  const unsealed = await FileWorkspaceStore.open(file, { sealKey });
  const full = await WorkspaceSession.open(engine, migrations, { name: label, ...unsealed, seal: null }, unsealed.store);
  const t4 = performance.now();
  // That open passed the full check, so it seals the bytes after returning (not timed above): let
  // it finish, or its hash would run alongside the seal check timed below.
  await full.session.settled();
  full.session.close();
  // The same bytes once more, without the journal, to split the seal check, the sql.js load and
  // the integrity check from replay.
  const t5 = performance.now();
  const matched = await sealMatches(opened.snapshot, opened.seal, sealKey);
  const t6 = performance.now();
  openWorkspace(engine, opened.snapshot, migrations, label).close();
  const t7 = performance.now();
  openWorkspace(engine, opened.snapshot, migrations, label, { sealed: true }).close();
  const t8 = performance.now();
  const openMb = round(opened.snapshot.length / 1048576, 1);
  out.push(single(`${label}: open: read snapshot + journal from disk`, t1 - t0, 'ms', null));
  out.push(
    single(`${label}: open: seal check (HMAC-SHA-256 over SHA-256 of ${openMb} MB)`, t6 - t5, 'ms', null, {
      note: matched ? 'matched' : 'NO MATCH',
    }),
  );
  out.push(single(`${label}: open: sql.js load + integrity check + migrations`, t7 - t6, 'ms', null));
  out.push(single(`${label}: open: sql.js load + migrations (sealed: no integrity check)`, t8 - t7, 'ms', null));
  out.push(
    single(
      `${label}: open total after a checkpoint, sealed (read, seal check, load, replay ${reopened.replayed} records)`,
      t2 - t0,
      'ms',
      null,
      { note: `check ${reopened.check}, replayed ${reopened.replayed}, discarded ${reopened.discarded}` },
    ),
  );
  out.push(
    single(`${label}: open total without a seal (read, load, integrity check, replay ${full.replayed} records)`, t4 - t3, 'ms', null, {
      note: `check ${full.check}, replayed ${full.replayed}, discarded ${full.discarded}`,
    }),
  );
  await rm(dir, { recursive: true, force: true });
  return out;
}
