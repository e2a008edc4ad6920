import { readPdfTask, UNTRUSTED_PDF, type PdfPageText } from '../../../src-core/extract/pdf-lines';

/**
 * pdf.js inside the DB worker, without a worker of its own: with its worker code loaded into this
 * thread as `globalThis.pdfjsWorker`, pdf.js runs the parser in-process instead of spawning a
 * worker from a URL (which would need its own CSP allowance and, by default, a CDN). The legacy
 * build is the one pdf.js supports on Electron 45's Chromium; loaded only when a PDF is imported.
 */
async function loadPdfJs() {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  return pdfjs;
}

/**
 * Reads the text runs of every page, as src-main/node/pdf-text.ts does in Node. A PDF is
 * untrusted input: eval is off (font programs cannot become code), and nothing is fetched — no
 * standard font data, no image-decoder wasm, no system fonts. Text positions and widths come from
 * the file itself and pdf.js's built-in metrics, so extraction matches the Node path.
 */
export async function readPdfPages(bytes: Uint8Array, onPage: (page: number, pages: number) => void): Promise<PdfPageText[]> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given, and the importer still needs the bytes.
    data: new Uint8Array(bytes),
    ...UNTRUSTED_PDF,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
  });
  return readPdfTask(task, onPage);
}
