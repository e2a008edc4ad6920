import { describe, expect, it } from 'vitest';
import { importReport } from '../../../../src-core/db/import-report';
import { NOT_CARRIED_OVER, replaceReport, ReplaceError } from '../../../../src-core/db/reimport';
import { all, one, type SqlDatabase } from '../../../../src-core/db/sql-db';
import type { Extraction } from '../../../../src-core/extract/types';
import { readMetrics } from '../../../../src-core/query/sql/metrics';
import { extractBytes, extractSeed, readFixture, SEED_FILES } from '../../../helpers/seed';
import { freshWorkspace } from '../../../helpers/workspace';
import { editAs } from '../../../helpers/edits';

const stamp = { author: 'A. Analyst', at: '2026-12-07T10:00:00.000Z' };
const replacer = { author: 'B. Analyst', at: '2026-12-08T09:00:00.000Z' };

const edit = (db: SqlDatabase, op: string, params: object) => void editAs(db, op, params, stamp);

const DOMESTIC = 'Domestic abuse incidents per 1,000 population';
const GRADE = 'Preventing crime and tackling anti-social behaviour';
const ADDED = 'Officers per 1,000 population (from the Force in numbers page)';

/** The seed from Markdown, with an analyst's day of work on it. */
async function checkedSeed() {
  const db = await freshWorkspace();
  await importReport(db, await extractSeed('markdown'), { name: 'gwent.md', bytes: readFixture(SEED_FILES.markdown) });
  const metric = one(db, 'SELECT id FROM metrics WHERE label = ?', [DOMESTIC])!;
  edit(db, 'item.correct', { target: 'metric', id: metric.id, field: 'force', value: '12' });
  const grade = one(db, 'SELECT id FROM judgments WHERE question = ?', [GRADE])!;
  edit(db, 'judgment.verify', { judgmentId: grade.id, verified: true });
  const finding = one(db, "SELECT id, text FROM findings WHERE text LIKE 'Gwent Police has%' ORDER BY id LIMIT 1")!;
  edit(db, 'annotation.set', { targetType: 'finding', targetId: finding.id, field: 'note', value: 'Ask the force about this' });
  edit(db, 'annotation.set', { targetType: 'finding', targetId: finding.id, field: 'tags', value: ['vulnerability'] });
  const footnote = one(db, "SELECT id FROM extraction_warnings WHERE code = 'footnote-undefined'")!;
  edit(db, 'warning.check', { warningId: footnote.id, checked: true, reason: 'The report has no footnote 14' });
  edit(db, 'metric.add', {
    reportId: 1,
    label: ADDED,
    unit: 'per 1,000 population',
    period: null,
    force: '1.8',
    englandWales: '2.1',
    quote: 'Officers 1.8 per 1,000',
    page: null,
    line: 40,
  });
  return { db, metricId: Number(metric.id), gradeId: Number(grade.id), findingId: Number(finding.id), findingText: String(finding.text) };
}

/** The analyst's layer as a reader of the workspace sees it. */
function layer(db: SqlDatabase) {
  return {
    domestic: one(db, 'SELECT force_value, force_text FROM metrics WHERE label = ?', [DOMESTIC]),
    corrections: all(db, 'SELECT target_type, field, input, value, extracted, author, at FROM corrections ORDER BY id'),
    grade: one(db, 'SELECT grade, verified, verified_by, verified_at FROM judgments WHERE question = ?', [GRADE]),
    annotations: all(db, 'SELECT target_type, tags, note, author FROM annotations ORDER BY id'),
    dismissed: all(db, 'SELECT code, checked, checked_by, reason FROM extraction_warnings WHERE checked = 1'),
    added: all(db, 'SELECT label, force_text, ew_text, added_by FROM metrics WHERE added_by IS NOT NULL'),
  };
}

describe('replacing a report with a new extraction of it', () => {
  it('carries every correction, verification, annotation, dismissal and added figure over to the PDF of the same report', async () => {
    const { db, metricId, findingId, findingText } = await checkedSeed();
    const before = layer(db);
    const pdf = readFixture(SEED_FILES.pdf);
    const result = await replaceReport(db, await extractSeed('pdf'), { name: 'gwent-2017.pdf', bytes: pdf }, replacer);

    expect(result).toMatchObject({ status: 'replaced', reportId: 1, kept: 5, toReview: [] });
    expect(layer(db)).toEqual(before);
    expect(before.domestic).toEqual({ force_value: 12, force_text: '12' });
    expect(one(db, 'SELECT source_name, source_format FROM reports WHERE id = 1')).toEqual({
      source_name: 'gwent-2017.pdf',
      source_format: 'pdf',
    });
    // The corrected figure and the annotated finding keep their ids, so their history is still theirs.
    expect(readMetrics(db).find((m) => m.label === DOMESTIC)).toMatchObject({ id: metricId, check: 'corrected', forceText: '12' });
    expect(one(db, 'SELECT text FROM findings WHERE id = ?', [findingId])?.text).toBe(findingText);
    // Now read from the PDF: the figure's position is a page.
    expect(one(db, 'SELECT page FROM metrics WHERE id = ?', [metricId])?.page).not.toBeNull();
    expect(all(db, "SELECT field, old_value, new_value FROM audit_log WHERE target_type = 'report' AND field = 'replaced'")).toEqual([
      { field: 'replaced', old_value: result.previousHash, new_value: result.contentHash },
    ]);
  });

  it('lists what no longer matches, keeps it in the report history, and loses nothing else', async () => {
    const { db } = await checkedSeed();
    const before = layer(db);
    // A better copy in which the figure's source sentence reads differently.
    const md = new TextDecoder().decode(readFixture(SEED_FILES.markdown));
    const changed = md.replace('Gwent Police\n\n**1**\n', 'Gwent Police\n\n**12**\n');
    expect(changed).not.toBe(md);
    const bytes = new TextEncoder().encode(changed);
    const result = await replaceReport(db, await extractBytes('gwent-v2.md', bytes), { name: 'gwent-v2.md', bytes }, replacer);

    expect(result.toReview).toEqual([
      { what: 'Figure', label: DOMESTIC, detail: 'correction of Force value to 12: its quote is no longer in the report' },
    ]);
    expect(result.kept).toBe(4);
    const after = layer(db);
    expect(after.domestic).toEqual({ force_value: 12, force_text: '12' }); // the new reading says 12 itself
    expect(after.corrections).toEqual([]);
    expect({ ...after, domestic: null, corrections: null }).toEqual({ ...before, domestic: null, corrections: null });
    const kept = all(db, "SELECT author, new_value FROM audit_log WHERE target_type = 'report' AND field = ?", [NOT_CARRIED_OVER]);
    expect(kept).toHaveLength(1);
    expect(kept[0]?.author).toBe('B. Analyst');
    expect(JSON.parse(String(kept[0]?.new_value))).toMatchObject({
      what: 'Figure',
      label: DOMESTIC,
      data: { field: 'force', input: '12', author: 'A. Analyst', at: stamp.at },
    });
  });

  it('leaves the workspace byte for byte as it was when the new extraction cannot be written', async () => {
    const { db } = await checkedSeed();
    const bytes = db.export();
    const good = await extractSeed('pdf');
    // A figure with no label: the database refuses it part-way through the replace.
    const bad = { ...good, metrics: [...good.metrics.slice(0, 5), { ...good.metrics[5]!, label: null }] } as unknown as Extraction;
    await expect(replaceReport(db, bad, { name: 'gwent-2017.pdf', bytes: readFixture(SEED_FILES.pdf) }, replacer)).rejects.toThrow(
      /NOT NULL/,
    );
    expect(db.export()).toEqual(bytes);
  });

  it('refuses to replace a report the workspace does not hold', async () => {
    const db = await freshWorkspace();
    await expect(
      replaceReport(db, await extractSeed('pdf'), { name: 'gwent-2017.pdf', bytes: readFixture(SEED_FILES.pdf) }, replacer),
    ).rejects.toThrow(ReplaceError);
  });

  it('works a carried-over report correction through as a correction does: the title follows the corrected period', async () => {
    const db = await freshWorkspace();
    const md = readFixture(SEED_FILES.markdown);
    await importReport(db, await extractSeed('markdown'), { name: 'gwent.md', bytes: md });
    const report = Number(one(db, 'SELECT id FROM reports')!.id);
    edit(db, 'item.correct', { target: 'report', id: report, field: 'period', value: '2017/18' });
    expect(one(db, 'SELECT title FROM reports')!.title).toBe('PEEL: Police effectiveness 2017/18');
    // The same file read again (a newer extractor): the correction is carried over, and so is what follows from it.
    const result = await replaceReport(db, await extractSeed('markdown'), { name: 'gwent.md', bytes: md }, replacer);
    expect(result.toReview).toEqual([]);
    expect(one(db, 'SELECT period, title FROM reports')).toEqual({ period: '2017/18', title: 'PEEL: Police effectiveness 2017/18' });
  });
});
