import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MENU_EVENT, type WorkbenchBridge } from '../../../../src-core/host/contract';
import { IPC_CHANNELS } from '../../../../src-core/host/methods';

// Electron cannot run here: stand in for the two things the sandboxed preload may use.
const exposed = new Map<string, unknown>();
const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
const invoked: unknown[][] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: [] };
    },
    on: (channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, [...(listeners.get(channel) ?? []), fn]),
    removeListener: (channel: string, fn: (...args: unknown[]) => void) =>
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== fn),
      ),
  },
}));

let bridge: WorkbenchBridge;
beforeAll(async () => {
  vi.stubGlobal('__APP_VERSION__', '1.2.3');
  await import('../../../../src-main/preload/preload');
  bridge = exposed.get('workbench') as WorkbenchBridge;
});

describe('the preload', () => {
  it('exposes one object, window.workbench, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['workbench']);
    expect(bridge.version).toBe('1.2.3');
    expect(Object.values(bridge).some((v) => typeof v === 'object' && v !== null && 'invoke' in v)).toBe(false);
  });

  it('forwards calls with ipcRenderer.invoke on their own channel', async () => {
    expect(await bridge.workspace.recent()).toEqual({ ok: true, value: [] });
    expect(invoked).toEqual([[IPC_CHANNELS.recent]]);
  });

  it('hands menu listeners the command only (never the IPC event), and unsubscribes', () => {
    const got: unknown[] = [];
    const off = bridge.onMenuCommand((c) => got.push(c));
    const [forward] = listeners.get(MENU_EVENT) ?? [];
    forward?.({ sender: 'ipcRenderer itself' }, { command: 'file.new' });
    expect(got).toEqual([{ command: 'file.new' }]);
    off();
    expect(listeners.get(MENU_EVENT)).toEqual([]);
  });
});
