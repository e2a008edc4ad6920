import { titleKey } from './inline';
import type { FindingKind } from './types';

const PROGRESS =
  /\b(?:in (?:20\d\d|our (?:last|previous) (?:inspection|report)),? (?:we|HMICFRS)(?: also)? (?:identified|recommended|found|said|reported)|area for improvement in 20\d\d|previous(?:ly)? (?:identified|inspection|area for improvement)|we commented on this in our 20\d\d)/i;
const POSITIVE =
  /\b(?:good (?:example|practice|awareness|understanding|relationship|arrangements|progress)|positive(?:ly)?|effective(?:ly)?|pleased|improved|well aware|comprehensive|sound and practical|success)\b/gi;
const CONCERN =
  /\b(?:needs? to improve|of concern|concern(?:ed|ing)?|cannot be sure|however|low(?:er)? (?:rate|proportion|figure|use)|limited|not (?:consistently|always|all|yet|fully|able|making)|does not|inconsistent|backlog|missed|should (?:improve|take|ensure|consider)|unable|too few|fewer)\b/gi;

/**
 * A first guess at a finding's kind from where it sits and how it reads. The analyst can override
 * it; the override is audited, the suggestion kept.
 */
export function suggestKind(section: string, subsection: string | null, text: string, caption: boolean): FindingKind {
  const sec = titleKey(section);
  const sub = titleKey(subsection ?? '');
  if (sub === 'areas for improvement' || sub === 'area for improvement') return 'area for improvement';
  if (caption || sec.startsWith('annex') || sec === 'force in numbers' || sec === 'about the data') return 'data note';
  if (sub === 'summary' || sec.endsWith('overview')) return 'judgment summary';
  if (PROGRESS.test(text)) return 'progress on a previous area for improvement';
  if (sec === 'risk-based inspection' || sec === 'introduction') return 'narrative';
  // Inspectorate paragraphs open with their verdict ("Gwent Police needs to improve …"), so the
  // first sentence weighs as much as the rest together.
  const first = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  const score = (re: RegExp) => (first.match(re)?.length ?? 0) * 3 + (text.match(re)?.length ?? 0);
  const positive = score(POSITIVE);
  const concern = score(CONCERN);
  if (concern > positive) return 'concern';
  if (positive > concern) return 'positive practice';
  return 'narrative';
}
