import { all, type SqlDatabase } from '../../db/sql-db';
import { fieldSpec, type Columns, type CorrectionTarget } from '../../corrections/fields';
import type { Correction } from '../model/metrics';

/** The corrections of these items, by item id, in the order they were made. Ids go in batches of bound parameters. */
export function readCorrections(db: SqlDatabase, target: CorrectionTarget, ids: readonly number[]): Map<number, Correction[]> {
  const out = new Map<number, Correction[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    const rows = all(
      db,
      `SELECT target_id, field, value, extracted, author, at FROM corrections
       WHERE target_type = ? AND target_id IN (${batch.map(() => '?').join(', ')}) ORDER BY id`,
      [target, ...batch],
    );
    for (const r of rows) {
      const spec = fieldSpec(target, String(r.field));
      if (!spec) continue;
      const id = Number(r.target_id);
      const list = out.get(id) ?? [];
      list.push({
        field: String(r.field),
        label: spec.label,
        extracted: spec.show(JSON.parse(String(r.extracted)) as Columns),
        value: spec.show(JSON.parse(String(r.value)) as Columns),
        author: String(r.author),
        at: String(r.at),
      });
      out.set(id, list);
    }
  }
  return out;
}
