// Vite build of the renderer: React, Monaco bundled with only the YAML language, workers as ES modules.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const appVersion = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The policy written in index.html, also sent as a header by the preview server: a <meta> policy
 * binds the page, but workers get theirs only from the headers of their own script.
 */
const contentSecurityPolicy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
  readFileSync(path.join(here, 'index.html'), 'utf8'),
)?.[1];
if (!contentSecurityPolicy) throw new Error('renderer/index.html must carry a Content-Security-Policy');

/**
 * The dev server injects inline scripts (React refresh) and talks over a websocket, which the strict
 * policy in index.html forbids; relax it for `vite dev` only. Built files keep the strict policy.
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'detainer-studio:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http:");
    },
  };
}

/**
 * The licences of the typefaces the build ships (the preview's font files and the fonts the exporters
 * embed, SIL Open Font License 1.1), written beside them as licenses/fonts/*-LICENSE.txt.
 */
function fontLicences(): Plugin {
  return {
    name: 'detainer-studio:font-licences',
    apply: 'build',
    generateBundle() {
      for (const pkg of ['tinos', 'arimo', 'cousine']) {
        const source = readFileSync(path.join(root, 'node_modules/@fontsource', pkg, 'LICENSE'), 'utf8');
        this.emitFile({ type: 'asset', fileName: `licenses/fonts/${pkg}-LICENSE.txt`, source });
      }
    },
  };
}

/**
 * The YAML editor (Monaco) is a chunk of its own, imported when the YAML view is first shown. Its
 * files are named in index.html by a meta element (not loaded by it), so the app can have the browser
 * fetch and compile them when the window is idle after the document became editable
 * (renderer/src/app/editor-prefetch.ts).
 */
function editorChunks(): Plugin {
  return {
    name: 'detainer-studio:editor-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const editor = chunks.find((c) => c.facadeModuleId?.endsWith('/renderer/src/editor/editor-module.ts'));
        if (!editor) throw new Error('the editor chunk (renderer/src/editor/editor-module.ts) was not found');
        const files = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = chunks.find((c) => c.fileName === fileName);
          if (!chunk || chunk.isEntry || files.has(fileName)) return;
          files.add(fileName);
          chunk.imports.forEach(visit);
        };
        visit(editor.fileName);
        return [
          {
            tag: 'meta',
            attrs: { name: 'detainer-studio-editor-chunks', content: [...files].map((f) => `./${f}`).join(' ') },
            injectTo: 'head' as const,
          },
        ];
      },
    },
  };
}

export default defineConfig({
  root: here,
  // Relative asset paths, so the same build loads from file:// or a custom protocol in Electron.
  base: './',
  plugins: [react(), devContentSecurityPolicy(), fontLicences(), editorChunks()],
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  resolve: {
    alias: [
      // monaco-yaml's worker imports `monaco-editor/esm/vs/...`, which monaco-editor's export map
      // no longer resolves; point it at the files.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: path.join(root, 'node_modules/monaco-editor/esm/vs/$1') },
    ],
  },
  worker: { format: 'es' },
  build: {
    outDir: path.join(root, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: true,
  },
  server: { host: '127.0.0.1', fs: { allow: [root] } },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': contentSecurityPolicy } },
});
