import { z } from 'zod';
import { FINDING_KINDS } from '../../extract/types';
import { RAG_FACETS, statusSchema } from '../../annotations/vocabulary';

/**
 * What the Findings grid asks for, as data: the query, its columns and the row it gets back. The UI
 * builds and checks queries with this module; how each is read is sql/findings.ts's business, and
 * only the workspace service runs that.
 */

/** Columns the grid can sort findings by. */
export const FINDING_SORT_KEYS = ['report', 'section', 'subsection', 'position', 'kind', 'status', 'rag', 'includeInBrief'] as const;
export type FindingSortColumn = (typeof FINDING_SORT_KEYS)[number];

/** Columns a grid filter can match text in ("contains"). */
export const FINDING_TEXT_KEYS = ['report', 'section', 'subsection', 'kind', 'text', 'note', 'status'] as const;
export type FindingTextColumn = (typeof FINDING_TEXT_KEYS)[number];

export const findingsQuerySchema = z.object({
  search: z.string().max(500).optional(),
  reportIds: z.array(z.number().int().positive()).max(2000).optional(),
  kinds: z.array(z.enum(FINDING_KINDS as unknown as [string, ...string[]])).optional(),
  sections: z.array(z.string().max(300)).max(500).optional(),
  subsections: z.array(z.string().max(300)).max(500).optional(),
  statuses: z.array(statusSchema).optional(),
  tags: z.array(z.string().max(100)).max(100).optional(),
  /** 'none' selects findings without a RAG rating. */
  rags: z.array(z.enum(RAG_FACETS)).optional(),
  includeInBrief: z.boolean().optional(),
  contains: z
    .array(
      z.object({
        column: z.enum(FINDING_TEXT_KEYS),
        value: z.string().min(1).max(300),
      }),
    )
    .max(10)
    .optional(),
  sort: z
    .array(
      z.object({
        column: z.enum(FINDING_SORT_KEYS),
        direction: z.enum(['asc', 'desc']),
      }),
    )
    .max(5)
    .optional(),
});

export type FindingsQuery = z.infer<typeof findingsQuerySchema>;

export interface FindingRow {
  id: number;
  reportId: number;
  report: string;
  section: string;
  subsection: string | null;
  paragraph: number;
  kind: string;
  text: string;
  page: number | null;
  line: number;
  status: string;
  tags: string[];
  rag: string | null;
  note: string;
  includeInBrief: boolean;
}

/**
 * The words of a search, split as the full-text index splits text (letters and digits; apostrophes
 * and hyphens separate words there too), so the UI highlights exactly what the search matched.
 */
export function searchTerms(search: string): string[] {
  return search.match(/[\p{L}\p{N}]+/gu) ?? [];
}
