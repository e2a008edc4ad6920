import type { Locator, Page } from '@playwright/test';

/**
 * The roles a person acts on: each such control, as assistive technology lists it ("Elements list"
 * in a screen reader), must say what it acts on, and no two visible ones may say the same thing:
 * three "Include in brief" in a list of ten rows cannot be told apart by ear. Options of a select,
 * the cells of a grid and column headers (two tables of one view may both have a "Yes" column) are
 * values and labels, not controls, and repeat by nature; they are left out.
 */
export const CONTROL_ROLES = [
  'button',
  'link',
  'checkbox',
  'radio',
  'switch',
  'combobox',
  'textbox',
  'searchbox',
  'spinbutton',
  'slider',
  'tab',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'treeitem',
  // A splitter the keyboard can move (react-resizable-panels' Separator): named when focusable.
  'separator',
] as const;

export interface Control {
  role: string;
  name: string;
}

export interface NameReport {
  controls: Control[];
  /** Role and name used by more than one control: "checkbox “Include in brief” ×3". */
  duplicates: string[];
  /** Controls with no name at all (separators without a name are decoration, not counted). */
  unnamed: string[];
}

// One line of Playwright's aria snapshot: `- button "Save view" [pressed]` or `- textbox "Name": text`.
// A line with a colon in it is quoted as a whole by YAML: `- 'checkbox "Chart: Incidents…"'`.
const LINE = /^\s*- '?([a-z]+)(?: "((?:[^"\\]|\\.)*)")?/;

/** The snapshot quotes names as JSON does; an escape JSON does not know is kept as written. */
function unquote(quoted: string): string {
  try {
    return JSON.parse(`"${quoted}"`) as string;
  } catch {
    return quoted;
  }
}

/**
 * Every control visible in `scope` (the page by default) with the accessible name the browser
 * computes, read from Playwright's aria snapshot (which leaves out what is hidden, display:none,
 * aria-hidden or inert), and the names that repeat.
 */
export async function controlNames(page: Page, scope?: Locator): Promise<NameReport> {
  const yaml = await (scope ?? page.locator('body')).ariaSnapshot();
  const controls: Control[] = [];
  const unnamed: string[] = [];
  for (const line of yaml.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const role = m[1] ?? '';
    if (!(CONTROL_ROLES as readonly string[]).includes(role)) continue;
    if (m[2] === undefined) {
      if (role !== 'separator') unnamed.push(`${role} (no name): ${line.trim()}`);
      continue;
    }
    controls.push({ role, name: unquote(m[2]) });
  }
  // Role and name together: a screen reader says both ("Status, column header" is not mistaken
  // for "Status, combo box"), so a name repeats only within one role.
  const counts = new Map<string, number>();
  for (const c of controls) {
    const key = `${c.role} “${c.name}”`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const duplicates = [...counts].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`);
  return { controls, duplicates, unnamed };
}
