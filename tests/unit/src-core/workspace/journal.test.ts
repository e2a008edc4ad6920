import { describe, expect, it } from 'vitest';
import {
  describeJournalStop,
  encodeRecord,
  MAX_JOURNAL_BYTES,
  MAX_RECORD_BYTES,
  readJournal,
  sealRecord,
  utf8Length,
  type JsonValue,
} from '../../../../src-core/workspace/journal';

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

describe('reading a journal stops at the first line it cannot trust, and says where and why', () => {
  const records = async (n: number) => {
    const out: string[] = [];
    for (let seq = 1; seq <= n; seq++) out.push(encodeRecord(await sealRecord(seq, 'annotation.set', { note: `n${seq}` })));
    return out;
  };

  it.each([
    ['torn', (l: string[]) => `${l[0]}${l[1]}${l[2]?.slice(0, 20)}`, 2, 1],
    ['not-a-record', (l: string[]) => `${l[0]}{"seq":2}\n${l[2]}`, 1, 2],
    ['checksum', (l: string[]) => `${l[0]}${l[1]?.replace('n2', 'n9')}${l[2]}`, 1, 2],
    ['out-of-order', (l: string[]) => `${l[0]}${l[2]}${l[1]}`, 1, 2],
  ] as const)('%s', async (reason, build, kept, discarded) => {
    const read = await readJournal(build(await records(3)));
    expect(read.records.map((r) => r.seq)).toEqual([1, 2].slice(0, kept));
    expect(read.discarded).toBe(discarded);
    expect(read.stop).toEqual({ line: kept + 1, reason });
  });

  // A complete record whose newline never reached the disk was never acknowledged: it is torn too.
  it('a last line without its newline is torn even when it parses', async () => {
    const [a = '', b = ''] = await records(2);
    const read = await readJournal(`${a}${b.trimEnd()}`);
    expect(read.records).toHaveLength(1);
    expect(read.stop).toEqual({ line: 2, reason: 'torn' });
  });

  it('a line longer than a record may be stops it, whatever the host handed over', async () => {
    const [a = '', b = ''] = await records(2);
    const long = `${'x'.repeat(MAX_RECORD_BYTES)}\n`;
    const read = await readJournal(`${a}${long}${b}`);
    expect(read.records).toHaveLength(1);
    expect([read.discarded, read.stop]).toEqual([2, { line: 2, reason: 'too-long' }]);
    // Counted in UTF-8 bytes, as on disk: 400,000 "€" are 1.2 MB though 400,000 characters.
    const euros = await readJournal(`${a}${'€'.repeat(400_000)}\n`);
    expect(euros.stop).toEqual({ line: 2, reason: 'too-long' });
    expect(utf8Length('a€😀')).toBe(1 + 3 + 4);
  });

  it('a cut the host made ends the records it handed over, and counts as one more discarded', async () => {
    const lines = await records(2);
    const read = await readJournal(lines.join(''), { line: 3, reason: 'too-long', bytes: 600 * 1024 ** 2 });
    expect(read.records).toHaveLength(2);
    expect(read.discarded).toBe(1);
    expect(read.stop).toEqual({ line: 3, reason: 'too-long', bytes: 600 * 1024 ** 2 });
    expect(describeJournalStop(read.stop ?? { line: 0, reason: 'torn' })).toBe(
      'line 3 is longer than a journal record may be (1.0 MB) (600.0 MB from there on were not read)',
    );
  });

  it('every reason has words for the analyst', () => {
    const reasons = ['torn', 'not-a-record', 'checksum', 'out-of-order', 'too-long', 'over-limit', 'does-not-apply'] as const;
    const words = reasons.map((reason) => describeJournalStop({ line: 7, reason }));
    expect(new Set(words).size).toBe(reasons.length);
    for (const w of words) expect(w).toMatch(/line 7/);
    expect(describeJournalStop({ line: 7, reason: 'over-limit', bytes: 2 * MAX_JOURNAL_BYTES })).toBe(
      'the journal passes the 64.0 MB read of a journal at line 7 (128.0 MB from there on were not read)',
    );
  });
});

describe('a journal past the limit a host reads', () => {
  it('stops at the line that passes it, even when every line is a good record', async () => {
    const note = 'x'.repeat(MAX_RECORD_BYTES - 200);
    const lines: string[] = [];
    for (let seq = 1; lines.length * (MAX_RECORD_BYTES - 100) <= MAX_JOURNAL_BYTES; seq++) {
      lines.push(encodeRecord(await sealRecord(seq, 'annotation.set', { note })));
    }
    const read = await readJournal(lines.join(''));
    const fit = Math.floor(MAX_JOURNAL_BYTES / utf8Length(lines[0] ?? ''));
    expect(read.records).toHaveLength(fit);
    expect(read.stop).toEqual({ line: fit + 1, reason: 'over-limit' });
    expect(read.discarded).toBe(lines.length - fit);
  }, 60_000);
});
