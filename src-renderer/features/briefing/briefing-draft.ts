import type { PackForm } from './pack-form';

/**
 * The pack being edited, kept while the analyst visits another view (the Briefing view unmounts
 * when its tab is left) so that, say, marking a finding in the Findings view and coming back does
 * not lose the form. Per workspace: another workspace starts a new pack.
 */
interface Draft {
  handle: string;
  form: PackForm;
  openId: number | null;
}

let draft: Draft | null = null;

export function readDraft(handle: string): Draft | null {
  return draft && draft.handle === handle ? draft : null;
}

export function keepDraft(next: Draft): void {
  draft = next;
}
