import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../shared/api/client.js';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/security-policy.js';

/**
 * The main process run against a stand-in for the `electron` module, so its
 * wiring is exercised here, where the Electron binary cannot be downloaded:
 * what it registers, which window it opens, how IPC calls are filtered, and
 * how it refuses to start. test/electron does the same against real Electron.
 */
const fake = vi.hoisted(() => {
  type Fn = (...args: never[]) => unknown;
  class Emitter {
    listeners = new Map<string, Fn[]>();
    on(event: string, fn: Fn) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      return this;
    }
    once(event: string, fn: Fn) {
      return this.on(event, fn);
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(event) ?? []) (fn as (...a: unknown[]) => unknown)(...args);
    }
  }
  class FakeWebContents extends Emitter {
    windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
    destroyed = false;
    sent: unknown[][] = [];
    constructor(public id: number) {
      super();
    }
    setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
      this.windowOpenHandler = fn;
    }
    isDestroyed() {
      return this.destroyed;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
  }

  const state = {
    events: [] as string[],
    lock: true,
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (r: { url: string; method: string }) => Promise<Response>>(),
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    beforeRequest: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    windows: [] as {
      options: { webPreferences: Record<string, unknown> };
      url?: string;
      webContents: FakeWebContents;
      focused: number;
    }[],
    errorBoxes: [] as [string, string][],
    exitCode: undefined as number | undefined,
    quit: 0,
    menu: null as unknown,
    opened: [] as string[],
    exposed: new Map<string, unknown>(),
    rendererInvokes: [] as unknown[][],
    app: new Emitter(),
  };
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: (...args: unknown[]) => {
      state.rendererInvokes.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    removeListener(this: Emitter, event: string, fn: Fn) {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((f) => f !== fn),
      );
    },
  });
  let nextId = 7;

  class BrowserWindow extends Emitter {
    webContents = new FakeWebContents(nextId++);
    record: (typeof state.windows)[number];
    constructor(options: { webPreferences: Record<string, unknown> }) {
      super();
      this.record = { options, webContents: this.webContents, focused: 0 };
      state.windows.push(this.record);
      state.events.push('window');
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    show() {}
    focus() {
      this.record.focused++;
    }
    static getAllWindows() {
      return state.windows;
    }
  }

  const app = Object.assign(state.app, {
    isPackaged: false,
    enableSandbox: () => state.events.push('enableSandbox'),
    requestSingleInstanceLock: () => state.lock,
    quit: () => state.quit++,
    exit: (code: number) => (state.exitCode = code),
    whenReady: () => {
      state.events.push('ready');
      return Promise.resolve();
    },
    getVersion: () => '0.1.0',
    getAppPath: () => '/nonexistent',
    setAppUserModelId: () => undefined,
  });

  const electron = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => {
        state.events.push('registerSchemes');
        state.schemes.push(...s);
      },
      handle: (scheme: string, fn: (r: { url: string; method: string }) => Promise<Response>) =>
        state.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof state.permissionRequest) => (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof state.permissionCheck) => (state.permissionCheck = fn),
        setDevicePermissionHandler: () => undefined,
        webRequest: { onBeforeRequest: (fn: typeof state.beforeRequest) => (state.beforeRequest = fn) },
      },
    },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) =>
        state.ipcHandlers.set(channel, fn),
    },
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (m: unknown) => (state.menu = m),
    },
    dialog: {
      showErrorBox: (title: string, message: string) => state.errorBoxes.push([title, message]),
      showMessageBox: () => Promise.resolve({ response: 0 }),
    },
    nativeTheme: { shouldUseDarkColors: false },
    shell: { openExternal: (url: string) => Promise.resolve(void state.opened.push(url)) },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => state.exposed.set(key, value) },
    ipcRenderer,
  };

  function reset() {
    nextId = 7;
    state.events = [];
    state.lock = true;
    state.schemes = [];
    state.protocolHandlers.clear();
    state.ipcHandlers.clear();
    state.permissionRequest = state.permissionCheck = state.beforeRequest = null;
    state.windows = [];
    state.errorBoxes = [];
    state.exitCode = undefined;
    state.quit = 0;
    state.menu = null;
    state.opened = [];
    state.exposed.clear();
    state.rendererInvokes = [];
    state.app.listeners.clear();
    ipcRenderer.listeners.clear();
  }

  return { state, electron, ipcRenderer, reset, FakeWebContents };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { state } = fake;
let tmp: string;

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('../../src-main/electron/main.js');
  await new Promise((r) => setTimeout(r, 0)); // let whenReady().then(...) run
}

const appFrame = (id = 7) => ({ senderFrame: { url: 'app://fieldbook/index.html' }, sender: { id } });
const invoke = async (event: unknown, method: unknown, input: unknown = {}) =>
  await state.ipcHandlers.get('fieldbook:invoke')!(event, method, input);

beforeEach(() => {
  fake.reset();
  tmp = mkdtempSync(join(tmpdir(), 'fieldbook-main-'));
  vi.stubEnv('XDG_CONFIG_HOME', join(tmp, 'config'));
  vi.stubEnv('APPDATA', join(tmp, 'config'));
  vi.stubEnv('FIELDBOOK_DB', join(tmp, 'data', 'fieldbook.db'));
});

afterEach(() => {
  state.app.emit('will-quit'); // closes the database and the log
  vi.unstubAllEnvs();
  rmSync(tmp, { recursive: true, force: true });
});

describe('main process start-up', () => {
  it('registers app:// and the sandbox before ready, then opens one hardened window on app://', async () => {
    await startMain();
    expect(state.events.slice(0, 3)).toEqual(['registerSchemes', 'enableSandbox', 'ready']);
    expect(state.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(state.windows).toHaveLength(1);
    const win = state.windows[0]!;
    expect(win.url).toBe('app://fieldbook/index.html');
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String(win.options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('serves app:// with the policy, denies permissions and cancels remote requests', async () => {
    await startMain();
    const res = await state.protocolHandlers.get('app')!({
      url: 'app://fieldbook/../../etc/passwd',
      method: 'GET',
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    const granted = vi.fn();
    state.permissionRequest!(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(state.permissionCheck!()).toBe(false);

    const decide = (url: string) => {
      let cancel: boolean | undefined;
      state.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://cdn.example/font.woff2')).toBe(true);
    expect(decide('app://fieldbook/assets/x.js')).toBe(false);
  });

  it('keeps every web contents on app:// and sends only https links to the OS browser', async () => {
    await startMain();
    const contents = new fake.FakeWebContents(99);
    state.app.emit('web-contents-created', {}, contents);

    expect(contents.windowOpenHandler!({ url: 'https://example.org/help' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(state.opened).toEqual(['https://example.org/help']);

    const navigate = (url: string) => {
      const event = { url, isMainFrame: true, preventDefault: vi.fn() };
      contents.emit('will-frame-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('http://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://fieldbook/index.html')).toBe(false);
  });

  it('has a native menu whose developer tools exist only in development', async () => {
    await startMain();
    const menu = JSON.stringify(state.menu);
    expect(menu).toContain('"toggleDevTools"');
    expect(menu).toContain('About Fieldbook');
  });

  it('focuses the existing window when Fieldbook is launched again', async () => {
    await startMain();
    state.app.emit('second-instance');
    expect(state.windows[0]!.focused).toBe(1);
  });

  it('leaves at once when another Fieldbook already runs', async () => {
    state.lock = false;
    await startMain();
    expect(state.quit).toBe(1);
    expect(state.windows).toHaveLength(0);
    expect(state.ipcHandlers.size).toBe(0);
  });
});

describe('the invoke channel', () => {
  it('forwards contract calls from app:// pages', async () => {
    await startMain();
    expect(await invoke(appFrame(), 'setup.status')).toMatchObject({ ok: true, value: { needsSetup: true } });
  });

  it('refuses other pages and names outside the contract', async () => {
    await startMain();
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html']) {
      await expect(invoke({ senderFrame: { url }, sender: { id: 7 } }, 'setup.status')).rejects.toThrow(
        /Refused/,
      );
    }
    await expect(invoke({ senderFrame: null, sender: { id: 7 } }, 'setup.status')).rejects.toThrow(/Refused/);
    for (const method of ['toString', '__proto__', 'fs.readFile', 42]) {
      expect(await invoke(appFrame(), method)).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
  });

  it('keeps one sign-in per window and ends it when the window is destroyed', async () => {
    await startMain();
    const account = { email: 'ada@example.org', password: 'correct horse battery staple' };
    expect(
      await invoke(appFrame(), 'setup.create', {
        organisationName: 'Acme',
        firstName: 'Ada',
        lastName: 'Lovelace',
        ...account,
      }),
    ).toMatchObject({ ok: true });
    expect(await invoke(appFrame(7), 'auth.signIn', account)).toMatchObject({ ok: true });

    expect(await invoke(appFrame(7), 'auth.session')).toMatchObject({
      ok: true,
      value: { user: { email: account.email } },
    });
    expect(await invoke(appFrame(8), 'auth.session')).toMatchObject({ ok: true, value: { user: null } });

    state.windows[0]!.webContents.emit('destroyed');
    expect(await invoke(appFrame(7), 'auth.session')).toMatchObject({ ok: true, value: { user: null } });
  });
});

describe('a database that cannot be opened', () => {
  it('is explained in a dialog and ends the app with code 2, before any window', async () => {
    const file = join(tmp, 'newer.db');
    const db = new Database(file);
    db.pragma('user_version = 9999');
    db.close();
    vi.stubEnv('FIELDBOOK_DB', file);

    await startMain();
    expect(state.errorBoxes).toHaveLength(1);
    expect(state.errorBoxes[0]![1]).toMatch(/newer version of Fieldbook/);
    expect(state.exitCode).toBe(2);
    expect(state.windows).toHaveLength(0);
    expect(state.ipcHandlers.size).toBe(0);
  });

  it('also covers a path that is not a database file', async () => {
    vi.stubEnv('FIELDBOOK_DB', tmp); // a folder
    await startMain();
    expect(state.errorBoxes[0]![1]).toMatch(/Could not open the database/);
    expect(state.exitCode).toBe(2);
  });
});

describe('the preload', () => {
  it('exposes window.api with exactly invoke and on, and nothing of ipcRenderer', async () => {
    vi.resetModules();
    await import('../../src-main/electron/preload.js');
    expect([...state.exposed.keys()]).toEqual(['api']);
    const api = state.exposed.get('api') as Bridge;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);

    await api.invoke('setup.status', {});
    expect(state.rendererInvokes).toEqual([['fieldbook:invoke', 'setup.status', {}]]);

    const got: unknown[] = [];
    const off = api.on('records.changed', (payload) => got.push(payload));
    const ipcEvent = { sender: fake.ipcRenderer, senderId: 0 };
    fake.ipcRenderer.emit('fieldbook:event', ipcEvent, { event: 'records.changed', payload: { id: 1 } });
    fake.ipcRenderer.emit('fieldbook:event', ipcEvent, { event: 'other', payload: 2 });
    off();
    fake.ipcRenderer.emit('fieldbook:event', ipcEvent, { event: 'records.changed', payload: { id: 3 } });
    expect(got).toEqual([{ id: 1 }]);
  });
});
