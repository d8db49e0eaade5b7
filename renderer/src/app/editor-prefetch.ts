// Fetching the YAML editor's code before it is needed, without running it: once the document is
// editable and the window is idle, the editor's chunks (named in index.html by the build) are added as
// module preloads, so the browser downloads and compiles them off the critical path. Showing the YAML
// view then only runs the code.

/** The meta element the build writes with the editor's chunks (renderer/vite.config.ts). */
export const EDITOR_CHUNKS_META = 'detainer-studio-editor-chunks';

let prefetched = false;

export function prefetchEditor(): void {
  if (prefetched) return;
  prefetched = true;
  const files = document.querySelector<HTMLMetaElement>(`meta[name="${EDITOR_CHUNKS_META}"]`)?.content.split(/\s+/).filter(Boolean) ?? [];
  for (const href of files) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    link.crossOrigin = '';
    document.head.appendChild(link);
  }
}

/** Runs `task` when the window is next idle (or after a second at the latest). */
export function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: 1000 });
  else setTimeout(task, 200);
}
