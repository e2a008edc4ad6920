import { ROOT } from './seed';

// A stand-in for the parts of Electron's main-process API that src-main/electron/index.ts and the modules it
// assembles use, for tests/unit/src-main/electron/index.test.ts (no Electron binary runs on the build
// machines). It keeps Electron's rules that the assembly depends on: the privileged scheme must be
// registered before 'ready'; the session, protocol handlers and windows exist only after it; every
// new WebContents (a window's included) is announced by app's 'web-contents-created' as it is made.

type Listener = (...args: never[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener): this {
    const wrapped = ((...args: never[]) => {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((f) => f !== wrapped),
      );
      return fn(...args);
    }) as Listener;
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(event) ?? []) (fn as (...a: unknown[]) => unknown)(...args);
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export interface NavigationEvent {
  preventDefault: () => void;
  defaultPrevented: boolean;
}

export class FakeWebContents extends Emitter {
  private static lastId = 100;
  readonly id = ++FakeWebContents.lastId;
  readonly mainFrame = { frameTreeNodeId: 1, parent: null, url: '' };
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  readonly sent: unknown[][] = [];
  setWindowOpenHandler(fn: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = fn;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  /** What the page would get when it tries `event` (will-navigate, will-redirect, will-attach-webview). */
  attempt(event: string, ...args: unknown[]): NavigationEvent {
    const e: NavigationEvent = {
      defaultPrevented: false,
      preventDefault() {
        e.defaultPrevented = true;
      },
    };
    this.emit(event, e, ...args);
    return e;
  }
  /** An IPC invoke event as Electron builds it, from this WebContents' top frame (or a child frame) at `url`. */
  invokeEvent(
    url: string,
    frame: 'top' | 'child' = 'top',
  ): { sender: FakeWebContents; senderFrame: { frameTreeNodeId: number; parent: unknown; url: string } } {
    const senderFrame = frame === 'top' ? { ...this.mainFrame, url } : { frameTreeNodeId: 2, parent: this.mainFrame, url };
    return { sender: this, senderFrame };
  }
}

export interface FakeElectronOptions {
  userData: string;
  isPackaged?: boolean;
  /** Whether requestSingleInstanceLock() succeeds (false: another copy is running). */
  singleInstance?: boolean;
}

type RequestHandler = (details: Record<string, unknown>, callback: (response: Record<string, unknown>) => void) => void;

export function createFakeElectron({ userData, isPackaged = false, singleInstance = true }: FakeElectronOptions) {
  let isReady = false;
  let resolveReady = () => undefined as void;
  const whenReady = new Promise<void>((resolve) => (resolveReady = resolve));
  const mustBeReady = (what: string) => {
    if (!isReady) throw new Error(`${what} cannot be used before the app is ready`);
  };
  const log: string[] = [];

  const app = Object.assign(new Emitter(), {
    isPackaged,
    getAppPath: () => ROOT,
    getPath: () => userData,
    getVersion: () => '9.9.9-test',
    enableSandbox: () => void log.push('app.enableSandbox'),
    requestSingleInstanceLock: () => (log.push('app.requestSingleInstanceLock'), singleInstance),
    quit: () => void log.push('app.quit'),
    whenReady: () => whenReady,
    isReady: () => isReady,
  });

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends Emitter {
    static getAllWindows = () => windows.filter((w) => !w.destroyed);
    readonly webContents = new FakeWebContents();
    readonly loaded: string[] = [];
    destroyed = false;
    shown = false;
    constructor(readonly options: unknown) {
      super();
      mustBeReady('BrowserWindow');
      windows.push(this);
      log.push('new BrowserWindow');
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      log.push(`window.loadURL ${url}`);
      return Promise.resolve();
    }
    show(): void {
      this.shown = true;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {
      log.push('window.focus');
    }
    close(): void {
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const sessionHandlers: {
    beforeRequest?: RequestHandler;
    headersReceived?: RequestHandler;
    permissionRequest?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    permissionCheck?: (...args: unknown[]) => boolean;
  } = {};
  const defaultSession = {
    webRequest: {
      onBeforeRequest: (fn: RequestHandler) => void ((sessionHandlers.beforeRequest = fn), log.push('session.onBeforeRequest')),
      onHeadersReceived: (fn: RequestHandler) => void ((sessionHandlers.headersReceived = fn), log.push('session.onHeadersReceived')),
    },
    setPermissionRequestHandler: (fn: typeof sessionHandlers.permissionRequest) =>
      void ((sessionHandlers.permissionRequest = fn), log.push('session.setPermissionRequestHandler')),
    setPermissionCheckHandler: (fn: typeof sessionHandlers.permissionCheck) =>
      void ((sessionHandlers.permissionCheck = fn), log.push('session.setPermissionCheckHandler')),
  };
  const session = {
    get defaultSession() {
      mustBeReady('session.defaultSession');
      return defaultSession;
    },
  };

  const privilegedSchemes: unknown[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      if (isReady) throw new Error('protocol.registerSchemesAsPrivileged must be called before the app is ready');
      privilegedSchemes.push(...schemes);
      log.push('protocol.registerSchemesAsPrivileged');
    },
    handle: (scheme: string, fn: (request: Request) => Promise<Response>) => {
      mustBeReady('protocol.handle');
      protocolHandlers.set(scheme, fn);
      log.push(`protocol.handle ${scheme}`);
    },
  };

  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const ipcMain = {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, fn);
      log.push(`ipcMain.handle ${channel}`);
    },
  };

  const menus: { template: unknown[] }[] = [];
  const Menu = {
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu: (menu: { template: unknown[] }) => void menus.push(menu),
  };
  const cancelled = async () => ({ canceled: true, filePath: undefined, filePaths: [] as string[], response: 0 });
  const dialog = { showMessageBox: cancelled, showOpenDialog: cancelled, showSaveDialog: cancelled };

  const module = { app, BrowserWindow: FakeBrowserWindow, session, protocol, ipcMain, Menu, dialog };
  return {
    module: { ...module, default: module },
    app,
    windows,
    sessionHandlers,
    privilegedSchemes,
    protocolHandlers,
    ipcHandlers,
    menus,
    log,
    /** Fires 'ready' and lets everything waiting on whenReady() run. */
    async ready(): Promise<void> {
      isReady = true;
      log.push('ready');
      resolveReady();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
