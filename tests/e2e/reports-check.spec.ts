import type { Locator, Page } from '@playwright/test';
import { checkA11y } from './axe';
import { expect, test } from './offline';

/**
 * The analyst's check in the Reports view (issue 17): each report's coverage line, a grade verified
 * and corrected (refused first when off the report's scale), its history after a reload, the report's
 * own facts corrected, and a warning dismissed with its reason. Each step's screenshot is kept with the test's results.
 */

/** The view scrolls inside its own pane, so a full-page shot would miss it: the part in question is scrolled into view. */
async function shot(page: Page, name: string, at?: Locator) {
  await at?.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath(`reports-${name}.png`) });
}

async function openReports(page: Page) {
  await page.goto('/');
  const report = page.getByRole('article', { name: 'PEEL: Police effectiveness 2017' });
  await expect(report.getByRole('table', { name: 'Judgments for Gwent Police' })).toBeVisible();
  return report;
}

test('verify and correct a grade, see the coverage follow, and find the correction with its history after a reload', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  let report = await openReports(page);
  const coverage = report.getByRole('status');
  await expect(coverage).toHaveText('0 of 30 figures and grades verified · 0 corrected · 2 warnings open');
  await shot(page, '1-coverage');

  // Verify a grade: the tick is saved and the coverage line counts it.
  const judgments = report.getByRole('table', { name: 'Judgments for Gwent Police' });
  const verified = judgments.getByRole('checkbox', { name: 'Grade verified: Protecting vulnerable people' });
  await verified.click();
  await expect(verified).toBeChecked();
  await expect(coverage).toHaveText('1 of 30 figures and grades verified · 0 corrected · 2 warnings open');
  await expect(judgments.getByRole('row', { name: /^Protecting vulnerable people/ })).toContainText(/Analyst, \d+ \w+ \d{4}/);
  await shot(page, '2-grade-verified', verified);

  // Correct a grade to one off the report's scale: refused in the form, in words, and nothing saved.
  const row = judgments.getByRole('row', { name: /^Investigating crime and reducing re-offending/ });
  await row.getByRole('button', { name: 'Correct… the grade for Investigating crime and reducing re-offending' }).click();
  const dialog = page.getByRole('dialog', { name: 'Correct the grade: Investigating crime and reducing re-offending' });
  await expect(dialog).toBeVisible();
  const grade = dialog.getByRole('combobox', { name: 'Grade' });
  await expect(grade).toHaveValue('Good');
  await grade.fill('Adequate');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    "“Adequate” is not on this report's four-point scale, which has outstanding, good, requires improvement, inadequate, ungraded, not inspected.",
  );
  await expect(grade).toBeFocused();
  await shot(page, '3-grade-refused');
  await checkA11y(page, testInfo, 'reports, the Correct… dialog refusing a grade off the scale');

  // A grade on the scale is taken: the row marks it corrected, with what was extracted.
  await grade.fill('Requires improvement');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('cell').first()).toHaveText('Requires improvement corrected extracted: Good');
  await expect(coverage).toHaveText('1 of 30 figures and grades verified · 1 corrected · 2 warnings open');

  // After a reload the correction is still there, and its history says it in words.
  await page.reload();
  report = await openReports(page);
  const again = report.getByRole('table', { name: 'Judgments for Gwent Police' }).getByRole('row', { name: /^Investigating crime/ });
  await expect(again.getByRole('cell').first()).toHaveText('Requires improvement corrected extracted: Good');
  await expect(report.getByRole('status')).toHaveText('1 of 30 figures and grades verified · 1 corrected · 2 warnings open');
  const toggle = again.getByRole('button', { name: 'History of the grade for Investigating crime and reducing re-offending' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const history = report.getByRole('region', { name: 'History' });
  await expect(history.getByRole('listitem')).toHaveText([/^Grade corrected from Good to Requires improvement\s*Analyst, /]);
  await shot(page, '4-grade-corrected-history', history);
  await checkA11y(page, testInfo, 'reports, a corrected grade with its history open');

  // Revert to extracted withdraws the correction; the history keeps both.
  await again.getByRole('button', { name: /^Correct… the grade for Investigating/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revert grade to extracted' }).click();
  await expect(again.getByRole('cell').first()).toHaveText('Good');
  await expect(history.getByRole('listitem')).toHaveText([/^Grade: correction withdrawn \(back to Good\)/, /^Grade corrected from Good/]);
  await expect(report.getByRole('status')).toHaveText('1 of 30 figures and grades verified · 0 corrected · 2 warnings open');
});

test('correct the report’s publication date: a date that is not one is refused, a real one is marked corrected', async ({ page }) => {
  const report = await openReports(page);
  await report.getByRole('button', { name: /^Correct… the report’s force/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Correct the report: PEEL: Police effectiveness 2017' });
  const published = dialog.getByRole('textbox', { name: 'Publication date' });
  await expect(published).toHaveValue('March 2018');
  await published.fill('31 February 2018');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('31 February 2018 is not a date in the calendar.');
  await published.fill('27 March 2018');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog).toBeHidden();
  const facts = report.getByRole('definition').filter({ hasText: '27 March 2018' });
  await expect(facts).toHaveText('27 March 2018 corrected extracted: March 2018');
  await shot(page, '5-report-corrected');
});

test('dismiss the footnote warning: a reason is required, and shown after', async ({ page }) => {
  const report = await openReports(page);
  const warnings = report.getByRole('region', { name: /^Extraction warnings \(2\)/ });
  const footnote = warnings.getByRole('listitem').filter({ hasText: 'Footnote 14 is cited' });
  await footnote.getByRole('button', { name: 'Dismiss warning' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dismiss the warning' });
  await dialog.getByRole('button', { name: 'Dismiss warning' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give a reason: say why this warning needs no correction.');
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toBeFocused();
  await shot(page, '6-dismiss-reason-required');

  await dialog.getByRole('textbox', { name: 'Reason' }).fill('The published report has no footnote 14 either.');
  await dialog.getByRole('button', { name: 'Dismiss warning' }).click();
  await expect(dialog).toBeHidden();
  await expect(footnote).toContainText('Dismissed:');
  await expect(footnote).toContainText('The published report has no footnote 14 either.');
  await expect(footnote.getByRole('button', { name: 'Dismiss warning' })).toHaveCount(0);
  await expect(warnings).toContainText('1 of 2 still to check');
  await expect(report.getByRole('status')).toHaveText('0 of 30 figures and grades verified · 0 corrected · 1 warning open');
  await shot(page, '7-warning-dismissed', warnings);

  // Reopened, it is open again and counted so.
  await footnote.getByRole('button', { name: 'Reopen the warning' }).click();
  await expect(footnote.getByRole('button', { name: 'Dismiss warning' })).toBeVisible();
  await expect(report.getByRole('status')).toHaveText('0 of 30 figures and grades verified · 0 corrected · 2 warnings open');
});

test('correct an area for improvement’s text: an empty one is refused, a corrected one keeps the extracted text', async ({ page }) => {
  const report = await openReports(page);
  const areas = report.getByRole('region', { name: 'Areas for improvement (6) — Gwent Police, 2017' });
  const first = areas.getByRole('listitem').filter({ hasText: 'The force should improve the quality of investigations' });
  await first.getByRole('button', { name: 'Correct… Area for improvement 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Correct the text: Area for improvement 1' });
  const text = dialog.getByRole('textbox', { name: 'Text' });
  await text.fill('   ');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The text of the area for improvement cannot be empty.');
  await text.fill('The force should improve the quality of its investigations involving vulnerable people.');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog).toBeHidden();
  const corrected = areas.getByRole('listitem').filter({ hasText: 'quality of its investigations involving vulnerable people.' });
  await expect(corrected).toContainText('corrected extracted: The force should improve the quality of investigations');
  await shot(page, '8-area-corrected', corrected);
});
