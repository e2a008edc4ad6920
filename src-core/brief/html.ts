import { chartSize, chartSvg } from './chart';
import {
  chartAltText,
  citation,
  feedsTable,
  findingLabel,
  judgmentsTable,
  longDate,
  METRICS_NOTE,
  metricsTable,
  ragWord,
  reconciliationTable,
  reproducibilityLines,
  REPRODUCIBILITY_INTRO,
  reviewTable,
  sectionsInOrder,
  sourceEntry,
  SYNTHETIC_REVIEW_NOTICE,
  titleBlock,
  type DocTable,
} from './doc-content';
import { escapeHtml as e } from './escape';
import { visibleDeep } from '../text/visible';
import { StringSink, Utf8Sink, type TextSink } from './sink';
import { BRIEF_CSS } from './html-style';
import type { PackSectionKey } from './definition';
import type { BriefingPack, ChartSpec, PackFinding } from './model';
import { CHECK_BEFORE_USE_INTRO, CHECK_BEFORE_USE_TITLE } from './check';

/**
 * The pack as one self-contained HTML document: the app's live preview and the `.html` export.
 * No scripts, no external resources (its own Content-Security-Policy forbids both), the chart as
 * inline SVG, and the words and tables of doc-content.ts so it says what the DOCX and PDF say.
 * Every string from the pack goes through escapeHtml; markup is only ever built here from
 * constants. Citations [S3] link to the Sources list (#S3) when that section is included.
 */

export interface HtmlOptions {
  /** The chart as SVG markup, when the caller drew it; otherwise it is drawn from pack.chart. */
  chartSvg?: string;
}

/** The document's own policy: nothing may load or run; only its inline sheet and inline images apply. */
const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderHtml(pack: BriefingPack, opts: HtmlOptions = {}): string {
  const out = new StringSink();
  writeHtml(pack, opts, out);
  return out.toString();
}

/**
 * The same document as UTF-8, encoded as it is written (sink.ts), for the `.html` file a pack is
 * saved as: `.bytes()` for the app, `.chunks()` for the CLI, which writes them without joining them.
 */
export function renderHtmlUtf8(pack: BriefingPack, opts: HtmlOptions = {}): Utf8Sink {
  const out = new Utf8Sink();
  writeHtml(pack, opts, out);
  return out;
}

function writeHtml(packAsBuilt: BriefingPack, opts: HtmlOptions, out: TextSink): void {
  // Chart labels reach the SVG without escapeHtml: every string is made visible here (text/visible.ts).
  const pack = visibleDeep(packAsBuilt);
  const link = pack.definition.sections.includes('sources');
  const marking = e(pack.markingLine);
  out.write(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="PEEL Workbench ${e(pack.appVersion)}">
<title>${e(pack.definition.title)} (${marking})</title>
<style>${BRIEF_CSS}</style>
</head>
<body>
<div class="sheet">
<header class="marking marking-top" aria-label="Protective marking">${marking}</header>
<table class="frame" role="presentation">
<thead><tr><td><div class="frame-space"></div></td></tr></thead>
<tfoot><tr><td><div class="frame-space"></div></td></tr></tfoot>
<tbody><tr><td>
<main>
`);
  // The body's parts, a line apart; a section is written piece by piece.
  out.write(titleHtml(pack));
  out.write(`\n${noticesHtml(pack)}`);
  out.write(`\n${checkBeforeUseHtml(pack, link)}`);
  out.write(`\n${contentsHtml(pack)}`);
  for (const sec of sectionsInOrder(pack)) {
    out.write(
      `\n<section class="pack-section" id="${sec.key}" aria-labelledby="${sec.key}-h"><h2 id="${sec.key}-h">${e(sec.title)}</h2>\n`,
    );
    writeSection(sec.key, pack, link, opts, out);
    out.write('</section>');
  }
  out.write(`
</main>
</td></tr></tbody>
</table>
<footer class="marking marking-bottom" aria-label="Protective marking">${marking}</footer>
</div>
</body>
</html>
`);
}

function titleHtml(pack: BriefingPack): string {
  const rows = titleBlock(pack).map((r) => `<dt>${e(r.label)}</dt><dd>${e(r.value)}</dd>`);
  return `<header class="title-block">
<p class="doc-kind">Briefing</p>
<h1>${e(pack.definition.title)}</h1>
<dl>${rows.join('')}</dl>
</header>`;
}

function noticesHtml(pack: BriefingPack): string {
  if (pack.notices.length === 0) return '';
  return `<aside class="notices" aria-labelledby="notices-h"><h2 id="notices-h">Read this first</h2><ul>${pack.notices
    .map((n) => `<li>${e(n)}</li>`)
    .join('')}</ul></aside>`;
}

/** The figures whose extraction warning is still open, each with the warning's words: a region of its own, read before any table. */
function checkBeforeUseHtml(pack: BriefingPack, link: boolean): string {
  if (pack.checkBeforeUse.length === 0) return '';
  const items = pack.checkBeforeUse.map(
    (w) => `<li><p><strong>${e(w.figure)}</strong> ${cite(w.source, link)}</p><p>${e(w.warning)}</p></li>`,
  );
  // The notices' box (html-style.ts): its sheet's hash is pinned in the app's Content-Security-Policy, so no new rule here.
  return `<aside class="notices check-before-use" aria-labelledby="check-h"><h2 id="check-h">${e(CHECK_BEFORE_USE_TITLE)}</h2><p>${e(
    CHECK_BEFORE_USE_INTRO,
  )}</p><ul>${items.join('')}</ul></aside>`;
}

/** A list of the sections for the screen (the preview is long); print leaves it out. */
function contentsHtml(pack: BriefingPack): string {
  const items = sectionsInOrder(pack).map((s) => `<li><a href="#${s.key}">${e(s.title)}</a></li>`);
  return `<nav class="contents" aria-labelledby="contents-h"><h2 id="contents-h">Contents</h2><ol>${items.join('')}</ol></nav>`;
}

const cite = (id: string, link: boolean): string =>
  id ? (link ? `<a class="cite" href="#${e(id)}">${e(citation(id))}</a>` : `<span class="cite">${e(citation(id))}</span>`) : '';

const empty = (text: string): string => `<p class="empty">${e(text)}</p>`;

/** A doc-content table: header row in <thead> (repeated on each printed page), cell lines after the first in a smaller style. */
export function tableHtml(t: DocTable, link: boolean, caption?: string): string {
  const out = new StringSink();
  writeTable(t, link, out, caption);
  return out.toString();
}

/** The table row by row (the metrics of a large pack run to thousands of rows). */
function writeTable(t: DocTable, link: boolean, out: TextSink, caption?: string): void {
  const cls = (c: DocTable['columns'][number]) => (c.align === 'right' ? ' class="right"' : c.align === 'center' ? ' class="center"' : '');
  const head = t.columns.map((c) => `<th scope="col"${cls(c)}>${e(c.title)}</th>`).join('');
  out.write(`<table class="data">${caption ? `<caption class="muted">${e(caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>`);
  for (const r of t.rows) {
    const cells = r.cells.map((cell, i) => {
      const col = t.columns[i];
      if (col?.cite) return `<td>${cite(cell, link)}</td>`;
      const [first = '', ...rest] = cell.split('\n');
      const more = rest.map((l) => `<span class="${/^Warning open/.test(l) ? 'warn' : 'sub'}">${e(l)}</span>`).join('');
      return `<td${col ? cls(col) : ''}>${e(first)}${more}</td>`;
    });
    out.write(`<tr${r.strong ? ' class="strong"' : ''}>${cells.join('')}</tr>`);
  }
  out.write('</tbody></table>');
}

/** A section's content: the long ones (findings, sources, the metrics table) a piece at a time. */
function writeSection(key: PackSectionKey, pack: BriefingPack, link: boolean, opts: HtmlOptions, out: TextSink): void {
  if (key === 'metrics') return writeMetrics(pack, link, opts, out);
  if (key === 'findings' && pack.findings.length) {
    pack.findings.forEach((g, i) => {
      out.write(`${i ? '\n' : ''}<h3>${e(pack.reports.length > 1 ? `${g.section} (${g.report})` : g.section)}</h3>\n`);
      g.findings.forEach((f, k) => out.write(`${k ? '\n' : ''}${findingHtml(f, link)}`));
    });
    return;
  }
  if (key === 'sources' && pack.sources.length) {
    out.write(
      '<table class="data sources"><thead><tr><th scope="col">Source</th><th scope="col">Item</th><th scope="col">Where in the report</th></tr></thead><tbody>',
    );
    for (const src of pack.sources) {
      out.write(`<tr id="${e(src.id)}"><td>${e(citation(src.id))}</td><td>${e(src.what)}</td><td>${e(sourceEntry(src))}</td></tr>`);
    }
    out.write('</tbody></table>');
    return;
  }
  out.write(sectionHtml(key, pack, link));
}

/** A short section, or a long one's "none" line. */
function sectionHtml(key: PackSectionKey, pack: BriefingPack, link: boolean): string {
  switch (key) {
    case 'summary':
      if (pack.reports.length === 0) return empty('The pack covers no report.');
      return pack.reports
        .map(
          (r) =>
            `<h3>${e(`${r.title} – ${r.force}`)}</h3>\n<p><strong>Overall grade:</strong> ${e(r.overallGrade ?? 'Not graded')}${
              r.published ? ` <span class="muted">(published ${e(r.published)})</span>` : ''
            }</p>\n${r.judgments.length ? tableHtml(judgmentsTable(r), link) : empty('The report has no graded judgments.')}`,
        )
        .join('\n');
    // writeSection writes the metrics, and the findings and sources when there are any.
    case 'metrics':
      return '';
    case 'findings':
      return empty('No finding is marked include-in-brief.');
    case 'areas':
      return areasHtml(pack, link);
    case 'review':
      if (pack.review.length === 0) return empty('The workspace has no case-file review sample for these reports.');
      return pack.review
        .map(
          (rv) =>
            `<h3>${e(`${rv.force}: ${rv.files} files reviewed`)}${rv.synthetic ? '<span class="synthetic-badge">SYNTHETIC SAMPLE</span>' : ''}</h3>\n` +
            (rv.synthetic ? `<p class="notice"><strong>Note:</strong> ${e(SYNTHETIC_REVIEW_NOTICE)}</p>\n` : '') +
            tableHtml(reviewTable(rv), link) +
            (rv.reconciliation.length
              ? `\n<h3>Figures stated in the report against the sample</h3>\n${tableHtml(reconciliationTable(rv), link)}`
              : ''),
        )
        .join('\n');
    case 'sources':
      return empty('No item in this pack cites a source.');
    case 'reproducibility':
      return (
        `<p>${e(REPRODUCIBILITY_INTRO)}</p>\n<dl class="facts">${reproducibilityLines(pack)
          .map((l) => `<dt>${e(l.label)}</dt><dd>${/hash/i.test(l.label) ? `<code>${e(l.value)}</code>` : e(l.value)}</dd>`)
          .join('')}<dt>Pack dated</dt><dd>${e(longDate(pack.definition.date))}</dd></dl>\n` +
        (pack.feeds.length ? tableHtml(feedsTable(pack), link) : '')
      );
  }
}

function writeMetrics(pack: BriefingPack, link: boolean, opts: HtmlOptions, out: TextSink): void {
  if (pack.metrics.length === 0) return out.write(empty('The selected reports have no metrics.'));
  const svgs = opts.chartSvg !== undefined ? [opts.chartSvg] : pack.chart ? chartParts(pack.chart).map(chartSvg) : [];
  const alt = e(chartAltText(pack));
  const figures = svgs
    .map((svg, i) => {
      const more = svgs.length > 1 ? ` (part ${i + 1} of ${svgs.length})` : '';
      return `<figure class="chart" aria-label="${alt}${e(more)}">${inlineSvg(svg)}${i === svgs.length - 1 ? `<figcaption>${alt}</figcaption>` : ''}</figure>`;
    })
    .join('\n');
  out.write(`${figures}\n<p class="muted">${e(METRICS_NOTE)}</p>\n`);
  writeTable(metricsTable(pack.metrics, pack.chart?.forceLabel ?? 'Force'), link, out);
}

/** Tallest drawing (in the chart's own pixels) that still fits on an A4 page beside the marking when scaled to the text width. */
const CHART_PART_HEIGHT = 900;

/**
 * The chart cut between panels into parts that each fit on a printed page: an SVG is an image, so
 * a page break through it would slice bars and labels in two. Each part keeps the title and legend.
 */
export function chartParts(spec: ChartSpec): ChartSpec[] {
  const parts: ChartSpec[] = [];
  let current: ChartSpec['panels'] = [];
  for (const panel of spec.panels) {
    if (current.length && chartSize({ ...spec, panels: [...current, panel] }).height > CHART_PART_HEIGHT) {
      parts.push({ ...spec, panels: current });
      current = [];
    }
    current.push(panel);
  }
  if (current.length || parts.length === 0) parts.push({ ...spec, panels: current });
  return parts.length === 1 ? parts : parts.map((p, i) => ({ ...p, title: i === 0 ? p.title : `${p.title} (continued)` }));
}

const SVG_TAGS = new Set(['svg', 'title', 'desc', 'g', 'rect', 'text', 'tspan', 'path', 'line', 'polyline', 'circle']);
const SVG_ATTRS =
  /^(xmlns|width|height|viewBox|role|aria-label|x|y|x1|y1|x2|y2|cx|cy|r|d|points|fill|stroke|stroke-width|stroke-dasharray|font-family|font-size|font-weight|text-anchor|dominant-baseline|transform|opacity|fill-opacity)$/;

/**
 * The chart's SVG as it goes inline. The namespace declaration is dropped (the HTML parser puts
 * <svg> in the SVG namespace anyway), so the document names no address at all. The SVG comes from
 * chart.ts, which escapes every label, but it is checked here too, tag by tag: anything beyond a
 * plain drawing (a script, an event handler, a link, a reference to elsewhere) refuses the whole
 * chart rather than passing it on. Text between tags is escaped, so it cannot hold a tag.
 */
export function inlineSvg(svg: string): string {
  const out = svg.replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '<svg');
  for (const m of out.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const [, closing, tag = '', rest = ''] = m;
    if (!SVG_TAGS.has(tag)) return '';
    if (closing) continue;
    const attrs = rest.replace(/\/$/, '').trim();
    for (const a of attrs.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
      if (!SVG_ATTRS.test(a[1] ?? '') || /url\(|javascript:/i.test(a[2] ?? '')) return '';
    }
    if (/[<>]/.test(attrs.replace(/="[^"]*"/g, ''))) return '';
  }
  if (/<(?![a-zA-Z/])/.test(out)) return '';
  return out;
}

function findingHtml(f: PackFinding, link: boolean): string {
  const rag = f.rag ?? 'none';
  return `<article class="finding">
<p class="finding-head"><span class="rag rag-${rag}">RAG: ${e(ragWord(f.rag))}</span>${e(findingLabel(f))} ${cite(f.source, link)}</p>
<blockquote>${e(f.text)}</blockquote>${f.note ? `\n<p class="note"><strong>Analyst’s note:</strong> <em>${e(f.note)}</em></p>` : ''}${
    f.tags.length ? `\n<p class="tags"><strong>Tags:</strong> ${f.tags.map(e).join(', ')}</p>` : ''
  }
</article>`;
}

function areasHtml(pack: BriefingPack, link: boolean): string {
  if (pack.areas.length === 0) return empty('The selected reports list no areas for improvement.');
  const out: string[] = [];
  let heading = '';
  let open = false;
  for (const a of pack.areas) {
    const h = pack.reports.length > 1 ? `${a.section} (${a.report})` : a.section;
    if (h !== heading) {
      if (open) out.push('</ul>');
      out.push(`<h3>${e(h)}</h3>`, '<ul class="areas">');
      open = true;
      heading = h;
    }
    const children = a.children.length ? `<ul>${a.children.map((c) => `<li>${e(c)}</li>`).join('')}</ul>` : '';
    out.push(`<li>${e(a.text)} ${cite(a.source, link)}${children}</li>`);
  }
  if (open) out.push('</ul>');
  return out.join('\n');
}
