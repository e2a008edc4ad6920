import { all, one, type SqlDatabase, type SqlValue } from '../../db/sql-db';
import { searchTerms, type FindingRow, type FindingSortColumn, type FindingsQuery, type FindingTextColumn } from '../model/findings';

/**
 * Queries over findings described as data (model/findings.ts: what the grid asks for) and compiled
 * to SQL here, in one place. Column names come from a fixed map and every value is a bound
 * parameter: no SQL is ever built from what a user typed.
 */

/** The SQL each sort column orders by. */
export const FINDING_SORT_COLUMNS = {
  report: 'r.force, r.year',
  section: 'f.section',
  subsection: 'f.subsection',
  position: 'f.report_id, f.ordinal',
  kind: 'f.kind',
  status: "coalesce(a.status, 'new')",
  rag: 'a.rag',
  includeInBrief: 'coalesce(a.include_in_brief, 0)',
} as const satisfies Record<FindingSortColumn, string>;

/** The SQL expression each "contains" column matches text in. */
export const FINDING_TEXT_COLUMNS = {
  report: "r.force || ' ' || r.year",
  section: 'f.section',
  subsection: "coalesce(f.subsection, '')",
  kind: 'f.kind',
  text: 'f.text',
  note: "coalesce(a.note, '')",
  status: "coalesce(a.status, 'new')",
} as const satisfies Record<FindingTextColumn, string>;

export interface CompiledQuery {
  sql: string;
  params: SqlValue[];
}

/**
 * A MATCH expression for FTS4 from free text: each word quoted (so AND, OR, NEAR, quotes and
 * brackets the user types are words, not syntax), the last one a prefix so results follow typing.
 */
export function ftsMatch(search: string): string | null {
  const words = searchTerms(search);
  if (words.length === 0) return null;
  // FTS4 writes a prefix inside the quotes: "custod*".
  return words.map((w, i) => `"${w}${i === words.length - 1 ? '*' : ''}"`).join(' ');
}

/** LIKE pattern for "contains", with the user's %, _ and \ taken literally. */
export function likePattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type FindingFilter = 'reportIds' | 'kinds' | 'sections' | 'subsections' | 'statuses' | 'tags' | 'rags';

/**
 * The WHERE clause of a findings query; `except` leaves one filter out (for that facet's own
 * counts). `id` is the column holding the finding's id that a search is matched on: the
 * annotation counts match `a.target_id`, so that a search alone needs no look-up of the finding.
 */
export function findingsWhere(q: FindingsQuery, except?: FindingFilter, id = 'f.id'): CompiledQuery {
  return where(except ? { ...q, [except]: undefined } : q, id);
}

function where(q: FindingsQuery, id = 'f.id'): CompiledQuery {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const inList = (column: string, values: readonly SqlValue[]) => {
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  const match = q.search ? ftsMatch(q.search) : null;
  if (match) {
    clauses.push(`${id} IN (SELECT docid FROM findings_fts WHERE findings_fts MATCH ?)`);
    params.push(match);
  }
  if (q.reportIds?.length) inList('f.report_id', q.reportIds);
  if (q.kinds?.length) inList('f.kind', q.kinds);
  if (q.sections?.length) inList('f.section', q.sections);
  if (q.subsections?.length) inList("coalesce(f.subsection, '')", q.subsections);
  if (q.statuses?.length) inList("coalesce(a.status, 'new')", q.statuses);
  if (q.tags?.length) {
    clauses.push(`EXISTS (SELECT 1 FROM json_each(coalesce(a.tags, '[]')) t WHERE t.value IN (${q.tags.map(() => '?').join(', ')}))`);
    params.push(...q.tags);
  }
  if (q.rags?.length) {
    const rated = q.rags.filter((r) => r !== 'none');
    const parts = [
      ...(rated.length ? [`a.rag IN (${rated.map(() => '?').join(', ')})`] : []),
      ...(q.rags.includes('none') ? ['a.rag IS NULL'] : []),
    ];
    clauses.push(`(${parts.join(' OR ')})`);
    params.push(...rated);
  }
  for (const c of q.contains ?? []) {
    clauses.push(`${FINDING_TEXT_COLUMNS[c.column]} LIKE ? ESCAPE '\\'`);
    params.push(likePattern(c.value));
  }
  if (q.includeInBrief !== undefined) {
    clauses.push('coalesce(a.include_in_brief, 0) = ?');
    params.push(q.includeInBrief ? 1 : 0);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The columns toFindingRow reads. */
export const FINDING_SELECT = `f.id, f.report_id, r.force || ' ' || r.year AS report, f.section, f.subsection, f.paragraph, f.kind, f.text,
  f.page, f.line, coalesce(a.status, 'new') AS status, coalesce(a.tags, '[]') AS tags, a.rag, coalesce(a.note, '') AS note,
  coalesce(a.include_in_brief, 0) AS include_in_brief`;

export const FINDINGS_FROM = `FROM findings f
  JOIN reports r ON r.id = f.report_id
  LEFT JOIN annotations a ON a.target_type = 'finding' AND a.target_id = f.id`;

/**
 * The joins a query needs and no more: reports only when the SQL reads `r.`, annotations only when
 * it reads `a.`. Every finding has its report (a NOT NULL foreign key) and at most one annotation
 * (UNIQUE target), so leaving a join out never changes which findings match or how many.
 * `index` names the findings index to walk (INDEXED BY), for the frequent-search plans below.
 */
export function findingsFrom(sqlParts: string | string[], index?: string): string {
  const text = typeof sqlParts === 'string' ? sqlParts : sqlParts.join(' ');
  return [
    `FROM findings f${index ? ` INDEXED BY ${index}` : ''}`,
    ...(/\br\./.test(text) ? ['JOIN reports r ON r.id = f.report_id'] : []),
    ...(/\ba\./.test(text) ? ["LEFT JOIN annotations a ON a.target_type = 'finding' AND a.target_id = f.id"] : []),
  ].join('\n  ');
}

/** A search matching at least this many findings walks them in report order; fewer are sorted. */
export const FREQUENT_MATCHES = 2000;

/**
 * Two plans for one page, of which SQLite runs only the one that fits: a LIMIT of 0 ends a SELECT
 * before its loop. `gate` is a one-row query whose `frequent` column chooses; it is run once (a
 * MATERIALIZED CTE), not once per branch.
 */
function twoPlans(gate: CompiledQuery, frequent: CompiledQuery, rare: CompiledQuery, limit: number | 'all', offset: number): CompiledQuery {
  const n = limit === 'all' ? -1 : limit;
  return {
    sql: `WITH gate AS MATERIALIZED (${gate.sql})
      SELECT * FROM (${frequent.sql} LIMIT CASE WHEN (SELECT frequent FROM gate) THEN ? ELSE 0 END OFFSET ?)
      UNION ALL SELECT * FROM (${rare.sql} LIMIT CASE WHEN (SELECT frequent FROM gate) THEN 0 ELSE ? END OFFSET ?)`,
    params: [...gate.params, ...frequent.params, n, offset, ...rare.params, n, offset],
  };
}

/**
 * Two plans for one search. A frequent word ("abuse" in a quarter of all findings) is cheapest
 * found by walking the narrow findings_report index in report order and probing the matches
 * (the first page is full after a few hundred entries); a rare one by looking up its few matches
 * and sorting them. Which one is decided by counting at most FREQUENT_MATCHES matches.
 */
export function byMatchCount(
  match: string,
  frequent: CompiledQuery,
  rare: CompiledQuery,
  limit: number | 'all',
  offset = 0,
): CompiledQuery {
  const gate = {
    sql: `SELECT count(*) >= ${FREQUENT_MATCHES} AS frequent FROM (SELECT 1 FROM findings_fts WHERE findings_fts MATCH ? LIMIT ${FREQUENT_MATCHES})`,
    params: [match],
  };
  return twoPlans(gate, frequent, rare, limit, offset);
}

/**
 * With both a kind and a section filter, the reports that have such findings, from the
 * finding_counts summary. No index has kind and section leading together, so without it a rare
 * pair (a concern in a data annex: often none at all) is found by reading every finding of the
 * section or kind; with it, only the reports that have one are read.
 */
function reportsWithCells(q: FindingsQuery): CompiledQuery | null {
  if (!q.kinds?.length || !q.sections?.length) return null;
  const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');
  return {
    sql: `f.report_id IN (SELECT c.report_id FROM finding_counts c WHERE c.kind IN (${marks(q.kinds)}) AND c.section IN (${marks(q.sections)}))`,
    params: [...q.kinds, ...q.sections],
  };
}

/** A page's ids by filtering through the indexes and sorting what matches. */
function sorted(q: FindingsQuery, w: CompiledQuery, order: string): CompiledQuery {
  const cells = reportsWithCells(q);
  return {
    sql: `SELECT f.id ${findingsFrom([w.sql, order])} ${cells ? `${w.sql} AND ${cells.sql}` : w.sql} ORDER BY ${order}`,
    params: [...w.params, ...(cells?.params ?? [])],
  };
}

/**
 * One page of the grid. The page's ids are chosen first over the narrow index columns (and only
 * the joins the filter and sort need), then only those rows are read in full: sorting or skipping
 * thousands of wide rows (each with its paragraph of text) is what made deep pages slow.
 */
export function compileFindingsPage(q: FindingsQuery, offset: number, limit: number): CompiledQuery {
  const w = where(q);
  const order = [
    ...(q.sort ?? []).map((s) => `${FINDING_SORT_COLUMNS[s.column]} ${s.direction === 'desc' ? 'DESC' : 'ASC'}`),
    'f.report_id',
    'f.ordinal',
  ].join(', ');
  const n = Math.max(0, Math.min(limit, 1000));
  const skip = Math.max(0, offset);
  const match = q.search ? ftsMatch(q.search) : null;
  let ids: CompiledQuery;
  if (match && !q.sort?.length) {
    const plan = (index?: string) => ({
      sql: `SELECT f.id ${findingsFrom([w.sql, order], index)} ${w.sql} ORDER BY ${order}`,
      params: w.params,
    });
    ids = byMatchCount(match, plan('findings_report'), plan(), n, skip);
  } else if (q.sort?.[0]?.column === 'report' && summaryWhere(q)) {
    // Sorted by report (force, then year) with filters the summary can count: many matches are
    // cheapest found by walking the reports in that order and each one's findings in report
    // order (SQLite sorts only within a force and year, and stops once the page is full); few
    // are found through the kind and section indexes and sorted.
    const s = summaryWhere(q) as CompiledQuery;
    const gate = {
      sql: `SELECT coalesce(sum(c.n), 0) >= ${FREQUENT_MATCHES} AS frequent FROM finding_counts c ${s.sql}`,
      params: s.params,
    };
    const annotations = /\ba\./.test(order) ? "LEFT JOIN annotations a ON a.target_type = 'finding' AND a.target_id = f.id" : '';
    const walk = {
      sql: `SELECT f.id FROM reports r INDEXED BY reports_order CROSS JOIN findings f INDEXED BY findings_report ON f.report_id = r.id
        ${annotations} ${w.sql} ORDER BY ${order}`,
      params: w.params,
    };
    ids = twoPlans(gate, walk, sorted(q, w, order), n, skip);
  } else {
    const c = sorted(q, w, order);
    ids = { sql: `${c.sql} LIMIT ? OFFSET ?`, params: [...c.params, n, skip] };
  }
  return {
    sql: `SELECT ${FINDING_SELECT}
      ${FINDINGS_FROM} WHERE f.id IN (${ids.sql}) ORDER BY ${order}`,
    params: ids.params,
  };
}

/** A search's pages in report order are read a window of reports at a time up to this depth. */
const WINDOWED_UP_TO = 5000;
const FIRST_WINDOW = 8;
/** A window wider than this costs more than decoding every match: the search is not frequent enough. */
const WIDEST_WINDOW = 64;

/**
 * One page of the grid, read. A frequent search in report order (the grid's default) up to
 * WINDOWED_UP_TO findings deep is read a window of reports at a time; anything else, and a search
 * whose matches turn out to be sparse, runs compileFindingsPage.
 */
export function readFindingsPage(db: SqlDatabase, q: FindingsQuery, offset: number, limit: number): FindingRow[] {
  const n = Math.max(0, Math.min(limit, 1000));
  const skip = Math.max(0, offset);
  const match = q.search ? ftsMatch(q.search) : null;
  const ids = match && !q.sort?.length && skip + n <= WINDOWED_UP_TO ? windowedIds(db, q, match, skip + n) : null;
  if (ids) {
    const page = ids.slice(skip, skip + n);
    if (page.length === 0) return [];
    return all(
      db,
      `SELECT ${FINDING_SELECT} ${FINDINGS_FROM} WHERE f.id IN (SELECT value FROM json_each(?)) ORDER BY f.report_id, f.ordinal`,
      [JSON.stringify(page)],
    ).map(toFindingRow);
  }
  const c = compileFindingsPage(q, offset, limit);
  return all(db, c.sql, c.params).map(toFindingRow);
}

/**
 * The first `need` ids of a search in report order (report id, then ordinal), read a window of
 * reports at a time, or null when the matches are too sparse for that to pay.
 *
 * Decoding every match of a frequent phrase ("domestic abuse": 86,000 of 310,000 findings) is
 * most of what a search costs; given a docid range, the full-text index decodes only the matches
 * within it. The first window is FIRST_WINDOW reports; the next is sized from the matches seen so
 * far, so a frequent word needs one window. Windows follow each other in report id order and each
 * is sorted, so together they are in order; the docid range (a window's lowest and highest
 * finding id) only narrows what the report range already says, so the result is exact whatever
 * the ids.
 */
export function windowedIds(db: SqlDatabase, q: FindingsQuery, match: string, need: number): number[] | null {
  const rest = where({ ...q, search: undefined });
  const sql = `WITH span AS MATERIALIZED (
      SELECT min(id) AS lo, max(id) AS hi FROM findings INDEXED BY findings_report WHERE report_id >= ? AND report_id < ?)
    SELECT f.id ${findingsFrom(rest.sql, 'findings_report')}
    WHERE f.report_id >= ? AND f.report_id < ?
      AND f.id IN (SELECT docid FROM findings_fts WHERE findings_fts MATCH ?
        AND docid >= (SELECT lo FROM span) AND docid <= (SELECT hi FROM span)) ${rest.sql.replace(/^WHERE /, 'AND ')}
    ORDER BY f.report_id, f.ordinal`;
  const out: number[] = [];
  let from = one<{ id: number | null }>(db, 'SELECT min(id) AS id FROM reports')?.id ?? null;
  let size = FIRST_WINDOW;
  let reports = 0;
  while (from !== null && out.length < need) {
    if (size > WIDEST_WINDOW) return null;
    const next = one<{ id: number }>(db, 'SELECT id FROM reports WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?', [from, size - 1]);
    const to = next ? Number(next.id) : null;
    // A workspace of FIRST_WINDOW reports or fewer is one window: the plain plan is one statement.
    if (to === null && reports === 0) return null;
    const end = to ?? Number.MAX_SAFE_INTEGER;
    for (const r of all(db, sql, [from, end, from, end, match, ...rest.params])) out.push(Number(r.id));
    reports += size;
    from = to;
    const perReport = out.length / reports;
    size = perReport > 0 ? Math.max(FIRST_WINDOW, Math.ceil((1.25 * (need - out.length)) / perReport)) : Infinity;
  }
  return out;
}

/**
 * A query the finding_counts summary (migration 002) can answer: filters on report, section and
 * kind only. Search, subsections, annotations and column text need the findings themselves.
 */
export function summaryWhere(q: FindingsQuery): CompiledQuery | null {
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

export function compileFindingsCount(q: FindingsQuery): CompiledQuery {
  // Filters on report, section and kind only: the finding_counts summary (kept exact by triggers).
  const s = summaryWhere(q);
  if (s) return { sql: `SELECT coalesce(sum(c.n), 0) AS n FROM finding_counts c ${s.sql}`, params: s.params };
  const match = q.search ? ftsMatch(q.search) : null;
  // Search alone: the full-text index (kept in step with findings by triggers) counts its matches
  // without looking each matching finding up.
  if (match && where({ ...q, search: undefined }).sql === '') {
    return { sql: 'SELECT count(*) AS n FROM findings_fts WHERE findings_fts MATCH ?', params: [match] };
  }
  const w = where(q);
  return { sql: `SELECT count(*) AS n ${findingsFrom(w.sql)} ${w.sql}`, params: w.params };
}

export function toFindingRow(r: Record<string, SqlValue>): FindingRow {
  let tags: string[] = [];
  try {
    const parsed: unknown = JSON.parse(String(r.tags ?? '[]'));
    if (Array.isArray(parsed)) tags = parsed.map(String);
  } catch {
    tags = [];
  }
  return {
    id: Number(r.id),
    reportId: Number(r.report_id),
    report: String(r.report),
    section: String(r.section),
    subsection: r.subsection === null ? null : String(r.subsection),
    paragraph: Number(r.paragraph),
    kind: String(r.kind),
    text: String(r.text),
    page: r.page === null ? null : Number(r.page),
    line: Number(r.line),
    status: String(r.status),
    tags,
    rag: r.rag === null || r.rag === undefined ? null : String(r.rag),
    note: String(r.note ?? ''),
    includeInBrief: Number(r.include_in_brief) === 1,
  };
}
