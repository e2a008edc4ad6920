import { describe, expect, it } from 'vitest';
import { encodeRecord, readJournal, sealRecord, type JsonValue } from '../../../../src-core/workspace/journal';

describe('journal records', () => {
  it('read back what was sealed, in order', async () => {
    const text = [
      encodeRecord(await sealRecord(1, 'annotation.set', { note: 'a' })),
      encodeRecord(await sealRecord(2, 'annotation.set', { note: 'b' })),
    ];
    const read = await readJournal(text.join(''));
    expect(read.records.map((r) => r.seq)).toEqual([1, 2]);
    expect(read.discarded).toBe(0);
  });

  // An edit for a new pack was sealed with {id: undefined}: JSON.stringify wrote it without the
  // key, its checksum no longer matched, and the pack was gone after a reopen.
  it('keep an edit whose params hold an undefined field (written as JSON drops it)', async () => {
    const params = { id: undefined, definition: { a: 1, skip: undefined }, list: [1, undefined] } as unknown as JsonValue;
    const read = await readJournal(encodeRecord(await sealRecord(1, 'pack.save', params)));
    expect(read.discarded).toBe(0);
    expect(read.records).toHaveLength(1);
    expect(read.records[0]?.params).toEqual({ definition: { a: 1 }, list: [1, null] });
  });

  it('still refuse a record whose content was changed after sealing', async () => {
    const line = encodeRecord(await sealRecord(1, 'annotation.set', { note: 'kept' }));
    const read = await readJournal(line.replace('kept', 'forged'));
    expect(read.records).toHaveLength(0);
    expect(read.discarded).toBe(1);
  });
});
