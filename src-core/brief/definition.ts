import { z } from 'zod';
import { findingsQuerySchema } from '../query/model/findings';

/**
 * What the analyst chose for a briefing pack in the Briefing view: its marking, sections, reports
 * and feed. Saved in the workspace (the `pack.save` edit validates it), so the pack can be built
 * again after more annotation; the built pack is ./model.ts.
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

/** The marking line: the marking, then the caveat if any, as it must appear on every page. */
export function markingLine(marking: Marking, caveat: string): string {
  const c = caveat.trim();
  return c ? `${marking} – ${c.toUpperCase()}` : marking;
}
