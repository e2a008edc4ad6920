import { z } from 'zod';
import { insert, one, type SqlDatabase, type SqlValue } from '../db/sql-db';
import { packDefinitionSchema } from '../brief/definition';
import type { JsonValue } from './journal';
import {
  ANNOTATION_DEFAULTS,
  ANNOTATION_TARGETS,
  annotationValueSchema,
  type AnnotationField,
  type AnnotationTargetType,
} from '../annotations/fields';
import { audit, EditError } from './edit-support';
import { CORRECTION_TARGETS } from '../corrections/fields';
import { addFigure, correctItem, correctMany, removeFigure, setVerified, verifyJudgment } from '../corrections/apply';

/**
 * The edits an analyst can make, as data: each is validated, applied in one SQL transaction and
 * written to the journal as {op, params}, so replaying the journal after a crash redoes exactly
 * the same change, audit rows included. Author and time travel in the params for that reason.
 */

export { EditError };

const stamp = { author: z.string().min(1).max(200), at: z.iso.datetime() };
const target = { targetType: z.enum(ANNOTATION_TARGETS), targetId: z.number().int().positive() };

const viewName = z.string().trim().min(1).max(200);
const viewDefinition = z.record(z.string(), z.unknown()).refine((d) => JSON.stringify(d).length <= 100_000, 'definition too large');

export const EDIT_SCHEMAS = {
  'annotation.set': z.intersection(z.object({ ...target, ...stamp }), annotationValueSchema),
  'metric.verify': z.object({ metricId: z.number().int().positive(), verified: z.boolean(), ...stamp }),
  /** Marks a warning checked; with a reason, the analyst dismissed it ("the report's own misprint"). */
  'warning.check': z.object({
    warningId: z.number().int().positive(),
    checked: z.boolean(),
    reason: z.string().trim().max(500).nullable().optional(),
    ...stamp,
  }),
  /**
   * Corrects one extracted field of an item (src-core/corrections/fields.ts) to what the analyst
   * typed, checked there; a null value withdraws the correction and restores the extracted value.
   */
  'item.correct': z.object({
    target: z.enum(CORRECTION_TARGETS),
    id: z.number().int().positive(),
    field: z.string().min(1).max(50),
    value: z.string().max(4000).nullable(),
    /** Undo only: who made the correction being put back, and when (the audit row still names the undoer). */
    was: z.object(stamp).optional(),
    ...stamp,
  }),
  /**
   * Several fields of one item corrected together (a value and its unit, say): one transaction, one
   * journal record, one undo step. All are applied or none is.
   */
  'item.correctMany': z.object({
    target: z.enum(CORRECTION_TARGETS),
    id: z.number().int().positive(),
    changes: z
      .array(z.object({ field: z.string().min(1).max(50), value: z.string().max(4000).nullable(), was: z.object(stamp).optional() }))
      .min(1)
      .max(12),
    ...stamp,
  }),
  'judgment.verify': z.object({ judgmentId: z.number().int().positive(), verified: z.boolean(), ...stamp }),
  /**
   * A figure the analyst read off the source (a page of pictures, a sentence the extractor missed).
   * An id re-creates a removed figure under its own id: the undo of metric.remove.
   */
  'metric.add': z.object({
    id: z.number().int().positive().optional(),
    reportId: z.number().int().positive(),
    label: z.string().max(300),
    unit: z.string().max(120),
    period: z.string().max(300).nullable(),
    force: z.string().max(50),
    englandWales: z.string().max(50),
    quote: z.string().max(2000),
    page: z.number().int().positive().nullable(),
    line: z.number().int().positive(),
    /** Undo only: who added the figure being put back, and when. */
    was: z.object(stamp).optional(),
    ...stamp,
  }),
  /** Removes a figure the analyst added (never an extracted one). */
  'metric.remove': z.object({ metricId: z.number().int().positive(), ...stamp }),
  /** Saves (or overwrites, by name) a view: its search, filters, facets, sort and columns. */
  'view.save': z.object({ name: viewName, view: z.enum(['findings', 'metrics']), definition: viewDefinition, ...stamp }),
  'view.rename': z.object({ id: z.number().int().positive(), name: viewName, ...stamp }),
  'view.delete': z.object({ id: z.number().int().positive(), ...stamp }),
  /**
   * Saves a briefing pack's definition: a new pack when id is absent, else that pack. An id that
   * is not (or no longer) in the workspace re-creates the pack under that id: this is how undoing
   * a deletion brings the pack back as it was, so the Briefing view's selection still points at it.
   */
  'pack.save': z.object({ id: z.number().int().positive().optional(), definition: packDefinitionSchema, ...stamp }),
  'pack.delete': z.object({ id: z.number().int().positive(), ...stamp }),
} as const;

/** An edit without its author and time: what undo and redo re-apply, stamped anew. */
export interface UnstampedEdit {
  op: EditOp;
  params: { [key: string]: JsonValue };
}

export type EditOp = keyof typeof EDIT_SCHEMAS;
export type EditParams<O extends EditOp> = z.infer<(typeof EDIT_SCHEMAS)[O]>;

/** Who made an edit and when: in every edit's params, added in one place (the DB client) as the edit is sent. */
export interface EditStamp {
  author: string;
  at: string;
}

// Distributes over a union (annotation.set's params are one object per field), so each field keeps its own value type.
type Unstamped<P> = P extends unknown ? Omit<P, keyof EditStamp> : never;

/** An edit's params as the code that asks for it gives them: everything but the stamp. */
export type EditInput<O extends EditOp> = O extends EditOp ? Unstamped<EditParams<O>> : never;

// Typed by the fields, so that a field added to src-core/annotations/fields.ts is not forgotten here.
const COLUMN: Record<AnnotationField, string> = {
  status: 'status',
  tags: 'tags',
  rag: 'rag',
  note: 'note',
  includeInBrief: 'include_in_brief',
  kindOverride: 'kind_override',
};
const TABLE: Record<AnnotationTargetType, string> = { finding: 'findings', metric: 'metrics', review_sample: 'review_samples' };

function toSql(field: AnnotationField, value: unknown): SqlValue {
  if (field === 'tags') return JSON.stringify(value);
  if (field === 'includeInBrief') return value ? 1 : 0;
  return value as SqlValue;
}

function fromSql(field: AnnotationField, v: SqlValue | undefined): JsonValue {
  if (v === undefined) return ANNOTATION_DEFAULTS[field];
  if (field === 'tags') return JSON.parse(String(v)) as JsonValue;
  if (field === 'includeInBrief') return v === 1;
  return v === null ? null : String(v);
}

/**
 * The row an edit is on. A finding id as journaled may be a list item that migration 006 folded
 * into the paragraph introducing it: the edit is replayed on that paragraph.
 */
function editTarget(db: SqlDatabase, targetType: EditParams<'annotation.set'>['targetType'], id: number): number {
  if (one(db, `SELECT 1 AS x FROM ${TABLE[targetType]} WHERE id = ?`, [id])) return id;
  const merged = targetType === 'finding' ? one<{ new_id: number }>(db, 'SELECT new_id FROM finding_merges WHERE old_id = ?', [id]) : null;
  if (merged) return Number(merged.new_id);
  throw new EditError(`There is no ${targetType.replace('_', ' ')} ${id} in this workspace`);
}

function setAnnotation(db: SqlDatabase, edit: EditParams<'annotation.set'>): UnstampedEdit {
  const p = { ...edit, targetId: editTarget(db, edit.targetType, edit.targetId) };
  const column = COLUMN[p.field];
  const value = toSql(p.field, p.value);
  const before = one(db, `SELECT ${column} AS v FROM annotations WHERE target_type = ? AND target_id = ?`, [p.targetType, p.targetId]);
  db.run(
    `INSERT INTO annotations (target_type, target_id, ${column}, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (target_type, target_id) DO UPDATE SET ${column} = excluded.${column}, author = excluded.author, updated_at = excluded.updated_at`,
    [p.targetType, p.targetId, value, p.author, p.at, p.at],
  );
  if (p.field === 'kindOverride' && p.targetType === 'finding') {
    // findings.kind is the kind in force; the extractor's suggestion stays in suggested_kind.
    db.run('UPDATE findings SET kind = coalesce(?, suggested_kind) WHERE id = ?', [value, p.targetId]);
  }
  audit(db, p, p.targetType, p.targetId, p.field, before?.v, value);
  return {
    op: 'annotation.set',
    params: { targetType: p.targetType, targetId: p.targetId, field: p.field, value: fromSql(p.field, before?.v) },
  };
}

function verifyMetric(db: SqlDatabase, p: EditParams<'metric.verify'>): UnstampedEdit {
  const item = {
    table: 'metrics',
    target: 'metric',
    id: p.metricId,
    missing: `There is no metric ${p.metricId} in this workspace`,
  } as const;
  return { op: 'metric.verify', params: { metricId: p.metricId, verified: setVerified(db, item, p) } };
}

function checkWarning(db: SqlDatabase, p: EditParams<'warning.check'>): UnstampedEdit {
  const before = one(db, 'SELECT checked, reason FROM extraction_warnings WHERE id = ?', [p.warningId]);
  if (!before) throw new EditError(`There is no extraction warning ${p.warningId} in this workspace`);
  const reason = p.checked ? p.reason || null : null;
  db.run('UPDATE extraction_warnings SET checked = ?, checked_by = ?, checked_at = ?, reason = ? WHERE id = ?', [
    p.checked ? 1 : 0,
    p.checked ? p.author : null,
    p.checked ? p.at : null,
    reason,
    p.warningId,
  ]);
  audit(db, p, 'extraction_warning', p.warningId, 'checked', before.checked, p.checked ? 1 : 0);
  if (reason !== before.reason) audit(db, p, 'extraction_warning', p.warningId, 'reason', before.reason, reason);
  const old = before.reason === null || before.reason === undefined ? null : String(before.reason);
  return { op: 'warning.check', params: { warningId: p.warningId, checked: before.checked === 1, reason: old } };
}

function saveView(db: SqlDatabase, p: EditParams<'view.save'>): UnstampedEdit {
  const definition = JSON.stringify(p.definition);
  const before = one(db, 'SELECT id, view, definition FROM saved_views WHERE name = ?', [p.name]);
  if (before) {
    db.run('UPDATE saved_views SET view = ?, definition = ?, updated_at = ? WHERE id = ?', [p.view, definition, p.at, Number(before.id)]);
    audit(db, p, 'saved_view', Number(before.id), 'definition', before.definition, definition);
    const old = JSON.parse(String(before.definition)) as { [key: string]: JsonValue };
    return { op: 'view.save', params: { name: p.name, view: String(before.view), definition: old } };
  }
  const id = insert(db, 'INSERT INTO saved_views (name, view, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
    p.name,
    p.view,
    definition,
    p.at,
    p.at,
  ]);
  audit(db, p, 'saved_view', id, 'created', null, p.name);
  return { op: 'view.delete', params: { id } };
}

function renameView(db: SqlDatabase, p: EditParams<'view.rename'>): UnstampedEdit {
  const before = one(db, 'SELECT name FROM saved_views WHERE id = ?', [p.id]);
  if (!before) throw new EditError(`There is no saved view ${p.id} in this workspace`);
  if (one(db, 'SELECT 1 AS x FROM saved_views WHERE name = ? AND id <> ?', [p.name, p.id]))
    throw new EditError(`A saved view is already called "${p.name}"`);
  db.run('UPDATE saved_views SET name = ?, updated_at = ? WHERE id = ?', [p.name, p.at, p.id]);
  audit(db, p, 'saved_view', p.id, 'name', before.name, p.name);
  return { op: 'view.rename', params: { id: p.id, name: String(before.name) } };
}

function deleteView(db: SqlDatabase, p: EditParams<'view.delete'>): UnstampedEdit {
  const before = one(db, 'SELECT name, view, definition FROM saved_views WHERE id = ?', [p.id]);
  if (!before) throw new EditError(`There is no saved view ${p.id} in this workspace`);
  db.run('DELETE FROM saved_views WHERE id = ?', [p.id]);
  audit(db, p, 'saved_view', p.id, 'deleted', before.name, null);
  const definition = JSON.parse(String(before.definition)) as { [key: string]: JsonValue };
  return { op: 'view.save', params: { name: String(before.name), view: String(before.view), definition } };
}

function savePack(db: SqlDatabase, p: EditParams<'pack.save'>): UnstampedEdit {
  const definition = JSON.stringify(p.definition);
  const id = p.id;
  const before = id === undefined ? undefined : one(db, 'SELECT definition FROM briefing_packs WHERE id = ?', [id]);
  if (id !== undefined && before) {
    db.run('UPDATE briefing_packs SET title = ?, definition = ?, updated_at = ? WHERE id = ?', [p.definition.title, definition, p.at, id]);
    audit(db, p, 'briefing_pack', id, 'definition', before.definition, definition);
    const old = JSON.parse(String(before.definition)) as { [key: string]: JsonValue };
    return { op: 'pack.save', params: { id, definition: old } };
  }
  // A new pack, or a deleted one restored under its own id (the undo of pack.delete).
  const created = insert(db, 'INSERT INTO briefing_packs (id, title, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
    id ?? null,
    p.definition.title,
    definition,
    p.at,
    p.at,
  ]);
  audit(db, p, 'briefing_pack', created, 'created', null, p.definition.title);
  return { op: 'pack.delete', params: { id: created } };
}

function deletePack(db: SqlDatabase, p: EditParams<'pack.delete'>): UnstampedEdit {
  const before = one(db, 'SELECT title, definition FROM briefing_packs WHERE id = ?', [p.id]);
  if (!before) throw new EditError(`There is no briefing pack ${p.id} in this workspace`);
  db.run('DELETE FROM briefing_packs WHERE id = ?', [p.id]);
  audit(db, p, 'briefing_pack', p.id, 'deleted', before.title, null);
  const definition = JSON.parse(String(before.definition)) as { [key: string]: JsonValue };
  return { op: 'pack.save', params: { id: p.id, definition } };
}

const APPLY: { [O in EditOp]: (db: SqlDatabase, p: EditParams<O>) => UnstampedEdit } = {
  'annotation.set': setAnnotation,
  'metric.verify': verifyMetric,
  'warning.check': checkWarning,
  'item.correct': correctItem,
  'item.correctMany': correctMany,
  'judgment.verify': verifyJudgment,
  'metric.add': addFigure,
  'metric.remove': removeFigure,
  'view.save': saveView,
  'view.rename': renameView,
  'view.delete': deleteView,
  'pack.save': savePack,
  'pack.delete': deletePack,
};

export function isEditOp(op: string): op is EditOp {
  return Object.hasOwn(EDIT_SCHEMAS, op);
}

/** Validates an edit's params; the error names the op and the offending field. */
export function parseEdit(op: string, params: unknown): { op: EditOp; params: JsonValue } {
  if (!isEditOp(op)) throw new EditError(`Unknown edit "${op}"`);
  const parsed = EDIT_SCHEMAS[op].safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EditError(`Edit ${op}: ${issue?.path.join('.') || 'params'} ${issue?.message ?? 'is invalid'}`);
  }
  return { op, params: parsed.data as JsonValue };
}

/** Applies a validated edit to the database and returns the edit that would undo it. The caller owns the transaction. */
export function applyEdit(db: SqlDatabase, op: EditOp, params: JsonValue): UnstampedEdit {
  return (APPLY[op] as (db: SqlDatabase, p: unknown) => UnstampedEdit)(db, params);
}

/** The edit without its author and time, for redo. */
export function unstamped(op: EditOp, params: JsonValue): UnstampedEdit {
  const rest = { ...(params as { [key: string]: JsonValue }) };
  delete rest.author;
  delete rest.at;
  return { op, params: rest };
}
