import { useCallback, useState } from 'react';
import type { SampleField } from '../../../src-core/samples/fields';
import type { SampleError } from '../../../src-core/samples/validate';
import type { DbClient } from '../../db/db-client';
import { MAX_SAMPLE_BYTES, type SamplePreview } from '../../../src-core/service/protocol';
import { sizeText } from '../../shared/text/words';
import { visible } from '../../../src-core/text/visible';

export type Mapping = Record<string, SampleField | null>;

export type SampleImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; name: string }
  /** The file read: its columns to map. `errors` once an import was refused for what the file holds. */
  | {
      phase: 'mapping';
      name: string;
      bytes: Uint8Array;
      preview: SamplePreview;
      mapping: Mapping;
      busy: boolean;
      errors: SampleError[] | null;
      /** The import failed for another reason (the workspace could not be saved, say). */
      problem: string | null;
    }
  /** Refused before any mapping: too large, a zip bomb, not a table. */
  | {
      phase: 'refused';
      name: string;
      message: string;
      /** The refusal's code (DbError.reason), said in the analyst's words. */ reason?: string;
    };

const EXTENSIONS = ['.csv', '.xlsx'];

/** Why a picked file is refused before it is read, or null. Checked on the File, so a 2 GB file is never loaded. */
export function sampleRefusal(file: { name: string; size: number }): string | null {
  const name = file.name.toLowerCase();
  if (!EXTENSIONS.some((ext) => name.endsWith(ext))) return 'Only CSV (.csv) and Excel (.xlsx) samples can be imported.';
  if (file.size > MAX_SAMPLE_BYTES)
    return `It is ${sizeText(file.size)}; sample files over 50 MB are refused. Split it and import the parts.`;
  return null;
}

/**
 * Importing a case-file review sample: read the file in the worker, map its columns to fields,
 * then validate and import it there, all or nothing. Nothing changes until the import succeeds.
 */
export function useSampleImport(client: DbClient, onImported: (name: string, imported: number, reportId: number | null) => void) {
  const [state, setState] = useState<SampleImportState>({ phase: 'idle' });

  const pick = useCallback(
    async (file: File) => {
      // The file's name as the page shows it and the sample records it (src-core/text/visible.ts).
      const name = visible(file.name);
      const why = sampleRefusal(file);
      if (why) {
        setState({ phase: 'refused', name, message: why });
        return;
      }
      setState({ phase: 'reading', name });
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch (e) {
        setState({
          phase: 'refused',
          name,
          message: `The file could not be read: ${e instanceof Error ? e.message : String(e)}`,
        });
        return;
      }
      const preview = await client.previewSample(name, bytes);
      if (!preview.ok) {
        const { message, reason } = preview.error;
        setState({ phase: 'refused', name, message, ...(reason !== undefined && { reason }) });
        return;
      }
      setState({
        phase: 'mapping',
        name,
        bytes,
        preview: preview.value,
        mapping: preview.value.mapping,
        busy: false,
        errors: null,
        problem: null,
      });
    },
    [client],
  );

  const setField = useCallback((header: string, field: SampleField | null) => {
    setState((s) => (s.phase === 'mapping' ? { ...s, mapping: { ...s.mapping, [header]: field } } : s));
  }, []);

  const submit = useCallback(
    async (force: string, reportId: number | null) => {
      if (state.phase !== 'mapping' || state.busy) return;
      const { name, bytes, mapping } = state;
      setState({ ...state, busy: true, problem: null });
      const result = await client.importSample(name, bytes, mapping, force, reportId);
      if (result.ok && result.value.ok) {
        setState({ phase: 'idle' });
        onImported(name, result.value.imported, reportId);
        return;
      }
      if (result.ok && !result.value.ok) {
        const errors = result.value.errors;
        setState((s) => (s.phase === 'mapping' ? { ...s, busy: false, errors, problem: null } : s));
        return;
      }
      const problem = result.ok ? null : result.error.message;
      setState((s) => (s.phase === 'mapping' ? { ...s, busy: false, errors: null, problem } : s));
    },
    [client, state, onImported],
  );

  const close = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, pick, setField, submit, close };
}
