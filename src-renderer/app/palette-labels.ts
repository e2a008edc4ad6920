import type { FindingRow } from '../../src-core/query/model/findings';

export interface PaletteReport {
  id: number;
  title: string;
  force: string;
  period: string;
}

/** How many words of a finding the palette shows: enough to tell two findings of a section apart. */
const FIRST_WORDS = 14;

/** A report as the palette lists it: its force, period and title, each once ("Gwent Police, 2017: PEEL: Police effectiveness 2017"). */
export function reportLabel(r: PaletteReport): string {
  const head = r.title.includes(r.force) ? r.title : `${r.force}: ${r.title}`;
  return r.period && !head.includes(r.period) ? `${head} (${r.period})` : head;
}

/** A finding as the palette lists it: where it sits, and its first words (the full text is a click away). */
export function findingLabel(f: Pick<FindingRow, 'section' | 'subsection' | 'text'>): { section: string; words: string } {
  const all = f.text.trim().split(/\s+/);
  const words = all.slice(0, FIRST_WORDS).join(' ') + (all.length > FIRST_WORDS ? '…' : '');
  return { section: f.subsection ? `${f.section} › ${f.subsection}` : f.section, words };
}
