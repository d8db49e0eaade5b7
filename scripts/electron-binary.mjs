// Finds the Electron executable the `electron` package would launch, without triggering its download
// (requiring the package tries to fetch the binary from GitHub when it is missing, noisily).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `{ path }` of a runnable Electron, or `{ reason }` why there is none. Honours ELECTRON_OVERRIDE_DIST_PATH
 * (an unpacked Electron folder) the way the `electron` package does; otherwise reads the package's
 * path.txt and checks the binary is really there, and only then asks the package itself.
 */
export function findElectronBinary(env = process.env) {
  const packageDir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(packageDir, 'package.json'))) {
    return { reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(
      env.ELECTRON_OVERRIDE_DIST_PATH,
      executable || (process.platform === 'win32' ? 'electron.exe' : 'electron'),
    );
    return fs.existsSync(candidate)
      ? { path: candidate }
      : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron executable (${candidate})` };
  }
  if (!executable || !fs.existsSync(path.join(packageDir, 'dist', executable))) {
    return {
      reason:
        "Electron's binary was never downloaded: node_modules/electron/dist is missing, and it can only come from GitHub " +
        '(or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron folder)',
    };
  }
  try {
    const require = createRequire(import.meta.url);
    return { path: require(packageDir) };
  } catch (e) {
    return { reason: `Electron failed to install correctly (${e instanceof Error ? e.message.split('\n')[0] : e})` };
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const found = findElectronBinary();
  process.stdout.write((found.path ?? `none: ${found.reason}`) + '\n');
  process.exitCode = found.path ? 0 : 1;
}
