import { all, type SqlDatabase } from '../db/sql-db';
import { FINDINGS_FROM, findingsWhere, type FindingFilter, type FindingsQuery } from './findings';

export type FacetName = 'report' | 'section' | 'kind' | 'tag' | 'status' | 'rag';
export const FACET_NAMES: readonly FacetName[] = ['report', 'section', 'kind', 'tag', 'status', 'rag'];

export interface FacetCount {
  /** What goes into the query's filter: a report id as a string, a section title, 'none' for no RAG… */
  value: string;
  label: string;
  count: number;
}

interface FacetSql {
  /** The filter this facet sets, left out of its own counts so its other values stay visible. */
  filter: FindingFilter;
  value: string;
  label: string;
  join?: string;
  order: string;
}

const FACETS: Record<FacetName, FacetSql> = {
  report: { filter: 'reportIds', value: 'CAST(f.report_id AS TEXT)', label: "r.force || ' ' || r.year", order: 'label' },
  section: { filter: 'sections', value: 'f.section', label: 'f.section', order: 'min(f.report_id), min(f.ordinal)' },
  kind: { filter: 'kinds', value: 'f.kind', label: 'f.kind', order: 'count DESC, label' },
  tag: { filter: 'tags', value: 't.value', label: 't.value', join: "JOIN json_each(coalesce(a.tags, '[]')) t", order: 'count DESC, label' },
  status: {
    filter: 'statuses',
    value: "coalesce(a.status, 'new')",
    label: "coalesce(a.status, 'new')",
    order: "CASE value WHEN 'new' THEN 1 WHEN 'reviewed' THEN 2 WHEN 'flagged' THEN 3 ELSE 4 END",
  },
  rag: {
    filter: 'rags',
    value: "coalesce(a.rag, 'none')",
    label: "coalesce(a.rag, 'none')",
    order: "CASE value WHEN 'red' THEN 1 WHEN 'amber' THEN 2 WHEN 'green' THEN 3 ELSE 4 END",
  },
};

/**
 * Counts for the facet panel, as SQL GROUP BY (AG Grid Community has no set filter). Each facet's
 * counts apply every other filter but not its own, so ticking "Concern" narrows the sections and
 * reports while the other kinds stay listed with what choosing them would give.
 */
export function readFacets(db: SqlDatabase, q: FindingsQuery, limit = 200): Record<FacetName, FacetCount[]> {
  const out = {} as Record<FacetName, FacetCount[]>;
  for (const name of FACET_NAMES) {
    const f = FACETS[name];
    const w = findingsWhere(q, f.filter);
    const sql = `SELECT ${f.value} AS value, ${f.label} AS label, count(DISTINCT f.id) AS count
      ${FINDINGS_FROM} ${f.join ?? ''} ${w.sql} GROUP BY value ORDER BY ${f.order} LIMIT ?`;
    out[name] = all(db, sql, [...w.params, limit]).map((r) => ({ value: String(r.value), label: String(r.label), count: Number(r.count) }));
  }
  return out;
}
