import { all, one, type SqlDatabase, type SqlValue } from '../../db/sql-db';
import type { FacetCount, FacetName } from '../model/facets';
import type { FindingsQuery } from '../model/findings';
import { compileFindingsCount, findingsFrom, findingsWhere, summaryWhere, type CompiledQuery, type FindingFilter } from './findings';
import { RAG_RANK, ranked, STATUS_RANK } from './facet-rank';
import { searchFacets } from './search-facets';

type Counted = Record<string, SqlValue>;

const toCounts = (rows: Counted[]): FacetCount[] =>
  rows.map((r) => ({ value: String(r.value), label: String(r.label), count: Number(r.count) }));

/** A WHERE clause's conditions, to be ANDed onto another WHERE. */
const conditions = (w: CompiledQuery) => (w.sql ? `AND ${w.sql.replace(/^WHERE /, '')}` : '');

const without = (q: FindingsQuery, filter: FindingFilter): FindingsQuery => ({ ...q, [filter]: undefined });

/** How many findings match (the total the "new" and "none" counts are worked out from). */
function total(db: SqlDatabase, q: FindingsQuery): number {
  const c = compileFindingsCount(q);
  return Number(one(db, c.sql, c.params)?.n ?? 0);
}

/** Report, section or kind counts from the finding_counts summary (the filters allow it). */
function grouped(db: SqlDatabase, q: FindingsQuery, name: 'report' | 'section' | 'kind', limit: number): FacetCount[] {
  const filter = ({ report: 'reportIds', section: 'sections', kind: 'kinds' } as const)[name];
  const s = summaryWhere(without(q, filter)) as CompiledQuery;
  const sql = {
    report: `SELECT CAST(c.report_id AS TEXT) AS value, r.force || ' ' || r.year AS label, sum(c.n) AS count
      FROM finding_counts c JOIN reports r ON r.id = c.report_id ${s.sql} GROUP BY c.report_id HAVING count > 0 ORDER BY label, c.report_id LIMIT ?`,
    section: `SELECT c.section AS value, c.section AS label, sum(c.n) AS count FROM finding_counts c ${s.sql}
      GROUP BY c.section HAVING count > 0 ORDER BY min(c.report_id), min(c.first_ordinal), c.section LIMIT ?`,
    kind: `SELECT c.kind AS value, c.kind AS label, sum(c.n) AS count FROM finding_counts c ${s.sql}
      GROUP BY c.kind HAVING count > 0 ORDER BY count DESC, label LIMIT ?`,
  }[name];
  return toCounts(all(db, sql, [...s.params, limit]));
}

interface Grouped {
  report: FacetCount[];
  section: FacetCount[];
  kind: FacetCount[];
  /** Findings matching every filter. */
  total: number;
}

function fromSummary(db: SqlDatabase, q: FindingsQuery, limit: number): Grouped {
  return {
    report: grouped(db, q, 'report', limit),
    section: grouped(db, q, 'section', limit),
    kind: grouped(db, q, 'kind', limit),
    total: total(db, q),
  };
}

/** `AND column IN (?, …)` for one of the facet filters, or nothing. */
function inFilter(column: string, values: readonly SqlValue[] | undefined, params: SqlValue[]): string {
  if (!values?.length) return '';
  params.push(...values);
  return `AND ${column} IN (${values.map(() => '?').join(', ')})`;
}

/**
 * Report, section and kind counts (and the total) when the summary cannot answer: a search, or a
 * filter on subsections, annotations or column text. One statement: the matching findings are
 * grouped by report, section and kind once (a MATERIALIZED CTE of at most a few thousand cells),
 * and each facet sums those cells with the other two facets' filters, so a search is run once
 * and only a few hundred rows leave SQLite.
 */
function fromCells(db: SqlDatabase, q: FindingsQuery, limit: number): Grouped {
  const rest = { ...q, reportIds: undefined, sections: undefined, kinds: undefined };
  const w = findingsWhere(rest);
  // A search alone: each match is looked up in the narrow findings_attrs index (migration 003)
  // rather than in its wide row. Any other filter reads columns only the row has.
  const searchOnly = findingsWhere({ search: q.search }).sql === w.sql;
  const params: SqlValue[] = [...w.params];
  const branch = (name: FacetName, sql: (where: string) => string, filters: [string, readonly SqlValue[] | undefined][]) => {
    const where = `WHERE 1 ${filters.map(([column, values]) => inFilter(column, values, params)).join(' ')}`;
    params.push(limit);
    return `SELECT * FROM (SELECT '${name}' AS facet, ${sql(where)} LIMIT ?)`;
  };
  const sql = `WITH c AS MATERIALIZED (
      SELECT f.report_id AS report, f.section AS section, f.kind AS kind, count(*) AS n, min(f.ordinal) AS first
      ${findingsFrom(w.sql, searchOnly && w.sql ? 'findings_attrs' : undefined)} ${w.sql} GROUP BY 1, 2, 3)
    ${[
      branch(
        'report',
        (where) => `CAST(c.report AS TEXT) AS value, r.force || ' ' || r.year AS label, sum(c.n) AS count
          FROM c JOIN reports r ON r.id = c.report ${where} GROUP BY c.report ORDER BY label, c.report`,
        [
          ['c.section', q.sections],
          ['c.kind', q.kinds],
        ],
      ),
      branch(
        'section',
        (where) => `c.section AS value, c.section AS label, sum(c.n) AS count FROM c ${where}
          GROUP BY c.section ORDER BY min(c.report), min(c.first), c.section`,
        [
          ['c.report', q.reportIds],
          ['c.kind', q.kinds],
        ],
      ),
      branch(
        'kind',
        (where) => `c.kind AS value, c.kind AS label, sum(c.n) AS count FROM c ${where} GROUP BY c.kind ORDER BY count DESC, label`,
        [
          ['c.report', q.reportIds],
          ['c.section', q.sections],
        ],
      ),
      branch('total' as FacetName, (where) => `'' AS value, '' AS label, coalesce(sum(c.n), 0) AS count FROM c ${where}`, [
        ['c.report', q.reportIds],
        ['c.section', q.sections],
        ['c.kind', q.kinds],
      ]),
    ].join('\n    UNION ALL ')}`;
  // UNION ALL keeps each branch's rows in its own ORDER BY (SQLite runs the branches in turn).
  const out: Grouped = { report: [], section: [], kind: [], total: 0 };
  for (const r of all(db, sql, params)) {
    const facet = String(r.facet);
    if (facet === 'total') out.total = Number(r.count);
    else out[facet as 'report' | 'section' | 'kind'].push({ value: String(r.value), label: String(r.label), count: Number(r.count) });
  }
  return out;
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
  const w = findingsWhere(q, filter, 'a.target_id');
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
  return ranked(counts, fallback, total(db, without(q, filter)), name === 'status' ? STATUS_RANK : RAG_RANK, limit);
}

/**
 * Tag, status and RAG counts together, for a query with no filter on annotations: then no facet's
 * own filter is in play and all three count the same annotated findings, so one statement reads
 * them once (a MATERIALIZED CTE; a search is run once, not three times) and returns only the
 * counts. `matching` is the number of findings the query matches, for "new" and "none".
 */
function annotationFacets(
  db: SqlDatabase,
  q: FindingsQuery,
  matching: number,
  limit: number,
): Pick<Record<FacetName, FacetCount[]>, 'tag' | 'status' | 'rag'> {
  const w = findingsWhere(q, undefined, 'a.target_id');
  const rows = all(
    db,
    `WITH m AS MATERIALIZED (
       SELECT a.target_id AS id, a.status AS status, coalesce(a.rag, 'none') AS rag, a.tags AS tags
       ${annotationsFrom(w.sql)} WHERE a.target_type = 'finding' ${conditions(w)})
     SELECT 'status' AS facet, status AS value, count(*) AS count FROM m GROUP BY status
     UNION ALL SELECT 'rag', rag, count(*) FROM m GROUP BY rag
     UNION ALL SELECT * FROM (SELECT 'tag', t.value, count(DISTINCT m.id) AS count FROM m JOIN json_each(m.tags) t
       GROUP BY t.value ORDER BY count DESC, t.value LIMIT ?)`,
    [...w.params, limit],
  );
  const status = new Map<string, number>();
  const rag = new Map<string, number>();
  const tag: FacetCount[] = [];
  for (const r of rows) {
    const value = String(r.value);
    const count = Number(r.count);
    if (r.facet === 'status') status.set(value, count);
    else if (r.facet === 'rag') rag.set(value, count);
    else tag.push({ value, label: value, count });
  }
  return { tag, status: ranked(status, 'new', matching, STATUS_RANK, limit), rag: ranked(rag, 'none', matching, RAG_RANK, limit) };
}

/** Tag counts: only annotations have tags, so the grouping starts from them. */
function tags(db: SqlDatabase, q: FindingsQuery, limit: number): FacetCount[] {
  const w = findingsWhere(q, 'tags', 'a.target_id');
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
 * Kept fast on ~300,000 findings (docs/PERFORMANCE.md) by counting from the finding_counts
 * summary where the filters allow, running a search once for the report, section and kind counts
 * together, and counting tags, status and RAG from the few annotated findings, never by joining
 * every finding to its annotation. A search with only facet filters is counted in memory
 * (search-facets.ts).
 */
export function readFacets(db: SqlDatabase, q: FindingsQuery, limit = 200): Record<FacetName, FacetCount[]> {
  const counted = searchFacets(db, q, limit);
  if (counted) return counted;
  const bySummary = summaryWhere({ ...q, reportIds: undefined, sections: undefined, kinds: undefined }) !== null;
  const g = bySummary ? fromSummary(db, q, limit) : fromCells(db, q, limit);
  const readsAnnotations = /\ba\./.test(findingsWhere(q).sql);
  return {
    report: g.report,
    section: g.section,
    kind: g.kind,
    ...(readsAnnotations
      ? { tag: tags(db, q, limit), status: annotated(db, q, 'status', limit), rag: annotated(db, q, 'rag', limit) }
      : annotationFacets(db, q, g.total, limit)),
  };
}
