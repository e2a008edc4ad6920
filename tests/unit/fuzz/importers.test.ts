import { describe, expect, it } from 'vitest';
import { formatStats, fuzzTarget } from '../../fuzz/fuzz';
import { csvTarget, pdfTarget, reportTarget, xlsxTarget, type FuzzTarget } from '../../fuzz/targets';

// The reduced fuzz run inside `npm test`; `npm run test:fuzz` is the full one (10,000 cases per
// importer, a new seed each time). PEEL_FUZZ_RUNS sets the count here (PDF cases cost ~0.5 s each,
// so they get a tenth); the seed is fixed so CI is repeatable, and PEEL_FUZZ_SEED explores another.
const RUNS = Number(process.env.PEEL_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.PEEL_FUZZ_SEED ?? 20261127);

const cases: [string, () => Promise<FuzzTarget>, number][] = [
  ['the report importer (Markdown and text)', async () => reportTarget, RUNS],
  ['the report importer (PDF)', async () => pdfTarget, Math.max(1, Math.round(RUNS / 10))],
  ['the sample importer (CSV)', async () => csvTarget, RUNS],
  ['the sample importer (XLSX)', xlsxTarget, RUNS],
];

describe.each(cases)('%s under fuzzing', (_label, target, runs) => {
  it(`refuses bad input with a typed, located error, never hangs, crashes or half-writes (${runs} cases, seed ${SEED})`, async () => {
    const t0 = Date.now();
    const stats = await fuzzTarget(await target(), { runs, seed: SEED });
    console.log(formatStats(stats, Date.now() - t0));
    expect(stats.violations).toEqual([]);
    expect(stats.cases).toBe(runs);
  }, 300_000);
});
