import { CORRECTABLE, fieldSpec, type CorrectionTarget, type ItemRow } from '../../../src-core/corrections/fields';
import { gradesOf } from '../../../src-core/corrections/values';
import type { Correction } from '../../../src-core/query/model/metrics';
import type { OverviewArea, OverviewJudgment, ReportOverview } from '../../../src-core/query/model/overview';
import type { CorrectField } from '../../shared/corrections/correct-field';

/**
 * What the Reports view's Correct… dialogs offer (a grade, the report's facts, an area for
 * improvement) and how what is typed is checked before anything is sent: by the very parse the
 * edit applies (src-core/corrections/fields.ts), so the form refuses in the edit's own words.
 */

/** One Correct… dialog: which item, its title, its fields and the context their parse needs. */
export interface CorrectionRequest {
  target: CorrectionTarget;
  id: number;
  title: string;
  quote?: string;
  fields: CorrectField[];
  /** The item's row as far as a parse reads it: the report's scale, programme and period. */
  row: ItemRow;
}

const rowOf = (r: ReportOverview): ItemRow => ({ scale: r.scale, programme: r.programme, period: r.period });

/** A field as the dialog shows it, with the extracted value when it has been corrected ("—" stood for none). */
function field(
  target: CorrectionTarget,
  name: string,
  value: string,
  corrections: readonly Correction[],
  extra: Partial<CorrectField> = {},
) {
  const spec = fieldSpec(target, name);
  const c = corrections.find((x) => x.field === name);
  return {
    name,
    label: spec?.label ?? name,
    value,
    ...(c ? { extracted: c.extracted === '—' ? '' : c.extracted } : {}),
    ...extra,
  } satisfies CorrectField;
}

export function gradeCorrection(report: ReportOverview, j: OverviewJudgment): CorrectionRequest {
  const grades = gradesOf(report.scale);
  return {
    target: 'judgment',
    id: j.id,
    title: `Correct the grade: ${j.question}`,
    ...(j.quote ? { quote: j.quote } : {}),
    fields: [
      field('judgment', 'grade', j.grade, j.corrections, {
        suggestions: grades,
        hint: `This report is graded on the ${report.scale} scale: ${grades.join(', ')}.`,
      }),
    ],
    row: rowOf(report),
  };
}

const REPORT_HINTS: Record<string, string> = {
  force: 'The force as HMICFRS names it, such as Gwent Police.',
  programme: 'The inspection programme, such as Police effectiveness.',
  period: 'As the report names it: 2017, 2018/19 or 2023–25.',
  published: 'Such as 27 March 2018, March 2018 or 2018-03-27.',
};

/** The report's force, programme, period and publication date, in one dialog. */
export function reportCorrection(report: ReportOverview): CorrectionRequest {
  const values: Record<string, string> = {
    force: report.force,
    programme: report.programme,
    period: report.period,
    published: report.published ?? '',
  };
  return {
    target: 'report',
    id: report.id,
    title: `Correct the report: ${report.title}`,
    fields: Object.keys(CORRECTABLE.report.fields).map((name) =>
      field('report', name, values[name] ?? '', report.corrections, { hint: REPORT_HINTS[name] ?? '' }),
    ),
    row: rowOf(report),
  };
}

/** "Area for improvement 3", "Area for improvement 3, point 2": how the report numbers it. */
export function areaName(area: OverviewArea, parent?: OverviewArea): string {
  const kind = (parent ?? area).kind;
  const name = kind.charAt(0).toUpperCase() + kind.slice(1);
  return parent ? `${name} ${parent.ordinal}, point ${area.ordinal}` : `${name} ${area.ordinal}`;
}

export function areaCorrection(report: ReportOverview, area: OverviewArea, parent?: OverviewArea): CorrectionRequest {
  return {
    target: 'area',
    id: area.id,
    title: `Correct the text: ${areaName(area, parent)}`,
    fields: [field('area', 'text', area.text, area.corrections, { multiline: true, hint: 'As the report words it.' })],
    row: rowOf(report),
  };
}

/**
 * Why what was typed would be refused, in words, or null when the edit would take it. A value
 * equal to the extracted one is sent as a withdrawal (checkedChange), so it is not refused here.
 */
export function checkCorrection(req: CorrectionRequest, name: string, input: string): string | null {
  const spec = fieldSpec(req.target, name);
  if (!spec) return `This item has no field “${name}” to correct.`;
  const parsed = spec.parse(input, req.row);
  if (!parsed.ok) return parsed.message;
  // "good" for Good would be saved as a correction that changes nothing, and read as one in the history.
  const current = req.fields.find((f) => f.name === name)?.value ?? '';
  if (spec.show(parsed.value) === (current === '' ? '—' : current))
    return `That is the ${spec.label.toLowerCase()} already: nothing to correct.`;
  return null;
}
