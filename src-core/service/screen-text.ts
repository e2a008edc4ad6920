import { visible, visibleDeep } from '../text/visible';
import type { SampleField } from '../samples/fields';
import type { DbResponses, DbResult } from './protocol';

/**
 * Everything the workspace service answers is on its way to a screen, so every reply passes here once
 * (DbService.run): bidi controls, other invisible format characters and control characters in
 * workspace text — findings, notes, tags, report titles, sample cells, error messages naming a
 * file — are shown as their code points ("⟨U+202E⟩", src-core/text/visible.ts) before any view
 * sees them. A reply without such characters comes back as the very same object.
 *
 * A few values also go back to the service as they are, as keys or queries, and must match what
 * is stored; those are left as stored and only their labels are shown:
 *  - a facet's `value` (its `label` is what the panel shows);
 *  - a saved view's `definition` and a saved pack's `definition` (queries and settings the views
 *    send back; the view's name and the pack's title are shown);
 *  - the snapshot, which is bytes.
 * A sample file's headers are shown (an override could make one column read as another while it
 * is mapped to a field), the suggested mapping keyed by them as shown, and mappingFromScreen
 * takes the mapping the page sends back to the file's own headers.
 *
 * Text an analyst edits from what is shown (a note, the tags) is saved as shown: an edited note
 * keeps "⟨U+202E⟩" as those characters, which is what the analyst saw and changed (the audit log
 * keeps the value it replaced).
 */
export function forScreen(type: keyof DbResponses, result: DbResult<unknown>): DbResult<unknown> {
  if (!result.ok) {
    const message = visible(result.error.message);
    return message === result.error.message ? result : { ok: false, error: { ...result.error, message } };
  }
  const value = shownValue(type, result.value);
  return value === result.value ? result : { ok: true, value };
}

function shownValue(type: keyof DbResponses, value: unknown): unknown {
  switch (type) {
    case 'snapshot':
      return value;
    case 'findings.facets': {
      const facets = value as DbResponses['findings.facets'];
      return changedOnly(
        facets,
        Object.fromEntries(Object.entries(facets).map(([name, counts]) => [name, counts.map((c) => withShown(c, 'label'))])),
      );
    }
    case 'views.list':
      return (value as DbResponses['views.list']).map((v) => withShown(v, 'name'));
    case 'packs.list':
      return (value as DbResponses['packs.list']).map((p) => withShown(p, 'title'));
    case 'samples.preview': {
      // The mapping is keyed by header: its keys are shown as the headers are, so the page finds them.
      const preview = visibleDeep(value as DbResponses['samples.preview']);
      const keys = Object.keys(preview.mapping);
      if (keys.every((k) => visible(k) === k)) return preview;
      return { ...preview, mapping: Object.fromEntries(keys.map((k) => [visible(k), preview.mapping[k] ?? null])) };
    }
    default:
      return visibleDeep(value);
  }
}

/** The record with one text field shown; the same record when there is nothing to show. */
function withShown<T extends object, K extends keyof T & string>(record: T, key: K): T {
  const text = record[key];
  if (typeof text !== 'string') return record;
  const shown = visible(text);
  return shown === text ? record : { ...record, [key]: shown };
}

/** The facets as they were when no label changed, so an unchanged reply stays the same object. */
function changedOnly<T extends Record<string, unknown[]>>(before: T, after: Record<string, unknown[]>): T {
  const same = Object.keys(before).every((k) => (before[k] ?? []).every((c, i) => c === after[k]?.[i]));
  return same ? before : (after as T);
}

/**
 * The mapping the page sends back, keyed by the file's own headers: a header shown with a code
 * point ("Outcome⟨U+202E⟩") comes back under that shown form, and is matched to the header it
 * was shown for. A key that is already a header of the file is taken as it is.
 */
export function mappingFromScreen(
  headers: readonly string[],
  mapping: Record<string, SampleField | null>,
): Record<string, SampleField | null> {
  const out: Record<string, SampleField | null> = {};
  for (const [key, field] of Object.entries(mapping)) out[key] = field;
  for (const header of headers) {
    const shown = visible(header);
    if (shown !== header && !(header in mapping) && shown in mapping) out[header] = mapping[shown] ?? null;
  }
  return out;
}
