import { all, one, type SqlDatabase } from '../../db/sql-db';
import type { FindingDetail } from '../model/finding-detail';
import { FINDING_SELECT, FINDINGS_FROM, toFindingRow } from './findings';
import { readHistory } from './history';

/** Everything the detail panel shows for one finding, or null when there is no such finding. */
export function readFindingDetail(db: SqlDatabase, id: number): FindingDetail | null {
  const row = one(db, `SELECT ${FINDING_SELECT} ${FINDINGS_FROM} WHERE f.id = ?`, [id]);
  if (!row) return null;
  const extra = one(
    db,
    `SELECT f.suggested_kind, f.report_id, f.ordinal, a.kind_override FROM findings f LEFT JOIN annotations a ON a.target_type = 'finding' AND a.target_id = f.id WHERE f.id = ?`,
    [id],
  );
  const reportId = Number(extra?.report_id);
  const ordinal = Number(extra?.ordinal);
  const neighbour = (o: number) => {
    const n = one(db, 'SELECT id, text FROM findings WHERE report_id = ? AND ordinal = ?', [reportId, o]);
    return n ? { id: Number(n.id), text: String(n.text) } : null;
  };
  return {
    finding: {
      ...toFindingRow(row),
      suggestedKind: String(extra?.suggested_kind ?? ''),
      kindOverride: extra?.kind_override === null || extra?.kind_override === undefined ? null : String(extra.kind_override),
    },
    footnotes: all(
      db,
      `SELECT ff.number, fn.text, fn.page, fn.line FROM finding_footnotes ff JOIN findings f ON f.id = ff.finding_id
       LEFT JOIN footnotes fn ON fn.report_id = f.report_id AND fn.number = ff.number WHERE ff.finding_id = ? ORDER BY ff.number`,
      [id],
    ).map((r) => ({
      number: Number(r.number),
      text: r.text === null ? null : String(r.text),
      page: typeof r.page === 'number' ? r.page : null,
      line: typeof r.line === 'number' ? r.line : null,
    })),
    before: neighbour(ordinal - 1),
    after: neighbour(ordinal + 1),
    history: readHistory(db, 'finding', id),
  };
}

/** Tags already used in the workspace that start with what the analyst has typed, commonest first. */
export function readTagSuggestions(db: SqlDatabase, prefix: string, limit = 20): string[] {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  return all(
    db,
    `SELECT t.value AS tag, count(*) AS n FROM annotations a JOIN json_each(a.tags) t
     WHERE t.value LIKE ? ESCAPE '\\' GROUP BY t.value ORDER BY n DESC, t.value LIMIT ?`,
    [`${escaped}%`, limit],
  ).map((r) => String(r.tag));
}
