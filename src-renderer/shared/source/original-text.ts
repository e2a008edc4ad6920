import { decodeInput } from '../../../src-core/extract/decode';
import { visible } from '../../../src-core/text/visible';
import type { TextRow } from './locate';

/**
 * The rows the text view shows for an original, numbered as the extractor numbered the positions it
 * recorded; null for a PDF (drawn by pdf.js instead). The bytes are sniffed as the extractor sniffed
 * them (src-core/extract/decode.ts): HTML is stored as 'markdown', and a file's name says nothing
 * for certain. Markdown and text: every line of the file, numbered from 1 (a form feed between the
 * pages of text converted from PDF is a page break, not a character). HTML: the lines the extractor
 * read from the page (src-core/extract/html.ts), each at the line of its element, never the markup
 * itself. Invisible characters are shown as the rest of the app shows them (src-core/text/visible.ts),
 * which is also how the quotes being looked for reached the page.
 */
export async function readOriginalText(name: string, bytes: Uint8Array): Promise<TextRow[] | null> {
  const input = decodeInput(name, bytes);
  if (input.kind === 'pdf') return null;
  if (input.kind === 'html') {
    // The HTML parser loads only for an HTML original.
    const { linesOfHtml } = await import('../../../src-core/extract/html');
    return linesOfHtml(name, bytes).map((l) => ({ text: visible(l.text), line: l.pos.line }));
  }
  return input.text.split('\n').map((text, i) => ({ text: visible(text.replaceAll('\f', '')), line: i + 1 }));
}
