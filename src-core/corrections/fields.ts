import { resolveForce } from '../extract/forces';
import type { GradeScale } from '../extract/types';
import type { SqlValue } from '../db/sql-db';
import { parseDate, parseFigure, parseFigurePeriod, parseGrade, parseParagraph, parseReportPeriod, parseText, type Parsed } from './values';

/**
 * What an analyst may correct, item by item: each field's label, the columns it sets, how what they
 * type is read (or refused in words), and how its value is said in the item's history. One table,
 * read by the edit (src-core/workspace/edits.ts), the forms and the CLI alike.
 */
/** The audit field of a correction ("correct:force") and of its withdrawal ("withdraw:force"); history reads both. */
export const CORRECT_FIELD = 'correct:';
export const WITHDRAW_FIELD = 'withdraw:';

export const CORRECTION_TARGETS = ['metric', 'judgment', 'report', 'finding', 'area'] as const;
export type CorrectionTarget = (typeof CORRECTION_TARGETS)[number];

/** The item's row as the edit reads it: its own columns, and its report's scale. */
export type ItemRow = Record<string, SqlValue> & { scale: GradeScale };
export type Columns = Record<string, SqlValue>;

export interface FieldSpec {
  readonly label: string;
  /** The item's columns this field sets; the extracted values of exactly these are kept. */
  readonly columns: readonly string[];
  readonly parse: (input: string, row: ItemRow) => Parsed<Columns>;
  /** The value as the analyst reads it ("13%", "Requires improvement"), from the columns. */
  readonly show: (cols: Columns) => string;
}

interface TargetSpec {
  readonly table: string;
  /** Its report's id: a column of the item, or the item itself for a report. */
  readonly reportColumn: string;
  readonly noun: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
}

const map = <T>(p: Parsed<T>, f: (v: T) => Columns): Parsed<Columns> => (p.ok ? { ok: true, value: f(p.value) } : p);
const shown = (v: SqlValue | undefined) => (v === null || v === undefined || v === '' ? '—' : String(v));

function figure(label: string, valueColumn: string, textColumn: string): FieldSpec {
  return {
    label,
    columns: [valueColumn, textColumn],
    parse: (input) => map(parseFigure(input), (f) => ({ [valueColumn]: f.value, [textColumn]: f.text })),
    show: (c) => shown(c[textColumn]),
  };
}

function text(label: string, column: string, what: string, max?: number): FieldSpec {
  return {
    label,
    columns: [column],
    parse: (input) => map(parseText(input, what, max), (t) => ({ [column]: t })),
    show: (c) => shown(c[column]),
  };
}

export const CORRECTABLE: Readonly<Record<CorrectionTarget, TargetSpec>> = {
  metric: {
    table: 'metrics',
    reportColumn: 'report_id',
    noun: 'figure',
    fields: {
      force: figure('Force value', 'force_value', 'force_text'),
      englandWales: figure('England and Wales value', 'ew_value', 'ew_text'),
      unit: text('Unit', 'unit', 'unit', 120),
      period: {
        label: 'Period',
        columns: ['period'],
        parse: (input) => map(parseFigurePeriod(input), (p) => ({ period: p })),
        show: (c) => shown(c.period),
      },
      label: text('Label', 'label', 'label'),
    },
  },
  judgment: {
    table: 'judgments',
    reportColumn: 'report_id',
    noun: 'grade',
    fields: {
      grade: {
        label: 'Grade',
        columns: ['grade'],
        parse: (input, row) => map(parseGrade(input, row.scale), (g) => ({ grade: g })),
        show: (c) => shown(c.grade),
      },
    },
  },
  report: {
    table: 'reports',
    reportColumn: 'id',
    noun: 'report',
    fields: {
      force: {
        label: 'Force',
        columns: ['force'],
        parse: (input) => {
          const force = resolveForce(input.trim());
          return force
            ? { ok: true, value: { force: force.name } }
            : { ok: false, message: `“${input.trim()}” is not a force HMICFRS inspects under PEEL.` };
        },
        show: (c) => shown(c.force),
      },
      programme: {
        label: 'Programme',
        // The title is worked out from the programme and the period after either changes (../corrections/apply.ts).
        columns: ['programme'],
        parse: (input) => map(parseText(input, 'programme', 120), (p) => ({ programme: p })),
        show: (c) => shown(c.programme),
      },
      period: {
        label: 'Period',
        columns: ['period', 'year'],
        parse: (input) => map(parseReportPeriod(input), (p) => ({ period: p.period, year: p.year })),
        show: (c) => shown(c.period),
      },
      published: {
        label: 'Publication date',
        columns: ['published'],
        parse: (input) => map(parseDate(input), (d) => ({ published: d })),
        show: (c) => shown(c.published),
      },
    },
  },
  finding: {
    table: 'findings',
    reportColumn: 'report_id',
    noun: 'finding',
    fields: { section: text('Section', 'section', 'section', 300) },
  },
  area: {
    table: 'areas_for_improvement',
    reportColumn: 'report_id',
    noun: 'area for improvement',
    fields: {
      text: {
        label: 'Text',
        columns: ['text'],
        parse: (input) => map(parseParagraph(input, 'text of the area for improvement'), (t) => ({ text: t })),
        show: (c) => shown(c.text),
      },
    },
  },
};

export type CorrectionField<T extends CorrectionTarget> = keyof (typeof CORRECTABLE)[T]['fields'] & string;

export function fieldSpec(target: CorrectionTarget, field: string): FieldSpec | null {
  const fields = CORRECTABLE[target].fields;
  return Object.hasOwn(fields, field) ? (fields[field] ?? null) : null;
}
