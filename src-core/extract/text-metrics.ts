import type { Metric, SourcePos } from './types';
import { parseNumberWord } from './values';

/** A number as reports print it in running text: "107.9", "2,700". */
export const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const EW_VALUE = new RegExp(
  String.raw`England and Wales (?:rate|average|figure|proportion|value)\s+(?:of|was|is)\s+(${NUM})\s*(%|per ?cent)?`,
  'i',
);
const DENOMINATOR = String.raw`(\d{1,3}(?:,\d{3})+|\d+|one million|1 million|one thousand)`;
const PER = new RegExp(
  String.raw`^per ${DENOMINATOR} ([a-z][a-z\s-]*?(?:\s\([a-z\s]+\))?)(?=[,;.]|\s\(|\s(?:which|this|when|compared|in the|is|was)\b|$)`,
  'i',
);
const STOP = /\s(?:made|recorded|in|at|which|this|was|were|is|are|during|over|for)\b.*$/;
const PERIOD = /(?:in |for |during )?the (12 months to \d{1,2} [A-Z][a-z]+ \d{4})|\b(?:[Oo]n|[Aa]s at) (\d{1,2} [A-Z][a-z]+ \d{4})/;

/** The period a sentence gives its figures: "12 months to 30 June 2017", "as at 1 July 2017". */
export function periodOf(sentence: string): string | null {
  const m = PERIOD.exec(sentence);
  return m ? (m[1] ?? (m[2] ? `as at ${m[2]}` : null)) : null;
}

/** The longest sentence read for grades and figures; the seed's longest is well under this. */
export const MAX_SENTENCE = 4000;

/** Splits a paragraph into sentences without breaking "107.9", "e.g." or initials. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?]["'’”)]?)\s+(?=["'‘“(]?[A-Z0-9])/)
    .map((s) => s.trim())
    .filter(Boolean)
    .reduce<string[]>((acc, s) => {
      const prev = acc[acc.length - 1];
      if (prev && /\b(?:e\.g|i\.e|etc|no|para|cf)\.$/i.test(prev)) acc[acc.length - 1] = `${prev} ${s}`;
      else acc.push(s);
      return acc;
    }, []);
}

interface Candidate {
  value: number;
  text: string;
  index: number;
  after: string;
}

/**
 * Sentences that set a figure for the force against the England and Wales figure, e.g.
 * "… 107.9 uses as a place of safety per 100,000 population (compared with an England and Wales
 * rate of 17.5)". The force's figure is the rate nearest before the comparison.
 */
export function metricsInSentence(sentence: string, where: SourcePos): Metric | null {
  const ew = EW_VALUE.exec(sentence);
  if (!ew) return null;
  const before = sentence.slice(0, ew.index);
  const candidates: Candidate[] = [];
  const re = new RegExp(NUM, 'g');
  for (let m = re.exec(before); m; m = re.exec(before)) {
    const prefix = before.slice(Math.max(0, m.index - 12), m.index);
    const after = before.slice(m.index + m[0].length);
    if (/(?:per|every|of the|to)\s$/i.test(prefix) && !/rate of\s$/i.test(prefix)) continue; // denominators, "12 months to 30 June"
    if (/^\s*(?:months|years|weeks|days)\b/i.test(after)) continue;
    if (/^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(after)) continue;
    if (/^(?:19|20)\d\d$/.test(m[0]) && !/^\s*(?:per|%)/.test(after)) continue;
    candidates.push({ value: parseNumberWord(m[0]) ?? Number.NaN, text: m[0], index: m.index, after });
  }
  const withPer = candidates.filter((c) => PER.test(leadingUnitText(c.after)));
  const chosen = withPer[withPer.length - 1] ?? candidates[candidates.length - 1];
  if (!chosen || Number.isNaN(chosen.value)) return null;
  const ewValue = parseNumberWord(ew[1] ?? '');
  const { label, unit } = describe(sentence, before, chosen);
  return {
    category: null,
    label,
    unit,
    period: periodOf(sentence),
    force: chosen.value,
    englandWales: ewValue,
    forceText: chosen.text,
    englandWalesText: `${ew[1] ?? ''}${ew[2] ? '%' : ''}`,
    source: 'text',
    quote: sentence,
    where,
  };
}

/** Words after a number up to the unit: "uses as a place of safety per 100,000 population". */
function leadingUnitText(after: string): string {
  const trimmed = after.trim();
  const perAt = trimmed.search(/\bper\b/i);
  if (perAt < 0) return trimmed;
  return trimmed.slice(perAt);
}

function describe(sentence: string, before: string, c: Candidate): { label: string; unit: string } {
  const after = c.after.trim();
  const perAt = after.search(/\bper\b/i);
  const per = perAt >= 0 ? PER.exec(after.slice(perAt)) : null;
  let measure = (perAt >= 0 ? after.slice(0, perAt) : after)
    .replace(STOP, '')
    .replace(/[,;(].*$/, '')
    .trim();
  let unit = per ? `per ${per[1]} ${(per[2] ?? '').trim()}` : '';
  if (!unit) {
    // "For every 100 domestic abuse-flagged crimes …, there were 36 arrests"
    const every = new RegExp(String.raw`every ${DENOMINATOR} ([a-z][a-z\s-]*?)(?=\s(?:recorded|reported|in|by)\b|[,;])`, 'i').exec(before);
    if (every) unit = `per ${every[1]} ${(every[2] ?? '').trim()}`;
  }
  if (!measure) {
    // "The rate of DVPOs granted is 0.2 per 100 …" / "applied for 3 SCPOs at a rate of 6.8 per 100 …"
    const head = sentence.slice(0, c.index);
    measure =
      /rate of ([A-Za-z][\w\s'-]*?) (?:is|was)\s*$/i.exec(head)?.[1] ?? /\d+ ([A-Z][\w'-]*s?) at a rate of\s*$/.exec(head)?.[1] ?? 'rate';
  }
  return { label: unit ? `${measure} ${unit}` : measure, unit: unit || (/%|per ?cent/.test(after.slice(0, 10)) ? '%' : 'count') };
}
