import { readFileSync, writeFileSync } from 'node:fs';
import type { Download, Locator, Page, TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { docxParts, pdfPagesText, wordText } from '../helpers/doc-inspect';
import { WCAG_TAGS } from './axe';
import { expect, test } from './offline';

// Playwright's trace recorder snapshots every frame with a script; the preview frame is sandboxed
// with no scripts, so Chromium logs each attempt as a blocked script and the offline fixture
// (rightly) fails on the console error. No trace here; the screenshots are taken without scripts too.
test.use({ trace: 'off' });

/**
 * The Briefing view as an analyst uses it: findings marked for the brief in the Findings view,
 * a pack defined in the form and previewed live, saved, reopened after a reload, and exported in
 * each format — and the exported files opened to check they carry the marking and the notes.
 */

const CONCERN = 'The force needs to improve its response to';
const AFI = "that use 'county lines' to exploit local communities";
// Markup and a formula in a note must come out as text in every format.
const NOTE = 'Raise with <b>ACC</b> & check =HYPERLINK("http://x.example") before the revisit';
const MARKING = 'OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION';

const rowWith = (grid: Locator, text: string) => grid.getByRole('row').filter({ hasText: text });

/** Marks the two "county lines" findings for the brief and notes the first, through the Findings view. */
async function markFindings(page: Page) {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Findings' }).click();
  const grid = page.getByRole('region', { name: 'Findings' });
  const detail = page.getByRole('region', { name: 'Finding detail' });
  await page.getByRole('searchbox', { name: 'Search findings' }).fill('county lines');
  await expect(page.getByText('2 findings matching “county lines”', { exact: true })).toBeVisible();
  for (const text of [CONCERN, AFI]) {
    // The box shows the new value once the edit is durable, so click and then wait for it.
    await rowWith(grid, text)
      .getByRole('checkbox', { name: /^Include in the brief: / })
      .click();
    await expect(rowWith(grid, text).getByRole('checkbox')).toBeChecked();
  }
  await rowWith(grid, CONCERN)
    .getByRole('gridcell', { name: /^The force needs/ })
    .click();
  // As an analyst would: type once the panel shows the finding clicked. The grid reports the click
  // a moment late when it lands while the rows are being read again after the last tick, and the
  // panel shows the previous finding until then.
  await expect(detail.getByText(/^The force needs to improve its response to 'county lines'/)).toBeVisible();
  await detail.getByRole('textbox', { name: 'Note' }).fill(NOTE);
  await detail.getByRole('textbox', { name: 'Note' }).press('Tab');
  await expect(detail.getByRole('status')).toHaveText('Note saved');
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');
}

async function openBriefing(page: Page) {
  await page.getByRole('tab', { name: 'Briefing' }).click();
  await expect(page.getByRole('heading', { name: 'Briefing pack' })).toBeVisible();
}

/**
 * A picture of the page through the DevTools protocol. Playwright's own page.screenshot prepares
 * every frame with a script first (fonts ready, caret hidden); the preview frame is sandboxed with
 * no scripts, so Chromium logs that probe as a blocked script, now and then, and the offline
 * fixture rightly fails on it. This takes the same picture without running anything in the frame.
 */
async function picture(page: Page, file: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { data } = (await cdp.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
  await cdp.detach();
  writeFileSync(file, Buffer.from(data, 'base64'));
}

/**
 * The preview's HTML, read from the iframe's srcdoc rather than from inside the frame: the frame is
 * sandboxed without scripts, and Playwright's own probes into it are logged as blocked scripts.
 */
const previewFrame = (page: Page) => page.getByTitle('Preview of the briefing pack');
const escaped = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** The reproducibility table's Findings row: what fed the section and how many findings it holds. */
const fedBy = (label: string, rows: number) =>
  new RegExp(
    `<td>Findings</td><td>${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\([\\d,]+ findings?\\), keeping those marked include-in-brief</td><td class="right">${rows}</td>`,
  );
async function expectPreview(page: Page, ...texts: string[]) {
  for (const text of texts)
    await expect(previewFrame(page)).toHaveAttribute('srcdoc', new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
}

/**
 * WCAG 2.2 AA over the view, the sandboxed preview left out: axe would have to run a script inside
 * it, which the sandbox forbids (the exported HTML is a document of its own, checked as such).
 */
async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).exclude('iframe[sandbox]').analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `serious or critical WCAG 2.2 AA violations in ${what}`,
  ).toEqual([]);
}

async function download(page: Page, testInfo: TestInfo, button: string): Promise<{ file: string; download: Download }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const file = testInfo.outputPath(d.suggestedFilename());
  await d.saveAs(file);
  return { file, download: d };
}

test('builds a marked pack from the findings marked for the brief, previews it, saves, reopens and exports it', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await markFindings(page);
  await openBriefing(page);

  const form = page.getByRole('form', { name: 'Briefing pack' });
  // No marking is assumed: nothing to preview or export until one is chosen.
  await expect(page.getByLabel('Marking of this pack')).toHaveText('NOT YET MARKED');
  await expect(page.getByRole('button', { name: 'Export PDF' })).toBeDisabled();
  await expect(page.getByText('Choose the protective marking to see the pack as it will be marked.').first()).toBeVisible();
  // The author is the name edits are recorded under.
  await expect(form.getByRole('textbox', { name: 'Author' })).toHaveValue('Analyst');

  await form.getByRole('textbox', { name: 'Title' }).fill('Gwent: county lines');
  await form.getByRole('textbox', { name: 'Audience' }).fill('Chief Constable');
  await form.getByRole('radio', { name: /^OFFICIAL-SENSITIVE/ }).check();
  await form.getByRole('textbox', { name: 'Handling caveat (optional)' }).fill('Not for onward circulation');
  await expect(page.getByLabel('Marking of this pack')).toHaveText(MARKING);

  await expectPreview(page, '<h1>Gwent: county lines</h1>', MARKING, escaped(CONCERN), escaped(AFI));
  // The note is text: its tags are escaped, so nothing in it is bold.
  await expectPreview(page, escaped(NOTE));
  expect(await previewFrame(page).getAttribute('srcdoc')).not.toContain('<b>ACC</b>');
  await expect(page.getByText('No finding is marked include-in-brief')).toHaveCount(0);
  await picture(page, testInfo.outputPath('briefing-form-preview.png'));
  await expectAccessible(page, 'the Briefing view, filled in, with its preview');

  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByText('Saved the pack “Gwent: county lines”.')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');

  // After a reload the form starts afresh; the saved pack opens again with its marking.
  await page.reload();
  await openBriefing(page);
  await expect(page.getByLabel('Marking of this pack')).toHaveText('NOT YET MARKED');
  await page.getByRole('button', { name: /^Saved packs/ }).click();
  await expect(page.getByRole('list', { name: 'Saved packs' }).getByRole('listitem')).toHaveCount(1);
  await picture(page, testInfo.outputPath('briefing-saved-packs.png'));
  await expectAccessible(page, 'the Saved packs menu');
  await page.getByRole('button', { name: 'Open Gwent: county lines' }).click();
  await expect(form.getByRole('textbox', { name: 'Title' })).toHaveValue('Gwent: county lines');
  await expect(form.getByRole('radio', { name: /^OFFICIAL-SENSITIVE/ })).toBeChecked();
  await expect(page.getByLabel('Marking of this pack')).toHaveText(MARKING);
  await expectPreview(page, escaped(NOTE), MARKING);

  // Each format, made in the worker and downloaded, then opened as a reader's tools would.
  const docx = await download(page, testInfo, 'Export DOCX');
  // Named after the title (its colon dropped) and the pack's date, today by default.
  expect(docx.download.suggestedFilename()).toBe(`Gwent county lines ${todayIso()}.docx`);
  const parts = await docxParts(new Uint8Array(readFileSync(docx.file)));
  const furniture = [...parts].filter(([name]) => /^word\/(header|footer)\d*\.xml$/.test(name));
  expect(furniture.map(([name]) => name.replace(/\d+/, ''))).toEqual(expect.arrayContaining(['word/header.xml', 'word/footer.xml']));
  for (const [name, xml] of furniture) expect(wordText(xml), name).toContain(MARKING);
  expect(wordText(parts.get('word/document.xml') ?? '')).toContain(NOTE);

  const pdf = await download(page, testInfo, 'Export PDF');
  expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/);
  const pages = pdfPagesText(new Uint8Array(readFileSync(pdf.file)));
  expect(pages.length).toBeGreaterThan(1);
  for (const [i, text] of pages.entries()) {
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines[0], `top of page ${i + 1}`).toContain(MARKING);
    expect(lines.at(-1), `bottom of page ${i + 1}`).toContain(MARKING);
  }
  await expect(page.getByText(/Exported the pack as .*\.pdf/)).toBeVisible();

  const html = readFileSync((await download(page, testInfo, 'Export HTML')).file, 'utf8');
  expect(html).toContain('Raise with &lt;b&gt;ACC&lt;/b&gt; &amp; check =HYPERLINK(');
  expect(html).not.toContain('<b>ACC</b>');
  expect(html).toContain(MARKING);

  const md = readFileSync((await download(page, testInfo, 'Export Markdown')).file, 'utf8');
  expect(md).toContain(MARKING);
  expect(md).not.toContain('<b>ACC</b>');
  await picture(page, testInfo.outputPath('briefing-exported.png'));
});

test('a pack fed by the Findings grid’s current filter takes the findings that filter shows, and says what it was', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await markFindings(page);
  // Both marked findings match "county lines"; the Concern facet narrows the grid to one of them.
  const facets = page.getByRole('complementary', { name: 'Facets' });
  await facets
    .getByRole('group', { name: 'Kind', exact: true })
    .getByRole('button', { name: /^Concern \d+$/ })
    .click();
  await expect(page.getByText('1 finding matching “county lines”', { exact: true })).toBeVisible();
  await openBriefing(page);

  // The Findings view has unmounted; the app kept its filter, in words, for the feed.
  const form = page.getByRole('form', { name: 'Briefing pack' });
  const feed = form.getByRole('radio', { name: /^The Findings grid’s current filter/ });
  await expect(feed).toBeEnabled();
  await expect(form.getByText('Search: county lines; Kind: Concern', { exact: true })).toBeVisible();
  await feed.check();
  await form.getByRole('textbox', { name: 'Title' }).fill('County lines concerns');
  await form.getByRole('radio', { name: /^OFFICIAL\b(?!-)/ }).check();
  // The findings section holds the one marked finding the filter shows; the pack says what fed it.
  await expectPreview(page, escaped(CONCERN), escaped(NOTE));
  await expect(previewFrame(page)).toHaveAttribute('srcdoc', fedBy('Search: county lines; Kind: Concern', 1));
  await picture(page, testInfo.outputPath('briefing-current-filter.png'));

  // Back in Findings the view is as it was left; the analyst clears it (every finding, data notes
  // too). The pack keeps the filter it was fed, and offers the new one.
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(page.getByText('1 finding matching “county lines”', { exact: true })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search findings' }).fill('');
  await facets.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('checkbox', { name: /^Show data notes/ }).check();
  await expect(page.getByText(/^[\d,]+ findings$/)).toBeVisible();
  await openBriefing(page);
  await expect(form.getByText('Search: county lines; Kind: Concern', { exact: true })).toBeVisible();
  await form.getByRole('button', { name: 'Use the grid’s filter as it is now' }).click();
  await expect(form.getByText('No filter: every finding', { exact: true })).toBeVisible();
  await expect(previewFrame(page)).toHaveAttribute('srcdoc', fedBy('No filter: every finding', 2));
});

test('says when no finding is marked include-in-brief, and deleting a pack can be undone', async ({ page }, testInfo) => {
  await page.goto('/');
  await openBriefing(page);
  const form = page.getByRole('form', { name: 'Briefing pack' });
  await form.getByRole('textbox', { name: 'Title' }).fill('Nothing marked yet');
  await form.getByRole('radio', { name: /^OFFICIAL\b(?!-)/ }).check();
  await expect(page.getByText('No finding is marked include-in-brief')).toBeVisible();
  await expectPreview(page, '<h1>Nothing marked yet</h1>', 'OFFICIAL');
  await picture(page, testInfo.outputPath('briefing-no-findings.png'));

  // A required field left empty is said beside it, and nothing is previewed from it.
  await form.getByRole('textbox', { name: 'Title' }).fill('');
  await expect(form.getByText('Give the pack a title (up to 200 characters).')).toBeVisible();
  await form.getByRole('textbox', { name: 'Title' }).fill('Nothing marked yet');

  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByText('Saved the pack “Nothing marked yet”.')).toBeVisible();
  await page.getByRole('button', { name: /^Saved packs/ }).click();
  await page.getByRole('button', { name: 'Delete Nothing marked yet' }).click();
  await expect(page.getByText('Deleted the pack “Nothing marked yet”. Undo (Ctrl+Z) brings it back.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Saved packs' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: /^Saved packs/ }).click();
  await expect(page.getByRole('button', { name: 'Open Nothing marked yet' })).toBeVisible();
});

function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
