import { describe, expect, it } from 'vitest';
import { importReport } from '../../../../src-core/db/import-report';
import { all } from '../../../../src-core/db/sql-db';
import { extractBytes, readFixture } from '../../../helpers/seed';
import { freshWorkspace } from '../../../helpers/workspace';

// Found by the fuzzer (tests/fuzz): a report whose judgments table appears twice made the import
// fail with SQLite's "UNIQUE constraint failed: judgments.report_id, judgments.question" instead of
// importing, or refusing with a message the analyst could act on.
describe('a report that grades the same question twice', () => {
  const seed = new TextDecoder().decode(readFixture('data/gwent-peel-effectiveness-2017.md'));
  const table = 'Question\tGrade\tLast inspected\nPreventing crime and tackling anti-social behaviour\t Good\t2016\n';
  const twice = seed.replace(table, `${table}Preventing crime and tackling anti-social behaviour\t Inadequate\t2017\n`);

  it('keeps the first grade, warns where the repeat is, and imports', async () => {
    expect(twice).not.toBe(seed);
    const ex = await extractBytes('twice.md', new TextEncoder().encode(twice));
    const graded = ex.judgments.filter((j) => j.question === 'Preventing crime and tackling anti-social behaviour');
    expect(graded.map((j) => j.grade)).toEqual(['Good']);
    const warning = ex.warnings.find((w) => w.code === 'judgment-duplicate');
    expect(warning?.message).toMatch(
      /^"Preventing crime and tackling anti-social behaviour" is graded again at line \d+ \(Inadequate\); the first grade, Good at line \d+, is kept$/,
    );
    const db = await freshWorkspace();
    const r = await importReport(db, ex, { name: 'twice.md', bytes: new TextEncoder().encode(twice) });
    expect(r.status).toBe('imported');
    expect(all(db, "SELECT grade FROM judgments WHERE question LIKE 'Preventing crime%'")).toEqual([{ grade: 'Good' }]);
  });

  it('counts two rows of one question worded differently as a repeat too, kept first and warned of', async () => {
    const reworded = seed.replace(
      table,
      `${table}How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?\t Inadequate\t2017\n`,
    );
    expect(reworded).not.toBe(seed);
    const ex = await extractBytes('reworded.md', new TextEncoder().encode(reworded));
    const graded = ex.judgments.filter((j) => j.area === 'Preventing crime and tackling anti-social behaviour');
    expect(graded.map((j) => [j.question, j.grade])).toEqual([['Preventing crime and tackling anti-social behaviour', 'Good']]);
    expect(ex.warnings.find((w) => w.code === 'judgment-duplicate')?.message).toMatch(
      /^"How effective is the force at preventing crime, .*" is graded again at line \d+ \(Inadequate\); the first grade, Good at line \d+, is kept$/,
    );
  });
});
