import { readFileSync } from 'node:fs';
import { expect, test } from './offline';
import { cell, openMetrics, rowWith } from './metrics-grid';

/**
 * Issue 17's "Done when", as an analyst does it: the figure the extractor flagged is shown beside
 * its source, corrected, and found corrected after a reload in the grid, the chart, its history and
 * a briefing pack; Verify and next walks the report; a figure read off the source is added.
 */

const DOMESTIC = 'Domestic abuse incidents per 1,000 population';

test('the flagged figure: shown beside its source, corrected, and corrected everywhere after a reload', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const grid = await openMetrics(page);
  await expect(page.getByText('24 metrics · 0 verified · 1 warning to check')).toBeVisible();
  await cell(rowWith(grid, DOMESTIC), 'measure').click();
  const detail = page.getByRole('region', { name: 'Metric detail' });
  await expect(detail).toContainText('Extraction warning, open.');

  await detail.getByRole('button', { name: 'Show source' }).click();
  const source = page.getByRole('region', { name: 'Source' });
  await expect(source).toBeVisible();
  await expect(source.locator('mark').first()).toContainText('Domestic abuse');
  await expect(source).toContainText('gwent-peel-effectiveness-2017.md · line 151');
  // Scrolled to inside the panel: with the panel on screen, so is the quote.
  await source.scrollIntoViewIfNeeded();
  await expect(source.locator('mark').first()).toBeInViewport();
  await source.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('check-1-source.png') });

  await detail.getByRole('button', { name: 'Correct…' }).click();
  const dialog = page.getByRole('dialog', { name: `Correct “${DOMESTIC}”` });
  const force = dialog.getByRole('textbox', { name: 'Force value' });
  await expect(force).toHaveValue('1');
  await force.fill('twelve');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    '“twelve” is not a number: write it as the report prints it, such as 15, 0.8, 1,678 or -16%.',
  );
  await expect(force).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: testInfo.outputPath('check-2-refused.png') });
  await force.fill('12');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('24 metrics · 0 verified · 1 corrected')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');

  await page.reload();
  await openMetrics(page);
  const domestic = rowWith(grid, DOMESTIC);
  await expect(cell(domestic, 'force')).toHaveText('12 ✎, corrected from 1');
  await expect(cell(domestic, 'verified')).toContainText('Corrected');
  await expect(cell(domestic, 'warning')).toHaveText('Settled');
  await expect(cell(domestic, 'difference')).toHaveText('-3');
  // The chart draws 12, and says in its text alternative that it was corrected.
  await expect(
    page.getByRole('img', { name: 'Bar chart of Gwent Police 2017 against England and Wales, per 1,000 population' }),
  ).toHaveAccessibleDescription(
    /Domestic abuse incidents per 1,000 population: Gwent Police 2017 12, England and Wales 15\. Force value corrected from 1 as extracted\./,
  );
  await cell(domestic, 'measure').click();
  await expect(detail).toContainText('Force value corrected from “1” (as extracted) to “12” by Analyst');
  await expect(detail.getByRole('region', { name: 'History' }).getByRole('listitem').first()).toContainText(/corrected from 1 to 12/i);
  await page.screenshot({ path: testInfo.outputPath('check-3-corrected.png') });

  // A briefing pack of the metrics carries the corrected value, marked, with the extracted one.
  await page.getByRole('tab', { name: 'Briefing' }).click();
  const form = page.getByRole('form', { name: 'Briefing pack' });
  await form.getByRole('textbox', { name: 'Title' }).fill('Gwent figures');
  await form.getByRole('radio', { name: /^OFFICIAL(?!-)/ }).check();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).click()]);
  const file = testInfo.outputPath('pack.md');
  await d.saveAs(file);
  const md = readFileSync(file, 'utf8');
  const line = md.split('\n').find((l) => l.includes(DOMESTIC) && l.includes('|'));
  expect(line).toMatch(/\| 12\b[^|]*corrected/i);
  expect(md).toMatch(/corrected from 1 to 12/i);
});

test('Verify and next walks the report’s unverified figures with their source shown, by button and by V', async ({ page }, testInfo) => {
  await page.goto('/');
  const grid = await openMetrics(page);
  // A figure's row by its Verified box, named by its exact label ("Incidents per 1,000" is in other labels too).
  const box = (label: string) => page.getByRole('checkbox', { name: `Verified: ${label} (Gwent Police 2017)`, exact: true });
  const tick = (label: string) => grid.locator(box(label));
  const row = (label: string) => grid.getByRole('row').filter({ has: box(label) });
  // Checked already: Verify and next passes it by.
  await tick('Change in ASB incidents').check();
  await expect(page.getByText('24 metrics · 1 verified · 1 warning to check')).toBeVisible();

  await cell(row('Incidents per 1,000 population'), 'measure').click();
  const detail = page.getByRole('region', { name: 'Metric detail' });
  const heading = detail.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText('Incidents per 1,000 population');
  await detail.getByRole('button', { name: 'Verify and next' }).click();
  await expect(heading).toHaveText('Anti-social behaviour (ASB) incidents per 1,000 population');
  const source = page.getByRole('region', { name: 'Source' });
  await expect(source).toContainText('gwent-peel-effectiveness-2017.md · line 59');
  await expect(source.locator('mark').first()).toContainText('Anti-social behaviour');
  await expect(page.getByText('24 metrics · 2 verified · 1 warning to check')).toBeVisible();
  await expect(tick('Incidents per 1,000 population')).toBeChecked();

  // From the grid, the V key does the same, past the figure already verified, to the next one with its source.
  await cell(row('Anti-social behaviour (ASB) incidents per 1,000 population'), 'measure').click();
  await page.keyboard.press('v');
  await expect(heading).toHaveText('Crimes recorded per 1,000 population');
  await expect(source).toContainText('gwent-peel-effectiveness-2017.md · line 88');
  await expect(source.locator('mark').first()).toContainText('Crimes recorded');
  await source.scrollIntoViewIfNeeded();
  await expect(source.locator('mark').first()).toBeInViewport();
  await expect(page.getByText('24 metrics · 3 verified · 1 warning to check')).toBeVisible();
  await expect(tick('Anti-social behaviour (ASB) incidents per 1,000 population')).toBeChecked();
  await source.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('check-4-verify-next.png') });
});

test('a figure added from a selection in the source appears in Metrics, marked as added', async ({ page }, testInfo) => {
  await page.goto('/');
  const grid = await openMetrics(page);
  await cell(rowWith(grid, DOMESTIC), 'measure').click();
  const detail = page.getByRole('region', { name: 'Metric detail' });
  await detail.getByRole('button', { name: 'Show source' }).click();
  const source = page.getByRole('region', { name: 'Source' });
  const mark = source.locator('mark').first();
  await expect(mark).toBeVisible();
  // Select the highlighted words as a person would, with the mouse.
  await mark.selectText();
  await mark.dispatchEvent('mouseup');
  const add = page.getByRole('button', { name: 'Add figure from the source…' });
  await expect(add).toBeEnabled();
  await add.click();
  const dialog = page.getByRole('dialog', { name: 'Add figure from the source' });
  await expect(dialog.getByRole('textbox', { name: 'Quote from the source' })).toHaveValue(/Domestic abuse/);
  await dialog.getByRole('textbox', { name: 'Label' }).fill('Domestic abuse incidents (checked)');
  await dialog.getByRole('textbox', { name: 'Force value' }).fill('12');
  await dialog.getByRole('textbox', { name: 'Unit' }).fill('per 1,000 population');
  await dialog.getByRole('textbox', { name: 'Period (optional)' }).fill('soon');
  await dialog.getByRole('button', { name: 'Add figure' }).click();
  await expect(dialog.getByRole('alert')).toContainText('is not a period');
  await dialog.getByRole('textbox', { name: 'Period (optional)' }).fill('12 months to 30 June 2017');
  await page.screenshot({ path: testInfo.outputPath('check-5-add-figure.png') });
  await dialog.getByRole('button', { name: 'Add figure' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^25 metrics/)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search metrics' }).fill('checked');
  const added = rowWith(grid, 'Domestic abuse incidents (checked)');
  await expect(cell(added, 'force')).toHaveText('12');
  await cell(added, 'measure').click();
  await expect(detail).toContainText('Added from the source by Analyst');
  // Its quote and place are the selection's, and it is there after a reload.
  await expect(detail.locator('blockquote')).toContainText('Domestic abuse incidents per 1,000 population');
  await expect(detail).toContainText('line 151');
  await page.reload();
  await openMetrics(page);
  await page.getByRole('searchbox', { name: 'Search metrics' }).fill('checked');
  await expect(cell(added, 'force')).toHaveText('12');
});

test('a finding filed under the wrong section is corrected, with the extracted section in its history', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Findings' }).click();
  await page.getByRole('searchbox', { name: 'Search findings' }).fill('county lines');
  await expect(page.getByText('2 findings matching “county lines”')).toBeVisible();
  const grid = page.getByRole('region', { name: 'Findings' });
  await grid.getByRole('gridcell').first().click();
  const detail = page.getByRole('region', { name: 'Finding detail' });
  const where = detail.getByRole('heading', { level: 2 });
  await expect(where).toContainText('Tackling serious and organised crime');
  await detail.getByRole('button', { name: 'Correct section…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Correct the finding’s section' });
  const section = dialog.getByRole('textbox', { name: 'Section' });
  await section.fill('   ');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The section cannot be empty.');
  await section.fill('Protecting vulnerable people');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog).toBeHidden();
  await expect(where).toContainText('Protecting vulnerable people');
  await expect(detail.getByRole('region', { name: 'History' })).toContainText(
    'Section corrected from Tackling serious and organised crime to Protecting vulnerable people',
  );
  await page.screenshot({ path: testInfo.outputPath('check-6-finding-section.png') });
});
