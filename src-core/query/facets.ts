import { all, one, type SqlDatabase, type SqlValue } from '../db/sql-db';
import {
  byMatchCount,
  compileFindingsCount,
  findingsFrom,
  findingsWhere,
  ftsMatch,
  type CompiledQuery,
  type FindingFilter,
  type FindingsQuery,
} from './findings';

export type FacetName = 'report' | 'section' | 'kind' | 'tag' | 'status' | 'rag';
export const FACET_NAMES: readonly FacetName[] = ['report', 'section', 'kind', 'tag', 'status', 'rag'];

export interface FacetCount {
  /** What goes into the query's filter: a report id as a string, a section title, 'none' for no RAG… */
  value: string;
  label: string;
  count: number;
}

type Counted = Record<string, SqlValue>;

const toCounts = (rows: Counted[]): FacetCount[] =>
  rows.map((r) => ({ value: String(r.value), label: String(r.label), count: Number(r.count) }));

/** A WHERE clause's conditions, to be ANDed onto another WHERE. */
const conditions = (w: CompiledQuery) => (w.sql ? `AND ${w.sql.replace(/^WHERE /, '')}` : '');

/**
 * A query the finding_counts summary (migration 002) can answer: filters on report, section and
 * kind only. Search, subsections, annotations and column text need the findings themselves.
 */
function summaryWhere(q: FindingsQuery): CompiledQuery | null {
  const used = (v: unknown[] | undefined) => v !== undefined && v.length > 0;
  if ((q.search && ftsMatch(q.search)) || used(q.subsections) || used(q.statuses) || used(q.tags) || used(q.rags)) return null;
  if (used(q.contains) || q.includeInBrief !== undefined) return null;
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const inList = (column: string, values: readonly SqlValue[] | undefined) => {
    if (!values?.length) return;
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('c.report_id', q.reportIds);
  inList('c.kind', q.kinds);
  inList('c.section', q.sections);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const without = (q: FindingsQuery, filter: FindingFilter): FindingsQuery => ({ ...q, [filter]: undefined });

/** How many findings match (the total the "new" and "none" counts are worked out from). */
function total(db: SqlDatabase, q: FindingsQuery): number {
  const s = summaryWhere(q);
  if (s) return Number(one(db, `SELECT coalesce(sum(c.n), 0) AS n FROM finding_counts c ${s.sql}`, s.params)?.n ?? 0);
  const c = compileFindingsCount(q);
  return Number(one(db, c.sql, c.params)?.n ?? 0);
}

/** Report, section or kind counts: from the summary when the filters allow, else grouped over findings. */
function grouped(db: SqlDatabase, q: FindingsQuery, name: 'report' | 'section' | 'kind', limit: number): FacetCount[] {
  const filter = ({ report: 'reportIds', section: 'sections', kind: 'kinds' } as const)[name];
  const rest = without(q, filter);
  const s = summaryWhere(rest);
  if (s) {
    const sql = {
      report: `SELECT CAST(c.report_id AS TEXT) AS value, r.force || ' ' || r.year AS label, sum(c.n) AS count
        FROM finding_counts c JOIN reports r ON r.id = c.report_id ${s.sql} GROUP BY c.report_id HAVING count > 0 ORDER BY label LIMIT ?`,
      section: `SELECT c.section AS value, c.section AS label, sum(c.n) AS count FROM finding_counts c ${s.sql}
        GROUP BY c.section HAVING count > 0 ORDER BY min(c.report_id), min(c.first_ordinal) LIMIT ?`,
      kind: `SELECT c.kind AS value, c.kind AS label, sum(c.n) AS count FROM finding_counts c ${s.sql}
        GROUP BY c.kind HAVING count > 0 ORDER BY count DESC, label LIMIT ?`,
    }[name];
    return toCounts(all(db, sql, [...s.params, limit]));
  }
  return fromCells(db, cells(db, q), q, name, limit);
}

/** Matching findings counted by report, section and kind: the summary's shape, for any filter. */
interface Cell {
  report: number;
  section: string;
  kind: string;
  n: number;
  first: number;
}

/**
 * One GROUP BY over the findings that match every filter except report, section and kind (those
 * three are applied per facet in fromCells), instead of one pass over the findings per facet.
 */
function cells(db: SqlDatabase, q: FindingsQuery): Cell[] {
  const rest = { ...q, reportIds: undefined, sections: undefined, kinds: undefined };
  const w = findingsWhere(rest);
  const plan = (index?: string): CompiledQuery => ({
    sql: `SELECT f.report_id AS report, f.section AS section, f.kind AS kind, count(*) AS n, min(f.ordinal) AS first
     ${findingsFrom(w.sql, index)} ${w.sql} GROUP BY f.report_id, f.section, f.kind`,
    params: w.params,
  });
  const match = q.search ? ftsMatch(q.search) : null;
  // A frequent word: walk the narrow index (which carries report, section and kind) rather than
  // look up tens of thousands of wide rows.
  const c = match ? byMatchCount(match, plan('findings_report'), plan(), 'all') : plan();
  return all(db, c.sql, c.params).map((r) => ({
    report: Number(r.report),
    section: String(r.section),
    kind: String(r.kind),
    n: Number(r.n),
    first: Number(r.first),
  }));
}

/** SQLite's BINARY order (code units), which the SQL facets sort labels by. */
const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function fromCells(db: SqlDatabase, list: Cell[], q: FindingsQuery, name: 'report' | 'section' | 'kind', limit: number): FacetCount[] {
  const reports = name !== 'report' && q.reportIds?.length ? new Set(q.reportIds) : null;
  const sections = name !== 'section' && q.sections?.length ? new Set(q.sections) : null;
  const kinds = name !== 'kind' && q.kinds?.length ? new Set<string>(q.kinds) : null;
  const groups = new Map<string, { count: number; minReport: number; minOrdinal: number }>();
  for (const c of list) {
    if ((reports && !reports.has(c.report)) || (sections && !sections.has(c.section)) || (kinds && !kinds.has(c.kind))) continue;
    const key = name === 'report' ? String(c.report) : name === 'section' ? c.section : c.kind;
    const g = groups.get(key);
    if (g) {
      g.count += c.n;
      g.minReport = Math.min(g.minReport, c.report);
      g.minOrdinal = Math.min(g.minOrdinal, c.first);
    } else groups.set(key, { count: c.n, minReport: c.report, minOrdinal: c.first });
  }
  if (name === 'report') {
    const labels = new Map(
      all(db, "SELECT id, force || ' ' || year AS label FROM reports").map((r) => [String(r.id), String(r.label)] as const),
    );
    return [...groups]
      .map(([value, g]) => ({ value, label: labels.get(value) ?? value, count: g.count }))
      .sort((a, b) => binary(a.label, b.label) || Number(a.value) - Number(b.value))
      .slice(0, limit);
  }
  const rows = [...groups].map(([value, g]) => ({ value, label: value, count: g.count, g }));
  rows.sort(
    name === 'section'
      ? (a, b) => a.g.minReport - b.g.minReport || a.g.minOrdinal - b.g.minOrdinal
      : (a, b) => b.count - a.count || binary(a.label, b.label),
  );
  return rows.slice(0, limit).map(({ value, label, count }) => ({ value, label, count }));
}

/**
 * Annotated findings only. Annotations are removed with their finding (migration 002), so the
 * findings table is looked at only when a filter reads it.
 */
function annotationsFrom(whereSql: string): string {
  const needsReport = /\br\./.test(whereSql);
  const needsFinding = needsReport || /\bf\./.test(whereSql);
  return [
    'FROM annotations a',
    ...(needsFinding ? ['JOIN findings f ON f.id = a.target_id'] : []),
    ...(needsReport ? ['JOIN reports r ON r.id = f.report_id'] : []),
  ].join(' ');
}

/**
 * Status or RAG counts. Only annotated findings (a few per cent) are grouped; the findings
 * without an annotation count as "new" / "none", worked out as the total minus the rest.
 */
function annotated(db: SqlDatabase, q: FindingsQuery, name: 'status' | 'rag', limit: number): FacetCount[] {
  const filter = name === 'status' ? 'statuses' : 'rags';
  const rest = without(q, filter);
  const w = findingsWhere(q, filter);
  const column = name === 'status' ? 'a.status' : 'a.rag';
  const fallback = name === 'status' ? 'new' : 'none';
  const rows = all(
    db,
    `SELECT coalesce(${column}, '${fallback}') AS value, count(*) AS count
     ${annotationsFrom(w.sql)}
     WHERE a.target_type = 'finding' ${conditions(w)} GROUP BY value`,
    w.params,
  );
  const counts = new Map(rows.map((r) => [String(r.value), Number(r.count)]));
  const others = [...counts].reduce((n, [v, c]) => (v === fallback ? n : n + c), 0);
  counts.set(fallback, total(db, rest) - others);
  const rank = name === 'status' ? ['new', 'reviewed', 'flagged', 'verified'] : ['red', 'amber', 'green', 'none'];
  return [...counts]
    .filter(([, c]) => c > 0)
    .sort(([a], [b]) => (rank.indexOf(a) + 1 || 5) - (rank.indexOf(b) + 1 || 5))
    .slice(0, limit)
    .map(([value, count]) => ({ value, label: value, count }));
}

/** Tag counts: only annotations have tags, so the grouping starts from them. */
function tags(db: SqlDatabase, q: FindingsQuery, limit: number): FacetCount[] {
  const w = findingsWhere(q, 'tags');
  return toCounts(
    all(
      db,
      `SELECT t.value AS value, t.value AS label, count(DISTINCT a.target_id) AS count
       ${annotationsFrom(w.sql)}
       JOIN json_each(a.tags) t
       WHERE a.target_type = 'finding' ${conditions(w)} GROUP BY t.value ORDER BY count DESC, label LIMIT ?`,
      [...w.params, limit],
    ),
  );
}

/**
 * Counts for the facet panel, as SQL GROUP BY (AG Grid Community has no set filter). Each facet's
 * counts apply every other filter but not its own, so ticking "Concern" narrows the sections and
 * reports while the other kinds stay listed with what choosing them would give.
 *
 * Kept within the 50 ms target on ~300,000 findings (docs/PERFORMANCE.md) by counting from the
 * finding_counts summary where the filters allow, and from the few annotated findings for tags,
 * status and RAG, never by joining every finding to its annotation.
 */
export function readFacets(db: SqlDatabase, q: FindingsQuery, limit = 200): Record<FacetName, FacetCount[]> {
  const noSummary = !summaryWhere({ ...q, reportIds: undefined, sections: undefined, kinds: undefined });
  const shared = noSummary ? cells(db, q) : null;
  const facet = (name: 'report' | 'section' | 'kind') => (shared ? fromCells(db, shared, q, name, limit) : grouped(db, q, name, limit));
  return {
    report: facet('report'),
    section: facet('section'),
    kind: facet('kind'),
    tag: tags(db, q, limit),
    status: annotated(db, q, 'status', limit),
    rag: annotated(db, q, 'rag', limit),
  };
}
