import { NUM, periodOf } from './text-metrics';
import type { Metric, SourcePos } from './types';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
// A financial or inspection year, where the sentence gives no "12 months to": "savings in 2015/16".
const YEAR_PERIOD = /\b(?:in|during) ((?:19|20)\d\d(?:[/–-]\d\d)?)\b/;
const MONTH_AFTER = new RegExp(String.raw`^\s*(?:${MONTHS})\b`);
const FIGURE = new RegExp(String.raw`(£\s?)?(${NUM})(?:\s?(m|bn|k|million|billion)\b)?`, 'g');

// Nouns a count is a figure of. Counts of other things ("12 areas of policing", "43 police forces",
// "three questions") describe the inspection, not the force.
const COUNTED =
  /^(?:(?:domestic abuse|high-risk|serious|organised|police|case|crime|'right to (?:know|ask)'|‘right to (?:know|ask)’|new|additional|more|fewer|frontline|response|neighbourhood|specialist|trained|sworn|full-time|vulnerable|missing|emergency|non-emergency|999|101)\s+){0,3}(?:cases|officers|staff|applications|arrests|referrals|disclosures|incidents|crimes|offences|victims|calls|files|investigations|complaints|children|people|suspects|offenders|reports|minutes|hours|days|absences|vacancies|posts|investigators|detectives|PCSOs|volunteers|members|stops|searches|orders|notices|DVPNs|DVPOs|SCPOs|groups|OCGs|warrants|outcomes)\b/i;
const NOT_A_FIGURE_BEFORE =
  /(?:\bpage|\bparagraph|\bannex|\bfigure|\btable|\bsection|\bnumber|\bstage|\bphase|\btier|\bversion|\bfootnote|\bquestion)\s*$/i;

export interface FigureOptions {
  /** Numbers (as printed) already read as a comparison from this sentence. */
  taken: Set<string>;
}

/**
 * Figures a sentence states without an England and Wales comparator: percentages ("a disclosure
 * rate of 44 percent", "(38%)"), rates ("23 cases to a MARAC per 10,000 females", "5.2 absences per
 * officer"), sums of money ("£47.3m") and counts of things ("500 officers", "20 minutes"). Dates,
 * years, the "12 months to …" of a period and numbers of pages or sections are not figures.
 */
export function figuresInSentence(sentence: string, where: SourcePos, opts: FigureOptions): Metric[] {
  const out: Metric[] = [];
  const periodText = periodOf(sentence) ?? YEAR_PERIOD.exec(sentence)?.[1] ?? null;
  const re = new RegExp(FIGURE);
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const text = m[0];
    const digits = m[2] ?? '';
    const before = sentence.slice(0, m.index);
    const after = sentence.slice(m.index + text.length);
    if (/[\w/.-]$/.test(before) || /^(?:[/:]\d|\.\d|-\d|\d)/.test(after)) continue; // inside a word, date or range like 2015/16
    if (opts.taken.has(digits)) continue;
    if (NOT_A_FIGURE_BEFORE.test(before)) continue;
    if (MONTH_AFTER.test(after)) continue;
    if (/^\s*(?:months|years|weeks)\b/i.test(after)) continue;
    if (/^(?:19|20)\d\d$/.test(digits) && !/^\s*(?:%|per\b|percent)/i.test(after)) continue;
    if (/\b(?:per|every)\s+$/i.test(before)) continue; // the denominator of a rate
    const value = Number(digits.replace(/,/g, ''));
    const money = Boolean(m[1]);
    let unit: string | null = null;
    let label = '';
    const pct = /^\s*(?:%|percent\b|per cent\b)/i.exec(after);
    const per = /^\s+((?:[\w'‘’-]+\s+){0,6}?)per\s+((?:\d{1,3}(?:,\d{3})+|\d+)\s+)?([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)/i.exec(after);
    const counted = COUNTED.exec(after.trimStart());
    if (money) {
      unit = `£${m[3] ? (m[3] === 'million' ? 'm' : m[3] === 'billion' ? 'bn' : m[3]) : ''}`;
      label = words(after, 6) || words(before, 5, true);
    } else if (pct) {
      unit = '%';
      label = percentLabel(before);
    } else if (per && !/[.;]/.test(per[1] ?? '')) {
      const denominator = per[2] ? `${per[2].trim()} ` : '';
      unit = `per ${denominator}${cutUnit(per[3] ?? '')}`;
      label = `${(per[1] ?? '').trim()} ${unit}`.trim();
    } else if (counted) {
      unit = 'count';
      label = countLabel(counted[0], after.trimStart().slice(counted[0].length));
    }
    if (!unit) continue;
    out.push({
      category: null,
      label: label || unit,
      unit,
      period: periodText,
      force: value,
      englandWales: null,
      forceText: text.trim(),
      englandWalesText: '',
      source: 'text',
      quote: sentence,
      where,
    });
  }
  return out;
}

/**
 * What a count counts: the noun and the words that say which ("files reviewed which had a
 * vulnerable victim"), up to the sentence's punctuation, its verb or a preposition, at most seven words.
 */
function countLabel(noun: string, rest: string): string {
  const words =
    rest
      .split(/[,.;:()]/)[0]
      ?.trim()
      .split(/\s+/)
      .filter(Boolean) ?? [];
  const stop = words.findIndex((w) =>
    /^(?:were|was|are|is|have|has|had been|in|at|on|per|for|to|from|by|with|during|over|since|and|or|but)$/i.test(w),
  );
  const kept = words.slice(0, stop < 0 ? words.length : stop);
  return [noun, ...kept].slice(0, 7).join(' ');
}

function cutUnit(s: string): string {
  return s.replace(/\s+(?:and|or|in|which|this|that|was|were|is|are|the|a)$/i, '').trim();
}

function words(s: string, n: number, fromEnd = false): string {
  const w = s.replace(/[()]/g, ' ').trim().split(/\s+/).filter(Boolean);
  const part = fromEnd ? w.slice(-n) : w.slice(0, n);
  return part.join(' ').replace(/[.,;:]+$/, '');
}

/** "This is a disclosure rate of 44 percent" → "disclosure rate"; "victims (38%)" → "victims". */
function percentLabel(before: string): string {
  // "Referrals have decreased by 24.8 percent": the figure is the size of a change, its direction in the label.
  const change =
    /\b([A-Za-z][\w'’ -]{1,40}?)\s+(?:have|has)\s+(increased|decreased|fallen|risen|dropped|grown|gone up|gone down)\s+by\s*$/i.exec(
      before,
    );
  if (change) {
    const up = /increased|risen|grown|gone up/i.test(change[2] ?? '');
    return `${up ? 'Increase' : 'Decrease'} in ${(change[1] ?? '').replace(/^(?:the|its)\s+/i, '').toLowerCase()}`;
  }
  const rate = /\b(?:a|an|the|its)\s+([\w\s'’-]{2,40}?)\s+(rate|proportion|percentage|figure)\s+of\s*$/i.exec(before);
  if (rate) return `${rate[1] ?? ''} ${rate[2] ?? ''}`.trim();
  return words(before.replace(/\(\s*$/, ''), 6, true).replace(/^(?:and|of|by|at|to|is|was|the|a)\s+/i, '');
}
