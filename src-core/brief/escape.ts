import { visible } from '../text/visible';

/**
 * Escaping for the text writers. Everything a pack prints that came from the workspace (report
 * text, notes, tags, labels, titles) is untrusted: a note may hold `<script>`, a quote that ends an
 * attribute, or Markdown that would turn into a link or a table. Each writer passes every such
 * string through the function for its context here, and nowhere else builds markup from data.
 * Each function first shows bidi controls and other invisible characters as their code points
 * (text/visible.ts), so a pack cannot print text that reads differently from what it holds.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or a quoted attribute value in HTML: & < > " ' become entities, so nothing can open a tag or close an attribute. */
export function escapeHtml(value: string | number): string {
  return visible(String(value)).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Markdown text (CommonMark + GFM) that may stand at the start of a block: a paragraph, a list
 * item, a quote, a heading. Inline constructs are escaped (escapeMarkdownInline), and so is
 * whatever would open a block there (heading `#`, list `-` `+` `1.`, quote `>`, setext `=`).
 * Leading blanks go, so the text cannot become an indented code block.
 */
export function escapeMarkdown(value: string): string {
  return escapeMarkdownInline(value.replace(/^\s+/, ''))
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Markdown text in the middle of a line (a table cell, after a bold label): every character that
 * can open an inline construct is backslash-escaped — emphasis, code spans, links and images (`[`,
 * `]`, `!`), raw HTML and autolinks (`<`), entities (`&`), strikethrough, table pipes, heading
 * hashes — and line breaks fold to spaces, so the text cannot leave its line (no new table row,
 * block or paragraph). GFM also turns bare addresses into links (`www.`, `http://`, e-mail
 * addresses); escaping the `.` of `www.`, the `:` of `://` and every `@` stops that, the usual way
 * to keep an address as text on GitHub too. The text reads the same once rendered.
 */
export function escapeMarkdownInline(value: string): string {
  return foldLines(value)
    .replace(/[\\`*_[\]<>!|~&#@]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/(www)\./gi, '$1\\.');
}

/** A GFM table cell: inline-escaped (pipes included) on one line; an empty cell stays visibly empty. */
export function escapeMarkdownCell(value: string): string {
  const s = escapeMarkdownInline(value).trim();
  return s === '' ? ' ' : s;
}

/**
 * Newlines (any kind) and tabs to single spaces: one line of plain text. Other control and format
 * characters are shown as their code points first (visible), so the drop below finds none left;
 * it stays as a backstop.
 */
export function foldLines(value: string): string {
  return (
    visible(value)
      .replace(/\r\n|[\r\n\u2028\u2029\u0085\t\v\f]/g, ' ')
      // eslint-disable-next-line no-control-regex -- stripping control characters is the point
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
  );
}
