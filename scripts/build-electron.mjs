// Bundles Electron's main process and preload with esbuild into dist/electron/: CommonJS both, because
// a sandboxed preload can't be an ES module, and the main process loads fastest as one file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Output folder; ELECTRON_OUT_DIR moves it (tests build into a temporary folder). */
export const electronOutDir = process.env.ELECTRON_OUT_DIR
  ? path.resolve(process.env.ELECTRON_OUT_DIR)
  : path.join(root, 'dist', 'electron');

/** Electron 45 runs Node 22 in the main process and Chromium 140 in the preload. */
const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  external: ['electron'],
};

export async function buildElectron(outDir = electronOutDir) {
  const esbuild = await import('esbuild');
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [path.join(root, 'electron', 'main.ts')],
      outfile: path.join(outDir, 'main.cjs'),
      platform: 'node',
      target: 'node22',
    }),
    esbuild.build({
      ...common,
      entryPoints: [path.join(root, 'electron', 'preload.ts')],
      outfile: path.join(outDir, 'preload.cjs'),
      // The sandboxed preload may require only 'electron': bundle for the browser so no Node built-in slips in.
      platform: 'browser',
      target: 'chrome140',
    }),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  await buildElectron();
  process.stderr.write(
    `build:electron: ${path.relative(root, electronOutDir) || '.'}/main.cjs and preload.cjs ready (${(performance.now() - t0).toFixed(0)} ms)\n`,
  );
}
