// `npm start [-- documents...]`: launches the Electron app. Where no Electron binary can be had, says so
// in one line and serves the browser build instead (`npm run web`).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = findElectronBinary();
if (!electron.path) {
  process.stdout.write(
    'The desktop window of Detainer Policy Studio is not installed on this computer, so the app opens in your web browser ' +
      'instead: open the address printed below in Chrome, Chromium or Edge. It is the same app; files are opened and saved ' +
      'through the browser (in the folder you choose, or in Downloads).\n' +
      `(Why: ${electron.reason}.)\n`,
  );
  forward(spawn(npm, ['run', '--silent', 'web'], { cwd: root, stdio: 'inherit' }));
} else {
  const webDir = process.env.DETAINER_STUDIO_WEB_DIR ? path.resolve(process.env.DETAINER_STUDIO_WEB_DIR) : path.join(root, 'dist', 'web');
  if (!fs.existsSync(path.join(webDir, 'index.html')) && pkg.scripts?.['build:web']) {
    const built = spawnSync(npm, ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  await buildElectron();
  // Chromium refuses to run as root with its OS-level sandbox on, so only a root session (a container or
  // CI) starts without it; a user's desktop session always keeps it.
  const rootArgs = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  forward(spawn(electron.path, [root, ...rootArgs, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }));
}
