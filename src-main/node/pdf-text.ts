import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPageText, PdfTextRun } from '../../src-core/extract/pdf-lines';

const require = createRequire(import.meta.url);

interface PdfJsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/**
 * Reads the text runs of every page with pdf.js (legacy build, the one meant for Node). Eval is
 * off: a PDF is untrusted input and must not be able to run code through font programs.
 */
export async function readPdfText(bytes: Uint8Array): Promise<PdfPageText[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pkgDir = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const doc = await pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given; hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: pathToFileURL(path.join(pkgDir, 'standard_fonts') + path.sep).href,
    verbosity: 0,
  }).promise;
  try {
    const pages: PdfPageText[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: PdfTextRun[] = [];
      for (const item of content.items as PdfJsTextItem[]) {
        if (!('str' in item)) continue;
        const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
        runs.push({ str: item.str, x: e, y: f, width: item.width, size: Math.hypot(c, d) || Math.hypot(a, b), hasEOL: item.hasEOL });
      }
      pages.push({ runs, width: viewport.width, height: viewport.height });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
