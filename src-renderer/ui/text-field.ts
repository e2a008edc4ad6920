const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number']);

/**
 * True where typing goes into a field. Workbench shortcuts (undo, B for the brief) stay out of
 * those: there Ctrl+Z is the field's own text undo and letters are text.
 */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return false;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}
