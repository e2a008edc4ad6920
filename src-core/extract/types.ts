/** Where a fact came from: a 1-based line of the source text, and the page when the source had pages. */
export interface SourcePos {
  line: number;
  page?: number;
}

/**
 * Grades of both PEEL scales: the four-point scale (2014 to 2018/19) and the five-point scale with
 * "Adequate" (2021/22 onwards). "Not inspected" is a question the inspection left alone ("the grade
 * from 2016 stands"); "Ungraded" is one inspected without a grade.
 */
export type Grade = 'Outstanding' | 'Good' | 'Adequate' | 'Requires improvement' | 'Inadequate' | 'Ungraded' | 'Not inspected';
export const GRADES: readonly Grade[] = [
  'Outstanding',
  'Good',
  'Adequate',
  'Requires improvement',
  'Inadequate',
  'Ungraded',
  'Not inspected',
];

export type GradeScale = 'four-point' | 'five-point';
export type Pillar = 'effectiveness' | 'efficiency' | 'legitimacy';

/**
 * Where a grade sits for sorting and charts, on one axis for both scales: 4 is outstanding and 1
 * inadequate on either, and the five-point scale's "adequate" sits between good and requires
 * improvement (2.5) rather than being passed off as either. Ungraded and not inspected have no rank.
 */
export function gradeRank(grade: Grade): number | null {
  const ranks: Partial<Record<Grade, number>> = { Outstanding: 4, Good: 3, Adequate: 2.5, 'Requires improvement': 2, Inadequate: 1 };
  return ranks[grade] ?? null;
}

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

/** The file as read: HTML pages are read through an HTML parser into the same marked-up lines as Markdown. */
export type SourceFormat = 'markdown' | 'text' | 'pdf' | 'html';

export interface ReportMeta {
  title: string;
  force: string;
  /** "Police effectiveness", "PEEL assessment", "Police effectiveness, efficiency and legitimacy", "PEEL"… */
  programme: string;
  /** The period as published: "2017", "2018/19", "2021/22", "2023–25". */
  period: string;
  /** The period's first year. */
  year: number;
  scale: GradeScale;
  /** Publication month as printed, e.g. "March 2018". */
  published: string | null;
  isbn: string | null;
  where: SourcePos;
}

export interface Judgment {
  /** The question or area as the report words it ("Overall effectiveness" for a pillar's overall grade). */
  question: string;
  /** The question's name in the shared vocabulary (questions.ts), when it is one of them. */
  area: string | null;
  pillar: Pillar | null;
  /** The pillar's overall grade rather than one question's. */
  overall: boolean;
  grade: Grade;
  lastInspected: number | null;
  /** The sentence the grade was read from, when it was read from prose rather than a table or grade line. */
  quote: string | null;
  /** What the report itself says of the change since the last inspection. */
  change: StatedChange | null;
  where: SourcePos;
}

export interface StatedChange {
  direction: 'improved' | 'deteriorated' | 'unchanged';
  /** The year compared with, when the report says. */
  since: number | null;
  /** The earlier grade, when the report states it ("in which we judged the force to be good"). */
  previous: Grade | null;
  quote: string;
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
  /** The same figure stated again elsewhere in the report (in the text as well as in "Force in numbers"). */
  alsoQuoted?: { quote: string; where: SourcePos }[];
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

export type AreaKind = 'area for improvement' | 'cause of concern' | 'recommendation';

export interface AreaForImprovement {
  kind: AreaKind;
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
  | 'judgment-duplicate'
  | 'grade-conflict'
  | 'report-part-missing'
  | 'force-unknown'
  | 'figures-as-pictures';

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
