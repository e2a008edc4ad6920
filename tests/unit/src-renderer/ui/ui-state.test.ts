import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_STATE_CHARS, UiStateStore, type KeyValueStorage } from '../../../../src-renderer/ui/ui-state';

/** localStorage's behaviour, in a Map. */
function memory(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const SEARCH = z.object({ search: z.string(), facets: z.array(z.string()) });

describe('UiStateStore: where the analyst was, per workspace', () => {
  it('gives back what was written, for this workspace only', () => {
    const storage = memory();
    new UiStateStore(storage, 'gwent').write('findings:state', { search: 'county lines', facets: ['Concern'] });
    expect(new UiStateStore(storage, 'gwent').read('findings:state', SEARCH)).toEqual({ search: 'county lines', facets: ['Concern'] });
    // Another workspace has its own desk.
    expect(new UiStateStore(storage, 'dyfed-powys').read('findings:state', SEARCH)).toBeUndefined();
  });

  it('drops a value that is not JSON, or not the shape asked for, and forgets it', () => {
    const storage = memory();
    const store = new UiStateStore(storage, 'w');
    store.write('a', { search: 1, facets: 'x' });
    expect(store.read('a', SEARCH)).toBeUndefined();
    expect(storage.map.size).toBe(0);
    storage.setItem('peel-workbench.ui.v1:w:b', '{not json');
    expect(store.read('b', SEARCH)).toBeUndefined();
    expect(storage.map.size).toBe(0);
  });

  it('refuses to store, or to read, a value larger than the cap', () => {
    const storage = memory();
    const store = new UiStateStore(storage, 'w');
    const big = { search: 'x'.repeat(MAX_STATE_CHARS), facets: [] };
    store.write('big', big);
    expect(storage.map.size).toBe(0);
    storage.setItem('peel-workbench.ui.v1:w:big', JSON.stringify(big));
    expect(store.read('big', SEARCH)).toBeUndefined();
  });

  it('keeps working when storage is full or switched off: the defaults apply, nothing throws', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const store = new UiStateStore(broken, 'w');
    expect(() => store.write('a', { search: '', facets: [] })).not.toThrow();
    expect(store.read('a', SEARCH)).toBeUndefined();
    expect(new UiStateStore(null, 'w').read('a', SEARCH)).toBeUndefined();
  });
});
