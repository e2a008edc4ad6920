import { GRADES, gradeRank, type Grade } from '../extract/types';

/**
 * How a grade moved since the previous inspection, on the one axis of gradeRank (types.ts).
 * "Ungraded" and "Not inspected" have no place on it, so a move to or from them is not a change up
 * or down (only the same word twice is "same").
 */
export function gradeChange(previous: string | null, current: string): 'up' | 'down' | 'same' | null {
  if (previous === null) return null;
  if (previous === current) return 'same';
  const rank = (g: string) => (GRADES.includes(g as Grade) ? gradeRank(g as Grade) : null);
  const a = rank(previous);
  const b = rank(current);
  if (a === null || b === null) return null;
  return b > a ? 'up' : 'down';
}

export interface ReportKey {
  id: number;
  force: string;
  programme: string;
  year: number;
}

/** The report the same force had in the same programme most recently before this one, among those in the workspace. */
export function previousReport<R extends ReportKey>(report: ReportKey, all: readonly R[]): R | null {
  let best: R | null = null;
  for (const r of all) {
    if (r.id === report.id || r.force !== report.force || r.programme !== report.programme || r.year >= report.year) continue;
    if (!best || r.year > best.year) best = r;
  }
  return best;
}
