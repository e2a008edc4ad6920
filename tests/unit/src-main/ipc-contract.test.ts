import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../../src-core/host/contract';
import { parseReply, parseRequest, replySchemas, requestSchemas } from '../../../src-core/host/ipc-schema';

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
    const opened = (seal: unknown) => ({
      ok: true,
      value: {
        info: { handle: 'Zm9vYmFy', name: 'w', isDefault: false },
        snapshot: new Uint8Array(1),
        journal: '',
        orphansRemoved: 0,
        seal,
      },
    });
    const good = `sha256-16m:${'9f'.repeat(32)}:1`;
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
      good.replace(':1', ':-1'),
      42,
    ]) {
      expect(parseReply(IPC_CHANNELS.openLast, opened(bad)), String(bad)).toMatchObject({ ok: false, error: { code: 'bad-response' } });
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
