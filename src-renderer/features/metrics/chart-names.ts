import type { MetricRow } from '../../../src-core/query/model/metrics';
import { measureText } from '../../../src-core/text/display';
import { plural } from '../../../src-core/text/plural';

/**
 * The names of the chart's ticks in the grid. Each says what it acts on, like the Verified and
 * Brief boxes of the same row ("Verified: Incidents per 1,000 population (Gwent Police 2017)"),
 * and the period when there is one, so two figures with the same label stay apart.
 */
export function chartBoxName(row: Pick<MetricRow, 'label' | 'report' | 'period'>): string {
  const period = row.period ? `, ${row.period}` : '';
  return `Chart: ${measureText(row.label)} (${row.report}${period})`;
}

/** The header's tick: every metric the table shows now, counted. */
export function chartAllName(shown: number): string {
  return shown === 1 ? 'Chart the 1 metric in the table' : `Chart all ${plural(shown, 'metric')} in the table`;
}
