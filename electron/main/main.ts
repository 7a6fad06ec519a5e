import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import type { CoreWorkerData } from '../core/worker-entry';
import { appScheme, coreDataDir, productName, resolveUserDataDir } from './app-identity';
import { createCoreClient } from './core-client';
import { createFetchAnswerer, learnFromCall, ServerOrigins } from './fetch-answer';
import { quitAction, quitDialog, quitStep, quitSyncTimeoutMs } from './quit-offer';
import { hardenSession, hardenWebContents } from './hardening';
import { createInvokeHandler } from './ipc-gate';
import { invokeChannel } from './ipc-channel';
import { createMenuTemplate } from './menu-template';
import { createAppProtocolHandler } from './protocol-handler';
import { appSchemePrivileges } from './protocol-scheme';
import { openLink } from './side-effects';
import { createMainWindow } from './window';

/**
 * The Electron entry (bundled to dist/electron/main.cjs). It only wires: every rule it applies
 * lives in a pure module beside it and is tested in Node. Order matters: scheme privileges,
 * sandbox and the user-data folder must be set before `ready`, and the user-data folder before
 * the single-instance lock (the lock lives in it).
 */

// esbuild emits CommonJS, so __dirname is the folder of main.cjs, preload.cjs and core-worker.cjs.
const bundleDir = __dirname;
const appId = 'de.kim-nrw.fallakte';

protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();
app.setName(productName);
app.setPath('userData', resolveUserDataDir(app.getPath('appData'), process.env));
if (process.platform === 'win32') app.setAppUserModelId(appId);

if (!app.requestSingleInstanceLock()) {
  // A second start must not open the same encrypted database twice: hand over and leave.
  app.quit();
} else {
  run();
}

function run(): void {
  let mainWindow: BrowserWindow | null = null;
  let coreClosed = false;
  let quitOffered = false;

  // The core's sync requests go out here, through net.fetch (office proxy), to known servers only.
  const serverOrigins = new ServerOrigins();
  const answerFetch = createFetchAnswerer({
    fetch: (url, init) => net.fetch(url, init),
    origins: serverOrigins,
    log: (line) => console.error(line),
  });
  const core = createCoreClient(
    () => {
      const workerData: CoreWorkerData = {
        kind: 'kim-core',
        dataDir: coreDataDir(app.getPath('userData')),
        appVersion: app.getVersion(),
      };
      return new Worker(path.join(bundleDir, 'core-worker.cjs'), { workerData });
    },
    {
      observe: (channel, input, result) => learnFromCall(serverOrigins, channel, input, result),
      onFetch: (request, reply) => void answerFetch(request, reply),
    },
  );

  const openWindow = (): void => {
    const iconPath = path.join(app.getAppPath(), 'resources', 'icon.png');
    const window = createMainWindow({
      preloadPath: path.join(bundleDir, 'preload.cjs'),
      isPackaged: app.isPackaged,
      // Installed builds carry the icon in the executable; a dev run takes it from resources/.
      ...(!app.isPackaged && fs.existsSync(iconPath) ? { iconPath } : {}),
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal: (url) => void openLink(url, shell) });
  });

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => app.quit());

  // Changes waiting: offer to sync before the app goes (the decision is quit-offer.ts).
  app.on('before-quit', (event) => {
    if (quitOffered || coreClosed) return;
    event.preventDefault();
    quitOffered = true;
    void (async () => {
      if (quitStep(await core.invoke('sync.status', {})) === 'ask') {
        const options = { ...quitDialog, buttons: [...quitDialog.buttons] };
        const { response } = mainWindow !== null && !mainWindow.isDestroyed()
          ? await dialog.showMessageBox(mainWindow, options)
          : await dialog.showMessageBox(options);
        const action = quitAction(response);
        if (action === 'stay') {
          quitOffered = false;
          return;
        }
        if (action === 'sync-then-quit') {
          await Promise.race([core.invoke('sync.now', {}), new Promise((resolve) => setTimeout(resolve, quitSyncTimeoutMs))]);
        }
      }
      app.quit();
    })();
  });

  // The database must be closed (WAL checkpoint, key dropped) before the process ends.
  app.on('will-quit', (event) => {
    if (coreClosed) return;
    event.preventDefault();
    void core.close().finally(() => {
      coreClosed = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    protocol.handle(appScheme, createAppProtocolHandler({ root: path.join(app.getAppPath(), 'renderer', 'dist') }));
    ipcMain.handle(
      invokeChannel,
      createInvokeHandler({
        mainFrame: () => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : null),
        forward: (channel, input) => core.invoke(channel, input),
      }),
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(createMenuTemplate(process.platform)));
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });
}
