import { useCallback, useRef, useState } from 'react';
import { annotationEdit, type AnnotationChange, type AnnotationTarget } from '../../../src-core/annotations/annotation-edit';
import { FIELD_LABELS, type AnnotationTargetType } from '../../../src-core/annotations/fields';
import type { DbClient } from '../../db/db-client';
import type { DbError } from '../../../src-core/service/protocol';

export type SaveStatus =
  { state: 'idle' } | { state: 'saving'; field: string } | { state: 'saved'; field: string } | { state: 'error'; field: string };

/** The editor's status line: "Saving note…", "Note saved", or nothing (a failure is said by an alert). */
export function saveStatusText(s: SaveStatus): string {
  const label = s.state === 'idle' ? '' : (FIELD_LABELS[s.field] ?? s.field);
  switch (s.state) {
    case 'saving':
      return `Saving ${label.toLowerCase()}…`;
    case 'saved':
      return `${label} saved`;
    case 'idle':
    case 'error':
      return '';
  }
}

/**
 * Which field is being saved or was last saved. "Saved" is shown only once every save under way
 * has settled, and only once the edit is durable (which the save's promise says).
 */
export function useSaveStatus() {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const inFlight = useRef(0);
  const track = useCallback(async (field: string, saving: Promise<boolean>): Promise<boolean> => {
    inFlight.current++;
    setStatus({ state: 'saving', field });
    let ok = false;
    try {
      ok = await saving;
    } finally {
      inFlight.current--;
      if (!ok) setStatus({ state: 'error', field });
      else if (inFlight.current === 0) setStatus({ state: 'saved', field });
    }
    return ok;
  }, []);
  return { status, track };
}

/** What went wrong and what the analyst can do about it. */
export function saveProblem(field: string, error: DbError, noun: string): string {
  const what = `Your change to ${FIELD_LABELS[field] ?? field} was not saved: ${error.message}.`;
  switch (error.code) {
    case 'storage-failed':
      return `${what} Check that the disk has space (or the workspace is not read-only), then make the change again; the ${noun} keeps its previous value.`;
    case 'invalid-edit':
      return `${what} Nothing was changed; select the ${noun} again and retry.`;
    default:
      return `${what} Reload the page and make the change again; every change shown as saved is kept.`;
  }
}

/**
 * Saves an item's annotation changes through the client, each as one edit, and keeps why the
 * last one was not saved (for the editor to show); the views re-read the item on the data change.
 */
export function useAnnotationSave<T extends AnnotationTargetType>(client: DbClient, target: AnnotationTarget<T>, noun: string) {
  const [problem, setProblem] = useState<string | null>(null);
  const { type, id } = target;
  const save = useCallback(
    async (change: AnnotationChange<T>): Promise<boolean> => {
      const edit = annotationEdit({ type, id }, change);
      const result = await client.edit(edit.op, edit.params);
      setProblem(result.ok ? null : saveProblem(change.field, result.error, noun));
      return result.ok;
    },
    [client, type, id, noun],
  );
  return { save, problem };
}
