import { CRIME_TYPES, CRITERIA, type CriterionKey, type SampleRow, type Score } from './fields';

/**
 * The demo sample bundled with the Gwent workspace: 60 case files made up by a seeded generator so
 * that every figure the report states about its file review holds (16 with a vulnerable victim, 15
 * of them allocated to the most appropriate team, 8 with an effective investigation). It is
 * SYNTHETIC: illustrative, not the inspectorate's sample, and labelled so wherever it appears.
 */
export const DEMO_SOURCE = 'synthetic demo sample (generated; not HMICFRS data)';

function generator(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    // xorshift32: deterministic on every platform and JavaScript engine.
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

function shuffled<T>(items: T[], random: (n: number) => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

export function generateDemoSample(force = 'Gwent Police', seed = 2017): SampleRow[] {
  const random = generator(seed);
  const n = 60;
  const vulnerable = new Set(shuffled([...Array(n).keys()], random).slice(0, 16));
  const vulnerableIdx = [...vulnerable].sort((a, b) => a - b);
  const notAllocated = new Set(shuffled(vulnerableIdx, random).slice(0, 1));
  const effective = new Set(shuffled(vulnerableIdx, random).slice(0, 8));
  const yn = (p: number): Score => (random(100) < p ? 'yes' : 'no');
  const rows: SampleRow[] = [];
  for (let i = 0; i < n; i++) {
    const v = vulnerable.has(i);
    const day = 1 + random(90); // recorded 1 January – 31 March 2017
    const date = new Date(Date.UTC(2017, 0, day)).toISOString().slice(0, 10);
    const scores = {
      vulnerable_victim: v ? 'yes' : 'no',
      vulnerability_at_first_contact: v ? yn(81) : 'n/a',
      risk_assessment: v ? yn(88) : yn(70),
      allocated_appropriately: v ? (notAllocated.has(i) ? 'no' : 'yes') : yn(90),
      effective_investigation: v ? (effective.has(i) ? 'yes' : 'no') : yn(75),
      supervision_evident: yn(55),
      victim_kept_updated: yn(80),
      victim_needs_assessed: v ? yn(75) : yn(60),
    } satisfies Record<CriterionKey, Score>;
    rows.push({
      force,
      caseRef: `GW-17-${String(i + 1).padStart(3, '0')}`,
      crimeType: CRIME_TYPES[i % CRIME_TYPES.length] ?? 'common assault',
      dateRecorded: date,
      reviewer: 'Reviewer A',
      scores,
      outcome: '',
      note: 'Synthetic demo record',
      sourceRow: i + 2,
    });
  }
  // A second reviewer re-scores ten files, disagreeing now and then, to illustrate agreement (kappa).
  for (const i of shuffled([...Array(n).keys()], random).slice(0, 10)) {
    const first = rows[i] as SampleRow;
    const scores = { ...first.scores };
    const flip = CRITERIA[random(CRITERIA.length)]?.key ?? 'supervision_evident';
    if (flip !== 'vulnerable_victim' && random(3) === 0)
      scores[flip] = scores[flip] === 'yes' ? 'no' : scores[flip] === 'no' ? 'yes' : 'n/a';
    rows.push({ ...first, reviewer: 'Reviewer B', scores, sourceRow: rows.length + 2 });
  }
  return rows;
}
