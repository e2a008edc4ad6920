import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import type { Result } from 'axe-core';
import { expect } from './offline';

/** WCAG 2.2 AA, as UK public-sector bodies must meet it: every A and AA rule axe has up to 2.2. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Impact = 'critical' | 'serious' | 'moderate' | 'minor';

export interface AxeFigure {
  view: string;
  violations: Record<Impact, number>;
  rulesPassed: number;
  incomplete: number;
}

function describe(v: Result): string {
  const nodes = v.nodes
    .slice(0, 5)
    .map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
    .join('\n');
  return `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n${nodes}`;
}

/**
 * Runs axe-core's WCAG 2.2 AA rules over the page as it is now, prints one line of figures for the
 * view (violations by impact, rules passed), attaches the full results to the test, and fails if
 * anything serious or critical is found. Moderate and minor violations are printed, not failed:
 * they are listed in the report so that someone decides on each.
 */
export async function checkA11y(page: Page, testInfo: TestInfo, view: string): Promise<AxeFigure> {
  // No rule is disabled or element excluded anywhere: AG Grid's parts pass as configured.
  // One run for both: axe's best practices (landmarks, heading order, one main, regions) are not
  // WCAG criteria, so they are printed, to be seen and decided on, not failed.
  const all = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, 'best-practice']).analyze();
  const isWcag = (r: Result) => r.tags.some((t) => WCAG_TAGS.includes(t));
  const results = {
    violations: all.violations.filter(isWcag),
    passes: all.passes.filter(isWcag),
    incomplete: all.incomplete.filter(isWcag),
  };
  const advice = all.violations.filter((r) => !isWcag(r));
  const violations = results.violations;
  const count = (impact: Impact) => violations.filter((v) => v.impact === impact).length;
  const figure: AxeFigure = {
    view,
    violations: { critical: count('critical'), serious: count('serious'), moderate: count('moderate'), minor: count('minor') },
    rulesPassed: results.passes.length,
    incomplete: results.incomplete.length,
  };
  console.log(
    `axe ${view}: critical ${figure.violations.critical}, serious ${figure.violations.serious}, ` +
      `moderate ${figure.violations.moderate}, minor ${figure.violations.minor}; ` +
      `${figure.rulesPassed} rules passed, ${figure.incomplete} to review by hand` +
      (results.incomplete.length ? ` (${results.incomplete.map((i) => i.id).join(', ')})` : ''),
  );
  if (violations.length) console.log(violations.map(describe).join('\n'));
  await testInfo.attach(`axe-${view}.json`, {
    body: JSON.stringify({ figure, violations, incomplete: results.incomplete.map((i) => i.id) }, null, 2),
    contentType: 'application/json',
  });
  if (advice.length)
    console.log(`  best practice, ${view}: ${advice.map((v) => `${v.id} (${v.impact ?? 'unknown'}, ${v.nodes.length})`).join(', ')}`);
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map(describe), `serious or critical WCAG 2.2 AA violations in ${view}`).toEqual([]);
  return figure;
}
