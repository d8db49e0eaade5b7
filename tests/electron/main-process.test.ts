// The bundled main process (dist build of electron/main.ts and windows.ts) started against a recording
// stand-in for Electron's API, since no Electron binary runs here: checks the wiring that the unit
// tests can't see (order of start-up, what is registered, the window's options, documents from the
// command line reaching the page, IPC end to end, the close prompt, the protocol's answers).

import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../host/ipc-channels';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { repoRoot, sampleOrdinance, tempDir } from './helpers';

let bundleDir = '';
let mainCode = '';

beforeAll(() => {
  // kept for the whole file (tempDir folders go after each test): the window's preload path points here
  bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-main-build-'));
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-electron.mjs')], {
    env: { ...process.env, ELECTRON_OUT_DIR: bundleDir },
    stdio: 'pipe',
  });
  mainCode = fs.readFileSync(path.join(bundleDir, 'main.cjs'), 'utf8');
});

afterAll(() => fs.rmSync(bundleDir, { recursive: true, force: true }));

type Listener = (...args: unknown[]) => unknown;

class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: Listener | undefined;
  setWindowOpenHandler(fn: Listener) {
    this.windowOpenHandler = fn;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  printToPDF() {
    return Promise.resolve(Buffer.from('%PDF-1.7 stand-in'));
  }
}

/** A recording stand-in for the parts of Electron the main process uses. */
function fakeElectron(userData: string, answers: { closePrompt: number[] }) {
  const calls: string[] = [];
  const windows: FakeWindow[] = [];
  const handlers = new Map<string, Listener>();
  const listeners = new Map<string, Listener>();
  const appEvents = new EventEmitter();
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const session = {
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    blockedUrls: [] as string[],
    setPermissionRequestHandler: (fn: Listener) => ((session.permissionRequest = fn), calls.push('setPermissionRequestHandler')),
    setPermissionCheckHandler: (fn: Listener) => ((session.permissionCheck = fn), calls.push('setPermissionCheckHandler')),
    setDevicePermissionHandler: () => calls.push('setDevicePermissionHandler'),
    webRequest: { onBeforeRequest: (filter: { urls: string[] }) => ((session.blockedUrls = filter.urls), calls.push('onBeforeRequest')) },
    on: (event: string) => calls.push(`session.on:${event}`),
  };
  let protocolHandler: ((request: { url: string }) => Promise<Response>) | undefined;
  let menu: unknown;

  class FakeWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    destroyed = false;
    loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      appEvents.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    isDestroyed() {
      return this.destroyed;
    }
    close() {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) {
        this.destroyed = true;
        this.emit('closed');
      }
    }
    destroy() {
      this.destroyed = true;
    }
    show() {}
    focus() {}
    maximize() {}
    restore() {}
    isMinimized() {
      return false;
    }
    isMaximized() {
      return false;
    }
    setDocumentEdited() {}
    getNormalBounds() {
      return { x: 10, y: 20, width: 1100, height: 700 };
    }
  }

  const electron = {
    app: {
      on: (event: string, fn: Listener) => appEvents.on(event, fn),
      whenReady: () => whenReady,
      requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), true),
      getAppPath: () => repoRoot,
      getPath: (name: string) => (name === 'userData' ? userData : path.join(userData, name)),
      setPath: (name: string, value: string) => calls.push(`setPath:${name}=${value}`),
      isPackaged: false,
      getVersion: () => '0.1.0',
      addRecentDocument: () => {},
      quit: () => calls.push('quit'),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) =>
        calls.push(`registerSchemesAsPrivileged:${JSON.stringify(schemes)}`),
      handle: (scheme: string, fn: typeof protocolHandler) => ((protocolHandler = fn), calls.push(`protocol.handle:${scheme}`)),
    },
    session: { defaultSession: session },
    ipcMain: {
      handle: (channel: string, fn: Listener) => void handlers.set(channel, fn),
      removeHandler: (channel: string) => void handlers.delete(channel),
      on: (channel: string, fn: Listener) => void listeners.set(channel, fn),
      removeListener: (channel: string) => void listeners.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (m: unknown) => ((menu = m), calls.push('setApplicationMenu')),
    },
    dialog: {
      showMessageBoxSync: () => (calls.push('closePrompt'), answers.closePrompt.shift() ?? 2),
      showMessageBox: (_w: unknown, o: { message: string }) => (calls.push(`messageBox:${o.message}`), Promise.resolve({ response: 0 })),
      showErrorBox: (_t: string, m: string) => calls.push(`errorBox:${m}`),
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    BrowserWindow: FakeWindow,
  };
  return {
    electron,
    calls,
    windows,
    handlers,
    listeners,
    appEvents,
    session,
    ready,
    protocol: () => protocolHandler!,
    menu: () => menu as { label: string; submenu: { label: string; submenu?: unknown[]; click?: () => void }[] }[],
  };
}

/** Runs the bundled main process with `argv`, the stand-in Electron, and a web bundle folder. */
function startMain(argv: string[], answers = { closePrompt: [] as number[] }) {
  const userData = tempDir('ds-main-userdata-');
  const webDir = tempDir('ds-main-web-');
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Detainer Policy Studio</title>');
  const fake = fakeElectron(userData, answers);
  const realRequire = createRequire(import.meta.url);
  const fakeProcess = Object.assign(Object.create(process) as NodeJS.Process, {
    argv,
    env: { ...process.env, DETAINER_STUDIO_WEB_DIR: webDir },
    resourcesPath: '/nonexistent/resources',
  });
  const module = { exports: {} };
  const run = new Function('require', 'module', 'exports', '__dirname', '__filename', 'process', mainCode) as (...a: unknown[]) => void;
  run(
    (name: string) => (name === 'electron' ? fake.electron : realRequire(name)),
    module,
    module.exports,
    bundleDir,
    path.join(bundleDir, 'main.cjs'),
    fakeProcess,
  );
  return { ...fake, userData, webDir };
}

const appFrame = { senderFrame: { url: 'app://studio/index.html', parent: null } };

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

describe('main process start-up', () => {
  it('registers the app scheme and takes the single-instance lock before the app is ready', () => {
    const main = startMain(['electron', repoRoot]);
    expect(main.calls[0]).toMatch(/^registerSchemesAsPrivileged:/);
    const schemes = JSON.parse(main.calls[0]!.slice('registerSchemesAsPrivileged:'.length)) as {
      scheme: string;
      privileges: Record<string, boolean>;
    }[];
    expect(schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(schemes[0]!.privileges.bypassCSP).toBeUndefined();
    expect(main.calls).toContain('requestSingleInstanceLock');
    expect(main.windows).toHaveLength(0);
  });

  it('when ready: hardens the session, serves app://, registers every channel, opens one hardened window', async () => {
    const main = startMain(['electron', repoRoot]);
    main.ready();
    await settle();
    expect(main.calls).toEqual(
      expect.arrayContaining([
        'setPermissionRequestHandler',
        'setPermissionCheckHandler',
        'setDevicePermissionHandler',
        'onBeforeRequest',
        'session.on:will-download',
        'protocol.handle:app',
        'setApplicationMenu',
      ]),
    );
    expect([...main.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect([...main.listeners.keys()]).toEqual(['host:set-dirty']);
    expect(main.windows).toHaveLength(1);
    const win = main.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: true,
    });
    const preload = (win.options.webPreferences as { preload: string }).preload;
    expect(preload).toBe(path.join(bundleDir, 'preload.cjs'));
    expect(fs.existsSync(preload)).toBe(true);
    expect(win.loaded).toEqual(['app://studio/index.html']);
    // every web contents is hardened: window.open denied, navigation away refused
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    let prevented = false;
    win.webContents.emit('will-navigate', { url: 'https://example.org/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    // permissions: denied
    let granted: boolean | undefined;
    main.session.permissionRequest!({}, 'media', (g: boolean) => (granted = g), { requestingUrl: 'app://studio/index.html' });
    expect(granted).toBe(false);
    expect(main.session.blockedUrls).toContain('https://*/*');
  });

  it('serves the web bundle with the CSP header and refuses paths outside it', async () => {
    const main = startMain(['electron', repoRoot]);
    main.ready();
    await settle();
    const page = await main.protocol()({ url: 'app://studio/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('Detainer Policy Studio');
    expect((await main.protocol()({ url: 'app://studio/../../../etc/passwd' })).status).toBe(404);
  });

  it('says plainly when the web bundle is missing, and quits', async () => {
    const main = startMain(['electron', repoRoot]);
    fs.rmSync(path.join(main.webDir, 'index.html'));
    main.ready();
    await settle();
    expect(main.calls.find((c) => c.startsWith('errorBox:'))).toMatch(/no index\.html in .*Build them first \(npm run build:web\)/s);
    expect(main.calls).toContain('quit');
    expect(main.windows).toHaveLength(0);
  });
});

describe('documents and IPC through the running main process', () => {
  it('hands a document named on the command line to the page, then serves the page its calls', async () => {
    const docs = tempDir('ds-main-docs-');
    const doc = path.join(docs, 'trust.ordinance.yaml');
    fs.copyFileSync(sampleOrdinance, doc);
    const main = startMain(['electron', repoRoot, doc]);
    main.ready();
    await settle();
    const win = main.windows[0]!;
    const opened = win.webContents.sent.find((s) => s.channel === 'host:opened-externally');
    expect(opened?.payload).toMatchObject({ path: doc, name: 'trust.ordinance.yaml', text: fs.readFileSync(sampleOrdinance, 'utf8') });
    // the page saves it back through IPC, as the preload would call
    const mtime = (opened!.payload as { mtimeMs: number }).mtimeMs;
    const saved = await main.handlers.get('host:save-file')!(appFrame, {
      path: doc,
      suggestedName: 'trust.ordinance.yaml',
      text: 'title: Edited\n',
      expectedMtimeMs: mtime,
    });
    expect(saved).toMatchObject({ ok: true, value: { path: doc } });
    expect(fs.readFileSync(doc, 'utf8')).toBe('title: Edited\n');
    expect(await main.handlers.get('host:recent-files')!(appFrame)).toEqual({ ok: true, value: [doc] });
    // a foreign frame gets nothing
    expect(await main.handlers.get('host:read-file')!({ senderFrame: { url: 'https://evil.example/', parent: null } }, doc)).toMatchObject({
      ok: false,
      code: 'untrusted-sender',
    });
    // the menu now lists it under Open Recent
    const file = main.menu().find((m) => m.label === '&File')!;
    const recent = file.submenu.find((i) => i.label === 'Open Recent')!.submenu as { label: string }[];
    expect(recent[0]!.label).toBe('&1 trust.ordinance.yaml');
    // info and PDF printing answer too
    expect(await main.handlers.get('host:info')!(appFrame)).toEqual({
      ok: true,
      value: { kind: 'electron', platform: process.platform, appVersion: '0.1.0' },
    });
    const pdf = (await main.handlers.get('host:print-to-pdf')!(appFrame, '<h1>Sec. 1</h1>')) as { ok: boolean; value: Uint8Array };
    expect(pdf.ok).toBe(true);
    expect(Buffer.from(pdf.value).toString()).toBe('%PDF-1.7 stand-in');
    expect(main.windows).toHaveLength(2);
    expect(main.windows[1]!.destroyed).toBe(true);
    expect(main.windows[1]!.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true });
    expect(main.windows[1]!.loaded[0]).toMatch(/^app:\/\/print\/[0-9a-f]{32}\.html$/);
  });

  it('a second launch hands its documents to the running window', async () => {
    const docs = tempDir('ds-main-docs-');
    const doc = path.join(docs, 'second.ordinance.yaml');
    fs.writeFileSync(doc, 'title: Second\n');
    const main = startMain(['electron', repoRoot]);
    main.ready();
    await settle();
    main.appEvents.emit('second-instance', {}, ['/opt/app/detainer-policy-studio', 'second.ordinance.yaml'], docs);
    expect(main.windows[0]!.webContents.sent).toEqual([
      { channel: 'host:opened-externally', payload: expect.objectContaining({ path: doc, text: 'title: Second\n' }) },
    ]);
  });
});

describe('closing with unsaved work', () => {
  async function dirtyWindow(answers: number[]) {
    const main = startMain(['electron', repoRoot], { closePrompt: answers });
    main.ready();
    await settle();
    main.listeners.get('host:set-dirty')!(appFrame, true);
    return main;
  }

  it('Cancel keeps the window and its work', async () => {
    const main = await dirtyWindow([2]);
    main.windows[0]!.close();
    expect(main.calls.filter((c) => c === 'closePrompt')).toHaveLength(1);
    expect(main.windows[0]!.destroyed).toBe(false);
  });

  it("Don't Save closes and drops the recovery copies", async () => {
    const main = await dirtyWindow([1]);
    await main.handlers.get('host:write-recovery')!(appFrame, { docId: 'untitled-1', name: 'Untitled', text: 'draft', savedAtMs: 1 });
    expect(fs.readdirSync(path.join(main.userData, 'recovery'))).toHaveLength(1);
    main.windows[0]!.close();
    await settle();
    expect(main.windows[0]!.destroyed).toBe(true);
    expect(fs.existsSync(path.join(main.userData, 'recovery'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(main.userData, 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 10, y: 20, width: 1100, height: 700 },
      maximized: false,
    });
  });

  it('Save asks the page to save and closes when the page reports it clean', async () => {
    const main = await dirtyWindow([0]);
    const win = main.windows[0]!;
    win.close();
    expect(win.destroyed).toBe(false);
    expect(win.webContents.sent.at(-1)).toEqual({ channel: 'host:menu', payload: { command: 'file.save' } });
    // a message from a foreign frame can't close it
    main.listeners.get('host:set-dirty')!({ senderFrame: { url: 'https://evil.example/', parent: null } }, false);
    await settle();
    expect(win.destroyed).toBe(false);
    main.listeners.get('host:set-dirty')!(appFrame, false);
    await settle();
    expect(win.destroyed).toBe(true);
    expect(main.calls.filter((c) => c === 'closePrompt')).toHaveLength(1);
  });

  it('a crashed page is reloaded, and its recovery copies stay for it to offer back', async () => {
    const main = await dirtyWindow([]);
    await main.handlers.get('host:write-recovery')!(appFrame, {
      docId: 'untitled-1',
      name: 'Untitled',
      text: 'unsaved work',
      savedAtMs: 1,
    });
    const win = main.windows[0]!;
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(win.loaded).toEqual(['app://studio/index.html', 'app://studio/index.html']);
    expect(await main.handlers.get('host:read-recovery')!(appFrame)).toEqual({
      ok: true,
      value: [{ docId: 'untitled-1', name: 'Untitled', text: 'unsaved work', savedAtMs: 1 }],
    });
    // the reloaded page starts clean: closing does not ask about work it no longer holds
    win.close();
    expect(win.destroyed).toBe(true);
    expect(fs.readdirSync(path.join(main.userData, 'recovery'))).toHaveLength(1);
  });
});
