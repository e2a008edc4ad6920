import { forcesIn, resolveForce, type ForceName } from './forces';
import { normalizeSpace } from './inline';
import { pillarWord } from './questions';
import type { Tok } from './tokens';
import type { ExtractWarning, GradeScale, ReportMeta, SourcePos } from './types';

/** What the user states that the text cannot (the CLI's --force, --programme and --year). */
export interface MetaOverrides {
  force?: string;
  programme?: string;
  year?: number;
}

export interface MetaResult {
  meta: ReportMeta | null;
  /** What a text lacks to be taken for a police inspection document at all. */
  missing: string[];
  warnings: ExtractWarning[];
}

const PILLAR_PROGRAMME: Record<string, string> = {
  effectiveness: 'Police effectiveness',
  efficiency: 'Police efficiency',
  legitimacy: 'Police legitimacy',
  leadership: 'Police leadership',
};
export const INTEGRATED = 'Police effectiveness, efficiency and legitimacy';
export const PROGRAMMES = [...Object.values(PILLAR_PROGRAMME), 'PEEL assessment', INTEGRATED, 'PEEL'] as const;

// "PEEL: Police effectiveness, efficiency and legitimacy 2018/19"
const INTEGRATED_TITLE = /\bPEEL:?\s+Police\s+effectiveness,?\s+efficiency\s+and\s+legitimacy\s+(20\d\d\s*\/\s*\d\d)/i;
// "PEEL: Police effectiveness 2017", "PEEL: effectiveness 2017" (a PDF whose title lost a word)
const PILLAR_TITLE = /\bPEEL:?\s+(?:Police\s+)?(effectiveness|efficiency|legitimacy|leadership)\s+((?:19|20)\d\d)\b/i;
// "PEEL 2021/22", "PEEL 2023–25", "PEEL 2023–2025", and "PEEL 202325" where a copy lost the dash
const NEW_TITLE = /\bPEEL:?\s+(20\d\d)\s*(?:([/–—-])\s*(?:20)?(\d\d)|(\d\d)(?!\d))\b/;
// Web page headings: "Dyfed-Powys PEEL 2017", "Dyfed-Powys 2017", "Merseyside 2018/19"
const WEB_HEADING = /^(.{3,40}?)\s+(?:PEEL\s+)?(20\d\d)(?:\/(\d\d))?$/;
const FORCE_OF = /\bAn?\s+inspection\s+of\s+(?:the\s+)?(.+?)(?:[.,:;–—(]|$)/i;
const MONTH = /^(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)$/;
const ISBN = /\bISBN:?\s*(97[89][\d\s-]{10,16}\d)/;
const INSPECTORATE =
  /\b(?:HMICFRS|HMIC|HM Inspectorate|Her Majesty[’']s Inspectorate|His Majesty[’']s Inspectorate|Inspectorate of Constabulary|PEEL)\b/i;
const POLICING = /\b(?:police|constabulary|policing|the force)\b/i;

interface Title {
  programme: string;
  period: string;
  year: number;
  tok: Tok;
  /** The force a web page's heading names ("Dyfed-Powys PEEL 2017"). */
  force?: ForceName;
}

/**
 * Reads what report this is: its force, programme, period and grading scale, from the title page
 * of a report, the heading of a web page, or the first lines that name a force. Only a text that is
 * clearly not about a police inspection is refused; a report whose title or force cannot be read
 * gets a warning and the values the user stated.
 */
export function parseReportMeta(head: Tok[], all: Tok[], overrides: MetaOverrides = {}): MetaResult {
  const lines = head.filter((t) => !t.blank && t.text);
  const warnings: ExtractWarning[] = [];
  const text = all.map((t) => t.text).join('\n');
  const missing: string[] = [];
  if (!INSPECTORATE.test(text) || !POLICING.test(text)) {
    if (!INSPECTORATE.test(text)) missing.push('any mention of an inspection (HMICFRS, HMIC or PEEL)');
    if (!POLICING.test(text)) missing.push('any mention of a police force');
    return { meta: null, missing, warnings };
  }

  const title = findTitle(lines, all);
  const force = findForce(lines, all, title?.force ?? null, warnings);
  let published: string | null = null;
  let isbn: string | null = null;
  for (const t of lines) {
    const mo = MONTH.exec(t.text);
    if (mo && !published) published = `${mo[1]} ${mo[2]}`;
    const i = ISBN.exec(t.text);
    if (i && !isbn) isbn = (i[1] ?? '').replace(/\s+/g, '');
  }

  const framework = title ? null : periodInBody(all);
  if (framework) {
    warnings.push({
      code: 'report-part-missing',
      message: `No title or heading names the inspection; its period ${framework.period} is read from "${framework.quote}" (give --year to say otherwise)`,
      where: framework.tok.pos,
    });
  }
  let programme = title?.programme ?? framework?.programme ?? null;
  let period = title?.period ?? framework?.period ?? null;
  let year = title?.year ?? framework?.year ?? null;
  if (overrides.programme) programme = overrides.programme;
  if (overrides.year) {
    if (year !== overrides.year) period = String(overrides.year);
    year = overrides.year;
  }
  const forceName = overrides.force ? (resolveForce(overrides.force)?.name ?? overrides.force) : (force?.name ?? null);
  if (year === null || period === null) {
    missing.push('a title or heading naming the inspection year (e.g. "PEEL: Police effectiveness 2017"); give it with --year');
  }
  if (!forceName) missing.push('the force inspected (e.g. "An inspection of Gwent Police"); give it with --force');
  if (year === null || period === null || !forceName) return { meta: null, missing, warnings };
  if (!programme) {
    programme = year >= 2021 ? 'PEEL' : 'PEEL assessment';
    warnings.push({
      code: 'report-part-missing',
      message: `No title naming the PEEL programme was found; filed as "${programme} ${period}" (give --programme to say otherwise)`,
      where: null,
    });
  }
  const scale: GradeScale = year >= 2021 ? 'five-point' : 'four-point';
  const where: SourcePos = title?.tok.pos ?? lines[0]?.pos ?? { line: 1 };
  return {
    meta: { title: titleOf(programme, period), force: forceName, programme, period, year, scale, published, isbn, where },
    missing,
    warnings,
  };
}

// "set out in the PEEL Assessment Framework 2021/22": a page without a title still says which
// inspection's framework it was assessed against.
const BODY_PERIOD = /\bPEEL\s+(?:Assessment\s+Framework|assessments?|inspections?)\s+(20\d\d)\s*([/–-])\s*(\d\d)\b/i;

function periodInBody(all: Tok[]): { programme: string; period: string; year: number; quote: string; tok: Tok } | null {
  for (const t of all) {
    const m = BODY_PERIOD.exec(t.text);
    if (!m) continue;
    const year = Number(m[1]);
    const period = `${year}${m[2] === '-' ? '–' : m[2]}${m[3]}`;
    return { programme: year >= 2021 ? 'PEEL' : INTEGRATED, period, year, quote: m[0], tok: t };
  }
  return null;
}

export function titleOf(programme: string, period: string): string {
  if (programme === 'PEEL') return `PEEL ${period}`;
  if (programme === 'PEEL assessment') return `PEEL assessment ${period}`;
  return `PEEL: ${programme} ${period}`;
}

function findTitle(lines: Tok[], all: Tok[]): Title | null {
  for (const t of lines) {
    const s = normalizeSpace(t.text);
    const integrated = INTEGRATED_TITLE.exec(s);
    if (integrated) {
      const period = (integrated[1] ?? '').replace(/\s+/g, '');
      return { programme: INTEGRATED, period, year: Number(period.slice(0, 4)), tok: t };
    }
    const pillar = PILLAR_TITLE.exec(s);
    if (pillar) {
      return {
        programme: PILLAR_PROGRAMME[(pillar[1] ?? '').toLowerCase()] ?? 'PEEL assessment',
        period: pillar[2] ?? '',
        year: Number(pillar[2]),
        tok: t,
      };
    }
    const peel = NEW_TITLE.exec(s);
    if (peel && Number(peel[1]) >= 2018) {
      const first = Number(peel[1]);
      const second = peel[3] ?? peel[4];
      // A second year must be the next or a later one: "PEEL 2023–25", not a stray number.
      if (second && Number(second) > first % 100 && Number(second) <= (first % 100) + 3) {
        const sep = peel[2] ?? '–';
        const period = `${first}${sep === '-' ? '–' : sep}${second}`;
        return { programme: first >= 2021 ? 'PEEL' : INTEGRATED, period, year: first, tok: t };
      }
    }
    const web = WEB_HEADING.exec(s);
    const force = web ? resolveForce(web[1] ?? '') : null;
    if (web && force) {
      const year = Number(web[2]);
      const short = web[3];
      if (year === 2018 || short === '19') return { programme: INTEGRATED, period: '2018/19', year: 2018, tok: t, force };
      const at = all.indexOf(t);
      const after = all.slice(at + 1, at + 12).filter((x) => !x.blank);
      return { programme: webProgramme(after), period: short ? `${year}/${short}` : String(year), year, tok: t, force };
    }
  }
  return null;
}

/** A web page is a pillar's page when the first heading or question after its title names one pillar. */
function webProgramme(after: Tok[]): string {
  for (const t of after.slice(0, 4)) {
    const s = t.text.trim();
    if (/^(?:Effectiveness|Efficiency|Legitimacy|Leadership)$/i.test(s)) return PILLAR_PROGRAMME[s.toLowerCase()] ?? 'PEEL assessment';
    if (/^(?:How|To what extent)\b.*\?$/.test(s) || /^How well the force/.test(s)) {
      const p = pillarWord(s);
      if (p) return PILLAR_PROGRAMME[p] ?? 'PEEL assessment';
    }
  }
  return 'PEEL assessment';
}

function findForce(lines: Tok[], all: Tok[], heading: ForceName | null, warnings: ExtractWarning[]): ForceName | null {
  let named: { text: string; tok: Tok } | null = null;
  for (const t of lines) {
    const m = FORCE_OF.exec(normalizeSpace(t.text));
    if (!m) continue;
    const mention = forcesIn(m[1] ?? '')[0];
    if (mention?.force) return mention.force;
    const words = normalizeSpace(m[1] ?? '');
    const direct = resolveForce(words);
    if (direct) return direct;
    // The title's "inspection of" is the report's; a later one quotes another report.
    if (mention) {
      named = { text: mention.text, tok: t };
      break;
    }
  }
  if (heading) return heading;
  // Only where the title names no force at all: the first sentences name it ("Dyfed-Powys Police
  // is good at …"). A title that names a force this list lacks is believed, with a warning below.
  for (const t of named ? [] : all.slice(0, 400)) {
    if (t.blank) continue;
    const known = forcesIn(t.text).find((m) => m.force);
    if (known?.force) return known.force;
  }
  if (named) {
    warnings.push({
      code: 'force-unknown',
      message: `"${named.text}" is not one of the forces HMICFRS inspects under PEEL; check the name (or give --force)`,
      where: named.tok.pos,
    });
    return { name: named.text, place: named.text, aliases: [] };
  }
  return null;
}
