import { z } from 'zod';
import { one, type SqlDatabase, type SqlValue } from '../db/sql-db';
import { FINDING_KINDS } from '../extract/types';
import type { JsonValue } from './journal';

/**
 * The edits an analyst can make, as data: each is validated, applied in one SQL transaction and
 * written to the journal as {op, params}, so replaying the journal after a crash redoes exactly
 * the same change, audit rows included. Author and time travel in the params for that reason.
 */

export class EditError extends Error {
  override readonly name = 'EditError';
}

const stamp = { author: z.string().min(1).max(200), at: z.iso.datetime() };
const target = { targetType: z.enum(['finding', 'metric', 'review_sample']), targetId: z.number().int().positive() };

const annotationValue = z.discriminatedUnion('field', [
  z.object({ field: z.literal('status'), value: z.enum(['new', 'reviewed', 'flagged', 'verified']) }),
  z.object({ field: z.literal('tags'), value: z.array(z.string().trim().min(1).max(100)).max(100) }),
  z.object({ field: z.literal('rag'), value: z.enum(['red', 'amber', 'green']).nullable() }),
  z.object({ field: z.literal('note'), value: z.string().max(100_000) }),
  z.object({ field: z.literal('includeInBrief'), value: z.boolean() }),
  z.object({ field: z.literal('kindOverride'), value: z.enum(FINDING_KINDS as unknown as [string, ...string[]]).nullable() }),
]);

export const EDIT_SCHEMAS = {
  'annotation.set': z.intersection(z.object({ ...target, ...stamp }), annotationValue),
  'metric.verify': z.object({ metricId: z.number().int().positive(), verified: z.boolean(), ...stamp }),
  'warning.check': z.object({ warningId: z.number().int().positive(), checked: z.boolean(), ...stamp }),
} as const;

export type EditOp = keyof typeof EDIT_SCHEMAS;
export type EditParams<O extends EditOp> = z.infer<(typeof EDIT_SCHEMAS)[O]>;

const COLUMN = {
  status: 'status',
  tags: 'tags',
  rag: 'rag',
  note: 'note',
  includeInBrief: 'include_in_brief',
  kindOverride: 'kind_override',
} as const;
const TABLE = { finding: 'findings', metric: 'metrics', review_sample: 'review_samples' } as const;

function toSql(field: keyof typeof COLUMN, value: unknown): SqlValue {
  if (field === 'tags') return JSON.stringify(value);
  if (field === 'includeInBrief') return value ? 1 : 0;
  return value as SqlValue;
}

function audit(
  db: SqlDatabase,
  p: { author: string; at: string },
  targetType: string,
  targetId: number,
  field: string,
  oldValue: SqlValue | undefined,
  newValue: SqlValue,
) {
  db.run('INSERT INTO audit_log (at, author, target_type, target_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    p.at,
    p.author,
    targetType,
    targetId,
    field,
    oldValue === undefined || oldValue === null ? null : String(oldValue),
    newValue === null ? null : String(newValue),
  ]);
}

function setAnnotation(db: SqlDatabase, p: EditParams<'annotation.set'>): void {
  if (!one(db, `SELECT 1 AS x FROM ${TABLE[p.targetType]} WHERE id = ?`, [p.targetId])) {
    throw new EditError(`There is no ${p.targetType.replace('_', ' ')} ${p.targetId} in this workspace`);
  }
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
}

function verifyMetric(db: SqlDatabase, p: EditParams<'metric.verify'>): void {
  const before = one(db, 'SELECT verified FROM metrics WHERE id = ?', [p.metricId]);
  if (!before) throw new EditError(`There is no metric ${p.metricId} in this workspace`);
  db.run('UPDATE metrics SET verified = ?, verified_by = ?, verified_at = ? WHERE id = ?', [
    p.verified ? 1 : 0,
    p.verified ? p.author : null,
    p.verified ? p.at : null,
    p.metricId,
  ]);
  audit(db, p, 'metric', p.metricId, 'verified', before.verified, p.verified ? 1 : 0);
}

function checkWarning(db: SqlDatabase, p: EditParams<'warning.check'>): void {
  const before = one(db, 'SELECT checked FROM extraction_warnings WHERE id = ?', [p.warningId]);
  if (!before) throw new EditError(`There is no extraction warning ${p.warningId} in this workspace`);
  db.run('UPDATE extraction_warnings SET checked = ?, checked_by = ?, checked_at = ? WHERE id = ?', [
    p.checked ? 1 : 0,
    p.checked ? p.author : null,
    p.checked ? p.at : null,
    p.warningId,
  ]);
  audit(db, p, 'extraction_warning', p.warningId, 'checked', before.checked, p.checked ? 1 : 0);
}

const APPLY: { [O in EditOp]: (db: SqlDatabase, p: EditParams<O>) => void } = {
  'annotation.set': setAnnotation,
  'metric.verify': verifyMetric,
  'warning.check': checkWarning,
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

/** Applies a validated edit to the database. The caller owns the transaction. */
export function applyEdit(db: SqlDatabase, op: EditOp, params: JsonValue): void {
  (APPLY[op] as (db: SqlDatabase, p: unknown) => void)(db, params);
}
