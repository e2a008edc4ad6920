import { describe, expect, it } from 'vitest';
import { formatStats, fuzzTarget } from '../../fuzz/fuzz';
import { workspaceTarget } from '../../fuzz/workspace-target';

// The reduced run of the workspace-file fuzzer (issue 15) inside `npm test`; `npm run test:fuzz --
// --only workspace` is the full one (10,000 cases, a new seed each time). A case costs a few
// milliseconds, so the reduced run is larger than the importers'. PEEL_FUZZ_RUNS and
// PEEL_FUZZ_SEED as for them; the seed is fixed so CI is repeatable.
const RUNS = Number(process.env.PEEL_FUZZ_RUNS ?? 200) * 2;
const SEED = Number(process.env.PEEL_FUZZ_SEED ?? 20261127);

describe('a workspace file from elsewhere, its schema and pages mutated, under fuzzing', () => {
  it(`is refused with a one-line WorkspaceError or opens with the app's schema and the same grades: never a crash, a hang or a changed grade (${RUNS} cases, seed ${SEED})`, async () => {
    const t0 = Date.now();
    const stats = await fuzzTarget(await workspaceTarget(), { runs: RUNS, seed: SEED });
    console.log(formatStats(stats, Date.now() - t0));
    expect(stats.violations).toEqual([]);
    expect(stats.cases).toBe(RUNS);
    // Both outcomes were reached: the mutations are not all refused (or all harmless).
    const count = (re: RegExp) => Object.entries(stats.outcomes).reduce((n, [k, v]) => n + (re.test(k) ? v : 0), 0);
    expect(count(/^schema opened/)).toBeGreaterThan(0);
    expect(count(/^pages opened/)).toBeGreaterThan(0);
    expect(count(/^schema WorkspaceError:altered/)).toBeGreaterThan(0);
    expect(count(/^pages WorkspaceError:corrupt/)).toBeGreaterThan(0);
  }, 300_000);
});
