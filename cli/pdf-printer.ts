// Prints HTML to PDF on the command line with headless Chromium: the same print engine (Blink and
// Skia) the desktop app's window uses, so a PDF from the CLI and one from the app lay out alike.
// Needs no display. The page is our own self-contained HTML, whose Content-Security-Policy forbids
// scripts and any fetch.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

/** Prints one HTML document to PDF bytes. */
export async function printHtmlToPdf(html: string, opts: PrintOptions = {}): Promise<Uint8Array> {
  const chromium = opts.chromium ?? findChromium();
  if (!chromium) {
    throw new PrinterError(
      'PDF needs Chromium or Chrome and none was found; install it (Debian: apt-get install chromium) or set DETAINER_STUDIO_CHROMIUM to its path',
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'detainer-studio-pdf-'));
  try {
    const page = path.join(dir, 'document.html');
    const out = path.join(dir, 'document.pdf');
    writeFileAtomic(page, html);
    const args = [
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
      '--no-pdf-header-footer',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      `--print-to-pdf=${out}`,
      pathToFileURL(page).href,
    ];
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'], env: opts.env ?? process.env });
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        if (err.length < 20000) err += d.toString();
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60000);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new PrinterError(`cannot start ${chromium}: ${e.message}`));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (signal) reject(new PrinterError(`${chromium} did not finish printing (${signal})`));
        else if (code !== 0) reject(new PrinterError(`${chromium} failed (exit ${code}): ${lastLine(err)}`));
        else resolve(err);
      });
    });
    let pdf: Buffer;
    try {
      pdf = fs.readFileSync(out);
    } catch {
      throw new PrinterError(`${chromium} wrote no PDF: ${lastLine(stderr)}`);
    }
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PrinterError(`${chromium} wrote something that is not a PDF`);
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n').filter(Boolean);
  return lines[lines.length - 1] ?? 'no message';
}
