import type { BriefingPack, PackFinding, PackMetric, PackReport, PackReview, SourceRef } from './model';
import { PACK_SECTION_TITLES } from './definition';
import type { RagFacet } from '../annotations/vocabulary';
import { chartKey, checkCell, UNVERIFIED_MARK } from './check';
import { longDate, longDateTime } from './dates';

/**
 * What the paginated writers (DOCX and PDF) print, worked out once so both say the same words in
 * the same order: the title block, the tables as rows of strings, and the labels of findings and
 * sources. The writers decide only how it looks.
 */

export interface DocColumn {
  title: string;
  /** Relative width; the writer scales the columns to the text width. */
  width: number;
  align?: 'left' | 'right' | 'center';
  /** The cells of this column are source ids ("S3"), printed as "[S3]" and linked to the Sources list. */
  cite?: boolean;
}

export interface DocTable {
  columns: DocColumn[];
  rows: { cells: string[]; strong?: boolean }[];
}

export { longDate, longDateTime } from './dates';

export const ragWord = (rag: PackFinding['rag']): string =>
  rag === 'red' ? 'Red' : rag === 'amber' ? 'Amber' : rag === 'green' ? 'Green' : 'Not rated';

/** RAG colours (fill, text) chosen so the word stays legible on them, in colour and in greyscale. */
export const RAG_COLOURS: Record<RagFacet, { fill: string; text: string }> = {
  red: { fill: 'C0392B', text: 'FFFFFF' },
  amber: { fill: 'F5B041', text: '1A1A1A' },
  green: { fill: '1E8449', text: 'FFFFFF' },
  none: { fill: 'E5E5E5', text: '1A1A1A' },
};

export const sentenceCase = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The label line of a finding: where it is and what kind it is. */
export function findingLabel(f: PackFinding): string {
  const where = [f.subsection, `paragraph ${f.paragraph}`].filter(Boolean).join(', ');
  return `${sentenceCase(where)} — ${sentenceCase(f.kind)}`;
}

/** Where a source is in its report, precise enough to find by hand. */
export function sourceLocation(s: SourceRef): string {
  const parts = [s.section, s.subsection].filter(Boolean).join(' › ');
  const at = [s.paragraph !== null ? `paragraph ${s.paragraph}` : null, s.page !== null ? `page ${s.page}` : null, `line ${s.line}`];
  return `${s.reportTitle}: ${parts}, ${at.filter(Boolean).join(', ')}`;
}

/** A Sources entry after its id and kind: where it is, then what an analyst corrected there, with the extracted value. */
export function sourceEntry(s: SourceRef): string {
  return s.corrections.length ? [`${sourceLocation(s)}.`, ...s.corrections].join(' ') : sourceLocation(s);
}

export const citation = (id: string): string => `[${id}]`;

/** Labelled lines under the title. */
export function titleBlock(pack: BriefingPack): { label: string; value: string }[] {
  const d = pack.definition;
  const rows = [
    { label: 'Prepared for', value: d.audience },
    { label: 'Author', value: d.author },
    { label: 'Date', value: longDate(d.date) },
    { label: 'Reports', value: pack.reports.map((r) => r.title).join('; ') },
    { label: 'Protective marking', value: pack.markingLine },
  ];
  return rows.filter((r) => r.value.trim() !== '');
}

/** The sections the analyst chose, in the pack's order, with their headings. */
export const sectionsInOrder = (pack: BriefingPack) => pack.definition.sections.map((key) => ({ key, title: PACK_SECTION_TITLES[key] }));

const CHANGE_WORDS = { up: 'Improved', down: 'Declined', same: 'No change' } as const;

export function judgmentsTable(report: PackReport): DocTable {
  return {
    columns: [
      { title: 'Question', width: 29 },
      { title: 'Grade', width: 16 },
      { title: 'Last inspected', width: 11, align: 'center' },
      { title: 'Previous grade', width: 13 },
      { title: 'Change', width: 10 },
      { title: 'Check', width: 12 },
      { title: 'Source', width: 9, cite: true },
    ],
    rows: report.judgments.map((j) => ({
      cells: [
        j.question,
        j.grade,
        j.lastInspected === null ? '—' : String(j.lastInspected),
        j.previousGrade ?? '—',
        j.change ? CHANGE_WORDS[j.change] : '—',
        checkCell(j),
        j.source,
      ],
      strong: j.isOverall,
    })),
  };
}

function signed(n: number): string {
  const s = String(Math.round(n * 100) / 100);
  return n > 0 ? `+${s}` : s;
}

/** A figure's cell: its value in force, with "corrected" under it when an analyst changed it. */
function valueCell(text: string, corrections: PackMetric['corrections'], field: string): string {
  return `${text || '—'}${corrections.some((c) => c.field === field) ? '\ncorrected' : ''}`;
}

export function metricsTable(metrics: PackMetric[], forceLabel: string): DocTable {
  return {
    columns: [
      { title: 'Metric', width: 35 },
      { title: forceLabel, width: 11, align: 'right' },
      { title: 'England and Wales', width: 11, align: 'right' },
      { title: 'Difference', width: 11, align: 'right' },
      { title: 'Force is', width: 9 },
      { title: 'Check', width: 14 },
      { title: 'Source', width: 9, cite: true },
    ],
    rows: metrics.map((m) => ({
      cells: [
        [m.label, `${m.unit}${m.period ? `, ${m.period}` : ''}`, m.note].filter(Boolean).join('\n'),
        valueCell(m.forceText, m.corrections, 'force'),
        valueCell(m.ewText, m.corrections, 'englandWales'),
        m.difference === null ? '—' : signed(m.difference),
        m.direction ? sentenceCase(m.direction) : '—',
        checkCell(m),
        m.source,
      ],
    })),
  };
}

export const METRICS_NOTE =
  'Difference is the force’s figure minus England and Wales’s, in the metric’s unit (percentage points for percentages). ' +
  `Check says whether an analyst has verified the figure against the report (${UNVERIFIED_MARK} marks one not yet verified) or corrected it; the Sources list gives each corrected value as extracted.`;

const pct = (p: number): string => `${(Math.round(p * 1000) / 10).toFixed(1)}%`;

export function reviewTable(review: PackReview): DocTable {
  return {
    columns: [
      { title: 'Criterion', width: 40 },
      { title: 'Files', width: 14, align: 'right' },
      { title: 'Proportion', width: 14, align: 'right' },
      { title: '95% interval', width: 18, align: 'right' },
      { title: 'Note', width: 14 },
    ],
    rows: review.criteria.map((c) => ({
      cells: [c.label, `${c.k} of ${c.n}`, pct(c.proportion), `${pct(c.low)} – ${pct(c.high)}`, c.small ? 'Small sample' : ''],
    })),
  };
}

export function reconciliationTable(review: PackReview): DocTable {
  return {
    columns: [
      { title: 'Figure in the report', width: 44 },
      { title: 'Report says', width: 13, align: 'right' },
      { title: 'Sample gives', width: 13, align: 'right' },
      { title: 'Agrees', width: 14 },
      { title: 'Source', width: 10, cite: true },
    ],
    rows: review.reconciliation.map((r) => ({
      cells: [r.label, String(r.stated), r.computed === null ? '—' : String(r.computed), r.matches ? 'Yes' : 'No', r.source ?? ''],
    })),
  };
}

export function feedsTable(pack: BriefingPack): DocTable {
  return {
    columns: [
      { title: 'Section', width: 26 },
      { title: 'What fed it', width: 58 },
      { title: 'Rows', width: 12, align: 'right' },
    ],
    rows: pack.feeds.map((f) => ({ cells: [PACK_SECTION_TITLES[f.section], f.feed, String(f.rows)] })),
  };
}

/** The reproducibility facts as label/value lines, before the feeds table. */
export function reproducibilityLines(pack: BriefingPack): { label: string; value: string }[] {
  return [
    { label: 'Generated', value: longDateTime(pack.generatedAt) },
    { label: 'PEEL Workbench version', value: pack.appVersion },
    { label: 'Workspace content hash (SHA-256)', value: pack.workspaceHash },
  ];
}

export const REPRODUCIBILITY_INTRO =
  'Regenerating this pack from a workspace with the same content hash, with the same definition, gives the same content. ' +
  'The table lists what fed each section and how many rows it had.';

export const SYNTHETIC_REVIEW_NOTICE = 'These figures come from a synthetic demonstration sample, not from real case-file review data.';

/** The chart's text alternative, for the image's alt text. */
export function chartAltText(pack: BriefingPack): string {
  const key = pack.chart ? chartKey(pack.chart) : null;
  return `${pack.chart?.title ?? 'Key metrics'}: bar chart of the force against England and Wales for ${pack.metrics.length} metrics, as listed in the table below.${
    key ? ` ${key}.` : ''
  }`;
}
