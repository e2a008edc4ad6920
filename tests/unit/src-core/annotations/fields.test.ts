import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_DEFAULTS, ANNOTATION_FIELDS, ANNOTATION_TARGETS } from '../../../../src-core/annotations/fields';
import { EditError, parseEdit } from '../../../../src-core/workspace/edits';
import { ROOT } from '../../../helpers/seed';

const sql = readdirSync(path.join(ROOT, 'src-core/db/migrations'))
  .filter((f) => f.endsWith('.sql'))
  .map((f) => readFileSync(path.join(ROOT, 'src-core/db/migrations', f), 'utf8'))
  .join('\n');

const stamp = { author: 'ann', at: '2026-11-27T09:30:00.000Z' };
const set = (field: string, value: unknown, targetType = 'finding') => ({ targetType, targetId: 1, field, value, ...stamp });

describe('the annotation fields', () => {
  it('are on the targets the database allows', () => {
    // The annotations table's CHECK (the corrections table of migration 007 has targets of its own).
    const annotations = sql.slice(sql.indexOf('CREATE TABLE annotations ('));
    const checks = [...annotations.matchAll(/target_type\s+TEXT NOT NULL CHECK \(target_type IN \(([^)]*)\)\)/g)]
      .slice(0, 1)
      .map((m) => (m[1] ?? '').split(',').map((v) => v.trim().replace(/^'|'$/g, '')));
    expect(checks).toEqual([[...ANNOTATION_TARGETS]]);
  });

  it('have a default for each field, as an item nobody annotated reads', () => {
    expect(Object.keys(ANNOTATION_DEFAULTS).sort()).toEqual(Object.keys(ANNOTATION_FIELDS).sort());
    for (const [field, value] of Object.entries(ANNOTATION_DEFAULTS)) {
      expect(ANNOTATION_FIELDS[field as keyof typeof ANNOTATION_FIELDS].safeParse(value).success).toBe(true);
    }
  });

  it('can each be set by annotation.set, with its default as the value', () => {
    // annotationValueSchema lists the fields one by one: a field added to ANNOTATION_FIELDS and not there could not be saved.
    for (const [field, value] of Object.entries(ANNOTATION_DEFAULTS)) {
      expect(parseEdit('annotation.set', set(field, value)).params, field).toEqual(set(field, value));
    }
  });

  // The journal's contract: records written before the fields moved here validate as they did.
  it('validate annotation.set as the journal has always had it', () => {
    expect(parseEdit('annotation.set', set('tags', [' custody ', 'drugs'])).params).toEqual(set('tags', ['custody', 'drugs']));
    expect(parseEdit('annotation.set', set('kindOverride', 'area for improvement')).params).toEqual(
      set('kindOverride', 'area for improvement'),
    );
    expect(parseEdit('annotation.set', set('rag', null, 'review_sample')).params).toEqual(set('rag', null, 'review_sample'));
    expect(parseEdit('annotation.set', set('includeInBrief', true, 'metric')).params).toEqual(set('includeInBrief', true, 'metric'));
    expect(() => parseEdit('annotation.set', set('kindOverride', 'rumour'))).toThrow(EditError);
    expect(() => parseEdit('annotation.set', set('kindOverride', 'rumour'))).toThrow(/^Edit annotation\.set: value /);
    expect(() => parseEdit('annotation.set', set('tags', ['']))).toThrow(/^Edit annotation\.set: value\.0 /);
    expect(() => parseEdit('annotation.set', set('note', 'x'.repeat(100_001)))).toThrow(/^Edit annotation\.set: value /);
    expect(() => parseEdit('annotation.set', set('verified', true, 'metric'))).toThrow(/^Edit annotation\.set: field /);
    expect(() => parseEdit('annotation.set', set('note', 'x', 'correction'))).toThrow(/^Edit annotation\.set: targetType /);
  });
});
