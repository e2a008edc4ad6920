import { describe, expect, it } from 'vitest';
import type { FindingsQuery } from '../../../../../src-core/query/model/findings';
import type { DbClient } from '../../../../../src-renderer/db/db-client';
import { locateFinding } from '../../../../../src-renderer/features/findings/locate-finding';

/** A client whose paged query holds findings 1..total in order, counting the pages it was asked for. */
function fakeClient(total: number, fail = false) {
  const asked: { offset: number; limit: number }[] = [];
  const client = {
    findingsPage: (_q: FindingsQuery, offset: number, limit: number) => {
      asked.push({ offset, limit });
      if (fail) return Promise.resolve({ ok: false as const, error: { message: 'worker gone' } });
      const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({ id: offset + i + 1 }));
      return Promise.resolve({ ok: true as const, value: rows });
    },
  } as unknown as DbClient;
  return { client, asked };
}

describe('where a finding sits in the grid’s rows', () => {
  it('gives its row index in the query’s order, reading only the pages up to it', async () => {
    const { client, asked } = fakeClient(2500);
    expect(await locateFinding(client, {}, 1)).toBe(0);
    expect(await locateFinding(client, {}, 1742)).toBe(1741);
    expect(asked.slice(1)).toEqual([
      { offset: 0, limit: 1000 },
      { offset: 1000, limit: 1000 },
    ]);
  });

  it('says null when the query does not hold it, or the rows cannot be read', async () => {
    expect(await locateFinding(fakeClient(135).client, {}, 999)).toBeNull();
    expect(await locateFinding(fakeClient(135, true).client, {}, 1)).toBeNull();
  });

  it('stops after a bounded number of pages on a huge workspace', async () => {
    const { client, asked } = fakeClient(10_000_000);
    expect(await locateFinding(client, {}, 9_000_000)).toBeNull();
    expect(asked.length).toBe(20);
  });
});
