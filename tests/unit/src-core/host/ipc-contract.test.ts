import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, parseReply, parseRequest, replySchemas, requestSchemas } from '../../../../src-core/host/methods';

// Main checks every request with parseRequest; the preload checks every reply with parseReply.
describe('the IPC contract', () => {
  it('names channels domain.verb and has a request and a reply schema for each', () => {
    for (const channel of Object.values(IPC_CHANNELS)) {
      expect(channel).toMatch(/^[a-z]+\.[a-z][A-Za-z]+$/);
      expect(requestSchemas[channel]).toBeDefined();
      expect(replySchemas[channel]).toBeDefined();
    }
  });

  it('turns any reply outside the contract into a bad-response error instead of trusting it', () => {
    for (const reply of [
      undefined,
      null,
      'bytes',
      { ok: true, value: [1, 2] },
      { ok: false, error: { code: 'rm -rf', message: 'x' } },
      { ok: false },
    ]) {
      expect(parseReply(IPC_CHANNELS.recent, reply)).toMatchObject({ ok: false, error: { code: 'bad-response' } });
    }
    expect(parseReply(IPC_CHANNELS.about, { ok: false, error: { code: 'not-found', message: 'gone' } })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'gone' },
    });
  });

  it('accepts an opened workspace with a seal of the one shape, or none, and nothing else', () => {
    const opened = (seal: unknown, more: object = {}) => ({
      ok: true,
      value: {
        info: { handle: 'Zm9vYmFy', name: 'w', isDefault: false },
        snapshot: new Uint8Array(1),
        journal: '',
        orphansRemoved: 0,
        seal,
        sealKey: '3c'.repeat(32),
        ...more,
      },
    });
    const good = `hmac-sha256-16m:${'9f'.repeat(32)}:1`;
    expect(parseReply(IPC_CHANNELS.openLast, opened(good))).toEqual(opened(good));
    expect(parseReply(IPC_CHANNELS.openLast, opened(null))).toEqual(opened(null));
    for (const bad of [
      undefined,
      '',
      'sha256-16m:',
      `sha256:${'9f'.repeat(32)}:1`,
      good.toUpperCase(),
      `${good} `,
      `sha1:${'9f'.repeat(20)}:1`,
      // The unkeyed seal of earlier versions.
      `sha256-16m:${'9f'.repeat(32)}:1`,
      good.replace(':1', ':-1'),
      42,
    ]) {
      expect(parseReply(IPC_CHANNELS.openLast, opened(bad)), String(bad)).toMatchObject({ ok: false, error: { code: 'bad-response' } });
    }
  });

  it('accepts an opened workspace only with a seal key, and a journal cut of the one shape', () => {
    const opened = (more: object) => ({
      ok: true,
      value: {
        info: { handle: 'Zm9vYmFy', name: 'w', isDefault: false },
        snapshot: new Uint8Array(1),
        journal: '',
        orphansRemoved: 0,
        seal: null,
        ...more,
      },
    });
    const key = '3c'.repeat(32);
    const cut = { line: 3, reason: 'too-long', bytes: 600 * 1024 ** 2 };
    for (const good of [{ sealKey: key }, { sealKey: key, journalCut: null }, { sealKey: key, journalCut: cut }]) {
      expect(parseReply(IPC_CHANNELS.openLast, opened(good))).toEqual(opened(good));
    }
    for (const bad of [
      {},
      { sealKey: key.toUpperCase() },
      { sealKey: key.slice(2) },
      { sealKey: null },
      { sealKey: key, journalCut: { ...cut, reason: 'torn' } },
      { sealKey: key, journalCut: { ...cut, line: 0 } },
      { sealKey: key, journal: 'x'.repeat(64 * 1024 * 1024 + 1) },
    ]) {
      expect(parseReply(IPC_CHANNELS.openLast, opened(bad)), JSON.stringify(bad).slice(0, 80)).toMatchObject({
        ok: false,
        error: { code: 'bad-response' },
      });
    }
  });

  it('refuses requests that name a path where a handle belongs', () => {
    expect(parseRequest(IPC_CHANNELS.openRecent, ['/home/analyst/w.sqlite'])).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(parseRequest(IPC_CHANNELS.openRecent, ['Zm9vYmFy'])).toEqual({ ok: true, value: ['Zm9vYmFy'] });
  });
});
