import type { MetricRow } from '../../../src-core/query/model/metrics';

const PLAIN = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export const SOURCE_LABEL: Record<MetricRow['source'], string> = {
  'force-in-numbers': 'Force in numbers',
  text: 'Report text',
};

export function numberText(n: number): string {
  return PLAIN.format(n);
}

/** Where the figure was read: "page 4, line 19", or "line 43" in unpaginated text. */
export function positionText(page: number | null, line: number): string {
  return page === null ? `line ${line}` : `page ${page}, line ${line}`;
}
