import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The window's `webPreferences`, spelled out even where Electron's default is already safe, so
 * a future default change or a careless edit shows up in the test that pins this object.
 */
export function createWebPreferences(options: { preloadPath: string; isPackaged: boolean }): WebPreferences {
  return {
    preload: options.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    plugins: false,
    // A file dropped on the window must not replace our page.
    navigateOnDragDrop: false,
    // The spellchecker sends words to a dictionary service on some platforms; these are case notes.
    spellcheck: false,
    safeDialogs: true,
    devTools: !options.isPackaged,
  };
}

/** The main window; German title, and no white flash before the page paints. */
export function createWindowOptions(options: { preloadPath: string; isPackaged: boolean; iconPath?: string }): BrowserWindowConstructorOptions {
  return {
    title: 'KIM Fallakte',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(options.iconPath !== undefined ? { icon: options.iconPath } : {}),
    webPreferences: createWebPreferences(options),
  };
}
