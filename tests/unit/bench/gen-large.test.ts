import { describe, expect, it } from 'vitest';
import { generateLarge, reportPlan, SYNTHETIC_NOTE } from '../../../bench/gen-large';
import { sha256Hex } from '../../../src-core/db/hash';
import { all, one } from '../../../src-core/db/sql-db';
import { openWorkspace } from '../../../src-core/db/workspace';
import { readFacets } from '../../../src-core/query/sql/facets';
import { engineAndMigrations } from '../../helpers/workspace';

describe('the large benchmark workspace generator', () => {
  it('gives the same bytes for the same seed, and other bytes for another', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const build = async (seed: number) => {
      const { db } = await generateLarge(engine, migrations, { reports: 3, seed });
      const bytes = db.export();
      db.close();
      return sha256Hex(bytes);
    };
    const first = await build(7);
    expect(await build(7)).toBe(first);
    expect(await build(8)).not.toBe(first);
  });

  it('marks every report and sample synthetic, spreads reports over forces, and opens as a workspace', async () => {
    const { engine, migrations } = await engineAndMigrations();
    const { db, counts } = await generateLarge(engine, migrations, { reports: 4, seed: 2017 });
    const reopened = openWorkspace(engine, db.export(), migrations, 'large.sqlite');
    db.close();
    const reports = all<{ title: string; force: string; synthetic: number; source_name: string }>(
      reopened,
      'SELECT title, force, synthetic, source_name FROM reports',
    );
    expect(reports).toHaveLength(4);
    expect(new Set(reports.map((r) => r.force)).size).toBe(4);
    for (const r of reports) {
      expect(r.title).toMatch(/^SYNTHETIC – /);
      expect(r.synthetic).toBe(1);
      expect(r.source_name).toMatch(/^synthetic-/);
    }
    expect(one(reopened, 'SELECT count(*) AS n FROM review_samples WHERE synthetic = 0')?.n).toBe(0);
    expect(String(one(reopened, "SELECT value FROM meta WHERE key = 'synthetic'")?.value)).toContain(SYNTHETIC_NOTE);
    // About 300 findings and 90 metrics a report (the seed's 15 comparisons over six periods), as the
    // issue's 1,000-report workspace needs.
    expect(counts.findings / 4).toBeGreaterThan(250);
    expect(counts.findings / 4).toBeLessThan(350);
    expect(counts.metrics).toBe(4 * 90);
    // The summary table the facets read agrees with the findings it was built from.
    expect(readFacets(reopened, {}).report.reduce((n, r) => n + r.count, 0)).toBe(counts.findings);
    reopened.close();
  });

  it('plans 25 inspections for each of the 43 forces', () => {
    const plan = reportPlan(5000);
    expect(plan).toHaveLength(43 * 25);
    expect(new Set(plan.map((p) => `${p.force}|${p.programme.name}|${p.year}`)).size).toBe(plan.length);
  });
});
