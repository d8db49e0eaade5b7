// The open ordinance's text before the YAML editor (Monaco) is loaded: its text, version, saved state
// and undo/redo history, edited by the form, fixes and commands. When the YAML view is first shown, the
// editor takes the document over with the same text, version, saved state and undo history, and from
// then on `DocumentText` hands every call to it. Plain TypeScript, tested in Node.

import { applyTextEdits, type TextEdit } from '../../../engine/document';
import type { EditorPort } from './session';

/** One undoable change: the edits as made (null: the whole text replaced) and the text after it. */
export interface BufferStep {
  edits: readonly TextEdit[] | null;
  text: string;
}

/** What the YAML editor needs to take the document over exactly as it stands. */
export interface BufferHistory {
  /** The text the document was opened with. */
  initial: string;
  /** The changes since, oldest first (the undo history; redo is not carried over). */
  steps: readonly BufferStep[];
  /** How many of the steps the saved text has (-1: the text differs from what is saved at any step). */
  savedStep: number;
  /** The version the current text carries. */
  version: number;
  name: string;
}

/** What the YAML editor offers the document once it has taken it over (EditorSession in the app). */
export interface DocumentEditor extends EditorPort {
  applyEdits(edits: readonly TextEdit[]): void;
  replaceAll(text: string): void;
  /** Inserts text at a place as a keystroke would. */
  type(line: number, column: number, text: string): void;
  undo(): void;
  redo(): void;
  onChange(listener: (version: number) => void): () => void;
}

const MAX_STEPS = 500;

/** A document's text with an undo history, not shown in any editor. */
export class DocumentBuffer {
  private initial: string;
  private steps: BufferStep[] = [];
  /** How many steps are applied (the rest can be redone). */
  private applied = 0;
  private savedStep = 0;
  private versionNumber = 1;
  private current: string;
  private docName: string;

  constructor(text: string, name: string) {
    this.initial = text;
    this.current = text;
    this.docName = name;
  }

  get text(): string {
    return this.current;
  }

  get version(): number {
    return this.versionNumber;
  }

  get name(): string {
    return this.docName;
  }

  get dirty(): boolean {
    return this.applied !== this.savedStep;
  }

  /** A new document: its own undo history, and versions that no earlier text carried. */
  open(text: string, name: string): void {
    this.initial = text;
    this.current = text;
    this.docName = name;
    this.steps = [];
    this.applied = 0;
    this.savedStep = 0;
    this.versionNumber += 1_000_000 - (this.versionNumber % 1_000_000) + 1;
  }

  markSaved(): void {
    this.savedStep = this.applied;
  }

  markUnsaved(): void {
    this.savedStep = -1;
  }

  /** Applies edits (positions in the current text) as one undoable step. */
  applyEdits(edits: readonly TextEdit[]): boolean {
    if (edits.length === 0) return false;
    return this.push(edits, applyTextEdits(this.current, edits));
  }

  /** Replaces the whole text as one undoable step. */
  replaceAll(text: string): boolean {
    return this.push(null, text);
  }

  private push(edits: readonly TextEdit[] | null, text: string): boolean {
    if (text === this.current) return false;
    this.steps.length = this.applied;
    if (this.savedStep > this.applied) this.savedStep = -1;
    this.steps.push({ edits, text });
    this.applied++;
    if (this.steps.length > MAX_STEPS) {
      const dropped = this.steps.shift()!;
      this.initial = dropped.text;
      this.applied--;
      this.savedStep = this.savedStep > 0 ? this.savedStep - 1 : -1;
    }
    this.current = text;
    this.versionNumber++;
    return true;
  }

  canUndo(): boolean {
    return this.applied > 0;
  }

  canRedo(): boolean {
    return this.applied < this.steps.length;
  }

  undo(): boolean {
    if (!this.canUndo()) return false;
    this.applied--;
    this.current = this.applied ? this.steps[this.applied - 1]!.text : this.initial;
    this.versionNumber++;
    return true;
  }

  redo(): boolean {
    if (!this.canRedo()) return false;
    this.current = this.steps[this.applied]!.text;
    this.applied++;
    this.versionNumber++;
    return true;
  }

  /** The history as the editor replays it: the undo steps applied now (what can be redone is left out). */
  history(): BufferHistory {
    return {
      initial: this.initial,
      steps: this.steps.slice(0, this.applied),
      savedStep: this.savedStep <= this.applied ? this.savedStep : -1,
      version: this.versionNumber,
      name: this.docName,
    };
  }
}

/**
 * The open document as the session, the form and the commands see it: the buffer until the YAML editor
 * has taken it over, the editor after. Listeners hear every change either way.
 */
export class DocumentText implements EditorPort {
  private readonly buffer: DocumentBuffer;
  private editorSession: DocumentEditor | null = null;
  private readonly listeners = new Set<(version: number) => void>();
  private offEditor: (() => void) | null = null;

  constructor(text: string, name: string) {
    this.buffer = new DocumentBuffer(text, name);
  }

  /** The YAML editor, once it has taken the document over. */
  get editor(): DocumentEditor | null {
    return this.editorSession;
  }

  /** Hands the document to the YAML editor, made by `make` from the buffer's history. */
  handOver<E extends DocumentEditor>(make: (history: BufferHistory) => E): E {
    if (this.editorSession) throw new Error('the YAML editor already has the document');
    const editor = make(this.buffer.history());
    this.editorSession = editor;
    this.offEditor = editor.onChange((v) => this.changed(v));
    return editor;
  }

  /** The editor is gone (the window is closing): nothing more is read from it. */
  release(): void {
    this.offEditor?.();
    this.offEditor = null;
    this.editorSession = null;
  }

  get text(): string {
    return this.editorSession?.text ?? this.buffer.text;
  }

  get version(): number {
    return this.editorSession?.version ?? this.buffer.version;
  }

  get dirty(): boolean {
    return this.editorSession?.dirty ?? this.buffer.dirty;
  }

  open(text: string, name: string): void {
    if (this.editorSession) this.editorSession.open(text, name);
    else this.buffer.open(text, name);
  }

  markSaved(): void {
    if (this.editorSession) this.editorSession.markSaved();
    else this.buffer.markSaved();
  }

  markUnsaved(): void {
    if (this.editorSession) this.editorSession.markUnsaved();
    else this.buffer.markUnsaved();
  }

  applyEdits(edits: readonly TextEdit[]): void {
    if (this.editorSession) this.editorSession.applyEdits(edits);
    else if (this.buffer.applyEdits(edits)) this.changed(this.buffer.version);
  }

  replaceAll(text: string): void {
    if (this.editorSession) this.editorSession.replaceAll(text);
    else if (this.buffer.replaceAll(text)) this.changed(this.buffer.version);
  }

  /** Inserts text at a place, as a key typed there would. */
  type(line: number, column: number, text: string): void {
    if (this.editorSession) this.editorSession.type(line, column, text);
    else this.applyEdits([{ startLine: line, startColumn: column, endLine: line, endColumn: column, text }]);
  }

  undo(): void {
    if (this.editorSession) this.editorSession.undo();
    else if (this.buffer.undo()) this.changed(this.buffer.version);
  }

  redo(): void {
    if (this.editorSession) this.editorSession.redo();
    else if (this.buffer.redo()) this.changed(this.buffer.version);
  }

  onChange(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(version: number): void {
    for (const l of this.listeners) l(version);
  }
}
