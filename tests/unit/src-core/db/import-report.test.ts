import { describe, expect, it } from 'vitest';
import { importReport } from '../../../../src-core/db/import-report';
import { all, one } from '../../../../src-core/db/sql-db';
import type { FindingKind } from '../../../../src-core/extract/types';
import { extractSeed, readFixture, SEED_FILES } from '../../../helpers/seed';
import { freshWorkspace } from '../../../helpers/workspace';

const count = (db: Awaited<ReturnType<typeof freshWorkspace>>, table: string) => Number(one(db, `SELECT count(*) AS n FROM ${table}`)?.n);

describe('importing a report into a workspace', () => {
  it('stores everything extracted, with positions, and makes findings searchable', async () => {
    const db = await freshWorkspace();
    const ex = await extractSeed('markdown');
    const result = await importReport(db, ex, { name: 'gwent.md', bytes: readFixture(SEED_FILES.markdown) });
    expect(result).toMatchObject({ status: 'imported', title: 'PEEL: Police effectiveness 2017 – Gwent Police' });
    expect(one(db, 'SELECT force, programme, year, published, isbn, overall_grade, source_format FROM reports')).toEqual({
      force: 'Gwent Police',
      programme: 'Police effectiveness',
      year: 2017,
      published: 'March 2018',
      isbn: '978-1-78655-540-3',
      overall_grade: 'Requires improvement',
      source_format: 'markdown',
    });
    expect(count(db, 'findings')).toBe(ex.findings.length);
    expect(count(db, 'metrics')).toBe(24);
    expect(count(db, 'judgments')).toBe(6);
    expect(count(db, 'footnotes')).toBe(25);
    expect(count(db, 'areas_for_improvement WHERE parent_id IS NULL')).toBe(6);
    expect(count(db, 'areas_for_improvement WHERE parent_id IS NOT NULL')).toBe(4);
    expect(count(db, 'extraction_warnings')).toBe(2);
    expect(
      one(db, "SELECT force_value, ew_value, line FROM metrics WHERE label = 'uses as a place of safety per 100,000 population'"),
    ).toMatchObject({ force_value: 107.9, ew_value: 17.5 });
    const hits = all<{ text: string }>(
      db,
      "SELECT f.text FROM findings_fts JOIN findings f ON f.id = findings_fts.docid WHERE findings_fts MATCH 'custody'",
    );
    expect(hits.length).toBe(3);
    expect(hits.some((h) => h.text.includes('only one mental health bed in Gwent which the force can use'))).toBe(true);
    expect(all(db, 'SELECT s.title, s.grade FROM sections s WHERE s.level = 1 AND s.grade IS NOT NULL ORDER BY s.ordinal')).toEqual([
      { title: 'Protecting vulnerable people and supporting victims', grade: 'Requires improvement' },
      { title: 'Tackling serious and organised crime', grade: 'Requires improvement' },
      { title: 'Specialist capabilities', grade: 'Ungraded' },
    ]);
    expect(
      all(db, 'SELECT number FROM finding_footnotes ff JOIN findings f ON f.id = ff.finding_id WHERE f.text LIKE ?', [
        '%section 136 mental health detentions%',
      ]),
    ).toEqual([{ number: 9 }]);
  });

  it('reports the same file imported twice as a duplicate and stores it once', async () => {
    const db = await freshWorkspace();
    const ex = await extractSeed('markdown');
    const bytes = readFixture(SEED_FILES.markdown);
    await importReport(db, ex, { name: 'gwent.md', bytes });
    const again = await importReport(db, ex, { name: 'copy-of-gwent.md', bytes });
    expect(again).toEqual({
      status: 'duplicate',
      reportId: 1,
      by: 'file',
      reason: 'copy-of-gwent.md is already in this workspace (imported from gwent.md; same content)',
    });
    expect(count(db, 'reports')).toBe(1);
    expect(count(db, 'findings')).toBe(ex.findings.length);
  });

  it('recognises the same report in another format as a duplicate', async () => {
    const db = await freshWorkspace();
    await importReport(db, await extractSeed('markdown'), { name: 'gwent.md', bytes: readFixture(SEED_FILES.markdown) });
    const pdf = await importReport(db, await extractSeed('pdf'), { name: 'gwent.pdf', bytes: readFixture(SEED_FILES.pdf) });
    expect(pdf).toMatchObject({
      status: 'duplicate',
      by: 'report',
      reason: 'PEEL: Police effectiveness 2017 – Gwent Police is already in this workspace (imported from gwent.md)',
    });
    expect(count(db, 'reports')).toBe(1);
  });

  it('writes nothing at all when any row fails', async () => {
    const db = await freshWorkspace();
    const ex = structuredClone(await extractSeed('markdown'));
    const last = ex.findings[ex.findings.length - 1];
    if (last) last.kind = 'not a kind' as FindingKind;
    await expect(importReport(db, ex, { name: 'gwent.md', bytes: readFixture(SEED_FILES.markdown) })).rejects.toThrow(
      /CHECK constraint failed/,
    );
    for (const t of ['reports', 'findings', 'findings_fts', 'metrics', 'judgments', 'footnotes', 'sections']) expect(count(db, t)).toBe(0);
  });
});
