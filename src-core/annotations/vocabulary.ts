import { z } from 'zod';

/**
 * What an analyst can say of an item (a finding, a metric, a case file), declared once: the edit
 * validation, the queries, the facets, the briefing pack and every editor take their values from
 * here, and a test holds the SQL CHECKs of the migrations to the same lists.
 */

/** Review statuses, in the order a review moves through them (and the facet panel lists them). */
export const STATUSES = ['new', 'reviewed', 'flagged', 'verified'] as const;
export type Status = (typeof STATUSES)[number];
export const statusSchema = z.enum(STATUSES);

/** RAG ratings, worst first (the order facets, charts and packs list them); an item may have none. */
export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];
export const ragSchema = z.enum(RAGS);

/** A RAG facet's values: the ratings, and 'none' for items not rated. */
export const RAG_FACETS = [...RAGS, 'none'] as const;
export type RagFacet = (typeof RAG_FACETS)[number];

export const isRag = (v: unknown): v is Rag => typeof v === 'string' && (RAGS as readonly string[]).includes(v);
