// `npx tsx bench/schema-check.ts [workspace.sqlite ...]`: what the schema check (issue 15) costs
// on opening a workspace. For each file: the check alone (sqlite_master read and compared with
// the cached reference), the first check in a process (which also builds the reference by running
// the migrations on an empty database), and a whole open with the check (sealed, i.e. without the
// integrity check, whose cost grows with the file and would hide the check's). Default: the
// bundled workspace (npm run build:workspace) and bench/out/large.sqlite if present (npm run gen:large).
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkSchema, referenceSchema } from '../src-core/db/schema-check';
import { applyPragmas, openWorkspace } from '../src-core/db/workspace';
import { readMigrations } from '../src-main/node/migrations-fs';
import { loadSqlEngine } from '../src-main/node/sqljs';

const ROOT = path.resolve(import.meta.dirname, '..');
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [path.join(ROOT, 'data/default-workspace.sqlite'), path.join(ROOT, 'bench/out/large.sqlite')].filter((f) => existsSync(f));

const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations()]);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

let t = performance.now();
referenceSchema(engine, migrations, migrations.length);
const firstReference = performance.now() - t;
// Again, as if for another engine (a new cache entry): the cost without the first statements' warm-up.
t = performance.now();
referenceSchema({ Database: engine.Database }, migrations, migrations.length);
const warmReference = performance.now() - t;
console.log(
  `schema check: load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${os.availableParallelism()} CPUs`,
);
console.log(
  `  reference for schema ${migrations.length} (built once per process): ${ms(firstReference)} the first time, ${ms(warmReference)} once sql.js is warm`,
);

for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const db = new engine.Database(bytes);
  applyPragmas(db);
  // The first statement on a connection parses its schema; a fresh connection pays that, so it is counted.
  const checks: number[] = [];
  for (let i = 0; i < 30; i++) {
    const fresh = i === 0 ? db : new engine.Database(bytes);
    if (i > 0) applyPragmas(fresh);
    t = performance.now();
    checkSchema(engine, fresh, migrations, path.basename(file));
    checks.push(performance.now() - t);
    fresh.close();
    if (bytes.length > 50e6 && i >= 4) break; // a large file is copied into wasm memory per connection
  }
  const opens: number[] = [];
  for (let i = 0; i < (bytes.length > 50e6 ? 3 : 20); i++) {
    t = performance.now();
    openWorkspace(engine, bytes, migrations, path.basename(file), { sealed: true }).close();
    opens.push(performance.now() - t);
  }
  console.log(
    `  ${path.relative(ROOT, file)} (${(bytes.length / 1e6).toFixed(1)} MB): check ${ms(median(checks))} median of ${checks.length} ` +
      `(schema parse included), whole sealed open ${ms(median(opens))} median of ${opens.length}`,
  );
}
