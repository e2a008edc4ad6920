// Bench item 10: Show source, in the built web renderer in headless Chromium. From the click on a
// finding's Show source to its source on screen with the finding's words highlighted: the seed's
// Markdown lines (target 100 ms), and its page of the seed printed to PDF, drawn by pdf.js with its
// text layer (target 500 ms, p95). Findings are taken every few rows down the grid, so the PDF's
// span many pages. The web build is bench/browser.ts's (buildWeb() first).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../build/chromium.mjs';
import { TYPES, WEB_OUT } from './browser';
import { percentile, result, single, type Result } from './lib';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The web build as it is, with its own default workspace and the originals beside it. */
function serve(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.join(WEB_OUT, path.normalize(rel === '/' ? '/index.html' : rel));
    if (!file.startsWith(WEB_OUT)) {
      res.statusCode = 403;
      res.end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
        res.end(body);
      },
      () => {
        res.statusCode = 404;
        res.end();
      },
    );
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/**
 * Clicks the detail panel's Show source in the page and waits, checking every animation frame,
 * until the source is on screen with the words marked: for a PDF, its page drawn (a canvas in a
 * page that is no longer busy) and the mark in the text layer. Timed inside the page, so that
 * Playwright's own polling is not counted. Written as a string: this file compiles without the DOM.
 */
function showSourceTimed(page: Page, pdf: boolean): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const detail = document.querySelector('section[aria-label="Finding detail"]');
    const button = detail && Array.from(detail.querySelectorAll('button')).find((b) => (b.textContent || '').startsWith('Show source'));
    if (!button) return reject(new Error('no Show source button in the detail panel'));
    const t0 = performance.now();
    button.click();
    const deadline = t0 + 30000;
    requestAnimationFrame(function tick() {
      const panel = document.querySelector('section[aria-label="Source"]');
      const ready = ${pdf}
        ? panel && panel.querySelector('.source-page[aria-busy="false"] canvas') && panel.querySelector('.textLayer mark.source-mark--quote')
        : panel && panel.querySelector('mark.source-mark--quote');
      if (ready) return resolve(performance.now() - t0);
      if (performance.now() > deadline) return reject(new Error('the source was not shown within 30 s'));
      requestAnimationFrame(tick);
    });
  })`);
}

/**
 * Presses the metric detail's Verify and next and waits, every animation frame, until the next
 * figure is in the detail panel with its source on screen and its words marked: the edit made
 * durable (its journal record stored), the grid moved on, the source of the next figure shown.
 */
function verifyNextTimed(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const detail = document.querySelector('section[aria-label="Metric detail"]');
    const button = detail && Array.from(detail.querySelectorAll('button')).find((b) => b.textContent === 'Verify and next');
    if (!button) return reject(new Error('no Verify and next button in the metric detail'));
    const before = detail.querySelector('h2').textContent;
    const t0 = performance.now();
    button.click();
    const deadline = t0 + 30000;
    requestAnimationFrame(function tick() {
      const now = document.querySelector('section[aria-label="Metric detail"] h2');
      const panel = document.querySelector('section[aria-label="Source"]');
      // The detail and the panel change in one render (the next figure may be read on the same line as this one).
      if (now && now.textContent !== before && panel && panel.querySelector('mark.source-mark--quote'))
        return resolve(performance.now() - t0);
      if (performance.now() > deadline) return reject(new Error('the next figure was not shown within 30 s'));
      requestAnimationFrame(tick);
    });
  })`);
}

/** Walks the first report's figures with Verify and next, from the first, `samples` times. */
async function timeVerifyNext(page: Page, samples: number): Promise<number[]> {
  await page.getByRole('tab', { name: 'Metrics' }).click();
  const grid = page.getByRole('region', { name: 'Metrics' });
  await grid.locator('[col-id="measure"]').nth(1).click();
  const detail = page.getByRole('region', { name: 'Metric detail' });
  await detail.getByRole('button', { name: 'Show source' }).click();
  await page.getByRole('region', { name: 'Source' }).locator('mark').first().waitFor();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) times.push(await verifyNextTimed(page));
  return times;
}

/** Times Show source on `samples` findings, `step` rows apart down the Findings grid. */
async function timeFindings(page: Page, pdf: boolean, samples: number, step: number): Promise<{ times: number[]; pages: Set<string> }> {
  await page.getByRole('tab', { name: 'Findings' }).click();
  const grid = page.getByRole('region', { name: 'Findings' });
  // The second cell: the first is the row's Include in brief box.
  await grid.getByRole('gridcell').nth(1).click();
  const detail = page.getByRole('region', { name: 'Finding detail' });
  const times: number[] = [];
  const pages = new Set<string>();
  for (let i = 0; i < samples; i++) {
    const position = await detail.getByText(/line \d+ of the source/).innerText();
    pages.add(position.replace(/, line.*/, ''));
    times.push(await showSourceTimed(page, pdf));
    // Escape closes the panel (focus back on the button), Escape again leaves the detail for the grid.
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Source' }).waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    for (let k = 0; k < step; k++) await page.keyboard.press('ArrowDown');
    await detail
      .getByText(/line \d+ of the source/)
      .filter({ hasNotText: position })
      .waitFor();
  }
  return { times, pages };
}

function timing(name: string, times: number[], target: number, note: string): Result {
  const first = times[0] ?? 0;
  const rest = times.slice(1).sort((a, b) => a - b);
  return result(name, { median: percentile(rest, 0.5), p95: percentile(rest, 0.95), p99: 0, runs: rest.length }, target, 'ms', {
    note: `${note}; the first Show source of the report (reading its original) took ${Math.round(first)} ms`,
  });
}

export async function benchSource(opts: { port: number; samples: number; log: (s: string) => void }): Promise<Result[]> {
  if (!existsSync(path.join(WEB_OUT, 'index.html'))) throw new Error(`${WEB_OUT} has no build: buildWeb() first`);
  const server = await serve(opts.port);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  const out: Result[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(120_000);
    await page.goto(`http://127.0.0.1:${opts.port}/`);
    await page.getByRole('article').first().waitFor();

    opts.log('  Show source, the seed as Markdown');
    const text = await timeFindings(page, false, opts.samples, 5);
    out.push(
      timing('Show source: the seed’s Markdown lines on screen, finding highlighted', text.times, 100, `${text.times.length} findings`),
    );

    opts.log('  Verify and next, the seed’s figures');
    // The seed has 24 figures: one fewer steps than that, each to a figure not yet verified.
    const walked = await timeVerifyNext(page, Math.min(opts.samples, 20));
    const sorted = [...walked].sort((a, b) => a - b);
    out.push(
      result(
        'Verify and next: the next figure in the detail panel with its source shown',
        { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: 0, runs: sorted.length },
        100,
        'ms',
        { note: `${sorted.length} figures of the seed walked, each tick journaled before the move` },
      ),
    );

    opts.log('  importing the seed printed to PDF into a new workspace');
    await page.getByRole('tab', { name: 'Reports' }).click();
    // File › New workspace…, named (tests/e2e/app-menus.ts does the same).
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: 'New workspace…', exact: true }).click();
    const naming = page.getByRole('dialog', { name: 'New workspace' });
    await naming.getByRole('textbox', { name: 'Name' }).fill('Seed as PDF');
    await naming.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'This workspace has no reports yet.' }).waitFor();
    const pdf = await readFile(path.join(ROOT, 'tests/fixtures/gwent-2017.pdf'));
    const transfer = await page.evaluateHandle(`(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(${JSON.stringify(pdf.toString('base64'))}), (c) => c.charCodeAt(0))], 'gwent-2017.pdf'));
      return dt;
    })()`);
    const zone = page.getByRole('region', { name: 'Import reports' });
    for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer: transfer });
    await zone.getByText(/^Imported /).waitFor({ timeout: 300_000 });

    opts.log('  Show source, the seed printed to PDF');
    const drawn = await timeFindings(page, true, opts.samples, 5);
    out.push(
      timing(
        'Show source: the seed’s PDF page drawn (canvas + text layer), finding highlighted',
        drawn.times,
        500,
        `${drawn.times.length} findings on ${drawn.pages.size} pages`,
      ),
    );
    await page.screenshot({ path: path.join(ROOT, 'bench/out/source-pdf.png') });
  } catch (e) {
    out.push(single(`Show source: FAILED (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`, 0, '', null));
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  return out;
}
