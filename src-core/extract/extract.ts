import { areaText, parseAreas } from './areas';
import { decodeInput } from './decode';
import { linesOfHtml } from './html';
import { ExtractError } from './errors';
import { parseForceInNumbers } from './force-in-numbers';
import { titleKey } from './inline';
import { gradeLine, gradeStatements, type Block } from './grade-statements';
import { dropRepeatedJudgments, mergeStatements } from './merge-grades';
import { asGrade, canonicalJudgment, parseJudgments } from './judgments';
import { suggestKind } from './kinds';
import { isTopLevelTitle, parseOutline, type OutlineEntry } from './outline';
import { MAX_REPORT_PARAGRAPH, count } from '../limits';
import {
  checkLine,
  checkParagraph,
  isUnwrapped,
  ParagraphTooLong,
  piecesOf,
  separateFootnotes,
  typicalWidth,
  type Layout,
  type Para,
} from './paragraphs';
import { PdfTooLong, pdfToLines, type PdfPageText } from './pdf-lines';
import { parseReportMeta, type MetaOverrides } from './report-meta';
import { programmePillar } from './questions';
import { linesOfPagedText, linesOfText, type SourceLine } from './source-lines';
import { figuresInSentence } from './text-figures';
import { MAX_SENTENCE, metricsInSentence, sentences } from './text-metrics';
import { tokensOfMarkup, tokensOfPlain, type Tok } from './tokens';
import type {
  AreaForImprovement,
  AreaKind,
  Extraction,
  ExtractWarning,
  Finding,
  Footnote,
  Judgment,
  Metric,
  ReportMeta,
  SourceFormat,
  SourcePos,
} from './types';
import { formatPos } from './types';

export interface ExtractDeps {
  /** Reads the text runs of every page of a PDF (pdf.js in Node or in a worker). */
  readPdf(bytes: Uint8Array): Promise<PdfPageText[]>;
}

/** Extracts a PEEL report from the bytes of a Markdown, plain-text, HTML or PDF file. */
export async function extractReport(
  name: string,
  bytes: Uint8Array,
  deps: ExtractDeps,
  overrides: MetaOverrides = {},
): Promise<Extraction> {
  const input = decodeInput(name, bytes);
  if (input.kind === 'html') {
    // Parsed from the bytes a chunk at a time (html.ts): the page as one string is let go.
    input.text = '';
    return extractFromLines(name, linesOfHtml(name, bytes), 'html', overrides);
  }
  if (input.kind === 'text') {
    const lines = input.markup ? linesOfText(input.text) : linesOfPagedText(input.text);
    // Copied line by line when the text is held two bytes a character (source-lines.ts), so that
    // this text is let go; a one-byte text's lines are slices of it, which keep it (once, at its size).
    input.text = '';
    return extractFromLines(name, lines, input.markup ? 'markdown' : 'text', overrides);
  }
  let pages: PdfPageText[];
  try {
    pages = await deps.readPdf(input.bytes);
  } catch (e) {
    if (e instanceof PdfTooLong)
      throw new ExtractError('too-large', `${name} has ${count(e.pages)} pages; PDFs over ${count(e.limit)} pages are refused`);
    const reason = e instanceof Error ? e.message : String(e);
    if (e instanceof Error && (e.name === 'PasswordException' || /password/i.test(reason))) {
      throw new ExtractError(
        'pdf-encrypted',
        `${name} is an encrypted (password-protected) PDF; open it with its password, save an unprotected copy, and import that`,
      );
    }
    throw new ExtractError(
      'bad-pdf',
      `${name} could not be read as a PDF (${reason}); it may be truncated or damaged: download or export it again`,
    );
  }
  const lines = pdfToLines(pages);
  if (!lines.some((l) => l.text.trim())) {
    throw new ExtractError('pdf-no-text', `${name} has no text layer (a scanned PDF?); export the report as text and import that instead`);
  }
  return extractFromLines(name, lines, 'pdf', overrides);
}

interface Section {
  title: string;
  start: number;
  end: number;
}

/**
 * Extracts a report from its lines. `lines` is emptied once its tokens are made, so that a large
 * report's lines are not held while its paragraphs are read.
 */
export function extractFromLines(name: string, lines: SourceLine[], format: SourceFormat, overrides: MetaOverrides = {}): Extraction {
  try {
    // A line too long for any paragraph is refused before it is tokenised; a paragraph exactly, as it is put together.
    for (const l of lines) checkLine(l.text.length, l.pos);
    return extractBounded(name, lines, format, overrides);
  } catch (e) {
    if (e instanceof ParagraphTooLong) {
      throw new ExtractError(
        'too-large',
        `${name} has a paragraph of more than ${count(MAX_REPORT_PARAGRAPH)} characters at ${formatPos(e.pos)}; a report's paragraphs run to a few thousand, so this is not a report's text`,
        e.pos,
      );
    }
    throw e;
  }
}

function extractBounded(name: string, lines: SourceLine[], format: SourceFormat, overrides: MetaOverrides): Extraction {
  const markup = format !== 'text';
  const toks = markup ? tokensOfMarkup(lines) : tokensOfPlain(lines);
  lines.length = 0;
  const warnings: ExtractWarning[] = [];
  const outline = parseOutline(toks, warnings);
  const head = toks.slice(0, outline.contentsAt ?? 60);
  const { meta, missing, warnings: metaWarnings } = parseReportMeta(head, toks, overrides);
  if (!meta) throw notPeel(name, missing);
  warnings.push(...metaWarnings);

  const layout: Layout = { markup, width: typicalWidth(toks), unwrapped: !markup && isUnwrapped(toks) };
  const sections = sectionsOf(toks, outline.entries, outline.bodyStart, warnings, meta);
  const subHeadings = new Set(outline.entries.filter((e) => e.level === 2 && e.at !== null).map((e) => e.at as number));

  const metrics: Metric[] = [];
  const judgments: Judgment[] = [];
  const findings: Finding[] = [];
  const areas: AreaForImprovement[] = [];
  const footnoteParas: Para[] = [];
  const sectionGrades: SectionGrade[] = [];
  const headingRefs = new Map<number, SourcePos>();
  const blocks: Block[] = [];

  // Each section's tokens, and where its heading is; the tokens of a section are let go once it is
  // read, so that a large report's tokens and its paragraphs are not all held at once.
  const headingAt = sections.map((sec) => toks[sec.start - 1]?.pos ?? null);
  const bodies = sections.map((sec) =>
    // Contents sub-entries are headings even where the text does not mark them as such.
    toks.slice(sec.start, sec.end).map((t, i) => (subHeadings.has(sec.start + i) && t.heading === 0 ? { ...t, heading: 2 } : t)),
  );
  toks.length = 0;
  for (const [k, sec] of sections.entries()) {
    const body = bodies[k] ?? [];
    bodies[k] = [];
    if (titleKey(sec.title) === 'force in numbers') {
      const fin = parseForceInNumbers(body, meta.force, warnings);
      if (fin.length === 0) {
        const at = headingAt[k] ?? null;
        warnings.push({
          code: 'figures-as-pictures',
          message: `The figures of "Force in numbers"${at?.page ? ` on page ${at.page}` : ''} are pictures, not text, so none could be read: take them from the report itself`,
          where: at,
        });
      }
      append(metrics, fin);
      continue;
    }
    const read = readSection(sec.title, body, layout);
    blocks.push({ heading: true, text: sec.title, pos: headingAt[k] ?? { line: 1 } });
    // Appended item by item: a section of a large report has more paragraphs than a call takes arguments.
    append(blocks, read.blocks);
    append(judgments, read.judgments);
    append(findings, read.findings);
    append(areas, read.areas);
    append(footnoteParas, read.footnotes);
    if (read.grade) sectionGrades.push(read.grade);
    for (const [n, pos] of read.headingRefs) if (!headingRefs.has(n)) headingRefs.set(n, pos);
  }

  dropRepeatedJudgments(judgments, warnings);
  const tablePillar = programmePillar(meta.programme);
  const canonical = judgments.map((j) => canonicalJudgment(j, meta.scale, tablePillar));
  judgments.splice(
    0,
    judgments.length,
    ...mergeStatements(canonical, gradeStatements(blocks, { scale: meta.scale, pillar: tablePillar }), warnings),
  );
  if (judgments.length === 0) {
    warnings.push({
      code: 'judgments-missing',
      message: 'No grade was found: no judgments table, grade line or graded statement',
      where: null,
    });
  }
  if (metrics.length === 0 && findings.length < 40) {
    warnings.push({
      code: 'report-part-missing',
      message: 'This looks like part of a report (a web page or a few pages): no "Force in numbers" figures and few paragraphs were found',
      where: null,
    });
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
    if (f.kind === 'data note') continue;
    for (const s of sentences(f.text)) {
      // No figure is stated in a sentence this long; a text made of one is hostile, and reading it
      // number by number would take time that grows with the square of its length.
      if (s.length > MAX_SENTENCE) continue;
      const m = metricsInSentence(s, f.where);
      const taken = new Set<string>();
      if (m) {
        taken.add(m.forceText.replace(/[%\s]/g, ''));
        taken.add(m.englandWalesText.replace(/[%\s]/g, ''));
        const same = metrics.find((x) => x.source === 'force-in-numbers' && x.force === m.force && x.englandWales === m.englandWales);
        // One figure stated in "Force in numbers" and again in the text is one metric with both quotes.
        if (same) (same.alsoQuoted ??= []).push({ quote: m.quote, where: m.where });
        else metrics.push(m);
      }
      metrics.push(...figuresInSentence(s, f.where, { taken }));
    }
  }
  const footnotes = footnotesOf(footnoteParas);
  checkFootnotes(findings, headingRefs, footnotes, warnings);
  return { format, report: meta, judgments, metrics, findings, areasForImprovement: areas, footnotes, warnings };
}

function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

interface SectionGrade {
  section: string;
  grade: string;
  pos: SourcePos;
}

interface SectionRead {
  blocks: Block[];
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
  const out: SectionRead = { blocks: [], grade: null, judgments: [], findings: [], areas: [], footnotes: [], headingRefs: new Map() };
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
  let areaKind: AreaKind | null = null;
  // The subsection a list of areas for improvement sits in: the text after the list goes back to it.
  let outer: string | null = null;
  // The paragraph that introduces a list ("… for:"), while its items follow.
  let leadIn: { finding: Finding; items: number } | null = null;
  // Findings so far per subsection of this section, counted as they are added (a list that ends
  // goes back to numbering its subsection's paragraphs; counting them each time was quadratic).
  const perSubsection = new Map<string | null, number>();
  const add = (f: Finding) => {
    out.findings.push(f);
    perSubsection.set(f.subsection, (perSubsection.get(f.subsection) ?? 0) + 1);
    return f;
  };
  const flushAreas = () => {
    // Each area's footnotes: those of the paragraphs it was read from (looked up, not searched for).
    const refsAt = new Map<SourcePos, number[]>();
    for (const p of afiParas) refsAt.set(p.pos, [...(refsAt.get(p.pos) ?? []), ...p.refs]);
    for (const a of parseAreas(title, afiParas, areaKind ?? 'area for improvement')) {
      out.areas.push(a);
      add(findingOf(title, subsection, ++counter, areaText(a), refsAt.get(a.where) ?? [], a.where, false, false));
    }
    afiParas = [];
  };
  for (const p of pieces) {
    out.blocks.push({ heading: p.type === 'heading', text: p.text, pos: p.pos });
    // A grade line or a web page's "Last updated" date under a heading is not a heading itself.
    if (gradeLine(p.text) || /^Last updated\s+\d/i.test(p.text)) continue;
    const question = p.type === 'para' && p.bullet === 0 && QUESTION_LINE.test(p.text) && p.text.length < 200;
    // A list of areas for improvement ends where its bullets end: the paragraph after it is not one.
    const listEnded: boolean =
      areaKind !== null && p.type === 'para' && p.bullet === 0 && afiParas.some((a) => a.bullet > 0) && /^[A-Z]/.test(p.text);
    if (p.type === 'heading' || question || listEnded) {
      for (const n of p.refs) if (!out.headingRefs.has(n)) out.headingRefs.set(n, p.pos);
      flushAreas();
      if (listEnded && !question && p.type === 'para') {
        areaKind = null;
        subsection = outer;
        counter = perSubsection.get(subsection) ?? 0;
        add(findingOf(title, subsection, ++counter, p.text, p.refs, p.pos, p.rejoined, p.caption));
        continue;
      }
      areaKind = areasHeading(p.text);
      if (areaKind) outer = subsection;
      subsection = p.text;
      counter = 0;
    } else if (areaKind) {
      afiParas.push(p);
    } else {
      const last = out.findings[out.findings.length - 1];
      if (p.bullet > 0 && leadIn && last === leadIn.finding && (leadIn.items > 0 || LIST_GOES_ON.test(p.text))) {
        // A finding is a paragraph: the list of phrases a sentence introduces ("… the following
        // areas: preventing crime; …; and specialist capabilities.") is part of it. A list of
        // whole sentences is paragraphs of their own. Migration 006 applies the same rule to
        // workspaces made before, so the two agree.
        leadIn.finding.text = `${leadIn.finding.text} ${p.text}`;
        checkParagraph(leadIn.finding.text.length, leadIn.finding.where);
        leadIn.finding.footnotes = [...new Set([...leadIn.finding.footnotes, ...p.refs])].sort((a, b) => a - b);
        leadIn.items++;
        if (!LIST_GOES_ON.test(p.text)) leadIn = null;
        continue;
      }
      const f = add(findingOf(title, subsection, ++counter, p.text, p.refs, p.pos, p.rejoined, p.caption));
      leadIn = p.bullet === 0 && /:$/.test(p.text) ? { finding: f, items: 0 } : null;
    }
  }
  flushAreas();
  return out;
}

const QUESTION_LINE = /^(?:How|To what extent)\b.*\?$/;
/** An item that ends as a list's items do before its last: "…;", "…,", "…:", "… and", "… or". */
const LIST_GOES_ON = /(?:[;,:]|\s(?:and|or))$/;

function areasHeading(s: string): AreaKind | null {
  const k = titleKey(s);
  if (k === 'areas for improvement' || k === 'area for improvement') return 'area for improvement';
  if (k === 'causes of concern' || k === 'cause of concern') return 'cause of concern';
  if (k === 'recommendations' || k === 'recommendation') return 'recommendation';
  return null;
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
  checkParagraph(text.length, where);
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

function sectionsOf(toks: Tok[], entries: OutlineEntry[], bodyStart: number, warnings: ExtractWarning[], meta: ReportMeta): Section[] {
  let tops = entries.filter((e) => e.level === 1 && e.at !== null).map((e) => ({ title: e.title, at: e.at as number }));
  if (tops.length === 0) {
    // No usable contents page: fall back to top-level headings found in the text.
    tops = toks
      .map((t, i) => ({ t, i }))
      .filter(({ t, i }) => i >= bodyStart && !t.blank && (t.heading === 1 || isTopLevelTitle(t.text)) && t.text.length < 80)
      .map(({ t, i }) => ({ title: t.text, at: i }));
  }
  if (tops.length === 0) {
    // A web page or an excerpt with no section headings: the whole text is one section.
    return [{ title: meta.title, start: bodyStart, end: toks.length }];
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
