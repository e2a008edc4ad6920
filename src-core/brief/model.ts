import type { Rag } from '../annotations/vocabulary';
import type { CheckCounts } from '../query/model/coverage';
import type { Correction } from '../query/model/metrics';
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
  /**
   * What an analyst changed in the item read here, each as a sentence naming the extracted value
   * ("Force value corrected from 1 to 12 by ann on 27 November 2026; extracted as 1 from this place in the report.").
   */
  corrections: string[];
}

/** Where the analyst's check of a figure or grade stands: a correction outranks a tick. */
import type { CheckState } from '../query/model/coverage';
export type { CheckState };

export interface PackJudgment {
  question: string;
  grade: string;
  lastInspected: number | null;
  /** The grade the same force had for the same question in the previous report of the same programme in this workspace. */
  previousGrade: string | null;
  /** 'up' | 'down' | 'same' against previousGrade; null when there is none. */
  change: 'up' | 'down' | 'same' | null;
  isOverall: boolean;
  check: CheckState;
  corrections: Correction[];
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
  check: CheckState;
  /** The analyst's corrections of this figure, with the extracted values. */
  corrections: Correction[];
  /** The extractor's warning about this figure while it stays open (no one has dismissed it, verified or corrected the figure). */
  openWarning: string | null;
  note: string;
  source: string;
}

/** How a bar pair's label is marked: a figure not yet verified, or one an analyst corrected; null for a verified one. */
export type ChartMark = 'unverified' | 'corrected' | null;

/** One panel per unit: the force against England and Wales for each metric in that unit. */
export interface ChartPanel {
  unit: string;
  categories: string[];
  force: (number | null)[];
  englandWales: (number | null)[];
  /** Per category, its check mark (a chart without them marks nothing). */
  marks?: ChartMark[];
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

/** How much of what the pack states has been checked against the reports: its figures (metrics) and grades (judgments). */
export interface PackCoverage {
  figures: CheckCounts;
  grades: CheckCounts;
  /** "Of the 15 figures and 6 grades in this pack, 9 are verified against the report, 1 corrected, 11 not yet verified." */
  statement: string;
}

/** A figure in the pack whose extraction warning is still open: what a reader must check before quoting it. */
export interface PackWarning {
  /** "Domestic abuse incidents per 1,000 population (Gwent Police 2017): Gwent Police 1, England and Wales 15". */
  figure: string;
  /** The warning's own words. */
  warning: string;
  source: string;
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
  /** The check of the figures and grades the pack holds; null when it holds neither. */
  coverage: PackCoverage | null;
  /** Every figure in the pack with an open extraction warning, in the order of the metrics table. */
  checkBeforeUse: PackWarning[];
  /** Things the reader must know, e.g. "No finding is marked include-in-brief …", "Figures from a synthetic sample". */
  notices: string[];
}

/** How many findings a pack holds, across its groups. */
export function findingCount(pack: Pick<BriefingPack, 'findings'>): number {
  return pack.findings.reduce((n, g) => n + g.findings.length, 0);
}
