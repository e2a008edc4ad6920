import type { Locator, Page } from '@playwright/test';
import { expect, test } from './offline';
import { cell, openMetrics as openGrid, rowWith } from './metrics-grid';

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
  await page.getByRole('tab', { name: 'Metrics' }).click();
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
      .getByRole('checkbox', { name: /toggle row selection/ })
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
