// What the tools that drive the browser build share (screenshots, renderer measurements, and the
// Chromium launch of the end-to-end and export tests): Debian's Chromium with the flags that keep it
// off the network, the web server started on a port, and waiting for the app's named events.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Debian's Chromium unless CHROMIUM_PATH names another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** As root, without a GPU, and never reaching out: no updates, sync or background requests. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Serves the browser build (dist/web) on 127.0.0.1:port; resolves with its address once it listens. */
export async function startWebServer(port) {
  const server = spawn(process.execPath, [path.join(root, 'renderer/tools/serve.mjs'), '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const address = await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      const m = /at (http:\/\/\S+)/.exec(String(chunk));
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`the web server stopped (exit ${code})`)));
  });
  return { address, server };
}

/** The first event `name` after the first `since` events whose detail has the values in `match` (waiting `timeout` ms at most). */
export function waitForEvent(page, name, match = {}, since = 0, timeout = 60_000) {
  return page
    .waitForFunction(
      ([n, m, from]) =>
        window.__detainerStudio
          ?.events()
          .slice(from)
          .find((e) => e.name === n && Object.entries(m).every(([k, v]) => JSON.stringify(e.detail[k]) === JSON.stringify(v))),
      [name, match, since],
      { timeout },
    )
    .then((h) => h.jsonValue());
}

/** How many events the app has emitted so far (to wait only for later ones). */
export function eventCount(page) {
  return page.evaluate(() => window.__detainerStudio.events().length);
}
