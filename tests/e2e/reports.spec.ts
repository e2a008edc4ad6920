import { expect, test } from './offline';

test('shows the Gwent Police report from the default workspace, offline', async ({ page, log }) => {
  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1, name: 'PEEL Workbench' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Reports' })).toHaveAttribute('aria-selected', 'true');
  const report = page.getByRole('article', { name: 'PEEL: Police effectiveness 2017' });
  await expect(report).toBeVisible();
  await expect(report.getByText('Gwent Police', { exact: true }).first()).toBeVisible();
  await expect(report.getByText('March 2018')).toBeVisible();

  const judgments = page.getByRole('table', { name: 'Judgments for Gwent Police' });
  await expect(judgments.getByRole('row', { name: /^Overall effectiveness/ })).toContainText('Requires improvement');
  const questions = {
    'Preventing crime and tackling anti-social behaviour': ['Good', '2016'],
    'Investigating crime and reducing re-offending': ['Good', '2016'],
    'Protecting vulnerable people': ['Requires improvement', '2017'],
    'Tackling serious and organised crime': ['Requires improvement', '2017'],
    'Specialist capabilities': ['Ungraded', '2017'],
  };
  for (const [question, [grade, year]] of Object.entries(questions)) {
    const row = judgments.getByRole('row', { name: new RegExp(`^${question}`) });
    await expect(row.getByRole('cell').nth(0)).toHaveText(grade ?? '');
    await expect(row.getByRole('cell').nth(1)).toHaveText(year ?? '');
  }
  // One header row, the overall judgment and the five questions.
  await expect(judgments.getByRole('row')).toHaveCount(7);

  const metrics = page.getByRole('table', { name: 'Force in numbers and text metrics for Gwent Police' });
  const calls = metrics.getByRole('row', { name: /Calls for assistance/ });
  await expect(calls.getByRole('cell').nth(1)).toHaveText('338');
  await expect(calls.getByRole('cell').nth(2)).toHaveText('282');
  await expect(calls).toContainText('12 months to 30 June 2017');
  await expect(metrics.getByRole('row', { name: /place of safety/ })).toContainText('Report text');

  await expect(page.getByRole('contentinfo')).toContainText('Workspace: Default workspace');
  // The DB worker and its wasm came from the page's own origin (and were seen by the recorder).
  expect(log.requests.some((url) => url.endsWith('.wasm'))).toBe(true);
});

test('says clearly when the workspace cannot be opened', async ({ page }) => {
  await page.route('**/default-workspace.sqlite', (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: 'not a database' }),
  );
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The workspace could not be opened');
  await expect(alert).toContainText('is not a SQLite database');
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toContainText('No workspace open');
});

test('shows that it is loading while the workspace is on its way', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/default-workspace.sqlite', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const opening = page.getByRole('status').filter({ hasText: 'Opening the workspace' });
  await expect(opening).toBeVisible();
  release();
  await expect(page.getByRole('table', { name: 'Judgments for Gwent Police' })).toBeVisible();
  await expect(opening).toHaveCount(0);
});

test('lists what extraction could not vouch for, with where to look', async ({ page }) => {
  await page.goto('/');
  const warnings = page.getByRole('region', { name: /^Extraction warnings \(2\)/ });
  await expect(warnings.getByRole('listitem')).toHaveText([
    /^line 151: "Domestic abuse incidents per 1,000 population": Gwent Police 1 against England and Wales 15 is more than ten times apart/,
    /^line 331: Footnote 14 is cited \(line 331\) but never defined\s*Open\s*Dismiss warning: line 331$/,
  ]);
  const metrics = page.getByRole('table', { name: 'Force in numbers and text metrics for Gwent Police' });
  await expect(
    metrics
      .getByRole('row', { name: /^Calls for assistance/ })
      .getByRole('cell')
      .last(),
  ).toHaveText('line 43');
});

test('the view tabs follow the ARIA pattern: arrow keys move between them', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(1);
  // Briefing was a "later release" placeholder; it is a real view now (tests/e2e/briefing.spec.ts).
  await page.getByRole('tab', { name: 'Briefing' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Briefing' }).getByRole('heading', { name: 'Briefing pack' })).toBeVisible();
  // The tabs follow the ARIA pattern: arrow keys move between them.
  await page.getByRole('tab', { name: 'Briefing' }).press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Reports' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Reports' })).toBeFocused();
});

// The Reports view pictured (the README's pictures are layout.spec.ts's, at the three sizes).
test('screenshot', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Judgments for Gwent Police' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('reports.png') });
});
