import { normalizeSpace } from './inline';
import type { Tok } from './tokens';
import { GRADES, type Grade, type Judgment } from './types';

const GRADE_ALT = GRADES.map((g) => g.replace(/ /g, '\\s+')).join('|');
const GRADE_ONLY = new RegExp(`^(${GRADE_ALT})$`, 'i');
const ROW = new RegExp(`^(.+?)\\s+(${GRADE_ALT})(?:\\s+(\\d{4}))?$`, 'i');
const OVERALL = new RegExp(`^overall (?:effectiveness|efficiency|legitimacy|judgment)(?:\\s+(\\d{4}))?(?:\\s+(${GRADE_ALT}))?$`, 'i');
const HEADER = /^(question|grade|last inspected|judgment|year)$/i;

export function asGrade(s: string): Grade | null {
  const key = normalizeSpace(s).toLowerCase();
  return GRADES.find((g) => g.toLowerCase() === key) ?? null;
}

/**
 * The judgments table, whether its cells arrive as tab-separated rows (Markdown), one row per line,
 * or one cell per line (PDF converters). Cells are read as a stream: question, grade, year.
 */
export function parseJudgments(toks: Tok[]): Judgment[] {
  const cells = toks
    .filter((t) => !t.blank && t.text)
    .flatMap((t) => t.text.split(/\t+| {2,}/).map((c) => ({ text: normalizeSpace(c), pos: t.pos })))
    .filter((c) => c.text !== '' && !HEADER.test(c.text));
  const out: Judgment[] = [];
  let question: { text: string; pos: Tok['pos'] } | null = null;
  let overallYear: number | null = null;
  let awaitingYear: Judgment | null = null;
  for (const c of cells) {
    if (awaitingYear && /^\d{4}$/.test(c.text)) {
      awaitingYear.lastInspected = Number(c.text);
      awaitingYear = null;
      continue;
    }
    awaitingYear = null;
    const overall = OVERALL.exec(c.text);
    if (overall) {
      overallYear = overall[1] ? Number(overall[1]) : null;
      const g = overall[2] ? asGrade(overall[2]) : null;
      if (g) out.push({ question: 'Overall effectiveness', grade: g, lastInspected: overallYear, where: c.pos });
      else question = { text: 'Overall effectiveness', pos: c.pos };
      continue;
    }
    const g = asGrade(c.text);
    if (g && question) {
      const j: Judgment = {
        question: question.text,
        grade: g,
        lastInspected: question.text === 'Overall effectiveness' ? overallYear : null,
        where: question.pos,
      };
      out.push(j);
      awaitingYear = j;
      question = null;
      continue;
    }
    const row = ROW.exec(c.text);
    if (row && !GRADE_ONLY.test(c.text)) {
      const grade = asGrade(row[2] ?? '');
      if (grade) {
        out.push({ question: normalizeSpace(row[1] ?? ''), grade, lastInspected: row[3] ? Number(row[3]) : null, where: c.pos });
        question = null;
        continue;
      }
    }
    // A question long enough to wrap arrives as several cells before its grade.
    question = question ? { text: `${question.text} ${c.text}`, pos: question.pos } : { text: c.text, pos: c.pos };
  }
  return out;
}
