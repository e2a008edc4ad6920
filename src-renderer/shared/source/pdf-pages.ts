import { findAll, MAX_FIND_MATCHES } from './find';
import { pageTextOf, type PageText } from './locate';
import type { PDFDocumentProxy, TextContent } from './pdf-document';
import type { Mark } from './quote-match';

/** A page's text content and its text as the panel matches it, read once per page of an open document. */
export interface PageContent {
  content: TextContent;
  text: PageText;
}

const cache = new WeakMap<PDFDocumentProxy, Map<number, Promise<PageContent>>>();

export function pageContent(doc: PDFDocumentProxy, pageNo: number): Promise<PageContent> {
  let pages = cache.get(doc);
  if (!pages) cache.set(doc, (pages = new Map()));
  let read = pages.get(pageNo);
  if (!read) {
    read = doc.getPage(pageNo).then(async (page) => {
      const content = await page.getTextContent();
      const { width, height } = page.getViewport({ scale: 1 });
      return { content, text: pageTextOf(content.items, { width, height }) };
    });
    read.catch(() => pages.delete(pageNo));
    pages.set(pageNo, read);
  }
  return read;
}

/** A find match in a PDF: its page and the marks on that page's text items. */
export interface PdfMatch {
  page: number;
  marks: Mark[];
}

/** Every match of the query in the document, page by page (each page's text read once, then kept). */
export async function findInPdf(doc: PDFDocumentProxy, query: string): Promise<{ matches: PdfMatch[]; capped: boolean }> {
  const matches: PdfMatch[] = [];
  for (let page = 1; page <= doc.numPages; page++) {
    const { text } = await pageContent(doc, page);
    const found = findAll(text.items, query);
    for (const marks of found.matches) {
      if (matches.length === MAX_FIND_MATCHES) return { matches, capped: true };
      matches.push({ page, marks });
    }
  }
  return { matches, capped: false };
}
