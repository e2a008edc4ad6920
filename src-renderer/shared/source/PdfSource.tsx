import { useEffect, useMemo, useRef, useState } from 'react';
import { lineOfItem, pageMarks, type PageText } from './locate';
import { LineOnlyNote } from './TextSource';
import { allMarks, marksBySegment, type KindedMark } from './mark-pieces';
import { textLayerFor, type PDFDocumentProxy } from './pdf-document';
import { findInPdf, pageContent, type PdfMatch } from './pdf-pages';
import { PdfToolbar } from './PdfToolbar';
import type { Zoom } from './pdf-zoom';
import { paintMarks } from './paint-marks';
import { scrollToCentre } from './scroll';
import type { SourceSelection, SourceTarget } from './source-target';

interface Props {
  doc: PDFDocumentProxy;
  target: SourceTarget;
  request: number;
  find: { query: string; index: number };
  onMatches(count: number, capped: boolean): void;
  onSelection?: (selection: SourceSelection) => void;
}

/** The page on screen: its number, its text as matched, and the text layer's spans (spans[i] is text.items[i]). */
interface Drawn {
  page: number;
  text: PageText;
  spans: HTMLElement[];
  scale: number;
}

const clampPage = (page: number | null, pages: number) => Math.min(Math.max(page ?? 1, 1), pages);
const NO_MATCHES: { matches: PdfMatch[]; capped: boolean } = { matches: [], capped: false };

/**
 * A PDF original: the item's page drawn by pdf.js, with its text layer (so the analyst can select
 * and copy the words), the item's words highlighted in it and scrolled to; other pages, zoom, and
 * find across the document.
 */
export function PdfSource({ doc, target, request, find, onMatches, onSelection }: Props) {
  const pages = doc.numPages;
  const [pageNo, setPageNo] = useState(() => clampPage(target.page, pages));
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const sheet = useRef<HTMLDivElement>(null);

  // Each Show source goes to the item's page, even when the analyst had turned away from it.
  const [shownRequest, setShownRequest] = useState(request);
  if (shownRequest !== request) {
    setShownRequest(request);
    setPageNo(clampPage(target.page, pages));
  }

  // Find reads every page's text (once: pdf-pages.ts keeps it); the answer is for the query it was asked for.
  const [search, setSearch] = useState<{ query: string; result: typeof NO_MATCHES } | null>(null);
  useEffect(() => {
    if (!find.query.trim()) return;
    let live = true;
    void findInPdf(doc, find.query).then((result) => live && setSearch({ query: find.query, result }));
    return () => {
      live = false;
    };
  }, [doc, find.query]);
  const found = search && search.query === find.query && find.query.trim() ? search.result : NO_MATCHES;
  useEffect(() => onMatches(found.matches.length, found.capped), [found, onMatches]);
  const current = found.matches.length > 0 ? find.index % found.matches.length : null;
  // The current match's page is shown when the analyst moves to it.
  const [followed, setFollowed] = useState<PdfMatch | null>(null);
  const currentMatch = current === null ? null : (found.matches[current] ?? null);
  if (currentMatch !== followed) {
    setFollowed(currentMatch);
    if (currentMatch) setPageNo(currentMatch.page);
  }

  useEffect(() => {
    let cancelled = false;
    const work: { cancel(): void }[] = [];
    void (async () => {
      const page = await doc.getPage(pageNo);
      const { content, text } = await pageContent(doc, pageNo);
      const base = page.getViewport({ scale: 1 });
      const room = (scroller.current?.clientWidth ?? base.width) - 24;
      const scale = zoom === 'fit' ? Math.max(0.25, room / base.width) : zoom;
      const viewport = page.getViewport({ scale });
      // A new canvas and layer for each drawing, swapped in whole: the page shown stays until the next is ready.
      const ratio = window.devicePixelRatio || 1;
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${viewport.width}px`;
      canvas.style.height = `${viewport.height}px`;
      const layer = document.createElement('div');
      layer.className = 'textLayer';
      const render = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      work.push(render);
      const textLayer = await textLayerFor(content, layer, viewport);
      work.push(textLayer);
      await Promise.all([render.promise, textLayer.render()]);
      const box = sheet.current;
      if (cancelled || !box) return;
      box.style.setProperty('--total-scale-factor', String(scale));
      box.style.width = `${viewport.width}px`;
      box.style.height = `${viewport.height}px`;
      box.replaceChildren(canvas, layer);
      setProblem(null);
      setDrawn({ page: pageNo, text, spans: textLayer.textDivs, scale });
    })().catch((e: unknown) => {
      if (cancelled) return;
      setProblem(`Page ${pageNo} could not be drawn: ${e instanceof Error ? e.message : String(e)}`);
    });
    return () => {
      cancelled = true;
      for (const w of work) w.cancel();
    };
  }, [doc, pageNo, zoom]);

  const quote = useMemo(
    () => (drawn && drawn.page === target.page ? pageMarks(drawn.text, target.quote, target.line) : []),
    [drawn, target.page, target.quote, target.line],
  );
  const marks = useMemo(() => {
    if (!drawn) return new Map<number, KindedMark[]>();
    const here = found.matches.map((m, i) => ({ ...m, i })).filter((m) => m.page === drawn.page);
    const currentHere = here.findIndex((m) => m.i === current);
    return marksBySegment(
      allMarks(
        quote,
        here.map((m) => m.marks),
        currentHere >= 0 ? currentHere : null,
      ),
    );
  }, [drawn, quote, found, current]);

  useEffect(() => {
    if (!drawn) return;
    paintMarks(drawn.spans, drawn.text.items, marks);
  }, [drawn, marks]);

  // To the item's words when its page is drawn or shown again; to the current match as the analyst finds.
  useEffect(() => {
    const box = scroller.current;
    if (!drawn || !box) return;
    const at = box.querySelector<HTMLElement>(current !== null ? '.source-mark--current' : '.source-mark--quote');
    if (at) scrollToCentre(box, at);
    else if (current === null) box.scrollTop = 0;
    // Not when the marks merely change: the analyst may have scrolled on since. Again at each Show source.
  }, [drawn, request, current]);

  const textless = drawn !== null && drawn.text.items.every((s) => s.trim() === '');

  const selected = () => {
    if (!onSelection || !drawn) return;
    const selection = window.getSelection();
    const text = selection?.toString().trim() ?? '';
    if (!selection || !text || !sheet.current?.contains(selection.anchorNode)) return;
    const node = selection.anchorNode;
    const span = (node instanceof Element ? node : node?.parentElement)?.closest('.textLayer > span, .textLayer .markedContent > span');
    const item = span instanceof HTMLElement ? drawn.spans.indexOf(span) : -1;
    onSelection({ reportId: target.reportId, text, page: drawn.page, line: item >= 0 ? lineOfItem(drawn.text, item) : null });
  };

  return (
    <>
      <PdfToolbar page={pageNo} pages={pages} zoom={zoom} scale={drawn?.scale ?? null} onPage={setPageNo} onZoom={setZoom} />
      {problem && (
        <p className="inline-problem" role="alert">
          {problem}
        </p>
      )}
      {textless && (
        <p className="source-note">
          This page has no text to select: it is pictures only.{' '}
          {onSelection && (
            <button
              type="button"
              className="link-button"
              onClick={() => onSelection({ reportId: target.reportId, text: '', page: drawn.page, line: null })}
            >
              Select this page
            </button>
          )}
        </p>
      )}
      {quote.lineOnly && target.quote && <LineOnlyNote line={target.line} />}
      <div
        className={`source-scroll source-scroll--pdf${quote.lineOnly ? ' source-scroll--line-only' : ''}`}
        ref={scroller}
        tabIndex={0}
        role="group"
        aria-label={`Page ${pageNo} of the source`}
      >
        <div
          className="source-page"
          ref={sheet}
          data-page={drawn?.page}
          aria-busy={drawn?.page !== pageNo}
          onMouseUp={selected}
          onKeyUp={selected}
        />
      </div>
    </>
  );
}
