import type { Locator, Page } from '@playwright/test';
import { expect, test } from './offline';

/**
 * The Findings view as an analyst uses it: search, facets, column filters, the detail panel and
 * its annotation editor, the keyboard, undo and redo, and saved views. Driven by roles and
 * accessible names; every test runs offline against the bundled Gwent workspace.
 */

interface FindingsPage {
  grid: Locator;
  facets: Locator;
  detail: Locator;
  search: Locator;
  total: number;
}

async function openFindings(page: Page): Promise<FindingsPage> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Findings' }).click();
  const count = page.getByText(/^[\d,]+ findings$/);
  await expect(count).toBeVisible();
  return {
    grid: page.getByRole('region', { name: 'Findings' }),
    facets: page.getByRole('complementary', { name: 'Facets' }),
    detail: page.getByRole('region', { name: 'Finding detail' }),
    search: page.getByRole('searchbox', { name: 'Search findings' }),
    total: Number((await count.innerText()).replace(/\D/g, '')),
  };
}

/** A row of the grid by what it says; the grid renders only the rows near the viewport. */
const rowWith = (grid: Locator, text: string | RegExp) => grid.getByRole('row').filter({ hasText: text });

/** The row's text cell: clicking it selects the row without touching the brief checkbox. */
const textCell = (row: Locator, text: string | RegExp) => row.getByRole('gridcell', { name: text });

/** A facet value's button: its name is the value then its count ("Concern 10"). */
const facetValue = (facets: Locator, facet: string, value: string) =>
  facets.getByRole('group', { name: facet, exact: true }).getByRole('button', { name: new RegExp(`^${value} [\\d,]+$`) });

async function countOf(button: Locator): Promise<number> {
  return Number(((await button.textContent()) ?? '').replace(/.*?([\d,]+)$/, '$1').replace(/,/g, ''));
}

const COUNTY_LINES_CONCERN = 'The force needs to improve its response to';
// Its first match is a line in, so its cell starts there (with an ellipsis) to show the mark.
const COUNTY_LINES_AFI = "that use 'county lines' to exploit local communities";

test('shows the seed’s findings; searching “county lines” narrows the grid to the paragraphs that say it, marked', async ({
  page,
}, testInfo) => {
  const { grid, detail, search, total } = await openFindings(page);
  expect(total).toBeGreaterThan(100);
  await expect(rowWith(grid, 'HMICFRS adopted an interim risk-based approach')).toBeVisible();

  await search.fill('county lines');
  await expect(page.getByText('2 findings matching “county lines”', { exact: true })).toBeVisible();
  // The header row and the two paragraphs: the concern and the area for improvement.
  await expect(grid.getByRole('row')).toHaveCount(3);
  for (const text of [COUNTY_LINES_CONCERN, COUNTY_LINES_AFI]) {
    const row = rowWith(grid, text);
    await expect(row).toBeVisible();
    await expect(
      row
        .locator('mark')
        .filter({ hasText: /^county$/i })
        .first(),
    ).toBeVisible();
    await expect(
      row
        .locator('mark')
        .filter({ hasText: /^lines$/i })
        .first(),
    ).toBeVisible();
  }

  // The detail panel: the whole paragraph, marked, where it sits, its footnote and neighbours.
  await textCell(rowWith(grid, COUNTY_LINES_CONCERN), /^The force needs/).click();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(
    'Tackling serious and organised crime › Disrupting and investigating serious and organised crime › paragraph 4',
  );
  await expect(detail).toContainText('line 386 of the source');
  await expect(detail.getByRole('heading', { name: 'Footnotes' })).toBeVisible();
  await expect(detail).toContainText('describes organised drug-dealing networks expanding');
  await expect(detail.getByRole('heading', { name: 'Paragraph before' })).toBeVisible();
  await expect(detail.getByRole('heading', { name: 'Paragraph after' })).toBeVisible();
  // "county lines" twice in the paragraph itself: four marked words.
  await expect(detail.locator('.detail-text mark')).toHaveText(['county', 'lines', 'county', 'lines']);
  await page.screenshot({ path: testInfo.outputPath('findings-search-detail.png') });

  await search.fill('county linez');
  await expect(page.getByText('No findings match “county linez”.')).toBeVisible();
  await page.getByRole('button', { name: 'clear the search' }).click();
  await expect(search).toHaveValue('');
  await expect(page.getByText(`${total} findings`, { exact: true })).toBeVisible();
});

test('a facet click filters the grid, and the other facets’ counts follow', async ({ page }, testInfo) => {
  const { grid, facets, total } = await openFindings(page);
  const concern = facetValue(facets, 'Kind', 'Concern');
  const statusNew = facetValue(facets, 'Status', 'New');
  await expect(statusNew).toHaveAccessibleName(`New ${total}`);
  const concerns = await countOf(concern);
  expect(concerns).toBeGreaterThan(0);
  expect(concerns).toBeLessThan(total);

  await concern.click();
  await expect(concern).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(`${concerns} findings`, { exact: true })).toBeVisible();
  await expect(grid.getByRole('row')).toHaveCount(concerns + 1);
  await expect(grid.getByRole('gridcell', { name: 'Concern', exact: true })).toHaveCount(concerns);
  // Every other facet now counts concerns only; Kind's own values still say what each would give.
  await expect(statusNew).toHaveAccessibleName(`New ${concerns}`);
  await expect(facetValue(facets, 'Report', 'Gwent Police 2017')).toHaveAccessibleName(`Gwent Police 2017 ${concerns}`);
  await expect(facetValue(facets, 'Section', 'Risk-based inspection')).toHaveCount(0);
  await expect(facetValue(facets, 'Kind', 'Narrative')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('findings-facet.png') });

  // A second facet narrows further: sections of concerns.
  const sections = facets.getByRole('group', { name: 'Section', exact: true }).getByRole('button');
  const first = sections.first();
  const inSection = await countOf(first);
  await first.click();
  await expect(page.getByText(`${inSection} findings`, { exact: true })).toBeVisible();
  await expect(concern).toHaveAccessibleName(`Concern ${inSection}`);

  await facets.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText(`${total} findings`, { exact: true })).toBeVisible();
  await expect(concern).toHaveAttribute('aria-pressed', 'false');
});

test('tagging, rating, noting and including a finding are saved and survive a reload', async ({ page }, testInfo) => {
  const note = 'Ask the force for its county lines plan before the revisit.';
  {
    const { grid, detail, search } = await openFindings(page);
    await search.fill('county lines');
    await textCell(rowWith(grid, COUNTY_LINES_CONCERN), /^The force needs/).click();
    await expect(detail.getByRole('heading', { level: 2 })).toContainText('paragraph 4');
    const saved = detail.getByRole('status');

    const tags = detail.getByRole('combobox', { name: 'Tags', exact: true });
    await tags.fill('county lines');
    await tags.press('Enter');
    await expect(saved).toHaveText('Tags saved');
    await tags.fill('drugs');
    await detail.getByRole('button', { name: 'Add tag' }).click();
    await expect(detail.getByRole('list', { name: 'Tags on this finding' }).getByRole('listitem')).toHaveText(['county lines×', 'drugs×']);
    await expect(saved).toHaveText('Tags saved');
    await detail.getByRole('button', { name: 'Remove tag drugs' }).click();
    await expect(detail.getByRole('list', { name: 'Tags on this finding' }).getByRole('listitem')).toHaveText(['county lines×']);
    await expect(saved).toHaveText('Tags saved');

    await detail.getByRole('combobox', { name: 'RAG rating' }).selectOption('Red');
    await expect(saved).toHaveText('RAG saved');
    await detail.getByRole('combobox', { name: 'Status' }).selectOption('Flagged');
    await expect(saved).toHaveText('Status saved');
    await detail.getByRole('textbox', { name: 'Note' }).fill(note);
    await detail.getByRole('textbox', { name: 'Note' }).press('Tab');
    await expect(saved).toHaveText('Note saved');
    await detail.getByRole('checkbox', { name: 'Include in brief' }).check();
    await expect(saved).toHaveText('Include in brief saved');
    await expect(page.getByRole('contentinfo')).toContainText('All changes saved');

    // The grid row and the facets show the annotation too.
    const row = rowWith(grid, COUNTY_LINES_CONCERN);
    await expect(row.getByRole('gridcell', { name: 'county lines', exact: true })).toBeVisible();
    await expect(row.getByRole('gridcell', { name: 'Red', exact: true })).toBeVisible();
    await expect(row.getByRole('checkbox', { name: /in the brief/ })).toBeChecked();
    await page.screenshot({ path: testInfo.outputPath('findings-annotated.png') });
  }

  await page.reload();
  const { grid, facets, detail, search } = await openFindings(page);
  await expect(facetValue(facets, 'Tag', 'county lines')).toHaveAccessibleName('county lines 1');
  await expect(facetValue(facets, 'RAG', 'Red')).toHaveAccessibleName('Red 1');
  await expect(facetValue(facets, 'Status', 'Flagged')).toHaveAccessibleName('Flagged 1');
  await search.fill('county lines');
  await textCell(rowWith(grid, COUNTY_LINES_CONCERN), /^The force needs/).click();
  await expect(detail.getByRole('list', { name: 'Tags on this finding' }).getByRole('listitem')).toHaveText(['county lines×']);
  await expect(detail.getByRole('combobox', { name: 'RAG rating' })).toHaveValue('red');
  await expect(detail.getByRole('combobox', { name: 'Status' })).toHaveValue('flagged');
  await expect(detail.getByRole('textbox', { name: 'Note' })).toHaveValue(note);
  await expect(detail.getByRole('checkbox', { name: 'Include in brief' })).toBeChecked();

  // Every change is in the finding's history, newest first, with who made it.
  const history = detail.getByRole('region', { name: 'History' }).getByRole('listitem');
  await expect(history).toHaveCount(7);
  await expect(history.nth(0)).toContainText('Include in brief: not included → included');
  await expect(history.nth(1)).toContainText(`Note: empty → “${note}”`);
  await expect(history.nth(2)).toContainText('Status: New → Flagged');
  await expect(history.nth(3)).toContainText('RAG: none → Red');
  await expect(history.nth(4)).toContainText('Tags: county lines, drugs → county lines');
  await expect(history.nth(0)).toContainText('Analyst');
  await page.screenshot({ path: testInfo.outputPath('findings-after-reload.png') });
});

test('undo and redo take a note back and forth (Ctrl+Z on the grid, the buttons, and not in a text field)', async ({ page }) => {
  const { grid, detail, search } = await openFindings(page);
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();

  await search.fill('custody');
  const row = rowWith(grid, 'high use of custody');
  await textCell(row, /high use of custody/).click();
  const noteBox = detail.getByRole('textbox', { name: 'Note' });
  const history = detail.getByRole('region', { name: 'History' }).getByRole('listitem');
  await noteBox.fill('First thought');
  await noteBox.press('Tab');
  await expect(history.first()).toContainText('Note: empty → “First thought”');
  await noteBox.fill('Second thought');
  await noteBox.press('Tab');
  await expect(history.first()).toContainText('Note: “First thought” → “Second thought”');
  await expect(undo).toBeEnabled();

  // Back on the grid, Ctrl+Z is the workbench's undo.
  await textCell(row, /high use of custody/).click();
  await page.keyboard.press('Control+z');
  await expect(noteBox).toHaveValue('First thought');
  await expect(redo).toBeEnabled();
  await page.keyboard.press('Control+Shift+z');
  await expect(noteBox).toHaveValue('Second thought');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(noteBox).toHaveValue('');
  await page.keyboard.press('Control+y');
  await expect(noteBox).toHaveValue('First thought');
  // Undoing is itself audited.
  await expect(history.first()).toContainText('Note: empty → “First thought”');

  // The toolbar buttons do the same.
  await redo.click();
  await expect(noteBox).toHaveValue('Second thought');
  await undo.click();
  await expect(noteBox).toHaveValue('First thought');

  // In a text field, Ctrl+Z is the field's own text undo: no saved change is undone.
  const entries = await history.count();
  await search.focus();
  await page.keyboard.press('Control+z');
  await expect(noteBox).toHaveValue('First thought');
  expect(await history.count()).toBe(entries);
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');
});

test('the keyboard: arrows move, Enter edits, Escape returns, B includes; the shortcuts are listed', async ({ page }) => {
  const { grid, detail } = await openFindings(page);
  await textCell(rowWith(grid, 'HMICFRS adopted an interim risk-based approach'), /HMICFRS adopted/).click();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Risk-based inspection › paragraph 1');
  await page.keyboard.press('ArrowDown');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Risk-based inspection › paragraph 2');

  await page.keyboard.press('Enter');
  await expect(detail.getByRole('combobox', { name: 'Status' })).toBeFocused();
  await page.keyboard.press('Escape');
  // Paragraph 2: the first holds the list of the three areas inspected.
  const second = rowWith(grid, 'Judgments from 2016 remain in place');
  await expect(second.getByRole('gridcell', { name: /^Judgments from 2016 remain in place/ })).toBeFocused();

  await page.keyboard.press('b');
  await expect(second.getByRole('checkbox', { name: /in the brief/ })).toBeChecked();
  await expect(detail.getByRole('checkbox', { name: 'Include in brief' })).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: 'Included paragraph 2 of Risk-based inspection in the brief.' })).toBeVisible();
  await page.keyboard.press('b');
  await expect(second.getByRole('checkbox', { name: /in the brief/ })).not.toBeChecked();

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toContainText('Include the finding in the brief, or leave it out');
  await expect(dialog).toContainText('Undo the last change');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Control+/');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a saved view reopens exactly: search, facets, column filter, sort and columns; it is renamed and deleted', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  const { grid, facets, search, total } = await openFindings(page);
  const views = () => page.getByRole('list', { name: 'Saved views' });
  const header = (name: string) => grid.getByRole('columnheader', { name, exact: true });
  const columns = page.getByRole('group', { name: 'Visible columns' });

  // The view: "force" in concerns about vulnerable people, by section (descending), with notes and without the report.
  await search.fill('force');
  await facetValue(facets, 'Kind', 'Concern').click();
  await header('Section').focus();
  await page.keyboard.press('Control+Enter');
  await page.getByRole('textbox', { name: 'Filter Value' }).fill('vulnerable');
  await page.keyboard.press('Escape');
  await expect(facets.getByRole('group', { name: 'Column filters' })).toContainText('Section contains “vulnerable”');
  await header('Section').click();
  await header('Section').click();
  await expect(header('Section')).toHaveAttribute('aria-sort', 'descending');
  await page.getByRole('button', { name: 'Columns' }).click();
  await columns.getByRole('checkbox', { name: 'Report' }).uncheck();
  await columns.getByRole('checkbox', { name: 'Note' }).check();
  await page.keyboard.press('Escape');
  await expect(header('Report')).toHaveCount(0);
  await expect(header('Note')).toBeVisible();
  const matching = page.getByText(/^\d+ findings matching “force”$/);
  await expect(matching).toBeVisible();
  const expected = await matching.innerText();
  expect(Number(expected.replace(/\D.*/, ''))).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Saved views' }).click();
  await expect(page.getByText('No saved views yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Save current view…' }).click();
  const save = page.getByRole('dialog', { name: 'Save the current view' });
  await save.getByRole('textbox', { name: 'Name' }).fill('Vulnerability concerns');
  await save.getByRole('button', { name: 'Save view' }).click();
  await expect(save).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the view “Vulnerability concerns”.' })).toBeVisible();

  // Change everything.
  await search.fill('');
  await facets.getByRole('button', { name: 'Clear filters' }).click();
  await header('Kind').click();
  await page.getByRole('button', { name: 'Columns' }).click();
  await columns.getByRole('checkbox', { name: 'Report' }).check();
  await columns.getByRole('checkbox', { name: 'Note' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(page.getByText(`${total} findings`, { exact: true })).toBeVisible();

  // Reload too: the view is in the workspace, not in the page.
  await page.reload();
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(page.getByText(`${total} findings`, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Saved views' }).click();
  await views().getByRole('button', { name: 'Vulnerability concerns', exact: true }).click();
  await expect(search).toHaveValue('force');
  await expect(facetValue(facets, 'Kind', 'Concern')).toHaveAttribute('aria-pressed', 'true');
  await expect(facets.getByRole('group', { name: 'Column filters' })).toContainText('Section contains “vulnerable”');
  await expect(page.getByText(expected, { exact: true })).toBeVisible();
  await expect(header('Section')).toHaveAttribute('aria-sort', 'descending');
  await expect(header('Kind')).toHaveAttribute('aria-sort', 'none');
  await expect(header('Report')).toHaveCount(0);
  await expect(header('Note')).toBeVisible();
  // The facet counts follow the reopened view as well.
  await expect(facetValue(facets, 'Report', 'Gwent Police 2017')).toHaveAccessibleName(`Gwent Police 2017 ${expected.replace(/\D.*/, '')}`);
  await page.screenshot({ path: testInfo.outputPath('findings-saved-view.png') });

  // Rename, then delete; deleting is an edit like any other, so Ctrl+Z brings the view back.
  await page.getByRole('button', { name: 'Saved views' }).click();
  await views().getByRole('button', { name: 'Rename Vulnerability concerns' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename “Vulnerability concerns”' });
  await rename.getByRole('textbox', { name: 'Name' }).fill('Concerns: vulnerable people');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toBeHidden();
  await page.getByRole('button', { name: 'Saved views' }).click();
  await expect(views().getByRole('listitem')).toHaveCount(1);
  await views().getByRole('button', { name: 'Delete Concerns: vulnerable people' }).click();
  await expect(page.getByText('No saved views yet.')).toBeVisible();
  await page.keyboard.press('Escape');
  await grid.getByRole('row').nth(1).getByRole('gridcell').first().click();
  await page.keyboard.press('Control+z');
  await page.getByRole('button', { name: 'Saved views' }).click();
  await expect(views().getByRole('button', { name: 'Concerns: vulnerable people', exact: true })).toBeVisible();
});
