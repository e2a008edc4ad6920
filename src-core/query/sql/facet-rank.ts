/** How status and RAG values are ordered in the facet panel, and string order as SQLite sorts it. */
import { RAG_FACETS, STATUSES } from '../../annotations/vocabulary';
import type { FacetCount } from '../model/facets';

export const STATUS_RANK: string[] = [...STATUSES];
export const RAG_RANK: string[] = [...RAG_FACETS];

/** Status or RAG counts in the panel's order, with the unannotated findings under the fallback. */
export function ranked(counts: Map<string, number>, fallback: string, matching: number, rank: string[], limit: number): FacetCount[] {
  const others = [...counts].reduce((n, [v, c]) => (v === fallback ? n : n + c), 0);
  counts.set(fallback, matching - others);
  return [...counts]
    .filter(([, c]) => c > 0)
    .sort(([a], [b]) => (rank.indexOf(a) + 1 || 5) - (rank.indexOf(b) + 1 || 5))
    .slice(0, limit)
    .map(([value, count]) => ({ value, label: value, count }));
}

/**
 * SQLite's BINARY order (UTF-8 bytes, which is code point order) for JS strings: UTF-16 code
 * units agree with it except that a surrogate pair (a code point above U+FFFF) sorts after
 * U+E000–U+FFFF.
 */
export function binaryOrder(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
