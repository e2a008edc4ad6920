import { insert, one, type SqlDatabase, type SqlValue } from '../db/sql-db';
import { programmePillar } from '../extract/questions';
import { titleOf } from '../extract/report-meta';
import { audit, EditError } from '../workspace/edit-support';
import type { EditParams, UnstampedEdit } from '../workspace/edits';
import { CORRECT_FIELD, CORRECTABLE, fieldSpec, WITHDRAW_FIELD, type Columns, type ItemRow } from './fields';
import { parseFigure, parseFigurePeriod, parseText } from './values';

/**
 * The edits of an analyst's check against the source: a correction of an extracted field, a grade
 * verified, a figure added from the source or removed again. Each is applied inside the session's
 * transaction (src-core/workspace/session.ts), audited, and returns the edit that undoes it.
 */

const pick = (row: Record<string, SqlValue>, columns: readonly string[]): Columns =>
  Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));

/** Sets an item's columns; a clash with another report's identity is refused in words. */
export function setColumns(db: SqlDatabase, table: string, id: number, cols: Columns) {
  const names = Object.keys(cols);
  try {
    db.run(`UPDATE ${table} SET ${names.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [...names.map((c) => cols[c] ?? null), id]);
  } catch (e) {
    // The one constraint a correction can meet: a report's force, programme and period are another's.
    if (String(e).includes('UNIQUE')) throw new EditError('Another report in this workspace already has that force, programme and period.');
    throw e;
  }
}

export function correctItem(db: SqlDatabase, p: EditParams<'item.correct'>): UnstampedEdit {
  const target = CORRECTABLE[p.target];
  const field = fieldSpec(p.target, p.field);
  if (!field) throw new EditError(`A ${target.noun} has no field “${p.field}” to correct.`);
  const row = one(
    db,
    `SELECT t.*, r.scale AS scale FROM ${target.table} t JOIN reports r ON r.id = t.${target.reportColumn} WHERE t.id = ?`,
    [p.id],
  ) as ItemRow | undefined;
  if (!row) throw new EditError(`There is no ${target.noun} ${p.id} in this workspace.`);
  const reportId = Number(row[target.reportColumn]);
  const current = pick(row, field.columns);
  const prior = one<{ input: string; extracted: string; author: string; at: string }>(
    db,
    'SELECT input, extracted, author, at FROM corrections WHERE target_type = ? AND target_id = ? AND field = ?',
    [p.target, p.id, p.field],
  );
  const extracted = prior ? (JSON.parse(String(prior.extracted)) as Columns) : current;
  // Undoing puts back the correction that was there, with who made it and when, not the undoer.
  const undo = (value: string | null): UnstampedEdit => ({
    op: 'item.correct',
    params: {
      target: p.target,
      id: p.id,
      field: p.field,
      value,
      ...(value !== null && prior ? { was: { author: String(prior.author), at: String(prior.at) } } : {}),
    },
  });

  const parsed = p.value === null ? null : field.parse(p.value, row);
  if (parsed && !parsed.ok) throw new EditError(parsed.message);
  // Typing the extracted value back is withdrawing the correction: a figure "corrected from 1 to 1" would count as corrected.
  const backToExtracted = parsed !== null && sameColumns(parsed.value, extracted);
  if (backToExtracted && !prior) throw new EditError(`That is the ${field.label.toLowerCase()} as extracted: there is nothing to correct.`);

  if (parsed === null || backToExtracted) {
    if (!prior) throw new EditError(`This ${target.noun}'s ${field.label.toLowerCase()} has no correction to withdraw.`);
    setColumns(db, target.table, p.id, extracted);
    derive(db, p.target, p.id, reportId);
    db.run('DELETE FROM corrections WHERE target_type = ? AND target_id = ? AND field = ?', [p.target, p.id, p.field]);
    audit(db, p, p.target, p.id, WITHDRAW_FIELD + p.field, field.show(current), field.show(extracted));
    return undo(String(prior.input));
  }

  setColumns(db, target.table, p.id, parsed.value);
  derive(db, p.target, p.id, reportId);
  db.run(
    `INSERT INTO corrections (report_id, target_type, target_id, field, input, value, extracted, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (target_type, target_id, field) DO UPDATE SET input = excluded.input, value = excluded.value, author = excluded.author, at = excluded.at`,
    [
      reportId,
      p.target,
      p.id,
      p.field,
      p.value,
      JSON.stringify(parsed.value),
      JSON.stringify(extracted),
      p.was?.author ?? p.author,
      p.was?.at ?? p.at,
    ],
  );
  audit(db, p, p.target, p.id, CORRECT_FIELD + p.field, field.show(current), field.show(parsed.value));
  return undo(prior ? String(prior.input) : null);
}

const sameColumns = (a: Columns, b: Columns) => Object.keys(a).every((k) => (a[k] ?? null) === (b[k] ?? null));

/**
 * What is worked out from corrected columns: a report's title from its programme and period (never
 * stored as a correction of its own, so withdrawing one of them cannot bring back a title built from
 * the other's old value), and its overall grade from its judgments.
 */
export function derive(db: SqlDatabase, target: string, id: number, reportId: number) {
  if (target === 'report') {
    const r = one<{ programme: string; period: string }>(db, 'SELECT programme, period FROM reports WHERE id = ?', [id]);
    if (r) db.run('UPDATE reports SET title = ? WHERE id = ?', [titleOf(String(r.programme), String(r.period)), id]);
  }
  if (target === 'judgment' || target === 'report') syncOverallGrade(db, reportId);
}

/** Each change applied in turn in the session's one transaction; the undo takes them back in the reverse order. */
export function correctMany(db: SqlDatabase, p: EditParams<'item.correctMany'>): UnstampedEdit {
  const fields = new Set(p.changes.map((c) => c.field));
  if (fields.size !== p.changes.length) throw new EditError('A field is corrected once in one step.');
  const undone = p.changes.map((c) => {
    const inverse = correctItem(db, { target: p.target, id: p.id, field: c.field, value: c.value, was: c.was, author: p.author, at: p.at });
    const { field, value, was } = inverse.params as { field: string; value: string | null; was?: { author: string; at: string } };
    return { field, value, ...(was ? { was } : {}) };
  });
  return { op: 'item.correctMany', params: { target: p.target, id: p.id, changes: undone.reverse() } };
}

/**
 * A report's overall grade is its overall judgment's, chosen as the import chose it
 * (src-core/db/import-report.ts): its own pillar's, else the first pillar's it states. Worked out
 * again when a grade is corrected or the correction withdrawn, so every view and pack agrees.
 */
export function syncOverallGrade(db: SqlDatabase, reportId: number) {
  const report = one<{ programme: string }>(db, 'SELECT programme FROM reports WHERE id = ?', [reportId]);
  const own = programmePillar(String(report?.programme ?? ''));
  const overall = one<{ grade: string }>(
    db,
    'SELECT grade FROM judgments WHERE report_id = ? AND is_overall = 1 ORDER BY (pillar IS ?) DESC, id LIMIT 1',
    [reportId, own],
  );
  if (overall) db.run('UPDATE reports SET overall_grade = ? WHERE id = ?', [overall.grade, reportId]);
}

/**
 * An item ticked verified against the source, or the tick taken back, with who and when: a figure
 * (metric.verify, src-core/workspace/edits.ts) or a grade. Resolves whether it was ticked before.
 */
export function setVerified(
  db: SqlDatabase,
  item: { table: 'metrics' | 'judgments'; target: 'metric' | 'judgment'; id: number; missing: string },
  p: { verified: boolean; author: string; at: string },
): boolean {
  const before = one(db, `SELECT verified FROM ${item.table} WHERE id = ?`, [item.id]);
  if (!before) throw new EditError(item.missing);
  db.run(`UPDATE ${item.table} SET verified = ?, verified_by = ?, verified_at = ? WHERE id = ?`, [
    p.verified ? 1 : 0,
    p.verified ? p.author : null,
    p.verified ? p.at : null,
    item.id,
  ]);
  audit(db, p, item.target, item.id, 'verified', before.verified, p.verified ? 1 : 0);
  return before.verified === 1;
}

export function verifyJudgment(db: SqlDatabase, p: EditParams<'judgment.verify'>): UnstampedEdit {
  const item = {
    table: 'judgments',
    target: 'judgment',
    id: p.judgmentId,
    missing: `There is no grade ${p.judgmentId} in this workspace.`,
  } as const;
  return { op: 'judgment.verify', params: { judgmentId: p.judgmentId, verified: setVerified(db, item, p) } };
}

/** A figure read off the source by the analyst: its values are checked as a correction's are. */
export function addFigure(db: SqlDatabase, p: EditParams<'metric.add'>): UnstampedEdit {
  if (!one(db, 'SELECT 1 AS x FROM reports WHERE id = ?', [p.reportId]))
    throw new EditError(`There is no report ${p.reportId} in this workspace.`);
  const label = parseText(p.label, 'label');
  const unit = parseText(p.unit, 'unit', 120);
  const force = parseFigure(p.force);
  // England and Wales may be left empty: many figures have no comparator.
  const ew = p.englandWales.trim() === '' ? { ok: true as const, value: { value: null, text: '' } } : parseFigure(p.englandWales);
  const period = p.period === null || p.period.trim() === '' ? { ok: true as const, value: null } : parseFigurePeriod(p.period);
  for (const r of [label, unit, force, ew, period]) if (!r.ok) throw new EditError(r.message);
  if (!label.ok || !unit.ok || !force.ok || !ew.ok || !period.ok) throw new EditError('unreachable');
  if (p.id !== undefined && one(db, 'SELECT 1 AS x FROM metrics WHERE id = ?', [p.id]))
    throw new EditError(`Figure ${p.id} is already in this workspace.`);
  // A new figure never takes the id of one removed before it: its history (the audit log, by id) is that figure's.
  const fresh = one<{ id: number }>(
    db,
    "SELECT max(coalesce((SELECT max(id) FROM metrics), 0), coalesce((SELECT max(target_id) FROM audit_log WHERE target_type = 'metric'), 0)) + 1 AS id",
  );
  const id0 = p.id ?? Number(fresh?.id ?? 1);
  const id = insert(
    db,
    `INSERT INTO metrics (id, report_id, category, label, unit, period, force_value, force_text, ew_value, ew_text, source, quote, page, line, added_by, added_at)
     VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 'text', ?, ?, ?, ?, ?)`,
    [
      id0,
      p.reportId,
      label.value,
      unit.value,
      period.value,
      force.value.value,
      force.value.text,
      ew.value.value,
      ew.value.text,
      p.quote,
      p.page,
      p.line,
      p.was?.author ?? p.author,
      p.was?.at ?? p.at,
    ],
  );
  audit(db, p, 'metric', id, 'added', null, `${label.value}: ${force.value.text}`);
  return { op: 'metric.remove', params: { metricId: id } };
}

export function removeFigure(db: SqlDatabase, p: EditParams<'metric.remove'>): UnstampedEdit {
  const m = one(db, 'SELECT * FROM metrics WHERE id = ?', [p.metricId]);
  if (!m) throw new EditError(`There is no figure ${p.metricId} in this workspace.`);
  if (m.added_by === null) throw new EditError('Only a figure an analyst added can be removed; an extracted figure is corrected instead.');
  // Nothing goes with it: a figure that carries the analyst's work keeps it until they clear it.
  const corrected = one(db, "SELECT 1 AS x FROM corrections WHERE target_type = 'metric' AND target_id = ?", [p.metricId]);
  const annotated = one(db, "SELECT 1 AS x FROM annotations WHERE target_type = 'metric' AND target_id = ?", [p.metricId]);
  if (corrected || annotated || m.verified === 1)
    throw new EditError(
      'This figure has been verified, corrected or annotated: untick Verified, withdraw its corrections and clear its annotations first, so that nothing is removed with it.',
    );
  db.run('DELETE FROM metrics WHERE id = ?', [p.metricId]);
  audit(db, p, 'metric', p.metricId, 'removed', `${String(m.label)}: ${String(m.force_text)}`, null);
  return {
    op: 'metric.add',
    params: {
      id: p.metricId,
      reportId: Number(m.report_id),
      label: String(m.label),
      unit: String(m.unit),
      period: m.period === null ? null : String(m.period),
      force: String(m.force_text),
      englandWales: String(m.ew_text),
      quote: String(m.quote),
      page: m.page === null ? null : Number(m.page),
      line: Number(m.line),
      was: { author: String(m.added_by), at: String(m.added_at) },
    },
  };
}
