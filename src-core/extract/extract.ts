import { areaText, parseAreas } from './areas';
import { decodeInput } from './decode';
import { ExtractError } from './errors';
import { parseForceInNumbers } from './force-in-numbers';
import { titleKey } from './inline';
import { asGrade, parseJudgments } from './judgments';
import { suggestKind } from './kinds';
import { isTopLevelTitle, parseOutline, type OutlineEntry } from './outline';
import { piecesOf, separateFootnotes, typicalWidth, type Layout, type Para } from './paragraphs';
import { pdfToLines, type PdfPageText } from './pdf-lines';
import { parseReportMeta } from './report-meta';
import { linesOfPagedText, linesOfText, type SourceLine } from './source-lines';
import { metricsInSentence, sentences } from './text-metrics';
import { tokensOfMarkup, tokensOfPlain, type Tok } from './tokens';
import type { Extraction, ExtractWarning, Finding, Footnote, Judgment, Metric, SourceFormat, SourcePos, AreaForImprovement } from './types';
import { formatPos } from './types';

export interface ExtractDeps {
  /** Reads the text runs of every page of a PDF (pdf.js in Node or in a worker). */
  readPdf(bytes: Uint8Array): Promise<PdfPageText[]>;
}

/** Extracts a PEEL report from the bytes of a Markdown, plain-text or PDF file. */
export async function extractReport(name: string, bytes: Uint8Array, deps: ExtractDeps): Promise<Extraction> {
  const input = decodeInput(name, bytes);
  if (input.kind === 'text') {
    const lines = input.markup ? linesOfText(input.text) : linesOfPagedText(input.text);
    return extractFromLines(name, lines, input.markup ? 'markdown' : 'text');
  }
  let pages: PdfPageText[];
  try {
    pages = await deps.readPdf(input.bytes);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ExtractError('bad-pdf', `${name} could not be read as a PDF (${reason}); it may be truncated or damaged`);
  }
  const lines = pdfToLines(pages);
  if (!lines.some((l) => l.text.trim())) {
    throw new ExtractError('bad-pdf', `${name} has no text layer (a scanned PDF?); export the report as text and import that instead`);
  }
  return extractFromLines(name, lines, 'pdf');
}

interface Section {
  title: string;
  start: number;
  end: number;
}

export function extractFromLines(name: string, lines: SourceLine[], format: SourceFormat): Extraction {
  const markup = format !== 'text';
  const toks = markup ? tokensOfMarkup(lines) : tokensOfPlain(lines);
  const warnings: ExtractWarning[] = [];
  const outline = parseOutline(toks, warnings);
  const { meta, missing } = parseReportMeta(toks.slice(0, outline.contentsAt ?? 60));
  if (!meta) throw notPeel(name, missing);

  const layout: Layout = { markup, width: typicalWidth(toks) };
  const sections = sectionsOf(toks, outline.entries, outline.bodyStart, warnings);
  const subHeadings = new Set(outline.entries.filter((e) => e.level === 2 && e.at !== null).map((e) => e.at as number));

  const metrics: Metric[] = [];
  const judgments: Judgment[] = [];
  const findings: Finding[] = [];
  const areas: AreaForImprovement[] = [];
  const footnoteParas: Para[] = [];
  const sectionGrades: SectionGrade[] = [];
  const headingRefs = new Map<number, SourcePos>();

  for (const sec of sections) {
    // Contents sub-entries are headings even where the text does not mark them as such.
    const body = toks
      .slice(sec.start, sec.end)
      .map((t, i) => (subHeadings.has(sec.start + i) && t.heading === 0 ? { ...t, heading: 2 } : t));
    if (titleKey(sec.title) === 'force in numbers') {
      metrics.push(...parseForceInNumbers(body, meta.force, warnings));
      continue;
    }
    const read = readSection(sec.title, body, layout);
    judgments.push(...read.judgments);
    findings.push(...read.findings);
    areas.push(...read.areas);
    footnoteParas.push(...read.footnotes);
    if (read.grade) sectionGrades.push(read.grade);
    for (const [n, pos] of read.headingRefs) if (!headingRefs.has(n)) headingRefs.set(n, pos);
  }

  dropRepeatedJudgments(judgments, warnings);
  if (judgments.length === 0 && metrics.length === 0) {
    throw notPeel(name, ['a "Force in numbers" section or a judgments table (question, grade, year last inspected)']);
  }
  if (judgments.length === 0) {
    warnings.push({ code: 'judgments-missing', message: 'No judgments table was found under "Judgments"', where: null });
  }
  for (const sg of sectionGrades) {
    const j = judgments.find((x) => titleKey(sg.section).startsWith(titleKey(x.question)));
    if (j && j.grade !== sg.grade) {
      warnings.push({
        code: 'grade-mismatch',
        message: `"${sg.section}" is graded ${sg.grade} in its section but ${j.grade} in the judgments table`,
        where: sg.pos,
      });
    }
  }

  for (const f of findings) {
    for (const s of sentences(f.text)) {
      const m = metricsInSentence(s, f.where);
      if (m) metrics.push(m);
    }
  }
  const footnotes = footnotesOf(footnoteParas);
  checkFootnotes(findings, headingRefs, footnotes, warnings);
  return { format, report: meta, judgments, metrics, findings, areasForImprovement: areas, footnotes, warnings };
}

/**
 * A question graded twice (a judgments table pasted twice, or a repeated section) keeps its first
 * grade, and the repeat is a warning that says where both are: a workspace holds one grade per
 * question, and guessing which of two the report meant is the analyst's call.
 */
function dropRepeatedJudgments(judgments: Judgment[], warnings: ExtractWarning[]): void {
  const first = new Map<string, Judgment>();
  const kept = judgments.filter((j) => {
    const earlier = first.get(j.question);
    if (!earlier) {
      first.set(j.question, j);
      return true;
    }
    warnings.push({
      code: 'judgment-duplicate',
      message: `"${j.question}" is graded again at ${formatPos(j.where)} (${j.grade}); the first grade, ${earlier.grade} at ${formatPos(earlier.where)}, is kept`,
      where: j.where,
    });
    return false;
  });
  judgments.splice(0, judgments.length, ...kept);
}

interface SectionGrade {
  section: string;
  grade: string;
  pos: SourcePos;
}

interface SectionRead {
  grade: SectionGrade | null;
  judgments: Judgment[];
  findings: Finding[];
  areas: AreaForImprovement[];
  footnotes: Para[];
  headingRefs: Map<number, SourcePos>;
}

/**
 * One top-level section: its grade line, the judgments table if it holds one, then its paragraphs
 * as findings under their sub-headings, with areas for improvement read as a list.
 */
function readSection(title: string, toks: Tok[], layout: Layout): SectionRead {
  const out: SectionRead = { grade: null, judgments: [], findings: [], areas: [], footnotes: [], headingRefs: new Map() };
  let body = toks;
  const firstText = body.findIndex((t) => !t.blank);
  const gradeTok = body[firstText];
  const grade = gradeTok ? asGrade(gradeTok.text) : null;
  if (grade && gradeTok) {
    out.grade = { section: title, grade, pos: gradeTok.pos };
    body = body.slice(firstText + 1);
  }
  const jStart = body.findIndex((t) => !t.blank && titleKey(t.text) === 'judgments');
  if (jStart >= 0) {
    const rel = body
      .slice(jStart + 1)
      .findIndex((t) => !t.blank && (titleKey(t.text) === 'summary' || (t.heading > 0 && !/^overall /i.test(t.text))));
    const jEnd = rel < 0 ? body.length : jStart + 1 + rel;
    out.judgments = parseJudgments(body.slice(jStart + 1, jEnd));
    body = [...body.slice(0, jStart), ...body.slice(jEnd)];
  }
  const { body: pieces, footnotes } = separateFootnotes(piecesOf(body, layout));
  out.footnotes = footnotes;
  let subsection: string | null = null;
  let counter = 0;
  let afiParas: Para[] = [];
  const flushAreas = () => {
    for (const a of parseAreas(title, afiParas)) {
      out.areas.push(a);
      const refs = afiParas.filter((p) => p.pos === a.where).flatMap((p) => p.refs);
      out.findings.push(findingOf(title, subsection, ++counter, areaText(a), refs, a.where, false, false));
    }
    afiParas = [];
  };
  for (const p of pieces) {
    if (p.type === 'heading') {
      for (const n of p.refs) if (!out.headingRefs.has(n)) out.headingRefs.set(n, p.pos);
      flushAreas();
      subsection = p.text;
      counter = 0;
    } else if (isAreasHeading(subsection)) {
      afiParas.push(p);
    } else {
      out.findings.push(findingOf(title, subsection, ++counter, p.text, p.refs, p.pos, p.rejoined, p.caption));
    }
  }
  flushAreas();
  return out;
}

function isAreasHeading(s: string | null): boolean {
  const k = titleKey(s ?? '');
  return k === 'areas for improvement' || k === 'area for improvement';
}

function findingOf(
  section: string,
  subsection: string | null,
  paragraph: number,
  text: string,
  refs: number[],
  where: SourcePos,
  rejoined: boolean,
  caption: boolean,
): Finding {
  return {
    section,
    subsection,
    paragraph,
    kind: suggestKind(section, subsection, text, caption),
    text,
    footnotes: [...new Set(refs)].sort((a, b) => a - b),
    rejoined,
    where,
  };
}

function sectionsOf(toks: Tok[], entries: OutlineEntry[], bodyStart: number, warnings: ExtractWarning[]): Section[] {
  let tops = entries.filter((e) => e.level === 1 && e.at !== null).map((e) => ({ title: e.title, at: e.at as number }));
  if (tops.length === 0) {
    // No usable contents page: fall back to top-level headings found in the text.
    tops = toks
      .map((t, i) => ({ t, i }))
      .filter(({ t, i }) => i >= bodyStart && !t.blank && (t.heading === 1 || isTopLevelTitle(t.text)) && t.text.length < 80)
      .map(({ t, i }) => ({ title: t.text, at: i }));
  }
  const first = tops[0];
  if (first) {
    const stray = toks.slice(bodyStart, first.at).find((t) => !t.blank && t.text.length > 40);
    if (stray) {
      warnings.push({
        code: 'section-unplaced',
        message: `Text before the first section heading could not be placed in a section: "${stray.text.slice(0, 60)}…"`,
        where: stray.pos,
      });
    }
  }
  return tops.map((t, k) => ({ title: t.title, start: t.at + 1, end: tops[k + 1]?.at ?? toks.length }));
}

function footnotesOf(paras: Para[]): Footnote[] {
  const byNumber = new Map<number, Footnote>();
  for (const p of paras) {
    if (p.fnDef !== null && !byNumber.has(p.fnDef)) byNumber.set(p.fnDef, { number: p.fnDef, text: p.text, where: p.pos });
  }
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

function checkFootnotes(findings: Finding[], headingRefs: Map<number, SourcePos>, footnotes: Footnote[], warnings: ExtractWarning[]): void {
  const defined = new Set(footnotes.map((f) => f.number));
  const cited = new Map<number, SourcePos>(headingRefs);
  for (const f of findings) for (const n of f.footnotes) if (!cited.has(n)) cited.set(n, f.where);
  for (const [n, where] of [...cited].sort((a, b) => a[0] - b[0])) {
    if (!defined.has(n)) {
      warnings.push({ code: 'footnote-undefined', message: `Footnote ${n} is cited (${formatPos(where)}) but never defined`, where });
    }
  }
  for (const f of footnotes) {
    if (!cited.has(f.number)) {
      warnings.push({ code: 'footnote-uncited', message: `Footnote ${f.number} is defined but no paragraph cites it`, where: f.where });
    }
  }
}

function notPeel(name: string, missing: string[]): ExtractError {
  return new ExtractError('not-a-peel-report', `${name} is not a PEEL inspection report: it lacks ${missing.join(', and ')}`);
}
