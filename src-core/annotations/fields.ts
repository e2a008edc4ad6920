import { z } from 'zod';
import { FINDING_KINDS, type FindingKind } from '../extract/types';
import { ragSchema, statusSchema } from './vocabulary';

/**
 * What an annotation holds, field by field, declared once: the `annotation.set` edit validates
 * with these schemas (so they are the journal's contract: a record written today must validate
 * the same way for ever), the edit builder and the editors are typed from them.
 */

/** What an annotation can be on: the annotations table's target_type (a test holds its CHECK to this list). */
export const ANNOTATION_TARGETS = ['finding', 'metric', 'review_sample'] as const;
export type AnnotationTargetType = (typeof ANNOTATION_TARGETS)[number];

export const ANNOTATION_FIELDS = {
  status: statusSchema,
  tags: z.array(z.string().trim().min(1).max(100)).max(100),
  rag: ragSchema.nullable(),
  note: z.string().max(100_000),
  includeInBrief: z.boolean(),
  /** A finding's kind as the analyst corrected it; null: as the extractor suggested. */
  kindOverride: z.enum(FINDING_KINDS as unknown as [FindingKind, ...FindingKind[]]).nullable(),
};

export type AnnotationField = keyof typeof ANNOTATION_FIELDS;
export type AnnotationValues = { [F in AnnotationField]: z.infer<(typeof ANNOTATION_FIELDS)[F]> };

/** What an item nobody has annotated has: the annotations table's column defaults. */
export const ANNOTATION_DEFAULTS: AnnotationValues = {
  status: 'new',
  tags: [],
  rag: null,
  note: '',
  includeInBrief: false,
  kindOverride: null,
};

const fieldValue = <F extends AnnotationField>(field: F) => z.object({ field: z.literal(field), value: ANNOTATION_FIELDS[field] });

/** One field and its new value, as `annotation.set` takes them. */
export const annotationValueSchema = z.discriminatedUnion('field', [
  fieldValue('status'),
  fieldValue('tags'),
  fieldValue('rag'),
  fieldValue('note'),
  fieldValue('includeInBrief'),
  fieldValue('kindOverride'),
]);

/**
 * How the analyst is told of a field: in the history, in "Saving…" and "saved", in a message that
 * a change was not saved. The editor's controls have labels of their own (e.g. "RAG rating").
 */
const LABELS = {
  status: 'Status',
  tags: 'Tags',
  rag: 'RAG',
  note: 'Note',
  includeInBrief: 'Include in brief',
  kindOverride: 'Kind',
} satisfies Record<AnnotationField, string>;
// Checked against the fields above (a field without a label does not compile), read by any field name.
export const FIELD_LABELS: Readonly<Record<string, string>> = LABELS;
