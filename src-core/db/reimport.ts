import { derive, setColumns } from '../corrections/apply';
import { EditError } from '../workspace/edit-support';
import { CORRECTABLE, fieldSpec, type Columns, type CorrectionTarget, type ItemRow } from '../corrections/fields';
import type { Extraction } from '../extract/types';
import { sourceHash, sourceSize, writeReport, type ImportSource, type RowIds } from './import-report';
import { all, one, transaction, type Row, type SqlDatabase, type SqlValue } from './sql-db';

/**
 * Replacing a report with a new extraction of the same report (a better copy of the file, or the
 * same file read by a newer extractor) without losing the analyst's layer on it. Rows are anchored
 * by content, never by row id: a figure by its quote and label, a grade by its question, a finding
 * by its text and section, an area for improvement by its text, a warning by its code and message
 * (whitespace normalised; the extracted values, not the corrected ones, since the new reading is
 * compared with the old reading). A matched row keeps its id, so its history stays its own; what
 * the analyst did to it is applied again through the same columns a correction sets
 * (../corrections/fields.ts). Whatever does not match is listed for the analyst and kept in the
 * report's history (audit rows 'not-carried-over'): nothing is dropped silently.
 *
 * A correction whose value the new reading already has is still recorded: the analyst did check
 * it, and the item's history ("corrected from … by …") stays true.
 */

export interface ReviewItem {
  what: 'Report' | 'Figure' | 'Grade' | 'Finding' | 'Area for improvement' | 'Warning' | 'Figure annotation' | 'Finding annotation';
  label: string;
  detail: string;
}

export interface ReplaceResult {
  status: 'replaced';
  reportId: number;
  title: string;
  /** Corrections, verifications, annotations, added figures and dismissals carried over. */
  kept: number;
  /** Each one not carried over, in words; each is also kept in the report's history. */
  toReview: ReviewItem[];
  previousHash: string;
  contentHash: string;
}

export class ReplaceError extends Error {
  override readonly name = 'ReplaceError';
}

/** The audit field under which an item not carried over is kept (its JSON in new_value). */
export const NOT_CARRIED_OVER = 'not-carried-over';

interface Correction {
  target_type: CorrectionTarget;
  target_id: number;
  field: string;
  input: string;
  value: string;
  extracted: string;
  author: string;
  at: string;
}

/** One row of the replaced report: as it stands (`now`) and as it was extracted (`ex`, its anchor). */
interface OldRow {
  id: number;
  now: Row;
  ex: Row;
}

type Table = 'metrics' | 'judgments' | 'findings' | 'areas_for_improvement' | 'extraction_warnings';

const TABLES: Record<Table, { target: string; anchor: (r: Row) => string; refs: [string, string][] }> = {
  metrics: { target: 'metric', anchor: (r) => `${norm(r.quote)}\u0000${norm(r.label)}`, refs: [] },
  judgments: { target: 'judgment', anchor: (r) => norm(r.question), refs: [] },
  findings: {
    target: 'finding',
    anchor: (r) => `${norm(r.text)}\u0000${norm(r.section)}`,
    refs: [
      ['finding_footnotes', 'finding_id'],
      ['areas_for_improvement', 'finding_id'],
    ],
  },
  areas_for_improvement: { target: 'area', anchor: (r) => norm(r.text), refs: [['areas_for_improvement', 'parent_id']] },
  // A warning's message says where it was raised ("(line 331)", "(page 12, line 478)"), which
  // differs between a file and its PDF: the anchor leaves the position out.
  extraction_warnings: {
    target: 'extraction_warning',
    anchor: (r) => `${String(r.code)}\u0000${norm(r.message).replace(/ ?\((?:page \d+, )?line \d+\)/g, '')}`,
    refs: [],
  },
};

const norm = (v: SqlValue | undefined) =>
  String(v ?? '')
    .replace(/\s+/g, ' ')
    .trim();
const excerpt = (v: SqlValue | undefined, n = 80) => {
  const s = norm(v);
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
};
const day = (at: SqlValue | undefined) => String(at ?? '').slice(0, 10);

export async function replaceReport(
  db: SqlDatabase,
  ex: Extraction,
  source: ImportSource,
  stamp: { author: string; at: string },
  now = new Date(),
): Promise<ReplaceResult> {
  const hash = await sourceHash(source);
  return transaction(db, () => replaceIn(db, ex, { name: source.name, hash, size: sourceSize(source) }, stamp, now));
}

/** The report a file would replace: the same report by identity, else the same file read again. */
export function replacedReport(db: SqlDatabase, ex: Extraction, name: string, hash: string): number {
  const r = ex.report;
  const sameReport = one<{ id: number }>(
    db,
    'SELECT id FROM reports WHERE force = ? AND programme = ? AND coalesce(period, CAST(year AS TEXT)) = ?',
    [r.force, r.programme, r.period],
  );
  const sameFile = one<{ id: number }>(db, 'SELECT id FROM reports WHERE content_hash = ?', [hash]);
  if (sameReport && sameFile && sameReport.id !== sameFile.id)
    throw new ReplaceError(`${name} is one report's file but reads as another (${r.title} – ${r.force}); nothing was replaced.`);
  const id = sameReport?.id ?? sameFile?.id;
  if (id === undefined || id === null)
    throw new ReplaceError(`${r.title} – ${r.force} is not in this workspace, so there is nothing to replace; import it instead.`);
  return Number(id);
}

function replaceIn(
  db: SqlDatabase,
  ex: Extraction,
  file: { name: string; hash: string; size: number },
  stamp: { author: string; at: string },
  now: Date,
): ReplaceResult {
  const reportId = replacedReport(db, ex, file.name, file.hash);
  const previousHash = String(one(db, 'SELECT content_hash FROM reports WHERE id = ?', [reportId])?.content_hash);

  // 1. The analyst's layer, captured before the rows go (the annotations_follow_findings trigger
  //    drops a finding's annotation with it).
  const corrections = all(db, 'SELECT * FROM corrections WHERE report_id = ? ORDER BY id', [reportId]) as unknown as Correction[];
  const correctionsOf = (target: CorrectionTarget, id: SqlValue | undefined) =>
    corrections.filter((c) => c.target_type === target && c.target_id === Number(id));
  const old = {} as Record<Table, OldRow[]>;
  for (const table of Object.keys(TABLES) as Table[]) {
    const target = TABLES[table].target as CorrectionTarget;
    old[table] = all(db, `SELECT * FROM ${table} WHERE report_id = ? ORDER BY id`, [reportId]).map((row) => ({
      id: Number(row.id),
      now: row,
      // Anchored by what was extracted: the columns a correction set are read from what it kept.
      ex: Object.assign({}, row, ...correctionsOf(target, row.id).map((c) => JSON.parse(c.extracted) as Columns)) as Row,
    }));
  }
  const annotations = all(
    db,
    `SELECT * FROM annotations WHERE (target_type = 'finding' AND target_id IN (SELECT id FROM findings WHERE report_id = ?))
       OR (target_type = 'metric' AND target_id IN (SELECT id FROM metrics WHERE report_id = ?))`,
    [reportId, reportId],
  );
  const samples = all(db, 'SELECT id FROM review_samples WHERE report_id = ?', [reportId]).map((s) => Number(s.id));

  // 2. Out with the old rows (every table cascades from reports; a figure's annotation does not).
  db.run("DELETE FROM annotations WHERE target_type = 'metric' AND target_id IN (SELECT id FROM metrics WHERE report_id = ?)", [reportId]);
  db.run('DELETE FROM reports WHERE id = ?', [reportId]);

  // 3. In with the new, numbered above every id ever used, then matched rows take their old ids.
  const next = nextIds(db, old);
  const written = writeReport(db, ex, file, now, { reportId, next });
  // A finding or area renumbered is pointed at by rows renumbered a moment later: checked at commit.
  db.exec('PRAGMA defer_foreign_keys = ON');
  const matched = {} as Record<Table, Set<number>>;
  for (const table of Object.keys(TABLES) as Table[]) matched[table] = matchAndRenumber(db, table, reportId, old[table]);

  // 4. The analyst's layer again, or a line for the analyst.
  const toReview: ReviewItem[] = [];
  let kept = 0;
  const review = (item: ReviewItem, data: unknown) => {
    toReview.push(item);
    db.run('INSERT INTO audit_log (at, author, target_type, target_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, NULL, ?)', [
      stamp.at,
      stamp.author,
      'report',
      reportId,
      NOT_CARRIED_OVER,
      JSON.stringify({ ...item, data }),
    ]);
  };
  const carry = (what: ReviewItem['what'], label: string, target: CorrectionTarget, id: number, c: Correction, gone: string | null) => {
    const field = fieldSpec(target, c.field);
    const why = gone ?? (field ? reapplyCorrection(db, target, id, c) : `the field “${c.field}” no longer exists`);
    if (why === null) kept++;
    else review({ what, label, detail: `correction of ${field?.label ?? c.field} to ${c.input}: ${why}` }, c);
  };

  for (const c of correctionsOf('report', reportId)) carry('Report', written.title, 'report', reportId, c, null);

  for (const { id, now: now_, ex: m } of old.metrics) {
    const label = norm(now_.label);
    const annotation = annotations.find((a) => a.target_type === 'metric' && a.target_id === id);
    if (now_.added_by !== null) {
      // A figure the analyst added is theirs, whatever the new reading: back as it was, with its checks.
      const cols = Object.keys(now_);
      db.run(
        `INSERT INTO metrics (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
        cols.map((c) => now_[c] ?? null),
      );
      for (const c of correctionsOf('metric', id)) insertCorrection(db, reportId, c);
      if (annotation) reinsertAnnotation(db, annotation);
      kept += 1;
      continue;
    }
    const gone = matched.metrics.has(id) ? null : 'its quote is no longer in the report';
    for (const c of correctionsOf('metric', id)) carry('Figure', label, 'metric', id, c, gone);
    if (now_.verified === 1) {
      const changed =
        gone ?? changedReading(db, 'metrics', id, m, correctionsOf('metric', id), ['force', 'englandWales', 'unit', 'period']);
      if (changed === null) {
        db.run('UPDATE metrics SET verified = 1, verified_by = ?, verified_at = ? WHERE id = ?', [
          now_.verified_by ?? null,
          now_.verified_at ?? null,
          id,
        ]);
        kept++;
      } else
        review({ what: 'Figure', label, detail: `verified by ${String(now_.verified_by)} on ${day(now_.verified_at)}: ${changed}` }, now_);
    }
    if (annotation) {
      if (gone === null) {
        reinsertAnnotation(db, annotation);
        kept++;
      } else review({ what: 'Figure annotation', label, detail: `${annotationWords(annotation)}: ${gone}` }, annotation);
    }
  }

  for (const { id, now: now_, ex: j } of old.judgments) {
    const label = norm(j.question);
    const gone = matched.judgments.has(id) ? null : 'its question is no longer in the report';
    for (const c of correctionsOf('judgment', id)) carry('Grade', label, 'judgment', id, c, gone);
    if (now_.verified === 1) {
      const changed = gone ?? changedReading(db, 'judgments', id, j, correctionsOf('judgment', id), ['grade']);
      if (changed === null) {
        db.run('UPDATE judgments SET verified = 1, verified_by = ?, verified_at = ? WHERE id = ?', [
          now_.verified_by ?? null,
          now_.verified_at ?? null,
          id,
        ]);
        kept++;
      } else
        review({ what: 'Grade', label, detail: `verified by ${String(now_.verified_by)} on ${day(now_.verified_at)}: ${changed}` }, now_);
    }
  }

  for (const { id, ex: f } of old.findings) {
    const label = excerpt(f.text);
    const gone = matched.findings.has(id) ? null : 'its text is no longer in the report';
    for (const c of correctionsOf('finding', id)) carry('Finding', label, 'finding', id, c, gone);
    const annotation = annotations.find((a) => a.target_type === 'finding' && a.target_id === id);
    if (annotation) {
      if (gone === null) {
        reinsertAnnotation(db, annotation);
        kept++;
      } else review({ what: 'Finding annotation', label, detail: `${annotationWords(annotation)}: ${gone}` }, annotation);
    }
  }

  for (const { id, ex: a } of old.areas_for_improvement) {
    const gone = matched.areas_for_improvement.has(id) ? null : 'its text is no longer in the report';
    for (const c of correctionsOf('area', id)) carry('Area for improvement', excerpt(a.text), 'area', id, c, gone);
  }

  for (const { id, now: now_, ex: w } of old.extraction_warnings) {
    if (now_.checked !== 1) continue;
    if (matched.extraction_warnings.has(id)) {
      db.run('UPDATE extraction_warnings SET checked = 1, checked_by = ?, checked_at = ?, reason = ? WHERE id = ?', [
        now_.checked_by ?? null,
        now_.checked_at ?? null,
        now_.reason ?? null,
        id,
      ]);
      kept++;
    } else {
      const why = now_.reason ? ` (“${String(now_.reason)}”)` : '';
      review(
        {
          what: 'Warning',
          label: excerpt(w.message),
          detail: `dismissed${why} by ${String(now_.checked_by)}: the new reading no longer raises it`,
        },
        now_,
      );
    }
  }

  // Samples are not per report: the ones that pointed at it point at it again.
  for (const s of samples) db.run('UPDATE review_samples SET report_id = ? WHERE id = ?', [reportId, s]);
  db.run(
    "INSERT INTO audit_log (at, author, target_type, target_id, field, old_value, new_value) VALUES (?, ?, 'report', ?, 'replaced', ?, ?)",
    [stamp.at, stamp.author, reportId, previousHash, file.hash],
  );
  return { status: 'replaced', reportId, title: written.title, kept, toReview, previousHash, contentHash: file.hash };
}

/** Ids above any the table holds, held (the rows just deleted) or the audit trail has ever named. */
function nextIds(db: SqlDatabase, old: Record<Table, OldRow[]>): RowIds['next'] {
  const last = new Map<Table, number>();
  return (table) => {
    let n = last.get(table);
    if (n === undefined) {
      const inTable = Number(one(db, `SELECT coalesce(max(id), 0) AS n FROM ${table}`)?.n ?? 0);
      const audited = Number(
        one(db, 'SELECT coalesce(max(target_id), 0) AS n FROM audit_log WHERE target_type = ?', [TABLES[table].target])?.n ?? 0,
      );
      n = Math.max(inTable, audited, ...old[table].map((r) => r.id));
    }
    last.set(table, n + 1);
    return n + 1;
  };
}

/** Pairs old rows with new by anchor (in order, when several share one) and gives each new row its old id. */
function matchAndRenumber(db: SqlDatabase, table: Table, reportId: number, oldRows: OldRow[]): Set<number> {
  const spec = TABLES[table];
  const fresh = new Map<string, number[]>();
  const extracted = table === 'metrics' ? ' AND added_by IS NULL' : '';
  for (const row of all(db, `SELECT * FROM ${table} WHERE report_id = ?${extracted} ORDER BY id`, [reportId])) {
    const key = spec.anchor(row);
    fresh.set(key, [...(fresh.get(key) ?? []), Number(row.id)]);
  }
  const matched = new Set<number>();
  for (const row of oldRows) {
    if (table === 'metrics' && row.now.added_by !== null) continue;
    const newId = fresh.get(spec.anchor(row.ex))?.shift();
    if (newId === undefined) continue;
    const oldId = row.id;
    // The old id is free (its row is gone) and no new row holds it (they are numbered above it).
    db.run(`UPDATE ${table} SET id = ? WHERE id = ?`, [oldId, newId]);
    for (const [refTable, column] of spec.refs) db.run(`UPDATE ${refTable} SET ${column} = ? WHERE ${column} = ?`, [oldId, newId]);
    matched.add(oldId);
  }
  return matched;
}

/** Re-reads what the analyst typed against the new row; null when applied, else why not, in words. */
function reapplyCorrection(db: SqlDatabase, target: CorrectionTarget, id: number, c: Correction): string | null {
  const spec = CORRECTABLE[target];
  const field = fieldSpec(target, c.field);
  if (!field) return `the field “${c.field}” no longer exists`;
  const row = one(db, `SELECT t.*, r.scale AS scale FROM ${spec.table} t JOIN reports r ON r.id = t.${spec.reportColumn} WHERE t.id = ?`, [
    id,
  ]) as ItemRow | undefined;
  if (!row) return 'the item is no longer in the report';
  const parsed = field.parse(c.input, row);
  if (!parsed.ok) return parsed.message;
  const extracted = Object.fromEntries(field.columns.map((col) => [col, row[col] ?? null]));
  // As a correction is applied (../corrections/apply.ts): its columns, then what is worked out from
  // them (a report's title, its overall grade); a clash with another report is said, not thrown.
  try {
    setColumns(db, spec.table, id, parsed.value);
  } catch (e) {
    if (e instanceof EditError) return e.message;
    throw e;
  }
  derive(db, target, id, Number(row[spec.reportColumn]));
  insertCorrection(db, Number(row[spec.reportColumn]), {
    ...c,
    target_id: id,
    value: JSON.stringify(parsed.value),
    extracted: JSON.stringify(extracted),
  });
  return null;
}

function insertCorrection(db: SqlDatabase, reportId: number, c: Correction) {
  db.run(
    'INSERT INTO corrections (report_id, target_type, target_id, field, input, value, extracted, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [reportId, c.target_type, c.target_id, c.field, c.input, c.value, c.extracted, c.author, c.at],
  );
}

/**
 * A verification holds for the value that was checked: when the new reading of a field the analyst
 * did not correct differs from the old reading, it is theirs to check again. Null when nothing differs.
 */
function changedReading(
  db: SqlDatabase,
  table: 'metrics' | 'judgments',
  id: number,
  oldRow: Row,
  corrected: Correction[],
  fields: string[],
) {
  const target = table === 'metrics' ? 'metric' : 'judgment';
  const now = one(db, `SELECT * FROM ${table} WHERE id = ?`, [id]) ?? {};
  const changes: string[] = [];
  for (const name of fields) {
    const field = fieldSpec(target, name);
    if (!field || corrected.some((c) => c.field === name)) continue;
    const was = field.show(oldRow as Columns);
    const is = field.show(now as Columns);
    if (was !== is) changes.push(`${field.label} ${was} → ${is}`);
  }
  return changes.length ? `the new reading differs (${changes.join('; ')})` : null;
}

function reinsertAnnotation(db: SqlDatabase, a: Row) {
  const cols = Object.keys(a).filter((c) => c !== 'id');
  db.run(
    `INSERT INTO annotations (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
    cols.map((c) => a[c] ?? null),
  );
}

function annotationWords(a: Row): string {
  const parts: string[] = [];
  if (a.status !== 'new') parts.push(`status ${String(a.status)}`);
  const tags = JSON.parse(String(a.tags ?? '[]')) as string[];
  if (tags.length) parts.push(`tags ${tags.join(', ')}`);
  if (a.rag) parts.push(`RAG ${String(a.rag)}`);
  if (a.note) parts.push(`note “${excerpt(a.note, 60)}”`);
  if (a.include_in_brief === 1) parts.push('in the brief');
  if (a.kind_override) parts.push(`kind ${String(a.kind_override)}`);
  return parts.length ? `annotation (${parts.join('; ')})` : 'annotation';
}
