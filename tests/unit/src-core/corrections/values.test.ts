import { describe, expect, it } from 'vitest';
import {
  gradesOf,
  parseDate,
  parseFigure,
  parseFigurePeriod,
  parseGrade,
  parseReportPeriod,
} from '../../../../src-core/corrections/values';

const refused = (p: { ok: boolean; message?: string }) => (p.ok ? null : p.message);

describe('what an analyst types into a correction', () => {
  it('reads a figure as the report prints it, and refuses what is not a number, in words', () => {
    expect(parseFigure(' 12 ')).toEqual({ ok: true, value: { value: 12, text: '12' } });
    expect(parseFigure('-16%')).toEqual({ ok: true, value: { value: -16, text: '-16%' } });
    expect(parseFigure('1,678')).toEqual({ ok: true, value: { value: 1678, text: '1,678' } });
    expect(parseFigure('–')).toEqual({ ok: true, value: { value: null, text: '–' } });
    expect(refused(parseFigure('twelve'))).toBe(
      '“twelve” is not a number: write it as the report prints it, such as 15, 0.8, 1,678 or -16%.',
    );
    expect(refused(parseFigure('12O'))).toMatch(/is not a number/);
    expect(refused(parseFigure(''))).toMatch(/Enter a number/);
  });

  it('takes a grade only from the report’s own scale', () => {
    expect(parseGrade('requires improvement', 'four-point')).toEqual({ ok: true, value: 'Requires improvement' });
    expect(refused(parseGrade('Adequate', 'four-point'))).toBe(
      "“Adequate” is not on this report's four-point scale, which has outstanding, good, requires improvement, inadequate, ungraded, not inspected.",
    );
    expect(parseGrade('Adequate', 'five-point')).toEqual({ ok: true, value: 'Adequate' });
    expect(refused(parseGrade('Excellent', 'five-point'))).toMatch(/is not a grade/);
    expect(gradesOf('four-point')).not.toContain('Adequate');
  });

  it('reads periods and dates as reports write them, and refuses one that does not parse', () => {
    for (const ok of [
      '12 months to 30 June 2017',
      'as at 1 July 2017',
      'year ending March 2017',
      '2016/17',
      '2017',
      '12 months to 31 March 2016 against 12 months to 31 March 2017',
      'Q2 2017',
    ])
      expect(parseFigurePeriod(ok)).toEqual({ ok: true, value: ok });
    for (const bad of ['12 months to 31 June 2017', 'last year', '2017/15', 'as at sometime'])
      expect(refused(parseFigurePeriod(bad))).toMatch(/is not a period/);
    expect(parseReportPeriod('2018/19')).toEqual({ ok: true, value: { period: '2018/19', year: 2018 } });
    expect(parseReportPeriod('2023-25')).toEqual({ ok: true, value: { period: '2023–25', year: 2023 } });
    expect(refused(parseReportPeriod('2019/18'))).toMatch(/does not run forward/);
    expect(parseDate('march 2018')).toEqual({ ok: true, value: 'March 2018' });
    expect(parseDate('1 mar 2018')).toEqual({ ok: true, value: '1 March 2018' });
    expect(refused(parseDate('30 February 2018'))).toBe('30 February 2018 is not a date in the calendar.');
  });
});

describe('the fields a correction may change', () => {
  it('are the ones the Metrics form offers, each with a label and a rule', async () => {
    const { CORRECTABLE } = await import('../../../../src-core/corrections/fields');
    expect(Object.keys(CORRECTABLE.metric.fields)).toEqual(['force', 'englandWales', 'unit', 'period', 'label']);
  });
});
