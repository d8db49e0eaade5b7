// The open document before the YAML editor is loaded (DocumentBuffer) and the document as the app sees
// it (DocumentText): versions, the saved state and undo/redo of form edits, and the hand-over to the
// editor with the same text, version, saved state and undo history. Also: the form's data read on the
// window's thread is the same as the engine worker's reading of the same text.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyTextEdits, type TextEdit } from '../../engine/document';
import { checkDocument } from '../../engine/index';
import { DocumentBuffer, DocumentText, type BufferHistory, type DocumentEditor } from '../../renderer/src/app/document-buffer';
import { documentData, formSource, MAX_WINDOW_READ_CHARS } from '../../renderer/src/app/form-data';
import { STARTER_NAME, STARTER_ORDINANCE } from '../../renderer/src/app/starter';

const ROOT = path.resolve(__dirname, '../..');
const at = (line: number, column: number, text: string): TextEdit => ({
  startLine: line,
  startColumn: column,
  endLine: line,
  endColumn: column,
  text,
});

describe('DocumentBuffer', () => {
  it('numbers every change, undoes and redoes them, and knows when the text is the saved one', () => {
    const b = new DocumentBuffer('a\nb\n', 'x.yaml');
    expect([b.text, b.version, b.dirty]).toEqual(['a\nb\n', 1, false]);
    expect(b.applyEdits([at(1, 2, '1')])).toBe(true);
    expect(b.replaceAll('c\n')).toBe(true);
    expect([b.text, b.version, b.dirty]).toEqual(['c\n', 3, true]);
    // The same text again is no change.
    expect(b.replaceAll('c\n')).toBe(false);
    expect(b.applyEdits([])).toBe(false);
    expect(b.version).toBe(3);

    b.undo();
    expect([b.text, b.version]).toEqual(['a1\nb\n', 4]);
    b.markSaved();
    b.undo();
    expect([b.text, b.dirty]).toEqual(['a\nb\n', true]);
    expect(b.undo()).toBe(false);
    b.redo();
    expect([b.text, b.dirty]).toEqual(['a1\nb\n', false]);
    b.redo();
    expect([b.text, b.dirty, b.canRedo()]).toEqual(['c\n', true, false]);
  });

  it('an edit after undo drops what could be redone; a saved text only reachable by redo is gone', () => {
    const b = new DocumentBuffer('a\n', 'x.yaml');
    b.replaceAll('b\n');
    b.replaceAll('c\n');
    b.markSaved();
    b.undo();
    b.undo();
    b.replaceAll('d\n');
    expect([b.canRedo(), b.dirty]).toEqual([false, true]);
    b.undo();
    expect([b.text, b.dirty]).toEqual(['a\n', true]);
    b.markUnsaved();
    b.redo();
    expect(b.dirty).toBe(true);
  });

  it('a new document starts its own history with versions no earlier text carried', () => {
    const b = new DocumentBuffer('a\n', 'x.yaml');
    b.replaceAll('b\n');
    const before = b.version;
    b.open('new\n', 'y.yaml');
    expect([b.text, b.name, b.dirty, b.canUndo(), b.canRedo()]).toEqual(['new\n', 'y.yaml', false, false, false]);
    expect(b.version).toBeGreaterThan(before + 1000);
  });

  it('keeps the last 500 steps', () => {
    const b = new DocumentBuffer('0\n', 'x.yaml');
    b.markSaved();
    for (let i = 1; i <= 520; i++) b.replaceAll(`${i}\n`);
    let undone = 0;
    while (b.undo()) undone++;
    expect([undone, b.text, b.dirty]).toEqual([500, '20\n', true]);
  });

  it('its history replays to every text it had, with the saved step and the version', () => {
    const b = new DocumentBuffer(STARTER_ORDINANCE, STARTER_NAME);
    b.applyEdits([at(4, 1, '# a comment\n')]);
    b.markSaved();
    b.applyEdits([at(1, 1, '# first\n'), at(5, 1, '# second\n')]);
    b.replaceAll(b.text.replace('level: city', 'level: town'));
    b.applyEdits([at(2, 1, 'x')]);
    b.undo(); // left out of the history: it can only be redone
    const h = b.history();
    expect([h.initial, h.steps.length, h.savedStep, h.version, h.name]).toEqual([STARTER_ORDINANCE, 3, 1, b.version, STARTER_NAME]);
    let text = h.initial;
    for (const step of h.steps) {
      text = step.edits ? applyTextEdits(text, step.edits) : step.text;
      expect(text).toBe(step.text);
    }
    expect(text).toBe(b.text);
  });
});

/** An editor that takes the document over as the YAML editor does: replays the history it is given. */
class ReplayEditor implements DocumentEditor {
  text: string;
  version: number;
  private saved: number;
  private undoStack: string[] = [];
  private readonly listeners = new Set<(v: number) => void>();
  constructor(readonly history: BufferHistory) {
    let text = history.initial;
    this.saved = history.savedStep === 0 ? 0 : -1;
    history.steps.forEach((s, i) => {
      this.undoStack.push(text);
      text = s.edits ? applyTextEdits(text, s.edits) : s.text;
      if (history.savedStep === i + 1) this.saved = i + 1;
    });
    this.text = text;
    this.version = history.version;
  }
  get dirty() {
    return this.undoStack.length !== this.saved;
  }
  private set(text: string, push: boolean) {
    if (push) this.undoStack.push(this.text);
    this.text = text;
    this.version++;
    for (const l of this.listeners) l(this.version);
  }
  open(text: string) {
    this.undoStack = [];
    this.saved = 0;
    this.set(text, false);
  }
  markSaved() {
    this.saved = this.undoStack.length;
  }
  markUnsaved() {
    this.saved = -1;
  }
  applyEdits(edits: readonly TextEdit[]) {
    this.set(applyTextEdits(this.text, edits), true);
  }
  replaceAll(text: string) {
    this.set(text, true);
  }
  type(line: number, column: number, text: string) {
    this.applyEdits([at(line, column, text)]);
  }
  undo() {
    const previous = this.undoStack.pop();
    if (previous !== undefined) this.set(previous, false);
  }
  redo() {}
  onChange(listener: (v: number) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

describe('DocumentText', () => {
  it('works on the buffer, then hands the document to the editor as it stands, undo history included', () => {
    const doc = new DocumentText(STARTER_ORDINANCE, STARTER_NAME);
    const heard: number[] = [];
    doc.onChange((v) => heard.push(v));
    doc.type(1, 1, '# typed in the form\n');
    doc.replaceAll(doc.text.replace('level: city', 'level: town'));
    doc.markSaved();
    doc.applyEdits([at(2, 1, '# a fix\n')]);
    expect(heard).toEqual([2, 3, 4]);
    const text = doc.text;

    const editor = doc.handOver((h) => new ReplayEditor(h));
    expect([doc.editor, editor.text, doc.text, doc.version, doc.dirty]).toEqual([editor, text, text, 4, true]);
    expect(() => doc.handOver((h) => new ReplayEditor(h))).toThrow();

    // From now on every call goes to the editor, and its changes are heard.
    doc.type(1, 1, 'x');
    expect([editor.text.startsWith('x# typed'), heard.at(-1)]).toEqual([true, 5]);
    doc.undo();
    doc.undo();
    expect([doc.text, doc.dirty]).toEqual([text.replace('# a fix\n', ''), false]);
    doc.undo();
    doc.undo();
    expect(doc.text).toBe(STARTER_ORDINANCE);

    doc.release();
    const count = heard.length;
    editor.replaceAll('gone\n');
    expect(heard.length).toBe(count);
  });

  it('undo in the buffer is heard like an edit', () => {
    const doc = new DocumentText('a\n', 'x.yaml');
    const heard: number[] = [];
    doc.onChange((v) => heard.push(v));
    doc.replaceAll('b\n');
    doc.undo();
    doc.undo(); // nothing left to undo: nothing heard
    doc.redo();
    expect([heard, doc.text]).toEqual([[2, 3, 4], 'b\n']);
  });
});

describe('the form data read in the window', () => {
  const files: Array<[string, string]> = [
    ['starter', STARTER_ORDINANCE],
    ...readdirSync(path.join(ROOT, 'samples/ordinances'))
      .sort()
      .map((f): [string, string] => [f, readFileSync(path.join(ROOT, 'samples/ordinances', f), 'utf8')]),
  ];

  it.each(files)('is the engine worker’s reading of %s', (_name, text) => {
    const engine = checkDocument(text, { examples: false }).source.value;
    expect(documentData(text)).toEqual(engine);
  });

  it('is the same for a document with errors, and nothing for one that is not a mapping or too large', () => {
    const broken = STARTER_ORDINANCE.replace('outcome: decline', 'outcome: maybe');
    expect(documentData(broken)).toEqual(checkDocument(broken).source.value);
    expect(documentData('- a\n- b\n')).toBeNull();
    expect(documentData('title: [unclosed\n')).toEqual(null);
    expect(documentData(`title: x\nnotes: "${'a'.repeat(MAX_WINDOW_READ_CHARS)}"\n`)).toBeNull();
  });
});

describe('the form’s data while the engine checks a changed text', () => {
  const before = { version: 3, data: { title: 'Before the edit' } };
  it('is the answer for the text as it is, or the text read in the window, and then not said to be old', () => {
    expect(formSource(before, 3, null)).toEqual({ data: before.data, asOfLastCheck: false });
    expect(formSource(before, 4, { title: 'After' })).toEqual({ data: { title: 'After' }, asOfLastCheck: false });
  });
  it('of a text too large to read in the window is the last answer, said to be as of the last check', () => {
    const big = `title: After\n${'# x\n'.repeat(MAX_WINDOW_READ_CHARS / 4)}`;
    expect(formSource(before, 4, documentData(big))).toEqual({ data: before.data, asOfLastCheck: true });
    expect(formSource(null, 1, null)).toEqual({ data: null, asOfLastCheck: false });
  });
});
