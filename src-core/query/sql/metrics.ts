import { all, type SqlDatabase, type SqlValue } from '../../db/sql-db';
import type { MetricRow, MetricsQuery } from '../model/metrics';

const str = (v: SqlValue | undefined) => (v === null || v === undefined ? null : String(v));
const num = (v: SqlValue | undefined) => (typeof v === 'number' ? v : null);
// Floating-point subtraction prints 56.00000000001 otherwise; reports print at most 2 decimals.
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Metrics with their comparison worked out, in report order. Every value is a bound parameter. */
export function readMetrics(db: SqlDatabase, q: MetricsQuery = {}): MetricRow[] {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  if (q.reportIds?.length) {
    clauses.push(`m.report_id IN (${q.reportIds.map(() => '?').join(', ')})`);
    params.push(...q.reportIds);
  }
  if (q.source) {
    clauses.push('m.source = ?');
    params.push(q.source);
  }
  if (q.verified !== undefined) {
    clauses.push('m.verified = ?');
    params.push(q.verified ? 1 : 0);
  }
  if (q.includeInBrief !== undefined) {
    clauses.push('coalesce(a.include_in_brief, 0) = ?');
    params.push(q.includeInBrief ? 1 : 0);
  }
  for (const word of q.search?.match(/[\p{L}\p{N}]+/gu) ?? []) {
    clauses.push("(m.label || ' ' || coalesce(m.category, '') || ' ' || m.quote) LIKE ? ESCAPE '\\'");
    params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const rows = all(
    db,
    `SELECT m.*, r.force || ' ' || r.year AS report, coalesce(a.status, 'new') AS status, coalesce(a.tags, '[]') AS tags, a.rag,
       coalesce(a.note, '') AS note, coalesce(a.include_in_brief, 0) AS include_in_brief,
       (SELECT w.message FROM extraction_warnings w WHERE w.report_id = m.report_id AND w.code = 'metric-implausible'
          AND w.line = m.line AND coalesce(w.page, -1) = coalesce(m.page, -1) LIMIT 1) AS warning
     FROM metrics m JOIN reports r ON r.id = m.report_id
     LEFT JOIN annotations a ON a.target_type = 'metric' AND a.target_id = m.id
     ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
     ORDER BY m.report_id, m.source = 'text', m.id`,
    params,
  );
  return rows.map((r) => {
    const force = num(r.force_value);
    const ew = num(r.ew_value);
    const change = String(r.unit).includes('change');
    let tags: string[] = [];
    try {
      const parsed: unknown = JSON.parse(String(r.tags));
      if (Array.isArray(parsed)) tags = parsed.map(String);
    } catch {
      tags = [];
    }
    return {
      id: Number(r.id),
      reportId: Number(r.report_id),
      report: String(r.report),
      category: str(r.category),
      label: String(r.label),
      unit: String(r.unit),
      period: str(r.period),
      force,
      englandWales: ew,
      forceText: String(r.force_text),
      ewText: String(r.ew_text),
      difference: force !== null && ew !== null ? round(force - ew) : null,
      ratio: force !== null && ew !== null && ew !== 0 && !change ? round(force / ew) : null,
      source: r.source === 'text' ? 'text' : 'force-in-numbers',
      quote: String(r.quote),
      page: num(r.page),
      line: Number(r.line),
      verified: r.verified === 1,
      verifiedBy: str(r.verified_by),
      verifiedAt: str(r.verified_at),
      status: String(r.status),
      tags,
      rag: str(r.rag),
      note: String(r.note),
      includeInBrief: Number(r.include_in_brief) === 1,
      warning: str(r.warning),
    };
  });
}
