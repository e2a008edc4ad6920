// Bench item 11: the docked, remembering UI of issue 18, in the built web renderer in headless
// Chromium. Three figures, each against the target ("Speed"):
//  - switching views after the first visit: from the click on a view's tab to its content on
//    screen (the Findings, Metrics or case-file grid's first filled cell, a report, the brief's
//    heading), each view several times, target 150 ms (p95);
//  - what restoring the remembered desk adds to opening: page load to the first Findings rows with
//    only the view remembered, against page load to the desk as it was left (Findings, its search,
//    a facet and a selected finding with its annotation editor), target 100 ms between the medians;
//  - page load to the first Findings rows, reopening, on each workspace (1 s default, 2 s large),
//    with nothing remembered (the Findings tab clicked in the first frame it exists, as item 5
//    does) and with the view remembered.
// The web build is bench/browser.ts's (buildWeb() first). Page scripts are strings: this file
// compiles without the DOM types, and tsx would wrap named inner functions in a helper the page lacks.
import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../build/chromium.mjs';
import { serve, WEB_OUT } from './browser';
import { percentile, result, round, single, type Result, type Timing } from './lib';

const ROOT = path.resolve(import.meta.dirname, '..');
/** ui-state.ts's key prefix: everything the app remembers per workspace starts with it. */
const UI_STATE_PREFIX = 'peel-workbench.ui.v1';
const SEARCH = 'custody';

/** What says a view is on screen: its tab panel shown and, inside it, this (a filled grid cell for the grids). */
const VIEWS = [
  { tab: 'Reports', marker: 'article', filled: false },
  { tab: 'Findings', marker: 'section[aria-label="Findings"] [role=gridcell]', filled: true },
  { tab: 'Metrics', marker: 'section[aria-label="Metrics"] [role=gridcell]', filled: true },
  { tab: 'File review', marker: 'section[aria-label="Case files"] [role=gridcell]', filled: true },
  { tab: 'Briefing', marker: 'h2, h3, [role=heading]', filled: false },
] as const;

/**
 * In-page: clicks the view's tab and waits, checking every animation frame, until the marker is
 * visible inside the tab's panel; resolves with the milliseconds from the click. Timed in the page
 * so that Playwright's polling (which backs off up to 100 ms) is not counted as the app's time.
 */
function switchTimed(page: Page, view: (typeof VIEWS)[number]): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const tab = Array.from(document.querySelectorAll('[role=tab]')).find((t) => (t.textContent || '').trim() === ${JSON.stringify(view.tab)});
    if (!tab) return reject(new Error('no tab named ' + ${JSON.stringify(view.tab)}));
    const shown = (e) => e.getClientRects().length > 0 && (!e.checkVisibility || e.checkVisibility({ visibilityProperty: true }));
    const ready = () => {
      const panel = document.getElementById(tab.getAttribute('aria-controls') || '') || document;
      if (panel !== document && !shown(panel)) return false;
      return Array.from(panel.querySelectorAll(${JSON.stringify(view.marker)})).some(
        (e) => shown(e) && (!${view.filled} || (e.textContent || '').trim().length > 0),
      );
    };
    const t0 = performance.now();
    tab.click();
    const tick = () => {
      if (ready()) return resolve(performance.now() - t0);
      if (performance.now() - t0 > 20000) return reject(new Error(${JSON.stringify(view.tab)} + ' not shown within 20 s'));
      requestAnimationFrame(tick);
    };
    tick();
  })`);
}

/**
 * From navigation to what `want` says is on screen, checked every animation frame in the page:
 * 'rows' the Findings grid's first filled cell (the Findings tab clicked in the first frame it
 * exists, as item 5 does, when the app opened on another view); 'desk' as left: the search box
 * holding the remembered search, rows matching it, and the remembered finding's editor shown.
 */
async function openTimed(page: Page, url: string, want: 'rows' | 'desk', selected: boolean): Promise<number> {
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.evaluate(`new Promise((resolve, reject) => {
    const want = ${JSON.stringify(want)};
    const term = ${JSON.stringify(SEARCH)};
    const selected = ${selected};
    const shown = (e) => e.getClientRects().length > 0;
    const started = performance.now();
    const ready = () => {
      const cells = Array.from(document.querySelectorAll('section[aria-label="Findings"] [role=gridcell]')).filter(
        (c) => shown(c) && (c.textContent || '').trim().length > 0,
      );
      if (want === 'rows') {
        // Clicked again each frame until it is the selected tab: a click while the workspace is
        // still opening may be ignored.
        const tab = Array.from(document.querySelectorAll('[role=tab]')).find((t) => (t.textContent || '').trim() === 'Findings');
        if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
        return cells.length > 0;
      }
      const box = document.querySelector('input[type=search], [role=searchbox]');
      if (!box || box.value !== term) return false;
      if (!cells.some((c) => (c.textContent || '').toLowerCase().includes(term))) return false;
      if (!selected) return true;
      const detail = document.querySelector('section[aria-label="Finding detail"]');
      return !!detail && !!detail.querySelector('select');
    };
    const tick = () => {
      if (ready()) return resolve();
      if (performance.now() - started > 20000) return reject(new Error(want === 'desk' ? 'the remembered desk was not restored within 20 s' : 'no Findings rows within 20 s'));
      requestAnimationFrame(tick);
    };
    tick();
  })`);
  return performance.now() - t0;
}

function timing(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), runs: sorted.length };
}

/** The remembered UI state, as the app keeps it (localStorage, ui-state.ts's prefix). */
async function rememberedState(page: Page): Promise<Record<string, string>> {
  return page.evaluate(`(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k && k.startsWith(${JSON.stringify(UI_STATE_PREFIX)})) out[k] = localStorage.getItem(k);
    }
    return out;
  })()`);
}

/**
 * Puts the remembered state in place from a page of the same origin that is not the app (a 404),
 * so that the app's own writes on unload cannot undo it: empty, or the given entries exactly.
 */
async function setState(page: Page, url: string, state: Record<string, string>): Promise<void> {
  await page.goto(`${url}bench-blank`);
  await page.evaluate(`(() => {
    const state = ${JSON.stringify(state)};
    for (const k of Object.keys(localStorage)) if (k.startsWith(${JSON.stringify(UI_STATE_PREFIX)})) localStorage.removeItem(k);
    for (const [k, v] of Object.entries(state)) localStorage.setItem(k, v);
  })()`);
}

export interface UiCase {
  label: string;
  file: string;
  firstRowsTarget: number;
}

export async function benchUi(cases: UiCase[], opts: { port: number; runs: number; log: (s: string) => void }): Promise<Result[]> {
  if (!existsSync(path.join(WEB_OUT, 'index.html'))) throw new Error(`${WEB_OUT} has no build: buildWeb() first`);
  let current = cases[0]?.file ?? '';
  const server = await serve(opts.port, () => current);
  const out: Result[] = [];
  const url = `http://127.0.0.1:${opts.port}/`;
  try {
    for (const c of cases) {
      current = c.file;
      const mb = (await stat(c.file)).size / 1048576;
      opts.log(`ui: ${c.label} (${round(mb, 1)} MB)`);
      const profile = path.join(ROOT, 'bench/out/profiles', `ui-${c.label.replace(/\W+/g, '-')}`);
      await rm(profile, { recursive: true, force: true });
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM_PATH,
        args: [...CHROMIUM_ARGS],
        viewport: { width: 1440, height: 900 },
      });
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(120_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        // First visit: fetch, store and open the workspace; then each view once (its first visit).
        await page.goto(url);
        await page.locator('article').first().waitFor({ timeout: 300_000 });
        for (const v of VIEWS) await switchTimed(page, v);

        // Switching views after the first visit, round the five views `runs` times.
        const switches = new Map<string, number[]>(VIEWS.map((v) => [v.tab, []]));
        for (let i = 0; i < opts.runs; i++) {
          for (const v of VIEWS) switches.get(v.tab)?.push(await switchTimed(page, v));
        }
        for (const v of VIEWS) {
          out.push(
            result(
              `${c.label} (browser): switch to ${v.tab} after its first visit, content on screen`,
              timing(switches.get(v.tab) ?? []),
              150,
            ),
          );
        }
        const all = timing([...switches.values()].flat());
        out.push(result(`${c.label} (browser): switch views after the first visit, all five views`, all, 150));

        // The desk to remember: Findings with a search, a facet and a finding selected.
        await switchTimed(page, VIEWS[1]);
        const remembered: string[] = [];
        const search = page.getByRole('searchbox', { name: 'Search findings' });
        await search.fill(SEARCH);
        await page
          .getByText(new RegExp(`^[\\d,]+ findings? matching “${SEARCH}”`))
          .first()
          .waitFor();
        remembered.push(`search “${SEARCH}”`);
        const concern = page.getByRole('complementary', { name: 'Facets' }).getByRole('button', { name: /^Concern [\d,]+$/ });
        if (await concern.isVisible().catch(() => false)) {
          await concern.click();
          remembered.push('facet Kind: Concern');
        }
        const row = page.getByRole('region', { name: 'Findings', exact: true }).getByRole('row').nth(1);
        await row
          .getByRole('gridcell')
          .filter({ hasNot: page.getByRole('checkbox') })
          .first()
          .click();
        const selected = await page
          .getByRole('region', { name: 'Finding detail' })
          .getByRole('combobox', { name: 'Status' })
          .waitFor({ timeout: 10_000 })
          .then(() => true)
          .catch(() => false);
        if (selected) remembered.push('a finding selected');
        // Past usePersistentState's write delay.
        await page.waitForTimeout(1500);
        const desk = await rememberedState(page);
        opts.log(
          `  remembered: ${remembered.join(', ')}; ${Object.keys(desk).length} keys (${Object.keys(desk)
            .map((k) => k.split(':').pop())
            .join(', ')})`,
        );

        // Opening with nothing remembered and with the desk, alternately, so that load on the box hits both alike.
        // Three openings, in turn so that load on the box hits each alike: nothing remembered (the
        // app opens on Reports, the Findings tab is clicked in its first frame), only the view
        // remembered (Findings opens as it does for a new analyst), and the whole desk. What
        // restoring adds is the desk against the view alone: both open straight on Findings.
        const viewOnly = Object.fromEntries(Object.entries(desk).filter(([k]) => k.endsWith(':view')));
        const empty: number[] = [];
        const plain: number[] = [];
        const restored: number[] = [];
        let restoreFailure = '';
        for (let i = 0; i < opts.runs; i++) {
          await setState(page, url, {});
          empty.push(await openTimed(page, url, 'rows', false));
          await setState(page, url, viewOnly);
          plain.push(await openTimed(page, url, 'rows', false));
          if (restoreFailure) continue;
          await setState(page, url, desk);
          try {
            restored.push(await openTimed(page, url, 'desk', selected));
          } catch (e) {
            restoreFailure = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
          }
        }
        out.push(
          result(
            `${c.label} (browser): page load to the first Findings rows, reopening, nothing remembered (Findings clicked)`,
            timing(empty),
            c.firstRowsTarget,
          ),
        );
        const e = timing(plain);
        out.push(
          result(`${c.label} (browser): page load to the first Findings rows, reopening, the view remembered`, e, c.firstRowsTarget, 'ms', {
            ...(Object.keys(viewOnly).length ? {} : { note: 'no remembered view key found: opened on the default view' }),
          }),
        );
        if (restored.length) {
          const r = timing(restored);
          out.push(
            result(`${c.label} (browser): page load to the desk as left (${remembered.join(', ')}), reopening`, r, c.firstRowsTarget),
          );
          out.push(
            single(
              `${c.label} (browser): restoring the remembered desk adds to opening (median − median)`,
              r.median - e.median,
              'ms',
              100,
              {
                note: `${round(r.median)} ms the desk restored (p95 ${round(r.p95)}) − ${round(e.median)} ms only the view remembered (p95 ${round(e.p95)}), ${r.runs} runs each`,
              },
            ),
          );
        } else {
          out.push(single(`${c.label} (browser): restoring the remembered desk: FAILED (${restoreFailure})`, 0, 'ms', null));
        }
        await page.screenshot({ path: path.join(ROOT, `bench/out/ui-${c.label.replace(/\W+/g, '-')}.png`) });
      } catch (e) {
        // Kept with the figures measured before it: a later step's failure loses nothing.
        const why = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
        opts.log(`  FAILED on ${c.label}: ${why}`);
        out.push(single(`${c.label} (browser, item 11): FAILED: ${why}`, 0, '', null));
        await page.screenshot({ path: path.join(ROOT, `bench/out/ui-${c.label.replace(/\W+/g, '-')}-failed.png`) }).catch(() => undefined);
      } finally {
        if (errors.length) opts.log(`  page errors on ${c.label}: ${errors.slice(0, 3).join(' | ')}`);
        await context.close();
      }
    }
  } finally {
    await new Promise((r) => server.close(r));
  }
  return out;
}
