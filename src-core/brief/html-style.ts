/**
 * The stylesheet of the HTML pack. It is a constant, on purpose: nothing from the workspace ever
 * reaches it (the marking is printed by elements, not by CSS `content`), so a host that shows the
 * pack under a Content-Security-Policy can allow exactly this sheet by its hash instead of
 * allowing inline styles in general. The document uses no `style` attributes for the same reason.
 *
 * Print: A4, the marking centred at the top and bottom of every page (fixed elements, which
 * Chromium repeats on each printed page, over a layout table whose empty header and footer rows
 * keep the text clear of them), page numbers in the page margin, table header rows repeated.
 */
export const BRIEF_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #e9ebee; }
body { margin: 0; font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 11pt; line-height: 1.45; color: #1a1a1a; }
.sheet { max-width: 210mm; margin: 0 auto; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.18); }
.marking { text-align: center; font-weight: bold; letter-spacing: 0.06em; font-size: 11pt; padding: 3mm 0; color: #000; }
.frame { width: 100%; border-collapse: collapse; border: 0; }
.frame > thead > tr > td, .frame > tfoot > tr > td, .frame > tbody > tr > td { padding: 0; border: 0; }
.frame-space { height: 0; }
main { padding: 6mm 18mm 10mm; }
a { color: #0b3d91; }
h1, h2, h3 { color: #0b2545; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
.title-block { border-top: 4px solid #0b2545; border-bottom: 1px solid #9aa5b1; padding: 5mm 0 4mm; margin-bottom: 6mm; }
.doc-kind { margin: 0 0 2mm; text-transform: uppercase; letter-spacing: 0.12em; font-size: 9pt; color: #52606d; }
h1 { font-size: 22pt; margin: 0 0 4mm; }
.title-block dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 0; }
.title-block dt { font-weight: bold; color: #52606d; }
.title-block dd { margin: 0; }
.notices { border-left: 4px solid #bf9000; background: #fff8e1; padding: 3mm 5mm; margin: 0 0 6mm; break-inside: avoid; }
.notices h2 { font-size: 11pt; margin: 0 0 1mm; color: #5c4400; }
.notices ul { margin: 0; padding-left: 5mm; }
.contents { margin: 0 0 6mm; }
.contents h2 { font-size: 11pt; margin: 0 0 1mm; }
.contents ol { margin: 0; padding-left: 6mm; columns: 2; }
section.pack-section { margin-top: 8mm; }
h2 { font-size: 16pt; margin: 0 0 3mm; padding-bottom: 1mm; border-bottom: 2px solid #0b2545; }
h3 { font-size: 12.5pt; margin: 6mm 0 2mm; }
p { margin: 0 0 2.5mm; }
.muted { color: #52606d; }
.empty { font-style: italic; color: #52606d; }
.notice { border-left: 4px solid #bf9000; background: #fff8e1; padding: 2mm 4mm; margin: 0 0 3mm; }
table.data { width: 100%; border-collapse: collapse; margin: 2mm 0 5mm; font-size: 9.5pt; }
table.data th, table.data td { border: 1px solid #9aa5b1; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
table.data thead th { background: #dde3ea; color: #0b2545; }
table.data thead { display: table-header-group; }
table.data tr { break-inside: avoid; page-break-inside: avoid; }
table.data tr.strong td { font-weight: bold; background: #f3f5f8; }
table.data .right { text-align: right; font-variant-numeric: tabular-nums; }
table.data .center { text-align: center; }
table.data .sub { display: block; color: #52606d; font-size: 8.5pt; }
table.data .warn { display: block; color: #8a4b00; font-size: 8.5pt; }
.cite { white-space: nowrap; font-size: 0.9em; text-decoration: none; }
figure.chart { margin: 2mm 0 4mm; break-inside: avoid; }
figure.chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figure.chart figcaption { font-size: 9pt; color: #52606d; text-align: center; margin-top: 1mm; }
.finding { margin: 0 0 5mm; break-inside: avoid; page-break-inside: avoid; }
.finding-head { margin: 0 0 1.5mm; font-weight: bold; }
.finding blockquote { margin: 0 0 1.5mm; padding: 0 0 0 4mm; border-left: 3px solid #9aa5b1; }
.finding .note, .finding .tags { margin: 0 0 1mm; }
.finding .tags { color: #52606d; font-size: 9.5pt; }
.rag { display: inline-block; font-size: 8.5pt; font-weight: bold; padding: 0.3mm 2mm; border-radius: 2px; margin-right: 2mm; border: 1px solid #1a1a1a; }
.rag-red { background: #c0392b; color: #fff; }
.rag-amber { background: #f5b041; color: #1a1a1a; }
.rag-green { background: #1e8449; color: #fff; }
.rag-none { background: #e5e5e5; color: #1a1a1a; }
ul.areas { padding-left: 6mm; }
ul.areas > li { margin-bottom: 2mm; }
ul.areas ul { margin-top: 1mm; }
.synthetic-badge { display: inline-block; font-size: 8.5pt; font-weight: bold; letter-spacing: 0.05em; border: 1px solid #8a4b00; color: #8a4b00; padding: 0 2mm; margin-left: 2mm; vertical-align: middle; }
table.sources td:first-child { white-space: nowrap; font-weight: bold; }
table.sources tr:target td { background: #fff3bf; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 0 0 3mm; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 9pt; }
@page { size: A4; margin: 8mm 0 8mm 0; @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, "Liberation Sans", sans-serif; color: #52606d; margin-right: 14mm; } }
@media print {
  html { background: #fff; }
  .sheet { max-width: none; box-shadow: none; }
  .marking { position: fixed; left: 0; right: 0; padding: 0; background: #fff; }
  .marking-top { top: 0; }
  .marking-bottom { bottom: 0; }
  .frame-space { height: 10mm; }
  main { padding: 0 16mm; }
  .contents { display: none; }
  a { color: inherit; }
}
`;

/**
 * The CSP source that allows exactly BRIEF_CSS (`style-src 'self' <this>`), for a host showing the
 * pack in an iframe under the app's policy. A test checks it against the sheet: change one, change both.
 */
export const BRIEF_CSS_CSP_SOURCE = "'sha256-Na4xSrUhQ26frw3X/zgJwml0s2hajF/fPuxX/hByDGo='";
