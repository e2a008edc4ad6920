import { describe, expect, it } from 'vitest';
import { one, type SqlDatabase } from '../../../../src-core/db/sql-db';
import { readCoverage } from '../../../../src-core/query/sql/coverage';
import { coverageText } from '../../../../src-core/query/model/coverage';
import { readHistory } from '../../../../src-core/query/sql/history';
import { readMetrics } from '../../../../src-core/query/sql/metrics';
import { applyEdit, EditError, parseEdit, type UnstampedEdit } from '../../../../src-core/workspace/edits';
import { ANALYST, editAs, seededWorkspace } from '../../../helpers/edits';

const seeded = seededWorkspace;
const stamp = ANALYST;
/** One edit as the session applies it (one transaction), returning the edit that undoes it. */
const edit = (db: SqlDatabase, op: string, params: object): UnstampedEdit => editAs(db, op, params);
const undo = (db: SqlDatabase, inverse: UnstampedEdit) => edit(db, inverse.op, inverse.params);

const DOMESTIC = 'Domestic abuse incidents per 1,000 population';
const metric = (db: SqlDatabase) => readMetrics(db).find((m) => m.label === DOMESTIC)!;

describe('a correction of an extracted figure', () => {
  it('puts the corrected value in force everywhere, keeps the extracted one, settles the warning, and undoes', async () => {
    const db = await seeded();
    const before = metric(db);
    expect([before.force, before.forceText, before.check, before.warningState]).toEqual([1, '1', 'unverified', 'open']);
    expect(coverageText(readCoverage(db)[0]!)).toBe('0 of 30 figures and grades verified · 0 corrected · 2 warnings open');

    const inverse = edit(db, 'item.correct', { target: 'metric', id: before.id, field: 'force', value: '12' });
    const after = metric(db);
    expect([after.force, after.forceText, after.difference, after.check, after.warningState]).toEqual([
      12,
      '12',
      -3,
      'corrected',
      'corrected',
    ]);
    expect(after.corrections).toEqual([
      { field: 'force', label: 'Force value', extracted: '1', value: '12', author: 'A. Analyst', at: stamp.at },
    ]);
    expect(readMetrics(db, { check: 'corrected' }).map((m) => m.label)).toEqual([DOMESTIC]);
    expect(readMetrics(db, { check: 'unverified' })).toHaveLength(23);
    expect(coverageText(readCoverage(db)[0]!)).toBe('0 of 30 figures and grades verified · 1 corrected · 1 warning open');
    expect(readHistory(db, 'metric', before.id)[0]).toMatchObject({ field: 'correct:force', oldValue: '1', newValue: '12' });

    // A second correction keeps the extracted value, not the first correction's.
    const second = edit(db, 'item.correct', { target: 'metric', id: before.id, field: 'force', value: '14' });
    expect(metric(db).corrections[0]).toMatchObject({ extracted: '1', value: '14' });
    undo(db, second);
    expect(metric(db).forceText).toBe('12');
    undo(db, inverse);
    const back = metric(db);
    expect([back.force, back.forceText, back.check, back.warningState, back.corrections]).toEqual([1, '1', 'unverified', 'open', []]);
    expect(readHistory(db, 'metric', before.id)[0]).toMatchObject({ field: 'withdraw:force', oldValue: '12', newValue: '1' });
  });

  it('refuses a value that is not a number, a grade off the scale or a period that does not parse, changing nothing', async () => {
    const db = await seeded();
    const m = metric(db);
    expect(() => edit(db, 'item.correct', { target: 'metric', id: m.id, field: 'force', value: 'about ten' })).toThrow(
      new EditError('“about ten” is not a number: write it as the report prints it, such as 15, 0.8, 1,678 or -16%.'),
    );
    expect(() => edit(db, 'item.correct', { target: 'metric', id: m.id, field: 'period', value: 'recently' })).toThrow(/is not a period/);
    expect(() => edit(db, 'item.correct', { target: 'metric', id: m.id, field: 'colour', value: 'red' })).toThrow(/has no field “colour”/);
    const grade = Number(one(db, "SELECT id FROM judgments WHERE question = 'Protecting vulnerable people'")!.id);
    expect(() => edit(db, 'item.correct', { target: 'judgment', id: grade, field: 'grade', value: 'Adequate' })).toThrow(
      /four-point scale/,
    );
    expect(metric(db)).toEqual(m);
    expect(one(db, 'SELECT count(*) AS n FROM corrections')!.n).toBe(0);
    expect(one(db, "SELECT count(*) AS n FROM audit_log WHERE field LIKE 'correct:%'")!.n).toBe(0);
  });

  it('corrects a grade, a report’s period (its year and title with it) and an area for improvement', async () => {
    const db = await seeded();
    const grade = Number(one(db, "SELECT id FROM judgments WHERE question = 'Protecting vulnerable people'")!.id);
    edit(db, 'item.correct', { target: 'judgment', id: grade, field: 'grade', value: 'inadequate' });
    expect(one(db, 'SELECT grade FROM judgments WHERE id = ?', [grade])!.grade).toBe('Inadequate');
    expect(coverageText(readCoverage(db)[0]!)).toMatch(/· 1 corrected ·/);
    const report = Number(one(db, 'SELECT id FROM reports')!.id);
    const inverse = edit(db, 'item.correct', { target: 'report', id: report, field: 'period', value: '2017/18' });
    expect(one(db, 'SELECT period, year, title FROM reports')).toEqual({
      period: '2017/18',
      year: 2017,
      title: 'PEEL: Police effectiveness 2017/18',
    });
    undo(db, inverse);
    expect(one(db, 'SELECT period, year, title FROM reports')).toEqual({
      period: '2017',
      year: 2017,
      title: 'PEEL: Police effectiveness 2017',
    });
    const area = Number(one(db, 'SELECT id FROM areas_for_improvement ORDER BY id LIMIT 1')!.id);
    edit(db, 'item.correct', { target: 'area', id: area, field: 'text', value: 'The force should improve.' });
    expect(one(db, 'SELECT text FROM areas_for_improvement WHERE id = ?', [area])!.text).toBe('The force should improve.');
    expect(() => edit(db, 'item.correct', { target: 'report', id: report, field: 'force', value: 'Gotham City Police' })).toThrow(
      /not a force HMICFRS inspects/,
    );
  });

  it('verifies a grade, adds a figure from the source and removes it again, each undoable', async () => {
    const db = await seeded();
    const grade = Number(one(db, 'SELECT id FROM judgments LIMIT 1')!.id);
    const unverify = edit(db, 'judgment.verify', { judgmentId: grade, verified: true });
    expect(readCoverage(db)[0]!.grades).toEqual({ total: 6, verified: 1, corrected: 0 });
    undo(db, unverify);
    expect(readCoverage(db)[0]!.grades.verified).toBe(0);

    const report = Number(one(db, 'SELECT id FROM reports')!.id);
    const figure = {
      reportId: report,
      label: 'Officers per 100,000 population',
      unit: 'per 100,000 population',
      period: 'as at 31 March 2017',
    };
    expect(() => edit(db, 'metric.add', { ...figure, force: 'lots', englandWales: '', quote: '', page: null, line: 40 })).toThrow(
      /is not a number/,
    );
    const remove = edit(db, 'metric.add', { ...figure, force: '187', englandWales: '212', quote: '187 officers', page: null, line: 40 });
    const added = readMetrics(db).find((m) => m.label === figure.label)!;
    expect([added.force, added.englandWales, added.addedBy, added.quote, added.warningState]).toEqual([
      187,
      212,
      'A. Analyst',
      '187 officers',
      null,
    ]);
    expect(readCoverage(db)[0]!.figures.total).toBe(25);
    const readd = undo(db, remove);
    expect(readMetrics(db).some((m) => m.label === figure.label)).toBe(false);
    undo(db, readd);
    expect(readMetrics(db).find((m) => m.label === figure.label)?.id).toBe(added.id);
    // An extracted figure is corrected, never removed.
    expect(() => edit(db, 'metric.remove', { metricId: metric(db).id })).toThrow(/Only a figure an analyst added can be removed/);
  });

  it('settles a warning by verifying its figure, or by dismissing it with a reason', async () => {
    const db = await seeded();
    const m = metric(db);
    edit(db, 'metric.verify', { metricId: m.id, verified: true });
    expect([metric(db).check, metric(db).warningState]).toEqual(['verified', 'verified']);
    expect(readCoverage(db)[0]!.openWarnings.map((w) => w.message)).toEqual(['Footnote 14 is cited (line 331) but never defined']);
    const footnote = readCoverage(db)[0]!.openWarnings[0]!.id;
    const reopen = edit(db, 'warning.check', { warningId: footnote, checked: true, reason: 'The published report omits it too.' });
    expect(readCoverage(db)[0]!.openWarnings).toEqual([]);
    expect(one(db, 'SELECT reason FROM extraction_warnings WHERE id = ?', [footnote])!.reason).toBe('The published report omits it too.');
    undo(db, reopen);
    expect(readCoverage(db)[0]!.openWarnings).toHaveLength(1);
  });

  it('takes the extracted value typed back as withdrawing the correction, and undo puts back who made it', async () => {
    const db = await seeded();
    const m = metric(db);
    edit(db, 'item.correct', { target: 'metric', id: m.id, field: 'force', value: '12' });
    const later = { author: 'B. Analyst', at: '2026-12-08T10:00:00.000Z' };
    const e = parseEdit('item.correct', { target: 'metric', id: m.id, field: 'force', value: '1', ...later });
    const inverse = applyEdit(db, e.op, e.params);
    expect([metric(db).check, metric(db).corrections]).toEqual(['unverified', []]);
    expect(readHistory(db, 'metric', m.id)[0]).toMatchObject({ field: 'withdraw:force', author: 'B. Analyst' });
    // Undone by someone else: the correction is back as A. Analyst made it, not as the undoer's.
    const u = parseEdit(inverse.op, { ...inverse.params, ...later });
    applyEdit(db, u.op, u.params);
    expect(metric(db).corrections[0]).toMatchObject({ value: '12', author: 'A. Analyst', at: stamp.at });
    expect(() => edit(db, 'item.correct', { target: 'metric', id: metric(db).id, field: 'englandWales', value: '15' })).toThrow(
      /as extracted: there is nothing to correct/,
    );
  });

  it('takes a grade typed back to the extracted one, in any case, as withdrawing its correction', async () => {
    const db = await seeded();
    const grade = Number(one(db, "SELECT id FROM judgments WHERE question = 'Protecting vulnerable people'")!.id);
    edit(db, 'item.correct', { target: 'judgment', id: grade, field: 'grade', value: 'Good' });
    edit(db, 'item.correctMany', { target: 'judgment', id: grade, changes: [{ field: 'grade', value: 'requires improvement' }] });
    expect(one(db, 'SELECT grade FROM judgments WHERE id = ?', [grade])!.grade).toBe('Requires improvement');
    expect(one(db, "SELECT count(*) AS n FROM corrections WHERE target_type = 'judgment'")!.n).toBe(0);
  });

  it('works a report’s title out again from its programme and period, whichever correction is withdrawn', async () => {
    const db = await seeded();
    const report = Number(one(db, 'SELECT id FROM reports')!.id);
    edit(db, 'item.correct', { target: 'report', id: report, field: 'programme', value: 'Police efficiency' });
    edit(db, 'item.correct', { target: 'report', id: report, field: 'period', value: '2017/18' });
    expect(one(db, 'SELECT title FROM reports')!.title).toBe('PEEL: Police efficiency 2017/18');
    edit(db, 'item.correct', { target: 'report', id: report, field: 'programme', value: null });
    expect(one(db, 'SELECT title FROM reports')!.title).toBe('PEEL: Police effectiveness 2017/18');
  });

  it('removes only an added figure that carries none of the analyst’s work, and never reuses its id', async () => {
    const db = await seeded();
    const report = Number(one(db, 'SELECT id FROM reports')!.id);
    const figure = {
      reportId: report,
      label: 'Officers',
      unit: 'count',
      period: null,
      force: '1,234',
      englandWales: '',
      quote: '',
      page: null,
      line: 40,
    };
    edit(db, 'metric.add', figure);
    const added = readMetrics(db).find((m) => m.label === 'Officers')!;
    const unverify = edit(db, 'metric.verify', { metricId: added.id, verified: true });
    expect(() => edit(db, 'metric.remove', { metricId: added.id })).toThrow(
      /untick Verified, withdraw its corrections and clear its annotations first/,
    );
    undo(db, unverify);
    const readd = edit(db, 'metric.remove', { metricId: added.id });
    edit(db, 'metric.add', { ...figure, label: 'Staff' });
    expect(readMetrics(db).find((m) => m.label === 'Staff')!.id).toBe(added.id + 1);
    // Undoing the removal brings the figure back under its own id, added by whoever added it.
    const later = parseEdit(readd.op, { ...readd.params, author: 'B. Analyst', at: '2026-12-08T10:00:00.000Z' });
    applyEdit(db, later.op, later.params);
    expect(readMetrics(db).find((m) => m.label === 'Officers')).toMatchObject({ id: added.id, addedBy: 'A. Analyst', addedAt: stamp.at });
  });

  it('keeps a warning open while any figure read at its place is unchecked', async () => {
    const db = await seeded();
    // Two figures read at the flagged line: the warning stands until both are checked.
    const m = metric(db);
    db.run(
      "INSERT INTO metrics (report_id, label, unit, force_text, ew_text, source, quote, line) VALUES (?, 'Twin', 'count', '2', '', 'text', '', ?)",
      [m.reportId, m.line],
    );
    edit(db, 'metric.verify', { metricId: m.id, verified: true });
    expect(readCoverage(db)[0]!.openWarnings.map((w) => w.line)).toEqual([151, 331]);
    const twin = readMetrics(db).find((x) => x.label === 'Twin')!;
    expect([metric(db).warningState, twin.warningState]).toEqual(['verified', 'open']);
    edit(db, 'item.correct', { target: 'metric', id: twin.id, field: 'force', value: '3' });
    expect(readCoverage(db)[0]!.openWarnings.map((w) => w.line)).toEqual([331]);
  });

  it('corrects several fields in one step: all or none, and one undo takes them all back', async () => {
    const db = await seeded();
    const m = metric(db);
    expect(() =>
      edit(db, 'item.correctMany', {
        target: 'metric',
        id: m.id,
        changes: [
          { field: 'force', value: '12' },
          { field: 'period', value: 'lately' },
        ],
      }),
    ).toThrow(/is not a period/);
    // The force value, valid on its own, was not kept either.
    expect(metric(db)).toEqual(m);
    const inverse = edit(db, 'item.correctMany', {
      target: 'metric',
      id: m.id,
      changes: [
        { field: 'force', value: '12' },
        { field: 'unit', value: 'per 1,000 people' },
      ],
    });
    expect([metric(db).forceText, metric(db).unit, metric(db).corrections.map((c) => c.field)]).toEqual([
      '12',
      'per 1,000 people',
      ['force', 'unit'],
    ]);
    undo(db, inverse);
    expect(metric(db)).toEqual(m);
    expect(() =>
      edit(db, 'item.correctMany', {
        target: 'metric',
        id: m.id,
        changes: [
          { field: 'force', value: '2' },
          { field: 'force', value: '3' },
        ],
      }),
    ).toThrow(/corrected once in one step/);
  });
});
