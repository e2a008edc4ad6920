import { normalizeSpace } from './inline';
import type { Tok } from './tokens';
import { questionOf } from './questions';
import { GRADES, type Grade, type GradeScale, type Judgment, type Pillar } from './types';

const GRADE_ALT = GRADES.map((g) => g.replace(/ /g, '\\s+')).join('|');
const GRADE_ONLY = new RegExp(`^(${GRADE_ALT})$`, 'i');
const ROW = new RegExp(`^(.+?)\\s+(${GRADE_ALT})(?:\\s+(\\d{4}))?$`, 'i');
const OVERALL = new RegExp(`^overall (effectiveness|efficiency|legitimacy|judgment)(?:\\s+(\\d{4}))?(?:\\s+(${GRADE_ALT}))?$`, 'i');
// A grade and the year last inspected run together in one cell when a PDF's table wraps.
const GRADE_YEAR = new RegExp(`^(${GRADE_ALT})\\s+(\\d{4})$`, 'i');
const HEADER = /^(question|grade|last inspected|judgment|year)$/i;

export function asGrade(s: string): Grade | null {
  const key = normalizeSpace(s).toLowerCase();
  return GRADES.find((g) => g.toLowerCase() === key) ?? null;
}

/**
 * The judgments table, whether its cells arrive as tab-separated rows (Markdown), one row per line,
 * one cell per line (PDF converters), or wrapped so that a grade and a year share a line and a long
 * question runs on after its grade. Cells are read as a stream: question, grade, year.
 */
export function parseJudgments(toks: Tok[]): Judgment[] {
  const cells = toks
    .filter((t) => !t.blank && t.text)
    .flatMap((t) => t.text.split(/\t+| {2,}/).map((c) => ({ text: normalizeSpace(c), pos: t.pos })))
    .filter((c) => c.text !== '' && !HEADER.test(c.text));
  const out: Judgment[] = [];
  let question: { text: string; pos: Tok['pos'] } | null = null;
  let overall: { pillar: string; year: number | null } | null = null;
  let awaitingYear: Judgment | null = null;
  const push = (q: string, grade: Grade, year: number | null, pos: Tok['pos']) => {
    const j = judgmentOf(q, grade, year, pos);
    out.push(j);
    return j;
  };
  for (const c of cells) {
    if (awaitingYear && /^\d{4}$/.test(c.text)) {
      awaitingYear.lastInspected = Number(c.text);
      awaitingYear = null;
      continue;
    }
    // The rest of a question that wrapped below its grade: "… anti-social" Good 2016 "behaviour".
    const prev = out[out.length - 1];
    if (prev && !question && /^[a-z]/.test(c.text) && c.text.split(' ').length <= 4) {
      prev.question = `${prev.question} ${c.text}`;
      continue;
    }
    awaitingYear = null;
    const o = OVERALL.exec(c.text);
    if (o) {
      const pillar = (o[1] ?? '').toLowerCase() === 'judgment' ? 'effectiveness' : (o[1] ?? '').toLowerCase();
      overall = { pillar, year: o[2] ? Number(o[2]) : null };
      const g = o[3] ? asGrade(o[3]) : null;
      if (g) push(`Overall ${pillar}`, g, overall.year, c.pos);
      else question = { text: `Overall ${pillar}`, pos: c.pos };
      continue;
    }
    const gy = GRADE_YEAR.exec(c.text);
    const g = gy ? asGrade(gy[1] ?? '') : asGrade(c.text);
    if (g && question) {
      const year = gy ? Number(gy[2]) : question.text.startsWith('Overall ') ? (overall?.year ?? null) : null;
      const j = push(question.text, g, year, question.pos);
      awaitingYear = gy ? null : j;
      question = null;
      continue;
    }
    const row = ROW.exec(c.text);
    if (row && !GRADE_ONLY.test(c.text)) {
      const grade = asGrade(row[2] ?? '');
      if (grade) {
        const j = push(normalizeSpace(row[1] ?? ''), grade, row[3] ? Number(row[3]) : null, c.pos);
        awaitingYear = row[3] ? null : j;
        question = null;
        continue;
      }
    }
    // A question long enough to wrap arrives as several cells before its grade.
    question = question ? { text: `${question.text} ${c.text}`, pos: question.pos } : { text: c.text, pos: c.pos };
  }
  return out;
}

function judgmentOf(question: string, grade: Grade, lastInspected: number | null, where: Tok['pos']): Judgment {
  const overall = /^Overall (effectiveness|efficiency|legitimacy)$/.exec(question);
  return {
    question,
    area: null,
    pillar: overall ? (overall[1] as Pillar) : null,
    overall: overall !== null,
    grade,
    lastInspected,
    quote: null,
    change: null,
    where,
  };
}

/** Files a table's question under the shared vocabulary, with the pillar of the report it came from. */
export function canonicalJudgment(j: Judgment, scale: GradeScale, pillar: Pillar | null): Judgment {
  if (j.overall) return j;
  const q = questionOf(j.question, scale);
  return { ...j, area: q?.name ?? null, pillar: q?.pillar ?? pillar };
}
