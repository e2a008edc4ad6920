/** Where the analyst's check of a figure or grade stands. */
export type CheckState = 'verified' | 'unverified' | 'corrected';

/** A correction outranks a tick: a figure checked and changed is corrected, not also verified. One rule for every view, count and pack. */
export function checkState(corrected: boolean, verified: boolean): CheckState {
  return corrected ? 'corrected' : verified ? 'verified' : 'unverified';
}

/**
 * How far the analyst's check of a report has gone (../sql/coverage.ts reads it): its figures and
 * grades, each unverified, verified or corrected, and the extractor's warnings still open.
 */
export interface ReportCoverage {
  reportId: number;
  /** "Gwent Police 2017". */
  report: string;
  figures: CheckCounts;
  grades: CheckCounts;
  /** Warnings neither dismissed nor settled by verifying or correcting their figure. */
  openWarnings: CoverageWarning[];
}

export interface CheckCounts {
  total: number;
  verified: number;
  corrected: number;
}

export interface CoverageWarning {
  id: number;
  message: string;
  page: number | null;
  line: number | null;
}

/** "37 of 52 figures and grades verified · 2 corrected · 1 warning open". */
export function coverageText(c: ReportCoverage): string {
  const total = c.figures.total + c.grades.total;
  const checked = c.figures.verified + c.grades.verified;
  const corrected = c.figures.corrected + c.grades.corrected;
  const open = c.openWarnings.length;
  return [
    `${checked} of ${total} figures and grades verified`,
    `${corrected} corrected`,
    `${open} ${open === 1 ? 'warning' : 'warnings'} open`,
  ].join(' · ');
}
