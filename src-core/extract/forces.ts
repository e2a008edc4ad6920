/**
 * The forces HMICFRS inspects under PEEL, each with the names reports and web pages call it by.
 * One home for force names: the extractor, the CLI's --force and comparisons across forces all
 * resolve a name through this list, so "Devon & Cornwall", "the Met" and "Metropolitan Police
 * Service" are one force.
 */
export interface ForceName {
  /** The name as HMICFRS writes it on its reports. */
  name: string;
  /** The place name on its own, as web pages head it ("Dyfed-Powys PEEL 2018"). */
  place: string;
  /** Other names found in reports and pages (lower case, spaces normalised). */
  aliases: readonly string[];
}

function f(name: string, place: string, ...aliases: string[]): ForceName {
  return { name, place, aliases };
}

export const FORCES: readonly ForceName[] = [
  f('Avon and Somerset Constabulary', 'Avon and Somerset', 'avon & somerset constabulary', 'avon and somerset police'),
  f('Bedfordshire Police', 'Bedfordshire'),
  f('Cambridgeshire Constabulary', 'Cambridgeshire'),
  f('Cheshire Constabulary', 'Cheshire', 'cheshire police'),
  f('City of London Police', 'City of London'),
  f('Cleveland Police', 'Cleveland'),
  f('Cumbria Constabulary', 'Cumbria'),
  f('Derbyshire Constabulary', 'Derbyshire', 'derbyshire police'),
  f('Devon and Cornwall Police', 'Devon and Cornwall', 'devon & cornwall police', 'devon & cornwall'),
  f('Dorset Police', 'Dorset'),
  f('Durham Constabulary', 'Durham', 'durham police'),
  f('Dyfed-Powys Police', 'Dyfed-Powys', 'dyfed powys police', 'heddlu dyfed-powys'),
  f('Essex Police', 'Essex'),
  f('Gloucestershire Constabulary', 'Gloucestershire', 'gloucestershire police'),
  f('Greater Manchester Police', 'Greater Manchester', 'gmp'),
  f('Gwent Police', 'Gwent', 'heddlu gwent'),
  f('Hampshire Constabulary', 'Hampshire', 'hampshire and isle of wight constabulary', 'hampshire police'),
  f('Hertfordshire Constabulary', 'Hertfordshire', 'hertfordshire police'),
  f('Humberside Police', 'Humberside'),
  f('Kent Police', 'Kent'),
  f('Lancashire Constabulary', 'Lancashire', 'lancashire police'),
  f('Leicestershire Police', 'Leicestershire'),
  f('Lincolnshire Police', 'Lincolnshire'),
  f('Merseyside Police', 'Merseyside'),
  f(
    'Metropolitan Police Service',
    'Metropolitan',
    'the metropolitan police',
    'metropolitan police',
    'the met',
    'met police',
    'mps',
    'the metropolitan police service',
  ),
  f('Norfolk Constabulary', 'Norfolk', 'norfolk police'),
  f('North Wales Police', 'North Wales', 'heddlu gogledd cymru'),
  f('North Yorkshire Police', 'North Yorkshire'),
  f('Northamptonshire Police', 'Northamptonshire'),
  f('Northumbria Police', 'Northumbria'),
  f('Nottinghamshire Police', 'Nottinghamshire'),
  f('South Wales Police', 'South Wales', 'heddlu de cymru'),
  f('South Yorkshire Police', 'South Yorkshire'),
  f('Staffordshire Police', 'Staffordshire'),
  f('Suffolk Constabulary', 'Suffolk', 'suffolk police'),
  f('Surrey Police', 'Surrey'),
  f('Sussex Police', 'Sussex'),
  f('Thames Valley Police', 'Thames Valley'),
  f('Warwickshire Police', 'Warwickshire'),
  f('West Mercia Police', 'West Mercia'),
  f('West Midlands Police', 'West Midlands'),
  f('West Yorkshire Police', 'West Yorkshire'),
  f('Wiltshire Police', 'Wiltshire', 'wiltshire constabulary'),
  // Inspected under PEEL or its successors, but not territorial forces of England and Wales.
  f('British Transport Police', 'British Transport Police', 'btp'),
  f('Civil Nuclear Constabulary', 'Civil Nuclear Constabulary'),
  f('Ministry of Defence Police', 'Ministry of Defence Police'),
  f('Police Service of Northern Ireland', 'Northern Ireland', 'psni'),
];

export function nameKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/&/g, 'and')
    .replace(/[–—-]/g, ' ')
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_KEY = new Map<string, ForceName>();
for (const force of FORCES) {
  for (const n of [force.name, force.place, ...force.aliases]) BY_KEY.set(nameKey(n), force);
}

/** The force a name stands for, if the name is one of the known forms of a force's name. */
export function resolveForce(name: string): ForceName | null {
  const key = nameKey(name);
  return BY_KEY.get(key) ?? BY_KEY.get(key.replace(/^the /, '')) ?? null;
}

const SUFFIX = String.raw`(?:Police Service|Police|Constabulary)`;
// Names that end a force's name: "Dyfed-Powys Police", "Durham Constabulary", "Metropolitan Police Service".
const NAMED = new RegExp(String.raw`\b((?:[A-Z][\w’'&-]*\s+){0,3}?(?:(?:and|&|of)\s+)?(?:[A-Z][\w’'&-]*\s+)?)${SUFFIX}\b`, 'g');

export interface ForceMention {
  force: ForceName | null;
  /** The words as written. */
  text: string;
}

/**
 * Every force named in a line of text, in order. A name that ends in "Police" or "Constabulary"
 * but is not a known force is returned with force null, so the caller can warn rather than refuse.
 */
export function forcesIn(text: string): ForceMention[] {
  const out: ForceMention[] = [];
  for (const m of text.matchAll(NAMED)) {
    const words = (m[1] ?? '').trim();
    const full = m[0].trim();
    const found = longestKnown(full) ?? longestKnown(words);
    if (found) out.push({ force: found.force, text: found.text });
    else if (words && !GENERIC.test(words)) out.push({ force: null, text: full });
  }
  return out;
}

const GENERIC = /^(?:the|a|an|each|every|other|all|this|that|their|its|our|his|her|local|national|the local|british)$/i;

function longestKnown(text: string): { force: ForceName; text: string } | null {
  const words = text.split(/\s+/);
  for (let start = 0; start < words.length; start++) {
    const part = words.slice(start).join(' ');
    const force = resolveForce(part);
    if (force) return { force, text: part };
  }
  return null;
}
