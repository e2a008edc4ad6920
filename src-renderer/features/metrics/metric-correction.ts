import { fieldSpec, type ItemRow } from '../../../src-core/corrections/fields';
import type { MetricRow } from '../../../src-core/query/model/metrics';
import type { CorrectField } from '../../shared/corrections/correct-field';

/** A figure's correctable fields (CORRECTABLE.metric), in the order a report states them. */
const METRIC_FIELDS = ['force', 'englandWales', 'unit', 'period', 'label'] as const;
type MetricField = (typeof METRIC_FIELDS)[number];

const VALUE: Record<MetricField, (m: MetricRow) => string> = {
  force: (m) => m.forceText,
  englandWales: (m) => m.ewText,
  unit: (m) => m.unit,
  period: (m) => m.period ?? '',
  label: (m) => m.label,
};

const HINT: Partial<Record<MetricField, string>> = {
  force: 'As the report prints it: 15, 0.8, 1,678, -16%, or a dash where it gives none.',
  englandWales: 'As the report prints it; a dash where it gives none.',
  period: 'Such as “12 months to 30 June 2017” or “as at 1 July 2017”.',
};

/** The Correct… dialog's fields for a figure, in the order a report states them, with what was extracted. */
export function metricCorrectFields(m: MetricRow): CorrectField[] {
  const corrected = new Map(m.corrections.map((c) => [c.field, c.extracted]));
  return METRIC_FIELDS.map((name) => {
    const extracted = corrected.get(name);
    return {
      name,
      label: fieldSpec('metric', name)?.label ?? name,
      value: VALUE[name](m),
      ...(extracted !== undefined ? { extracted: extracted === '—' ? '' : extracted } : {}),
      ...(HINT[name] ? { hint: HINT[name] } : {}),
    };
  });
}

/** Why a typed value is refused, by the rule the edit itself applies; null when it would be taken. */
export function checkMetricField(field: string, input: string): string | null {
  const spec = fieldSpec('metric', field);
  if (!spec) return `A figure has no field “${field}”.`;
  // A figure's fields are read without the rest of its row (only a grade needs its report's scale).
  const parsed = spec.parse(input, {} as ItemRow);
  return parsed.ok ? null : parsed.message;
}

/** "Force value corrected from 1 (extracted) by A. Analyst": the marks a grid cell's tooltip gives. */
export function correctionNote(m: MetricRow, field: string): string | null {
  const c = m.corrections.find((x) => x.field === field);
  return c ? `Corrected from ${c.extracted} (as extracted) to ${c.value} by ${c.author}` : null;
}
