// monaco-yaml (through monaco-worker-manager) still calls `editor.createWebWorker({ moduleId, label,
// createData })`; Monaco 0.57 wants `{ worker }`. This adapter starts the worker the way the old API
// did and hands the running worker to the new one.
import { editor } from 'monaco-editor/editor/editor.api';

export interface LegacyWebWorkerOptions {
  moduleId: string;
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: never[]) => unknown>;
  keepIdleModels?: boolean;
}

export type WorkerFactory = (label: string) => Worker;

export function legacyCreateWebWorker(factory: WorkerFactory) {
  return <T extends object>(opts: LegacyWebWorkerOptions): editor.MonacoWebWorker<T> => {
    const worker = Promise.resolve(factory(opts.label ?? 'monaco-editor-worker')).then((w) => {
      // The worker's first message only wakes it; the second carries its configuration.
      w.postMessage('ignore');
      w.postMessage(opts.createData);
      return w;
    });
    return editor.createWebWorker<T>({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
  };
}
