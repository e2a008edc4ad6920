import type { Rag } from '../annotations/vocabulary';
import type { PackDefinition, PackSectionKey } from './definition';

/**
 * A briefing pack as data: the definition (./definition.ts) filled from the workspace at one
 * moment, which every writer (HTML, Markdown, DOCX, PDF) renders without touching the database
 * again. Everything a writer prints comes from here, so all formats say the same thing and every
 * item carries the source it was traced to.
 */

/** Where a statement came from: enough to find it in the report by hand. */
export interface SourceRef {
  /** "S1", "S2", …: cited in the body, listed in the Sources section. */
  id: string;
  reportId: number;
  /** e.g. "PEEL: Police effectiveness 2017 – Gwent Police". */
  reportTitle: string;
  section: string;
  subsection: string | null;
  /** Paragraph number within the report as the workbench counts them (1-based), when known. */
  paragraph: number | null;
  page: number | null;
  line: number;
  /** What the item is, for the Sources list: "Finding", "Metric", "Judgment", "Area for improvement", "Review figure". */
  what: string;
}

export interface PackJudgment {
  question: string;
  grade: string;
  lastInspected: number | null;
  /** The grade the same force had for the same question in the previous report of the same programme in this workspace. */
  previousGrade: string | null;
  /** 'up' | 'down' | 'same' against previousGrade; null when there is none. */
  change: 'up' | 'down' | 'same' | null;
  isOverall: boolean;
  source: string;
}

export interface PackReport {
  id: number;
  title: string;
  force: string;
  programme: string;
  year: number;
  published: string | null;
  overallGrade: string | null;
  judgments: PackJudgment[];
}

export interface PackMetric {
  report: string;
  label: string;
  category: string | null;
  unit: string;
  period: string | null;
  force: number | null;
  englandWales: number | null;
  forceText: string;
  ewText: string;
  difference: number | null;
  /** 'higher' | 'lower' | 'same' than England and Wales; null when either is missing. */
  direction: 'higher' | 'lower' | 'same' | null;
  verified: boolean;
  note: string;
  source: string;
}

/** One panel per unit: the force against England and Wales for each metric in that unit. */
export interface ChartPanel {
  unit: string;
  categories: string[];
  force: (number | null)[];
  englandWales: (number | null)[];
}
export interface ChartSpec {
  title: string;
  forceLabel: string;
  panels: ChartPanel[];
}

export interface PackFinding {
  id: number;
  report: string;
  section: string;
  subsection: string | null;
  paragraph: number;
  kind: string;
  text: string;
  note: string;
  tags: string[];
  rag: Rag | null;
  source: string;
}

export interface PackFindingGroup {
  report: string;
  section: string;
  findings: PackFinding[];
}

export interface PackArea {
  report: string;
  section: string;
  text: string;
  children: string[];
  source: string;
}

export interface PackReviewCriterion {
  label: string;
  k: number;
  n: number;
  proportion: number;
  low: number;
  high: number;
  small: boolean;
}

export interface PackReview {
  force: string;
  files: number;
  /** True when the figures come from the synthetic demo sample, not real review data. */
  synthetic: boolean;
  criteria: PackReviewCriterion[];
  /** Stated figures against the sample: "16 of 60 … (report says 16)". */
  reconciliation: { label: string; stated: number; computed: number | null; matches: boolean; source: string | null }[];
}

/** What fed a section and how many rows it had, for the reproducibility note. */
export interface PackFeedRecord {
  section: PackSectionKey;
  feed: string;
  rows: number;
}

export interface BriefingPack {
  definition: PackDefinition;
  /** The marking line as printed at top and bottom of every page: "OFFICIAL-SENSITIVE" or "OFFICIAL-SENSITIVE – CAVEAT". */
  markingLine: string;
  generatedAt: string;
  appVersion: string;
  /** SHA-256 of the workspace's content (reports, findings, metrics, annotations, samples), not of its file bytes. */
  workspaceHash: string;
  reports: PackReport[];
  metrics: PackMetric[];
  chart: ChartSpec | null;
  findings: PackFindingGroup[];
  areas: PackArea[];
  review: PackReview[];
  sources: SourceRef[];
  feeds: PackFeedRecord[];
  /** Things the reader must know, e.g. "No finding is marked include-in-brief …", "Figures from a synthetic sample". */
  notices: string[];
}

/** How many findings a pack holds, across its groups. */
export function findingCount(pack: Pick<BriefingPack, 'findings'>): number {
  return pack.findings.reduce((n, g) => n + g.findings.length, 0);
}
