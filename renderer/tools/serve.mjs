// Serves the browser build on 127.0.0.1 and prints its address: `npm run web` (builds first with
// --build) and the end-to-end tests' web server. Usage: node renderer/tools/serve.mjs [--build] [--port N]
// Text files (scripts, styles, HTML, JSON, SVG) are compressed once when the server starts and sent
// compressed (brotli or gzip, as the browser accepts), so no request waits for on-the-fly compression.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, preview } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const configFile = path.join(root, 'renderer/vite.config.ts');
const distDir = path.join(root, 'dist/web');
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  process.stderr.write(`serve: --port must be a port number, not ${args[portArg + 1]}\n`);
  process.exit(2);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Every compressible file of the build, compressed both ways, by its URL path. */
function compressBuild() {
  const files = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (TYPES[path.extname(entry.name)] && statSync(full).size >= 1024) {
        const bytes = readFileSync(full);
        files.set('/' + path.relative(distDir, full).split(path.sep).join('/'), {
          type: TYPES[path.extname(entry.name)],
          br: brotliCompressSync(bytes, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
          }),
          gzip: gzipSync(bytes, { level: 9 }),
        });
      }
    }
  };
  walk(distDir);
  return files;
}

/** Sends the precompressed copy of a build file before Vite's own (compress-on-request) middleware. */
function precompressed() {
  let files = null;
  return {
    name: 'detainer-studio:precompressed',
    configurePreviewServer(server) {
      files = compressBuild();
      const headers = server.config.preview.headers;
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
        const file = files.get(url === '/' ? '/index.html' : url);
        const accepts = String(req.headers['accept-encoding'] ?? '');
        const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
        if (!file || !encoding) return next();
        const body = file[encoding];
        res.statusCode = 200;
        for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
        res.setHeader('Content-Type', file.type);
        res.setHeader('Content-Encoding', encoding);
        res.setHeader('Content-Length', body.length);
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(req.method === 'HEAD' ? undefined : body);
      });
    },
  };
}

if (args.includes('--build') || !existsSync(path.join(distDir, 'index.html'))) {
  await build({ configFile, logLevel: 'warn' });
}
const server = await preview({
  configFile,
  logLevel: 'warn',
  plugins: [precompressed()],
  preview: { host: '127.0.0.1', port, strictPort: true },
});
const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
process.stdout.write(`Detainer Policy Studio (browser build) at ${address}\n`);
