import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readPdfTask, UNTRUSTED_PDF, type PdfPageText } from '../../src-core/extract/pdf-lines';

const require = createRequire(import.meta.url);

/**
 * Reads the text runs of every page with pdf.js (legacy build, the one meant for Node). Eval is
 * off: a PDF is untrusted input and must not be able to run code through font programs.
 */
export async function readPdfText(bytes: Uint8Array, onPage?: (page: number, pages: number) => void): Promise<PdfPageText[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pkgDir = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given; hand it a copy.
    data: new Uint8Array(bytes),
    ...UNTRUSTED_PDF,
    standardFontDataUrl: pathToFileURL(path.join(pkgDir, 'standard_fonts') + path.sep).href,
  });
  return readPdfTask(task, onPage);
}
