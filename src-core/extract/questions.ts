import type { GradeScale, Pillar } from './types';

/**
 * The questions (2014 to 2018/19) and areas (2021/22 onwards) that PEEL grades, each with the
 * words reports use for it. One home for the vocabulary: a grade stated in a table, under a
 * question heading or in prose is filed under one of these names, so grades of different reports
 * line up in comparisons whatever wording each report used.
 */
export interface Question {
  name: string;
  pillar: Pillar | null;
  re: RegExp;
  /** Narrower questions this one's wording contains ("preventing crime and tackling anti-social behaviour"). */
  over?: readonly string[];
}

const FOUR_POINT: readonly Question[] = [
  {
    name: 'Preventing crime and tackling anti-social behaviour',
    pillar: 'effectiveness',
    re: /prevent\w*,? (?:and deter\w* )?crime|reduc\w* crime and prevent\w* offending/,
    over: ['Tackling anti-social behaviour'],
  },
  // 2014 graded anti-social behaviour as a question of its own.
  { name: 'Tackling anti-social behaviour', pillar: 'effectiveness', re: /anti-?social behaviour/ },
  {
    name: 'Investigating crime and reducing re-offending',
    pillar: 'effectiveness',
    re: /investigat\w* (?:crimes?|offending)|investigation of crime|reducing re-?offending/,
  },
  {
    name: 'Protecting vulnerable people and supporting victims',
    pillar: 'effectiveness',
    re: /protect\w* (?:from harm )?(?:those (?:people )?who are |the )?vulnerable|vulnerable (?:people|victims)|manag\w* (?:of )?vulnerability|response to vulnerab/,
  },
  { name: 'Tackling serious and organised crime', pillar: 'effectiveness', re: /serious (?:and )?organised crime/ },
  { name: 'Specialist capabilities', pillar: 'effectiveness', re: /specialist capabilit/ },
  {
    name: 'Understanding demand',
    pillar: 'efficiency',
    re: /understand\w* (?:of )?(?:its |the )?(?:current (?:and likely future )?)?demand/,
  },
  { name: 'Using resources to meet demand', pillar: 'efficiency', re: /\bus\w* (?:of )?(?:its )?resources/ },
  { name: 'Planning for the future', pillar: 'efficiency', re: /plan\w* for (?:the )?future|future demand/ },
  {
    name: 'Treating the public fairly',
    pillar: 'legitimacy',
    re: /treat\w* (?:all of )?(?:the )?(?:people it serves|public)|fairness and respect/,
  },
  { name: 'Behaving ethically and lawfully', pillar: 'legitimacy', re: /ethical\w*|lawful\w*/ },
  { name: 'Treating the workforce fairly', pillar: 'legitimacy', re: /treat\w* (?:its |the )?workforce|workforce (?:with )?fair/ },
  // Crime data integrity, graded beside the pillars from 2018/19.
  { name: 'Recording crime', pillar: null, re: /record\w* (?:of )?crime|crime data integrity|crime recording/ },
];

const FIVE_POINT: readonly Question[] = [
  { name: 'Providing a service to victims of crime', pillar: 'effectiveness', re: /service (?:it gives |provided )?to victims/ },
  { name: 'Police powers and public treatment', pillar: 'legitimacy', re: /police powers|treat\w* (?:of )?the public|public treatment/ },
  {
    name: 'Preventing crime and anti-social behaviour',
    pillar: 'effectiveness',
    re: /prevent\w*(?: and deter\w*)? crime|anti-?social behaviour/,
  },
  { name: 'Responding to the public', pillar: 'effectiveness', re: /respond\w* to the public/ },
  { name: 'Investigating crime', pillar: 'effectiveness', re: /investigat\w* crimes?/ },
  { name: 'Protecting vulnerable people', pillar: 'effectiveness', re: /protect\w* (?:the )?vulnerable|vulnerable (?:people|victims)/ },
  { name: 'Managing offenders and suspects', pillar: 'effectiveness', re: /manag\w* (?:sex )?offenders/ },
  { name: 'Disrupting serious organised crime', pillar: 'effectiveness', re: /serious (?:and )?organised crime/ },
  {
    name: 'Developing a positive workplace',
    pillar: 'legitimacy',
    re: /positive workplace|building,? supporting and protecting the workforce/,
  },
  { name: 'Good use of resources', pillar: 'efficiency', re: /use of resources|value for money/ },
  { name: 'Leadership and force management', pillar: 'efficiency', re: /leadership and (?:force )?management|strategic planning/ },
  { name: 'Recording data about crime', pillar: 'legitimacy', re: /record\w* (?:data about )?crime|crime data integrity/ },
];

export function questionsOf(scale: GradeScale): readonly Question[] {
  return scale === 'five-point' ? FIVE_POINT : FOUR_POINT;
}

/** The question or area a phrase names, if it names exactly one. */
export function questionOf(phrase: string, scale: GradeScale): Question | null {
  const key = phrase.toLowerCase().replace(/[‘’]/g, "'");
  const hits = questionsOf(scale).filter((q) => q.re.test(key));
  const broad = hits.filter((q) => !hits.some((o) => o.over?.includes(q.name)));
  return broad.length === 1 ? (broad[0] ?? null) : null;
}

// "How effective is the force at keeping people safe and reducing crime?" and its variants name a
// pillar as a whole, not one of its questions.
const PILLAR_WHOLE =
  /keep\w* people safe and reduc\w* crime|reduc\w* crime and keep\w* people safe|in respect of (?:its |the )?(?:effectiveness|efficiency|legitimacy)|efficiency with which the force carries out its responsibilities|(?:effectiveness|efficiency|legitimacy) with which it keeps people safe|operate and how sustainable|treat the public and its workforce|delivers value for money|tackles crime|^to what extent is the force (?:efficient|effective|legitimate)\??$/;

/**
 * The pillar a single-pillar programme is about ("Police efficiency" → efficiency); null for the
 * integrated and later programmes, which grade all three.
 */
export function programmePillar(programme: string): Pillar | null {
  return /^Police (?:effectiveness|efficiency|legitimacy)$/.test(programme) ? pillarWord(programme) : null;
}

export function pillarWord(text: string): Pillar | null {
  const t = text.toLowerCase();
  if (/\beffective(?:ly|ness)?\b/.test(t) || /tackles crime/.test(t)) return 'effectiveness';
  if (/\befficien(?:t|tly|cy)\b|value for money|sustainable/.test(t)) return 'efficiency';
  if (/\blegitima(?:te|tely|cy)\b/.test(t)) return 'legitimacy';
  return null;
}

/** The pillar a phrase grades as a whole ("keeping people safe and reducing crime"), or null. */
export function wholePillar(phrase: string, context: Pillar | null): Pillar | null {
  const t = phrase.toLowerCase();
  if (!PILLAR_WHOLE.test(t)) return null;
  return pillarWord(t) ?? context;
}
