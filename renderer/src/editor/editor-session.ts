// The open ordinance in the YAML editor: its Monaco model and editor, edits that join the undo history,
// the engine's diagnostics as markers, and whether it differs from what was last saved. It takes the
// document over from the buffer the form edited (same text, version, saved state and undo history).

import type { Diagnostic } from '../../../engine/index';
import { messageWithCitation } from '../../../engine/vocabulary';
import type { TextEdit } from '../../../engine/document';
import type { BufferHistory, DocumentEditor } from '../app/document-buffer';
import { monaco, modelUri } from './monaco';

export const MARKER_OWNER = 'detainer-studio-engine';

type Editor = ReturnType<typeof monaco.editor.create>;
type Model = ReturnType<typeof monaco.editor.createModel>;

let modelCount = 0;

export class EditorSession implements DocumentEditor {
  readonly editor: Editor;
  private model: Model;
  private savedVersion: number;
  private readonly changeListeners = new Set<(version: number) => void>();
  private readonly modelListeners = new Set<() => void>();
  private contentSubscription: { dispose(): void };
  /** Each opened document numbers its versions from here, so a version names one text of one document. */
  private versionBase = 0;

  constructor(container: HTMLElement, history: BufferHistory, dark: boolean) {
    this.model = this.createModel(history.initial, history.name);
    // The buffer's undo history, replayed step by step: Ctrl+Z here takes back what the form did.
    let savedVersion = history.savedStep === 0 ? this.model.getAlternativeVersionId() : -1;
    history.steps.forEach((step, i) => {
      this.model.pushStackElement();
      this.model.pushEditOperations(
        [],
        step.edits
          ? step.edits.map((e) => ({ range: new monaco.Range(e.startLine, e.startColumn, e.endLine, e.endColumn), text: e.text }))
          : [{ range: this.model.getFullModelRange(), text: step.text }],
        () => null,
      );
      this.model.pushStackElement();
      if (history.savedStep === i + 1) savedVersion = this.model.getAlternativeVersionId();
    });
    // Line ends are the editor's own (LF); any other difference would be a bug in the replay: the
    // text as the buffer had it wins.
    const expected = (history.steps.at(-1)?.text ?? history.initial).replace(/\r\n?/g, '\n');
    if (this.model.getValue(monaco.editor.EndOfLinePreference.LF) !== expected) this.model.setValue(expected);
    // The version the document had keeps naming this text.
    this.versionBase = history.version - this.model.getVersionId();
    this.editor = monaco.editor.create(container, {
      model: this.model,
      theme: dark ? 'vs-dark' : 'vs',
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      lineNumbersMinChars: 3,
      scrollBeyondLastLine: false,
      tabSize: 2,
      insertSpaces: true,
      wordWrap: 'on',
      wrappingIndent: 'indent',
      renderWhitespace: 'boundary',
      folding: true,
      showFoldingControls: 'always',
      stickyScroll: { enabled: true },
      fixedOverflowWidgets: true,
      ariaLabel:
        'Ordinance YAML. Tab indents here: press Ctrl+M to make Tab move focus, or F6 for the next part of the window. Alt+F1 for accessibility help, F8 for the next problem.',
      quickSuggestions: { other: true, comments: false, strings: false },
    });
    this.savedVersion = savedVersion;
    this.contentSubscription = this.subscribe();
  }

  private createModel(text: string, name: string): Model {
    const model = monaco.editor.createModel(text, 'yaml', modelUri(name, ++modelCount));
    model.updateOptions({ tabSize: 2, insertSpaces: true, trimAutoWhitespace: true });
    return model;
  }

  private subscribe() {
    return this.model.onDidChangeContent(() => {
      const version = this.version;
      for (const l of this.changeListeners) l(version);
    });
  }

  /** Replaces the document (a file opened): a fresh model with its own undo history. */
  open(text: string, name: string): void {
    const old = this.model;
    this.contentSubscription.dispose();
    this.model = this.createModel(text, name);
    this.versionBase += 1_000_000;
    this.editor.setModel(this.model);
    this.savedVersion = this.model.getAlternativeVersionId();
    this.contentSubscription = this.subscribe();
    // The editor's problem reader counts markers of every document it has seen: take the old one's away.
    monaco.editor.setModelMarkers(old, MARKER_OWNER, []);
    old.dispose();
    for (const l of this.modelListeners) l();
  }

  get text(): string {
    return this.model.getValue(monaco.editor.EndOfLinePreference.LF);
  }

  get version(): number {
    return this.versionBase + this.model.getVersionId();
  }

  get uri(): string {
    return this.model.uri.toString();
  }

  get dirty(): boolean {
    return this.model.getAlternativeVersionId() !== this.savedVersion;
  }

  markSaved(): void {
    this.savedVersion = this.model.getAlternativeVersionId();
  }

  /** The text shown is not what is on disk (restored from a recovery copy). */
  markUnsaved(): void {
    this.savedVersion = -1;
  }

  onChange(listener: (version: number) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onModelReplaced(listener: () => void): () => void {
    this.modelListeners.add(listener);
    return () => this.modelListeners.delete(listener);
  }

  /** Applies edits as one step of the editor's undo history, so Ctrl+Z takes them back. */
  applyEdits(edits: readonly TextEdit[]): void {
    if (edits.length === 0) return;
    this.model.pushStackElement();
    this.model.pushEditOperations(
      this.editor.getSelections(),
      edits.map((e) => ({
        range: new monaco.Range(e.startLine, e.startColumn, e.endLine, e.endColumn),
        text: e.text,
        forceMoveMarkers: true,
      })),
      () => null,
    );
    this.model.pushStackElement();
  }

  /** Replaces the whole text as one undoable edit. */
  replaceAll(text: string): void {
    this.model.pushStackElement();
    this.model.pushEditOperations(this.editor.getSelections(), [{ range: this.model.getFullModelRange(), text }], () => null);
    this.model.pushStackElement();
  }

  /** Inserts text at a place as a keystroke would (the editor's own edit, merged with typing). */
  type(line: number, column: number, text: string): void {
    this.editor.executeEdits('keyboard', [{ range: new monaco.Range(line, column, line, column), text }]);
  }

  undo(): void {
    void this.model.undo();
  }

  redo(): void {
    void this.model.redo();
  }

  canUndo(): boolean {
    return this.model.canUndo();
  }

  canRedo(): boolean {
    return this.model.canRedo();
  }

  reveal(line: number, column = 1, focus = true): void {
    const position = { lineNumber: Math.max(1, line), column: Math.max(1, column) };
    this.editor.setPosition(position);
    this.editor.revealPositionInCenterIfOutsideViewport(position);
    if (focus) this.editor.focus();
  }

  cursor(): { line: number; column: number } {
    const p = this.editor.getPosition();
    return { line: p?.lineNumber ?? 1, column: p?.column ?? 1 };
  }

  runAction(id: string): void {
    this.editor.focus();
    void this.editor.getAction(id)?.run();
  }

  setTheme(dark: boolean): void {
    monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }

  /** The findings behind the markers shown, in the markers' order. */
  private shown: readonly Diagnostic[] = [];

  /**
   * The engine's findings as squiggles: errors red, warnings amber, notes blue. Silenced findings stay
   * in the Problems panel but are not markers, so F8 walks and counts what the panel counts. Markers
   * carry no source or code: F8's reader shows the message as the panel words it, not internal names.
   */
  setDiagnostics(diagnostics: readonly Diagnostic[]): void {
    const model = this.model;
    const lines = model.getLineCount();
    this.shown = diagnostics.filter((d) => !d.suppressed);
    const markers = this.shown.map((d) => {
      const line = Math.min(Math.max(1, d.line), lines);
      let endLine = Math.min(Math.max(line, d.endLine), lines);
      let endColumn = d.endColumn;
      if (endLine === line && endColumn <= d.column) {
        // A point: underline the rest of the line so the squiggle can be seen.
        endColumn = model.getLineMaxColumn(line);
        if (endColumn <= d.column) endColumn = d.column + 1;
      }
      if (endLine > lines) endLine = lines;
      const severity =
        d.severity === 'error'
          ? monaco.MarkerSeverity.Error
          : d.severity === 'warning'
            ? monaco.MarkerSeverity.Warning
            : monaco.MarkerSeverity.Info;
      return {
        severity,
        message: messageWithCitation(d),
        startLineNumber: line,
        startColumn: Math.max(1, d.column),
        endLineNumber: endLine,
        endColumn,
      };
    });
    monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
  }

  /** The finding a marker shows (markers keep the order they were set in). */
  diagnosticOf(marker: { startLineNumber: number; startColumn: number; message: string }): Diagnostic | undefined {
    return this.shown.find(
      (d) =>
        Math.max(1, d.column) === marker.startColumn &&
        marker.message.startsWith(d.message) &&
        Math.max(1, d.line) === marker.startLineNumber,
    );
  }

  /** Every marker on the document, whoever set it (the engine should be the only one). */
  allMarkers(): Array<{ owner: string; line: number; message: string }> {
    return monaco.editor
      .getModelMarkers({ resource: this.model.uri })
      .map((m) => ({ owner: m.owner, line: m.startLineNumber, message: m.message }));
  }

  markers(): Array<{ line: number; column: number; message: string; severity: string; code: string }> {
    return monaco.editor.getModelMarkers({ resource: this.model.uri, owner: MARKER_OWNER }).map((m) => ({
      line: m.startLineNumber,
      column: m.startColumn,
      message: m.message,
      severity: m.severity === monaco.MarkerSeverity.Error ? 'error' : m.severity === monaco.MarkerSeverity.Warning ? 'warning' : 'info',
      code: this.diagnosticOf(m)?.code ?? '',
    }));
  }

  dispose(): void {
    this.contentSubscription.dispose();
    this.editor.dispose();
    this.model.dispose();
  }
}
