import type { RefObject } from 'react';
import type { FindingDetail } from '../../../src-core/query/model/finding-detail';
import type { DbClient } from '../../db/db-client';
import { AnnotationEditor } from '../../shared/annotations/AnnotationEditor';
import { useAnnotationSave } from '../../shared/annotations/use-annotation-save';

interface Props {
  client: DbClient;
  finding: FindingDetail['finding'];
  firstControl: RefObject<HTMLSelectElement | null>;
}

/**
 * A finding's annotation: each change saved as one edit; the view reads the finding again on the
 * data change that follows, and the editor says why a change was not saved.
 */
export function FindingAnnotation({ client, finding, firstControl }: Props) {
  const { save, problem } = useAnnotationSave(client, { type: 'finding', id: finding.id }, 'finding');
  return (
    <AnnotationEditor
      target="finding"
      annotation={finding}
      kind={{ suggested: finding.suggestedKind, override: finding.kindOverride }}
      client={client}
      onSave={save}
      problem={problem}
      firstControl={firstControl}
    />
  );
}
