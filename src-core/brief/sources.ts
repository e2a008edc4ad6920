import type { SourceRef } from './model';

/**
 * The pack's sources, numbered S1, S2, … in the order the document cites them. The builder walks
 * the sections in the order the writers print them and registers each item's source as it goes,
 * so the first citation a reader meets is S1. An item cited twice (the same place in the same
 * report, for the same kind of item) keeps its first number.
 */
export class SourceList {
  private readonly refs: SourceRef[] = [];
  private readonly byKey = new Map<string, string>();

  cite(ref: Omit<SourceRef, 'id' | 'corrections'>, corrections: readonly string[] = []): string {
    const key = JSON.stringify([ref.reportId, ref.page, ref.line, ref.what, ref.section, ref.subsection, ref.paragraph]);
    const id = this.byKey.get(key) ?? `S${this.refs.length + 1}`;
    if (!this.byKey.has(key)) {
      this.refs.push({ ...ref, id, corrections: [] });
      this.byKey.set(key, id);
    }
    // Two items read at one place (rare) each add what was corrected in them.
    if (corrections.length) this.refs.find((r) => r.id === id)?.corrections.push(...corrections);
    return id;
  }

  get list(): SourceRef[] {
    return this.refs.map((r) => ({ ...r, corrections: [...r.corrections] }));
  }
}

/** A position in a report, as (page, line) with unpaginated text on page 0, for ordering. */
export interface Located {
  section: string;
  subsection: string | null;
  paragraph: number | null;
  page: number | null;
  line: number;
}

const before = (a: { page: number | null; line: number }, b: { page: number | null; line: number }) =>
  (a.page ?? 0) < (b.page ?? 0) || ((a.page ?? 0) === (b.page ?? 0) && a.line <= b.line);

/**
 * The paragraph a line of the report falls in: the last finding that starts at or before it.
 * Metrics quoted from the text and footnotes carry only a line; this names the section and
 * paragraph an analyst would turn to. Findings must be in report order.
 */
export function paragraphAt<F extends Located>(findings: readonly F[], at: { page: number | null; line: number }): F | null {
  let hit: F | null = null;
  for (const f of findings) {
    if (before(f, at)) hit = f;
    else break;
  }
  return hit;
}

/** The first finding that starts after a position (judgment tables sit just before the summary they head). */
export function paragraphAfter<F extends Located>(findings: readonly F[], at: { page: number | null; line: number }): F | null {
  return findings.find((f) => !before(f, at)) ?? null;
}
