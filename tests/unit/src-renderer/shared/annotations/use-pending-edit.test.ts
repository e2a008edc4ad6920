import { describe, expect, it } from 'vitest';
import { liveChoice, type Pending } from '../../../../../src-renderer/shared/annotations/use-pending-edit';

const chose = <T>(value: T, over: T, item?: unknown, saving = false): Pending<T> => ({ value, over, item, saving });

describe('a choice shown while its edit is on its way', () => {
  it('shows until the stored value changes under it, then the stored value takes over', () => {
    const flagged = chose('flagged', 'new', undefined, true);
    expect(liveChoice(flagged, 'new', undefined)).toBe(flagged);
    // Durable, but the finding not read again yet: still the choice, not the old value.
    const durable = { ...flagged, saving: false };
    expect(liveChoice(durable, 'new', undefined)).toBe(durable);
    // Read again after the edit; and after an undo back to the old value, the choice does not come back.
    expect(liveChoice(durable, 'flagged', undefined)).toBeNull();
    expect(liveChoice(null, 'new', undefined)).toBeNull();
  });

  it('takes a list of tags read again as the same list', () => {
    const tags = chose(['custody', 'drugs'], ['custody']);
    expect(liveChoice(tags, ['custody'], undefined)).toBe(tags);
    expect(liveChoice(tags, ['custody', 'drugs'], undefined)).toBeNull();
  });

  it('belongs to the item it was made for, where one control shows one item after another', () => {
    const verified = chose(true, false, 7, true);
    expect(liveChoice(verified, false, 7)).toBe(verified);
    expect(liveChoice(verified, false, 8)).toBeNull();
  });
});
