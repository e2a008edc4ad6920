import type { MetricRow } from '../../../src-core/query/model/metrics';
import { measureText } from '../../../src-core/text/display';
import { numberText } from './metric-format';

/** Metrics that share a unit, and so can share an axis without misleading anyone. */
export interface UnitGroup {
  key: string;
  /** The unit as the first metric of the group prints it. */
  unit: string;
  metrics: MetricRow[];
}

export interface ChartSelection {
  groups: UnitGroup[];
  /** Selected metrics without both numbers (a figure the report gives only in words): listed, not drawn. */
  notDrawn: MetricRow[];
  /** The force series' name: the report when every metric comes from one, otherwise "Force". */
  forceLabel: string;
  /** More than one report among the metrics: bar labels then say which report each is from. */
  severalReports: boolean;
}

/**
 * Units spelt two ways in the same report ("per 1 million population", "per one million
 * population") are one unit; anything else that differs is a different scale and gets its own axis.
 */
export function unitKey(unit: string): string {
  return unit
    .toLowerCase()
    .replace(/\bone\b/g, '1')
    .replace(/(\d),(\d)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

export function chartSelection(metrics: MetricRow[]): ChartSelection {
  const groups = new Map<string, UnitGroup>();
  const notDrawn: MetricRow[] = [];
  for (const m of metrics) {
    if (m.force === null || m.englandWales === null) {
      notDrawn.push(m);
      continue;
    }
    const key = unitKey(m.unit);
    const group = groups.get(key) ?? { key, unit: m.unit, metrics: [] };
    group.metrics.push(m);
    groups.set(key, group);
  }
  const reports = new Set(metrics.map((m) => m.report));
  const only = reports.size === 1 ? [...reports][0] : undefined;
  return { groups: [...groups.values()], notDrawn, forceLabel: only ?? 'Force', severalReports: reports.size > 1 };
}

/** A bar group's label, wrapped to lines Chart.js can draw beside a horizontal bar. */
export function barLabel(m: MetricRow, severalReports: boolean, width = 24): string[] {
  const words = measureText(m.label).split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && `${line} ${w}`.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  // A flagged or corrected figure is marked where it is drawn too, so no one briefs from the bar alone.
  return [...lines, ...(severalReports ? [`(${m.report})`] : []), ...figureMarks(m)];
}

/** What a bar says of the analyst's check: an open warning, or a value corrected from the extracted one. */
export function figureMarks(m: MetricRow): string[] {
  return [
    ...(m.warningState === 'open' ? ['⚠ check the source'] : []),
    ...(m.corrections.length > 0
      ? [`✎ corrected (${m.corrections.map((c) => `${c.label.toLowerCase()} was ${c.extracted}`).join('; ')})`]
      : []),
  ];
}

/** The chart's text alternative: every value it draws, in words. */
export function groupSummary(group: UnitGroup, forceLabel: string, severalReports: boolean): string {
  const items = group.metrics.map((m) => {
    const who = severalReports ? m.report : forceLabel;
    const flag = [
      m.warningState === 'open' ? ' Extraction warning: check the source.' : '',
      ...m.corrections.map((c) => ` ${c.label} corrected from ${c.extracted} as extracted.`),
    ].join('');
    return `${measureText(m.label)}: ${who} ${m.forceText || numberText(m.force ?? 0)}, England and Wales ${m.ewText || numberText(m.englandWales ?? 0)}.${flag}`;
  });
  return `${group.unit}. ${items.join(' ')}`;
}

/** The default comparison: the Force in numbers figures of the first report. */
export function defaultSelection(metrics: MetricRow[]): Set<number> {
  const first = metrics[0]?.reportId;
  return new Set(metrics.filter((m) => m.reportId === first && m.source === 'force-in-numbers').map((m) => m.id));
}
