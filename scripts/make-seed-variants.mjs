#!/usr/bin/env node
// Builds the seed report as an analyst would come by it outside this project: the Markdown opened
// in a browser and printed to PDF (the browser's own running header and footer: date, title, file
// address, "3/24"), with no print styling, so the judgments table wraps its cells and footnote
// markers are bare superscripts; then converted with pdftotext in both modes, and a copy of the
// plain conversion whose contents list a careless copy-paste flattened onto one line.
//
//   node scripts/make-seed-variants.mjs
//
// Outputs in tests/fixtures/seed-variants/:
//   gwent-2017-printed.pdf         Chromium "print to PDF" of the rendered Markdown
//   gwent-2017-printed.txt         pdftotext -enc UTF-8
//   gwent-2017-printed-layout.txt  pdftotext -layout -enc UTF-8
//   gwent-2017-flat-contents.txt   the plain conversion with the contents run onto one line
//
// Seed text: "PEEL: Police effectiveness 2017 – An inspection of Gwent Police", HMICFRS,
// © Crown copyright 2018, Open Government Licence v3.0.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../build/chromium.mjs';
import { normalisePdfDates } from './pdf-dates.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = join(ROOT, 'data', 'gwent-peel-effectiveness-2017.md');
const OUT = join(ROOT, 'tests', 'fixtures', 'seed-variants');
const TITLE = 'PEEL: Police effectiveness 2017 – An inspection of Gwent Police';

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// The seed's tables are tab-separated lines under a heading; a Markdown viewer shows them as
// paragraphs whose lines it keeps apart. Give them the table a viewer with GFM tables would draw.
function tabTablesToGfm(md) {
  const lines = md.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.includes('\t') && !/^<b>|\.\.\.\.\s*\t/.test(line) && !/\.{3,}/.test(line)) {
      const rows = [];
      while (i < lines.length && lines[i].includes('\t')) rows.push(lines[i++].split('\t'));
      i--;
      const width = Math.max(...rows.map((r) => r.length));
      const cells = (r) => `| ${[...r, ...Array(width - r.length).fill('')].join(' | ')} |`;
      out.push(cells(rows[0]), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(cells));
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

async function printPdf(html, pdfPath) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await (await browser.newContext({ offline: true })).newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const small = 'font-family: sans-serif; font-size: 8px; width: 100%; margin: 0 10mm; display: flex; justify-content: space-between;';
    await page.pdf({
      path: pdfPath,
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: `<div style="${small}"><span>07/12/2026, 09:41</span><span>${escapeHtml(TITLE)}</span><span></span></div>`,
      footerTemplate: `<div style="${small}"><span>file:///home/analyst/Downloads/gwent-peel-effectiveness-2017.html</span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`,
      margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
    });
  } finally {
    await browser.close();
  }
}

/** The contents entries (dot leaders and page numbers) run together onto the "Contents" line. */
function flattenContents(text) {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.trim() === 'Contents');
  let end = at + 1;
  const entries = [];
  while (end < lines.length && (lines[end].trim() === '' || /\.{3,}|\d\s*$/.test(lines[end]))) {
    if (lines[end].trim()) entries.push(lines[end].trim());
    end++;
    if (entries.length && lines[end]?.trim() && !/\.{3,}/.test(lines[end])) break;
  }
  return [...lines.slice(0, at), `Contents ${entries.join(' ')}`, '', ...lines.slice(end)].join('\n');
}

mkdirSync(OUT, { recursive: true });
const md = readFileSync(SEED, 'utf8');
const body = new Marked({ gfm: true }).parse(tabTablesToGfm(md));
const html = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(TITLE)}</title></head><body>${body}</body></html>`;
const pdf = join(OUT, 'gwent-2017-printed.pdf');
await printPdf(html, pdf);
normalisePdfDates(pdf, '20261207094100');
const txt = join(OUT, 'gwent-2017-printed.txt');
execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, txt]);
execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, join(OUT, 'gwent-2017-printed-layout.txt')]);
writeFileSync(join(OUT, 'gwent-2017-flat-contents.txt'), flattenContents(readFileSync(txt, 'utf8')));
console.log(`wrote ${OUT}`);
