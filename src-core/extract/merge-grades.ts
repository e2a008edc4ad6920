import type { Statements } from './grade-statements';
import { titleKey } from './inline';
import { formatPos, type ExtractWarning, type Judgment } from './types';

/**
 * Grades from the judgments table come first; a grade stated in a line or in prose adds a question
 * the table lacks. Where two statements of one question's grade disagree, the first (the table, or
 * the grade line under the question) is kept and the disagreement is a warning quoting both; two
 * prose statements that disagree leave the grade empty, since either may be the misreading.
 */
export function mergeStatements(
  table: Judgment[],
  { judgments: stated, weak, changes }: Statements,
  warnings: ExtractWarning[],
): Judgment[] {
  const key = (j: Judgment) => (j.overall ? `pillar:${j.pillar ?? ''}` : `area:${j.area ?? titleKey(j.question)}`);
  const kept = new Map<string, Judgment>();
  const dropped = new Set<string>();
  // Two table rows of one question, worded differently, are a repeat too.
  const rows = [...table];
  dropRepeated(rows, warnings, key);
  for (const j of rows) kept.set(key(j), j);
  const tableKeys = new Set(kept.keys());
  for (const j of stated) {
    const k = key(j);
    const earlier = kept.get(k);
    if (dropped.has(k)) continue;
    if (!earlier) {
      kept.set(k, j);
      continue;
    }
    if (!earlier.change && j.change) earlier.change = j.change;
    // The same grade stated again (a grade line, then the prose under it) adds nothing.
    if (earlier.grade === j.grade) continue;
    const said = (x: Judgment) => (x.quote ? `"${x.quote}" (${formatPos(x.where)})` : `${x.grade} (${formatPos(x.where)})`);
    const prose = earlier.quote !== null && j.quote !== null && !tableKeys.has(k);
    if (prose && weak.has(earlier) && !weak.has(j)) {
      // A verdict on the force outranks a description of one part of its work.
      kept.set(k, j);
      warnings.push({
        code: 'grade-conflict',
        message: `"${j.question}" is graded ${j.grade} by ${said(j)}; ${said(earlier)} describes part of it as ${earlier.grade.toLowerCase()}`,
        where: earlier.where,
      });
      continue;
    }
    const bothProse = prose && weak.has(earlier) === weak.has(j);
    warnings.push({
      code: 'grade-conflict',
      message: `"${earlier.question}" is graded ${earlier.grade} by ${said(earlier)} but ${j.grade} by ${said(j)}; ${bothProse ? 'the grade is left empty for you to read' : `${earlier.grade} is kept`}`,
      where: j.where,
    });
    if (bothProse) {
      kept.delete(k);
      dropped.add(k);
    }
  }
  // One grade per question as worded (the workspace's key): two keys that word it alike keep the first.
  const merged = [...kept.values()];
  dropRepeated(merged, warnings, (j) => titleKey(j.question));
  for (const c of changes) {
    const j = merged.find((x) => (c.area ? x.area === c.area : x.overall && x.pillar === c.pillar));
    if (j && !j.change) j.change = c.change;
  }
  return merged;
}

/**
 * A question graded twice (a judgments table pasted twice, or a repeated section) keeps its first
 * grade, and the repeat is a warning that says where both are: a workspace holds one grade per
 * question, and guessing which of two the report meant is the analyst's call.
 */
export function dropRepeatedJudgments(judgments: Judgment[], warnings: ExtractWarning[]): void {
  dropRepeated(judgments, warnings, (j) => titleKey(j.question));
}

function dropRepeated(judgments: Judgment[], warnings: ExtractWarning[], keyOf: (j: Judgment) => string): void {
  const first = new Map<string, Judgment>();
  const kept = judgments.filter((j) => {
    const k = keyOf(j);
    const earlier = first.get(k);
    if (!earlier) {
      first.set(k, j);
      return true;
    }
    warnings.push({
      code: 'judgment-duplicate',
      message: `"${j.question}" is graded again at ${formatPos(j.where)} (${j.grade}); the first grade, ${earlier.grade} at ${formatPos(earlier.where)}, is kept`,
      where: j.where,
    });
    return false;
  });
  judgments.splice(0, judgments.length, ...kept);
}
