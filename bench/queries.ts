// Bench item 3: the worker's queries, run through the same core builders the DB worker uses
// (src-core/service/db-service.ts calls exactly these), on sql.js and on better-sqlite3
// over the same workspace file, in this one process.
import { all, type SqlDatabase } from '../src-core/db/sql-db';
import { readFacets } from '../src-core/query/sql/facets';
import { readFindingMap } from '../src-core/query/sql/finding-map';
import type { FindingsQuery } from '../src-core/query/model/findings';
import {
  compileFindingsCount,
  readFindingsPage,
  FINDING_SELECT,
  FINDINGS_FROM,
  findingsWhere,
  type FindingFilter,
} from '../src-core/query/sql/findings';
import { readMetrics } from '../src-core/query/sql/metrics';
import { result, round, time, type Result } from './lib';

const SEARCHES = [
  'custody',
  'mental health',
  'domestic abuse',
  'organised crime groups',
  'supervision',
  'county lines',
  'vulnerable victims',
  'firearms',
];
const KIND_SETS = [['concern'], ['area for improvement', 'concern'], ['positive practice'], ['narrative', 'judgment summary']];

function page(db: SqlDatabase, q: FindingsQuery, offset: number) {
  return readFindingsPage(db, q, offset, 100);
}

function count(db: SqlDatabase, q: FindingsQuery) {
  const c = compileFindingsCount(q);
  return Number(all(db, c.sql, c.params)[0]?.n ?? 0);
}

interface Op {
  name: string;
  /** p95 target in ms, or null when only reported. */
  target: number | null;
  run(db: SqlDatabase, i: number): unknown;
}

export function queryOps(db: SqlDatabase): Op[] {
  const sections = all<{ section: string }>(db, 'SELECT DISTINCT section FROM findings ORDER BY section LIMIT 8').map((r) => r.section);
  const force = all<{ force: string }>(db, 'SELECT force FROM reports ORDER BY id LIMIT 1')[0]?.force ?? '';
  const forceReports = all<{ id: number }>(db, 'SELECT id FROM reports WHERE force = ?', [force]).map((r) => Number(r.id));
  const at = <T>(list: T[], i: number): T => list[((i % list.length) + list.length) % list.length] as T;
  const filtered = (i: number): FindingsQuery => ({
    kinds: at(KIND_SETS, i),
    ...(i % 2 === 0 ? { sections: [at(sections, i)] } : {}),
    sort: [{ column: 'report', direction: i % 3 === 0 ? 'desc' : 'asc' }],
  });
  return [
    { name: 'first page of 100 findings, no filter', target: 10, run: (d, i) => page(d, {}, (Math.max(i, 0) % 5) * 100) },
    { name: 'filtered page of 100 findings (kind, section, sort)', target: 10, run: (d, i) => page(d, filtered(i), 0) },
    {
      name: 'filtered page of 100, 10,000 rows down',
      target: 10,
      run: (d, i) => page(d, { kinds: ['data note'] }, 10_000 + Math.max(i, 0) * 100),
    },
    { name: 'filtered count', target: 10, run: (d, i) => count(d, filtered(i)) },
    { name: 'FTS search: page of 100', target: 20, run: (d, i) => page(d, { search: at(SEARCHES, i) }, 0) },
    { name: 'FTS search: count', target: 20, run: (d, i) => count(d, { search: at(SEARCHES, i) }) },
    { name: 'facet counts (6 facets), no filter', target: 50, run: (d) => readFacets(d, {}) },
    { name: 'facet counts, kind filter', target: 50, run: (d, i) => readFacets(d, { kinds: at(KIND_SETS, i) }) },
    { name: 'facet counts, FTS search', target: 50, run: (d, i) => readFacets(d, { search: at(SEARCHES, i) }) },
    {
      name: `metrics of one force (${forceReports.length} reports)`,
      target: null,
      run: (d) => readMetrics(d, { reportIds: forceReports }),
    },
    {
      name: 'metrics aggregate by label (all reports)',
      target: null,
      run: (d) =>
        all(
          d,
          `SELECT label, unit, count(*) AS n, avg(force_value) AS force, avg(ew_value) AS ew, avg(force_value - ew_value) AS diff
           FROM metrics GROUP BY label, unit ORDER BY label`,
        ),
    },
  ];
}

/**
 * Each operation on sql.js and on native SQLite, with the ratio of their medians. Issue 7 sets the
 * 2.5× ratio for the large workspace; on the default one (queries of a few hundred microseconds,
 * where JS glue decides the ratio) it is shown but `holds` judges the time only.
 */
export async function benchQueries(
  sqljs: SqlDatabase,
  native: SqlDatabase,
  runs: number,
  label: string,
  { judgeRatio }: { judgeRatio: boolean },
): Promise<Result[]> {
  const out: Result[] = [];
  const ops = queryOps(sqljs);
  const nativeOps = queryOps(native);
  // What the first search's facet counts pay once after opening, and again after findings change.
  const map = await time(Math.max(3, Math.round(runs / 10)), () => readFindingMap(sqljs));
  const nativeMap = await time(Math.max(3, Math.round(runs / 10)), () => readFindingMap(native));
  out.push(
    result(`${label}: finding map for a search's facet counts, read once per open and per change to findings`, map, null, 'ms', {
      nativeMs: round(nativeMap.median, 2),
      ratio: round(map.median / Math.max(nativeMap.median, 0.001), 2),
    }),
  );
  for (const [k, op] of ops.entries()) {
    const nativeOp = nativeOps[k] as Op;
    const a = await time(runs, (i) => op.run(sqljs, i));
    const b = await time(runs, (i) => nativeOp.run(native, i));
    const ratio = round(a.median / Math.max(b.median, 0.001), 2);
    const row = result(`${label}: ${op.name}`, a, op.target, 'ms', { nativeMs: round(b.median, 2), ...(judgeRatio ? { ratio } : {}) });
    out.push({ ...row, ratio });
  }
  return out;
}

/**
 * The queries as they were before migration 002 and the query changes (one GROUP BY over every
 * finding joined to its report and annotation per facet; pages sorted over whole rows), run in the
 * same process and run as the new ones, so the before/after comparison shares the machine's load.
 * The schema-2 indexes are present, so this is the old SQL, not the old schema.
 */
const OLD_FACETS: { filter: FindingFilter; value: string; label: string; join?: string; order: string }[] = [
  { filter: 'reportIds', value: 'CAST(f.report_id AS TEXT)', label: "r.force || ' ' || r.year", order: 'label' },
  { filter: 'sections', value: 'f.section', label: 'f.section', order: 'min(f.report_id), min(f.ordinal)' },
  { filter: 'kinds', value: 'f.kind', label: 'f.kind', order: 'count DESC, label' },
  { filter: 'tags', value: 't.value', label: 't.value', join: "JOIN json_each(coalesce(a.tags, '[]')) t", order: 'count DESC, label' },
  { filter: 'statuses', value: "coalesce(a.status, 'new')", label: "coalesce(a.status, 'new')", order: 'value' },
  { filter: 'rags', value: "coalesce(a.rag, 'none')", label: "coalesce(a.rag, 'none')", order: 'value' },
];

function oldFacets(db: SqlDatabase, q: FindingsQuery) {
  return OLD_FACETS.map((f) => {
    const w = findingsWhere(q, f.filter);
    return all(
      db,
      `SELECT ${f.value} AS value, ${f.label} AS label, count(DISTINCT f.id) AS count ${FINDINGS_FROM} ${f.join ?? ''} ${w.sql}
       GROUP BY value ORDER BY ${f.order} LIMIT 200`,
      w.params,
    );
  });
}

function oldPage(db: SqlDatabase, q: FindingsQuery, offset: number) {
  const w = findingsWhere(q);
  const order = [
    ...(q.sort ?? []).map((s) => `${s.column === 'report' ? 'r.force, r.year' : 'f.kind'} ${s.direction}`),
    'f.report_id',
    'f.ordinal',
  ];
  return all(db, `SELECT ${FINDING_SELECT} ${FINDINGS_FROM} ${w.sql} ORDER BY ${order.join(', ')} LIMIT 100 OFFSET ?`, [
    ...w.params,
    offset,
  ]);
}

function oldCount(db: SqlDatabase, q: FindingsQuery) {
  const w = findingsWhere(q);
  return all(db, `SELECT count(*) AS n ${FINDINGS_FROM} ${w.sql}`, w.params);
}

export async function benchBefore(db: SqlDatabase, runs: number, label: string): Promise<Result[]> {
  const q: FindingsQuery = { kinds: ['concern'], sort: [{ column: 'report', direction: 'asc' }] };
  const ops: [string, (i: number) => unknown, number][] = [
    ['filtered page of 100 findings (kind, sort)', () => oldPage(db, q, 0), 10],
    ['filtered page of 100, 10,000 rows down', (i) => oldPage(db, { kinds: ['data note'] }, 10_000 + Math.max(i, 0) * 100), 10],
    ['FTS search: page of 100', (i) => oldPage(db, { search: SEARCHES[Math.max(i, 0) % SEARCHES.length] ?? 'custody' }, 0), 20],
    ['FTS search: count', (i) => oldCount(db, { search: SEARCHES[Math.max(i, 0) % SEARCHES.length] ?? 'custody' }), 20],
    ['facet counts (6 facets), no filter', () => oldFacets(db, {}), 50],
    ['facet counts, kind filter', () => oldFacets(db, { kinds: ['concern'] }), 50],
  ];
  const out: Result[] = [];
  for (const [name, fn, target] of ops) out.push(result(`${label}: BEFORE (old SQL): ${name}`, await time(runs, fn), target));
  return out;
}
