import type { Locator, Page } from '@playwright/test';
import { expect, test } from './offline';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { cell, openMetrics as openGrid, rowWith } from './metrics-grid';
import { controlNames } from './names';

async function openMetrics(page: Page): Promise<Locator> {
  await page.goto('/');
  return openGrid(page);
}

// Runs in the page (a string, as the tests compile without the DOM library): the colours drawn on a canvas.
const CANVAS_COLOURS = (label: string) => `(() => {
  const canvas = document.querySelector(\`canvas[aria-label="${label}"]\`);
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const seen = new Set();
  for (let i = 0; i < data.length; i += 4) seen.add(data[i] + ',' + data[i + 1] + ',' + data[i + 2]);
  return [...seen];
})()`;

test('lists the seed’s 24 metrics with difference and ratio, and flags the implausible one', async ({ page }, testInfo) => {
  const grid = await openMetrics(page);
  await expect(page.getByText('24 metrics · 0 verified · 1 warning to check')).toBeVisible();
  // The header row and the 24 metrics, as assistive technology counts them.
  await expect(grid.getByRole('grid')).toHaveAttribute('aria-rowcount', '25');

  const calls = rowWith(grid, /Calls for assistance/);
  await expect(cell(calls, 'force')).toHaveText('338');
  await expect(cell(calls, 'englandWales')).toHaveText('282');
  await expect(cell(calls, 'difference')).toHaveText('+56');
  await expect(cell(calls, 'ratio')).toHaveText('1.20');
  await expect(cell(calls, 'unit')).toHaveText('per 1,000 population');
  // Percentages compare in points; a change has no meaningful ratio.
  const change = rowWith(grid, 'Change in recorded crime');
  await expect(cell(change, 'difference')).toHaveText('-1 pt');
  await expect(cell(change, 'ratio')).toHaveText('—');

  const domestic = rowWith(grid, 'Domestic abuse incidents per 1,000 population');
  await expect(domestic).toHaveClass(/metric-row--warning/);
  await expect(cell(domestic, 'warning')).toHaveText('⚠ Check source');
  await expect(grid.getByText('Check source')).toHaveCount(1);

  // The detail panel has the warning, the quote and where it was read.
  await cell(domestic, 'measure').click();
  const detail = page.getByRole('region', { name: 'Metric detail' });
  await expect(detail.getByRole('heading', { name: 'Domestic abuse incidents per 1,000 population' })).toBeVisible();
  await expect(detail).toContainText('Gwent Police 1 against England and Wales 15 is more than ten times apart');
  await expect(detail.locator('blockquote')).toContainText('Domestic abuse incidents per 1,000 population 12 months to 30 June 2017');
  await expect(detail).toContainText('Force in numbers, line 151');
  await page.screenshot({ path: testInfo.outputPath('metrics-grid.png') });

  // Filters are queries to the worker: the figures quoted in the report's text.
  await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Report text' });
  await expect(page.getByText(/^13 metrics · 0 verified$/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('metrics-text-figures.png') });
  // A figure the text states without a comparator: its own value, no England and Wales to set it against.
  await page.getByRole('searchbox', { name: 'Search metrics' }).fill('MARAC');
  await expect(page.getByText(/^1 metric · 0 verified$/)).toBeVisible();
  const marac = rowWith(grid, /cases to a MARAC per 10,000 females/i);
  await expect(cell(marac, 'force')).toHaveText('23');
  await expect(cell(marac, 'englandWales')).toHaveText('—');
  await expect(cell(marac, 'difference')).toHaveText('—');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText(/^24 metrics/)).toBeVisible();
});

test('a metric ticked Verified, and its annotations, survive a reload with who did it in the history', async ({ page }) => {
  const grid = await openMetrics(page);
  const verified = grid.getByRole('checkbox', { name: 'Verified: Incidents per 1,000 population (Gwent Police 2017)' });
  await expect(verified).not.toBeChecked();
  await verified.check();
  await expect(verified).toBeChecked();
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');

  await cell(rowWith(grid, /Calls for assistance/), 'measure').click();
  const detail = page.getByRole('region', { name: 'Metric detail' });
  await expect(detail).toContainText(/Verified by Analyst, \d+ \w+ \d{4}, \d{2}:\d{2}/);
  await detail.getByLabel('RAG rating').selectOption('amber');
  await detail.getByLabel('Note').fill('Higher demand than the national rate; ask the force why.');
  await detail.getByLabel('Include in brief').check();
  await expect(detail.getByLabel('Include in brief')).toBeChecked();
  const history = detail.getByRole('region', { name: 'History' });
  await expect(history.getByRole('listitem')).toHaveText([
    /^Include in brief: no → yes/,
    /^Note: none → “Higher demand than the national rate; ask the force why\.”/,
    /^RAG: none → Amber/,
    /^Verified: no → yes\s*Analyst/,
  ]);
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');

  await page.reload();
  await openGrid(page);
  await expect(page.getByText('24 metrics · 1 verified · 1 warning to check')).toBeVisible();
  await expect(grid.getByRole('checkbox', { name: 'Verified: Incidents per 1,000 population (Gwent Police 2017)' })).toBeChecked();
  const calls = rowWith(grid, /Calls for assistance/);
  await expect(cell(calls, 'rag')).toHaveText('Amber');
  await expect(calls.getByRole('checkbox', { name: /in the brief$/ })).toBeChecked();
  await cell(calls, 'measure').click();
  await expect(detail.getByLabel('Note')).toHaveValue('Higher demand than the national rate; ask the force why.');
  await expect(history.getByRole('listitem')).toHaveCount(4);
});

const RATES = 'Bar chart of Gwent Police 2017 against England and Wales, per 1,000 population';

test('selected metrics are charted against England and Wales, one chart per unit', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 1500 });
  const grid = await openMetrics(page);
  const chart = page.getByRole('region', { name: 'Force against England and Wales' });

  // By default: the Force in numbers figures of the first report, grouped by their five units.
  await expect(chart.getByText('11 selected')).toBeVisible();
  await expect(chart.getByRole('figure')).toHaveCount(5);
  await page.screenshot({ path: testInfo.outputPath('metrics-default.png'), fullPage: true });

  await chart.getByRole('button', { name: 'Clear the selection' }).click();
  await expect(chart).toContainText('No metrics are selected');
  await expect(chart.locator('canvas')).toHaveCount(0);

  for (const text of [/Calls for assistance/, 'Crimes recorded per 1,000 population', 'Charged/summonsed']) {
    await rowWith(grid, text)
      .getByRole('checkbox', { name: /^Chart: / })
      .check();
  }
  await expect(chart.getByText('3 selected')).toBeVisible();
  const rates = chart.getByRole('img', { name: RATES });
  await expect(rates).toBeVisible();
  await expect(rates).toHaveAccessibleDescription(
    'per 1,000 population. Incidents per 1,000 population: Gwent Police 2017 338, England and Wales 282. ' +
      'Crimes recorded per 1,000 population: Gwent Police 2017 74, England and Wales 77.',
  );
  const outcomes = chart.getByRole('img', { name: /, % of outcomes$/ });
  await expect(outcomes).toHaveAccessibleDescription('% of outcomes. Charged/summonsed: Gwent Police 2017 11%, England and Wales 10%.');
  await expect(chart.getByRole('figure')).toHaveCount(2);

  // Chart.js has drawn bars in both series' colours on the canvas.
  const colours = (await page.evaluate(CANVAS_COLOURS(RATES))) as string[];
  expect(colours).toContain('29,59,90'); // force: #1d3b5a
  expect(colours).toContain('111,131,153'); // England and Wales: #6f8399

  await cell(rowWith(grid, 'Domestic abuse incidents per 1,000 population'), 'measure').click();
  await page.screenshot({ path: testInfo.outputPath('metrics-chart.png') });
});

// Issue 18: the window is the app. The view fills the main area, each panel scrolls inside itself,
// and the check and the editor are in view as soon as a row is chosen.
const DOCUMENT_FITS = `(() => {
  const d = document.scrollingElement;
  return { height: d.scrollHeight, inner: innerHeight, width: d.scrollWidth, innerWidth };
})()`;

for (const [width, height] of [
  [1440, 900],
  [1280, 800],
  [1024, 700],
] as const) {
  test(`at ${width}×${height} the Metrics view never scrolls the page, and the check and the editor are in view`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const grid = await openMetrics(page);
    const fits = async () => {
      const m = (await page.evaluate(DOCUMENT_FITS)) as { height: number; inner: number; width: number; innerWidth: number };
      expect(m.height, 'the document is as tall as the window').toBe(m.inner);
      expect(m.width, 'nothing overflows to the right').toBe(m.innerWidth);
    };
    await fits();
    await cell(rowWith(grid, 'Domestic abuse incidents per 1,000 population'), 'measure').click();
    const detail = page.getByRole('region', { name: 'Metric detail' });
    for (const control of [
      detail.getByRole('combobox', { name: 'Status' }),
      detail.getByRole('button', { name: 'Verify and next' }),
      detail.getByRole('button', { name: 'Correct…' }),
      detail.getByRole('checkbox', { name: 'Verified against the source' }),
    ]) {
      await expect(control).toBeInViewport({ ratio: 1 });
    }
    await fits();
    // The wheel over the chart scrolls the chart's panel, not the page: the toolbar and grid stay put.
    const chart = page.getByRole('region', { name: 'Force against England and Wales' });
    const search = page.getByRole('searchbox', { name: 'Search metrics' });
    const before = await search.boundingBox();
    await chart.hover();
    await page.mouse.wheel(0, 800);
    await expect(search).toBeInViewport({ ratio: 1 });
    expect(await search.boundingBox()).toEqual(before);
    await fits();
    // With the Source panel open in the chart's place, too.
    await detail.getByRole('button', { name: 'Show source' }).click();
    await expect(page.getByRole('region', { name: 'Source' }).locator('mark').first()).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Add figure from the source…' })).toBeInViewport();
    await expect(detail.getByRole('combobox', { name: 'Status' })).toBeInViewport({ ratio: 1 });
    await fits();
    if (width !== 1280) await page.screenshot({ path: `/tmp/h18/metrics-${width}x${height}-source.png` });
  });
}

test('every chart tick is named by its metric, the header’s by what it ticks, and no two controls share a name', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const grid = await openMetrics(page);
  await expect(
    rowWith(grid, /Calls for assistance/).getByRole('checkbox', {
      name: 'Chart: Incidents per 1,000 population (Gwent Police 2017, 12 months to 30 June 2017)',
    }),
  ).toBeVisible();
  await expect(grid.getByRole('checkbox', { name: /toggle row selection/ })).toHaveCount(0);
  const all = grid.getByRole('checkbox', { name: 'Chart all 24 metrics in the table' });
  await expect(all).toBeVisible();
  // The header's tick acts on every row shown: all 24 charted, then none.
  const chart = page.getByRole('region', { name: 'Force against England and Wales' });
  await all.check();
  await expect(chart.getByText('24 selected')).toBeVisible();
  // Every row's own tick follows the header's.
  await expect(rowWith(grid, /Calls for assistance/).getByRole('checkbox', { name: /^Chart: / })).toBeChecked();
  await expect(all).toBeChecked();
  await all.uncheck();
  await expect(chart).toContainText('No metrics are selected');

  const names = await controlNames(page, page.locator('.metrics-view'));
  const ticks = names.controls.filter((c) => c.role === 'checkbox' && c.name.startsWith('Chart: '));
  expect(ticks.length).toBeGreaterThan(10);
  expect(names.duplicates).toEqual([]);
  expect(names.unnamed).toEqual([]);
  await cell(rowWith(grid, /Calls for assistance/), 'measure').click();
  const withDetail = await controlNames(page, page.locator('.metrics-view'));
  expect(withDetail.duplicates).toEqual([]);
});

test('the filters, the metric open, the sort and the chart’s selection are restored after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const grid = await openMetrics(page);
  await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Force in numbers' });
  await expect(page.getByText(/^11 metrics · 0 verified/)).toBeVisible();
  await cell(rowWith(grid, /Calls for assistance/), 'measure').click();
  const detail = page.getByRole('region', { name: 'Metric detail' });
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Incidents per 1,000 population');
  // Sorted by Force, largest first: two clicks on its header.
  const force = grid.getByRole('columnheader', { name: 'Force', exact: true });
  await force.click();
  await force.click();
  await expect(force).toHaveAttribute('aria-sort', 'descending');
  const firstForce = cell(grid.getByRole('row').nth(1), 'force');
  const largest = await firstForce.textContent();
  // Two metrics on the chart, not the default eleven.
  const chart = page.getByRole('region', { name: 'Force against England and Wales' });
  await chart.getByRole('button', { name: 'Clear the selection' }).click();
  await rowWith(grid, /Calls for assistance/)
    .getByRole('checkbox', { name: /^Chart: / })
    .check();
  await rowWith(grid, 'Crimes recorded per 1,000 population')
    .getByRole('checkbox', { name: /^Chart: / })
    .check();
  await expect(chart.getByText('2 selected')).toBeVisible();
  // The metric open is the last one chosen.
  await cell(rowWith(grid, /Calls for assistance/), 'measure').click();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Incidents per 1,000 population');
  // The table scrolled to its end (the wheel over it), its first row, the largest force, out of sight.
  const firstRow = rowWith(grid, /Calls for assistance/);
  await cell(rowWith(grid, 'Crimes recorded per 1,000 population'), 'unit').hover();
  await page.mouse.wheel(0, 2000);
  await expect(firstRow).not.toBeInViewport();
  await expect
    .poll(() =>
      page.evaluate('Object.keys(localStorage).filter((k) => k.endsWith(":metrics:top-row")).map((k) => localStorage.getItem(k))[0]'),
    )
    .not.toMatch(/^(0|undefined)?$/);

  await page.reload();
  await openGrid(page);
  await expect(page.getByRole('combobox', { name: 'Source' })).toHaveValue('force-in-numbers');
  await expect(page.getByText(/^11 metrics · 0 verified/)).toBeVisible();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Incidents per 1,000 population');
  await expect(grid.getByRole('columnheader', { name: 'Force', exact: true })).toHaveAttribute('aria-sort', 'descending');
  await expect(firstForce).toHaveText(largest ?? '');
  await expect(chart.getByText('2 selected')).toBeVisible();
  await expect(rowWith(grid, /Calls for assistance/).getByRole('checkbox', { name: /^Chart: / })).toBeChecked();
  // Scrolled where it was left.
  await expect(firstRow).not.toBeInViewport();
});

test('the Source column says where each figure was read, in the grid and in its CSV export', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const grid = await openMetrics(page);
  const domestic = rowWith(grid, 'Domestic abuse incidents per 1,000 population');
  await expect(cell(domestic, 'source')).toHaveText('line 151');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('group', { name: 'Protective marking' }).getByRole('radio', { name: 'OFFICIAL', exact: true }).check();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const file = testInfo.outputPath(d.suggestedFilename());
  await d.saveAs(file);
  const rows = Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const header = rows.findIndex((r) => r.includes('Measure'));
  expect(header).toBeGreaterThan(0);
  const at = rows[header]?.indexOf('Source') ?? -1;
  expect(at, 'a Source column in the file').toBeGreaterThan(-1);
  const line = rows.find((r) => r.includes('Domestic abuse incidents per 1,000 population'));
  expect(line?.[at]).toBe('line 151');
  // Every figure says where it was read.
  const data = rows.slice(header + 1).filter((r) => r.length === rows[header]?.length);
  expect(data.length).toBe(24);
  for (const r of data) expect(r[at]).toMatch(/^(page \d+, )?line \d+$/);
});

test('screenshots: a row selected at 1440×900 and 1024×700', async ({ page }) => {
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    const grid = await openMetrics(page);
    await cell(rowWith(grid, 'Domestic abuse incidents per 1,000 population'), 'measure').click();
    await expect(page.getByRole('region', { name: 'Metric detail' }).getByRole('combobox', { name: 'Status' })).toBeInViewport();
    await page.screenshot({ path: `/tmp/h18/metrics-${width}x${height}.png` });
  }
});
