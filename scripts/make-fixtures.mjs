#!/usr/bin/env node
// Builds the test fixtures in tests/fixtures/ from the seed report
// data/gwent-peel-effectiveness-2017.md.
//
//   node scripts/make-fixtures.mjs [--html /tmp/out.html]
//
// Outputs:
//   gwent-2017.pdf   print-ready A4 rendering of the report (Chromium via playwright-core)
//   gwent-2017.txt   `pdftotext -enc UTF-8` of the PDF (non-layout mode): running headers,
//                    page numbers, form feeds, footnote numbers glued to words, ...
//   truncated.pdf    first 40% of the bytes of gwent-2017.pdf
//   binary.bin       4 KiB of seeded pseudo-random bytes (contains NULs)
//   random.txt       ordinary English prose (a recipe) that is not an inspection report
//   empty.txt        0 bytes
//
// Seed text: "PEEL: Police effectiveness 2017 – An inspection of Gwent Police",
// HMICFRS, © Crown copyright 2018, Open Government Licence v3.0.
//
// Everything is local: system fonts only, every network request from the page is aborted.

import { readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../build/chromium.mjs';
import { normalisePdfDates } from './pdf-dates.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = join(ROOT, 'data', 'gwent-peel-effectiveness-2017.md');
const OUT = join(ROOT, 'tests', 'fixtures');

const DOC_TITLE = 'PEEL: Police effectiveness 2017 – An inspection of Gwent Police';
const RUNNING_HEADER = 'PEEL: Police effectiveness 2017 – Gwent Police';

// Headings (level 1 or 2, plain text) that start a new page, as in the published report.
// The first H1 (the cover title) never gets a break; "# Contents" and the other H1s always do.
const BREAK_BEFORE_H2 = new Set(['Force in numbers', 'Risk-based inspection', 'Effectiveness overview', 'Annex A – About the data']);

// Inside "Force in numbers" (a two-page infographic in the published report, here a compact
// single column so the text stays in reading order), these H2s start the second page.
const FIN_PAGE_BREAK_H2 = new Set(['Crime outcomes*']);
const FIN_TITLE = 'Force in numbers';

const GRADES = /^(Outstanding|Good|Requires improvement|Inadequate|Ungraded)$/;

// ---------------------------------------------------------------------------
// Markdown -> HTML

const marked = new Marked({ gfm: true, breaks: false });

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline Markdown (keeps the seed's inline <sup>/<b> HTML). */
function inline(md) {
  return marked.parseInline(md.trim());
}

function stripTags(s) {
  return s.replace(/<[^>]+>/g, '');
}

function headingInfo(block) {
  if (block.length !== 1) return null;
  const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(block[0]);
  if (!m) return null;
  const text = stripTags(m[2])
    .replace(/\*\*|__/g, '')
    .replace(/\\(.)/g, '$1')
    .trim();
  return { level: m[1].length, text };
}

function tocHtml(lines) {
  const entries = lines.map((line) => {
    const [left, right] = line.split('\t');
    const bold = /<b>/i.test(left);
    const title = stripTags(left)
      .replace(/\s*\.{2,}\s*$/, '')
      .trim();
    const page = stripTags(right).trim();
    return (
      `<p class="toc-entry${bold ? ' toc-main' : ' toc-sub'}">` +
      `<span class="toc-title">${escapeHtml(title)}</span>` +
      `<span class="toc-dots"> </span>` +
      `<span class="toc-page">${escapeHtml(page)}</span></p>`
    );
  });
  return `<div class="toc">\n${entries.join('\n')}\n</div>`;
}

function tableHtml(lines, className) {
  const rows = lines.map((l) => l.split('\t').map((c) => c.trim()));
  const [head, ...body] = rows;
  const th = head.map((c) => `<th>${inline(c)}</th>`).join('');
  const trs = body
    .map((r) => `<tr>${r.map((c, i) => `<td${i === 1 ? ' class="grade-cell"' : ''}>${inline(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table class="${className}">\n<thead><tr>${th}</tr></thead>\n<tbody>\n${trs}\n</tbody>\n</table>`;
}

function mdToHtml(md) {
  // Seed quirks at line level.
  const lines = md
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => (/^[ \t\u00A0]*$/.test(l) ? '' : l)) // whitespace-only lines are blank
    .map((l) => l.replace(/\\\\_/g, '_')); // "attachment\\_data" -> "attachment_data"

  // Group into blocks separated by blank lines.
  const blocks = [];
  let cur = [];
  for (const l of lines) {
    if (l === '') {
      if (cur.length) blocks.push(cur);
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) blocks.push(cur);

  const raw = []; // placeholder -> html
  const out = []; // markdown blocks
  const place = (html) => {
    raw.push(html);
    out.push(`@@RAW${raw.length - 1}@@`);
  };

  let seenH1 = false;
  let inCover = false;
  let inContents = false;
  let prevWasFootnote = false;
  let prevWasH1 = false;
  let inFin = false; // inside the two-column "Force in numbers" section
  let seenFin = false;

  for (const block of blocks) {
    const h = headingInfo(block);
    const wasFootnote = prevWasFootnote;
    const afterH1 = prevWasH1;
    prevWasFootnote = false;
    prevWasH1 = false;

    if (h) {
      inContents = false;
      if (inFin) {
        if (h.level === 1 || BREAK_BEFORE_H2.has(h.text)) {
          place('</div></section>');
          inFin = false;
        } else if (FIN_PAGE_BREAK_H2.has(h.text)) {
          place('</div></section>');
          place('<div class="page-break"></div>');
          out.push(block[0]);
          place('<section class="fin"><div class="fin-group">');
          continue;
        } else {
          // Each infographic panel (heading + its figures) stays in one column.
          place('</div><div class="fin-group">');
          out.push(block[0]);
          continue;
        }
      }
      if (h.level === 1 && !seenH1) {
        seenH1 = true;
        inCover = true;
        place('<section class="cover">');
        out.push(block[0]);
        continue;
      }
      if (inCover) {
        place('</section>');
        inCover = false;
      }
      if (h.level === 1) {
        place('<div class="page-break"></div>');
        if (h.text === 'Contents') inContents = true;
      } else if (h.level === 2 && BREAK_BEFORE_H2.has(h.text)) {
        BREAK_BEFORE_H2.delete(h.text); // only the first occurrence (Annex A repeats some titles)
        place('<div class="page-break"></div>');
      }
      out.push(block[0]);
      prevWasH1 = h.level === 1;
      if (h.level === 2 && h.text === FIN_TITLE && !seenFin) {
        seenFin = true;
        place('<section class="fin"><div class="fin-group">');
        inFin = true;
      }
      continue;
    }

    // Contents: "<b>Title .....</b>\t<b>3</b>" / "Title .....\t9"
    if (inContents && block.every((l) => l.includes('\t'))) {
      place(tocHtml(block));
      continue;
    }

    // "Overall effectiveness 2017  Requires improvement"
    const overall = block.length === 1 && /^(Overall effectiveness \d{4})\s+(\S.*)$/.exec(block[0]);
    if (overall) {
      place(
        `<p class="overall"><span class="overall-label">${escapeHtml(overall[1])}</span> ` +
          `<span class="overall-grade">${escapeHtml(overall[2].trim())}</span></p>`,
      );
      continue;
    }

    // Tab-separated rows (the judgments table).
    if (block.length > 1 && block.every((l) => l.includes('\t'))) {
      place(tableHtml(block, 'judgments'));
      continue;
    }

    // Grade line directly under a chapter heading ("Requires improvement", "Good", ...).
    if (afterH1 && block.length === 1 && GRADES.test(block[0].trim())) {
      place(`<p class="chapter-grade">${escapeHtml(block[0].trim())}</p>`);
      continue;
    }

    // Footnotes: paragraphs starting with <sup>N</sup>.
    if (/^<sup>\d+<\/sup>/.test(block[0])) {
      place(`<p class="fn">${inline(block.join('\n'))}</p>`);
      prevWasFootnote = true;
      continue;
    }
    // A bare link paragraph right after a footnote belongs to that footnote.
    if (wasFootnote && block.length === 1 && /^\[[^\]]+\]\([^)]+\)\s*$/.test(block[0])) {
      const prev = raw[raw.length - 1];
      raw[raw.length - 1] = prev.replace(/<\/p>$/, `<br>${inline(block[0])}</p>`);
      prevWasFootnote = true;
      continue;
    }

    out.push(block.join('\n'));
  }
  if (inFin) place('</div></section>');
  if (inCover) place('</section>');

  let html = marked.parse(out.join('\n\n'));
  html = html.replace(/<p>@@RAW(\d+)@@<\/p>|@@RAW(\d+)@@/g, (_, a, b) => raw[Number(a ?? b)]);
  // Force-in-numbers style figures: a paragraph that is only a bold number/percentage.
  html = html.replace(/<p><strong>([-+]?[\d.,]+%?)<\/strong><\/p>/g, '<p class="figure-number"><strong>$1</strong></p>');
  return html;
}

const CSS = `
@page { size: A4; }
::-webkit-scrollbar { display: none; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  font-family: "Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif;
  font-size: 11pt; line-height: 1.4; color: #000; margin: 0;
}
h1, h2, h3, h4 { font-weight: bold; line-height: 1.2; break-after: avoid; color: #1b365d; }
h1 { font-size: 22pt; margin: 0 0 12pt; }
h2 { font-size: 16pt; margin: 18pt 0 8pt; }
h3 { font-size: 13.5pt; margin: 14pt 0 6pt; }
h4 { font-size: 12pt; margin: 12pt 0 6pt; }
p { margin: 0 0 8pt; orphans: 2; widows: 2; }
/* Bullets as text glyphs, as Word-produced PEEL PDFs have them ("•" and "o" in pdftotext output). */
ul { margin: 0 0 8pt; padding-left: 18pt; list-style: none; }
li { margin: 0 0 4pt; position: relative; }
li::before { content: "\\2022"; position: absolute; left: -12pt; }
ul ul li::before { content: "o"; }
sup { font-size: 0.68em; line-height: 0; vertical-align: super; }
a { color: #1b365d; text-decoration: underline; }
hr { border: 0; border-top: 0.6pt solid #000; width: 35%; margin: 12pt 0 4pt 0; }
p.fn { font-size: 8.5pt; line-height: 1.3; margin: 0 0 4pt; }
p.fn sup { font-size: 0.8em; }
.page-break { break-before: page; height: 0; }
section.cover { padding-top: 70mm; }
section.cover h1 { font-size: 30pt; margin-bottom: 14pt; }
section.cover p:first-of-type { font-size: 16pt; margin-bottom: 50mm; }
p.chapter-grade { font-size: 14pt; font-weight: bold; color: #1b365d; margin-bottom: 12pt; }
p.figure-number { font-size: 16pt; margin-bottom: 6pt; }
section.fin { font-size: 10pt; line-height: 1.2; }
section.fin h2, section.fin h3 { font-size: 12.5pt; margin: 0; padding-top: 7pt; margin-bottom: 3pt; }
section.fin p { margin: 0 0 3pt; }
section.fin p.figure-number { font-size: 13pt; margin: 0 0 3pt; }
section.fin .fin-group { break-inside: avoid; }
.toc { margin-top: 6pt; }
p.toc-entry { white-space: nowrap; overflow: hidden; margin: 0 0 5pt; }
p.toc-main { font-weight: bold; margin-top: 9pt; }
p.toc-sub { padding-left: 14pt; }
p.overall { font-size: 12pt; margin: 6pt 0 10pt; }
.overall-label { font-weight: bold; }
table.judgments { border-collapse: collapse; width: 100%; margin: 4pt 0 12pt; font-size: 10.5pt; }
table.judgments th, table.judgments td { border: 0.75pt solid #7f7f7f; padding: 4pt 6pt; text-align: left; vertical-align: top; }
table.judgments th { background: #1b365d; color: #fff; }
`;

function buildHtml(md) {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${escapeHtml(DOC_TITLE)}</title>
<meta name="author" content="HMICFRS">
<style>${CSS}</style>
</head>
<body>
${mdToHtml(md)}
</body>
</html>
`;
}

// Runs in the page: fill each contents entry with a dot leader so that the page
// number sits at the right margin on the same text line as its title.
function fillTocLeaders() {
  for (const p of document.querySelectorAll('p.toc-entry')) {
    const dots = p.querySelector('.toc-dots');
    const page = p.querySelector('.toc-page');
    const avail = p.clientWidth - parseFloat(getComputedStyle(p).paddingLeft);
    const used = () => p.querySelector('.toc-title').offsetWidth + dots.offsetWidth + page.offsetWidth;
    let s = ' ';
    dots.textContent = s;
    while (used() < avail) {
      s += '.';
      dots.textContent = s + ' ';
    }
    s = s.slice(0, -1);
    dots.textContent = s + ' ';
    page.style.paddingLeft = Math.max(0, avail - used() - 0.75) + 'px';
  }
}

async function renderPdf(html, pdfPath) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: true });
    const page = await context.newPage();
    const blocked = [];
    await page.route('**/*', (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
    // Lay the page out at the printable width (A4 210mm - 2 x 20mm = 170mm = 642.5 CSS px)
    // so that the in-page measurements below match the print layout.
    await page.setViewportSize({ width: 642, height: 1000 });
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(fillTocLeaders);
    const small = "font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 8pt; color: #404040;";
    await page.pdf({
      path: pdfPath,
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${small} width: 100%; margin: 0 20mm; padding-top: 2mm; text-align: right;">${escapeHtml(RUNNING_HEADER)}</div>`,
      footerTemplate: `<div style="${small} width: 100%; margin: 0 20mm; padding-bottom: 2mm; text-align: center;"><span class="pageNumber"></span></div>`,
      margin: { top: '25mm', bottom: '25mm', left: '20mm', right: '20mm' },
    });
    if (blocked.length) console.warn(`blocked ${blocked.length} request(s):`, blocked.join(', '));
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------
// Bad-input fixtures

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function binaryBytes(size = 4096, seed = 0x5eed2017) {
  const rnd = mulberry32(seed);
  const buf = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buf[i] = Math.floor(rnd() * 256);
  // Guarantee NUL bytes (including near the start) whatever the PRNG produced.
  for (const i of [1, 7, 64, 513, 2048, size - 3]) buf[i] = 0;
  return buf;
}

const RANDOM_TXT = `Lemon and Thyme Shortbread

This is a simple shortbread that keeps well in a tin for about a week. It makes around twenty biscuits, depending on how thickly you roll the dough and which cutter you use.

You will need 225 grams of soft unsalted butter, 110 grams of caster sugar, 300 grams of plain flour, a pinch of fine salt, the finely grated zest of one unwaxed lemon and the leaves from four or five sprigs of fresh thyme.

Beat the butter and sugar together in a large bowl until pale and fluffy. Stir in the lemon zest and the thyme leaves, then sift in the flour and salt. Work everything together with your hands until it just comes together into a smooth dough; do not knead it, or the biscuits will be tough rather than short.

Wrap the dough and chill it for half an hour. Meanwhile, heat the oven to 170 degrees (150 degrees for a fan oven) and line two baking trays with baking paper.

Roll the dough out on a lightly floured surface to the thickness of a pound coin and cut out rounds. Lay them on the trays, prick each one twice with a fork and sprinkle with a little extra sugar. Bake for 15 to 18 minutes, until the edges are only just turning golden.

Leave the shortbread on the trays for five minutes to firm up, then move the biscuits to a wire rack to cool completely. They are lovely with a cup of Earl Grey tea on a wet afternoon, and the same dough works well with orange zest and rosemary instead of lemon and thyme.
`;

// ---------------------------------------------------------------------------

function sizeOf(p) {
  return statSync(p).size;
}

async function main() {
  const argv = process.argv.slice(2);
  const htmlOutIdx = argv.indexOf('--html');
  mkdirSync(OUT, { recursive: true });

  const md = readFileSync(SEED, 'utf8');
  const html = buildHtml(md);
  if (htmlOutIdx >= 0 && argv[htmlOutIdx + 1]) writeFileSync(argv[htmlOutIdx + 1], html);

  const pdfPath = join(OUT, 'gwent-2017.pdf');
  const txtPath = join(OUT, 'gwent-2017.txt');
  await renderPdf(html, pdfPath);
  // Pinned to the publication month, so repeated runs give identical bytes.
  normalisePdfDates(pdfPath, '20180301000000');
  execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, txtPath], { stdio: 'inherit' });

  const pdf = readFileSync(pdfPath);
  writeFileSync(join(OUT, 'truncated.pdf'), pdf.subarray(0, Math.floor(pdf.length * 0.4)));
  writeFileSync(join(OUT, 'binary.bin'), binaryBytes());
  writeFileSync(join(OUT, 'random.txt'), RANDOM_TXT);
  writeFileSync(join(OUT, 'empty.txt'), '');

  let pages = '?';
  try {
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    pages = /^Pages:\s+(\d+)/m.exec(info)?.[1] ?? '?';
  } catch {
    /* pdfinfo is optional */
  }
  for (const f of ['gwent-2017.pdf', 'gwent-2017.txt', 'truncated.pdf', 'binary.bin', 'random.txt', 'empty.txt']) {
    console.log(`${f.padEnd(16)} ${String(sizeOf(join(OUT, f))).padStart(8)} bytes`);
  }
  console.log(`gwent-2017.pdf has ${pages} pages`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
