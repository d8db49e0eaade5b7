// The main process: app lifecycle, one instance at a time, documents handed over by the command line,
// a double-click or a second launch, the app:// protocol, the menu and the IPC handlers.

import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, ipcMain, Menu, protocol, session } from 'electron';
import type { OpenedFile } from '../host/contract';
import { answerAppRequest, PrintJobs } from './app-protocol';
import { DocumentWatcher, FileService, type FileDialogs } from './files';
import { createDirtyHandler, createInvokeHandlers, failureFrom, registerIpc } from './ipc';
import {
  documentsFromArgv,
  developmentSwitch,
  entryUrl,
  isDevelopmentRun,
  samplesDir,
  USER_DATA_VARIABLE,
  webBundleDir,
  type LaunchEnvironment,
} from './launch';
import { buildMenuTemplate } from './menu';
import { APP_SCHEME } from './security';
import { WindowStateStore } from './window-state';
import { hardenSession, hardenWebContents, MainWindow, printHtmlToPdf } from './windows';

const PRODUCT_NAME = 'Detainer Policy Studio';

// Must happen before the app is ready: app:// behaves like https (secure context, fetch, CORS, workers).
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true },
  },
]);

const userDataOverride = developmentSwitch({ env: process.env, isPackaged: app.isPackaged }, USER_DATA_VARIABLE);
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

if (!app.requestSingleInstanceLock()) {
  // Another instance is running: it receives our command line through 'second-instance'.
  app.quit();
} else {
  start();
}

function start(): void {
  const launch: LaunchEnvironment = {
    env: process.env,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
  };
  const development = isDevelopmentRun(launch);
  const webDir = webBundleDir(launch);
  const printJobs = new PrintJobs();
  /** Documents named before the window could take them (macOS 'open-file' comes before 'ready'). */
  const pending: string[] = documentsFromArgv(process.argv, process.cwd());
  let mainWindow: MainWindow | null = null;

  const dialogs: FileDialogs = {
    async chooseFileToOpen({ title, filters, defaultPath }) {
      const options: Electron.OpenDialogOptions = { title, filters, properties: ['openFile'], ...(defaultPath ? { defaultPath } : {}) };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow.window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSaveLocation({ title, filters, defaultPath }) {
      const options: Electron.SaveDialogOptions = {
        title,
        filters,
        defaultPath,
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow.window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };

  const watcher = new DocumentWatcher({ onChanged: (file) => mainWindow?.send('host:file-changed', file) });
  const files = new FileService({
    userDataDir: app.getPath('userData'),
    samplesDir: samplesDir(launch),
    documentsDir: app.getPath('documents'),
    dialogs,
    onRecentFilesChanged: (recent) => {
      if (recent[0]) app.addRecentDocument(recent[0]);
      installMenu();
    },
    onDocumentTracked: (file, mtimeMs, hash) => watcher.track(file, mtimeMs, hash),
  });

  function installMenu(): void {
    const templates = files
      .listSamples()
      .filter((s) => s.kind === 'ordinance')
      .map((s) => ({ id: s.name, label: s.title }));
    const template = buildMenuTemplate({
      platform: process.platform,
      appName: PRODUCT_NAME,
      development,
      templates,
      recentFiles: files.recentFiles(),
      send: (event) => mainWindow?.sendMenu(event),
      openRecent: (file) => handOver(file, () => files.readGranted(file)),
      clearRecent: () => files.clearRecent(),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  /** Gives the page a document opened from outside it, or says plainly why it couldn't be read. */
  function handOver(file: string, read: () => OpenedFile): void {
    if (!mainWindow) {
      pending.push(file);
      return;
    }
    let opened: OpenedFile;
    try {
      opened = read();
    } catch (e) {
      void dialog.showMessageBox(mainWindow.window, {
        type: 'error',
        title: PRODUCT_NAME,
        message: `Can't open ${path.basename(file)}`,
        detail: failureFrom(e).error,
      });
      return;
    }
    mainWindow.send('host:opened-externally', opened);
    mainWindow.focus();
  }

  function openFromOutside(file: string): void {
    handOver(file, () => files.openFromOutside(file));
  }

  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (mainWindow) openFromOutside(file);
    else pending.push(file);
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    mainWindow?.focus();
    for (const file of documentsFromArgv(argv, workingDirectory)) openFromOutside(file);
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('window-all-closed', () => {
    watcher.close();
    app.quit();
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, async (request) => {
      const answer = await answerAppRequest(request.url, webDir, printJobs);
      return new Response(answer.body as BodyInit, { status: answer.status, headers: answer.headers });
    });

    if (!fs.existsSync(path.join(webDir, 'index.html'))) {
      dialog.showErrorBox(
        PRODUCT_NAME,
        `The app's pages are missing: no index.html in ${webDir}.\n\n${app.isPackaged ? 'Reinstall the app.' : 'Build them first (npm run build:web), or set DETAINER_STUDIO_WEB_DIR to the folder of a built web bundle.'}`,
      );
      app.quit();
      return;
    }

    const dirtyHandler = createDirtyHandler((dirty) => mainWindow?.setDirty(dirty));
    registerIpc(
      ipcMain,
      createInvokeHandlers({
        files,
        info: () => ({ kind: 'electron', platform: process.platform, appVersion: app.getVersion() }),
        printToPdf: (html) => printHtmlToPdf(html, printJobs),
      }),
      dirtyHandler,
    );

    mainWindow = new MainWindow({
      title: PRODUCT_NAME,
      preloadPath: path.join(__dirname, 'preload.cjs'),
      entryUrl: entryUrl(launch),
      development,
      stateStore: new WindowStateStore(app.getPath('userData')),
      onDiscarded: () => files.clearAllRecovery(),
      onFocus: () => watcher.checkAll(),
    });
    mainWindow.window.on('closed', () => {
      mainWindow = null;
    });
    installMenu();
    await mainWindow.load();
    for (const file of pending.splice(0)) openFromOutside(file);
  });
}
