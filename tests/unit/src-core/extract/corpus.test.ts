import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../../src-core/extract/types';
import { factCount, keptAsideReasons, loadFixtures, scoreExtraction, type Fixture, type Score } from '../../../helpers/golden';
import { extractBytes, ROOT } from '../../../helpers/seed';

const CORPUS = path.join(ROOT, 'tests/fixtures/reports');
const fixtures = loadFixtures(CORPUS);

/** The extractor scored on every real report text in the corpus, with the table it prints. */
describe('the corpus of real HMICFRS texts', () => {
  it('holds at least 20 texts of at least 10 forces and every programme', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    expect(new Set(fixtures.map((f) => f.golden.facts.force)).size).toBeGreaterThanOrEqual(10);
    const programmes = new Set(fixtures.map((f) => f.golden.facts.programme));
    for (const p of [
      'Police effectiveness',
      'Police efficiency',
      'Police legitimacy',
      'PEEL assessment',
      'Police effectiveness, efficiency and legitimacy',
      'PEEL',
    ]) {
      expect(programmes, p).toContain(p);
    }
  });

  it('holds no text of the forces kept aside, however it would show: golden force, extracted force, source, title', async () => {
    for (const f of fixtures) {
      const text = readFileSync(f.textPath, 'utf8');
      const e = await extractBytes(path.basename(f.textPath), new Uint8Array(readFileSync(f.textPath))).catch(() => null);
      expect(keptAsideReasons(f, text, e), f.slug).toEqual([]);
    }
    // The guard can fail: a real fixture renamed to a kept-aside force is caught each way.
    const base = fixtures.find((f) => f.slug === 'kent-efficiency-2016-web');
    if (!base) throw new Error('kent-efficiency-2016-web is missing');
    const text = readFileSync(base.textPath, 'utf8').replaceAll('Kent', 'Lancashire');
    const renamed: Fixture = {
      ...base,
      slug: 'lancashire-efficiency-2016-web',
      golden: {
        ...base.golden,
        sources: ['https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/lancashire/efficiency/'],
        facts: { ...base.golden.facts, force: 'Lancashire Constabulary' },
      },
    };
    const e = await extractBytes('lancashire.txt', new TextEncoder().encode(text));
    expect(keptAsideReasons(renamed, text, e)).toEqual([
      'its golden file names Lancashire Constabulary',
      'the extractor reads it as a report of Lancashire Constabulary',
      'its source or name is about Lancashire Constabulary',
      'its opening lines name Lancashire Constabulary as the force inspected',
    ]);
  });

  it('finds at least 90% of the golden facts, gives no wrong value and refuses no text', async () => {
    const rows: { slug: string; facts: number; score: Score; refused: string | null }[] = [];
    for (const f of fixtures) {
      let e: Extraction | null = null;
      let refused: string | null = null;
      try {
        e = await extractBytes(path.basename(f.textPath), new Uint8Array(readFileSync(f.textPath)));
      } catch (err) {
        refused = err instanceof Error ? err.message : String(err);
      }
      rows.push({ slug: f.slug, facts: factCount(f.golden), score: scoreExtraction(e, f.golden), refused });
    }
    const total = rows.reduce((n, r) => n + r.facts, 0);
    const found = rows.reduce((n, r) => n + r.score.found, 0);
    const wrong = rows.flatMap((r) => r.score.wrong.map((w) => `${r.slug}: ${w}`));
    const table = [
      `${'fixture'.padEnd(48)} facts found missed wrong`,
      ...rows.map(
        (r) =>
          `${r.slug.padEnd(48)} ${String(r.facts).padStart(5)} ${String(r.score.found).padStart(5)} ${String(r.score.missed.length).padStart(6)} ${String(r.score.wrong.length).padStart(5)}${r.refused ? `  REFUSED: ${r.refused}` : ''}`,
      ),
      `${'total'.padEnd(48)} ${String(total).padStart(5)} ${String(found).padStart(5)} ${String(total - found - wrong.length).padStart(6)} ${String(wrong.length).padStart(5)}  (${((100 * found) / total).toFixed(1)}% found)`,
    ];
    const missed = rows.flatMap((r) => r.score.missed.map((m) => `  missed ${r.slug}: ${m}`));
    console.log([...table, ...missed, ...wrong.map((w) => `  WRONG ${w}`)].join('\n'));
    expect(rows.filter((r) => r.refused).map((r) => `${r.slug}: ${r.refused}`)).toEqual([]);
    expect(wrong).toEqual([]);
    expect(found / total).toBeGreaterThanOrEqual(0.9);
  });
});
