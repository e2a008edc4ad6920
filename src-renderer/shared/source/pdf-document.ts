import type * as PdfJsLib from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy, PageViewport, TextLayer } from 'pdfjs-dist/legacy/build/pdf.mjs';
// pdf.js's parser runs in a worker of its own, bundled with the app and served from its origin
// (CSP worker-src 'self'): never a CDN, and the UI thread only draws what the worker parsed.
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { UNTRUSTED_PDF } from '../../../src-core/extract/pdf-lines';

/**
 * The one module of the UI thread that loads pdf.js (eslint.config.js allows it here only): the
 * Source panel draws a report's page, and its text layer, from the original the host kept. The
 * legacy build, as the DB worker's reader uses, is the one pdf.js supports on Electron's Chromium;
 * it is loaded the first time a PDF's source is shown.
 */
type PdfJs = typeof PdfJsLib;

let loading: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  });
  return loading;
}

export type { PDFDocumentProxy, PDFPageProxy, PageViewport, TextLayer };
/** A page's text as pdf.js reads it: the items the extractor's runs and the text layer's spans are made from. */
export type TextContent = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;

/**
 * Opens a PDF the host read and the panel checked against its hash. A PDF is untrusted input:
 * eval off, no font faces, no system fonts (UNTRUSTED_PDF), and nothing fetched: no standard font
 * data, no CMaps, no image-decoder wasm. Glyphs are drawn from the file's own font programs as
 * paths; a font the file does not embed falls back to the canvas's sans-serif.
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  return lib.getDocument({
    // pdf.js transfers (detaches) the buffer it is given: the caller's bytes stay whole.
    data: new Uint8Array(bytes),
    ...UNTRUSTED_PDF,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
  }).promise;
}

/**
 * pdf.js's text layer for a page's text: one span per text item (textDivs[i] is items[i], as the
 * extractor read them), positioned over the canvas, so text can be selected and copied.
 */
export async function textLayerFor(content: TextContent, container: HTMLElement, viewport: PageViewport): Promise<TextLayer> {
  const lib = await pdfjs();
  return new lib.TextLayer({ textContentSource: content, container, viewport });
}
