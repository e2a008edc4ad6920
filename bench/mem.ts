// Bench item 7, run in a fresh process so that nothing else counts: the peak resident set size
// (Linux VmHWM) while the workspace is read, opened in sql.js (integrity check and migrations),
// queried (a grid page and the facets) and checkpointed (export), against the file's size.
// Prints one JSON line: {fileMb, baselineMb, peakMb}.
import { readFile, stat } from 'node:fs/promises';
import { all } from '../src-core/db/sql-db';
import { createWorkspace, openWorkspace } from '../src-core/db/workspace';
import { readFacets } from '../src-core/query/sql/facets';
import { compileFindingsPage } from '../src-core/query/sql/findings';
import { readMigrations } from '../src-main/node/migrations-fs';
import { bytesOf } from '../src-main/node/bytes';
import { release } from '../src-core/workspace/release';
import { loadSqlEngine } from '../src-main/node/sqljs';
import { peakRssMb } from './lib';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/mem.ts <workspace.sqlite>');
const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations()]);
createWorkspace(engine, migrations).close();
const baselineMb = await peakRssMb();
const fileMb = (await stat(file)).size / 1048576;
// The file's bytes as the DB worker has them: one copy (fs's Buffer, not copied again), released
// once sql.js has its own (a no-op on Node 20, which cannot detach a buffer; Chromium and Node 22
// can), and read inside a function so that the garbage collector can take them in any case.
const db = await (async () => {
  const bytes = bytesOf(await readFile(file));
  const opened = openWorkspace(engine, bytes, migrations, file);
  release(bytes);
  return opened;
})();
const page = compileFindingsPage({ kinds: ['concern'] }, 0, 100);
all(db, page.sql, page.params);
readFacets(db, {});
readFacets(db, { search: 'custody' });
const snapshot = db.export();
const peakMb = await peakRssMb();
db.close();
console.log(JSON.stringify({ fileMb, baselineMb, peakMb, snapshotMb: snapshot.length / 1048576 }));
