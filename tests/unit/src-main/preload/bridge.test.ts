import { describe, expect, it } from 'vitest';
import { MENU_EVENT, type MenuCommand } from '../../../../src-core/host/contract';
import { IPC_CHANNELS } from '../../../../src-core/host/methods';
import { createBridge, type Invoke, type Subscribe } from '../../../../src-main/preload/bridge';
import { HANDLE, OPENED } from '../../../helpers/host-fixtures';

function fakeMain(reply: (channel: string, args: unknown[]) => unknown) {
  const sent: [string, unknown[]][] = [];
  const invoke: Invoke = async (channel, ...args) => {
    sent.push([channel, args]);
    return reply(channel, args);
  };
  const listeners = new Set<(payload: unknown) => void>();
  const subscribe: Subscribe = (channel, listener) => {
    expect(channel).toBe(MENU_EVENT);
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const emit = (payload: unknown) => listeners.forEach((l) => l(payload));
  return { sent, invoke, subscribe, emit, listeners };
}

describe('window.workbench (createBridge)', () => {
  it('forwards each method to its own channel with its arguments, and nothing else is exposed', async () => {
    const main = fakeMain(() => ({ ok: true, value: undefined }));
    const bridge = createBridge('1.2.3', main.invoke, main.subscribe);
    expect(Object.keys(bridge).sort()).toEqual([
      'about',
      'author',
      'onMenuCommand',
      'pickReports',
      'saveExport',
      'setAuthor',
      'version',
      'workspace',
    ]);
    expect(bridge.version).toBe('1.2.3');
    expect(Object.isFrozen(bridge) && Object.isFrozen(bridge.workspace)).toBe(true);
    const snapshot = new Uint8Array([83]);
    const seal = `hmac-sha256-16m:${'ab'.repeat(32)}:1`;
    await bridge.workspace.appendJournal(HANDLE, '{"seq":1}\n');
    await bridge.workspace.checkpoint(HANDLE, snapshot, 4, seal);
    await bridge.workspace.recordSeal(HANDLE, seal);
    await bridge.workspace.restoreBackup(HANDLE, 'b.sqlite');
    await bridge.setAuthor('Ann');
    expect(main.sent).toEqual([
      [IPC_CHANNELS.appendJournal, [HANDLE, '{"seq":1}\n']],
      [IPC_CHANNELS.checkpoint, [HANDLE, snapshot, 4, seal]],
      [IPC_CHANNELS.recordSeal, [HANDLE, seal]],
      [IPC_CHANNELS.restoreBackup, [HANDLE, 'b.sqlite']],
      [IPC_CHANNELS.setAuthor, ['Ann']],
    ]);
    const methods = Object.keys(bridge.workspace).sort();
    expect(methods).toEqual(
      Object.keys(IPC_CHANNELS)
        .filter((m) => !['about', 'pickReports', 'author', 'setAuthor', 'saveExport'].includes(m))
        .sort(),
    );
  });

  it('passes on replies that match the contract', async () => {
    const main = fakeMain((channel) =>
      channel === IPC_CHANNELS.openLast ? { ok: true, value: OPENED } : { ok: false, error: { code: 'refused', message: 'no' } },
    );
    const bridge = createBridge('1', main.invoke, main.subscribe);
    expect(await bridge.workspace.openLast()).toEqual({ ok: true, value: OPENED });
    expect(await bridge.workspace.open()).toEqual({ ok: false, error: { code: 'refused', message: 'no' } });
  });

  it('turns replies that do not match the contract into bad-response errors', async () => {
    for (const reply of [
      undefined,
      'ok',
      { ok: true, value: { ...OPENED, info: { ...OPENED.info, handle: '/etc/passwd' } } },
      { ok: false, error: { code: 'rm -rf', message: '' } },
    ]) {
      const bridge = createBridge('1', fakeMain(() => reply).invoke, fakeMain(() => null).subscribe);
      expect(await bridge.workspace.openLast()).toMatchObject({ ok: false, error: { code: 'bad-response' } });
    }
  });

  it('turns a failed invoke into an unavailable error instead of a rejection', async () => {
    const invoke: Invoke = () => Promise.reject(new Error("No handler registered for 'app.about'"));
    const bridge = createBridge('1', invoke, fakeMain(() => null).subscribe);
    expect(await bridge.about()).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('delivers only well-formed menu commands, and unsubscribes', () => {
    const main = fakeMain(() => null);
    const bridge = createBridge('1', main.invoke, main.subscribe);
    const got: MenuCommand[] = [];
    const off = bridge.onMenuCommand((c) => got.push(c));
    main.emit({ command: 'edit.undo' });
    main.emit({ command: 'file.openRecent', handle: HANDLE });
    main.emit({ command: 'shell.exec', handle: HANDLE });
    main.emit({ command: 'file.openRecent', handle: '/etc/passwd' });
    main.emit('edit.undo');
    expect(got).toEqual([{ command: 'edit.undo' }, { command: 'file.openRecent', handle: HANDLE }]);
    off();
    main.emit({ command: 'edit.redo' });
    expect(got).toHaveLength(2);
    expect(main.listeners.size).toBe(0);
  });
});
