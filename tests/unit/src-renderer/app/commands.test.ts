import { describe, expect, it } from 'vitest';
import {
  chordMatches,
  commandForKey,
  COMMANDS,
  findCommands,
  keysFor,
  matchesWords,
  parseChord,
  type KeyFacts,
} from '../../../../src-renderer/app/commands';
import { shortcutGroups } from '../../../../src-renderer/app/shortcuts';
import { findingLabel, reportLabel } from '../../../../src-renderer/app/palette-labels';

const press = (key: string, mods: Partial<KeyFacts> = {}, code = ''): KeyFacts => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('the command list', () => {
  it('gives no two commands the same keys in either host', () => {
    for (const host of ['electron', 'browser'] as const) {
      const all = COMMANDS.flatMap((c) => keysFor(c, host));
      expect(new Set(all).size, host).toBe(all.length);
    }
  });

  it('runs each command by each of its keys, and only that command', () => {
    for (const host of ['electron', 'browser'] as const)
      for (const c of COMMANDS)
        for (const keys of keysFor(c, host)) {
          const chord = parseChord(keys);
          const e = press(chord.key, { ctrlKey: chord.ctrl, shiftKey: chord.shift, altKey: chord.alt });
          expect(commandForKey(e, host, false)?.id, `${host} ${keys}`).toBe(c.id);
        }
  });

  it('keeps Ctrl+N off the browser, which opens a window with it before the page hears it', () => {
    const ctrlN = press('n', { ctrlKey: true });
    expect(commandForKey(ctrlN, 'electron', false)?.id).toBe('file.new');
    expect(commandForKey(ctrlN, 'browser', false)).toBeNull();
    expect(commandForKey(press('n', { ctrlKey: true, altKey: true }), 'browser', false)?.id).toBe('file.new');
  });

  it('opens the palette with Ctrl+K and Ctrl+Shift+P (Cmd on a Mac), even from a text field', () => {
    expect(commandForKey(press('k', { ctrlKey: true }), 'browser', true)?.id).toBe('view.commandPalette');
    expect(commandForKey(press('K', { metaKey: true }), 'electron', false)?.id).toBe('view.commandPalette');
    expect(commandForKey(press('P', { ctrlKey: true, shiftKey: true }), 'browser', false)?.id).toBe('view.commandPalette');
    expect(commandForKey(press('k'), 'browser', false)).toBeNull();
    expect(commandForKey(press('k', { ctrlKey: true, altKey: true }), 'browser', false)).toBeNull();
  });

  it('leaves Ctrl+Z and Ctrl+Y to a text field, and undoes and redoes elsewhere', () => {
    expect(commandForKey(press('z', { ctrlKey: true }), 'browser', true)).toBeNull();
    expect(commandForKey(press('y', { ctrlKey: true }), 'browser', true)).toBeNull();
    expect(commandForKey(press('z', { ctrlKey: true }), 'browser', false)?.id).toBe('edit.undo');
    expect(commandForKey(press('Z', { ctrlKey: true, shiftKey: true }), 'browser', false)?.id).toBe('edit.redo');
  });

  it('goes to the views with Alt+1 to Alt+5, by the physical key where Alt changes the character (a Mac types ¡)', () => {
    expect(commandForKey(press('3', { altKey: true }, 'Digit3'), 'browser', false)?.id).toBe('go.metrics');
    expect(commandForKey(press('£', { altKey: true }, 'Digit3'), 'electron', false)?.id).toBe('go.metrics');
    expect(commandForKey(press('3'), 'browser', false)).toBeNull();
  });

  it('parses and matches chords exactly: a missing or extra modifier is another chord', () => {
    expect(parseChord('Ctrl+Shift+P')).toEqual({ ctrl: true, shift: true, alt: false, key: 'p' });
    expect(() => parseChord('Hyper+P')).toThrow(/unknown modifier/);
    expect(chordMatches(parseChord('Ctrl+/'), press('/', { ctrlKey: true }))).toBe(true);
    expect(chordMatches(parseChord('Ctrl+/'), press('/', { ctrlKey: true, shiftKey: true }))).toBe(false);
  });
});

describe('finding commands by words', () => {
  const titles = (q: string, workspaceOpen = true) => findCommands(q, { host: 'browser', workspaceOpen }).map((c) => c.title);

  it('finds a view by its name, and actions by any word beginning', () => {
    expect(titles('metrics')[0]).toBe('Go to Metrics');
    expect(titles('go fin')).toEqual(['Go to Findings']);
    expect(titles('pref')).toEqual(['Preferences…']);
    expect(titles('settings')).toEqual(['Preferences…']);
    expect(titles('keyboard')).toContain('Keyboard shortcuts');
    expect(titles('zzz')).toEqual([]);
  });

  it('offers everything for an empty query, but nothing that needs a workspace when none is open', () => {
    expect(titles('')).toHaveLength(COMMANDS.length);
    expect(titles('', false)).not.toContain('Save a copy…');
    expect(titles('', false)).toContain('Open workspace…');
  });

  it('matches whole word beginnings, not letters anywhere', () => {
    expect(matchesWords('trics', 'Go to Metrics')).toBe(false);
    expect(matchesWords('MET go', 'Go to Metrics')).toBe(true);
  });
});

describe('the Keyboard shortcuts dialog', () => {
  it('lists every command that has keys, with the keys of this host', () => {
    for (const host of ['electron', 'browser'] as const) {
      const listed = shortcutGroups(host).flatMap((g) => g.keys.map((k) => k.keys.join(' ')));
      for (const c of COMMANDS) if (keysFor(c, host).length > 0) expect(listed, `${host} ${c.id}`).toContain(keysFor(c, host).join(' '));
    }
    expect(shortcutGroups('browser').flatMap((g) => g.keys.flatMap((k) => k.keys))).not.toContain('Ctrl+N');
  });
});

describe('palette labels', () => {
  it('names a report by force, title and period once each', () => {
    expect(reportLabel({ id: 1, title: 'PEEL: Police effectiveness 2017', force: 'Gwent Police', period: '2017' })).toBe(
      'Gwent Police: PEEL: Police effectiveness 2017',
    );
    expect(reportLabel({ id: 2, title: 'Gwent Police PEEL inspection', force: 'Gwent Police', period: '2023–25' })).toBe(
      'Gwent Police PEEL inspection (2023–25)',
    );
  });

  it('shows a finding by its place and first fourteen words', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen';
    expect(findingLabel({ section: 'Protecting vulnerable people', subsection: null, text })).toEqual({
      section: 'Protecting vulnerable people',
      words: 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen…',
    });
    expect(findingLabel({ section: 'A', subsection: 'B', text: 'short' })).toEqual({ section: 'A › B', words: 'short' });
  });
});
