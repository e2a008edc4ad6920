import { one, type SqlDatabase } from '../../db/sql-db';
import type { FacetCount, FacetName } from '../model/facets';
import type { FindingsQuery } from '../model/findings';
import { binaryOrder, RAG_RANK, ranked, STATUS_RANK } from './facet-rank';
import { findingMap, parseIds, type FindingMap } from './finding-map';
import { ftsMatch } from './findings';

/** A matching finding's annotation, as the facet filters read it. */
interface Note {
  /** coalesce(a.status, 'new') */
  status: string;
  /** a.rag: null is "none". */
  rag: string | null;
  /** The distinct values of a.tags. */
  tags: string[];
}

// One bit per facet filter that a finding fails.
const REPORT = 1;
const SECTION = 2;
const KIND = 4;
const TAG = 8;
const STATUS = 16;
const RAG = 32;

/**
 * Facet counts for a search whose other filters are all facet filters (report, section, kind,
 * tag, status, RAG), counted in memory: the search's matches come out of the full-text index as
 * one list of ids (~20 ms for 86,000 matches in sql.js), each match's report, section and kind is
 * read from the finding map (finding-map.ts), and only the annotations of matching findings are
 * read from SQLite. Counting the same in SQL looks every match up in an index: 250 ms for a word
 * in a quarter of 310,000 findings.
 *
 * Each facet counts the matches that pass every filter but its own, as in SQL (facets.ts): a
 * finding failing no filter counts in every facet, one failing exactly one filter counts in that
 * filter's facet only. Orders, labels and limits are those of the SQL (tested against the plain
 * GROUP BY in fast-paths.test.ts).
 *
 * Null when this does not apply (no search, a filter on subsections, column text or the brief) or
 * the data is not what the filters expect (a tag that is not a string): readFacets then counts in
 * SQL.
 */
export function searchFacets(db: SqlDatabase, q: FindingsQuery, limit: number): Record<FacetName, FacetCount[]> | null {
  const match = q.search ? ftsMatch(q.search) : null;
  if (!match || q.subsections?.length || q.contains?.length || q.includeInBrief !== undefined) return null;
  const map = findingMap(db);
  if (!map) return null;
  const ids = parseIds(
    one<{ ids: string | null }>(db, 'SELECT group_concat(docid) AS ids FROM findings_fts WHERE findings_fts MATCH ?', [match])?.ids,
  );
  const found = notesOf(db, ids, map);
  if (!found) return null;
  const { notes, noted } = found;

  const set = <T>(values: readonly T[] | undefined) => (values?.length ? new Set(values) : null);
  const reports = set(q.reportIds);
  const sections = set(q.sections);
  const kinds = set(q.kinds);
  const tags = set(q.tags);
  const statuses = set<string>(q.statuses);
  const rated = q.rags?.length ? new Set<string>(q.rags.filter((r) => r !== 'none')) : null;
  const unrated = q.rags?.includes('none') ?? false;

  const cellFails = new Uint8Array(map.cells.length);
  if (reports || sections || kinds) {
    map.cells.forEach((c, i) => {
      cellFails[i] =
        (reports && !reports.has(c.report) ? REPORT : 0) |
        (sections && !sections.has(c.section) ? SECTION : 0) |
        (kinds && !kinds.has(c.kind) ? KIND : 0);
    });
  }
  const noteFails = (n: Note | undefined) => {
    const status = n?.status ?? 'new';
    const rag = n?.rag ?? null;
    return (
      (tags && !n?.tags.some((t) => tags.has(t)) ? TAG : 0) |
      (statuses && !statuses.has(status) ? STATUS : 0) |
      (rated && !(rag === null ? unrated : rated.has(rag)) ? RAG : 0)
    );
  };
  const unannotated = noteFails(undefined);

  // Per cell: matches failing no filter, or only the report, section or kind filter, and the
  // lowest ordinal among those a section counts (the section facet is in report order).
  const cellsOf = () => new Int32Array(map.cells.length);
  const passing = cellsOf();
  const onlyReport = cellsOf();
  const onlySection = cellsOf();
  const onlyKind = cellsOf();
  const firstForSection = cellsOf().fill(0x7fffffff);
  const status = new Map<string, number>();
  const rag = new Map<string, number>();
  const tag = new Map<string, number>();
  const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

  // Unannotated matches all count under "new" and "none": counted here, not one by one in a map.
  let plainStatus = 0;
  let plainRag = 0;
  for (const id of ids) {
    const cell = id < map.cellOf.length ? (map.cellOf[id] as number) : -1;
    if (cell < 0) continue; // not a finding (the index and the table are kept in step by triggers)
    const note = noted[id] === 1 ? notes.get(id) : undefined;
    const fails = (cellFails[cell] as number) | (note ? noteFails(note) : unannotated);
    if (fails !== 0 && (fails & (fails - 1)) !== 0) continue; // fails two filters: in no facet
    const counted =
      fails === 0 ? passing : fails === REPORT ? onlyReport : fails === SECTION ? onlySection : fails === KIND ? onlyKind : null;
    if (counted) counted[cell] = (counted[cell] as number) + 1;
    if (fails === 0 || fails === SECTION) firstForSection[cell] = Math.min(firstForSection[cell] as number, map.ordinalOf[id] as number);
    if (!note) {
      if (fails === 0 || fails === STATUS) plainStatus++;
      if (fails === 0 || fails === RAG) plainRag++;
      continue;
    }
    if (fails === 0 || fails === STATUS) bump(status, note.status);
    if (fails === 0 || fails === RAG) bump(rag, note.rag ?? 'none');
    if (fails === 0 || fails === TAG) for (const t of note.tags) bump(tag, t);
  }
  if (plainStatus > 0) status.set('new', (status.get('new') ?? 0) + plainStatus);
  if (plainRag > 0) rag.set('none', (rag.get('none') ?? 0) + plainRag);

  const statusTotal = [...status.values()].reduce((a, b) => a + b, 0);
  const ragTotal = [...rag.values()].reduce((a, b) => a + b, 0);
  return {
    report: reportCounts(map, passing, onlyReport, limit),
    section: sectionCounts(map, passing, onlySection, firstForSection, limit),
    kind: byCount(
      sumBy(map, passing, onlyKind, (c) => c.kind),
      limit,
    ),
    tag: byCount(tag, limit),
    status: ranked(status, 'new', statusTotal, STATUS_RANK, limit),
    rag: ranked(rag, 'none', ragTotal, RAG_RANK, limit),
  };
}

/**
 * The annotations of the matching findings, by finding id. The annotated ids are read first (a
 * few per cent of findings) and only those that match are read in full.
 */
function notesOf(db: SqlDatabase, ids: Int32Array, map: FindingMap): { notes: Map<number, Note>; noted: Uint8Array } | null {
  const annotated = parseIds(
    one<{ ids: string | null }>(db, "SELECT group_concat(target_id) AS ids FROM annotations WHERE target_type = 'finding'")?.ids,
  );
  const notes = new Map<number, Note>();
  // By finding id: 1 where the finding matches, then 1 only where it also has a note.
  const noted = new Uint8Array(map.cellOf.length);
  if (annotated.length === 0 || ids.length === 0) return { notes, noted };
  for (const id of ids) if (id < noted.length) noted[id] = 1;
  const wanted = annotated.filter((id) => id < noted.length && noted[id] === 1);
  for (const id of ids) if (id < noted.length) noted[id] = 0;
  if (wanted.length === 0) return { notes, noted };
  // One JSON text rather than a row at a time: reading rows one by one costs more than the query.
  const rows = JSON.parse(
    String(
      one(
        db,
        `SELECT json_group_array(json_array(target_id, status, rag, tags)) AS rows FROM annotations
         WHERE target_type = 'finding' AND target_id IN (SELECT value FROM json_each(?))`,
        [JSON.stringify(Array.from(wanted))],
      )?.rows ?? '[]',
    ),
  ) as [number, string | null, string | null, string | null][];
  for (const [id, status, rag, text] of rows) {
    let tags: unknown;
    try {
      tags = JSON.parse(text ?? '[]');
    } catch {
      return null;
    }
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) return null;
    notes.set(Number(id), { status: status ?? 'new', rag, tags: [...new Set(tags as string[])] });
    if (id < noted.length) noted[id] = 1;
  }
  return { notes, noted };
}

/** Counts by a cell's value, from the matches passing every filter and those failing only this one. */
function sumBy<K>(map: FindingMap, passing: Int32Array, only: Int32Array, key: (c: FindingMap['cells'][number]) => K): Map<K, number> {
  const out = new Map<K, number>();
  map.cells.forEach((c, i) => {
    const n = (passing[i] as number) + (only[i] as number);
    if (n > 0) out.set(key(c), (out.get(key(c)) ?? 0) + n);
  });
  return out;
}

/** ORDER BY count DESC, label (BINARY) LIMIT limit. */
function byCount(counts: Map<string, number>, limit: number): FacetCount[] {
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || binaryOrder(a, b))
    .slice(0, limit)
    .map(([value, count]) => ({ value, label: value, count }));
}

/** Reports by their label (force and year), then id, as the SQL orders them. */
function reportCounts(map: FindingMap, passing: Int32Array, only: Int32Array, limit: number): FacetCount[] {
  return [...sumBy(map, passing, only, (c) => c.report)]
    .map(([id, count]) => ({ id, count, label: map.labels.get(id) ?? '' }))
    .sort((a, b) => binaryOrder(a.label, b.label) || a.id - b.id)
    .slice(0, limit)
    .map((r) => ({ value: String(r.id), label: r.label, count: r.count }));
}

/** Sections in report order: by the lowest report id, then the lowest ordinal, then title. */
function sectionCounts(map: FindingMap, passing: Int32Array, only: Int32Array, first: Int32Array, limit: number): FacetCount[] {
  const out = new Map<string, { count: number; report: number; ordinal: number }>();
  map.cells.forEach((c, i) => {
    const n = (passing[i] as number) + (only[i] as number);
    if (n === 0) return;
    const s = out.get(c.section);
    if (!s) out.set(c.section, { count: n, report: c.report, ordinal: first[i] as number });
    else {
      s.count += n;
      s.report = Math.min(s.report, c.report);
      s.ordinal = Math.min(s.ordinal, first[i] as number);
    }
  });
  return [...out]
    .sort(([a, x], [b, y]) => x.report - y.report || x.ordinal - y.ordinal || binaryOrder(a, b))
    .slice(0, limit)
    .map(([value, s]) => ({ value, label: value, count: s.count }));
}
