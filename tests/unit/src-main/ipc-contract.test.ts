import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, parseBytesResult } from '../../../src-core/host/contract';

// The preload passes every reply from main through parseBytesResult before the page sees it.
describe('parseBytesResult', () => {
  it('passes through bytes and known errors', () => {
    const bytes = Uint8Array.from([83, 81, 76]);
    expect(parseBytesResult({ ok: true, value: bytes })).toEqual({ ok: true, value: bytes });
    expect(parseBytesResult({ ok: false, error: { code: 'not-found', message: 'gone' } })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'gone' },
    });
  });

  it('turns anything else into a bad-response error instead of trusting it', () => {
    for (const reply of [
      undefined,
      null,
      'bytes',
      { ok: true, value: [1, 2] },
      { ok: false, error: { code: 'rm -rf', message: 'x' } },
      { ok: false },
    ]) {
      expect(parseBytesResult(reply)).toMatchObject({ ok: false, error: { code: 'bad-response' } });
    }
  });

  it('names channels domain.verb', () => {
    for (const channel of Object.values(IPC_CHANNELS)) expect(channel).toMatch(/^[a-z]+\.[a-z][A-Za-z]+$/);
  });
});
