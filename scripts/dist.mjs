// `npm run dist [-- electron-builder options]`: builds the web pages and the Electron bundles, then the
// installers with electron-builder (build/electron-builder.yml). Without options it builds this
// platform's installers (Linux: AppImage and deb). ELECTRON_DIST=<unpacked Electron folder> packs from
// that folder instead of downloading Electron, e.g. `ELECTRON_DIST=~/electron-v45.6.1-linux-x64 npm run dist -- --linux dir`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The renderer's built pages: built now if the project has a build:web script and they are missing. */
function ensureWebBundle() {
  const webDir = process.env.DETAINER_STUDIO_WEB_DIR ? path.resolve(process.env.DETAINER_STUDIO_WEB_DIR) : path.join(root, 'dist', 'web');
  if (pkg.scripts?.['build:web']) run('npm', ['run', 'build:web']);
  if (!fs.existsSync(path.join(webDir, 'index.html'))) {
    process.stderr.write(
      `dist: no web bundle in ${path.relative(root, webDir) || webDir} (index.html missing); build the renderer first (npm run build:web)\n`,
    );
    process.exit(1);
  }
}

ensureWebBundle();
await buildElectron();
const args = ['--config', 'build/electron-builder.yml', ...process.argv.slice(2)];
if (process.env.ELECTRON_DIST) {
  args.push(`-c.electronDist=${path.resolve(process.env.ELECTRON_DIST)}`);
  const version = pkg.devDependencies?.electron?.replace(/^[^\d]*/, '');
  if (version) args.push(`-c.electronVersion=${version}`);
}
run(path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder'), args);
