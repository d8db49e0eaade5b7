// What the `app://` protocol answers: the built web bundle (app://studio/...) with the security headers,
// and one-shot documents for PDF printing (app://print/...). Plain Node, so it is tested without Electron.

import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { APP_HOST, APP_SCHEME, PRINT_CONTENT_SECURITY_POLICY, PRINT_HOST, securityHeaders } from './security';

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function notFound(message = 'not found'): AppResponse {
  return { status: 404, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }, body: message };
}

/**
 * The file under `webDir` that an app URL names, or null when it names nothing there: another scheme
 * or host, an encoded separator, or a path that climbs out of the bundle.
 */
export function resolveWebFile(url: string, webDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = path.resolve(webDir);
  const file = path.resolve(root, '.' + path.posix.normalize(pathname));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

/** One-shot HTML documents waiting to be printed, each under an unguessable name. */
export class PrintJobs {
  private readonly jobs = new Map<string, string>();

  add(html: string): string {
    const token = randomBytes(16).toString('hex');
    this.jobs.set(token, html);
    return token;
  }

  url(token: string): string {
    return `${APP_SCHEME}://${PRINT_HOST}/${token}.html`;
  }

  html(token: string): string | undefined {
    return this.jobs.get(token);
  }

  remove(token: string): void {
    this.jobs.delete(token);
  }

  get size(): number {
    return this.jobs.size;
  }
}

/** Answers one request on the app scheme. Never throws: failures become 404 responses. */
export async function answerAppRequest(url: string, webDir: string, printJobs: PrintJobs): Promise<AppResponse> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return notFound('bad address');
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === PRINT_HOST) {
    const token = /^\/([0-9a-f]{32})\.html$/.exec(parsed.pathname)?.[1];
    const html = token ? printJobs.html(token) : undefined;
    if (html === undefined) return notFound();
    return {
      status: 200,
      headers: { ...securityHeaders(PRINT_CONTENT_SECURITY_POLICY), 'Content-Type': 'text/html; charset=utf-8' },
      body: html,
    };
  }
  const file = resolveWebFile(url, webDir);
  if (!file) return notFound();
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return notFound();
    const body = await fs.readFile(file);
    return { status: 200, headers: { ...securityHeaders(), 'Content-Type': mimeTypeOf(file) }, body: new Uint8Array(body) };
  } catch {
    return notFound();
  }
}
