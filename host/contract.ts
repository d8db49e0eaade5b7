// The one typed contract between the renderer and its host. Electron's preload implements it over
// IPC (see ipc-channels.ts); the browser host implements it with the browser's file APIs for the web
// build and the end-to-end tests. Every call returns a Result instead of throwing across the boundary.

export type Result<T> = { ok: true; value: T } | { ok: false; error: string; code?: HostErrorCode };

/** Why a host call failed, for callers that react differently (e.g. offer "overwrite anyway"). */
export type HostErrorCode =
  /** The file changed on disk since it was read; retry with `force` to overwrite it. */
  | 'changed-on-disk'
  /** The arguments had the wrong shape or size. */
  | 'invalid-argument'
  /** The path was not chosen by the user (dialog, recent files, command line) in this host. */
  | 'not-permitted'
  /** The call did not come from the app's own page. */
  | 'untrusted-sender'
  /** Reading or writing failed; the message says why. */
  | 'io';

/** `mapping`: a column mapping (YAML or JSON) for a county's CSV export, as `--mapping FILE` reads it. */
export type DocumentKind = 'ordinance' | 'cases' | 'scenario' | 'mapping';

export interface HostInfo {
  kind: 'electron' | 'browser';
  platform: string;
  appVersion: string;
  /** Saving downloads the file, with no dialog to name it (a browser without the File System Access API): the app asks for the name. */
  savesByDownload?: boolean;
}

/** A file the host read for the renderer. `path` is null where the host has no paths (browser). */
export interface OpenedFile {
  path: string | null;
  name: string;
  text: string;
  /** A binary file's bytes (an Excel workbook of case records); `text` is then empty. */
  bytes?: Uint8Array;
  /** A workbook, or any file opened as a case set, that the renderer reads in slices where the host can hand over the file itself (the browser's File): never held whole; `text` is then empty. */
  file?: Blob;
  /** Modification time when read, to detect changes on disk before saving over them. */
  mtimeMs: number | null;
}

/** Whether a file is read as bytes rather than text: Excel workbooks (ICE's released detainer records). */
export function isBinaryCaseFile(name: string): boolean {
  return /\.xlsx$/i.test(name);
}

/**
 * Largest workbook a host hands the app (held whole, then passed to the simulation worker); the
 * command line streams any size. ICE's yearly releases are well under it.
 */
export const MAX_CASE_WORKBOOK_BYTES = 512 * 1024 * 1024;

/** Why a workbook of `size` bytes is not opened in the app, or null when it may be. */
export function workbookTooLarge(name: string, size: number): string | null {
  if (size <= MAX_CASE_WORKBOOK_BYTES) return null;
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return `${name} is ${mb(size)}, more than the ${mb(MAX_CASE_WORKBOOK_BYTES)} the app opens; simulate it with the command line (detainer-studio simulate POLICY --cases ${name} --source ice-detainers), which streams it, or save one facility's rows as CSV`;
}

export interface SaveRequest {
  /** Where to save; null asks the user (Save As). */
  path: string | null;
  suggestedName: string;
  text: string;
  /** The mtime the renderer last saw; the host refuses to overwrite a newer file unless `force`. */
  expectedMtimeMs: number | null;
  force?: boolean;
}

export interface SavedFile {
  path: string | null;
  name: string;
  mtimeMs: number | null;
  /** True when the browser downloaded it (into the downloads folder) rather than writing where the person chose. */
  downloaded?: boolean;
}

export interface ExportRequest {
  suggestedName: string;
  /** Text or bytes (DOCX, PDF). */
  data: string | Uint8Array;
  mimeType: string;
}

export interface RecoveryEntry {
  /** The document's path, or a generated id for an unsaved document. */
  docId: string;
  name: string;
  text: string;
  savedAtMs: number;
  /** What the window showed with it, so a restore brings the work back as it was. */
  session?: RecoverySession;
}

/** The views and the simulation's choices that go with a recovery copy (all optional, all small). */
export interface RecoverySession {
  left?: 'editor' | 'form';
  right?: 'preview' | 'simulation' | 'compare' | 'table' | 'drafts';
  /** "sample:cases/…", "synthetic:10000", or "file:NAME" (a file the person must open again). */
  caseSet?: string;
  /** "baseline", "none", "sample:ordinances/…", or "file:NAME". */
  compare?: string;
  scenario?: { reimbursementAgreement: boolean; costPerInmateDay: number; holidays: 'us-federal' | 'none' };
  /** The expected-decisions file checked under the decision table, kept whole (up to MAX_RECOVERED_EXPECTATIONS characters). */
  expected?: { name: string; text: string };
  /** The column mapping made for the case file named (YAML, as saved), applied when that file is opened again. */
  mapping?: { name: string; text: string };
}

/** The longest expected-decisions file a recovery copy keeps (a longer one must be chosen again). */
export const MAX_RECOVERED_EXPECTATIONS = 4 * 1024 * 1024;

/** The longest column mapping a recovery copy keeps (a longer one must be loaded or made again). */
export const MAX_RECOVERED_MAPPING = 1024 * 1024;

export interface SampleEntry {
  /** File name under samples/, e.g. "ordinances/connecticut-trust-act-2014.ordinance.yaml". */
  name: string;
  kind: DocumentKind;
  title: string;
}

/** Commands the native menu (or keyboard shortcuts in the browser) send to the renderer; host/commands.ts says what each is. */
export type MenuCommand =
  | 'file.new'
  | 'file.open'
  | 'file.save'
  | 'file.saveAs'
  | 'file.export'
  | 'file.print'
  | 'file.close'
  | 'edit.find'
  | 'edit.replace'
  | 'edit.format'
  | 'view.editor'
  | 'view.form'
  | 'view.preview'
  | 'view.simulation'
  | 'view.compare'
  | 'view.decisionTable'
  | 'view.drafts'
  | 'view.nextPane'
  | 'view.previousPane'
  | 'view.toggleTheme'
  | 'simulate.run'
  | 'simulate.chooseCases'
  | 'simulate.compare'
  | 'simulate.expected'
  | 'help.reference'
  | 'help.keyboard'
  | 'help.about';

export interface MenuEvent {
  command: MenuCommand;
  /** For file.new: the template (a sample's name, e.g. "ordinances/berkeley-2012.ordinance.yaml", or "blank"); for file.open: the path. */
  argument?: string;
}

export interface Host {
  info(): Promise<HostInfo>;
  /** Shows an open dialog; null when the user cancels. */
  openFile(kind: DocumentKind): Promise<Result<OpenedFile | null>>;
  /** Reads a file by path (recent files, command line, file association). */
  readFile(path: string): Promise<Result<OpenedFile>>;
  /** Saves atomically; null when the user cancels a Save As dialog. */
  saveFile(request: SaveRequest): Promise<Result<SavedFile | null>>;
  exportFile(request: ExportRequest): Promise<Result<SavedFile | null>>;
  recentFiles(): Promise<Result<string[]>>;
  listSamples(): Promise<Result<SampleEntry[]>>;
  readSample(name: string): Promise<Result<OpenedFile>>;
  writeRecovery(entry: RecoveryEntry): Promise<Result<void>>;
  readRecovery(): Promise<Result<RecoveryEntry[]>>;
  clearRecovery(docId: string): Promise<Result<void>>;
  /** Tells the host whether there is unsaved work, so closing the window can ask first. */
  setDirty(dirty: boolean): void;
  /** Renders HTML to PDF with the window's own print engine, where the host has one. */
  printToPdf(html: string): Promise<Result<Uint8Array>>;
  onMenu(listener: (event: MenuEvent) => void): () => void;
  /** Files opened from outside (command line, double-click, second instance). */
  onOpenFile(listener: (file: OpenedFile) => void): () => void;
  /** The open document changed on disk. */
  onFileChanged(listener: (path: string) => void): () => void;
}

/**
 * The global under which a host that runs before the page (Electron's preload, through
 * `contextBridge.exposeInMainWorld`) hands the renderer its Host; without it the renderer uses the
 * browser host.
 */
export const HOST_GLOBAL = 'detainerStudioHost';
