import { useEffect, useState } from 'react';
import type { FindingDetail } from '../../../src-core/query/model/finding-detail';
import type { DbClient } from '../../db/db-client';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; detail: FindingDetail | null };

/** The paragraph a stated figure comes from, read from the findings, with where it is in the report. */
export function SourceParagraph({ client, findingId, id }: { client: DbClient; findingId: number; id: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void client.findingDetail(findingId).then((r) => {
      if (live) setLoad(r.ok ? { status: 'ready', detail: r.value } : { status: 'error', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [client, findingId]);

  if (load.status === 'loading') {
    return (
      <p id={id} className="muted">
        Reading the paragraph…
      </p>
    );
  }
  if (load.status === 'error' || !load.detail) {
    return (
      <p id={id} className="inline-problem">
        The paragraph could not be read{load.status === 'error' ? `: ${load.message}` : ''}.
      </p>
    );
  }
  const f = load.detail.finding;
  return (
    <figure id={id} className="source-paragraph">
      <blockquote>{f.text}</blockquote>
      <figcaption>
        {f.report} · {[f.section, f.subsection].filter(Boolean).join(' › ')} · paragraph {f.paragraph}
      </figcaption>
    </figure>
  );
}
