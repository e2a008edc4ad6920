import { useMemo, useState } from 'react';
import { fieldSpec, type ItemRow } from '../../../src-core/corrections/fields';
import type { DbClient } from '../../db/db-client';
import { CorrectDialog } from '../../shared/corrections/CorrectDialog';
import type { CorrectChange } from '../../shared/corrections/correct-field';
import { sentence } from '../../shared/text/words';

const SECTION = fieldSpec('finding', 'section');

/**
 * Correct… a finding's section (the extractor may file a paragraph under the wrong heading): a
 * journaled, undoable edit that keeps the extracted section, shown in the finding's history. Its
 * kind is corrected with the annotation editor's Kind, which keeps the suggested kind the same way.
 */
export function CorrectSection({ client, findingId, section }: { client: DbClient; findingId: number; section: string }) {
  const [open, setOpen] = useState(false);
  const fields = useMemo(() => [{ name: 'section', label: SECTION?.label ?? 'Section', value: section }], [section]);
  const save = async (changes: CorrectChange[]) => {
    for (const c of changes) {
      const result = await client.edit('item.correct', { target: 'finding', id: findingId, field: c.field, value: c.value });
      if (!result.ok) return sentence(result.error.message);
    }
    return null;
  };
  return (
    <>
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        Correct section…
      </button>
      <CorrectDialog
        open={open}
        title="Correct the finding’s section"
        fields={fields}
        // A section needs nothing of the finding's row to be read (only a grade needs its report's scale).
        check={(_field, input) => {
          const parsed = SECTION?.parse(input, {} as ItemRow);
          return parsed && !parsed.ok ? parsed.message : null;
        }}
        onSubmit={save}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
