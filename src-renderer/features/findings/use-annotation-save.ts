import { useCallback, useRef, useState } from 'react';
import type { DbClient } from '../../db/db-client';
import type { DbError } from '../../db/protocol';
import { annotationEdit, FIELD_LABELS, type AnnotationField, type AnnotationValues } from './finding-edits';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving'; field: AnnotationField }
  | { state: 'saved'; field: AnnotationField }
  | { state: 'error'; field: AnnotationField; message: string };

/** What went wrong and what the analyst can do about it. */
export function saveProblem(field: AnnotationField, error: DbError): string {
  const what = `Your change to ${FIELD_LABELS[field] ?? field} was not saved: ${error.message}.`;
  switch (error.code) {
    case 'storage-failed':
      return `${what} Check that the disk has space (or the workspace is not read-only), then make the change again; the finding keeps its previous value.`;
    case 'invalid-edit':
      return `${what} Nothing was changed; select the finding again and retry.`;
    default:
      return `${what} Reload the page and make the change again; every change shown as saved is kept.`;
  }
}

/**
 * Saves one field of a finding's annotation as one edit through the worker. "Saved" is shown only
 * once the worker has acknowledged it, which it does only once the journal record is durable.
 */
export function useAnnotationSave(client: DbClient, findingId: number, author: () => Promise<string>) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const inFlight = useRef(0);
  const save = useCallback(
    async <F extends AnnotationField>(field: F, value: AnnotationValues[F]): Promise<boolean> => {
      inFlight.current++;
      setStatus({ state: 'saving', field });
      const edit = annotationEdit(findingId, field, value, await author());
      const result = await client.edit(edit.op, edit.params);
      inFlight.current--;
      if (!result.ok) setStatus({ state: 'error', field, message: saveProblem(field, result.error) });
      else if (inFlight.current === 0) setStatus({ state: 'saved', field });
      return result.ok;
    },
    [client, findingId, author],
  );
  return { status, save };
}
