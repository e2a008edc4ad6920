/** How long to wait for a view to render the element asked for (the Reports view reads its reports first). */
const WAIT_MS = 3000;
const STEP_MS = 50;

let pending: ReturnType<typeof setTimeout> | null = null;

/**
 * Scrolls the element with this id into view and gives it focus, once the view shows it: the
 * palette's "Go to report" switches the view first, and the view renders after it has read the
 * workspace (or, kept mounted, is shown again). The element is made focusable (tabindex -1, out of the tab order) if it is not, so a
 * screen reader and the keyboard carry on from it. A newer request replaces an unfinished one.
 */
export function revealElement(id: string, doc: Document = document): void {
  if (pending !== null) clearTimeout(pending);
  const started = Date.now();
  const attempt = () => {
    pending = null;
    const element = doc.getElementById(id);
    // Not there yet, or there but hidden (a view kept mounted behind another shows on the next render).
    if (!element || element.getClientRects().length === 0) {
      if (Date.now() - started < WAIT_MS) pending = setTimeout(attempt, STEP_MS);
      return;
    }
    if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.tabIndex = -1;
    element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
  };
  attempt();
}
