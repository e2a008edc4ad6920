import { describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../../../../../src-core/db/sql-db';
import { readCoverage } from '../../../../../src-core/query/sql/coverage';
import { readOverview } from '../../../../../src-core/query/sql/overview';
import type { UnstampedEdit } from '../../../../../src-core/workspace/edits';
import { ANALYST, editAs, seededWorkspace } from '../../../../helpers/edits';

const seeded = seededWorkspace;
const stamp = ANALYST;
const edit = (db: SqlDatabase, op: string, params: object): UnstampedEdit => editAs(db, op, params);

const report = (db: SqlDatabase) => readOverview(db)[0]!;
const judgment = (db: SqlDatabase, question: string) => report(db).judgments.find((j) => j.question === question)!;

describe('the Reports view’s overview, as the analyst checks it', () => {
  it('gives each grade its id and check, and a corrected grade its extracted value', async () => {
    const db = await seeded();
    const before = judgment(db, 'Protecting vulnerable people');
    expect([before.grade, before.check, before.verified, before.corrections]).toEqual(['Requires improvement', 'unverified', false, []]);

    edit(db, 'judgment.verify', { judgmentId: before.id, verified: true });
    const ticked = judgment(db, 'Protecting vulnerable people');
    expect([ticked.check, ticked.verified, ticked.verifiedBy]).toEqual(['verified', true, 'A. Analyst']);

    edit(db, 'item.correct', { target: 'judgment', id: before.id, field: 'grade', value: 'good' });
    const corrected = judgment(db, 'Protecting vulnerable people');
    expect([corrected.grade, corrected.check]).toEqual(['Good', 'corrected']);
    expect(corrected.corrections).toEqual([
      { field: 'grade', label: 'Grade', extracted: 'Requires improvement', value: 'Good', author: 'A. Analyst', at: stamp.at },
    ]);
    // Only the corrected grade carries a correction.
    expect(
      report(db)
        .judgments.filter((j) => j.corrections.length > 0)
        .map((j) => j.id),
    ).toEqual([before.id]);
  });

  it('shows the overall judgment as corrected in the report’s header too', async () => {
    const db = await seeded();
    const overall = report(db).judgments.find((j) => j.isOverall)!;
    expect(report(db).overallGrade).toBe('Requires improvement');
    edit(db, 'item.correct', { target: 'judgment', id: overall.id, field: 'grade', value: 'Inadequate' });
    expect(report(db).overallGrade).toBe('Inadequate');
  });

  it('lists the areas for improvement with their points nested, and a corrected text with the extracted one', async () => {
    const db = await seeded();
    const areas = report(db).areas;
    expect(areas.map((a) => a.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(areas[2]!.points.map((p) => p.ordinal)).toEqual([1, 2, 3, 4]);
    expect(areas[2]!.points[0]!.text).toMatch(/^understanding and taking appropriate action/);
    expect(areas[0]!.where).toBe('line 335');

    const id = areas[0]!.id;
    const extracted = areas[0]!.text;
    edit(db, 'item.correct', { target: 'area', id, field: 'text', value: 'The force should improve its investigations.' });
    const after = report(db).areas[0]!;
    expect(after.text).toBe('The force should improve its investigations.');
    expect(after.corrections.map((c) => [c.label, c.extracted])).toEqual([['Text', extracted]]);
  });

  it('carries the report’s own corrections', async () => {
    const db = await seeded();
    expect(report(db).corrections).toEqual([]);
    edit(db, 'item.correct', { target: 'report', id: report(db).id, field: 'published', value: '27 March 2018' });
    expect(report(db).published).toBe('27 March 2018');
    expect(report(db).corrections.map((c) => [c.label, c.extracted, c.value])).toEqual([
      ['Publication date', 'March 2018', '27 March 2018'],
    ]);
  });

  it('says whether each warning still stands, agreeing with the coverage', async () => {
    const db = await seeded();
    const states = () => report(db).warnings.map((w) => [w.code, w.state, w.reason]);
    const open = () => readCoverage(db)[0]!.openWarnings.map((w) => w.id);
    expect(states()).toEqual([
      ['metric-implausible', 'open', null],
      ['footnote-undefined', 'open', null],
    ]);
    const [figureWarning, footnote] = report(db).warnings;
    expect(figureWarning!.metricId).toBe(report(db).metrics.find((m) => m.label.startsWith('Domestic abuse incidents'))!.id);
    expect(footnote!.metricId).toBeNull();

    // The figure verified as printed settles its warning; a correction outranks the tick.
    edit(db, 'metric.verify', { metricId: figureWarning!.metricId, verified: true });
    expect(states()[0]).toEqual(['metric-implausible', 'verified', null]);
    expect(report(db).metrics.find((m) => m.id === figureWarning!.metricId)!.check).toBe('verified');
    edit(db, 'item.correct', { target: 'metric', id: figureWarning!.metricId, field: 'force', value: '12' });
    expect(states()[0]).toEqual(['metric-implausible', 'corrected', null]);

    // The footnote's warning has no figure: only a dismissal, with its reason, settles it.
    expect(open()).toEqual([footnote!.id]);
    edit(db, 'warning.check', { warningId: footnote!.id, checked: true, reason: 'The published report has no footnote 14 either.' });
    expect(states()[1]).toEqual(['footnote-undefined', 'dismissed', 'The published report has no footnote 14 either.']);
    expect(open()).toEqual([]);
  });
});
