// Serves the browser build on 127.0.0.1 and prints its address: `npm run web` (builds first with
// --build) and the end-to-end tests' web server. Usage: node renderer/tools/serve.mjs [--build] [--port N]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const configFile = path.join(root, 'renderer/vite.config.ts');
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  process.stderr.write(`serve: --port must be a port number, not ${args[portArg + 1]}\n`);
  process.exit(2);
}

if (args.includes('--build') || !existsSync(path.join(root, 'dist/web/index.html'))) {
  await build({ configFile, logLevel: 'warn' });
}
const server = await preview({ configFile, logLevel: 'warn', preview: { host: '127.0.0.1', port, strictPort: true } });
const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
process.stdout.write(`Detainer Policy Studio (browser build) at ${address}\n`);
