// Bench item 5 (and the browser half of item 7): the built web renderer in headless Chromium,
// driven like an analyst: open, go to Findings, search, tick a facet, scroll 10,000 rows down.
// One web build (bench/vite.bench.config.ts) serves every workspace: a tiny static server here
// answers /default-workspace.sqlite with the workspace under test, as the defaultWorkspace
// plugin would have bundled it.
import { execFile } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../build/chromium.mjs';
import { percentile, result, round, single, type Result } from './lib';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
export const WEB_OUT = path.join(ROOT, 'bench/out/web');

/** Content types of the web build's files (items 5, 10 and 11 serve it). */
export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.sqlite': 'application/vnd.sqlite3',
  '.mjs.map': 'application/json',
};

export async function buildWeb(): Promise<number> {
  const t0 = performance.now();
  await run(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'bench/vite.bench.config.ts'], {
    cwd: ROOT,
    env: { ...process.env, BENCH_OUT: WEB_OUT },
    maxBuffer: 64 * 1024 * 1024,
  });
  return performance.now() - t0;
}

export function serve(port: number, workspace: () => string): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
      const file = rel === '/default-workspace.sqlite' ? workspace() : path.join(WEB_OUT, path.normalize(rel));
      if (!file.startsWith(WEB_OUT) && file !== workspace()) {
        res.statusCode = 403;
        res.end();
        return;
      }
      try {
        const s = await stat(file);
        res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
        res.setHeader('Content-Length', s.size);
        createReadStream(file).pipe(res);
      } catch {
        res.statusCode = 404;
        res.end('not found');
      }
    })();
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/**
 * Resident memory of the Chromium that this process launched and all its children (renderer,
 * GPU, utility processes), in MB: Playwright's Browser does not expose its pid, so the tree is
 * found from this process's chromium children.
 */
async function chromiumRssMb(): Promise<number> {
  try {
    const { stdout } = await run('ps', ['-e', '-o', 'pid=,ppid=,rss=,comm=']);
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => {
        const [pid, ppid, rss, ...comm] = l.trim().split(/\s+/);
        return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss), comm: comm.join(' ') };
      });
    const tree = new Set(rows.filter((r) => r.ppid === process.pid && r.comm.includes('chrom')).map((r) => r.pid));
    for (let changed = true; changed;) {
      changed = false;
      for (const r of rows) {
        if (tree.has(r.ppid) && !tree.has(r.pid)) {
          tree.add(r.pid);
          changed = true;
        }
      }
    }
    return rows.filter((r) => tree.has(r.pid)).reduce((n, r) => n + r.rss, 0) / 1024;
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The parts of the DOM the in-page checks read (this file compiles without the DOM types). */
interface PageDoc {
  querySelectorAll(s: string): ArrayLike<{ textContent: string | null }>;
}

/**
 * Waits, checking on every animation frame in the page, until the Findings grid shows a filled cell
 * (containing `cell`, case-insensitive, when given) and, when `count` is given, the count line
 * matches it. Playwright's own locator waits re-check with a back-off of up to 100 ms between
 * tries, which would be counted as the app's time; a check each frame is late by one frame at most.
 */
async function untilShown(page: Page, want: { count?: string; cell?: string }): Promise<void> {
  await page.waitForFunction(
    // No named inner functions: tsx would wrap them in a helper the page does not have.
    ({ count, cell }) => {
      const doc = (globalThis as unknown as { document: PageDoc }).document;
      const cells = Array.from(doc.querySelectorAll('section[aria-label="Findings"] [role="gridcell"]'));
      const shown = cells.some((c) => {
        const t = (c.textContent ?? '').trim();
        return t.length > 0 && (!cell || t.toLowerCase().includes(cell.toLowerCase()));
      });
      if (!shown) return false;
      if (count === undefined) return true;
      return Array.from(doc.querySelectorAll('[aria-live="polite"]')).some((e) => new RegExp(count).test((e.textContent ?? '').trim()));
    },
    want,
    { polling: 'raf', timeout: 300_000 },
  );
}

async function firstRows(page: Page, url: string, reload: boolean): Promise<number> {
  const t0 = performance.now();
  if (reload) await page.reload();
  else await page.goto(url);
  // The Findings tab is clicked from inside the page in the first animation frame it exists in:
  // Playwright's click waits for the element to stay put across frames and retries with a back-off,
  // which on a busy first load added 150–290 ms that belong to the test driver, not the app.
  await page.evaluate(`new Promise(function (resolve) {
    requestAnimationFrame(function tick() {
      var tab = Array.from(document.querySelectorAll('[role=tab]')).find(function (t) { return t.textContent === 'Findings'; });
      if (tab) { tab.click(); resolve(); } else requestAnimationFrame(tick);
    });
  })`);
  const refused = page.getByText(/could not be opened/).first();
  const shown = untilShown(page, {});
  const failed = refused.waitFor({ timeout: 300_000 });
  // Whichever loses is left waiting; its eventual failure is not an error.
  shown.catch(() => undefined);
  failed.catch(() => undefined);
  await Promise.race([shown, failed]);
  if (await refused.isVisible()) {
    const why = (await page.locator('body').innerText()).match(/could not be opened[^\n]*\n?[^\n]*/)?.[0] ?? 'refused';
    throw new Error(`the app says the workspace ${why.replace(/\s+/g, ' ')}`);
  }
  return performance.now() - t0;
}

export interface BrowserCase {
  label: string;
  file: string;
  /** ms targets for first rows (cold, warm) */
  firstRowsTarget: number;
  searchTarget: number | null;
  /** Peak memory growth / workspace size; null where the workspace is too small for a ratio to mean anything. */
  memoryTarget: number | null;
}

export async function benchBrowser(
  cases: BrowserCase[],
  opts: { port: number; runs: number; log: (s: string) => void },
): Promise<Result[]> {
  if (!existsSync(path.join(WEB_OUT, 'index.html'))) throw new Error(`${WEB_OUT} has no build: buildWeb() first`);
  let current = cases[0]?.file ?? '';
  const server = await serve(opts.port, () => current);
  const out: Result[] = [];
  const app: { footprintMb: number | null } = { footprintMb: null };
  let version = '';
  // Each case in a Chromium of its own with a profile on disk, as an analyst's browser (and
  // Electron's session) has: an off-the-record context keeps IndexedDB, and so a whole copy of the
  // workspace, in the browser process's memory, which the earlier memory figures counted.
  const launch = async (label: string): Promise<BrowserContext> => {
    const profile = path.join(ROOT, 'bench/out/profiles', label.replace(/\W+/g, '-'));
    await rm(profile, { recursive: true, force: true });
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
      viewport: { width: 1400, height: 900 },
    });
    version ||= context.browser()?.version() ?? '';
    return context;
  };
  try {
    for (const c of cases) {
      try {
        const growth = await benchCase(launch, c, opts.port, opts.runs, opts.log, (file) => (current = file), out, app);
        // The first small workspace's growth is the app's own footprint (bundle, AG Grid, worker, sql.js).
        if (c.memoryTarget === null && app.footprintMb === null) app.footprintMb = growth;
      } catch (e) {
        const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
        opts.log(`browser: ${c.label} FAILED: ${why}`);
        out.push(single(`${c.label} (browser): FAILED: ${why}`, 0, '', null));
      }
    }
    if (version) opts.log(`Chromium ${version}`);
  } finally {
    await new Promise((r) => server.close(r));
  }
  return out;
}

async function benchCase(
  launch: (label: string) => Promise<BrowserContext>,
  c: BrowserCase,
  port: number,
  runs: number,
  log: (s: string) => void,
  serveFile: (file: string) => void,
  /** Results are added as they are measured, so a later step's failure keeps the earlier ones. */
  out: Result[],
  /** Chromium's growth with the app on the tiny default workspace, once measured. */
  app: { footprintMb: number | null },
): Promise<number> {
  const opts = { port, runs, log };
  serveFile(c.file);
  const mb = (await stat(c.file)).size / 1048576;
  opts.log(`browser: ${c.label} (${round(mb, 1)} MB)`);
  const context = await launch(c.label);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Chromium's own footprint with an empty page, so that the workspace's share can be told apart.
  await page.goto('about:blank');
  const baseline = await chromiumRssMb();
  let peak = baseline;
  // Which step the peak was sampled in, reported with the memory rows.
  let phase = 'first visit';
  let peakPhase = phase;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const rss = await chromiumRssMb();
      if (rss > peak) [peak, peakPhase] = [rss, phase];
      await sleep(100);
    }
  })();
  // The sampler must stop however this case ends, or the process never exits.
  try {
    const url = `http://127.0.0.1:${opts.port}/`;
    // First visit: fetch the workspace, store it in IndexedDB, open it in the worker.
    const cold = await firstRows(page, url, false).catch(async (e: unknown) => {
      await context.close();
      throw new Error(`${e instanceof Error ? e.message : String(e)}${errors.length ? ` (page error: ${errors[0]})` : ''}`);
    });
    out.push(single(`${c.label} (browser): first grid rows, first visit (fetch + store + open)`, cold, 'ms', c.firstRowsTarget));
    phase = 'reopening';
    const warm: number[] = [];
    for (let i = 0; i < Math.max(1, Math.min(3, opts.runs)); i++) warm.push(await firstRows(page, url, true));
    warm.sort((a, b) => a - b);
    out.push(
      result(
        `${c.label} (browser): first grid rows, reopening (from IndexedDB)`,
        { median: percentile(warm, 0.5), p95: percentile(warm, 0.95), p99: percentile(warm, 0.99), runs: warm.length },
        c.firstRowsTarget,
      ),
    );

    phase = 'searching';
    const search = page.getByRole('searchbox', { name: 'Search findings' });
    // Frequent words ("domestic abuse": 28 % of the large workspace's findings) among them.
    const terms = ['custody', 'domestic abuse', 'county lines', 'vulnerable victims', 'firearms', 'mental health', 'supervision'];
    const searches: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const term = terms[i % terms.length] ?? 'custody';
      await search.fill('');
      await page.getByText(/^[\d,]+ findings$/).waitFor();
      await search.pressSequentially(term, { delay: 30 });
      const t0 = performance.now();
      await untilShown(page, { count: `^[\\d,]+ findings? matching “${term}”$`, cell: term.split(' ')[0] ?? term });
      searches.push(performance.now() - t0);
    }
    searches.sort((a, b) => a - b);
    out.push(
      result(
        `${c.label} (browser): search results on screen after typing stops (incl. the search box's 120 ms debounce)`,
        { median: percentile(searches, 0.5), p95: percentile(searches, 0.95), p99: 0, runs: searches.length },
        c.searchTarget,
      ),
    );
    // What an analyst sees for a frequent word: rows, count and facet counts (bench/out/*-search.png).
    const facets = page.getByRole('complementary', { name: 'Facets' });
    // The kinds partition the findings: their counts add up to the total once the panel is current.
    const kindTotal = async () => {
      const texts = await facets.getByRole('group', { name: 'Kind', exact: true }).getByRole('button').allTextContents();
      return texts.reduce((n, t) => n + Number(t.replace(/.*?([\d,]+)$/, '$1').replace(/,/g, '')), 0);
    };
    await search.fill('domestic abuse');
    const matching = page.getByText(/^[\d,]+ findings? matching “domestic abuse”$/);
    await matching.waitFor();
    const shown = Number(((await matching.textContent()) ?? '').replace(/ matching.*/, '').replace(/\D/g, ''));
    let waited = 0;
    for (; (await kindTotal()) !== shown && waited < 5000; waited += 20) await sleep(20);
    if (waited >= 5000) opts.log(`${c.label}: the facet counts for “domestic abuse” did not add up in 5 s; screenshot taken anyway`);
    await page.screenshot({ path: path.join(ROOT, `bench/out/${c.label.replace(/\W+/g, '-')}-search.png`) });
    await search.fill('');
    await page.getByText(/^[\d,]+ findings$/).waitFor();

    phase = 'facet filters';
    const kinds = ['Concern', 'Positive practice', 'Area for improvement'];
    const facetTimes: number[] = [];
    // The panel keeps the last counts on screen until the next arrive: wait until the kinds (which
    // partition the findings) add up to the total shown, i.e. the counts are for no filter.
    const settled = async () => {
      for (;;) {
        const total = Number(((await page.getByText(/^[\d,]+ findings$/).textContent()) ?? '').replace(/\D/g, ''));
        if ((await kindTotal()) === total && total > 0) return;
        await sleep(20);
      }
    };
    for (let i = 0; i < opts.runs; i++) {
      await settled();
      const button = facets
        .getByRole('group', { name: 'Kind', exact: true })
        .getByRole('button', { name: new RegExp(`^${kinds[i % kinds.length] ?? 'Concern'} [\\d,]+$`) });
      const n = ((await button.textContent()) ?? '').replace(/.*?([\d,]+)$/, '$1');
      if (!n) throw new Error(`no count on the ${kinds[i % kinds.length] ?? ''} facet`);
      const t0 = performance.now();
      await button.click();
      await untilShown(page, { count: `^${n} findings$` });
      facetTimes.push(performance.now() - t0);
      await button.click();
      await page.getByText(/^[\d,]+ findings$/).waitFor();
    }
    facetTimes.sort((a, b) => a - b);
    out.push(
      result(
        `${c.label} (browser): facet filter (Kind) applied, grid and count updated`,
        { median: percentile(facetTimes, 0.5), p95: percentile(facetTimes, 0.95), p99: 0, runs: facetTimes.length },
        null,
      ),
    );

    phase = 'scrolling';
    const total = Number(((await page.getByText(/^[\d,]+ findings$/).textContent()) ?? '0').replace(/\D/g, ''));
    if (total > 10_100) {
      // The grid renders only the rows near the viewport: jump 10,000 rows down and wait for them.
      const t0 = performance.now();
      // Page scripts as strings: this file compiles without the DOM types.
      await page.evaluate(`(() => {
        // AG Grid 36 scrolls .ag-grid-viewport; older versions .ag-body-viewport.
        const section = document.querySelector('section[aria-label="Findings"]');
        const viewport = ['.ag-grid-viewport', '.ag-body-viewport', '.ag-body-vertical-scroll-viewport']
          .map((sel) => section && section.querySelector(sel))
          .find((e) => e && e.scrollHeight > e.clientHeight);
        if (!viewport) throw new Error('no scrolling viewport in the Findings grid');
        viewport.scrollTop = 10000 * 78;
      })()`);
      // A function, not a string: the app's CSP forbids eval, which a string predicate needs. Any
      // filled row at or past row 10,000 will do: the exact row under the new scroll position
      // depends on the rendered row height.
      const shown = await page
        .waitForFunction(
          () => {
            const doc = (
              globalThis as unknown as {
                document: {
                  querySelectorAll(s: string): ArrayLike<{ textContent: string | null; getAttribute(n: string): string | null }>;
                };
              }
            ).document;
            const rows = Array.from(doc.querySelectorAll('section[aria-label="Findings"] [role="row"][aria-rowindex]'));
            return rows.some((r) => Number(r.getAttribute('aria-rowindex')) >= 10_001 && (r.textContent ?? '').trim().length > 20);
          },
          undefined,
          { timeout: 30_000 },
        )
        .then(() => true)
        .catch(() => false);
      if (!shown) {
        out.push(single(`${c.label} (browser): scroll 10,000 rows down: FAILED (no filled row past 10,000 within 30 s)`, 0, 'ms', null));
      } else out.push(single(`${c.label} (browser): scroll 10,000 rows down, rows shown`, performance.now() - t0, 'ms', null));
    } else {
      out.push(single(`${c.label} (browser): scroll 10,000 rows down`, 0, 'ms', null, { note: `only ${total} findings: not measured` }));
    }

    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    sampling = false;
    await sampler;
    out.push(single(`${c.label} (browser): page JS heap (main thread) after the run`, heap / 1048576, 'MB', null));
    const growth = peak - baseline;
    out.push(
      single(
        `${c.label} (browser): peak RSS growth of all Chromium processes / workspace size`,
        growth / mb,
        '×',
        app.footprintMb === null ? c.memoryTarget : null,
        {
          note: `peak ${round(peak)} MB (while ${peakPhase}) = ${round(baseline)} MB Chromium with an empty page + ${round(growth)} MB, for a ${round(mb, 1)} MB workspace`,
        },
      ),
    );
    // What the workspace itself costs: the growth beyond the app's own footprint with the default
    // workspace, as the Node figure (bench/mem.ts) is the growth beyond Node and sql.js.
    if (app.footprintMb !== null && c.memoryTarget !== null) {
      out.push(
        single(
          `${c.label} (browser): peak RSS growth beyond the app's own footprint / workspace size`,
          (growth - app.footprintMb) / mb,
          '×',
          c.memoryTarget,
          {
            note: `${round(growth)} MB growth − ${round(app.footprintMb)} MB for the app on the 0.4 MB default workspace = ${round(growth - app.footprintMb)} MB`,
          },
        ),
      );
    }
    await page.screenshot({ path: path.join(ROOT, `bench/out/${c.label.replace(/\W+/g, '-')}.png`) });
    if (errors.length) opts.log(`browser errors on ${c.label}: ${errors.slice(0, 3).join(' | ')}`);
    await context.close();
    return growth;
  } finally {
    sampling = false;
  }
}
