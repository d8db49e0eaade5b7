// Documents on disk for the main process: open, save (atomic, refusing to overwrite a file whose
// content changed or that was deleted since it was read), export, recent files, recovery copies and samples. Plain Node with the dialogs
// injected, so every path is tested without Electron.

import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type {
  DocumentKind,
  ExportRequest,
  HostErrorCode,
  OpenedFile,
  RecoveryEntry,
  SampleEntry,
  SavedFile,
  SaveRequest,
} from '../host/contract';
import { isBinaryCaseFile, MAX_CASE_WORKBOOK_BYTES, workbookTooLarge } from '../host/contract';
import { contentHash, FileError, readBytes, readText, removeStaleTempFiles, writeFileAtomic } from '../host/files.node';

export { removeStaleTempFiles };

/** A failure the renderer is told about, with a code it can act on. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The operating system's file dialogs (Electron's `dialog` in the app, scripted answers in tests). */
export interface FileDialogs {
  /** Asks for a file to open; null when the user cancels. */
  chooseFileToOpen(options: { title: string; filters: FileFilter[]; defaultPath?: string }): Promise<string | null>;
  /** Asks where to save; null when the user cancels. The dialog itself confirms overwriting. */
  chooseSaveLocation(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
}

export interface FileServiceOptions {
  /** Electron's userData folder: recent files and recovery copies live here. */
  userDataDir: string;
  /** Folder holding the bundled samples (samples/ in development, resources/samples when packaged). */
  samplesDir: string;
  dialogs: FileDialogs;
  /** Where dialogs start when no document has been opened yet. */
  documentsDir?: string;
  maxRecentFiles?: number;
  /** Called after the recent-files list changed (to rebuild the Open Recent menu). */
  onRecentFilesChanged?: (files: string[]) => void;
  /** Called for every document read or saved, so the watcher can follow it (with its content's SHA-256). */
  onDocumentTracked?: (file: string, mtimeMs: number, hash: string) => void;
}

export const DEFAULT_MAX_RECENT_FILES = 10;
/** Largest text accepted for a save, an export or a recovery copy. */
export const MAX_WRITE_BYTES = 512 * 1024 * 1024;

const FILTERS: Record<DocumentKind, FileFilter[]> = {
  ordinance: [
    { name: 'Ordinance', extensions: ['ordinance.yaml', 'yaml', 'yml'] },
    { name: 'All files', extensions: ['*'] },
  ],
  cases: [
    { name: 'Case set', extensions: ['csv', 'json', 'yaml', 'yml', 'xlsx'] },
    { name: 'All files', extensions: ['*'] },
  ],
  scenario: [
    { name: 'Scenario', extensions: ['yaml', 'yml', 'json'] },
    { name: 'All files', extensions: ['*'] },
  ],
  mapping: [
    { name: 'Column mapping', extensions: ['yaml', 'yml', 'json'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

const OPEN_TITLES: Record<DocumentKind, string> = {
  ordinance: 'Open ordinance',
  cases: 'Choose case set',
  scenario: 'Open scenario',
  mapping: 'Load column mapping',
};

const EXPORT_EXTENSIONS: Record<string, FileFilter> = {
  'text/markdown': { name: 'Markdown', extensions: ['md'] },
  'text/html': { name: 'Web page', extensions: ['html'] },
  'application/pdf': { name: 'PDF', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { name: 'Word document', extensions: ['docx'] },
  'application/json': { name: 'JSON', extensions: ['json'] },
  'text/csv': { name: 'CSV', extensions: ['csv'] },
  'text/yaml': { name: 'YAML', extensions: ['yaml', 'yml'] },
  'text/plain': { name: 'Text', extensions: ['txt'] },
};

/** A file name safe to offer in a dialog: no folders, no control or reserved characters. */
export function safeFileName(name: string, fallback = 'untitled'): string {
  const base = path.posix.basename(name.replace(/\\/g, '/'));
  const cleaned = Array.from(base, (ch) => (ch.charCodeAt(0) < 0x20 || '<>:"|?*'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/^\.+/, '')
    .trim();
  return cleaned.slice(0, 200) || fallback;
}

/** Paths compare case-insensitively where the file system usually is. */
function pathKey(file: string): string {
  const resolved = path.resolve(file);
  return process.platform === 'win32' || process.platform === 'darwin' ? resolved.toLowerCase() : resolved;
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/** The recent-files list: most recent first, no duplicates, at most `max` entries. */
export function pushRecent(list: readonly string[], file: string, max: number): string[] {
  const key = pathKey(file);
  return [path.resolve(file), ...list.filter((f) => pathKey(f) !== key)].slice(0, max);
}

/** File name of a document's recovery copy: a hash, so no document id can name a path. */
export function recoveryFileName(docId: string): string {
  return createHash('sha256').update(docId, 'utf8').digest('hex').slice(0, 40) + '.json';
}

function isRecoveryEntry(value: unknown): value is RecoveryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.docId === 'string' &&
    typeof v.name === 'string' &&
    typeof v.text === 'string' &&
    typeof v.savedAtMs === 'number' &&
    Number.isFinite(v.savedAtMs)
  );
}

/** Title of a sample: an ordinance's `title:` line, otherwise its file name in words. */
export function sampleTitle(file: string, kind: DocumentKind): string {
  if (kind === 'ordinance') {
    try {
      const head = fs.readFileSync(file, 'utf8').slice(0, 8192);
      const match = /^title:[ \t]*(.+?)[ \t]*$/m.exec(head);
      if (match?.[1]) return match[1].replace(/^(['"])(.*)\1$/, '$2');
    } catch {
      // fall back to the file name
    }
  }
  const base = path
    .basename(file)
    .replace(/\.(ordinance\.yaml|cases\.(?:json|yaml|yml|csv)|scenario\.(?:yaml|yml|json)|yaml|yml|json|csv)$/i, '');
  const words = base.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const SAMPLE_FOLDERS: [string, DocumentKind][] = [
  ['ordinances', 'ordinance'],
  ['cases', 'cases'],
  ['scenarios', 'scenario'],
];

export class FileService {
  private readonly userDataDir: string;
  private readonly samplesDir: string;
  private readonly dialogs: FileDialogs;
  private readonly maxRecent: number;
  private readonly recentFile: string;
  private readonly recoveryDir: string;
  /** Paths the user chose this session (dialogs, command line, double-click). */
  private readonly granted = new Set<string>();
  private recent: string[];
  private lastDir: string;
  /**
   * What each document held when this host last read or wrote it: path → modification time → SHA-256.
   * A save names the version it edits by the modification time it was given; the content decides.
   */
  private readonly versions = new Map<string, Map<number, string>>();

  constructor(private readonly options: FileServiceOptions) {
    this.userDataDir = options.userDataDir;
    this.samplesDir = options.samplesDir;
    this.dialogs = options.dialogs;
    this.maxRecent = options.maxRecentFiles ?? DEFAULT_MAX_RECENT_FILES;
    this.recentFile = path.join(this.userDataDir, 'recent-files.json');
    this.recoveryDir = path.join(this.userDataDir, 'recovery');
    this.recent = this.loadRecent();
    this.lastDir = options.documentsDir ?? this.userDataDir;
  }

  // ---- permission to touch a path ------------------------------------------------------------

  /** Records that the user chose this path (dialog, command line, file association, recent list). */
  grant(file: string): void {
    this.granted.add(pathKey(file));
  }

  /** The renderer may read or overwrite only files the user chose: never an arbitrary path. */
  isGranted(file: string): boolean {
    const key = pathKey(file);
    return this.granted.has(key) || this.recent.some((f) => pathKey(f) === key);
  }

  // ---- opening ---------------------------------------------------------------------------------

  async openWithDialog(kind: DocumentKind): Promise<OpenedFile | null> {
    const chosen = await this.dialogs.chooseFileToOpen({ title: OPEN_TITLES[kind], filters: FILTERS[kind], defaultPath: this.lastDir });
    if (!chosen) return null;
    this.grant(chosen);
    return this.read(chosen, { addToRecent: kind === 'ordinance' });
  }

  /** Reads a file the user chose. Ordinances join the recent list; case sets and scenarios don't. */
  readGranted(file: string): OpenedFile {
    if (!this.isGranted(file)) {
      throw new HostError('not-permitted', `${path.basename(file)}: open it with File > Open first (the app reads only files you chose)`);
    }
    return this.read(file, { addToRecent: /\.ordinance\.ya?ml$/i.test(file) || this.recent.some((f) => pathKey(f) === pathKey(file)) });
  }

  /** Opens a file named outside the app (command line, double-click, second instance). */
  openFromOutside(file: string): OpenedFile {
    this.grant(file);
    return this.read(file, { addToRecent: true });
  }

  private read(file: string, { addToRecent }: { addToRecent: boolean }): OpenedFile {
    const resolved = path.resolve(file);
    let bytes: Buffer;
    const workbook = isBinaryCaseFile(resolved);
    try {
      // A workbook goes to the renderer whole, as bytes: it is read only up to the size the app takes.
      bytes = workbook ? readBytes(resolved, MAX_CASE_WORKBOOK_BYTES) : readBytes(resolved);
    } catch (e) {
      if (e instanceof FileError && e.message === 'no such file') this.forgetRecent(resolved);
      // Too large for the app, not for the command line: say how to simulate it anyway.
      if (workbook && e instanceof FileError && e.reason === 'too-large') {
        throw new HostError(
          'io',
          workbookTooLarge(path.basename(resolved), statOrNull(resolved)?.size ?? Infinity) ?? `${e.file}: ${e.message}`,
        );
      }
      throw e;
    }
    const mtimeMs = statOrNull(resolved)?.mtimeMs ?? null;
    this.lastDir = path.dirname(resolved);
    if (addToRecent) this.addRecent(resolved);
    if (mtimeMs !== null) {
      const hash = contentHash(bytes);
      this.rememberVersion(resolved, mtimeMs, hash);
      this.options.onDocumentTracked?.(resolved, mtimeMs, hash);
    }
    const name = path.basename(resolved);
    // An Excel workbook of case records goes to the renderer as bytes; everything else as text.
    if (workbook) return { path: resolved, name, text: '', bytes: new Uint8Array(bytes), mtimeMs };
    return { path: resolved, name, text: bytes.toString('utf8'), mtimeMs };
  }

  private rememberVersion(file: string, mtimeMs: number, hash: string): void {
    const key = pathKey(file);
    const known = this.versions.get(key) ?? new Map<number, string>();
    known.delete(mtimeMs);
    known.set(mtimeMs, hash);
    while (known.size > 8) known.delete(known.keys().next().value as number);
    this.versions.delete(key);
    this.versions.set(key, known);
    while (this.versions.size > 256) this.versions.delete(this.versions.keys().next().value as string);
  }

  /** The content this host saw at that modification time, if it read or wrote the file then. */
  private knownVersion(file: string, mtimeMs: number): string | undefined {
    return this.versions.get(pathKey(file))?.get(mtimeMs);
  }

  // ---- saving ----------------------------------------------------------------------------------

  /**
   * Saves atomically. With a path, the file must be one the user chose and must still hold what this
   * host read or wrote at `expectedMtimeMs` (compared by content, so an edit that kept the modification
   * time is caught, and a file deleted meanwhile is not silently recreated), unless `force`; without a
   * path, asks where (Save As).
   */
  async save(request: SaveRequest): Promise<SavedFile | null> {
    let target: string;
    let expectedHash: string | undefined;
    if (request.path === null) {
      const chosen = await this.dialogs.chooseSaveLocation({
        title: 'Save ordinance',
        defaultPath: path.join(this.lastDir, safeFileName(request.suggestedName, 'untitled.ordinance.yaml')),
        filters: FILTERS.ordinance,
      });
      if (!chosen) return null;
      target = path.resolve(chosen);
      this.grant(target);
    } else {
      target = path.resolve(request.path);
      if (!this.isGranted(target)) {
        throw new HostError(
          'not-permitted',
          `${path.basename(target)}: choose the place with Save As (the app writes only where you chose)`,
        );
      }
      if (!request.force && request.expectedMtimeMs !== null) {
        expectedHash = this.knownVersion(target, request.expectedMtimeMs);
        const current = statOrNull(target);
        if (expectedHash === undefined && !current) {
          // Read in another session (a recovered document): it existed then, so a missing file was deleted.
          throw new HostError(
            'changed-on-disk',
            `${path.basename(target)} was deleted on disk since it was opened; save anyway to create it again`,
          );
        }
        if (expectedHash === undefined && current && Math.abs(current.mtimeMs - request.expectedMtimeMs) > 0.5) {
          throw new HostError(
            'changed-on-disk',
            `${path.basename(target)} changed on disk since it was opened (${new Date(current.mtimeMs).toLocaleString()}); ` +
              'reload it, or save again to overwrite those changes',
          );
        }
      }
    }
    let written;
    try {
      written = writeFileAtomic(target, request.text, expectedHash !== undefined ? { expectedHash } : {});
    } catch (e) {
      if (e instanceof FileError && e.reason === 'changed') {
        const deleted = /deleted/.test(e.message);
        throw new HostError(
          'changed-on-disk',
          deleted
            ? `${path.basename(target)} was deleted on disk since it was opened; save anyway to create it again`
            : `${path.basename(target)} changed on disk since it was opened; reload it, or save anyway to overwrite those changes`,
        );
      }
      throw e;
    }
    this.lastDir = path.dirname(target);
    this.addRecent(target);
    this.rememberVersion(target, written.mtimeMs, written.hash);
    this.options.onDocumentTracked?.(target, written.mtimeMs, written.hash);
    return { path: target, name: path.basename(target), mtimeMs: written.mtimeMs };
  }

  /** Writes an export (Markdown, HTML, DOCX, PDF, JSON) where the user chooses, atomically. */
  async exportFile(request: ExportRequest): Promise<SavedFile | null> {
    const name = safeFileName(request.suggestedName, 'export');
    const mimeType = request.mimeType.split(';')[0]!.trim().toLowerCase();
    const byMime = EXPORT_EXTENSIONS[mimeType];
    const ext = path.extname(name).slice(1);
    const filters: FileFilter[] = [
      byMime ?? { name: ext ? ext.toUpperCase() : 'File', extensions: [ext || '*'] },
      { name: 'All files', extensions: ['*'] },
    ];
    const chosen = await this.dialogs.chooseSaveLocation({ title: 'Export', defaultPath: path.join(this.lastDir, name), filters });
    if (!chosen) return null;
    const target = path.resolve(chosen);
    const written = writeFileAtomic(target, request.data);
    return { path: target, name: path.basename(target), mtimeMs: written.mtimeMs };
  }

  // ---- recent files ----------------------------------------------------------------------------

  recentFiles(): string[] {
    return [...this.recent];
  }

  addRecent(file: string): void {
    const next = pushRecent(this.recent, file, this.maxRecent);
    if (next.length === this.recent.length && next.every((f, i) => f === this.recent[i])) return;
    this.recent = next;
    this.storeRecent();
  }

  forgetRecent(file: string): void {
    const key = pathKey(file);
    const next = this.recent.filter((f) => pathKey(f) !== key);
    if (next.length === this.recent.length) return;
    this.recent = next;
    this.storeRecent();
  }

  clearRecent(): void {
    this.recent = [];
    this.storeRecent();
  }

  private loadRecent(): string[] {
    try {
      const data = JSON.parse(fs.readFileSync(this.recentFile, 'utf8')) as unknown;
      const files = (data as { files?: unknown }).files;
      if (!Array.isArray(files)) return [];
      let list: string[] = [];
      for (const f of files.slice().reverse()) {
        if (typeof f === 'string' && path.isAbsolute(f)) list = pushRecent(list, f, this.maxRecent);
      }
      return list;
    } catch {
      return [];
    }
  }

  private storeRecent(): void {
    try {
      fs.mkdirSync(this.userDataDir, { recursive: true });
      writeFileAtomic(this.recentFile, JSON.stringify({ version: 1, files: this.recent }, null, 2) + '\n');
    } catch {
      // Losing the recent list is harmless; the document itself was handled.
    }
    this.options.onRecentFilesChanged?.(this.recentFiles());
  }

  // ---- recovery copies -------------------------------------------------------------------------

  /** Keeps the unsaved text of a document, written atomically so a crash mid-write loses nothing. */
  writeRecovery(entry: RecoveryEntry): void {
    fs.mkdirSync(this.recoveryDir, { recursive: true });
    const record: RecoveryEntry = {
      docId: entry.docId,
      name: entry.name,
      text: entry.text,
      savedAtMs: entry.savedAtMs,
      ...(entry.session ? { session: entry.session } : {}),
    };
    writeFileAtomic(path.join(this.recoveryDir, recoveryFileName(entry.docId)), JSON.stringify(record));
  }

  /** Every readable recovery copy, most recent first. Damaged copies are skipped, not fatal. */
  readRecovery(): RecoveryEntry[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.recoveryDir);
    } catch {
      return [];
    }
    const entries: RecoveryEntry[] = [];
    for (const name of names) {
      if (!/^[0-9a-f]{40}\.json$/.test(name)) continue;
      try {
        const value = JSON.parse(fs.readFileSync(path.join(this.recoveryDir, name), 'utf8')) as unknown;
        if (isRecoveryEntry(value) && recoveryFileName(value.docId) === name) {
          const session = value.session && typeof value.session === 'object' && !Array.isArray(value.session) ? value.session : undefined;
          entries.push({
            docId: value.docId,
            name: value.name,
            text: value.text,
            savedAtMs: value.savedAtMs,
            ...(session ? { session } : {}),
          });
        }
      } catch {
        // unreadable copy: skip it
      }
    }
    return entries.sort((a, b) => b.savedAtMs - a.savedAtMs);
  }

  clearRecovery(docId: string): void {
    fs.rmSync(path.join(this.recoveryDir, recoveryFileName(docId)), { force: true });
  }

  /** After a clean close nothing is left to recover. */
  clearAllRecovery(): void {
    fs.rmSync(this.recoveryDir, { recursive: true, force: true });
  }

  // ---- samples ---------------------------------------------------------------------------------

  listSamples(): SampleEntry[] {
    const samples: SampleEntry[] = [];
    for (const [folder, kind] of SAMPLE_FOLDERS) {
      let names: string[];
      try {
        names = fs.readdirSync(path.join(this.samplesDir, folder));
      } catch {
        continue;
      }
      for (const name of names.sort()) {
        if (!/\.(ya?ml|json|csv)$/i.test(name)) continue;
        const file = path.join(this.samplesDir, folder, name);
        if (!statOrNull(file)?.isFile()) continue;
        samples.push({ name: `${folder}/${name}`, kind, title: sampleTitle(file, kind) });
      }
    }
    return samples;
  }

  /** Reads a bundled sample by the name listSamples gave; nothing else under any folder. */
  readSample(name: string): OpenedFile {
    const sample = this.listSamples().find((s) => s.name === name);
    if (!sample) throw new HostError('invalid-argument', `no sample named ${JSON.stringify(name)}`);
    const file = path.join(this.samplesDir, ...sample.name.split('/'));
    // A sample is a template: it opens as a new document with no path, so saving asks where.
    return { path: null, name: path.basename(file), text: readText(file), mtimeMs: null };
  }
}

// ---- watching for changes on disk ---------------------------------------------------------------

export interface DocumentWatcherOptions {
  /** Told once per change of a watched file made by someone else (another editor, a sync tool). */
  onChanged: (file: string) => void;
  /** Events within this many milliseconds count as one change (editors write in several steps). */
  debounceMs?: number;
  /** Most files followed at once; the least recently touched is dropped first. */
  maxFiles?: number;
}

/** What a followed file holds: its modification time and the SHA-256 of its content (null: gone). */
interface FileVersion {
  mtimeMs: number | null;
  hash: string | null;
}

/** Documents larger than this are compared by modification time and size only. */
const WATCH_HASH_MAX_BYTES = 64 * 1024 * 1024;

function versionOnDisk(file: string, previous: FileVersion | undefined): FileVersion {
  const stat = statOrNull(file);
  if (!stat) return { mtimeMs: null, hash: null };
  if (!stat.isFile() || stat.size > WATCH_HASH_MAX_BYTES) return { mtimeMs: stat.mtimeMs, hash: previous?.hash ?? null };
  try {
    return { mtimeMs: stat.mtimeMs, hash: contentHash(readBytes(file, WATCH_HASH_MAX_BYTES)) };
  } catch {
    return { mtimeMs: stat.mtimeMs, hash: previous?.hash ?? null };
  }
}

/**
 * Follows the documents the app read or saved and reports when one changes on disk. Watches each
 * file's folder rather than the file, because atomic saves (ours and other editors') replace the file.
 * The content decides (an edit that keeps the modification time is still a change): our own saves
 * record theirs first, so they are never reported.
 */
export class DocumentWatcher {
  private readonly known = new Map<string, FileVersion>();
  private readonly folders = new Map<string, fs.FSWatcher>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly debounceMs: number;
  private readonly maxFiles: number;

  constructor(private readonly options: DocumentWatcherOptions) {
    this.debounceMs = options.debounceMs ?? 150;
    this.maxFiles = options.maxFiles ?? 32;
  }

  /** Follows `file`, whose current content has this modification time and hash (read or just written by us). */
  track(file: string, mtimeMs: number | null, hash?: string): void {
    const resolved = path.resolve(file);
    this.known.delete(resolved);
    this.known.set(resolved, hash !== undefined ? { mtimeMs, hash } : versionOnDisk(resolved, undefined));
    while (this.known.size > this.maxFiles) {
      const oldest = this.known.keys().next().value as string;
      this.known.delete(oldest);
    }
    this.syncFolders();
  }

  /** Checks every followed file now (when the window regains focus: network drives send no events). */
  checkAll(): void {
    for (const file of [...this.known.keys()]) this.check(file);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const watcher of this.folders.values()) watcher.close();
    this.folders.clear();
    this.known.clear();
  }

  private check(file: string): void {
    const known = this.known.get(file);
    if (!known) return;
    const now = versionOnDisk(file, known);
    if (now.hash === known.hash && (now.hash !== null || now.mtimeMs === known.mtimeMs)) {
      known.mtimeMs = now.mtimeMs; // touched, same content: nothing to tell
      return;
    }
    this.known.set(file, now);
    this.options.onChanged(file);
  }

  private schedule(file: string): void {
    clearTimeout(this.timers.get(file));
    this.timers.set(
      file,
      setTimeout(() => {
        this.timers.delete(file);
        this.check(file);
      }, this.debounceMs),
    );
  }

  private syncFolders(): void {
    const wanted = new Set([...this.known.keys()].map((f) => path.dirname(f)));
    for (const [folder, watcher] of this.folders) {
      if (!wanted.has(folder)) {
        watcher.close();
        this.folders.delete(folder);
      }
    }
    for (const folder of wanted) {
      if (this.folders.has(folder)) continue;
      try {
        const watcher = fs.watch(folder, { persistent: false }, (_event, name) => {
          if (name) {
            const file = path.join(folder, name.toString());
            if (this.known.has(file)) this.schedule(file);
          } else {
            for (const file of this.known.keys()) if (path.dirname(file) === folder) this.schedule(file);
          }
        });
        watcher.on('error', () => {
          watcher.close();
          this.folders.delete(folder);
        });
        this.folders.set(folder, watcher);
      } catch {
        // The folder can't be watched (removed, no permission): checkAll() on focus still notices.
      }
    }
  }
}
