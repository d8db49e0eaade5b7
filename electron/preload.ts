// The sandboxed preload: exposes exactly one object, implementing the host contract over IPC, through
// contextBridge. The page gets functions and plain data only, never ipcRenderer or an IPC event.

import { contextBridge, ipcRenderer } from 'electron';
import { HOST_GLOBAL, type Host, type HostInfo, type MenuEvent, type OpenedFile, type Result } from '../host/contract';
import type { EventChannel, EventChannels, InvokeArgs, InvokeChannel, InvokeResult } from '../host/ipc-channels';

async function invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>> {
  try {
    return (await ipcRenderer.invoke(channel, ...args)) as InvokeResult<C>;
  } catch (e) {
    // Only reached if the main process has no handler (e.g. while it is shutting down).
    const message = typeof (e as { message?: unknown } | null)?.message === 'string' ? (e as Error).message : String(e);
    return { ok: false, error: `${channel}: ${message}`, code: 'io' };
  }
}

function subscribe<C extends EventChannel>(channel: C, listener: (payload: EventChannels[C]) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  const forward = (_event: unknown, payload: EventChannels[C]) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

/**
 * Documents opened from outside (command line, double-click) can arrive before the page has
 * subscribed; they wait here and go to the first listener, so none is dropped.
 */
const waitingFiles: OpenedFile[] = [];
const openFileListeners = new Set<(file: OpenedFile) => void>();
ipcRenderer.on('host:opened-externally', (_event: unknown, file: OpenedFile) => {
  if (openFileListeners.size === 0) waitingFiles.push(file);
  for (const listener of openFileListeners) listener(file);
});

function onOpenFile(listener: (file: OpenedFile) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  openFileListeners.add(listener);
  const waiting = waitingFiles.splice(0);
  if (waiting.length) setTimeout(() => waiting.forEach((file) => listener(file)), 0);
  return () => {
    openFileListeners.delete(listener);
  };
}

const host: Host = {
  async info(): Promise<HostInfo> {
    const result = await invoke('host:info');
    return result.ok ? result.value : { kind: 'electron', platform: 'unknown', appVersion: 'unknown' };
  },
  openFile: (kind) => invoke('host:open-file', kind),
  readFile: (path) => invoke('host:read-file', path),
  saveFile: (request) => invoke('host:save-file', request),
  exportFile: (request) => invoke('host:export-file', request),
  recentFiles: () => invoke('host:recent-files'),
  listSamples: () => invoke('host:list-samples'),
  readSample: (name) => invoke('host:read-sample', name),
  writeRecovery: (entry) => invoke('host:write-recovery', entry),
  readRecovery: () => invoke('host:read-recovery'),
  clearRecovery: (docId) => invoke('host:clear-recovery', docId),
  setDirty(dirty: boolean): void {
    ipcRenderer.send('host:set-dirty', dirty === true);
  },
  printToPdf: (html) => invoke('host:print-to-pdf', html) as Promise<Result<Uint8Array>>,
  onMenu: (listener: (event: MenuEvent) => void) => subscribe('host:menu', listener),
  onOpenFile,
  onFileChanged: (listener: (path: string) => void) => subscribe('host:file-changed', listener),
};

contextBridge.exposeInMainWorld(HOST_GLOBAL, host);
