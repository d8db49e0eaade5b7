#!/usr/bin/env node
// Entry point of the `detainer-studio` command: runs the CLI bundled by `npm install` (scripts/build.mjs).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('detainer-studio: the command is not built yet; run `npm install` (or `npm run build`) in the repository\n');
  process.exit(2);
}
const { runAsProcess } = await import(pathToFileURL(bundle).href);
process.exitCode = await runAsProcess(process.argv.slice(2));
