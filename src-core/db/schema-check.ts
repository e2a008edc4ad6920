import { WorkspaceError } from './errors';
import { appliedMigrations, migrate, refuseForeign, type Migration } from './migrate';
import { applyPragmas } from './pragmas';
import { quoted } from './quote';
import type { SqlDatabase, SqlEngine } from './sql-db';

/**
 * "The schema is ours or it is refused" (issue 15). A workspace is a file anyone can edit with
 * any SQLite tool, and SQLite runs what its schema says: a trigger fires on our inserts, a view
 * answers our selects, a CHECK or DEFAULT shapes our rows. So before any statement of ours that
 * could fire a trigger or read a view, the whole schema (every table, index, trigger and view,
 * with its CREATE text, which carries the columns, their types, DEFAULTs, CHECKs and generated
 * expressions) must be exactly what this version's migrations create for the version the
 * workspace records. Anything extra, missing or different is refused, naming the object.
 */

export interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  /** The CREATE statement as SQLite keeps it (rewritten by ALTER TABLE); null for an automatic index. */
  sql: string | null;
}

/**
 * Tables SQLite itself may add to a workspace an analyst opened in another tool: the statistics
 * ANALYZE (or PRAGMA optimize) writes, which only steer the query planner (this build of SQLite
 * has no STAT4 and ignores sqlite_stat4). Accepted in exactly SQLite's shape and nothing else.
 * (sqlite_sequence needs no entry: it exists only for AUTOINCREMENT tables, and then the
 * reference, made by the same migrations, has it too.) The app itself never runs ANALYZE.
 */
const SQLITE_OWN: readonly SchemaObject[] = [
  { type: 'table', name: 'sqlite_stat1', tbl_name: 'sqlite_stat1', sql: 'CREATE TABLE sqlite_stat1(tbl,idx,stat)' },
  { type: 'table', name: 'sqlite_stat4', tbl_name: 'sqlite_stat4', sql: 'CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)' },
];

const SCHEMA_QUERY = 'SELECT type, name, tbl_name, sql FROM main.sqlite_master';

/**
 * Reads sqlite_master as it is. SQLite parses the schema to answer (parsing runs nothing), and a
 * schema it cannot parse fails here, before anything else.
 */
export function readSchema(db: SqlDatabase): SchemaObject[] {
  const rows = db.exec(SCHEMA_QUERY)[0]?.values ?? [];
  return rows.map(([type, name, tblName, sql]) => ({
    type: String(type),
    name: String(name),
    tbl_name: String(tblName),
    sql: sql === null ? null : String(sql),
  }));
}

/** References by engine and migration history: building one runs the migrations (tens of ms), once. */
const references = new WeakMap<SqlEngine, Map<string, Map<string, SchemaObject>>>();

/**
 * The schema this version's migrations 1..version create, made by running them on an empty
 * in-memory database with the same engine: ALTER TABLE's rewritten CREATE text is reproduced
 * exactly. Cached per engine and per migration list (by checksums) up to that version.
 */
export function referenceSchema(engine: SqlEngine, migrations: Migration[], version: number): Map<string, SchemaObject> {
  const prefix = migrations.slice(0, version);
  const key = prefix.map((m) => `${m.version}:${m.checksum}`).join(',');
  let byKey = references.get(engine);
  if (!byKey) references.set(engine, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;
  const db = new engine.Database();
  try {
    // With the pragmas a real migration runs under (createWorkspace, openWorkspace): ALTER TABLE's
    // rewriting of other objects' text can depend on them.
    applyPragmas(db);
    migrate(db, prefix);
    const made = new Map(readSchema(db).map((o) => [o.name, o]));
    byKey.set(key, made);
    return made;
  } finally {
    db.close();
  }
}

const same = (a: SchemaObject, b: SchemaObject) => a.type === b.type && a.tbl_name === b.tbl_name && a.sql === b.sql;

/** What runs code of the file's (a trigger, a view) is named first, then what is shaped differently, then what is missing. */
const RANK: Record<string, number> = { trigger: 0, view: 1 };

/** Every way `found` differs from `expected`, each as the clause that names the object, the most telling first. */
export function schemaDifferences(found: SchemaObject[], expected: Map<string, SchemaObject>, version: number): string[] {
  const out: { rank: number; clause: string }[] = [];
  const seen = new Set<string>();
  for (const o of found) {
    const rank = RANK[o.type] ?? 2;
    const want = expected.get(o.name);
    if (seen.has(o.name)) {
      out.push({ rank, clause: `contains a second ${kind(o.type)} named ${quoted(o.name)}` });
      continue;
    }
    seen.add(o.name);
    if (!want) {
      if (!SQLITE_OWN.some((own) => own.name === o.name && same(own, o)))
        out.push({ rank, clause: `contains ${article(o.type)} ${quoted(o.name)} that PEEL Workbench did not create` });
    } else if (want.type !== o.type) {
      out.push({ rank, clause: `has ${article(o.type)} ${quoted(o.name)} where PEEL Workbench creates ${article(want.type)}` });
    } else if (!same(want, o)) {
      const on = want.tbl_name !== o.tbl_name ? ` on ${quoted(o.tbl_name)} (not "${want.tbl_name}")` : '';
      out.push({
        rank,
        clause: `has ${article(o.type)} ${quoted(o.name)}${on} that differs from the one PEEL Workbench creates at schema version ${version}`,
      });
    }
  }
  for (const want of expected.values()) {
    if (!seen.has(want.name))
      out.push({ rank: 3, clause: `lacks the ${want.type} "${want.name}" that PEEL Workbench creates at schema version ${version}` });
  }
  return out.sort((a, b) => a.rank - b.rank).map((d) => d.clause);
}

/** SQLite's own four types by name; anything else written into sqlite_master's type column, quoted. */
const kind = (type: string) => (['table', 'index', 'trigger', 'view'].includes(type) ? type : `object of type ${quoted(type, 20)}`);
const article = (type: string) => {
  const k = kind(type);
  return `${/^[aeiou]/.test(k) ? 'an' : 'a'} ${k}`;
};

function refuse(name: string, clauses: string[]): never {
  const more =
    clauses.length > 1 ? ` (and ${clauses.length - 1} other difference${clauses.length > 2 ? 's' : ''} from the schema it creates)` : '';
  throw new WorkspaceError('altered', `${name} ${clauses[0]}${more}: it may have been altered; it has been left untouched`);
}

/**
 * Checks an opened workspace's schema before anything else runs on it; returns the schema version
 * it records (its number of applied migrations; 0 for an empty database, a new workspace).
 *
 * Order matters. Only sqlite_master and pragmas are read until the migration history table is
 * known to be exactly ours, with nothing else defined on it; reading it then runs no code of the
 * file's (SELECT fires no trigger, and no view can stand in for a table of that name). Its
 * history gives the version, a newer or different app's file is refused as such, and then the
 * whole schema is compared with what migrations 1..version make.
 */
export function checkSchema(engine: SqlEngine, db: SqlDatabase, migrations: Migration[], name: string): number {
  const found = readSchema(db);
  // Every object's name, not only tables': a view named schema_migrations is refused as a view below.
  refuseForeign(
    found.map((o) => o.name),
    Number(db.exec('PRAGMA application_id')[0]?.values[0]?.[0] ?? 0),
  );
  if (found.length === 0) return 0;
  // The history table's own entry, from the reference of an empty history (the same text migrate writes).
  const history = referenceSchema(engine, migrations, 0);
  const onHistory = found.filter((o) => o.tbl_name === 'schema_migrations' || o.name === 'schema_migrations');
  const historyProblems = schemaDifferences(onHistory, history, 0).map((c) => c.replace(/ at schema version 0$/, ''));
  if (historyProblems.length > 0) refuse(name, historyProblems);
  const version = appliedMigrations(db, migrations);
  const problems = schemaDifferences(found, referenceSchema(engine, migrations, version), version);
  if (problems.length > 0) refuse(name, problems);
  return version;
}
