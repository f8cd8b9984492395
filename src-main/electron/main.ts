import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, nativeTheme, protocol, session } from 'electron';
import { createApp, type App } from '../app/create-app.js';
import { scheduleDaily } from '../app/daily.js';
import { streamLogger, type Logger } from '../app/logger.js';
import { openDatabase } from '../db/open.js';
import { defaultDataDir, resolveDbPath } from '../platform/paths.js';
import { createAppProtocolHandler } from './app-protocol.js';
import { fileLogger } from './file-log.js';
import { hardenSession, hardenWebContents } from './hardening.js';
import { clearSessionWhenDestroyed, registerIpc } from './ipc.js';
import { EXIT_DATABASE, EXIT_NATIVE_MODULE, isNativeModuleMismatch, readSwitch } from './launch-options.js';
import { buildMenu } from './menu.js';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_REGISTRATION,
  secureWebPreferences,
} from './security-policy.js';

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/.
const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(here, '..', 'preload', 'index.cjs');
const RENDERER_DIR = join(here, '..', 'renderer');
const dev = !app.isPackaged;

// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

function openLog(): { log: Logger; close: () => void } {
  try {
    return fileLogger(join(defaultDataDir(), 'logs', 'fieldbook.log'));
  } catch {
    return { log: streamLogger((line) => process.stderr.write(line)), close: () => undefined };
  }
}

/** Stops before any window exists; the message is the error's own user-facing sentence. */
function refuseToStart(log: Logger, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log.log('error', 'Could not start', { message });
  if (isNativeModuleMismatch(error)) {
    const hint = 'The database engine (better-sqlite3) was built for a different runtime than this Electron.';
    // In a source checkout, scripts/start.mjs explains the fix and falls back to browser mode;
    // a blocking dialog would only delay that.
    if (dev) process.stderr.write(`${hint}\n${message}\n`);
    else dialog.showErrorBox('Fieldbook cannot start', `${hint} Please reinstall Fieldbook.\n\n${message}`);
    app.exit(EXIT_NATIVE_MODULE);
  } else {
    dialog.showErrorBox('Fieldbook cannot open its database', message);
    app.exit(EXIT_DATABASE);
  }
}

function openBackend(log: Logger): App | null {
  const dbPath = resolveDbPath({ argDb: readSwitch(process.argv, '--db'), env: process.env });
  try {
    mkdirSync(dirname(dbPath), { recursive: true });
    const fieldbook = createApp({ db: openDatabase(dbPath), log });
    log.log('info', 'Database opened', { dbPath, version: app.getVersion() });
    return fieldbook;
  } catch (e) {
    refuseToStart(log, e);
    return null;
  }
}

function createWindow(fieldbook: App): BrowserWindow {
  const icon = join(app.getAppPath(), 'assets', 'icon.png');
  const win = new BrowserWindow({
    title: 'Fieldbook',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1a1b1e' : '#ffffff',
    // Windows and macOS take the icon from the packaged executable.
    ...(process.platform === 'linux' && existsSync(icon) ? { icon } : {}),
    webPreferences: secureWebPreferences({ preload: PRELOAD, devTools: dev }),
  });
  clearSessionWhenDestroyed(fieldbook, win.webContents);
  win.once('ready-to-show', () => win.show());
  // A page that fails to load must still show up (with whatever it has) rather than stay invisible.
  win.webContents.once('did-fail-load', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function focus(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

function main(): void {
  if (process.platform === 'win32') app.setAppUserModelId('app.fieldbook.desktop');
  const logs = openLog();
  let fieldbook: App | null = null;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    if (mainWindow) focus(mainWindow);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (fieldbook && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(fieldbook);
  });
  app.on('will-quit', () => {
    fieldbook?.close();
    fieldbook = null;
    logs.close();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, logs.log);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR));
    fieldbook = openBackend(logs.log);
    if (!fieldbook) return;
    // Issue 8: what time passing changes (expiries, certificates), now and whenever the date changes.
    scheduleDaily(fieldbook);
    registerIpc(fieldbook);
    Menu.setApplicationMenu(buildMenu({ dev }));
    mainWindow = createWindow(fieldbook);
  });
}

// A second launch hands over to the running one (which focuses its window) and leaves.
if (app.requestSingleInstanceLock()) main();
else app.quit();
