/**
 * How a grade moved since the previous inspection. Grades are ordered Inadequate < Requires
 * improvement < Good < Outstanding; "Ungraded" has no place on that scale, so a move to or from it
 * is not a change up or down (only Ungraded to Ungraded is "same").
 */
const RANK: Record<string, number> = { Inadequate: 1, 'Requires improvement': 2, Good: 3, Outstanding: 4 };

export function gradeChange(previous: string | null, current: string): 'up' | 'down' | 'same' | null {
  if (previous === null) return null;
  if (previous === current) return 'same';
  const a = RANK[previous];
  const b = RANK[current];
  if (a === undefined || b === undefined) return null;
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
