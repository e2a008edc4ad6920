import { all, type SqlDatabase, type SqlValue } from '../db/sql-db';
import { CRITERIA, type CriterionKey, type Score } from './fields';

export interface SampleListRow {
  id: number;
  force: string;
  caseRef: string;
  crimeType: string;
  dateRecorded: string;
  reviewer: string;
  scores: Record<CriterionKey, Score>;
  outcome: string;
  note: string;
  synthetic: boolean;
  status: string;
  tags: string[];
  rag: string | null;
  annotationNote: string;
  includeInBrief: boolean;
  /** Where the scoring came from: the sample file's name and its row (the header is row 1), when recorded. */
  sourceName: string | null;
  sourceRow: number | null;
}

/** A case file's place in the file it was imported from, as the Source column and exports show it. */
export function sampleSourceText(row: Pick<SampleListRow, 'sourceName' | 'sourceRow'>): string {
  if (row.sourceRow === null) return row.sourceName ?? '';
  return row.sourceName ? `${row.sourceName}, row ${row.sourceRow}` : `Row ${row.sourceRow}`;
}

const SORTS = {
  caseRef: 'lower(s.case_ref)',
  crimeType: 's.crime_type',
  dateRecorded: 's.date_recorded',
  reviewer: 's.reviewer',
  force: 's.force',
} as const;

/** Case files for the grid, with the analyst's annotation; paged, sorted by a fixed column list. */
export function readSamples(
  db: SqlDatabase,
  q: { offset?: number; limit?: number; sort?: { column: keyof typeof SORTS; direction: 'asc' | 'desc' } } = {},
): SampleListRow[] {
  const order = q.sort ? `${SORTS[q.sort.column]} ${q.sort.direction === 'desc' ? 'DESC' : 'ASC'}, s.id` : 's.id';
  const rows = all(
    db,
    `SELECT s.*, coalesce(a.status, 'new') AS a_status, coalesce(a.tags, '[]') AS a_tags, a.rag AS a_rag, coalesce(a.note, '') AS a_note,
       coalesce(a.include_in_brief, 0) AS a_include
     FROM review_samples s LEFT JOIN annotations a ON a.target_type = 'review_sample' AND a.target_id = s.id
     ORDER BY ${order} LIMIT ? OFFSET ?`,
    [Math.min(q.limit ?? 1000, 5000), q.offset ?? 0],
  );
  const text = (v: SqlValue | undefined) => (v === null || v === undefined ? '' : String(v));
  return rows.map((r) => {
    let tags: string[] = [];
    try {
      const parsed: unknown = JSON.parse(String(r.a_tags));
      if (Array.isArray(parsed)) tags = parsed.map(String);
    } catch {
      tags = [];
    }
    return {
      id: Number(r.id),
      force: text(r.force),
      caseRef: text(r.case_ref),
      crimeType: text(r.crime_type),
      dateRecorded: text(r.date_recorded),
      reviewer: text(r.reviewer),
      scores: Object.fromEntries(CRITERIA.map((c) => [c.key, text(r[c.key]) as Score])) as Record<CriterionKey, Score>,
      outcome: text(r.outcome),
      note: text(r.note),
      synthetic: r.synthetic === 1,
      status: text(r.a_status),
      tags,
      rag: r.a_rag === null ? null : text(r.a_rag),
      annotationNote: text(r.a_note),
      includeInBrief: Number(r.a_include) === 1,
      sourceName: r.source_name === null || r.source_name === undefined ? null : text(r.source_name),
      sourceRow: typeof r.source_row === 'number' ? r.source_row : null,
    };
  });
}
