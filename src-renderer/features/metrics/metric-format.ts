import type { MetricRow } from '../../../src-core/query/model/metrics';

const PLAIN = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export const SOURCE_LABEL: Record<MetricRow['source'], string> = {
  'force-in-numbers': 'Force in numbers',
  text: 'Report text',
};

export function numberText(n: number): string {
  return PLAIN.format(n);
}

/** Where the figure was read (the grid's Source column and its export say it the same way). */
export { positionText } from '../../../src-core/text/position';
