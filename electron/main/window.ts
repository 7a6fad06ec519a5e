import { BrowserWindow } from 'electron';
import { appEntryUrl } from './app-identity';
import { createWindowOptions } from './web-preferences';

/**
 * The one window. It is shown once the page has painted (no blank flash) and loads only our
 * own protocol; the guards of `hardening.ts` are attached to it by `web-contents-created`.
 */
export function createMainWindow(options: { preloadPath: string; isPackaged: boolean; iconPath?: string }): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions(options));
  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[kim] renderer gone: ${details.reason}`);
  });
  void window.loadURL(appEntryUrl);
  return window;
}
