import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appEntryUrl, coreDataDir, isAppUrl, resolveUserDataDir } from '../../../electron/main/app-identity';
import { createMenuTemplate } from '../../../electron/main/menu-template';
import { appSchemePrivileges } from '../../../electron/main/protocol-scheme';
import { createWebPreferences, createWindowOptions } from '../../../electron/main/web-preferences';

describe('webPreferences', () => {
  it('pins every hardening switch', () => {
    expect(createWebPreferences({ preloadPath: '/app/dist/electron/preload.cjs', isPackaged: true })).toEqual({
      preload: '/app/dist/electron/preload.cjs',
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
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: false,
    });
  });

  it('allows DevTools only in development', () => {
    expect(createWebPreferences({ preloadPath: 'p', isPackaged: false }).devTools).toBe(true);
    expect(createWebPreferences({ preloadPath: 'p', isPackaged: true }).devTools).toBe(false);
  });

  it('puts them into the window options, hidden until painted', () => {
    const options = createWindowOptions({ preloadPath: 'p', isPackaged: true });
    expect(options.webPreferences).toEqual(createWebPreferences({ preloadPath: 'p', isPackaged: true }));
    expect(options.show).toBe(false);
    expect(options.title).toBe('KIM Fallakte');
    expect(options).not.toHaveProperty('icon');
    expect(createWindowOptions({ preloadPath: 'p', isPackaged: false, iconPath: '/i.png' }).icon).toBe('/i.png');
  });
});

describe('app:// scheme privileges', () => {
  it('is standard and secure but never bypasses CSP or opens CORS', () => {
    expect(appSchemePrivileges.scheme).toBe('app');
    expect(appSchemePrivileges.privileges).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
      corsEnabled: false,
      allowServiceWorkers: false,
    });
  });

  it('is where the window starts', () => {
    expect(appEntryUrl).toBe('app://kim/index.html');
    expect(isAppUrl(appEntryUrl)).toBe(true);
  });
});

describe('user-data folder', () => {
  it('is named after the product', () => {
    expect(resolveUserDataDir('/home/a/.config', {})).toBe(path.join('/home/a/.config', 'KIM Fallakte'));
    expect(coreDataDir('/u')).toBe(path.join('/u', 'data'));
  });

  it('takes an absolute override for e2e runs', () => {
    expect(resolveUserDataDir('/home/a/.config', { KIM_USER_DATA_DIR: '/tmp/kim-e2e/' })).toBe(path.normalize('/tmp/kim-e2e/'));
    expect(resolveUserDataDir('/home/a/.config', { KIM_USER_DATA_DIR: '' })).toBe(path.join('/home/a/.config', 'KIM Fallakte'));
  });

  it('refuses a relative override', () => {
    expect(() => resolveUserDataDir('/x', { KIM_USER_DATA_DIR: 'daten' })).toThrow(/absoluter Pfad/);
  });
});

describe('menu', () => {
  const roles = (platform: NodeJS.Platform) =>
    JSON.stringify(createMenuTemplate(platform))
      .match(/"role":"[^"]+"/g)
      ?.map((match) => match.slice(8, -1)) ?? [];

  it('has editing and zoom roles but no reload and no DevTools', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const list = roles(platform);
      expect(list).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'undo', 'selectAll', 'quit']));
      expect(list).not.toContain('reload');
      expect(list).not.toContain('forceReload');
      expect(list).not.toContain('toggleDevTools');
    }
  });

  it('speaks German', () => {
    expect(createMenuTemplate('win32').map((item) => item.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht']);
  });
});
