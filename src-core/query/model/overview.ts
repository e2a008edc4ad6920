import type { MetricSource } from '../../extract/types';

/**
 * What the Reports view shows, as the workspace service reads it (../sql/overview.ts). Named for
 * the overview, apart from the grids' rows of the same things (MetricRow in ./metrics.ts, WarningRow
 * in ./reports.ts), which carry more.
 */

export interface OverviewJudgment {
  question: string;
  grade: string;
  lastInspected: number | null;
  isOverall: boolean;
  /** The sentence a grade stated in prose was read from; null for a table or a grade line. */
  quote: string | null;
  /** What the report itself says of the change since the last inspection, with its words. */
  change: { direction: string; since: number | null; quote: string } | null;
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
}

export interface ReportOverview {
  id: number;
  title: string;
  force: string;
  programme: string;
  year: number;
  /** As published: "2017", "2018/19", "2023–25". */
  period: string;
  scale: 'four-point' | 'five-point';
  published: string | null;
  overallGrade: string | null;
  sourceName: string;
  judgments: OverviewJudgment[];
  metrics: OverviewMetric[];
  warnings: OverviewWarning[];
}
