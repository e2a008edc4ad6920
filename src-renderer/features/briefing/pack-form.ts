import {
  PACK_SECTIONS,
  packDefinitionSchema,
  type Marking,
  type PackDefinition,
  type PackFeed,
  type PackSectionKey,
} from '../../../src-core/brief/definition';

/**
 * The Briefing form as the analyst fills it in. Unlike a PackDefinition it may be incomplete: the
 * marking starts unchosen, on purpose. Marking is the originator's decision under the Government
 * Security Classifications; a preselected OFFICIAL invites under-marking sensitive findings, and
 * a preselected OFFICIAL-SENSITIVE trains people to accept whatever is there. Nothing is exported
 * or saved until someone has chosen.
 */
export interface PackForm {
  title: string;
  audience: string;
  author: string;
  date: string;
  marking: Marking | null;
  caveat: string;
  sections: PackSectionKey[];
  /** Empty: every report in the workspace. */
  reportIds: number[];
  /** Which findings feed the pack: those marked include-in-brief within this. */
  findings: PackFeed;
}

/** Today in the analyst's time zone, as the date a pack is dated. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function newPackForm(author: string, now = new Date()): PackForm {
  return {
    title: 'Briefing',
    audience: '',
    author,
    date: today(now),
    marking: null,
    caveat: '',
    sections: [...PACK_SECTIONS],
    reportIds: [],
    findings: { kind: 'all' },
  };
}

export function formOf(definition: PackDefinition): PackForm {
  return { ...definition, sections: [...definition.sections], reportIds: [...definition.reportIds] };
}

/** What is missing or wrong, by field, in words the form shows beside it. */
export type FormProblems = Partial<
  Record<'title' | 'author' | 'date' | 'marking' | 'caveat' | 'sections' | 'audience' | 'findings', string>
>;

const MESSAGES: Record<keyof FormProblems, string> = {
  title: 'Give the pack a title (up to 200 characters).',
  audience: 'Keep the audience to 200 characters.',
  author: 'Say who the pack is from (up to 200 characters).',
  date: 'Give the date as a calendar date.',
  marking: 'Choose the protective marking.',
  caveat: 'Keep the handling caveat to 120 characters.',
  sections: 'Choose at least one section.',
  findings: 'Choose where the findings come from.',
};

/** The form as a definition ready to build, or what must be put right first. */
export function definitionOf(form: PackForm): { ok: true; definition: PackDefinition } | { ok: false; problems: FormProblems } {
  const problems: FormProblems = {};
  if (form.marking === null) problems.marking = MESSAGES.marking;
  const parsed = packDefinitionSchema.safeParse({
    ...form,
    // Sections in the pack's own order, whatever order they were ticked in.
    sections: PACK_SECTIONS.filter((s) => form.sections.includes(s)),
    marking: form.marking ?? 'OFFICIAL',
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && field in MESSAGES) problems[field as keyof FormProblems] ??= MESSAGES[field as keyof FormProblems];
    }
  }
  if (Object.keys(problems).length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, definition: parsed.data };
}
