import { z } from 'zod';
import { findingsQuerySchema } from '../query/model/findings';
import type { Rag } from '../annotations/vocabulary';

/**
 * A briefing pack as data. `PackDefinition` is what the analyst chose in the Briefing view (saved
 * in the workspace, so the pack can be regenerated after more annotation); `BriefingPack` is the
 * definition filled from the workspace at one moment, which every writer (HTML, Markdown, DOCX,
 * PDF) renders without touching the database again. Everything a writer prints comes from here,
 * so all formats say the same thing and every item carries the source it was traced to.
 */

export const MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export type Marking = (typeof MARKINGS)[number];

export const PACK_SECTIONS = ['summary', 'metrics', 'findings', 'areas', 'review', 'sources', 'reproducibility'] as const;
export type PackSectionKey = (typeof PACK_SECTIONS)[number];

export const PACK_SECTION_TITLES: Record<PackSectionKey, string> = {
  summary: 'Summary of judgments',
  metrics: 'Key metrics',
  findings: 'Findings',
  areas: 'Areas for improvement',
  review: 'Case-file review',
  sources: 'Sources',
  reproducibility: 'How this pack was produced',
};

/** What fed the findings section: a saved view by id, or the query as it stood (e.g. the grid's). */
export const packFeedSchema = z.union([
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('saved-view'), savedViewId: z.number().int().positive() }),
  z.object({ kind: z.literal('query'), query: findingsQuerySchema, label: z.string().max(300) }),
]);
export type PackFeed = z.infer<typeof packFeedSchema>;

export const packDefinitionSchema = z.object({
  title: z.string().trim().min(1).max(200),
  audience: z.string().trim().max(200),
  author: z.string().trim().min(1).max(200),
  /** The date the pack is dated (YYYY-MM-DD), not the time it was generated. */
  date: z.iso.date(),
  marking: z.enum(MARKINGS),
  /** An optional handling caveat printed after the marking, e.g. "NOT FOR ONWARD CIRCULATION". */
  caveat: z.string().trim().max(120),
  sections: z.array(z.enum(PACK_SECTIONS)).min(1).max(PACK_SECTIONS.length),
  /** Reports the pack covers; empty means every report in the workspace. */
  reportIds: z.array(z.number().int().positive()).max(2000),
  /** Findings are those marked include-in-brief within this feed. */
  findings: packFeedSchema,
});
export type PackDefinition = z.infer<typeof packDefinitionSchema>;

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

/** The marking line: the marking, then the caveat if any, as it must appear on every page. */
export function markingLine(marking: Marking, caveat: string): string {
  const c = caveat.trim();
  return c ? `${marking} – ${c.toUpperCase()}` : marking;
}
