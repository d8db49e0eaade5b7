// Electron's security checklist, checked on the source of the main process and preload (every
// BrowserWindow's options, as written), on the Content-Security-Policy, and on the decisions the
// session makes about permissions, navigation and remote requests.

import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { answerAppRequest, PrintJobs } from '../../electron/app-protocol';
import {
  APP_ENTRY_URL,
  BLOCKED_REQUEST_URLS,
  CONTENT_SECURITY_POLICY,
  isNavigationAllowed,
  isPermissionGranted,
  parseContentSecurityPolicy,
  PRINT_CONTENT_SECURITY_POLICY,
} from '../../electron/security';
import { repoRoot, tempDir } from './helpers';

const electronDir = path.join(repoRoot, 'electron');
const sourceFiles = fs
  .readdirSync(electronDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => {
    const file = path.join(electronDir, f);
    const text = fs.readFileSync(file, 'utf8');
    return { name: f, text, ast: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true) };
  });

/** The code of a file with its comments removed (comments may name what the code must not do). */
function withoutComments(ast: ts.SourceFile): string {
  return ts.createPrinter({ removeComments: true }).printFile(ast);
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function propertyName(p: ts.ObjectLiteralElementLike): string | undefined {
  if (!p.name) return undefined;
  if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) return p.name.text;
  return undefined;
}

/** Every `new BrowserWindow(...)` / `new BrowserView(...)` in electron/, with its options as written. */
function windowConstructions() {
  const found: { file: string; line: number; options: ts.Expression | undefined }[] = [];
  for (const { name, ast } of sourceFiles) {
    walk(ast, (n) => {
      if (
        ts.isNewExpression(n) &&
        ts.isIdentifier(n.expression) &&
        ['BrowserWindow', 'BrowserView', 'WebContentsView'].includes(n.expression.text)
      ) {
        found.push({ file: name, line: ast.getLineAndCharacterOfPosition(n.getStart()).line + 1, options: n.arguments?.[0] });
      }
    });
  }
  return found;
}

/** Every call `x.method(...)` in electron/, by method name. */
function callsOf(method: string) {
  const calls: { file: string; call: ts.CallExpression }[] = [];
  for (const { name, ast } of sourceFiles) {
    walk(ast, (n) => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === method)
        calls.push({ file: name, call: n });
    });
  }
  return calls;
}

function eventsSubscribed(event: string): string[] {
  return callsOf('on')
    .filter(({ call }) => {
      const first = call.arguments[0];
      return !!first && ts.isStringLiteral(first) && first.text === event;
    })
    .map(({ file }) => file);
}

describe('every window is isolated and sandboxed', () => {
  const windows = windowConstructions();

  it('finds the windows the app creates (the document window and the PDF printer)', () => {
    expect(windows.map((w) => w.file)).toEqual(['windows.ts', 'windows.ts']);
  });

  for (const w of windows) {
    it(`${w.file}:${w.line} has literal webPreferences with the checklist's values`, () => {
      expect(w.options && ts.isObjectLiteralExpression(w.options)).toBe(true);
      const options = w.options as ts.ObjectLiteralExpression;
      const webPreferences = options.properties.find((p) => propertyName(p) === 'webPreferences');
      expect(webPreferences && ts.isPropertyAssignment(webPreferences) && ts.isObjectLiteralExpression(webPreferences.initializer)).toBe(
        true,
      );
      const prefs = (webPreferences as ts.PropertyAssignment).initializer as ts.ObjectLiteralExpression;
      // No spreads: every preference is visible here, none can come from elsewhere.
      expect(prefs.properties.every((p) => ts.isPropertyAssignment(p))).toBe(true);
      const values = new Map(prefs.properties.map((p) => [propertyName(p), (p as ts.PropertyAssignment).initializer.getText()]));
      expect(values.get('contextIsolation')).toBe('true');
      expect(values.get('sandbox')).toBe('true');
      expect(values.get('nodeIntegration')).toBe('false');
      expect(values.get('nodeIntegrationInWorker')).toBe('false');
      expect(values.get('nodeIntegrationInSubFrames')).toBe('false');
      expect(values.get('webSecurity')).toBe('true');
      expect(values.get('allowRunningInsecureContent')).toBe('false');
      expect(values.get('experimentalFeatures')).toBe('false');
      expect(values.get('webviewTag')).toBe('false');
      expect(values.has('enableBlinkFeatures')).toBe(false);
      expect(values.get('disableBlinkFeatures')).toBe("'Auxclick'");
      expect(values.has('additionalArguments')).toBe(false);
      // Developer tools only in development runs (or never, for the printer).
      expect(['options.development', 'false']).toContain(values.get('devTools'));
    });
  }

  it('loads the page from the app scheme only, never a remote or file: address', () => {
    const loads = callsOf('loadURL').map(({ call }) => call.arguments[0]?.getText());
    expect(loads.length).toBeGreaterThan(0);
    for (const arg of loads) expect(arg).not.toMatch(/^['"`](https?|file):/);
    expect(callsOf('loadFile')).toEqual([]);
    expect(APP_ENTRY_URL).toBe('app://studio/index.html');
  });
});

describe('navigation, new windows, webviews, permissions and remote requests are refused', () => {
  it('hardens every web contents: window.open denied, navigation and redirects checked, webviews refused', () => {
    const windowOpen = callsOf('setWindowOpenHandler');
    expect(windowOpen).toHaveLength(1);
    expect(windowOpen[0]!.call.arguments[0]!.getText()).toMatch(/action: 'deny'/);
    expect(eventsSubscribed('will-navigate')).toEqual(['windows.ts']);
    expect(eventsSubscribed('will-redirect')).toEqual(['windows.ts']);
    expect(eventsSubscribed('will-attach-webview')).toEqual(['windows.ts']);
    // applied to every web contents the app ever creates, not just the main window
    expect(eventsSubscribed('web-contents-created')).toEqual(['main.ts']);
    const main = sourceFiles.find((f) => f.name === 'main.ts')!.text;
    expect(main).toMatch(/'web-contents-created', \(_event, contents\) => hardenWebContents\(contents\)/);
  });

  it('installs permission handlers and blocks remote requests and downloads on the session', () => {
    for (const method of ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'setDevicePermissionHandler', 'onBeforeRequest']) {
      expect(
        callsOf(method).map((c) => c.file),
        method,
      ).toEqual(['windows.ts']);
    }
    expect(eventsSubscribed('will-download')).toEqual(['windows.ts']);
    expect(sourceFiles.find((f) => f.name === 'main.ts')!.text).toMatch(/hardenSession\(session\.defaultSession\)/);
    expect(BLOCKED_REQUEST_URLS).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
  });

  it('denies every permission but clipboard writes from the app page', () => {
    const page = APP_ENTRY_URL;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'midiSysex',
      'pointerLock',
      'fullscreen',
      'openExternal',
      'clipboard-read',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'idle-detection',
      'window-management',
      'storage-access',
      'unknown',
    ]) {
      expect(isPermissionGranted(permission, page), permission).toBe(false);
    }
    expect(isPermissionGranted('clipboard-sanitized-write', page)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined)).toBe(false);
  });

  it('allows no navigation but reloading the app page', () => {
    expect(isNavigationAllowed('app://studio/index.html')).toBe(true);
    expect(isNavigationAllowed('app://studio/')).toBe(true);
    for (const url of [
      'https://example.org/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'app://studio/other.html',
      'app://print/0123.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'not a url',
    ]) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
  });
});

describe('no Node, no remote code, no eval', () => {
  const forbidden: [RegExp, string][] = [
    [/nodeIntegration:\s*true/, 'Node integration'],
    [/contextIsolation:\s*false/, 'context isolation off'],
    [/sandbox:\s*false/, 'sandbox off'],
    [/webSecurity:\s*false/, 'web security off'],
    [/allowRunningInsecureContent:\s*true/, 'insecure content'],
    [/enableRemoteModule|@electron\/remote/, 'the remote module'],
    [/unsafe-eval|wasm-unsafe-eval/, "'unsafe-eval'"],
    [/\beval\(|new Function\(/, 'eval'],
    [/openExternal|shell\./, 'shell.openExternal'],
    [/bypassCSP:\s*true|setBypassCSP/, 'bypassing the CSP'],
    [/certificate-error|setCertificateVerifyProc/, 'certificate overrides'],
    [/ELECTRON_DISABLE_SECURITY_WARNINGS/, 'hidden security warnings'],
    [/insecure-content|disable-web-security|appendSwitch/, 'weakening command-line switches'],
  ];
  for (const [pattern, what] of forbidden) {
    it(`electron/ has no ${what}`, () => {
      const hits = sourceFiles.filter((f) => pattern.test(withoutComments(f.ast))).map((f) => f.name);
      expect(hits).toEqual([]);
    });
  }

  it('the preload exposes exactly one object and imports nothing but electron and the contract', () => {
    const preload = sourceFiles.find((f) => f.name === 'preload.ts')!;
    expect(callsOf('exposeInMainWorld').map((c) => c.file)).toEqual(['preload.ts']);
    expect(callsOf('exposeInIsolatedWorld')).toEqual([]);
    const imports: string[] = [];
    walk(preload.ast, (n) => {
      if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) imports.push(n.moduleSpecifier.text);
    });
    expect(imports.sort()).toEqual(['../host/contract', '../host/ipc-channels', 'electron']);
    // ipcRenderer itself never reaches the page: it is used inside functions only
    expect(preload.text).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});

describe('Content-Security-Policy', () => {
  const csp = parseContentSecurityPolicy(CONTENT_SECURITY_POLICY);

  it("defaults to nothing, runs scripts only from the app's own files, and never eval", () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    for (const [directive, sources] of csp) {
      expect(sources, directive).not.toContain("'unsafe-eval'");
      expect(sources, directive).not.toContain("'wasm-unsafe-eval'");
      expect(sources, directive).not.toContain('*');
      expect(sources, directive).not.toContain('http:');
      expect(sources, directive).not.toContain('https:');
    }
  });

  it('prints with no script at all', () => {
    const print = parseContentSecurityPolicy(PRINT_CONTENT_SECURITY_POLICY);
    expect(print.get('default-src')).toEqual(["'none'"]);
    expect(print.has('script-src')).toBe(false);
  });

  it('is sent with every file the app serves, with nosniff', async () => {
    const web = tempDir('ds-web-');
    fs.mkdirSync(path.join(web, 'assets'));
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>x</title>');
    fs.writeFileSync(path.join(web, 'assets', 'app.js'), 'console.log(1)');
    const jobs = new PrintJobs();
    for (const url of ['app://studio/index.html', 'app://studio/assets/app.js', 'app://studio/missing.js']) {
      const answer = await answerAppRequest(url, web, jobs);
      expect(answer.headers['Content-Security-Policy'], url).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
    }
    const token = jobs.add('<p>print me</p>');
    const printed = await answerAppRequest(jobs.url(token), web, jobs);
    expect(printed.headers['Content-Security-Policy']).toBe(PRINT_CONTENT_SECURITY_POLICY);
  });

  const indexHtml = ['renderer/index.html', 'dist/web/index.html'].map((f) => path.join(repoRoot, f)).find((f) => fs.existsSync(f));
  it.skipIf(!indexHtml)("the renderer's own index.html carries a CSP without 'unsafe-eval' or inline scripts", () => {
    const html = fs.readFileSync(indexHtml!, 'utf8');
    const meta = /<meta[^>]+http-equiv=["']Content-Security-Policy["'][^>]*content=["']([^"']+)["']/i.exec(html);
    expect(meta, 'index.html has a CSP meta tag').not.toBeNull();
    const policy = parseContentSecurityPolicy(meta![1]!);
    const scripts = policy.get('script-src') ?? policy.get('default-src') ?? [];
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(policy.get('worker-src') ?? scripts).not.toContain("'unsafe-eval'");
  });
  if (!indexHtml) console.log('security: renderer/index.html not in this checkout; its CSP is checked where the renderer is present');
});
