import { useState } from 'react';
import type { ReportSource } from '../../../src-core/query/model/report-source';
import type { LocateOutcome } from './source-store';
import { positionInWords, type SourceTarget } from './source-target';

interface Props {
  target: SourceTarget;
  source: ReportSource | null;
  /** Why the original is not shown, in words naming the file. */
  message: string;
  /** Offered when the file is missing or changed: the analyst points at it again (its hash must match). */
  onLocate: ((source: ReportSource) => Promise<LocateOutcome>) | null;
}

/**
 * The original cannot be shown: why, a way to point at it again, and meanwhile what was read, the
 * item's own words and where they were, so the analyst can still check the item against a copy.
 */
export function SourceUnavailable({ target, source, message, onLocate }: Props) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const locate = async () => {
    if (!source || !onLocate) return;
    setBusy(true);
    try {
      const outcome = await onLocate(source);
      setRefusal(outcome.status === 'refused' ? outcome.message : null);
    } catch (e) {
      setRefusal(`The file could not be read: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="source-unavailable">
      <p className="inline-problem" role="alert">
        {message}
      </p>
      {source && onLocate && (
        <p>
          <button type="button" className="button" disabled={busy} onClick={() => void locate()}>
            Locate file…
          </button>
        </p>
      )}
      {refusal && (
        <p className="inline-problem" role="alert">
          {refusal}
        </p>
      )}
      <figure className="source-fallback">
        <figcaption>
          {target.label} as read{source ? ` from ${source.sourceName}` : ''} · {positionInWords(target.page, target.line)}
        </figcaption>
        {target.quote ? (
          <blockquote>
            <mark className="source-mark--quote">{target.quote}</mark>
          </blockquote>
        ) : (
          <p className="muted">No words were recorded for it: the position is where it was read.</p>
        )}
      </figure>
    </div>
  );
}
