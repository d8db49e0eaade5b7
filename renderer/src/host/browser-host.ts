// The host of the browser build (and of the end-to-end tests): files through the File System Access
// API where the browser has it, else a file input to open and a download to save; recovery copies in
// IndexedDB; bundled samples; keyboard shortcuts in place of the native menu.

import type {
  DocumentKind,
  ExportRequest,
  Host,
  HostErrorCode,
  HostInfo,
  MenuEvent,
  OpenedFile,
  RecoveryEntry,
  Result,
  SampleEntry,
  SavedFile,
  SaveRequest,
} from '../../../host/contract';
import { isBinaryCaseFile, workbookTooLarge } from '../../../host/contract';
import { all, put, RECENT_STORE, RECOVERY_STORE, remove } from './browser-store';
import { sampleKind } from './sample-kind';
import { browserShortcuts, commandFor } from './shortcuts';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(error: string, code?: HostErrorCode): Result<T> => ({ ok: false, error, ...(code ? { code } : {}) });

/** Every sample under samples/, read only when asked for. */
const SAMPLE_FILES = import.meta.glob('../../../samples/**/*.{yaml,yml,json,csv}', {
  query: '?raw',
  import: 'default',
}) as Record<string, () => Promise<string>>;

/** Where earlier versions kept recovery copies (localStorage); still read, then cleared. */
const LEGACY_RECOVERY_PREFIX = 'detainer-studio.recovery.';
/** Largest document kept as a recovery copy (the desktop app's limit for a save is larger). */
const MAX_RECOVERY_CHARS = 20_000_000;

/** Recent files kept between visits. */
const MAX_RECENT = 10;

interface RecentFile {
  key: string;
  handle: FileSystemFileHandle;
  at: number;
}

/** The permission calls of the File System Access API, which TypeScript's DOM types lack. */
interface PermissionHandle {
  queryPermission?(options: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
  requestPermission?(options: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
}

function isRecoveryEntry(value: unknown): value is RecoveryEntry {
  const v = value as Partial<RecoveryEntry> | null;
  return !!v && typeof v.docId === 'string' && typeof v.name === 'string' && typeof v.text === 'string' && typeof v.savedAtMs === 'number';
}

const ACCEPT: Record<DocumentKind, { description: string; extensions: string[]; mime: string }> = {
  ordinance: { description: 'Ordinance (YAML)', extensions: ['.yaml', '.yml'], mime: 'application/yaml' },
  cases: {
    description: 'Booking cases (JSON, YAML or CSV) or ICE detainer records (.xlsx or CSV)',
    extensions: ['.json', '.yaml', '.yml', '.csv', '.xlsx'],
    mime: 'application/json',
  },
  scenario: { description: 'Scenario (YAML)', extensions: ['.yaml', '.yml'], mime: 'application/yaml' },
  mapping: { description: 'Column mapping (YAML or JSON)', extensions: ['.yaml', '.yml', '.json'], mime: 'application/yaml' },
};

/**
 * A file's content as the host contract gives it: text, or the File itself (read in slices where it
 * is imported) for a workbook and for any file opened as a case set, which may be far larger than a
 * string should hold.
 */
async function contentOf(file: File, kind?: DocumentKind): Promise<{ text: string; file?: Blob }> {
  if (!isBinaryCaseFile(file.name)) return kind === 'cases' ? { text: '', file } : { text: await file.text() };
  const tooLarge = workbookTooLarge(file.name, file.size);
  if (tooLarge) throw new Error(tooLarge);
  return { text: '', file };
}

function sampleName(key: string): string {
  return key.replace(/^(\.\.\/)+samples\//, '');
}

function humanize(name: string): string {
  const base = name
    .split('/')
    .pop()!
    .replace(/\.(ordinance|cases|scenario)?\.?(ya?ml|json|csv)$/i, '');
  const words = base.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface FilePickerWindow {
  showOpenFilePicker?: (options: unknown) => Promise<FileSystemFileHandle[]>;
  showSaveFilePicker?: (options: unknown) => Promise<FileSystemFileHandle>;
}

const EXPORT_DESCRIPTIONS: Record<string, string> = {
  '.docx': 'Word document',
  '.pdf': 'PDF document',
  '.html': 'Web page',
  '.md': 'Markdown',
  '.json': 'JSON',
  '.yaml': 'YAML',
};

/** The save picker's file type for an export, so it offers the right extension (none for an unknown one). */
function exportTypes(request: ExportRequest): Array<{ description: string; accept: Record<string, string[]> }> | undefined {
  const ext = /\.[a-z0-9]+$/i.exec(request.suggestedName)?.[0]?.toLowerCase();
  const mime = request.mimeType.split(';')[0]!.trim();
  if (!ext || !EXPORT_DESCRIPTIONS[ext] || !/^[a-z]+\/[a-z0-9.+-]+$/i.test(mime)) return undefined;
  return [{ description: EXPORT_DESCRIPTIONS[ext]!, accept: { [mime]: [ext] } }];
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface BrowserHostOptions {
  /** Use the File System Access API when the browser offers it (default true). */
  fileSystemAccess?: boolean;
  appVersion?: string;
}

export function createBrowserHost(options: BrowserHostOptions = {}): Host {
  const pickers = window as unknown as FilePickerWindow;
  const useFsAccess = options.fileSystemAccess !== false && typeof pickers.showOpenFilePicker === 'function';
  // Files opened or saved through the File System Access API, by the opaque path the renderer sees.
  const handles = new Map<string, { handle: FileSystemFileHandle; lastModified: number }>();
  let handleCount = 0;
  const menuListeners = new Set<(e: MenuEvent) => void>();
  const openListeners = new Set<(f: OpenedFile) => void>();
  const changeListeners = new Set<(path: string) => void>();
  let dirty = false;

  /** Holds a file's handle under an opaque path; kept in IndexedDB too, as a recent file for later visits. */
  const remember = async (handle: FileSystemFileHandle, lastModified: number): Promise<string> => {
    let key: string | undefined;
    for (const [k, e] of handles) if (await e.handle.isSameEntry(handle).catch(() => false)) key = k;
    key ??= `browser-file:${Date.now().toString(36)}-${++handleCount}/${handle.name}`;
    handles.set(key, { handle, lastModified });
    await put(RECENT_STORE, key, { key, handle, at: Date.now() } satisfies RecentFile).catch(() => undefined);
    return key;
  };

  /** The recent files of earlier visits, newest first, their handles ready for readFile. */
  const recent = async (): Promise<string[]> => {
    const stored = await all<RecentFile>(RECENT_STORE).catch(() => [] as RecentFile[]);
    stored.sort((a, b) => b.at - a.at);
    for (const r of stored.slice(MAX_RECENT)) void remove(RECENT_STORE, r.key).catch(() => undefined);
    const kept = stored.slice(0, MAX_RECENT);
    for (const r of kept) if (!handles.has(r.key)) handles.set(r.key, { handle: r.handle, lastModified: 0 });
    return kept.map((r) => r.key);
  };

  const openWithInput = (kind: DocumentKind): Promise<File | null> =>
    new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = ACCEPT[kind].extensions.join(',');
      input.style.display = 'none';
      input.setAttribute('aria-hidden', 'true');
      const done = (file: File | null) => {
        input.remove();
        resolve(file);
      };
      input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
      input.addEventListener('cancel', () => done(null), { once: true });
      document.body.append(input);
      input.click();
    });

  const download = (name: string, data: string | Uint8Array, mime: string) => {
    const blob = new Blob([typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>)], { type: mime });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    // The download has started once click() returns; free the blob a little later.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const shortcuts = browserShortcuts(navigator.platform);
  const onKeyDown = (event: KeyboardEvent) => {
    const command = commandFor(event, shortcuts);
    if (!command || menuListeners.size === 0) return;
    event.preventDefault();
    event.stopPropagation();
    for (const l of menuListeners) l({ command });
  };

  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = '';
  };

  const onDragOver = (event: DragEvent) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  };
  const onDrop = async (event: DragEvent) => {
    const file = event.dataTransfer?.files?.[0];
    if (!file || openListeners.size === 0) return;
    event.preventDefault();
    let content: { text: string; file?: Blob };
    try {
      content = await contentOf(file);
    } catch (e) {
      // A workbook too large to hold: the window's alert is the only voice a drop has.
      window.alert(message(e));
      return;
    }
    const opened: OpenedFile = { path: null, name: file.name, ...content, mtimeMs: file.lastModified };
    for (const l of openListeners) l(opened);
  };

  // Coming back to the window: has a file we hold a handle to changed meanwhile?
  const onFocus = async () => {
    for (const [path, entry] of handles) {
      // Recent files of earlier visits are not open: nothing to compare with.
      if (entry.lastModified === 0) continue;
      try {
        const file = await entry.handle.getFile();
        if (file.lastModified > entry.lastModified) {
          entry.lastModified = file.lastModified;
          for (const l of changeListeners) l(path);
        }
      } catch {
        // The file went away or permission lapsed: nothing to warn about until a save tries.
      }
    }
  };

  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('beforeunload', onBeforeUnload);
  window.addEventListener('dragover', onDragOver);
  window.addEventListener('drop', (e) => void onDrop(e));
  window.addEventListener('focus', () => void onFocus());

  return {
    async info(): Promise<HostInfo> {
      return {
        kind: 'browser',
        platform: navigator.platform || 'web',
        appVersion: options.appVersion ?? '0.0.0',
        savesByDownload: !(useFsAccess && typeof pickers.showSaveFilePicker === 'function'),
      };
    },

    async openFile(kind) {
      try {
        if (useFsAccess) {
          const accept = { [ACCEPT[kind].mime]: ACCEPT[kind].extensions };
          const [handle] = await pickers.showOpenFilePicker!({
            types: [{ description: ACCEPT[kind].description, accept }],
            multiple: false,
          });
          if (!handle) return ok(null);
          const file = await handle.getFile();
          const path = await remember(handle, file.lastModified);
          return ok({ path, name: file.name, ...(await contentOf(file, kind)), mtimeMs: file.lastModified });
        }
        const file = await openWithInput(kind);
        if (!file) return ok(null);
        return ok({ path: null, name: file.name, ...(await contentOf(file, kind)), mtimeMs: file.lastModified });
      } catch (e) {
        return isAbort(e) ? ok(null) : fail(`could not open the file: ${message(e)}`);
      }
    },

    async readFile(path) {
      const entry = handles.get(path);
      if (!entry) return fail(`the browser can only reopen files opened in this window (${path})`);
      try {
        // A handle kept from an earlier visit may need the person's permission again.
        const permitted = entry.handle as FileSystemFileHandle & PermissionHandle;
        if (permitted.queryPermission && (await permitted.queryPermission({ mode: 'readwrite' })) !== 'granted') {
          if ((await permitted.requestPermission?.({ mode: 'readwrite' })) !== 'granted')
            return fail(`the browser needs your permission to open ${entry.handle.name} again`);
        }
        const file = await entry.handle.getFile();
        entry.lastModified = file.lastModified;
        return ok({ path, name: file.name, ...(await contentOf(file)), mtimeMs: file.lastModified });
      } catch (e) {
        return fail(`could not read ${entry.handle.name}: ${message(e)}`);
      }
    },

    async saveFile(request: SaveRequest): Promise<Result<SavedFile | null>> {
      try {
        let entry = request.path ? handles.get(request.path) : undefined;
        const sameFile = entry !== undefined;
        let path = request.path;
        if (!entry && useFsAccess && typeof pickers.showSaveFilePicker === 'function') {
          const handle = await pickers.showSaveFilePicker({
            suggestedName: request.suggestedName,
            types: [{ description: ACCEPT.ordinance.description, accept: { [ACCEPT.ordinance.mime]: ACCEPT.ordinance.extensions } }],
          });
          path = await remember(handle, 0);
          entry = handles.get(path)!;
        }
        if (!entry) {
          download(request.suggestedName, request.text, 'application/yaml');
          return ok({ path: null, name: request.suggestedName, mtimeMs: null, downloaded: true });
        }
        const current = await entry.handle.getFile().catch(() => null);
        if (sameFile && current && !request.force && request.expectedMtimeMs !== null && current.lastModified > request.expectedMtimeMs) {
          return fail(`${entry.handle.name} changed on disk since it was opened; save anyway to overwrite it`, 'changed-on-disk');
        }
        const writable = await entry.handle.createWritable();
        await writable.write(request.text);
        await writable.close();
        const written = await entry.handle.getFile();
        entry.lastModified = written.lastModified;
        return ok({ path, name: entry.handle.name, mtimeMs: written.lastModified });
      } catch (e) {
        return isAbort(e) ? ok(null) : fail(`could not save: ${message(e)}`);
      }
    },

    async exportFile(request: ExportRequest) {
      try {
        if (useFsAccess && typeof pickers.showSaveFilePicker === 'function') {
          const handle = await pickers.showSaveFilePicker({ suggestedName: request.suggestedName, types: exportTypes(request) });
          const writable = await handle.createWritable();
          await writable.write(typeof request.data === 'string' ? request.data : (request.data as Uint8Array<ArrayBuffer>));
          await writable.close();
          return ok({ path: null, name: handle.name, mtimeMs: null });
        }
        download(request.suggestedName, request.data, request.mimeType);
        return ok({ path: null, name: request.suggestedName, mtimeMs: null, downloaded: true });
      } catch (e) {
        return isAbort(e) ? ok(null) : fail(`could not export: ${message(e)}`);
      }
    },

    async recentFiles() {
      return ok(await recent());
    },

    async listSamples() {
      const names = Object.keys(SAMPLE_FILES).map(sampleName).sort();
      const entries: SampleEntry[] = [];
      for (const name of names) {
        const kind = sampleKind(name);
        let title = humanize(name);
        if (kind === 'ordinance') {
          const text = await SAMPLE_FILES[`../../../samples/${name}`]!();
          const m = /^title:\s*["']?(.+?)["']?\s*$/m.exec(text);
          if (m) title = m[1]!;
        }
        entries.push({ name, kind, title });
      }
      return ok(entries);
    },

    async readSample(name) {
      const load = SAMPLE_FILES[`../../../samples/${name}`];
      if (!load) return fail(`no sample named ${name}`);
      try {
        return ok({ path: null, name: name.split('/').pop()!, text: await load(), mtimeMs: null });
      } catch (e) {
        return fail(`could not read the sample ${name}: ${message(e)}`);
      }
    },

    async writeRecovery(entry: RecoveryEntry) {
      if (entry.text.length > MAX_RECOVERY_CHARS) return fail('the document is too large for a recovery copy in the browser');
      try {
        await put(RECOVERY_STORE, entry.docId, entry);
        return ok(undefined);
      } catch (e) {
        return fail(`could not keep a recovery copy: ${message(e)}`);
      }
    },

    async readRecovery() {
      const entries: RecoveryEntry[] = [];
      try {
        entries.push(...(await all<RecoveryEntry>(RECOVERY_STORE)).filter(isRecoveryEntry));
      } catch (e) {
        return fail(`could not read the recovery copies: ${message(e)}`);
      }
      // Copies kept by earlier versions of the browser build, in localStorage.
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (!key?.startsWith(LEGACY_RECOVERY_PREFIX)) continue;
        try {
          const e = JSON.parse(localStorage.getItem(key) ?? '') as unknown;
          if (isRecoveryEntry(e) && !entries.some((x) => x.docId === e.docId)) entries.push(e);
        } catch {
          localStorage.removeItem(key);
        }
      }
      return ok(entries.sort((a, b) => b.savedAtMs - a.savedAtMs));
    },

    async clearRecovery(docId) {
      localStorage.removeItem(LEGACY_RECOVERY_PREFIX + docId);
      try {
        await remove(RECOVERY_STORE, docId);
        return ok(undefined);
      } catch (e) {
        return fail(`could not remove the recovery copy: ${message(e)}`);
      }
    },

    setDirty(value) {
      dirty = value;
    },

    async printToPdf() {
      return fail('the browser has no PDF writer: in File > Export choose PDF, then Print… and "Save as PDF" as the destination');
    },

    onMenu(listener) {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },

    onOpenFile(listener) {
      openListeners.add(listener);
      return () => openListeners.delete(listener);
    },

    onFileChanged(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
  };
}
