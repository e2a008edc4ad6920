import { COMMANDS, keysFor, type CommandGroup, type HostKind } from './commands';

/**
 * The keys that work inside one view or panel, which the Keyboard shortcuts dialog lists after the
 * app's commands (those come from commands.ts, with the keys the app answers to). Written out here
 * rather than gathered from the handlers: the list is for people, and says where each key works.
 */
export const SHORTCUTS: { where: string; keys: { keys: string[]; does: string }[] }[] = [
  {
    where: 'View tabs',
    keys: [{ keys: ['←', '→', 'Home', 'End'], does: 'Switch between Reports, Findings, Metrics and the other views' }],
  },
  {
    where: 'Findings grid',
    keys: [
      { keys: ['↑', '↓', 'Page Up', 'Page Down'], does: 'Move between findings; the detail panel shows the one you are on' },
      { keys: ['←', '→'], does: 'Move between columns' },
      { keys: ['Enter'], does: 'Go to the annotation editor of the finding' },
      { keys: ['B'], does: 'Include the finding in the brief, or leave it out' },
    ],
  },
  {
    where: 'Finding detail',
    keys: [
      { keys: ['Escape'], does: 'Back to the finding in the grid' },
      { keys: ['Tab'], does: 'Next control: status, RAG, kind, brief, tags, note' },
    ],
  },
  {
    where: 'Metrics grid and metric detail',
    keys: [
      {
        keys: ['V'],
        does: 'Verify and next: mark the figure verified and go to the next unverified figure of its report, with its source shown',
      },
    ],
  },
  {
    where: 'Source panel',
    keys: [
      { keys: ['Ctrl+F'], does: 'Find in the source' },
      { keys: ['Enter', 'Shift+Enter'], does: 'Next or previous match' },
      { keys: ['Escape'], does: 'Close the Source panel' },
    ],
  },
];

const GROUPS: { group: CommandGroup; where: string }[] = [
  { group: 'Go to', where: 'Views' },
  { group: 'File', where: 'Workspace' },
  { group: 'Edit', where: 'Editing (outside a text field)' },
  { group: 'Help', where: 'Help' },
];

/** The app's commands with keys (commands.ts), by group, then the keys of each view (shortcuts.ts). */
export function shortcutGroups(host: HostKind): { where: string; keys: { keys: readonly string[]; does: string }[] }[] {
  const commands = GROUPS.map(({ group, where }) => ({
    where,
    keys: COMMANDS.filter((c) => c.group === group && keysFor(c, host).length > 0).map((c) => ({
      keys: keysFor(c, host),
      does: c.help ?? c.title.replace(/…$/, ''),
    })),
  }));
  return [...commands.filter((g) => g.keys.length > 0), ...SHORTCUTS];
}
