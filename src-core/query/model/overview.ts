import type { GradeScale, MetricSource } from '../../extract/types';
import type { Correction, WarningState } from './metrics';

/**
 * What the Reports view shows, as the workspace service reads it (../sql/overview.ts). Named for
 * the overview, apart from the grids' rows of the same things (MetricRow in ./metrics.ts, WarningRow
 * in ./reports.ts), which carry more.
 */

/** Where the analyst's check of a figure or grade stands: a correction outranks a tick. */
import type { CheckState } from './coverage';
export type { CheckState };

export interface OverviewJudgment {
  id: number;
  question: string;
  grade: string;
  lastInspected: number | null;
  isOverall: boolean;
  /** The sentence a grade stated in prose was read from; null for a table or a grade line. */
  quote: string | null;
  /** What the report itself says of the change since the last inspection, with its words. */
  change: { direction: string; since: number | null; quote: string } | null;
  /** Ticked by the analyst once checked against the source, and by whom and when. */
  verified: boolean;
  verifiedBy: string | null;
  verifiedAt: string | null;
  check: CheckState;
  /** The analyst's corrections of the grade (at most one: the grade is the one field), with the extracted value. */
  corrections: Correction[];
  /** Where the grade was read (the Source panel's Show source): PDF page, and line. */
  page: number | null;
  line: number | null;
}

export interface OverviewMetric {
  id: number;
  category: string | null;
  label: string;
  unit: string;
  period: string | null;
  /** As printed in the report ("+13%"), not the parsed number, so nothing is lost in display. */
  forceText: string;
  ewText: string;
  source: MetricSource;
  /** Where in the source the figure was read, e.g. "page 4, line 19" or "line 151". */
  where: string;
  check: CheckState;
}

export interface OverviewWarning {
  id: number;
  code: string;
  message: string;
  where: string | null;
  /** Ticked off by the analyst after checking it against the source, and by whom and when. */
  checked: boolean;
  checkedBy: string | null;
  checkedAt: string | null;
  /**
   * Whether it still stands: dismissed by the analyst (with `reason`), settled by verifying or
   * correcting the figure it is about (`metricId`), or open.
   */
  state: WarningState;
  reason: string | null;
  metricId: number | null;
}

/** An area for improvement (or a cause of concern, a recommendation), its points nested under it. */
export interface OverviewArea {
  id: number;
  kind: string;
  section: string;
  ordinal: number;
  /** In force: the analyst's correction where there is one. */
  text: string;
  where: string;
  /** Where it was read, as numbers (the Source panel's Show source). */
  page: number | null;
  line: number | null;
  corrections: Correction[];
  points: OverviewArea[];
}

export interface ReportOverview {
  id: number;
  title: string;
  force: string;
  programme: string;
  year: number;
  /** As published: "2017", "2018/19", "2023–25". */
  period: string;
  scale: GradeScale;
  published: string | null;
  /** The overall judgment's grade as in force (a corrected one included); the report's own line where it has no such row. */
  overallGrade: string | null;
  sourceName: string;
  judgments: OverviewJudgment[];
  metrics: OverviewMetric[];
  warnings: OverviewWarning[];
  areas: OverviewArea[];
  /** The analyst's corrections of the report's force, programme, period or publication date. */
  corrections: Correction[];
}
