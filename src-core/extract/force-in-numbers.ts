import { titleKey } from './inline';
import type { Tok } from './tokens';
import type { ExtractWarning, Metric } from './types';
import { parsePrintedValue, plausibleAgainst } from './values';

// Panels of the "Force in numbers" graphic across the PEEL years. In Markdown they are headings;
// in plain text they are bare lines, so they are recognised by name.
const CATEGORIES = [
  'calls for assistance',
  'anti-social behaviour',
  'crime (excluding fraud)',
  'crime',
  'crime outcomes',
  'domestic abuse',
  'organised crime groups',
  'victim satisfaction',
  'stop and search',
  'missing persons',
  'firearms',
  'workforce',
];

const PERIOD =
  /\s*((?:in the )?12 months to \d{1,2} [A-Z][a-z]+ \d{4}(?: against 12 months to \d{1,2} [A-Z][a-z]+ \d{4})?|as at \d{1,2} [A-Z][a-z]+ \d{4}|\d{4}(?:\/\d{2,4})?)\s*$/;
const EW = /^england and wales$/i;

/**
 * The "Force in numbers" graphic: panels of label lines, then the force name and its value, then
 * "England and Wales" and its value. Each pair becomes one metric, labelled with what preceded it.
 */
export function parseForceInNumbers(toks: Tok[], force: string, warnings: ExtractWarning[]): Metric[] {
  const lines = toks.filter((t) => !t.blank && !t.rule && t.text !== '');
  const metrics: Metric[] = [];
  let category: string | null = null;
  let label: Tok[] = [];
  let note: string | null = null;
  const forceKey = titleKey(force);
  const starred = new Set<Metric>();
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i] as Tok;
    const key = titleKey(t.text);
    if ((t.heading > 0 && !parsePrintedValue(t.text)) || CATEGORIES.includes(key.replace(/\*$/, ''))) {
      category = t.text;
      label = [];
      continue;
    }
    // "*Figures are shown as …": the note under a starred panel, which may wrap over lines.
    if (/^\*/.test(t.text) || note !== null) {
      note = note === null ? t.text : `${note} ${t.text}`;
      continue;
    }
    if (key === forceKey || key === 'force') {
      const fv = parsePrintedValue(lines[i + 1]?.text ?? '');
      const ewName = lines[i + 2];
      const ev = parsePrintedValue(lines[i + 3]?.text ?? '');
      if (fv && ewName && EW.test(ewName.text) && ev) {
        const m = metricOf(category, label, force, fv, ev, t);
        if (category?.endsWith('*')) starred.add(m);
        metrics.push(m);
        i += 3;
      } else {
        warnings.push({
          code: 'metric-incomplete',
          message: `Force in numbers: "${label.map((l) => l.text).join(' ') || category}" has no pair of ${force} and England and Wales values`,
          where: t.pos,
        });
      }
      label = [];
      continue;
    }
    label.push(t);
  }
  // "*Figures are shown as proportions of outcomes … in the 12 months to 30 June 2017": the note
  // under a starred panel carries that panel's period.
  const notePeriod = note ? (/12 months to \d{1,2} [A-Z][a-z]+ \d{4}/.exec(note)?.[0] ?? null) : null;
  for (const m of metrics) {
    if (m.period === null && starred.has(m) && notePeriod) m.period = notePeriod;
    // Changes are compared in percentage points; a small national change makes any ratio huge.
    if (m.unit !== '% change' && !plausibleAgainst(m.force, m.englandWales)) {
      warnings.push({
        code: 'metric-implausible',
        message: `"${m.label}": ${force} ${m.forceText} against England and Wales ${m.englandWalesText} is more than ten times apart; check it against the source`,
        where: m.where,
      });
    }
  }
  return metrics;
}

function metricOf(
  category: string | null,
  labelToks: Tok[],
  force: string,
  fv: NonNullable<ReturnType<typeof parsePrintedValue>>,
  ev: NonNullable<ReturnType<typeof parsePrintedValue>>,
  at: Tok,
): Metric {
  const full =
    labelToks
      .map((l) => l.text)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim() || (category ?? '').replace(/\*$/, '');
  const pm = PERIOD.exec(full);
  const label = (pm ? full.slice(0, pm.index) : full).trim();
  const period = pm ? (pm[1] ?? '').replace(/^in the /, '') : null;
  return {
    category: category ? category.replace(/\*$/, '').trim() : null,
    label,
    unit: unitOf(label, category, fv.percent || ev.percent),
    period,
    force: fv.value,
    englandWales: ev.value,
    forceText: fv.text,
    englandWalesText: ev.text,
    source: 'force-in-numbers',
    quote: `${full}: ${force} ${fv.text}; England and Wales ${ev.text}`,
    where: labelToks[0]?.pos ?? at.pos,
  };
}

function unitOf(label: string, category: string | null, percent: boolean): string {
  if (percent) {
    if (/^change\b/i.test(label)) return '% change';
    if (/outcomes/i.test(category ?? '')) return '% of outcomes';
    return '%';
  }
  const per = /\bper (one million|1 million|[\d,]+|million) ([a-z]+)/i.exec(label);
  if (per) return `per ${per[1]} ${per[2]}`;
  return 'count';
}
