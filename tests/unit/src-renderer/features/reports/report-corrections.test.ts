import { describe, expect, it } from 'vitest';
import type { OverviewArea, OverviewJudgment, ReportOverview } from '../../../../../src-core/query/model/overview';
import {
  areaCorrection,
  areaName,
  checkCorrection,
  gradeCorrection,
  reportCorrection,
} from '../../../../../src-renderer/features/reports/report-corrections';
import { areasHeading, publicationMonth } from '../../../../../src-renderer/features/reports/format';
import { dismissalReason, warningsProgress, warningStateText } from '../../../../../src-renderer/features/reports/warning-state';

const judgment = (over: Partial<OverviewJudgment> = {}): OverviewJudgment => ({
  id: 4,
  question: 'Protecting vulnerable people',
  grade: 'Good',
  lastInspected: 2017,
  isOverall: false,
  quote: null,
  change: null,
  verified: false,
  verifiedBy: null,
  verifiedAt: null,
  check: 'unverified',
  corrections: [],
  page: null,
  line: 12,
  ...over,
});

const area = (over: Partial<OverviewArea> = {}): OverviewArea => ({
  id: 3,
  kind: 'area for improvement',
  section: 'Protecting vulnerable people',
  ordinal: 3,
  text: 'The force should improve its approach.',
  where: 'line 337',
  page: null,
  line: 337,
  corrections: [],
  points: [],
  ...over,
});

const report = (over: Partial<ReportOverview> = {}): ReportOverview => ({
  id: 1,
  title: 'PEEL: Police effectiveness 2017',
  force: 'Gwent Police',
  programme: 'Police effectiveness',
  year: 2017,
  period: '2017',
  scale: 'four-point',
  published: 'March 2018',
  overallGrade: 'Requires improvement',
  sourceName: 'gwent.md',
  judgments: [],
  metrics: [],
  warnings: [],
  areas: [],
  corrections: [],
  ...over,
});

const corrected = (field: string, label: string, extracted: string, value: string) => ({
  field,
  label,
  extracted,
  value,
  author: 'A',
  at: '2026-12-07T10:00:00.000Z',
});

describe('correcting a grade', () => {
  it('offers the report’s own scale and refuses a grade off it, in words, before anything is sent', () => {
    const req = gradeCorrection(report(), judgment());
    expect(req.title).toBe('Correct the grade: Protecting vulnerable people');
    expect(req.fields[0]!.suggestions).toEqual(['Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Ungraded', 'Not inspected']);
    expect(checkCorrection(req, 'grade', 'Adequate')).toMatch(/“Adequate” is not on this report's four-point scale/);
    expect(checkCorrection(req, 'grade', 'Excellent')).toMatch(/“Excellent” is not a grade/);
    expect(checkCorrection(req, 'grade', 'requires improvement')).toBeNull();
    // A five-point report has "adequate".
    expect(checkCorrection(gradeCorrection(report({ scale: 'five-point' }), judgment()), 'grade', 'Adequate')).toBeNull();
  });

  it('refuses a "correction" to the grade already in force', () => {
    expect(checkCorrection(gradeCorrection(report(), judgment()), 'grade', 'good')).toBe('That is the grade already: nothing to correct.');
  });

  // Typing the extracted grade back withdraws the correction: the edit does it, for every view
  // (tests/unit/src-core/corrections/apply.test.ts, "takes the extracted value typed back …").
  it('shows the extracted grade of a corrected one', () => {
    const j = judgment({ grade: 'Inadequate', check: 'corrected', corrections: [corrected('grade', 'Grade', 'Good', 'Inadequate')] });
    const req = gradeCorrection(report(), j);
    expect(req.fields[0]).toMatchObject({ name: 'grade', label: 'Grade', value: 'Inadequate', extracted: 'Good' });
  });
});

describe('correcting the report', () => {
  it('offers its force, programme, period and publication date, each checked as the edit checks it', () => {
    const req = reportCorrection(report());
    expect(req.fields.map((f) => [f.label, f.value])).toEqual([
      ['Force', 'Gwent Police'],
      ['Programme', 'Police effectiveness'],
      ['Period', '2017'],
      ['Publication date', 'March 2018'],
    ]);
    expect(checkCorrection(req, 'published', '31 February 2018')).toBe('31 February 2018 is not a date in the calendar.');
    expect(checkCorrection(req, 'published', '27 March 2018')).toBeNull();
    expect(checkCorrection(req, 'period', '2018/17')).toMatch(/does not run forward from 2018/);
    expect(checkCorrection(req, 'period', '2018/19')).toBeNull();
    expect(checkCorrection(req, 'force', 'Atlantis Constabulary')).toMatch(/is not a force HMICFRS inspects/);
    expect(checkCorrection(req, 'force', 'Dyfed-Powys Police')).toBeNull();
    expect(checkCorrection(req, 'programme', '   ')).toBe('The programme cannot be empty.');
    expect(checkCorrection(req, 'nonsense', 'x')).toMatch(/no field “nonsense”/);
  });

  it('marks a corrected fact with what was extracted', () => {
    const req = reportCorrection(
      report({ published: '27 March 2018', corrections: [corrected('published', 'Publication date', 'March 2018', '27 March 2018')] }),
    );
    expect(req.fields.find((f) => f.name === 'published')).toMatchObject({ value: '27 March 2018', extracted: 'March 2018' });
    expect(req.fields.find((f) => f.name === 'force')).not.toHaveProperty('extracted');
  });
});

describe('correcting an area for improvement', () => {
  it('names it as the report numbers it, takes text over lines, and refuses an empty one', () => {
    const parent = area();
    const point = area({ id: 5, ordinal: 2, kind: 'area for improvement', text: 'clarifying the policy' });
    expect(areaName(parent)).toBe('Area for improvement 3');
    expect(areaName(point, parent)).toBe('Area for improvement 3, point 2');
    const req = areaCorrection(report(), point, parent);
    expect(req.title).toBe('Correct the text: Area for improvement 3, point 2');
    expect(req.fields[0]).toMatchObject({ name: 'text', label: 'Text', multiline: true });
    expect(checkCorrection(req, 'text', '  ')).toBe('The text of the area for improvement cannot be empty.');
    expect(checkCorrection(req, 'text', 'clarifying the policy on\nbody-worn video')).toBeNull();
  });

  it('heads the list with the kinds it holds', () => {
    expect(areasHeading([area(), area()])).toBe('Areas for improvement (2)');
    expect(areasHeading([area({ kind: 'cause of concern' }), area({ kind: 'recommendation' }), area()])).toBe(
      'Causes of concern, recommendations and areas for improvement (3)',
    );
  });
});

describe('a warning’s state', () => {
  it('says what settled it, or what would', () => {
    expect(warningStateText({ state: 'corrected', metricId: 7, reason: null })).toBe('Settled: figure corrected');
    expect(warningStateText({ state: 'verified', metricId: 7, reason: null })).toBe('Settled: figure verified as printed');
    expect(warningStateText({ state: 'open', metricId: 7, reason: null })).toBe(
      'Open: verify or correct the figure in Metrics, or dismiss it',
    );
    expect(warningStateText({ state: 'open', metricId: null, reason: null })).toBe('Open');
    expect(warningStateText({ state: 'dismissed', metricId: null, reason: 'A misprint' })).toBe('Dismissed:');
    expect(warningStateText({ state: 'dismissed', metricId: null, reason: null })).toBe('Dismissed (no reason was recorded)');
  });

  it('counts only the open ones as still to check', () => {
    expect(warningsProgress([{ state: 'open' }, { state: 'corrected' }])).toMatch(/^1 of 2 still to check\./);
    expect(warningsProgress([{ state: 'dismissed' }, { state: 'verified' }])).toBe('All checked.');
  });

  it('takes a dismissal only with a reason', () => {
    expect(dismissalReason('   ')).toEqual({ ok: false, message: 'Give a reason: say why this warning needs no correction.' });
    expect(dismissalReason('x'.repeat(501))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/501 characters long; at most 500/),
    });
    expect(dismissalReason('  The report has no footnote 14.  ')).toEqual({ ok: true, value: 'The report has no footnote 14.' });
  });
});

describe('a corrected publication date', () => {
  it('is shown with its day, and machine-readable to the day', () => {
    expect(publicationMonth('27 March 2018')).toEqual({ label: '27 March 2018', dateTime: '2018-03-27' });
    expect(publicationMonth('March 2018')).toEqual({ label: 'March 2018', dateTime: '2018-03' });
  });
});
