import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

function showAbout(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: 'About Fieldbook',
    message: `Fieldbook ${app.getVersion()}`,
    detail:
      'Offline-first training records and compliance.\n\n' +
      `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
    buttons: ['OK'],
  });
}

/** The native menu. Reload and developer tools exist only in an unpackaged (development) run. */
export function buildMenu(opts: { dev: boolean }): Menu {
  const isMac = process.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    ...(opts.dev
      ? ([
          { role: 'reload' },
          { role: 'forceReload' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: '&File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: '&View', submenu: view },
    ...(isMac ? [{ role: 'windowMenu' } satisfies MenuItemConstructorOptions] : []),
    { role: 'help', submenu: [{ label: 'About Fieldbook', click: showAbout }] },
  ];
  return Menu.buildFromTemplate(template);
}
