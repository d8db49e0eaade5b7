// The document session in Node: new documents (blank with "Start from…", or from a template the
// desktop menu names), only versions without errors reaching the simulation, saving, and recovery
// copies that bring the views and the simulation's choices back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument, markdownFromText, ordinanceText } from '../../engine/index';
import type { Host, OpenedFile, RecoveryEntry, Result, SaveRequest } from '../../host/contract';
import type { AnalysisResult } from '../../renderer/src/analysis/protocol';
import { DocumentSession, type EditorPort, type ValidDraft } from '../../renderer/src/app/session';
import { STARTER_ORDINANCE } from '../../renderer/src/app/starter';

const ROOT = path.resolve(__dirname, '../..');
const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A host over the real samples folder, keeping recovery copies and saves in memory. */
function memoryHost(savesByDownload = false) {
  const recovery = new Map<string, RecoveryEntry>();
  const saves: SaveRequest[] = [];
  let dirty = false;
  const host: Host = {
    info: async () => ({ kind: 'browser', platform: 'linux', appVersion: 'test', savesByDownload }),
    openFile: async () => ok(null),
    readFile: async (p) => ok({ path: p, name: path.basename(p), text: readFileSync(p, 'utf8'), mtimeMs: 1 }),
    saveFile: async (r) => (saves.push(r), ok({ path: r.path ?? `/docs/${r.suggestedName}`, name: r.suggestedName, mtimeMs: 2 })),
    exportFile: async () => ok(null),
    recentFiles: async () => ok(saves.map((s) => s.path ?? `/docs/${s.suggestedName}`)),
    listSamples: async () => ok([]),
    readSample: async (name): Promise<Result<OpenedFile>> => {
      try {
        return ok({ path: null, name: path.basename(name), text: readFileSync(path.join(ROOT, 'samples', name), 'utf8'), mtimeMs: null });
      } catch {
        return { ok: false, error: `no sample named ${name}` };
      }
    },
    writeRecovery: async (e) => (recovery.set(e.docId, structuredClone(e)), ok(undefined)),
    readRecovery: async () => ok([...recovery.values()].sort((a, b) => b.savedAtMs - a.savedAtMs)),
    clearRecovery: async (id) => (recovery.delete(id), ok(undefined)),
    setDirty: (d) => void (dirty = d),
    printToPdf: async () => ({ ok: false, error: 'no printer' }),
    onMenu: () => () => undefined,
    onOpenFile: () => () => undefined,
    onFileChanged: () => () => undefined,
  };
  return { host, recovery, saves, isDirty: () => dirty };
}

/** The editor as the session sees it: text, versions, and what was last saved. */
class TextEditor implements EditorPort {
  text = STARTER_ORDINANCE;
  version = 1;
  private saved = 1;
  open(text: string): void {
    this.text = text;
    this.version += 1000;
    this.saved = this.version;
  }
  type(text: string): void {
    this.text = text;
    this.version++;
  }
  get dirty(): boolean {
    return this.version !== this.saved;
  }
  markSaved(): void {
    this.saved = this.version;
  }
  markUnsaved(): void {
    this.saved = -1;
  }
}

/** The analysis worker's answer, worked out by the engine in this process. */
function analyse(version: number, text: string): AnalysisResult {
  const checked = checkDocument(text, { examples: false });
  const printed = checked.ordinance ? ordinanceText(checked.ordinance) : null;
  return {
    kind: 'analysis',
    version,
    diagnostics: checked.diagnostics,
    data: (checked.source.value as Record<string, unknown>) ?? null,
    ordinance: checked.ordinance ?? null,
    text: printed,
    markdown: printed ? markdownFromText(printed) : null,
    outline: [],
    provisionLines: {},
    engineMs: 0,
  };
}

function setup(confirm = true, savesByDownload = false) {
  const h = memoryHost(savesByDownload);
  const session = new DocumentSession({ host: h.host, confirmDiscard: () => confirm, noticeMs: 0 });
  const editor = new TextEditor();
  const drafts: ValidDraft[] = [];
  session.onValidDraft((d) => drafts.push(d));
  session.attach(editor, { analyze: (v, t) => session.analysisArrived(analyse(v, t)) });
  const type = (text: string) => {
    editor.type(text);
    session.edited();
  };
  return { ...h, session, editor, drafts, type };
}

const SAMPLE = 'ordinances/connecticut-trust-act-2014.ordinance.yaml';
const sampleText = readFileSync(path.join(ROOT, 'samples', SAMPLE), 'utf8');

describe('new documents', () => {
  it('open in the form with "Start from…"', async () => {
    const { session, editor } = setup();
    await session.run('file.new');
    expect(session.getState()).toMatchObject({ left: 'form', startFrom: true, dirty: false });
    expect(editor.text).toBe(STARTER_ORDINANCE);
  });

  it('from the desktop menu\'s "New from Template" open that template, as an unsaved copy', async () => {
    const { session, editor } = setup();
    await session.run('file.new', SAMPLE);
    expect(editor.text).toBe(sampleText);
    expect(session.getState().doc).toMatchObject({ name: 'connecticut-trust-act-2014.ordinance.yaml', path: null });
    expect(session.getState().left).toBe('form');
    // "blank" is the blank ordinance, without the chooser.
    await session.run('file.new', 'blank');
    expect(editor.text).toBe(STARTER_ORDINANCE);
    expect(session.getState().startFrom).toBe(false);
  });

  it('never replace unsaved work unasked', async () => {
    const { session, editor, type } = setup(false);
    type(sampleText);
    await session.run('file.new', SAMPLE.replace('connecticut-trust-act-2014', 'berkeley-2012'));
    expect(editor.text).toBe(sampleText);
  });

  it('name a template that is not there in a notice, keeping the document', async () => {
    const { session, editor } = setup();
    await session.run('file.new', 'ordinances/nowhere.ordinance.yaml');
    expect(editor.text).toBe(STARTER_ORDINANCE);
    expect(session.getState().notices.map((n) => n.text)).toEqual(['no sample named ordinances/nowhere.ordinance.yaml']);
  });
});

describe('the draft the simulation sees', () => {
  it('is the newest version without errors, never one with a legal-lint error', async () => {
    const { session, drafts, type } = setup();
    type(sampleText);
    const valid = drafts.at(-1)!;
    expect(valid.version).toBe(session.getState().version);
    // A 200-hour hold is past the federal maximum: an error of the legal lint, though it compiles.
    const broken = sampleText.replace('hours: 48', 'hours: 200');
    expect(broken).not.toBe(sampleText);
    type(broken);
    const state = session.getState();
    expect(state.analysis!.ordinance).not.toBeNull();
    expect(state.analysis!.diagnostics.some((d) => d.severity === 'error' && d.code === 'hold-exceeds-federal-maximum')).toBe(true);
    expect(drafts.at(-1)).toBe(valid);
    expect(state.lastValid).toBe(valid);
  });
});

describe('another document', () => {
  it('is a new generation with no version without errors, and an answer about the closed one is ignored', async () => {
    const { session, drafts, editor, type } = setup();
    type(sampleText);
    const first = drafts.at(-1)!;
    expect(first.document).toBe(session.getState().generation);
    const oldVersion = editor.version;
    // Open a file that is not an ordinance at all.
    session.openFile({ path: '/cases/synthetic-200.cases.csv', name: 'synthetic-200.cases.csv', text: 'id,age\nB-1,30\n', mtimeMs: 1 });
    const state = session.getState();
    expect(state.generation).toBe(first.document + 1);
    expect(state.lastValid).toBeNull();
    // The engine's late answer about the closed document's text must not become this one's.
    session.analysisArrived(analyse(oldVersion, sampleText));
    expect(session.getState().lastValid).toBeNull();
    expect(drafts.at(-1)).toBe(first);
  });
});

describe('saving', () => {
  it('writes the text, clears the unsaved mark and the recovery copy', async () => {
    const { session, editor, saves, type, isDirty, recovery } = setup();
    type(sampleText);
    expect(isDirty()).toBe(true);
    await session.flushRecovery('closing');
    expect(recovery.size).toBe(1);
    await session.run('file.save');
    expect(saves.map((s) => s.text)).toEqual([sampleText]);
    expect(editor.dirty).toBe(false);
    expect(isDirty()).toBe(false);
    expect(session.getState().doc.path).toBe('/docs/untitled.ordinance.yaml');
    expect(recovery.size).toBe(0);
  });
});

describe('recovery', () => {
  it('brings back the text, the views, the case set, the comparison and the scenario', async () => {
    const first = setup();
    first.type(sampleText);
    await first.session.run('view.form');
    await first.session.run('view.compare');
    first.session.chooseWorkspace({
      caseSet: 'synthetic:10000',
      compare: 'sample:ordinances/berkeley-2012.ordinance.yaml',
      scenario: { reimbursementAgreement: true, costPerInmateDay: 150, holidays: 'none' },
    });
    await first.session.flushRecovery('hidden');

    // The window is gone; a new one starts with the same host storage.
    const second = new DocumentSession({ host: first.host, confirmDiscard: () => true });
    const editor = new TextEditor();
    second.attach(editor, { analyze: () => undefined });
    await second.lookForRecovery();
    expect(second.getState().recoveryOffer?.text).toBe(sampleText);
    second.restoreRecovery();
    const s = second.getState();
    expect(editor.text).toBe(sampleText);
    expect(s).toMatchObject({ left: 'form', right: 'compare', dirty: true });
    expect(s.restoredWorkspace).toEqual({
      left: 'form',
      right: 'compare',
      caseSet: 'synthetic:10000',
      compare: 'sample:ordinances/berkeley-2012.ordinance.yaml',
      scenario: { reimbursementAgreement: true, costPerInmateDay: 150, holidays: 'none' },
    });
  });

  it('keeps no copy of a document with nothing unsaved', async () => {
    const { session, recovery } = setup();
    await session.run('view.form');
    await session.flushRecovery('closing');
    expect(recovery.size).toBe(0);
  });
});

describe('saving where the browser downloads', () => {
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 50 && !check(); i++) await new Promise((r) => setTimeout(r, 0));
    expect(check()).toBe(true);
  };

  it('asks for the file name, suggesting one from the title, and saves under the name typed', async () => {
    const { session, saves, type } = setup(true, true);
    // The starter with its place chosen: a blank draft, not yet an ordinance, is suggested 'untitled'.
    type(STARTER_ORDINANCE.replace('jurisdiction:\n', 'jurisdiction:\n  name: Town of Hull\n  state: MA\n'));
    const saving = session.save(false);
    await until(() => session.getState().fileNamePrompt !== null);
    expect(session.getState().fileNamePrompt).toEqual({
      suggested: 'an-ordinance-concerning-civil-immigration-detainers-0-1.ordinance.yaml',
    });
    expect(saves).toEqual([]);
    session.fileNameChosen('council draft');
    await saving;
    expect(saves.map((s) => s.suggestedName)).toEqual(['council draft.ordinance.yaml']);
    expect(session.getState()).toMatchObject({ fileNamePrompt: null, doc: { name: 'council draft.ordinance.yaml' } });
  });

  it('saves nothing when the name is not given', async () => {
    const { session, saves } = setup(true, true);
    const saving = session.save(false);
    await until(() => session.getState().fileNamePrompt !== null);
    session.fileNameChosen(null);
    await saving;
    expect(saves).toEqual([]);
    expect(session.getState().fileNamePrompt).toBeNull();
  });

  it('asks nothing where the host has a save dialog of its own', async () => {
    const { session, saves } = setup(true, false);
    await session.save(false);
    expect(saves.map((s) => s.suggestedName)).toEqual(['untitled.ordinance.yaml']);
    expect(session.getState().fileNamePrompt).toBeNull();
  });
});
