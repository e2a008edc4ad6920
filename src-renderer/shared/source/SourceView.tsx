import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { findCountText, stepMatch } from './find';
import { FindBar } from './FindBar';
import { PdfSource } from './PdfSource';
import { useSourceStore, type SourcePanelState } from './source-context';
import type { SourceLoad, SourceStore } from './source-store';
import { positionLabel, type SourceSelection, type SourceTarget } from './source-target';
import { SourceUnavailable } from './SourceUnavailable';
import { TextSource } from './TextSource';

interface Props {
  target: SourceTarget;
  panel: SourcePanelState;
  onSelection?: (selection: SourceSelection) => void;
}

/**
 * The Source panel showing one report's original. Escape closes it; Ctrl+F finds in it (only while
 * focus is in the panel: elsewhere Ctrl+F is the browser's own).
 */
export function SourceView({ target, panel, onSelection }: Props) {
  const store = useSourceStore();
  const [reloads, setReloads] = useState(0);
  // What was read, for which store, report and attempt: anything else is still being read.
  const [read, setRead] = useState<{ store: SourceStore; reportId: number; reloads: number; load: SourceLoad } | null>(null);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const [count, setCount] = useState<{ n: number; capped: boolean } | null>(null);
  const section = useRef<HTMLElement>(null);
  const findBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!store) return;
    let live = true;
    const reportId = target.reportId;
    void store
      .load(reportId)
      .catch((e: unknown): SourceLoad => ({
        status: 'unavailable',
        source: null,
        reason: 'failed',
        message: `The report's original could not be read: ${e instanceof Error ? e.message : String(e)}`,
      }))
      .then((load) => live && setRead({ store, reportId, reloads, load }));
    return () => {
      live = false;
    };
  }, [store, target.reportId, reloads]);
  const load: SourceLoad = !store
    ? { status: 'unavailable', source: null, reason: 'failed', message: 'No workspace is open.' }
    : read && read.store === store && read.reportId === target.reportId && read.reloads === reloads
      ? read.load
      : { status: 'loading' };

  // Focus comes to the panel at each Show source, so Escape and Ctrl+F work at once.
  useEffect(() => section.current?.focus({ preventScroll: true }), [panel.request]);

  const onMatches = useCallback((n: number, capped: boolean) => setCount({ n, capped }), []);
  const onQuery = (q: string) => {
    setQuery(q);
    setIndex(0);
  };
  const step = (backwards: boolean) => setIndex((i) => stepMatch(i, count?.n ?? 0, backwards));

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      findBox.current?.focus();
      findBox.current?.select();
      return;
    }
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      panel.close();
    }
  };

  const source = load.status === 'loading' ? null : load.source;
  // As the original is drawn; until it is (or when it cannot be), as the workspace recorded it.
  const format = (load.status === 'ready' ? load.original.kind === 'pdf' : source?.sourceFormat === 'pdf') ? 'pdf' : 'text';
  const find = { query, index };
  const countText = query.trim() && count ? findCountText(count.n === 0 ? 0 : index % count.n, count.n, count.capped) : null;

  return (
    <section className="source-panel" aria-label="Source" data-source-panel="" ref={section} tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="source-header">
        <div className="source-title">
          <p className="source-item">{target.label}</p>
          <p className="source-where">
            {source ? positionLabel(source.sourceName, format, target.page, target.line) : 'Reading the source…'}
          </p>
        </div>
        <button type="button" className="button source-small-button" onClick={panel.close}>
          Close
        </button>
      </header>
      {load.status === 'ready' && <FindBar query={query} onQuery={onQuery} count={countText} onStep={step} inputRef={findBox} />}
      {load.status === 'loading' && (
        <p className="source-note" role="status">
          Reading the original file…
        </p>
      )}
      {load.status === 'unavailable' && (
        <SourceUnavailable
          target={target}
          source={load.source}
          message={load.message}
          onLocate={
            load.reason === 'failed' || !store
              ? null
              : async (s) => {
                  const outcome = await store.locate(s);
                  if (outcome.status === 'kept') setReloads((n) => n + 1);
                  return outcome;
                }
          }
        />
      )}
      {load.status === 'ready' && load.original.kind === 'text' && (
        <TextSource
          rows={load.original.rows}
          target={target}
          request={panel.request}
          find={find}
          onMatches={onMatches}
          onSelection={onSelection}
        />
      )}
      {load.status === 'ready' && load.original.kind === 'pdf' && (
        <PdfSource
          doc={load.original.doc}
          target={target}
          request={panel.request}
          find={find}
          onMatches={onMatches}
          onSelection={onSelection}
        />
      )}
    </section>
  );
}
