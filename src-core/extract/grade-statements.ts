import { normalizeSpace } from './inline';
import { pillarWord, questionOf, wholePillar, type Question } from './questions';
import { MAX_SENTENCE, sentences } from './text-metrics';
import { GRADES, type Grade, type GradeScale, type Judgment, type Pillar, type SourcePos, type StatedChange } from './types';

/** A heading or a paragraph of the report, in reading order. */
export interface Block {
  heading: boolean;
  text: string;
  pos: SourcePos;
}

export interface GradeContext {
  scale: GradeScale;
  /** The pillar a single-pillar report or page is about. */
  pillar: Pillar | null;
}

const G = String.raw`outstanding|good|adequate|requires? improvement|inadequate`;
const Q = String.raw`[‘'"“]?`;
const QE = String.raw`[’'"”]?`;
const COUNT = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})`;

// "Kent Police has been assessed as good in respect of …", "is judged to require improvement at …",
// "is good at investigating crime", "was found to be outstanding in the way it records crime".
const PREDICATE = new RegExp(
  String.raw`\b(?:is|was|are|were|has been|have been)\s+(?:(?:judged|assessed|considered|found|rated|graded|deemed)\s+(?:to\s+be\s+|as\s+(?:being\s+)?|to\s+(?=require))?)?(?:also\s+)?${Q}(${G}|require improvement)${QE}\s*(?:,\s*)?(at|in|for|on)\s+`,
  'i',
);
// "Gwent Police requires improvement in keeping people safe …" (no verb before the grade)
const REQUIRES = /\b(requires|required)\s+improvement\s+(at|in|for|on)\s+/i;
// "The extent to which the force is effective at keeping people safe and reducing crime is good."
const EXTENT = new RegExp(
  String.raw`\bthe extent to which (.+?)\s+(?:is|was)\s*:?\s+(?:judged to be\s+|assessed as\s+)?${Q}(${G})${QE}(?:\s*[.;,]|$)`,
  'i',
);
// "its use of resources to manage demand is assessed to be good", "The force’s understanding of … is outstanding"
const NOUN_IS = new RegExp(
  String.raw`\b(?:the (?:force|constabulary)[’']s|its)\s+([a-z][\w\s,’'-]{3,90}?)\s+(?:is|was)\s+(?:also\s+)?(?:judged to be\s+|assessed (?:to be|as)\s+|considered to be\s+)?${Q}(${G})${QE}(?:\s*[.;,]|\s+and\b|$)`,
  'i',
);
// "Certain areas of the force’s work require improvement, particularly the investigation of crime"
const PARTICULARLY = /\brequires?\s+improvement,?\s+(?:particularly|especially|notably|in particular)\s+(.+)$/i;
// "the force has a good approach to preventing and deterring crime", "has a good understanding of demand"
const HAS_A = new RegExp(
  String.raw`\b(?:Police|Constabulary|Service|force|constabulary)(?:[’']s)?\s+has\s+(?:an?\s+)?${Q}(${G})${QE}\s+(?:approach to|understanding of|record (?:of|in))\s+(.+)$`,
);
// "the efficiency with which the force carries out its responsibilities is good"
const WITH_WHICH = new RegExp(
  String.raw`\bthe (effectiveness|efficiency|legitimacy) with which (?:the (?:force|constabulary)|it) [^;.]*?\s(?:is|was)\s+${Q}(${G})${QE}\b`,
  'i',
);
// "‘inadequate’ in three areas – responding to the public, investigating crime and managing offenders"
const IN_AREAS = new RegExp(String.raw`${Q}(${G})${QE}\s+(?:in|for)\s+${COUNT}\s+areas?\s*[–—:-]\s*(.+)$`, 'i');
// "the areas requiring improvement are …", "The inadequate areas included …", "the good area was …"
const AREAS_ARE = new RegExp(
  String.raw`\b(?:the\s+)?(?:areas?\s+(?:requiring|that requires?|needing)\s+improvement|${Q}(${G})${QE}\s+areas?)\s+(?:are|were|was|is|included|include)\s*:?\s+(.+)$`,
  'i',
);
// "graded ‘outstanding’ in preventing crime, treatment of the public, …"
const GRADED_IN = new RegExp(String.raw`\bgraded\s+(?:as\s+)?${Q}(${G})${QE}\s+(?:in|for)\s+(?!${COUNT}\s+areas?)(.+)$`, 'i');
const QUESTION_LINE = /^(?:How|To what extent)\b.*\?$|^How well the force\b/;
const NOT_INSPECTED = /\b(?:was|were) not (?:inspected|subject to inspection|re-inspected) in ((?:19|20)\d\d)/i;
const CHANGE =
  /\b(?:has|have)\s+(deteriorated|declined|worsened|improved|got worse|got better)\s+since\s+(?:(20\d\d)|(?:our |the |its )?last (?:inspection|year|assessment))/i;
const SAME = /\b(?:the same as|consistent with)\s+(?:last year|our last|the last|our (?:previous|\d{4}))/i;
const PREVIOUS = new RegExp(
  String.raw`\b(?:judged|assessed|graded)\s+(?:the (?:force|constabulary)\s+)?(?:to be\s+|as\s+)?${Q}(${G})${QE}`,
  'i',
);

function gradeOf(word: string): Grade | null {
  const w = word
    .toLowerCase()
    .replace(/^requires?\s+/, 'requires ')
    .replace(/^require improvement$/, 'requires improvement');
  return GRADES.find((g) => g.toLowerCase() === w) ?? null;
}

/** A bare grade on a line of its own: "Requires improvement". */
export function gradeLine(text: string): Grade | null {
  return gradeOf(normalizeSpace(text).replace(/[.:]$/, ''));
}

interface Current {
  question: string;
  pillar: Pillar | null;
  overall: boolean;
  area: Question | null;
  graded: boolean;
  /** Paragraphs read since the question: only the first one's opening states its grade. */
  paras: number;
}

/**
 * Grades stated outside a judgments table: a grade line under a question heading, a question "not
 * inspected" this year, and prose ("Dyfed-Powys Police requires improvement in the way it protects
 * vulnerable people", "has been assessed as good", the 2021/22 press lists "‘inadequate’ in three
 * areas – …"). Each keeps its quote; a statement that names no question the reader can tell is
 * left alone rather than guessed at.
 */
export function gradeStatements(blocks: Block[], ctx: GradeContext): Statements {
  const out: Judgment[] = [];
  const weak = new Set<Judgment>();
  let pillar = ctx.pillar;
  let cur: Current | null = null;
  // A change stated before the grade it is about ("has deteriorated since 2016 in … protecting
  // vulnerable people" in a summary above the questions) waits for that grade.
  const pendingChanges: StatedChangeOf[] = [];
  const add = (j: Omit<Judgment, 'lastInspected' | 'change'>) => {
    const judgment: Judgment = { ...j, lastInspected: null, change: null };
    out.push(judgment);
    return judgment;
  };
  for (const b of blocks) {
    const text = normalizeSpace(b.text);
    if (!text) continue;
    if (/^(?:Effectiveness|Efficiency|Legitimacy)$/i.test(text)) {
      pillar = pillarWord(text);
      continue;
    }
    if (QUESTION_LINE.test(text) && text.length < 200) {
      const whole = wholePillar(text, pillar);
      if (whole) pillar = whole;
      cur = {
        question: whole ? `Overall ${whole}` : text,
        pillar: whole ?? pillarWord(text) ?? pillar,
        overall: whole !== null,
        area: whole ? null : questionOf(text, ctx.scale),
        graded: false,
        paras: 0,
      };
      continue;
    }
    if (/^Last updated\s+\d/i.test(text)) continue;
    const line = gradeLine(text);
    if (line) {
      if (cur && !cur.graded) {
        cur.graded = true;
        add({
          question: cur.question,
          area: cur.area?.name ?? null,
          pillar: cur.pillar,
          overall: cur.overall,
          grade: line,
          quote: null,
          where: b.pos,
        });
      }
      continue;
    }
    if (b.heading) continue;
    const first = cur && !cur.graded && cur.paras === 0 ? cur : null;
    if (cur) cur.paras++;
    let last: Judgment | null = null;
    for (const s of sentences(text)) {
      // A "sentence" this long is no statement of a grade, and its patterns' cost grows with it.
      if (s.length > MAX_SENTENCE) continue;
      const ni = NOT_INSPECTED.exec(s);
      if (ni && first && !first.graded) {
        first.graded = true;
        last = add({
          question: first.question,
          area: first.area?.name ?? null,
          pillar: first.pillar,
          overall: first.overall,
          grade: 'Not inspected',
          quote: s,
          where: b.pos,
        });
        continue;
      }
      const found = statementsIn(s, ctx.scale, pillar, first);
      for (const f of found) {
        if (first && f.fromHeading) first.graded = true;
        last = add({ ...f.judgment, quote: s, where: b.pos });
        if (f.weak) weak.add(last);
      }
      const change = stated(s);
      if (change) {
        const named = questionOf(s, ctx.scale);
        const whole = wholePillar(s, pillar);
        const target =
          [...out].reverse().find((j) => (named ? j.area === named.name : whole ? j.overall && j.pillar === whole : false)) ??
          (named || whole ? null : last);
        if (target && !target.change) target.change = change;
        else if (!target && (named || whole)) pendingChanges.push({ area: named?.name ?? null, pillar: whole, change });
      }
    }
  }
  const unplaced = pendingChanges.filter((p) => {
    const j = out.find((x) => (p.area ? x.area === p.area : x.overall && x.pillar === p.pillar));
    if (j && !j.change) j.change = p.change;
    return !j;
  });
  return { judgments: out, weak, changes: unplaced };
}

interface Found {
  judgment: Omit<Judgment, 'lastInspected' | 'change' | 'quote' | 'where'>;
  fromHeading: boolean;
  /** Read from a description ("the force's initial investigation of crime is good", "has a good approach to"), not a verdict on the force. */
  weak?: boolean;
}

export interface Statements {
  judgments: Judgment[];
  /** Those read from descriptions: a verdict that disagrees with one of them wins. */
  weak: Set<Judgment>;
  /** Changes stated of a question no statement here grades (the judgments table may). */
  changes: StatedChangeOf[];
}

export interface StatedChangeOf {
  area: string | null;
  pillar: Pillar | null;
  change: StatedChange;
}

function statementsIn(s: string, scale: GradeScale, pillar: Pillar | null, first: Current | null): Found[] {
  const extent = EXTENT.exec(s);
  if (extent) {
    const p = wholePillar(extent[1] ?? '', pillar) ?? pillarWord(extent[1] ?? '');
    const g = gradeOf(extent[2] ?? '');
    if (p && g) return [{ judgment: { question: `Overall ${p}`, area: null, pillar: p, overall: true, grade: g }, fromHeading: false }];
  }
  for (const re of [IN_AREAS, AREAS_ARE, GRADED_IN]) {
    const m = re.exec(s);
    if (!m) continue;
    const g = gradeOf(m[1] ?? 'requires improvement');
    if (!g) continue;
    const items = listItems(m[2] ?? '');
    const found = items.map((item) => areaJudgment(item, g, scale, pillar, true)).filter((x): x is Found => x !== null);
    if (found.length) return found;
  }
  const out: Found[] = [];
  const particularly = PARTICULARLY.exec(s);
  if (particularly) {
    for (const item of listItems(particularly[1] ?? '')) {
      const j = areaJudgment(item, 'Requires improvement', scale, pillar, false);
      if (j) out.push(j);
    }
    if (out.length) return out;
  }
  // "North Wales Police has a good understanding of demand." is a grade only as the opening answer
  // to the question it names; elsewhere "has a good understanding of …" describes, and is left alone.
  const has = first ? HAS_A.exec(s) : null;
  if (has && first?.area) {
    const g = gradeOf(has[1] ?? '');
    const j = g ? areaJudgment(`${/understanding/.test(has[0]) ? 'understanding of ' : ''}${has[2] ?? ''}`, g, scale, pillar, false) : null;
    if (j && j.judgment.area === first.area.name) return [{ ...j, weak: true }];
  }
  // Each verdict runs to the next one: "is good at reducing crime … and is good at tackling anti-social behaviour".
  const preds = [...s.matchAll(new RegExp(PREDICATE.source, 'gi')), ...s.matchAll(new RegExp(REQUIRES.source, 'gi'))]
    .filter((m, i, all) => !all.some((o, k) => k !== i && o.index < m.index && m.index < o.index + o[0].length))
    .sort((a, b) => a.index - b.index);
  const chained = (head: string) => /(?:\band|;|,)\s*(?:it\s+)?$/.test(head.trimEnd() + ' ') || subjectBefore(head);
  preds.forEach((pred, n) => {
    const head = s.slice(n === 0 ? 0 : (preds[n - 1]?.index ?? 0), pred.index);
    if (n === 0 ? !subjectBefore(head) : !chained(s.slice(0, pred.index).slice(-12))) return;
    const isReq = pred[0].toLowerCase().startsWith('requir');
    const g = gradeOf(isReq ? 'requires improvement' : (pred[1] ?? ''));
    const next = preds[n + 1];
    const objectStart = pred.index + pred[0].length;
    const object = s.slice(objectStart, next && next.index > objectStart ? next.index : undefined).replace(/\s+(?:and|it)\s*$/i, '');
    if (!g) return;
    const before = out.length;
    for (const part of splitObject(object)) {
      const whole = wholePillar(part, pillar);
      if (whole) {
        out.push({ judgment: { question: `Overall ${whole}`, area: null, pillar: whole, overall: true, grade: g }, fromHeading: false });
        continue;
      }
      const j = areaJudgment(part, g, scale, pillar, false);
      if (j) out.push(j);
    }
    // "Essex Police is good at understanding current and likely future demand": the opening of the
    // first paragraph under a question answers that question.
    if (out.length === before && n === 0 && first && !first.overall && sharesWord(object, first.question)) {
      out.push({
        judgment: { question: first.question, area: first.area?.name ?? null, pillar: first.pillar, overall: first.overall, grade: g },
        fromHeading: true,
      });
    }
  });
  const ww = WITH_WHICH.exec(s);
  const wwGrade = ww ? gradeOf(ww[2] ?? '') : null;
  if (ww && wwGrade) {
    const p = (ww[1] ?? '').toLowerCase() as Pillar;
    if (!out.some((o) => o.judgment.overall && o.judgment.pillar === p)) {
      out.push({ judgment: { question: `Overall ${p}`, area: null, pillar: p, overall: true, grade: wwGrade }, fromHeading: false });
    }
  }
  for (const m of s.matchAll(new RegExp(NOUN_IS.source, 'gi'))) {
    const g = gradeOf(m[2] ?? '');
    const j = g ? areaJudgment(m[1] ?? '', g, scale, pillar, false) : null;
    if (j && !out.some((o) => o.judgment.area === j.judgment.area)) out.push({ ...j, weak: true });
  }
  return out;
}

const STOP = new Set([
  'the',
  'and',
  'its',
  'does',
  'how',
  'well',
  'force',
  'with',
  'that',
  'what',
  'extent',
  'from',
  'those',
  'who',
  'are',
  'for',
]);

/** An answer names its question: "good at understanding … demand" under "How well does the force understand demand?". */
function sharesWord(object: string, question: string): boolean {
  const stems = (t: string) =>
    new Set(
      t
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((w) => w.length > 3 && !STOP.has(w))
        .map((w) => w.slice(0, 5)),
    );
  const q = stems(question);
  return [...stems(object)].some((w) => q.has(w));
}

/** The words before a grade name the force: "Kent Police has been …", "the force is …", "It is …". */
function subjectBefore(head: string): boolean {
  return /(?:\b(?:Police|Constabulary|Service|force|constabulary|Met)(?:[’']s)?|^It|\bit|\band)\s+(?:(?:still|now|also|overall|generally|currently)\s+)?$/.test(
    head.trimEnd() + ' ',
  );
}

function areaJudgment(phrase: string, g: Grade, scale: GradeScale, pillar: Pillar | null, listed: boolean): Found | null {
  const words = normalizeSpace(phrase.replace(/^(?:and|or|the way it|how it)\s+/i, '').replace(/[.;,]+$/, '')).split(' ');
  if (listed && words.length > 8) return null;
  // The question is named in the object's first words; what follows is the report going on.
  const clean = words
    .slice(0, 12)
    .join(' ')
    .replace(/[.;,]+$/, '');
  if (!clean) return null;
  const q = questionOf(clean, scale);
  if (!q) return listed && clean.split(' ').length <= 6 && /^[a-z]/i.test(clean) ? listedArea(clean, g, pillar) : null;
  // Named as the shared list names it; the report's own words are in the quote.
  return { judgment: { question: q.name, area: q.name, pillar: q.pillar, overall: false, grade: g }, fromHeading: false };
}

function listedArea(phrase: string, g: Grade, pillar: Pillar | null): Found {
  const question = phrase.charAt(0).toUpperCase() + phrase.slice(1);
  return { judgment: { question, area: null, pillar, overall: false, grade: g }, fromHeading: false };
}

/**
 * "treating the public fairly and on behaving ethically and lawfully" → two questions. A part with a
 * grade of its own ("…; the efficiency with which the force carries out its responsibilities is
 * good") is not graded by this sentence's grade.
 */
function splitObject(object: string): string[] {
  const clause = object.split(/(?<=\w)\.\s|\s+(?:but|however|although|while|whereas)\s+|\s*[(:]/i)[0] ?? object;
  const own = new RegExp(
    String.raw`\b(?:is|was|are|were)\s+(?:also\s+)?(?:judged|assessed|considered)?\s*(?:to be\s+|as\s+)?${Q}(?:${G})\b`,
    'i',
  );
  return clause
    .split(/\s*;\s*(?:and\s+)?|,?\s+and\s+(?:on|at|in|for)\s+|,\s+(?=(?:and\s+)?(?:its|it is|the force)\b)/i)
    .map((p) => p.trim())
    .filter((p) => p && !own.test(p));
}

function listItems(list: string): string[] {
  const body = list.split(/(?<=[a-z)])\.(?:\s|$)/)[0] ?? list;
  return body
    .split(/\s*;\s*|,\s*(?:and\s+)?|\s+and\s+(?=[a-z])/)
    .map((s) => s.replace(/^(?:and|the)\s+/i, '').trim())
    .filter(Boolean);
}

function stated(s: string): StatedChange | null {
  const c = CHANGE.exec(s);
  if (c) {
    const word = (c[1] ?? '').toLowerCase();
    const direction = /improved|better/.test(word) ? 'improved' : 'deteriorated';
    return { direction, since: c[2] ? Number(c[2]) : null, previous: null, quote: s };
  }
  if (SAME.test(s)) {
    const prev = PREVIOUS.exec(s.slice(SAME.exec(s)?.index ?? 0));
    return { direction: 'unchanged', since: null, previous: prev ? gradeOf(prev[1] ?? '') : null, quote: s };
  }
  return null;
}
