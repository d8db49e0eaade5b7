// Prints HTML to PDF on the command line with headless Chromium: the same print engine (Blink and
// Skia) the desktop app's window uses, so a PDF from the CLI and one from the app lay out alike.
// Needs no display. The page is our own self-contained HTML, whose Content-Security-Policy forbids
// scripts and any fetch.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../host/files.node';

export class PrinterError extends Error {}

/**
 * Chromium's headless shell first: the same Blink layout and Skia PDF output without the browser
 * around it, so it starts in about half the time; then the full browsers.
 */
const CANDIDATES = [
  'chromium-headless-shell',
  'chrome-headless-shell',
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
];

/** The Chromium to print with: $DETAINER_STUDIO_CHROMIUM, else the first on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.DETAINER_STUDIO_CHROMIUM;
  if (configured) return fs.existsSync(configured) ? configured : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of CANDIDATES) {
      const file = path.join(dir, name);
      try {
        fs.accessSync(file, fs.constants.X_OK);
        if (fs.statSync(file).isFile()) return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export interface PrintOptions {
  chromium?: string;
  /** Kill Chromium after this long. Default 60 s. */
  timeoutMs?: number;
  /** Chromium's environment (default: this process's), e.g. FONTCONFIG_FILE to choose the fonts it sees. */
  env?: NodeJS.ProcessEnv;
}

/** The flags every print starts Chromium with. */
function chromiumFlags(profile: string): string[] {
  return [
    '--headless',
    // Chromium refuses to run as root with its sandbox; the page runs no script and fetches nothing.
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    '--mute-audio',
    '--disable-breakpad',
    // Fewer processes to start: no zygote to fork renderers from, the GPU (disabled) and network
    // service (which reads one file) in the browser process; about 7% less CPU in all.
    '--no-zygote',
    '--in-process-gpu',
    '--enable-features=NetworkServiceInProcess2',
    // Driven over the DevTools protocol on file descriptors 3 (to Chromium) and 4 (from it).
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    'about:blank',
  ];
}

/**
 * What the page is printed with: the parameters `chromium --headless --print-to-pdf
 * --no-pdf-header-footer` passes to Page.printToPDF, so the PDF is the one that command writes.
 */
const PRINT_PARAMETERS = { displayHeaderFooter: false, generateTaggedPDF: true, printBackground: true, preferCSSPageSize: true };

interface Pending {
  resolve(result: Record<string, unknown>): void;
  reject(e: Error): void;
}

/**
 * One headless Chromium, started as soon as a PDF is known to be wanted (it starts while the policy is
 * still being checked and its HTML built) and driven over the DevTools protocol on a pipe: open a
 * page, load the document from a file, wait for its load event, print, close. `print` may be called
 * more than once; `close` ends Chromium and removes its profile.
 */
export class ChromiumPrinter {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'detainer-studio-pdf-'));
  private readonly child: ChildProcess | undefined;
  private failure: PrinterError | undefined;
  private stderr = '';
  private buffered = '';
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(method: string, params: Record<string, unknown>, sessionId?: string) => void>();
  private readonly exited: Promise<void>;
  private readonly timer: NodeJS.Timeout | undefined;
  private printed = 0;

  private constructor(
    private readonly chromium: string | undefined,
    opts: PrintOptions,
  ) {
    if (!chromium) {
      this.failure = new PrinterError(
        'PDF needs Chromium or Chrome and none was found; install it (Debian: apt-get install chromium) or set DETAINER_STUDIO_CHROMIUM to its path',
      );
      this.exited = Promise.resolve();
      return;
    }
    const child = spawn(chromium, chromiumFlags(path.join(this.dir, 'profile')), {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      env: opts.env ?? process.env,
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
    this.timer = setTimeout(() => {
      this.fail(new PrinterError(`${chromium} did not finish printing (timed out)`));
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 60000);
    this.timer.unref();
    child.stderr!.on('data', (d: Buffer) => {
      if (this.stderr.length < 20000) this.stderr += d.toString();
    });
    child.on('error', (e) => this.fail(new PrinterError(`cannot start ${chromium}: ${e.message}`)));
    child.on('close', (code, signal) => {
      this.fail(
        new PrinterError(
          signal ? `${chromium} did not finish printing (${signal})` : `${chromium} failed (exit ${code}): ${lastLine(this.stderr)}`,
        ),
      );
    });
    const input = child.stdio[3] as Writable;
    const output = child.stdio[4] as Readable;
    // Chromium closing its end early shows as EPIPE here and as its exit above.
    input.on('error', () => {});
    output.on('error', () => {});
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
  }

  /** Starts Chromium ($DETAINER_STUDIO_CHROMIUM, else the first on PATH). Never throws: a failure to start is thrown by `print`. */
  static start(opts: PrintOptions = {}): ChromiumPrinter {
    return new ChromiumPrinter(opts.chromium ?? findChromium(), opts);
  }

  /** Prints one HTML document to PDF bytes. */
  async print(html: string): Promise<Uint8Array> {
    if (this.failure) throw this.failure;
    const page = path.join(this.dir, `document-${this.printed++}.html`);
    writeFileAtomic(page, html);
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    try {
      await this.send('Page.enable', {}, sessionId);
      await this.send('Page.setLifecycleEventsEnabled', { enabled: true }, sessionId);
      // Load events are collected from before the navigation starts, so none is missed.
      const loaded = new Set<string>();
      let onLoad: (() => void) | undefined;
      const listener = (method: string, params: Record<string, unknown>, from?: string) => {
        if (from !== sessionId || method !== 'Page.lifecycleEvent' || params.name !== 'load') return;
        loaded.add(String(params.frameId));
        onLoad?.();
      };
      this.listeners.add(listener);
      try {
        const nav = (await this.send('Page.navigate', { url: pathToFileURL(page).href }, sessionId)) as {
          frameId: string;
          errorText?: string;
        };
        if (nav.errorText) throw new PrinterError(`${this.chromium} could not open the document to print: ${nav.errorText}`);
        await new Promise<void>((resolve, reject) => {
          onLoad = () => loaded.has(nav.frameId) && resolve();
          onLoad();
          this.exited.then(() => reject(this.failure ?? new PrinterError(`${this.chromium} stopped`)));
        });
      } finally {
        this.listeners.delete(listener);
      }
      const { data } = (await this.send('Page.printToPDF', PRINT_PARAMETERS, sessionId)) as { data: string };
      const pdf = Buffer.from(data, 'base64');
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PrinterError(`${this.chromium} wrote something that is not a PDF`);
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      fs.rmSync(page, { force: true });
      await this.send('Target.closeTarget', { targetId }).catch(() => undefined);
    }
  }

  /** Ends Chromium (asking first, then killing it) and removes its profile. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      const killer = setTimeout(() => this.child!.kill('SIGKILL'), 2000);
      this.send('Browser.close', {}).catch(() => undefined);
      await this.exited;
      clearTimeout(killer);
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private send(method: string, params: Record<string, unknown>, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      (this.child!.stdio[3] as Writable).write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    let end: number;
    while ((end = this.buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.buffered.slice(0, end)) as {
        id?: number;
        result?: Record<string, unknown>;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
      };
      this.buffered = this.buffered.slice(end + 1);
      if (message.id !== undefined) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(new PrinterError(`${this.chromium}: ${message.error.message}`));
        else waiting?.resolve(message.result ?? {});
      } else if (message.method) {
        for (const listener of this.listeners) listener(message.method, message.params ?? {}, message.sessionId);
      }
    }
  }

  private fail(e: PrinterError): void {
    this.failure ??= e;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }
}

/** Prints one HTML document to PDF bytes with a Chromium started for it. */
export async function printHtmlToPdf(html: string, opts: PrintOptions = {}): Promise<Uint8Array> {
  const printer = ChromiumPrinter.start(opts);
  try {
    return await printer.print(html);
  } finally {
    await printer.close();
  }
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n').filter(Boolean);
  return lines[lines.length - 1] ?? 'no message';
}
