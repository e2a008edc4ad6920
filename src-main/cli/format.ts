import type { Extraction } from '../../src-core/extract/types';
import { formatPos } from '../../src-core/extract/types';
import { visible } from '../../src-core/text/visible';

/**
 * What the command line prints, on stdout or stderr: one line or a block, ending in a newline,
 * with bidi controls, other invisible format characters and control characters shown as their
 * code points (text/visible.ts). A report, a note or a file name from elsewhere must not reorder
 * what the terminal shows, nor reach it as an escape sequence (ESC, CSI) that recolours, moves
 * the cursor or retitles the window. Every CLI output goes through here.
 */
export function printed(s: string): string {
  return visible(s.endsWith('\n') ? s : `${s}\n`);
}

// The characters printed() would show, as JSON writes them: \u escapes (JSON.stringify already
// escapes U+0000..U+001F; not DEL, the C1 controls or the format characters).
const JSON_INVISIBLE = /[\u007f-\u009f\p{Cf}]/gu;

/**
 * A value as JSON for `--json`, with the characters printed() would show written as \u escapes:
 * the same data for a program that parses it (unlike the "⟨U+202E⟩" of text output), and nothing
 * a terminal would act on if a person reads it.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_INVISIBLE, (c) =>
    Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
}

/** The JSON shape of `extract --json`: stable field names, positions as {line, page}. */
export function extractionJson(e: Extraction): unknown {
  return {
    format: e.format,
    report: {
      title: e.report.title,
      force: e.report.force,
      programme: e.report.programme,
      period: e.report.period,
      year: e.report.year,
      scale: e.report.scale,
      published: e.report.published,
      isbn: e.report.isbn,
      where: e.report.where,
    },
    judgments: e.judgments.map((j) => ({
      question: j.question,
      area: j.area,
      pillar: j.pillar,
      overall: j.overall,
      grade: j.grade,
      lastInspected: j.lastInspected,
      quote: j.quote,
      change: j.change,
      where: j.where,
    })),
    metrics: e.metrics.map((m) => ({
      category: m.category,
      label: m.label,
      unit: m.unit,
      period: m.period,
      force: m.force,
      englandWales: m.englandWales,
      forceText: m.forceText,
      englandWalesText: m.englandWalesText,
      source: m.source,
      quote: m.quote,
      alsoQuoted: m.alsoQuoted ?? [],
      where: m.where,
    })),
    findings: e.findings.map((f) => ({
      section: f.section,
      subsection: f.subsection,
      paragraph: f.paragraph,
      kind: f.kind,
      text: f.text,
      footnotes: f.footnotes,
      rejoined: f.rejoined,
      where: f.where,
    })),
    areasForImprovement: e.areasForImprovement.map((a) => ({
      kind: a.kind,
      section: a.section,
      text: a.text,
      items: a.items,
      where: a.where,
    })),
    footnotes: e.footnotes.map((f) => ({ number: f.number, text: f.text, where: f.where })),
    warnings: e.warnings.map((w) => ({ code: w.code, message: w.message, where: w.where })),
  };
}

function count<T>(items: T[], key: (t: T) => string): string {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return [...m].map(([k, n]) => `${n} ${k}`).join(', ');
}

/** A summary an analyst can read at the terminal. */
export function extractionText(e: Extraction, file: string): string {
  const r = e.report;
  const lines = [
    `${r.title} – ${r.force}  (${file}, ${e.format})`,
    `Programme ${r.programme}, period ${r.period}, ${r.scale} scale; published ${r.published ?? 'unknown'}; ISBN ${r.isbn ?? 'none'}`,
    '',
    'Judgments',
    ...e.judgments.flatMap((j) => [
      `  ${j.question.slice(0, 56).padEnd(56)} ${j.grade.padEnd(22)} ${j.lastInspected ?? ''}${j.quote ? '  (read from the text)' : ''}`,
      ...(j.change
        ? [`    stated change: ${j.change.direction}${j.change.since ? ` since ${j.change.since}` : ''}: "${j.change.quote}"`]
        : []),
    ]),
    '',
    `Metrics (${e.metrics.length})`,
    ...e.metrics.map(
      (m) =>
        `  ${`${m.label}${m.period ? `, ${m.period}` : ''}`.slice(0, 78).padEnd(78)} ${m.forceText.padStart(7)} vs ${(m.englandWalesText || '—').padEnd(7)} ${m.source}`,
    ),
    '',
    `Findings: ${e.findings.length} (${count(e.findings, (f) => f.kind)})`,
    `Areas for improvement: ${e.areasForImprovement.length} (${e.areasForImprovement.reduce((n, a) => n + a.items.length, 0)} nested items)${
      e.areasForImprovement.some((a) => a.kind !== 'area for improvement') ? `; ${count(e.areasForImprovement, (a) => a.kind)}` : ''
    }`,
    `Footnotes: ${e.footnotes.length}`,
    '',
    `Warnings (${e.warnings.length})`,
    ...e.warnings.map((w) => `  [${w.code}] ${formatPos(w.where)}: ${w.message}`),
  ];
  return lines.join('\n');
}
