import { all, transaction, type SqlDatabase } from '../db/sql-db';
import { CRITERIA, type SampleRow } from './fields';
import type { SampleError } from './validate';

export interface SampleImportOptions {
  sourceName: string;
  /** Generated for illustration, not real review data: labelled wherever it is shown. */
  synthetic: boolean;
  reportId?: number | null;
}

export type SampleImportResult = { ok: true; imported: number } | { ok: false; errors: SampleError[] };

/**
 * Stores validated sample rows in one transaction. A case already scored by the same reviewer in
 * this workspace refuses the whole file, like any other error.
 */
export function importSamples(db: SqlDatabase, rows: SampleRow[], opts: SampleImportOptions): SampleImportResult {
  const existing = new Set(
    all<{ k: string }>(db, 'SELECT force || char(0) || lower(case_ref) || char(0) || lower(reviewer) AS k FROM review_samples').map(
      (r) => r.k,
    ),
  );
  const clashes = rows.filter((r) => existing.has(`${r.force}\u0000${r.caseRef.toLowerCase()}\u0000${r.reviewer.toLowerCase()}`));
  if (clashes.length) {
    return {
      ok: false,
      errors: clashes.map((r) => ({
        row: r.sourceRow,
        column: 'case reference',
        value: r.caseRef,
        message: `case ${r.caseRef} scored by ${r.reviewer} is already in this workspace (${r.force}); nothing was imported`,
      })),
    };
  }
  const columns = [
    'report_id',
    'force',
    'case_ref',
    'crime_type',
    'date_recorded',
    'reviewer',
    ...CRITERIA.map((c) => c.key),
    'outcome',
    'note',
    'synthetic',
    'source_name',
    'source_row',
  ];
  transaction(db, () => {
    const stmt = db.prepare(`INSERT INTO review_samples (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    try {
      for (const r of rows) {
        stmt.run([
          opts.reportId ?? null,
          r.force,
          r.caseRef,
          r.crimeType,
          r.dateRecorded,
          r.reviewer,
          ...CRITERIA.map((c) => r.scores[c.key]),
          r.outcome || null,
          r.note || null,
          opts.synthetic ? 1 : 0,
          opts.sourceName,
          r.sourceRow,
        ]);
      }
    } finally {
      stmt.free();
    }
  });
  return { ok: true, imported: rows.length };
}
