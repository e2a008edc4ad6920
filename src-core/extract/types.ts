/** Where a fact came from: a 1-based line of the source text, and the page when the source had pages. */
export interface SourcePos {
  line: number;
  page?: number;
}

export type Grade = 'Outstanding' | 'Good' | 'Requires improvement' | 'Inadequate' | 'Ungraded';
export const GRADES: readonly Grade[] = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Ungraded'];

export type FindingKind =
  | 'judgment summary'
  | 'narrative'
  | 'positive practice'
  | 'concern'
  | 'area for improvement'
  | 'progress on a previous area for improvement'
  | 'data note';

export const FINDING_KINDS: readonly FindingKind[] = [
  'judgment summary',
  'narrative',
  'positive practice',
  'concern',
  'area for improvement',
  'progress on a previous area for improvement',
  'data note',
];

export type SourceFormat = 'markdown' | 'text' | 'pdf';

export interface ReportMeta {
  title: string;
  force: string;
  programme: string;
  year: number;
  /** Publication month as printed, e.g. "March 2018". */
  published: string | null;
  isbn: string | null;
  where: SourcePos;
}

export interface Judgment {
  question: string;
  grade: Grade;
  lastInspected: number | null;
  where: SourcePos;
}

export type MetricSource = 'force-in-numbers' | 'text';

export interface Metric {
  category: string | null;
  label: string;
  unit: string;
  period: string | null;
  force: number | null;
  englandWales: number | null;
  /** The values exactly as printed, so "+13%" keeps its sign and "-" (no data) is visible. */
  forceText: string;
  englandWalesText: string;
  source: MetricSource;
  quote: string;
  where: SourcePos;
}

export interface Finding {
  section: string;
  subsection: string | null;
  /** 1-based position of the paragraph within its subsection (or section). */
  paragraph: number;
  kind: FindingKind;
  text: string;
  footnotes: number[];
  /** True when the paragraph was split by a page break or footnote block and joined back. */
  rejoined: boolean;
  where: SourcePos;
}

export interface AreaForImprovement {
  section: string;
  text: string;
  items: string[];
  where: SourcePos;
}

export interface Footnote {
  number: number;
  text: string;
  where: SourcePos;
}

export type WarningCode =
  | 'footnote-undefined'
  | 'footnote-uncited'
  | 'metric-implausible'
  | 'metric-incomplete'
  | 'section-unplaced'
  | 'grade-mismatch'
  | 'judgments-missing'
  | 'judgment-duplicate';

export interface ExtractWarning {
  code: WarningCode;
  message: string;
  where: SourcePos | null;
}

export interface Extraction {
  format: SourceFormat;
  report: ReportMeta;
  judgments: Judgment[];
  metrics: Metric[];
  findings: Finding[];
  areasForImprovement: AreaForImprovement[];
  footnotes: Footnote[];
  warnings: ExtractWarning[];
}

export function formatPos(pos: SourcePos | null | undefined): string {
  if (!pos) return 'unknown position';
  return pos.page === undefined ? `line ${pos.line}` : `page ${pos.page}, line ${pos.line}`;
}
