/**
 * The shortcuts the Keyboard shortcuts dialog lists. Written out here rather than gathered from
 * the handlers: the list is for people, and says where each key works and what it does.
 */
export const SHORTCUTS: { where: string; keys: { keys: string[]; does: string }[] }[] = [
  {
    where: 'Anywhere outside a text field',
    keys: [
      { keys: ['Ctrl+Z'], does: 'Undo the last change (in a text field, Ctrl+Z undoes typing)' },
      { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], does: 'Redo the change undone last' },
      { keys: ['Ctrl+/'], does: 'Show this list' },
    ],
  },
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
