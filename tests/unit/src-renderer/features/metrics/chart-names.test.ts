import { describe, expect, it } from 'vitest';
import { chartAllName, chartBoxName } from '../../../../../src-renderer/features/metrics/chart-names';

describe('the chart ticks’ names', () => {
  it('names a row’s tick by its metric, report and period, so rows of one label stay apart', () => {
    const a = chartBoxName({ label: 'Incidents per 1,000 population', report: 'Gwent Police 2017', period: '12 months to 30 June 2017' });
    const b = chartBoxName({ label: 'Incidents per 1,000 population', report: 'Gwent Police 2017', period: '12 months to 30 June 2016' });
    expect(a).toBe('Chart: Incidents per 1,000 population (Gwent Police 2017, 12 months to 30 June 2017)');
    expect(a).not.toBe(b);
    expect(chartBoxName({ label: 'Arrests', report: 'Dyfed-Powys Police 2018', period: null })).toBe(
      'Chart: Arrests (Dyfed-Powys Police 2018)',
    );
  });

  it('names the header’s tick by how many metrics it acts on', () => {
    expect(chartAllName(24)).toBe('Chart all 24 metrics in the table');
    expect(chartAllName(1)).toBe('Chart the 1 metric in the table');
    expect(chartAllName(1234)).toBe('Chart all 1,234 metrics in the table');
  });
});
