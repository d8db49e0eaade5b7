// Windows and web contents: the main window (sandboxed, isolated, no Node, size and place remembered,
// a prompt before closing unsaved work), the hidden window that prints HTML to PDF, and the hardening
// every web contents and the session get: no navigation, no new windows, no permissions, no remote loads.

import { BrowserWindow, dialog, screen, type Session, type WebContents } from 'electron';
import type { MenuEvent } from '../host/contract';
import type { EventChannel, EventChannels } from '../host/ipc-channels';
import type { PrintJobs } from './app-protocol';
import { CloseGuard, type CloseAction, type CloseChoice } from './close-guard';
import { BLOCKED_REQUEST_URLS, isNavigationAllowed, isPermissionGranted } from './security';
import { fitToDisplays, MIN_WINDOW_SIZE, type WindowStateStore } from './window-state';

/** Refuses navigation away from the app, new windows and embedded webviews, for any web contents. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Denies every permission request and check, blocks all remote requests and downloads. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? requestingOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: BLOCKED_REQUEST_URLS }, (_details, callback) => callback({ cancel: true }));
  ses.on('will-download', (event) => event.preventDefault());
}

export interface MainWindowOptions {
  title: string;
  preloadPath: string;
  entryUrl: string;
  development: boolean;
  stateStore: WindowStateStore;
  /** The window closed after "Don't Save": the recovery copies of the discarded work go too. */
  onDiscarded(): void;
  /** The window regained focus: check the open documents for changes on disk. */
  onFocus(): void;
}

/** The app's one document window and what it knows about unsaved work. */
export class MainWindow {
  readonly window: BrowserWindow;
  private readonly guard = new CloseGuard();

  constructor(private readonly options: MainWindowOptions) {
    const saved = options.stateStore.load();
    const state = fitToDisplays(
      saved,
      screen.getAllDisplays().map((d) => d.workArea),
    );
    this.window = new BrowserWindow({
      ...state.bounds,
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
      title: options.title,
      show: false,
      backgroundColor: '#1e1e1e',
      webPreferences: {
        // Reviewed: the sandboxed preload exposes one object of functions through contextBridge, never
        // ipcRenderer or its events, and main checks every message (tests/electron/preload.test.ts,
        // ipc.test.ts). The scanner's preload check asks for exactly that review.
        preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        // Middle-click on a link would otherwise ask for a new window (which is denied anyway).
        disableBlinkFeatures: 'Auxclick',
        safeDialogs: true,
        spellcheck: true,
        devTools: options.development,
      },
    });
    hardenWebContents(this.window.webContents);
    this.window.once('ready-to-show', () => {
      if (state.maximized) this.window.maximize();
      this.window.show();
    });
    this.window.on('close', (event) => {
      const action = this.guard.onCloseRequested();
      if (action.kind === 'close') {
        this.rememberBounds();
        if (action.discarded) options.onDiscarded();
        return;
      }
      event.preventDefault();
      this.apply(this.guard.onAnswer(this.askAboutUnsavedWork()));
    });
    this.window.on('focus', () => options.onFocus());
    // Also remember the place while the window is open, so a crash doesn't forget it.
    let boundsTimer: NodeJS.Timeout | undefined;
    const rememberSoon = () => {
      clearTimeout(boundsTimer);
      boundsTimer = setTimeout(() => this.rememberBounds(), 1000);
    };
    this.window.on('resize', rememberSoon);
    this.window.on('move', rememberSoon);
    this.window.on('closed', () => clearTimeout(boundsTimer));
    this.window.webContents.on('render-process-gone', (_event, details) => {
      // The page crashed: reload it; it finds its recovery copies and offers them back.
      this.guard.reset();
      if (details.reason !== 'clean-exit' && !this.window.isDestroyed()) void this.window.loadURL(options.entryUrl);
    });
  }

  load(): Promise<void> {
    return this.window.loadURL(this.options.entryUrl);
  }

  send<C extends EventChannel>(channel: C, payload: EventChannels[C]): void {
    if (!this.window.isDestroyed()) this.window.webContents.send(channel, payload);
  }

  sendMenu(event: MenuEvent): void {
    this.send('host:menu', event);
  }

  /** The page reported unsaved work (or none): keep the close guard and the title bar in step. */
  setDirty(dirty: boolean): void {
    if (this.window.isDestroyed()) return;
    this.window.setDocumentEdited(dirty);
    this.apply(this.guard.onDirtyChanged(dirty));
  }

  focus(): void {
    if (this.window.isDestroyed()) return;
    if (this.window.isMinimized()) this.window.restore();
    this.window.focus();
  }

  private askAboutUnsavedWork(): CloseChoice {
    const answer = dialog.showMessageBoxSync(this.window, {
      type: 'warning',
      title: this.options.title,
      message: 'Save your changes before closing?',
      detail: 'The ordinance has changes that are not saved. If you close without saving, they are lost.',
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    return answer === 0 ? 'save' : answer === 1 ? 'discard' : 'cancel';
  }

  private apply(action: CloseAction): void {
    if (action.kind === 'close') setImmediate(() => !this.window.isDestroyed() && this.window.close());
    else if (action.kind === 'save-then-close') this.sendMenu({ command: 'file.save' });
  }

  private rememberBounds(): void {
    if (this.window.isDestroyed()) return;
    const bounds = this.window.getNormalBounds();
    this.options.stateStore.save({ bounds, maximized: this.window.isMaximized() });
  }
}

/** Milliseconds a document may take to load for printing before the export gives up. */
const PRINT_LOAD_TIMEOUT_MS = 30_000;

/**
 * Prints HTML to PDF with Chromium's own engine in a hidden window that runs no script and
 * shares no origin with the app's page. The HTML is served once from memory, then forgotten.
 */
export async function printHtmlToPdf(html: string, printJobs: PrintJobs): Promise<Uint8Array> {
  const token = printJobs.add(html);
  const printer = new BrowserWindow({
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      javascript: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    },
  });
  hardenWebContents(printer.webContents);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      printer.loadURL(printJobs.url(token)),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the document took too long to lay out for printing')), PRINT_LOAD_TIMEOUT_MS);
      }),
    ]);
    const pdf = await printer.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    clearTimeout(timer);
    printJobs.remove(token);
    if (!printer.isDestroyed()) printer.destroy();
  }
}
