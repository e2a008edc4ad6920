import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../../../../../src-core/query/model/metrics';
import { barLabel, chartSelection, defaultSelection, groupSummary, unitKey } from '../../../../../src-renderer/features/metrics/chart-data';

let nextId = 1;
function metric(over: Partial<MetricRow>): MetricRow {
  return {
    id: nextId++,
    reportId: 1,
    report: 'Gwent Police 2017',
    category: null,
    label: 'Incidents per 1,000 population',
    unit: 'per 1,000 population',
    period: null,
    force: 338,
    englandWales: 282,
    forceText: '338',
    ewText: '282',
    difference: 56,
    ratio: 1.2,
    source: 'force-in-numbers',
    quote: '',
    page: null,
    line: 1,
    verified: false,
    verifiedBy: null,
    verifiedAt: null,
    status: 'new',
    tags: [],
    rag: null,
    note: '',
    includeInBrief: false,
    warning: null,
    warningId: null,
    warningState: null,
    warningReason: null,
    corrections: [],
    check: 'unverified',
    addedBy: null,
    addedAt: null,
    ...over,
  };
}

describe('the metrics chart data', () => {
  it('puts only metrics of one unit on an axis, treating spellings of the same unit as one', () => {
    expect(unitKey('per 1 million population')).toBe(unitKey('per one million population'));
    expect(unitKey('per 1,000 population')).toBe(unitKey('per 1000 population'));
    expect(unitKey('%')).not.toBe(unitKey('% of outcomes'));
    expect(unitKey('% change')).not.toBe(unitKey('%'));

    const s = chartSelection([
      metric({ unit: 'per 1,000 population' }),
      metric({ unit: '% of outcomes', label: 'Charged/summonsed' }),
      metric({ unit: 'per 1,000 population', label: 'Crimes recorded per 1,000 population' }),
      metric({ unit: 'per 1 million population' }),
      metric({ unit: 'per one million population' }),
    ]);
    expect(s.groups.map((g) => [g.unit, g.metrics.length])).toEqual([
      ['per 1,000 population', 2],
      ['% of outcomes', 1],
      ['per 1 million population', 2],
    ]);
    expect(s.forceLabel).toBe('Gwent Police 2017');
    expect(s.severalReports).toBe(false);
  });

  it('names the force series after the report, or "Force" when the metrics come from several', () => {
    const s = chartSelection([metric({}), metric({ reportId: 2, report: 'Testshire Constabulary 2017' })]);
    expect(s.forceLabel).toBe('Force');
    expect(s.severalReports).toBe(true);
    expect(barLabel(s.groups[0]!.metrics[1]!, true)).toEqual(['Incidents per 1,000', 'population', '(Testshire Constabulary 2017)']);
  });

  it('lists a metric without both numbers rather than drawing a zero', () => {
    const s = chartSelection([metric({ force: null, forceText: 'not given' })]);
    expect(s.groups).toEqual([]);
    expect(s.notDrawn).toHaveLength(1);
  });

  it('wraps long labels, marks flagged figures, and says every value in the text alternative', () => {
    const flagged = metric({
      label: 'Domestic abuse incidents per 1,000 population',
      forceText: '1',
      ewText: '15',
      warning: 'ten times apart',
      warningState: 'open',
    });
    expect(barLabel(flagged, false)).toEqual(['Domestic abuse incidents', 'per 1,000 population', '⚠ check the source']);
    const s = chartSelection([metric({}), flagged]);
    expect(groupSummary(s.groups[0]!, s.forceLabel, false)).toBe(
      'per 1,000 population. Incidents per 1,000 population: Gwent Police 2017 338, England and Wales 282. ' +
        'Domestic abuse incidents per 1,000 population: Gwent Police 2017 1, England and Wales 15. Extraction warning: check the source.',
    );
  });

  it('marks a corrected figure where it is drawn and in words, and drops a warning the check has settled', () => {
    const corrected = metric({
      label: 'Domestic abuse incidents per 1,000 population',
      force: 12,
      forceText: '12',
      ewText: '15',
      warning: 'ten times apart',
      warningState: 'corrected',
      check: 'corrected',
      corrections: [
        { field: 'force', label: 'Force value', extracted: '1', value: '12', author: 'A. Analyst', at: '2026-12-07T10:00:00.000Z' },
      ],
    });
    expect(barLabel(corrected, false)).toEqual(['Domestic abuse incidents', 'per 1,000 population', '✎ corrected (force value was 1)']);
    const s = chartSelection([corrected]);
    expect(groupSummary(s.groups[0]!, s.forceLabel, false)).toBe(
      'per 1,000 population. Domestic abuse incidents per 1,000 population: Gwent Police 2017 12, England and Wales 15. Force value corrected from 1 as extracted.',
    );
  });

  it('selects the Force in numbers metrics of the first report by default', () => {
    const rows = [metric({ id: 101 }), metric({ id: 102, source: 'text' }), metric({ id: 103 }), metric({ id: 104, reportId: 2 })];
    expect([...defaultSelection(rows)]).toEqual([101, 103]);
    expect(defaultSelection([]).size).toBe(0);
  });
});
