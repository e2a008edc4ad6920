import { describe, expect, it } from 'vitest';
import { undoDirection } from '../../../../src-renderer/app/use-undo-redo';

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('the undo and redo keys', () => {
  it('are Ctrl+Z to undo, and Ctrl+Shift+Z or Ctrl+Y to redo (Cmd on a Mac)', () => {
    expect(undoDirection(key('z', { ctrl: true }))).toBe('undo');
    expect(undoDirection(key('z', { meta: true }))).toBe('undo');
    expect(undoDirection(key('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(undoDirection(key('y', { ctrl: true }))).toBe('redo');
  });

  it('are nothing else', () => {
    expect(undoDirection(key('z'))).toBeNull();
    expect(undoDirection(key('z', { ctrl: true, alt: true }))).toBeNull();
    expect(undoDirection(key('Y', { ctrl: true, shift: true }))).toBeNull();
    expect(undoDirection(key('b', { ctrl: true }))).toBeNull();
  });
});
