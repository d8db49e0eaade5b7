// The document session: the open ordinance (its name, place, version, unsaved state), what the engine
// last said of it and its last version without errors, the views chosen, the recovery copy kept and
// offered back, notices, and the document commands of the command table (new, new from a template,
// open, save, close, switch views). Plain TypeScript: the editor, the engine's worker and the host
// come in as ports, so the session is tested in Node; App only lays it out.

import type { Ordinance, OrdinanceText } from '../../../engine/index';
import { isBlocking } from '../../../engine/vocabulary';
import {
  MAX_RECOVERED_EXPECTATIONS,
  MAX_RECOVERED_MAPPING,
  type Host,
  type HostInfo,
  type MenuCommand,
  type OpenedFile,
  type RecoveryEntry,
  type RecoverySession,
} from '../../../host/contract';
import type { AnalysisResponse, AnalysisResult } from '../analysis/protocol';
import { cleanSaveName, saveNameFor } from './file-name';
import { RecoveryKeeper, type RecoveryTimers } from './recovery';
import { STARTER_NAME, STARTER_ORDINANCE } from './starter';

export type LeftView = 'editor' | 'form';
export type RightView = 'preview' | 'simulation' | 'compare' | 'table' | 'drafts';
export type Dialog = 'export' | 'reference' | 'keyboard' | 'about';

export const LEFT_VIEWS: readonly LeftView[] = ['editor', 'form'];
export const RIGHT_VIEWS: readonly RightView[] = ['preview', 'simulation', 'compare', 'table', 'drafts'];

export interface DocumentInfo {
  name: string;
  /** Where it is saved; null for a new document (or where the host has no paths). */
  path: string | null;
  /** The recovery copy's key: the path, or a generated id for an unsaved document. */
  docId: string;
  mtimeMs: number | null;
}

export interface Notice {
  id: number;
  kind: 'info' | 'error' | 'warning';
  text: string;
  action?: { label: string; run: () => void };
}

/** The newest version of the document without errors: what is simulated, tabulated and exported. */
export interface ValidDraft {
  /** The document it is a version of (SessionState.generation). */
  document: number;
  version: number;
  ordinance: Ordinance;
  text: OrdinanceText | null;
  markdown: string | null;
}

/** What the editor offers the session (EditorSession in the app). */
export interface EditorPort {
  readonly text: string;
  readonly version: number;
  readonly dirty: boolean;
  open(text: string, name: string): void;
  markSaved(): void;
  markUnsaved(): void;
}

/** Where the text goes to be checked (the analysis worker in the app); the answer comes back through `analysisArrived`. */
export interface AnalysisPort {
  analyze(version: number, text: string): void;
}

export interface SessionOptions {
  host: Host;
  /** Asks whether unsaved changes may be discarded. */
  confirmDiscard(name: string): boolean;
  /** Named app events, for tests and measurements. */
  emit?(name: string, detail?: Record<string, unknown>): void;
  timers?: RecoveryTimers;
  /** How long an info notice stays. */
  noticeMs?: number;
}

export interface SessionState {
  doc: DocumentInfo;
  /** Which document is open: bumped whenever another is opened or created, so what was worked out for one is never shown for the next. */
  generation: number;
  version: number;
  dirty: boolean;
  /** The engine's latest answer for this document (possibly for an older version). */
  analysis: AnalysisResult | null;
  lastValid: ValidDraft | null;
  left: LeftView;
  right: RightView;
  /** A new document shows "Start from…" (blank, the seed policies, the enacted samples) above the form. */
  startFrom: boolean;
  recoveryOffer: RecoveryEntry | null;
  notices: Notice[];
  dialog: Dialog | null;
  /** Recent files, newest first (paths as the host names them). */
  recent: string[];
  /** The case set and comparison chosen, kept with the recovery copy. */
  workspace: RecoverySession;
  /** A workspace restored with a recovery copy, for the simulation to take up once. */
  restoredWorkspace: RecoverySession | null;
  /** Bumped by commands that move the keyboard to a pane; App focuses it. */
  focus: { pane: 'left' | 'right'; seq: number } | null;
  /** A save that downloads asks for the file name in the app (the browser has no dialog for it): the name suggested. */
  fileNamePrompt: { suggested: string } | null;
}

let idCount = 0;
const newDocId = () => `unsaved-${Date.now()}-${++idCount}`;

/** Errors that block simulating and exporting: validation errors and unsilenced legal-lint errors. */
export function errorsIn(analysis: AnalysisResult | null): number {
  return analysis ? analysis.diagnostics.filter(isBlocking).length : 0;
}

export function isTemplateId(argument: string | undefined): argument is string {
  return !!argument && argument !== 'blank' && /^ordinances\/[^/]+\.ordinance\.ya?ml$/.test(argument);
}

const VIEW_COMMANDS: Partial<Record<MenuCommand, { left?: LeftView; right?: RightView }>> = {
  'view.editor': { left: 'editor' },
  'view.form': { left: 'form' },
  'view.preview': { right: 'preview' },
  'view.simulation': { right: 'simulation' },
  'view.compare': { right: 'compare' },
  'simulate.compare': { right: 'compare' },
  'view.decisionTable': { right: 'table' },
  'view.drafts': { right: 'drafts' },
};

export class DocumentSession {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private readonly draftListeners = new Set<(draft: ValidDraft) => void>();
  private editor: EditorPort | null = null;
  private analysisPort: AnalysisPort | null = null;
  private readonly recovery: RecoveryKeeper;
  private noticeCount = 0;
  /** What the host was last told about unsaved work (it hears changes only, not every keystroke). */
  private hostDirty = false;
  /** The version the open document started at: an answer about an older one is about a document since closed. */
  private openedVersion = 0;

  constructor(private readonly options: SessionOptions) {
    this.state = {
      doc: { name: STARTER_NAME, path: null, docId: newDocId(), mtimeMs: null },
      generation: 0,
      version: 0,
      dirty: false,
      analysis: null,
      lastValid: null,
      // A new document opens in the form with "Start from…"; the YAML view is one click away.
      left: 'form',
      right: 'preview',
      startFrom: true,
      recoveryOffer: null,
      notices: [],
      dialog: null,
      recent: [],
      workspace: {},
      restoredWorkspace: null,
      focus: null,
      fileNamePrompt: null,
    };
    this.recovery = new RecoveryKeeper({
      timers: options.timers,
      snapshot: () => this.recoverySnapshot(),
      write: (entry) => options.host.writeRecovery(entry),
      onWritten: (entry, reason) => this.emit('recovery-written', { docId: entry.docId, chars: entry.text.length, reason }),
      onFailed: (error) => this.emit('recovery-failed', { error }),
    });
  }

  // ---- the store ----

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every new version without errors, for the simulation and the analyses. */
  onValidDraft(listener: (draft: ValidDraft) => void): () => void {
    this.draftListeners.add(listener);
    return () => this.draftListeners.delete(listener);
  }

  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private emit(name: string, detail: Record<string, unknown> = {}): void {
    this.options.emit?.(name, detail);
  }

  // ---- the editor and the engine ----

  /** The editor exists: the session reads and replaces its text from now on. */
  attach(editor: EditorPort, analysis: AnalysisPort): void {
    this.editor = editor;
    this.analysisPort = analysis;
    this.set({ version: editor.version, dirty: editor.dirty });
    analysis.analyze(editor.version, editor.text);
  }

  detach(): void {
    this.recovery.dispose();
    this.editor = null;
    this.analysisPort = null;
  }

  /** The editor's text changed (typing, a form edit, a fix, undo). */
  edited(): void {
    const editor = this.editor;
    if (!editor) return;
    this.analysisPort?.analyze(editor.version, editor.text);
    this.tellHostDirty(editor.dirty);
    this.set({ version: editor.version, dirty: editor.dirty, startFrom: false });
    this.recovery.changed();
  }

  analysisArrived(response: AnalysisResponse): void {
    if (response.kind === 'analysis-failed') {
      this.notify('error', `The engine could not check the document: ${response.error}`);
      return;
    }
    if (response.version < this.openedVersion) return;
    // Only a version without errors is simulated, tabulated and exported: a draft with errors keeps
    // the last one that had none (and the views say so).
    const fresh =
      response.ordinance && errorsIn(response) === 0 && this.state.lastValid?.version !== response.version
        ? {
            document: this.state.generation,
            version: response.version,
            ordinance: response.ordinance,
            text: response.text,
            markdown: response.markdown,
          }
        : null;
    this.set({ analysis: response, lastValid: fresh ?? this.state.lastValid });
    if (fresh) for (const l of this.draftListeners) l(fresh);
  }

  /** Keeps the recovery copy now (the window is being hidden or closed). */
  flushRecovery(reason: 'hidden' | 'closing'): Promise<void> {
    return this.recovery.flush(reason);
  }

  // ---- documents ----

  /** Replaces the open document (no question asked: callers ask first). */
  openDocument(text: string, doc: DocumentInfo, opts: { left?: LeftView; startFrom?: boolean } = {}): void {
    const editor = this.editor;
    if (!editor) return;
    editor.open(text, doc.name);
    this.openedVersion = editor.version;
    this.recovery.reset();
    this.tellHostDirty(false);
    this.set({
      doc,
      generation: this.state.generation + 1,
      version: editor.version,
      dirty: false,
      analysis: null,
      lastValid: null,
      startFrom: opts.startFrom ?? false,
      left: opts.left ?? this.state.left,
      restoredWorkspace: null,
    });
    this.analysisPort?.analyze(editor.version, editor.text);
    this.emit('document-opened', { name: doc.name, version: editor.version, at: performance.now() });
  }

  private mayDiscard(): boolean {
    return !this.editor?.dirty || this.options.confirmDiscard(this.state.doc.name);
  }

  /** A new document in the form: blank with "Start from…", or a sample's text as an unsaved copy. */
  async newDocument(template?: string): Promise<void> {
    if (!this.mayDiscard()) return;
    await this.startFrom(template);
  }

  /** Replaces a new, untouched document with a template (what "Start from…" offers). */
  async startFrom(template?: string): Promise<void> {
    if (!isTemplateId(template)) {
      this.openDocument(
        STARTER_ORDINANCE,
        { name: STARTER_NAME, path: null, docId: newDocId(), mtimeMs: null },
        { left: 'form', startFrom: template !== 'blank' },
      );
      return;
    }
    const r = await this.options.host.readSample(template);
    if (!r.ok) {
      this.notify('error', r.error);
      return;
    }
    // A copy of the sample: it has no place on disk until saved.
    this.openDocument(r.value.text, { name: r.value.name, path: null, docId: newDocId(), mtimeMs: null }, { left: 'form' });
    this.emit('template-opened', { template });
  }

  openFile(file: OpenedFile): void {
    if (!this.mayDiscard()) return;
    this.openDocument(file.text, { name: file.name, path: file.path, docId: file.path ?? newDocId(), mtimeMs: file.mtimeMs });
    if (file.path) void this.refreshRecent();
  }

  async open(path?: string): Promise<void> {
    const host = this.options.host;
    const r = path ? await host.readFile(path) : await host.openFile('ordinance');
    if (!r.ok) return this.notify('error', r.error);
    if (r.value) this.openFile(r.value);
  }

  async save(saveAs: boolean, force = false): Promise<void> {
    const editor = this.editor;
    if (!editor) return;
    const d = this.state.doc;
    let name = d.name;
    // Where saving downloads, a file name is asked for here (the browser asks for none).
    if ((saveAs || !d.path) && (await this.hostInfo()).savesByDownload) {
      const ordinance = this.state.analysis?.ordinance ?? this.state.lastValid?.ordinance ?? null;
      const chosen = await this.askFileName(saveNameFor(d.name, ordinance));
      if (!chosen) return;
      name = chosen;
    }
    const text = editor.text;
    const result = await this.options.host.saveFile({
      path: saveAs ? null : d.path,
      suggestedName: name,
      text,
      expectedMtimeMs: d.mtimeMs,
      force,
    });
    if (!result.ok) {
      if (result.code === 'changed-on-disk')
        this.notify('warning', result.error, { label: 'Save anyway', run: () => void this.save(saveAs, true) });
      else this.notify('error', result.error);
      return;
    }
    if (!result.value) return;
    const saved = result.value;
    if (editor.text === text) {
      editor.markSaved();
      this.recovery.reset();
    }
    void this.options.host.clearRecovery(d.docId);
    this.tellHostDirty(editor.dirty);
    this.set({ doc: { name: saved.name, path: saved.path, docId: saved.path ?? d.docId, mtimeMs: saved.mtimeMs }, dirty: editor.dirty });
    this.emit('saved', { name: saved.name, path: saved.path, version: editor.version });
    this.notify('info', saved.downloaded ? `Saved ${saved.name} to your downloads folder.` : `Saved ${saved.name}.`);
    if (saved.path) void this.refreshRecent();
  }

  private info: Promise<HostInfo> | null = null;
  private hostInfo(): Promise<HostInfo> {
    this.info ??= this.options.host.info();
    return this.info;
  }

  private nameChosen: ((name: string | null) => void) | null = null;

  /** Shows the file-name prompt; resolves with the name chosen (cleaned), or null when cancelled. */
  private askFileName(suggested: string): Promise<string | null> {
    this.nameChosen?.(null);
    return new Promise((resolve) => {
      this.nameChosen = resolve;
      this.set({ fileNamePrompt: { suggested } });
      this.emit('file-name-asked', { suggested });
    });
  }

  /** The file-name prompt's answer: the name typed, or null for Cancel. */
  fileNameChosen(typed: string | null): void {
    const resolve = this.nameChosen;
    this.nameChosen = null;
    this.set({ fileNamePrompt: null });
    resolve?.(typed === null ? null : cleanSaveName(typed));
  }

  async refreshRecent(): Promise<void> {
    const r = await this.options.host.recentFiles();
    if (r.ok) this.set({ recent: r.value });
  }

  // ---- recovery ----

  /** Looks for copies of unsaved work left by a crash or a closed window, and offers the newest. */
  async lookForRecovery(): Promise<void> {
    const r = await this.options.host.readRecovery();
    if (r.ok && r.value.length) this.set({ recoveryOffer: r.value[0]! });
  }

  restoreRecovery(): void {
    const offer = this.state.recoveryOffer;
    if (!offer || !this.editor) return;
    const workspace = offer.session ?? {};
    this.openDocument(
      offer.text,
      { name: offer.name, path: offer.docId.startsWith('unsaved-') ? null : offer.docId, docId: offer.docId, mtimeMs: null },
      { left: workspace.left ?? this.state.left },
    );
    // Restored text is unsaved work: mark it so, and keep the copy until it is saved.
    this.editor.markUnsaved();
    this.tellHostDirty(true);
    this.set({
      dirty: true,
      recoveryOffer: null,
      right: workspace.right ?? this.state.right,
      workspace,
      restoredWorkspace: workspace,
    });
    this.emit('recovery-restored', { docId: offer.docId, workspace: { ...workspace } });
  }

  discardRecovery(): void {
    const offer = this.state.recoveryOffer;
    if (!offer) return;
    void this.options.host.clearRecovery(offer.docId);
    this.set({ recoveryOffer: null });
  }

  /** The simulation took up the restored workspace. */
  workspaceTaken(): void {
    if (this.state.restoredWorkspace) this.set({ restoredWorkspace: null });
  }

  /** The case set or comparison chosen changed: kept with the next recovery copy. */
  chooseWorkspace(patch: RecoverySession): void {
    this.set({ workspace: { ...this.state.workspace, ...patch } });
    if (this.editor?.dirty) this.recovery.changed();
  }

  private recoverySnapshot(): RecoveryEntry | null {
    const editor = this.editor;
    if (!editor?.dirty) return null;
    const d = this.state.doc;
    const session: RecoverySession = { ...this.state.workspace, left: this.state.left, right: this.state.right };
    // An expected-decisions file too long to keep is chosen again after a restore.
    if (session.expected && session.expected.text.length > MAX_RECOVERED_EXPECTATIONS) delete session.expected;
    if (session.mapping && session.mapping.text.length > MAX_RECOVERED_MAPPING) delete session.mapping;
    return { docId: d.docId, name: d.name, text: editor.text, savedAtMs: Date.now(), session };
  }

  // ---- views, dialogs, notices ----

  setLeft(left: LeftView): void {
    if (left !== this.state.left) this.set({ left });
    if (this.editor?.dirty) this.recovery.changed();
  }

  setRight(right: RightView): void {
    if (right !== this.state.right) this.set({ right });
    if (this.editor?.dirty) this.recovery.changed();
  }

  openDialog(dialog: Dialog | null): void {
    this.set({ dialog });
  }

  notify(kind: Notice['kind'], text: string, action?: Notice['action']): void {
    const id = ++this.noticeCount;
    this.set({ notices: [...this.state.notices.slice(-3), { id, kind, text, action }] });
    if (kind === 'info') {
      const timers = this.options.timers;
      const ms = this.options.noticeMs ?? 6000;
      if (timers) timers.setTimeout(() => this.dismiss(id), ms);
      else setTimeout(() => this.dismiss(id), ms);
    }
  }

  dismiss(id: number): void {
    if (this.state.notices.some((n) => n.id === id)) this.set({ notices: this.state.notices.filter((n) => n.id !== id) });
  }

  private tellHostDirty(value: boolean): void {
    if (value === this.hostDirty) return;
    this.hostDirty = value;
    this.options.host.setDirty(value);
  }

  /**
   * Runs a command of the command table that is about the document, its views or dialogs. Returns
   * false for the commands the layout carries out itself (editor actions, the simulation, printing,
   * moving between panes, the theme).
   */
  async run(command: MenuCommand, argument?: string): Promise<boolean> {
    const view = VIEW_COMMANDS[command];
    if (view) {
      if (view.left) this.setLeft(view.left);
      if (view.right) this.setRight(view.right);
      this.set({ focus: { pane: view.left ? 'left' : 'right', seq: (this.state.focus?.seq ?? 0) + 1 } });
      return true;
    }
    switch (command) {
      case 'file.new':
        await this.newDocument(argument);
        return true;
      case 'file.close':
        await this.newDocument('blank');
        return true;
      case 'file.open':
        await this.open(argument);
        return true;
      case 'file.save':
        await this.save(false);
        return true;
      case 'file.saveAs':
        await this.save(true);
        return true;
      case 'file.export':
        this.openDialog('export');
        return true;
      case 'help.reference':
        this.openDialog('reference');
        return true;
      case 'help.keyboard':
        this.openDialog('keyboard');
        return true;
      case 'help.about':
        this.openDialog('about');
        return true;
      default:
        return false;
    }
  }
}
