import { useState } from 'react';
import { zoomStep, type Zoom } from './pdf-zoom';
import { pageOfPages, parsePageNumber } from './source-target';

interface Props {
  page: number;
  pages: number;
  zoom: Zoom;
  /** The scale the page is drawn at (null until it is). */
  scale: number | null;
  onPage(page: number): void;
  onZoom(zoom: Zoom): void;
}

/** Previous and next page, the page number (typed, Enter to go), zoom out, in, and fit to the panel's width. */
export function PdfToolbar({ page, pages, zoom, scale, onPage, onZoom }: Props) {
  const [typed, setTyped] = useState(String(page));
  // The field follows the page shown (turned with the buttons, or by find), as typed until then.
  const [typedFor, setTypedFor] = useState(page);
  if (typedFor !== page) {
    setTypedFor(page);
    setTyped(String(page));
  }
  const go = () => {
    const n = parsePageNumber(typed, pages);
    if (n === null) setTyped(String(page));
    else onPage(n);
  };
  const now = scale ?? 1;
  return (
    <div className="source-toolbar" role="toolbar" aria-label="Page and zoom">
      <button type="button" className="button source-small-button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous page
      </button>
      <span className="source-page-field" title={pageOfPages(page, pages)}>
        Page{' '}
        <input
          aria-label="Page number"
          inputMode="numeric"
          size={3}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onBlur={go}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            go();
          }}
        />{' '}
        of {pages}
      </span>
      <button type="button" className="button source-small-button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next page
      </button>
      <span className="source-toolbar-gap" />
      <button type="button" className="button source-small-button" aria-label="Zoom out" onClick={() => onZoom(zoomStep(now, -1))}>
        −
      </button>
      <span className="source-zoom" aria-live="polite">
        {scale === null ? '' : `${Math.round(scale * 100)}%`}
      </span>
      <button type="button" className="button source-small-button" aria-label="Zoom in" onClick={() => onZoom(zoomStep(now, 1))}>
        +
      </button>
      <button type="button" className="button source-small-button" aria-pressed={zoom === 'fit'} onClick={() => onZoom('fit')}>
        Fit width
      </button>
    </div>
  );
}
