import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { WorkspaceError } from '../../src-core/db/errors';
import { importReport } from '../../src-core/db/import-report';
import type { Migration } from '../../src-core/db/migrate';
import type { SqlDatabase, SqlEngine } from '../../src-core/db/sql-db';
import { all } from '../../src-core/db/sql-db';
import { createWorkspace, openWorkspace } from '../../src-core/db/workspace';
import { extractReport } from '../../src-core/extract/extract';
import { DEMO_SOURCE, generateDemoSample } from '../../src-core/samples/demo';
import { importSamples } from '../../src-core/samples/import';
import { applyEdit, parseEdit } from '../../src-core/workspace/edits';
import { readMigrations } from '../../src-main/node/migrations-fs';
import { readPdfText } from '../../src-main/node/pdf-text';
import { loadSqlEngine } from '../../src-main/node/sqljs';
import { ROOT } from '../helpers/seed';
import type { FuzzInput, FuzzTarget } from './targets';
import { InvariantError } from './targets';

/**
 * The workspace-file fuzzer (issue 15): the app's own workspace (the bundled Gwent one, built in
 * memory from the seed report as `npm run build:workspace` builds it) with its schema or its pages
 * mutated as a file from elsewhere could be, opened through the real open path (openWorkspace:
 * the schema check, the integrity check, migrations) and its grades read as the brief reads them.
 * A case may end in two ways only:
 *   - refused with a WorkspaceError whose message is one readable line, the bytes untouched;
 *   - opened, with grades identical to the original's.
 * Anything else (another exception, a case over the time limit, grades that differ) is a failure.
 */

const PAGE = 4096;

export interface Base {
  engine: SqlEngine;
  migrations: Migration[];
  bytes: Uint8Array;
  judgments: { grades: string; details: string };
  tables: string[];
  columns: Map<string, string[]>;
  objects: string[];
  /** Each object's CREATE text (null for an automatic index), to pick edits that change something. */
  sqlOf: Map<string, string | null>;
  /** sqlite_master as the app made it: every opened case must have exactly this (SQLite's statistics aside). */
  schema: string;
}

let base: Promise<Base> | null = null;

/** The original workspace every case starts from (built once per process). */
export function workspaceBase(): Promise<Base> {
  base ??= buildBase();
  return base;
}

async function buildBase(): Promise<Base> {
  const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations()]);
  const seed = new Uint8Array(readFileSync(path.join(ROOT, 'data/gwent-peel-effectiveness-2017.md')));
  const db = createWorkspace(engine, migrations, new Date('2026-11-27T00:00:00Z'));
  const extraction = await extractReport('gwent-peel-effectiveness-2017.md', seed, { readPdf: readPdfText });
  const imported = await importReport(
    db,
    extraction,
    { name: 'gwent-peel-effectiveness-2017.md', bytes: seed },
    new Date('2026-11-27T00:00:00Z'),
  );
  if (imported.status !== 'imported') throw new Error('the seed did not import');
  importSamples(db, generateDemoSample('Gwent Police'), { sourceName: DEMO_SOURCE, synthetic: true, reportId: imported.reportId });
  // An analyst's layer, so that the annotation and audit tables have rows of their own.
  for (const [id, field, value] of [
    [4, 'note', 'keep'],
    [4, 'includeInBrief', true],
    [5, 'status', 'flagged'],
    [9, 'rag', 'red'],
  ] as const) {
    const e = parseEdit('annotation.set', {
      targetType: 'finding',
      targetId: id,
      field,
      value,
      author: 'fuzz',
      at: '2026-11-27T10:00:00.000Z',
    });
    applyEdit(db, e.op, e.params);
  }
  const tables = all<{ name: string }>(
    db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE%' ORDER BY name",
  ).map((r) => r.name);
  const columns = new Map(tables.map((t) => [t, all<{ name: string }>(db, `PRAGMA table_info("${t}")`).map((c) => c.name)]));
  const master = all<{ name: string; sql: string | null }>(db, 'SELECT name, sql FROM sqlite_master ORDER BY name');
  const objects = master.map((r) => r.name);
  const sqlOf = new Map(master.map((r) => [r.name, r.sql]));
  const judgments = judgmentsOf(db);
  const schema = schemaOf(db);
  const bytes = db.export();
  db.close();
  return { engine, migrations, bytes, judgments, tables, columns, objects, sqlOf, schema };
}

/**
 * The judgments as the brief reads them (src-core/brief/build.ts), in the brief's order: `grades`
 * is each report's questions and grades (the report by force, programme and year); `details` is
 * every column the brief prints beside them (last inspected, overall, area, pillar, page, line).
 */
export function judgmentsOf(db: SqlDatabase): { grades: string; details: string } {
  const reports = all(db, 'SELECT id, force, programme, year FROM reports ORDER BY force, programme, year, id');
  const rows = reports.map((r) => ({
    report: [r.force, r.programme, r.year],
    judgments: all(
      db,
      'SELECT question, grade, last_inspected, is_overall, area, pillar, page, line FROM judgments WHERE report_id = ? ORDER BY is_overall DESC, id',
      [r.id as number],
    ),
  }));
  return {
    grades: JSON.stringify(rows.map((r) => ({ report: r.report, grades: r.judgments.map((j) => [j.question, j.grade]).sort() }))),
    details: JSON.stringify(rows),
  };
}

/** The schema as a string to compare, ignoring only the tables SQLite's ANALYZE writes. */
function schemaOf(db: SqlDatabase): string {
  return JSON.stringify(
    all(db, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT IN ('sqlite_stat1', 'sqlite_stat4') ORDER BY name"),
  );
}

// ---- schema mutations: what someone with a SQLite tool could do to the file ----------------

const ENDLESS = 'WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n';

const triggerBody = fc.constantFrom(
  "UPDATE judgments SET grade = 'Outstanding';",
  "SELECT RAISE(ABORT, 'no');",
  `SELECT (${ENDLESS});`,
  "INSERT INTO annotations (target_type, target_id, note, include_in_brief, author, created_at, updated_at) VALUES ('finding', 1, 'PLANTED', 1, 'x', 'x', 'x');",
  "UPDATE annotations SET note = 'PLANTED', include_in_brief = 1;",
  'DELETE FROM audit_log;',
  'SELECT 1;',
);

const viewBody = fc.constantFrom(
  'SELECT 1 AS x',
  ENDLESS,
  "SELECT id, report_id, question, 'Good' AS grade, last_inspected, is_overall, page, line, area, pillar FROM judgments_real",
  'SELECT * FROM sqlite_master',
);

const ident = fc.constantFrom(
  'x',
  'payload',
  'judgments',
  'annotations',
  'reports',
  'meta',
  'schema_migrations',
  'sqlite_stat1',
  'findings_fts',
  'Judgments',
);

type SchemaOp = (b: Base) => fc.Arbitrary<{ sql: string; how: string }>;

const schemaOps: SchemaOp[] = [
  // A trigger on any table, any event.
  (b) =>
    fc
      .tuple(
        fc.constantFrom(...b.tables),
        fc.constantFrom('BEFORE', 'AFTER'),
        fc.constantFrom('INSERT', 'UPDATE', 'DELETE'),
        triggerBody,
        fc.nat(99),
      )
      .map(([t, when, ev, body, n]) => ({
        sql: `CREATE TRIGGER t${n} ${when} ${ev} ON "${t}" BEGIN ${body} END`,
        how: `trigger ${when} ${ev} on ${t}`,
      })),
  // A view, by a new name or in place of a table (renamed out of the way).
  (b) =>
    fc.tuple(fc.constantFrom(...b.tables), viewBody, fc.boolean()).map(([t, body, replace]) =>
      replace
        ? {
            sql: `ALTER TABLE "${t}" RENAME TO judgments_real; CREATE VIEW "${t}" AS ${body}`,
            how: `view in place of ${t}`,
          }
        : { sql: `CREATE VIEW v_extra AS ${body}`, how: 'extra view' },
    ),
  // A table or an index of one's own.
  (b) =>
    fc.tuple(ident, fc.constantFrom(...b.tables)).map(([name, t]) => ({
      sql: `CREATE TABLE "${name}_x" (a, b DEFAULT 1 CHECK (b > 0)); CREATE INDEX "${name}_ix" ON "${t}" (rowid)`,
      how: `extra table and index on ${t}`,
    })),
  (b) =>
    fc.tuple(fc.constantFrom(...b.tables), fc.boolean(), fc.boolean()).chain(([t, unique, partial]) =>
      fc.constantFrom(...(b.columns.get(t) ?? ['rowid'])).map((c) => ({
        sql: `CREATE ${unique ? 'UNIQUE ' : ''}INDEX fuzz_ix ON "${t}" ("${c}")${partial ? ` WHERE "${c}" IS NOT NULL` : ''}`,
        how: `index on ${t}.${c}`,
      })),
    ),
  // A column added: plain, with a DEFAULT or CHECK, or generated.
  (b) =>
    fc
      .tuple(
        fc.constantFrom(...b.tables),
        fc.constantFrom('TEXT', "TEXT DEFAULT 'x'", 'INTEGER CHECK (added IS NULL)', 'GENERATED ALWAYS AS (1) VIRTUAL'),
      )
      .map(([t, def]) => ({
        sql: `ALTER TABLE "${t}" ADD COLUMN added ${def}`,
        how: `column added to ${t}: ${def}`,
      })),
  // One of ours dropped (and sometimes made again exactly as it was: the schema is then still ours).
  (b) =>
    fc.tuple(fc.constantFrom(...b.objects), fc.boolean()).map(([name, again]) => ({
      sql: again ? `RECREATE ${name}` : `DROP ${name}`,
      how: `${again ? 'dropped and recreated' : 'dropped'} ${name}`,
    })),
  // sqlite_master edited in place (writable_schema): CREATE text changed, type, name or table swapped, rows added or removed.
  (b) => {
    const edits: [string, string][] = [
      ['DEFAULT 0', 'DEFAULT 1'],
      ["DEFAULT 'new'", "DEFAULT 'verified'"],
      ['IN (', 'NOT IN ('],
      ['NOT NULL', ''],
      ['INTEGER', 'TEXT'],
      ['BEGIN', "BEGIN UPDATE judgments SET grade = 'Good';"],
      ['AFTER', 'BEFORE'],
      [' ON ', ' ON judgments --'],
      ['(', '(x, '],
      ['CREATE TABLE', 'CREATE VIEW'],
      [')', ''],
      ['new.', 'old.'],
      ['+ 1', '+ 2'],
    ];
    // Only edits that change the object's text: a replace that matches nothing is no mutation.
    const candidates = b.objects.flatMap((name) =>
      edits.filter(([from]) => b.sqlOf.get(name)?.includes(from)).map((e) => [name, e] as const),
    );
    return fc.constantFrom(...candidates).map(([name, [from, to]]) => ({
      sql: `EDIT UPDATE sqlite_master SET sql = replace(sql, '${from.replace(/'/g, "''")}', '${to.replace(/'/g, "''")}') WHERE name = '${name}'`,
      how: `sqlite_master: "${from}" -> "${to}" in ${name}`,
    }));
  },
  (b) =>
    fc
      .tuple(
        fc.constantFrom(...b.objects),
        fc.constantFrom('type', 'name', 'tbl_name', 'sql', 'rootpage'),
        ident,
        fc.integer({ min: -2, max: 200 }),
      )
      .map(([name, col, value, n]) => ({
        sql: `EDIT UPDATE sqlite_master SET ${col} = ${col === 'rootpage' ? n : col === 'sql' && n < 0 ? 'NULL' : col === 'type' ? `'${['view', 'index', 'trigger', 'table'][n & 3]}'` : `'${value}'`} WHERE name = '${name}'`,
        how: `sqlite_master: ${col} of ${name} changed`,
      })),
  (b) =>
    fc.tuple(fc.constantFrom(...b.objects), fc.boolean()).map(([name, duplicate]) => ({
      sql: duplicate
        ? `EDIT INSERT INTO sqlite_master SELECT * FROM sqlite_master WHERE name = '${name}'`
        : `EDIT DELETE FROM sqlite_master WHERE name = '${name}'`,
      how: `sqlite_master: ${name} ${duplicate ? 'duplicated' : 'removed'}`,
    })),
  () =>
    fc.tuple(ident, fc.constantFrom('table', 'view', 'trigger', 'index'), triggerBody).map(([name, type, body]) => ({
      sql: `EDIT INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES ('${type}', '${name}', 'judgments', 0, ${
        type === 'trigger'
          ? `'CREATE TRIGGER ${name} AFTER INSERT ON judgments BEGIN ${body.replace(/'/g, "''")} END'`
          : `'CREATE ${type.toUpperCase()} ${name} AS SELECT 1'`
      })`,
      how: `sqlite_master: a ${type} "${name}" written in`,
    })),
  // Pragmas stored in the header.
  () =>
    fc.tuple(fc.constantFrom('user_version', 'application_id', 'schema_version'), fc.integer({ min: -1, max: 9 })).map(([p, v]) => ({
      sql: p === 'schema_version' ? `EDIT PRAGMA schema_version = ${v}` : `PRAGMA ${p} = ${v}`,
      how: `PRAGMA ${p} = ${v}`,
    })),
  // ANALYZE: SQLite's own statistics table, which the check accepts in its exact shape.
  () => fc.constant({ sql: 'ANALYZE', how: 'ANALYZE' }),
];

/**
 * Applies schema edits to a scratch copy; an edit SQLite itself rejects is left out (it would not
 * be in a saved file). After an edit of sqlite_master, writable_schema stays on until the bytes
 * are out: with it on, SQLite keeps a schema it could not parse instead of failing the export.
 */
function applySchemaOps(b: Base, ops: { sql: string; how: string }[]): { bytes: Uint8Array; how: string } {
  const db = new b.engine.Database(b.bytes);
  const done: string[] = [];
  const master = () => JSON.stringify(db.exec('SELECT * FROM sqlite_master'));
  try {
    for (const op of ops) {
      try {
        const before = op.sql.includes('PRAGMA') ? '' : master();
        if (op.sql.startsWith('EDIT ')) {
          db.exec('PRAGMA writable_schema = ON');
          db.exec(op.sql.slice(5));
        } else if (op.sql.startsWith('RECREATE ') || op.sql.startsWith('DROP ')) {
          const name = op.sql.slice(op.sql.indexOf(' ') + 1);
          const row = db.exec('SELECT type, sql FROM sqlite_master WHERE name = ?', [name])[0]?.values[0];
          if (!row || row[1] === null || (op.sql.startsWith('RECREATE ') && row[0] === 'table')) continue;
          db.exec(`PRAGMA foreign_keys = OFF; DROP ${String(row[0])} "${name}"`);
          if (op.sql.startsWith('RECREATE ')) db.exec(String(row[1]));
        } else {
          db.exec(op.sql);
        }
        done.push(before && master() === before ? `${op.how} (no change)` : op.how);
      } catch {
        // SQLite refused the edit (a name taken, a table it cannot alter): not part of this file.
      }
    }
    return { bytes: db.export(), how: done.length ? done.join('; ') : 'no edit applied' };
  } finally {
    try {
      db.close();
    } catch {
      // A schema edited into nonsense may fail to close cleanly; the bytes are already out.
    }
  }
}

// ---- page and byte mutations: what a bad copy, a bad sector or a hand with a hex editor does ----

type PageOp =
  | { op: 'flip'; at: number; xor: number }
  | { op: 'flips'; at: number; n: number; xor: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'copy'; from: number; to: number }
  | { op: 'zero'; page: number }
  | { op: 'truncate'; at: number; onPage: boolean }
  | { op: 'header'; offset: number; value: number };

/** Header fields (byte offsets of the 100-byte SQLite header) and values worth trying there. */
const HEADER_FIELDS = [
  16, 17, 18, 19, 20, 21, 22, 23, 24, 27, 28, 31, 32, 35, 36, 39, 40, 43, 44, 47, 48, 52, 55, 56, 59, 60, 63, 64, 67, 68, 71, 92, 95, 96,
];

const pageOp: fc.Arbitrary<PageOp> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('flips' as const),
      at: fc.nat(),
      n: fc.integer({ min: 2, max: 64 }),
      xor: fc.integer({ min: 1, max: 255 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('copy' as const), from: fc.nat(), to: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('zero' as const), page: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat(), onPage: fc.boolean() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('header' as const),
      offset: fc.constantFrom(...HEADER_FIELDS),
      value: fc.oneof(fc.constantFrom(0, 1, 2, 3, 4, 0x7f, 0x80, 0xff), fc.integer({ min: 0, max: 255 })),
    }),
  },
);

function applyPageOps(seed: Uint8Array, ops: PageOp[]): Uint8Array {
  let b = new Uint8Array(seed);
  const pages = () => Math.max(1, Math.floor(b.length / PAGE));
  for (const m of ops) {
    const n = Math.max(1, b.length);
    switch (m.op) {
      case 'flip':
        b[m.at % n] = (b[m.at % n] as number) ^ m.xor;
        break;
      case 'flips': {
        // A burst: n bytes from one place, as a bad sector or a partial write would leave them.
        for (let i = 0; i < m.n; i++) b[(m.at + i) % n] = (b[(m.at + i) % n] as number) ^ ((m.xor * (i + 1)) & 0xff || 1);
        break;
      }
      case 'swap': {
        const [p, q] = [m.a % pages(), m.b % pages()];
        const tmp = b.slice(p * PAGE, (p + 1) * PAGE);
        b.copyWithin(p * PAGE, q * PAGE, (q + 1) * PAGE);
        b.set(tmp, q * PAGE);
        break;
      }
      case 'copy':
        b.copyWithin((m.to % pages()) * PAGE, (m.from % pages()) * PAGE, ((m.from % pages()) + 1) * PAGE);
        break;
      case 'zero':
        b.fill(0, (m.page % pages()) * PAGE, ((m.page % pages()) + 1) * PAGE);
        break;
      case 'truncate':
        b = b.slice(0, m.onPage ? (m.at % pages()) * PAGE : m.at % n);
        break;
      case 'header':
        if (b.length > m.offset) b[m.offset] = m.value;
        break;
    }
  }
  return b;
}

const describePageOps = (ops: PageOp[]) =>
  ops
    .map((m) => {
      switch (m.op) {
        case 'flip':
          return `flip@${m.at}^${m.xor}`;
        case 'flips':
          return `burst@${m.at}+${m.n}`;
        case 'swap':
          return `swap pages ${m.a}<->${m.b}`;
        case 'copy':
          return `copy page ${m.from}->${m.to}`;
        case 'zero':
          return `zero page ${m.page}`;
        case 'truncate':
          return `truncate@${m.at}${m.onPage ? ' (pages)' : ''}`;
        case 'header':
          return `header[${m.offset}]=${m.value}`;
      }
    })
    .join(' ');

// ---- the case --------------------------------------------------------------------------

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return (
    a.length === b.length &&
    Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.length), Buffer.from(b.buffer, b.byteOffset, b.length)) === 0
  );
}

function openCase(b: Base, input: FuzzInput): string {
  const copy = input.bytes.slice();
  let db: SqlDatabase;
  try {
    db = openWorkspace(b.engine, input.bytes, b.migrations, input.name);
  } catch (e) {
    if (!(e instanceof WorkspaceError)) {
      const err = e as Error;
      throw new InvariantError(`untyped ${err?.name ?? typeof e} on open: ${err?.message ?? String(e)} (${input.how})`);
    }
    if (!e.message || e.message.length > 2_000 || e.message.includes('\n'))
      throw new InvariantError(`a refusal without a one-line message: ${JSON.stringify(e.message.slice(0, 300))} (${input.how})`);
    if (!sameBytes(copy, input.bytes)) throw new InvariantError(`a refused open changed the bytes (${input.how})`);
    return `WorkspaceError:${e.code}`;
  }
  try {
    // An independent oracle for the schema check: what opened is the app's schema, object for object.
    if (schemaOf(db) !== b.schema) throw new InvariantError(`opened with a schema that is not the app's (${input.how})`);
    let read: { grades: string; details: string };
    try {
      read = judgmentsOf(db);
    } catch (e) {
      throw new InvariantError(`opened, then reading the grades threw ${(e as Error)?.name}: ${(e as Error)?.message} (${input.how})`);
    }
    if (read.grades !== b.judgments.grades)
      throw new InvariantError(`opened with grades that differ from the original's, silently (${input.how})`);
    // A value no constraint or index covers (a year, a line number) can be changed by one flipped
    // bit in a file that is still a valid database: counted, not hidden (docs/SECURITY.md).
    return read.details === b.judgments.details ? 'opened: identical' : 'opened: grades identical, another judgment value differs';
  } finally {
    db.close();
  }
}

const family = (how: string) => (how.includes(', then pages:') ? 'schema+pages' : how.startsWith('schema:') ? 'schema' : 'pages');

export async function workspaceTarget(): Promise<FuzzTarget> {
  const b = await workspaceBase();
  const schemaInput: fc.Arbitrary<FuzzInput> = fc
    .array(fc.oneof(...schemaOps.map((op) => op(b))), { minLength: 1, maxLength: 3 })
    .map((ops) => {
      const made = applySchemaOps(b, ops);
      return { name: 'from-elsewhere.sqlite', bytes: made.bytes, how: `schema: ${made.how}` };
    });
  const pageInput: fc.Arbitrary<FuzzInput> = fc.array(pageOp, { minLength: 1, maxLength: 6 }).map((ops) => ({
    name: 'from-elsewhere.sqlite',
    bytes: applyPageOps(b.bytes, ops),
    how: `pages: ${describePageOps(ops)}`,
  }));
  // Both at once: a schema edit saved, then the file damaged.
  const bothInput: fc.Arbitrary<FuzzInput> = fc
    .tuple(fc.oneof(...schemaOps.map((op) => op(b))), fc.array(pageOp, { minLength: 1, maxLength: 3 }))
    .map(([op, pops]) => {
      const made = applySchemaOps(b, [op]);
      return {
        name: 'from-elsewhere.sqlite',
        bytes: applyPageOps(made.bytes, pops),
        how: `schema: ${made.how}, then pages: ${describePageOps(pops)}`,
      };
    });
  return {
    name: 'workspace file (schema and pages)',
    arbitrary: fc.oneof({ weight: 5, arbitrary: schemaInput }, { weight: 5, arbitrary: pageInput }, { weight: 1, arbitrary: bothInput }),
    // Outcomes by family ("schema", "pages", "schema+pages"), so the summary says what each kind of damage met.
    run: async (input) => `${family(input.how)} ${openCase(b, input)}`,
    warmUp: async () => {
      // The original itself opens with its own grades: the baseline every case is held to.
      const outcome = openCase(b, { name: 'original.sqlite', bytes: b.bytes, how: 'the original' });
      if (outcome !== 'opened: identical') throw new Error(`the original workspace did not open: ${outcome}`);
    },
  };
}
