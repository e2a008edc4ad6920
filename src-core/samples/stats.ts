import { all, type SqlDatabase } from '../db/sql-db';
import { CRITERIA, type CriterionKey, type Score } from './fields';

/** z for a two-sided 95 % interval. */
const Z = 1.959963984540054;

export interface Proportion {
  p: number | null;
  low: number | null;
  high: number | null;
}

/**
 * The Wilson score interval for k successes in n: unlike the textbook p ± z·se it stays inside
 * 0–1 and behaves at small n and at 0 or n, which is what a 16-file subgroup needs.
 */
export function wilson(k: number, n: number): Proportion {
  if (n <= 0) return { p: null, low: null, high: null };
  const p = k / n;
  const z2 = Z * Z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // Exactly 0 and 1 at the ends, not 5.6e-17: these are printed and compared.
  return { p, low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

export interface CriterionSummary extends Proportion {
  key: CriterionKey;
  label: string;
  yes: number;
  no: number;
  na: number;
  /** Files where the criterion applied (yes + no): the denominator. */
  n: number;
  smallSample: boolean;
}

export const SMALL_SAMPLE = 30;

export interface ScoredFile {
  caseRef: string;
  crimeType: string;
  scores: Record<CriterionKey, Score>;
}

export function summariseCriteria(files: ScoredFile[]): CriterionSummary[] {
  return CRITERIA.map((c) => {
    const yes = files.filter((f) => f.scores[c.key] === 'yes').length;
    const no = files.filter((f) => f.scores[c.key] === 'no').length;
    const n = yes + no;
    return { key: c.key, label: c.label, yes, no, na: files.length - n, n, ...wilson(yes, n), smallSample: n < SMALL_SAMPLE };
  });
}

export interface SampleSummary {
  /** Distinct case files (a file scored by two reviewers counts once, with its first scoring). */
  n: number;
  synthetic: boolean;
  criteria: CriterionSummary[];
  byCrimeType: { crimeType: string; n: number; criteria: CriterionSummary[] }[];
}

/**
 * The sample rows that count for a force: its real review data once any is imported, otherwise its
 * synthetic demo sample. The two are never mixed into one set of figures.
 */
export const COUNTED = `s.synthetic = (CASE WHEN EXISTS (SELECT 1 FROM review_samples r WHERE r.force = s.force AND r.synthetic = 0) THEN 0 ELSE 1 END)`;

/** One scoring per case file (the first reviewer's), so double-scored files are not counted twice. */
export function readScoredFiles(db: SqlDatabase, force?: string): ScoredFile[] {
  const rows = all(
    db,
    `SELECT s.* FROM review_samples s
     WHERE ${COUNTED}
       AND s.id = (SELECT min(t.id) FROM review_samples t WHERE t.force = s.force AND lower(t.case_ref) = lower(s.case_ref) AND t.synthetic = s.synthetic)
     ${force ? 'AND s.force = ?' : ''} ORDER BY s.id`,
    force ? [force] : [],
  );
  return rows.map((r) => ({
    caseRef: String(r.case_ref),
    crimeType: String(r.crime_type),
    scores: Object.fromEntries(CRITERIA.map((c) => [c.key, String(r[c.key]) as Score])) as Record<CriterionKey, Score>,
  }));
}

export function readSampleSummary(db: SqlDatabase, opts: { force?: string } = {}): SampleSummary {
  const files = readScoredFiles(db, opts.force);
  const synthetic =
    all(
      db,
      // Synthetic when the figures come from synthetic rows, not merely when some exist somewhere.
      `SELECT 1 AS x FROM review_samples s WHERE ${COUNTED} AND s.synthetic = 1 ${opts.force ? 'AND s.force = ?' : ''} LIMIT 1`,
      opts.force ? [opts.force] : [],
    ).length > 0;
  const types = [...new Set(files.map((f) => f.crimeType))].sort();
  return {
    n: files.length,
    synthetic,
    criteria: summariseCriteria(files),
    byCrimeType: types.map((t) => {
      const of = files.filter((f) => f.crimeType === t);
      return { crimeType: t, n: of.length, criteria: summariseCriteria(of) };
    }),
  };
}

/** Cohen's kappa for two raters over the same items; null when chance agreement is total. */
export function cohensKappa(pairs: [string, string][]): number | null {
  if (pairs.length === 0) return null;
  const cats = [...new Set(pairs.flat())];
  const po = pairs.filter(([a, b]) => a === b).length / pairs.length;
  const pe = cats.reduce(
    (s, c) => s + (pairs.filter(([a]) => a === c).length / pairs.length) * (pairs.filter(([, b]) => b === c).length / pairs.length),
    0,
  );
  if (pe === 1) return null;
  return (po - pe) / (1 - pe);
}

export interface Agreement {
  key: CriterionKey;
  label: string;
  kappa: number | null;
  /** Files scored by two reviewers. */
  n: number;
  disagreements: { caseRef: string; force: string; scores: { reviewer: string; value: Score }[] }[];
}

/** Where two reviewers scored the same file: Cohen's kappa per criterion and the files they disagree on. */
export function readAgreement(db: SqlDatabase): Agreement[] {
  const rows = all(db, `SELECT * FROM review_samples s WHERE ${COUNTED} ORDER BY force, lower(case_ref), id`);
  const byFile = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = `${String(r.force)}\u0000${String(r.case_ref).toLowerCase()}`;
    byFile.set(k, [...(byFile.get(k) ?? []), r]);
  }
  const doubles = [...byFile.values()].filter((g) => g.length >= 2).map((g) => [g[0], g[1]] as const);
  return CRITERIA.map((c) => {
    const pairs = doubles.map(([a, b]) => [String(a?.[c.key]), String(b?.[c.key])] as [string, string]);
    return {
      key: c.key,
      label: c.label,
      kappa: cohensKappa(pairs),
      n: pairs.length,
      disagreements: doubles
        .filter(([a, b]) => a?.[c.key] !== b?.[c.key])
        .map(([a, b]) => ({
          caseRef: String(a?.case_ref),
          force: String(a?.force),
          scores: [a, b].map((r) => ({ reviewer: String(r?.reviewer), value: String(r?.[c.key]) as Score })),
        })),
    };
  });
}
