// The app: the open ordinance in the YAML editor or the form, its problems and outline, and beside it
// the preview, the simulation or the comparison; files, menus and recovery through the host.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CheckedDiagnostic, OrdinanceText, QuickFix, TextEdit } from '../../../engine/index';
import { parseSource } from '../../../engine/document';
import { isBlocking } from '../../../engine/vocabulary';
import type { Host, MenuCommand, OpenedFile, RecoveryEntry, SampleEntry } from '../../../host/contract';
import type { AnalysisResponse, AnalysisResult, OutlineEntry } from '../analysis/protocol';
import { AnalysisClient } from '../analysis/analysis-client';
import { DecisionTableView } from '../analysis/DecisionTableView';
import { DraftsView } from '../analysis/DraftsView';
import { useDraftAnalysis } from '../analysis/use-draft-analysis';
import { EditorSession } from '../editor/editor-session';
import { ExportDialog } from '../export/ExportDialog';
import { useLastValidDraft } from '../export/use-last-valid';
import { registerQuickFixes } from '../editor/quick-fixes';
import { FormView } from '../form/FormView';
import { applyEdits, type DocumentEdit, type PathSegment } from '../../../engine/document';
import { shortcutLabel } from '../host/shortcuts';
import { emit } from '../lib/app-events';
import { milliseconds } from '../lib/format';
import { PreviewView } from '../preview/PreviewView';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { CompareView } from '../simulation/CompareView';
import { SimulationView, type CaseSetChoice } from '../simulation/SimulationView';
import { useSimulation } from '../simulation/use-simulation';
import { caseSourceOfFile } from '../simulation/protocol';
import { installTestHook } from '../testing/test-hook';
import { OutlinePanel } from './OutlinePanel';
import { RecoveryKeeper } from './recovery';
import { HelpDialog, type HelpTopic } from './HelpDialog';
import { STARTER_NAME, STARTER_ORDINANCE } from './starter';
import { Tabs } from './Tabs';

type LeftView = 'editor' | 'form';
type RightView = 'preview' | 'simulation' | 'compare' | 'table' | 'drafts';

interface DocumentInfo {
  name: string;
  path: string | null;
  docId: string;
  mtimeMs: number | null;
}

interface Notice {
  id: number;
  kind: 'info' | 'error' | 'warning';
  text: string;
  action?: { label: string; run: () => void };
}

const SYNTHETIC_SETS: Array<{ id: string; count: number; label: string }> = [
  { id: 'synthetic:10000', count: 10_000, label: 'Synthetic: 10,000 cases (seed 2012)' },
  { id: 'synthetic:100000', count: 100_000, label: 'Synthetic: 100,000 cases (seed 2012)' },
  { id: 'synthetic:1000000', count: 1_000_000, label: 'Synthetic: 1,000,000 cases (seed 2012)' },
];

function initialDark(): boolean {
  const saved = localStorage.getItem('detainer-studio.theme');
  if (saved) return saved === 'dark';
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

let noticeCount = 0;

export function App({ host, appVersion }: { host: Host; appVersion: string }) {
  const editorHost = useRef<HTMLDivElement>(null);
  const sessionRef = useRef<EditorSession | null>(null);
  const analysisRef = useRef<AnalysisClient | null>(null);
  const recoveryRef = useRef<RecoveryKeeper | null>(null);
  const [doc, setDoc] = useState<DocumentInfo>({ name: STARTER_NAME, path: null, docId: `unsaved-${Date.now()}`, mtimeMs: null });
  const docRef = useRef(doc);
  docRef.current = doc;
  const [version, setVersion] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [analysis, setAnalysis] = useState<AnalysisResult | null>(null);
  const [lastGood, setLastGood] = useState<{ text: OrdinanceText; markdown: string | null } | null>(null);
  const [left, setLeft] = useState<LeftView>('editor');
  const [right, setRight] = useState<RightView>('preview');
  const [showOutline, setShowOutline] = useState(true);
  const [dark, setDark] = useState(initialDark);
  const [samples, setSamples] = useState<SampleEntry[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [recovery, setRecovery] = useState<RecoveryEntry | null>(null);
  const [help, setHelp] = useState<HelpTopic | null>(null);
  const [exporting, setExporting] = useState(false);
  const [compareError, setCompareError] = useState<string | null>(null);
  const [leftWidth, setLeftWidth] = useState(52);
  const sim = useSimulation();
  const simRef = useRef(sim);
  simRef.current = sim;
  // The decision table and the difference between drafts, worked out in a worker when shown.
  const drafting = useDraftAnalysis();
  const draftingRef = useRef(drafting);
  draftingRef.current = drafting;

  const notify = useCallback((kind: Notice['kind'], text: string, action?: Notice['action']) => {
    const id = ++noticeCount;
    setNotices((list) => [...list.slice(-3), { id, kind, text, action }]);
    if (kind === 'info') setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 6000);
  }, []);

  // The host hears only changes of the unsaved state, not every keystroke (in Electron each is a message).
  const hostDirty = useRef(false);
  const tellHostDirty = useCallback(
    (value: boolean) => {
      if (value === hostDirty.current) return;
      hostDirty.current = value;
      host.setDirty(value);
    },
    [host],
  );

  // ---- the engine on every edit ----

  const latestAnalysis = useRef<AnalysisResult | null>(null);

  const onAnalysis = useCallback((response: AnalysisResponse) => {
    const session = sessionRef.current;
    if (response.kind === 'analysis-failed') {
      setNotices((list) => [
        ...list,
        { id: ++noticeCount, kind: 'error', text: `The engine could not check the document: ${response.error}` },
      ]);
      return;
    }
    session?.setDiagnostics(response.diagnostics);
    latestAnalysis.current = response;
    const errors = response.diagnostics.filter(isBlocking).length;
    emit('analysis-applied', {
      version: response.version,
      errors,
      warnings: response.diagnostics.filter((d) => d.severity === 'warning').length,
      engineMs: response.engineMs,
    });
    setAnalysis(response);
    if (response.text) setLastGood({ text: response.text, markdown: response.markdown });
    if (response.ordinance) simRef.current.setDraft(response.ordinance, response.version);
    if (response.ordinance) draftingRef.current.setDraft(response.ordinance, response.version);
  }, []);

  // ---- opening documents ----

  const openText = useCallback(
    (text: string, info: DocumentInfo) => {
      const session = sessionRef.current;
      if (!session) return;
      session.open(text, info.name);
      recoveryRef.current?.reset();
      setDoc(info);
      setDirty(false);
      setVersion(session.version);
      setLastGood(null);
      setAnalysis(null);
      tellHostDirty(false);
      analysisRef.current?.analyze(session.version, session.text);
      emit('document-opened', { name: info.name, version: session.version, at: performance.now() });
    },
    [tellHostDirty],
  );

  const confirmDiscard = useCallback(() => {
    const session = sessionRef.current;
    return !session?.dirty || window.confirm(`${docRef.current.name} has unsaved changes. Discard them?`);
  }, []);

  const openFile = useCallback(
    (file: OpenedFile) => {
      if (file.bytes) {
        // A workbook (ICE's detainer records) dropped or opened from outside is a case set, not a draft.
        setRight((v) => (v === 'preview' ? 'simulation' : v));
        return void sim.loadCases(caseSourceOfFile(file));
      }
      if (!confirmDiscard()) return;
      openText(file.text, {
        name: file.name,
        path: file.path,
        docId: file.path ?? `unsaved-${file.name}-${Date.now()}`,
        mtimeMs: file.mtimeMs,
      });
    },
    [confirmDiscard, openText, sim],
  );

  // ---- editor and workers start once ----

  useEffect(() => {
    const container = editorHost.current!;
    const session = new EditorSession(container, STARTER_ORDINANCE, STARTER_NAME, initialDark());
    sessionRef.current = session;
    const analysisClient = new AnalysisClient(onAnalysis);
    analysisRef.current = analysisClient;
    const recovery = new RecoveryKeeper({
      snapshot: () => {
        const d = docRef.current;
        return session.dirty ? { docId: d.docId, name: d.name, text: session.text, savedAtMs: Date.now() } : null;
      },
      write: (entry) => host.writeRecovery(entry),
      onWritten: (entry, reason) => emit('recovery-written', { docId: entry.docId, chars: entry.text.length, reason }),
      onFailed: (error) => emit('recovery-failed', { error }),
    });
    recoveryRef.current = recovery;
    const offChange = session.onChange((v) => {
      emit('document-changed', { version: v });
      analysisClient.analyze(v, session.text);
      setVersion(v);
      const isDirty = session.dirty;
      setDirty(isDirty);
      tellHostDirty(isDirty);
      recovery.changed();
    });
    // A hidden window may be closed or killed without another word: keep what is typed now.
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void recovery.flush('hidden');
    };
    const onClosing = () => void recovery.flush('closing');
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onClosing);
    window.addEventListener('beforeunload', onClosing);
    const quickFixes = registerQuickFixes(
      () => latestAnalysis.current,
      (text, fix) => analysisClient.fixEdit(text, fix),
    );
    installTestHook(() => sessionRef.current);
    setVersion(session.version);
    analysisClient.analyze(session.version, session.text);
    emit('editor-ready', { version: session.version, at: performance.now() });
    emit('document-opened', { name: STARTER_NAME, version: session.version, at: performance.now() });
    return () => {
      recovery.dispose();
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onClosing);
      window.removeEventListener('beforeunload', onClosing);
      offChange();
      quickFixes.dispose();
      analysisClient.dispose();
      session.dispose();
      sessionRef.current = null;
    };
  }, [host, onAnalysis, tellHostDirty]);

  useEffect(() => {
    void host.listSamples().then((r) => (r.ok ? setSamples(r.value) : notify('error', r.error)));
    void host.readRecovery().then((r) => {
      if (r.ok && r.value.length) setRecovery(r.value[0]!);
    });
  }, [host, notify]);

  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${doc.name} — Detainer Policy Studio`;
  }, [doc.name, dirty]);

  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    sessionRef.current?.setTheme(dark);
    localStorage.setItem('detainer-studio.theme', dark ? 'dark' : 'light');
  }, [dark]);

  // ---- commands (toolbar, keyboard, native menu) ----

  const save = useCallback(
    async (saveAs: boolean, force = false) => {
      const session = sessionRef.current;
      if (!session) return;
      const d = docRef.current;
      const text = session.text;
      const result = await host.saveFile({ path: saveAs ? null : d.path, suggestedName: d.name, text, expectedMtimeMs: d.mtimeMs, force });
      if (!result.ok) {
        if (result.code === 'changed-on-disk')
          notify('warning', result.error, { label: 'Save anyway', run: () => void save(saveAs, true) });
        else notify('error', result.error);
        return;
      }
      if (!result.value) return;
      const saved = result.value;
      if (session.text === text) {
        session.markSaved();
        recoveryRef.current?.reset();
      }
      void host.clearRecovery(d.docId);
      const docId = saved.path ?? d.docId;
      setDoc({ name: saved.name, path: saved.path, docId, mtimeMs: saved.mtimeMs });
      setDirty(session.dirty);
      tellHostDirty(session.dirty);
      emit('saved', { name: saved.name, path: saved.path, version: session.version });
      notify('info', saved.path ? `Saved ${saved.name}.` : `Saved ${saved.name} to your downloads.`);
    },
    [host, notify, tellHostDirty],
  );

  const focusLeft = useCallback((view: LeftView) => {
    setLeft(view);
    if (view === 'editor') setTimeout(() => sessionRef.current?.editor.focus(), 0);
  }, []);

  const command = useCallback(
    async (c: MenuCommand, argument?: string) => {
      const session = sessionRef.current;
      switch (c) {
        case 'file.new':
          if (confirmDiscard())
            openText(STARTER_ORDINANCE, { name: STARTER_NAME, path: null, docId: `unsaved-${Date.now()}`, mtimeMs: null });
          return;
        case 'file.open': {
          if (argument) {
            const r = await host.readFile(argument);
            if (r.ok) openFile(r.value);
            else notify('error', r.error);
            return;
          }
          const r = await host.openFile('ordinance');
          if (!r.ok) notify('error', r.error);
          else if (r.value) openFile(r.value);
          return;
        }
        case 'file.save':
          return save(false);
        case 'file.saveAs':
          return save(true);
        case 'file.export':
          return setExporting(true);
        case 'file.close':
          if (confirmDiscard())
            openText(STARTER_ORDINANCE, { name: STARTER_NAME, path: null, docId: `unsaved-${Date.now()}`, mtimeMs: null });
          return;
        case 'edit.find':
          focusLeft('editor');
          setTimeout(() => session?.runAction('actions.find'), 0);
          return;
        case 'edit.replace':
          focusLeft('editor');
          setTimeout(() => session?.runAction('editor.action.startFindReplaceAction'), 0);
          return;
        case 'edit.format':
          focusLeft('editor');
          setTimeout(() => session?.runAction('editor.action.formatDocument'), 0);
          return;
        case 'view.editor':
          return focusLeft('editor');
        case 'view.form':
          return setLeft('form');
        case 'view.preview':
          return setRight('preview');
        case 'view.simulation':
          return setRight('simulation');
        case 'view.compare':
        case 'simulate.compare':
          return setRight('compare');
        case 'view.decisionTable':
          return setRight('table');
        case 'view.drafts':
          return setRight('drafts');
        case 'view.toggleTheme':
          return setDark((d) => !d);
        case 'simulate.run':
          setRight((r) => (r === 'preview' ? 'simulation' : r));
          return simRef.current.run();
        case 'simulate.chooseCases':
          setRight('simulation');
          setTimeout(() => document.getElementById('case-set')?.focus(), 0);
          return;
        case 'help.reference':
          return setHelp('reference');
        case 'help.about':
          return setHelp('about');
      }
    },
    [confirmDiscard, focusLeft, host, notify, openFile, openText, save],
  );

  // The Export dialog is modal: the menu and its shortcuts wait until it is closed.
  useEffect(() => host.onMenu((e) => void (exporting || command(e.command, e.argument))), [host, command, exporting]);
  useEffect(() => host.onOpenFile(openFile), [host, openFile]);
  useEffect(
    () =>
      host.onFileChanged((path) => {
        if (path !== docRef.current.path) return;
        notify('warning', `${docRef.current.name} changed on disk.`, {
          label: 'Reload from disk',
          run: () => void host.readFile(path).then((r) => (r.ok ? openFile(r.value) : notify('error', r.error))),
        });
      }),
    [host, notify, openFile],
  );

  // ---- form edits become editor edits ----

  const edit = useCallback(
    (ops: DocumentEdit[], label: string) => {
      const session = sessionRef.current;
      if (!session) return;
      const result = applyEdits(session.text, ops);
      if (!result.ok) {
        notify('error', `Could not ${label}: ${result.error}`);
        return;
      }
      session.applyEdits(result.edits);
      emit('form-edit-applied', { label, version: session.version, lines: result.edits.length });
    },
    [notify],
  );

  const reveal = useCallback(
    (line: number, column = 1) => {
      focusLeft('editor');
      setTimeout(() => sessionRef.current?.reveal(line, column), 0);
    },
    [focusLeft],
  );

  /** Applies an edit the engine worked out for this exact text, if the text is still the same. */
  const applyEngineEdit = useCallback(
    async (make: (text: string) => Promise<TextEdit>, what: string) => {
      const session = sessionRef.current;
      if (!session) return;
      const text = session.text;
      try {
        const edit = await make(text);
        if (session.text !== text) {
          notify('warning', `The document changed while the fix was prepared; choose "${what}" again.`);
          return;
        }
        session.applyEdits([edit]);
        emit('quick-fix-applied', { what, version: session.version });
      } catch (e) {
        notify('error', `Could not ${what.toLowerCase()}: ${(e as Error).message}`);
      }
    },
    [notify],
  );

  const applyFix = useCallback(
    (fix: QuickFix) => void applyEngineEdit((text) => analysisRef.current!.fixEdit(text, fix), fix.title),
    [applyEngineEdit],
  );

  const silence = useCallback(
    (d: CheckedDiagnostic, reason: string) =>
      void applyEngineEdit((text) => analysisRef.current!.silenceEdit(text, d, reason), `Silence "${d.code}"`),
    [applyEngineEdit],
  );

  const revealPath = useCallback(
    (path: PathSegment[]) => {
      const session = sessionRef.current;
      if (!session) return;
      const source = parseSource(session.text, 'ordinance');
      const at = source.locate(path, false);
      reveal(at.line, at.column);
    },
    [reveal],
  );

  const showProvision = useCallback(
    (id: string) => {
      const line = analysis?.provisionLines[id];
      if (line) reveal(line);
    },
    [analysis, reveal],
  );

  const openOutline = useCallback(
    (e: OutlineEntry) => {
      if (left === 'form') {
        const target =
          e.kind === 'findings'
            ? 'form-findings'
            : e.kind === 'definitions'
              ? 'form-definitions'
              : e.kind === 'otherwise'
                ? 'form-otherwise'
                : e.kind === 'provision'
                  ? findProvisionCard(e)
                  : 'form-sections';
        document.getElementById(target ?? 'form-sections')?.scrollIntoView({ block: 'start' });
        return;
      }
      reveal(e.line, e.column);
    },
    [left, reveal],
  );

  // ---- case sets and drafts to compare ----

  const caseSets: CaseSetChoice[] = useMemo(
    () => [
      ...samples.filter((s) => s.kind === 'cases').map((s) => ({ id: `sample:${s.name}`, label: `Sample: ${s.title}` })),
      ...SYNTHETIC_SETS.map((s) => ({ id: s.id, label: s.label })),
    ],
    [samples],
  );

  const chooseCaseSet = useCallback(
    async (id: string) => {
      if (id.startsWith('synthetic:')) {
        const n = Number(id.slice('synthetic:'.length));
        return sim.loadCases({
          kind: 'synthetic',
          name: `Synthetic cases (${n.toLocaleString('en-US')}, seed 2012)`,
          count: n,
          seed: 2012,
        });
      }
      const name = id.slice('sample:'.length);
      const r = await host.readSample(name);
      if (!r.ok) return notify('error', r.error);
      return sim.loadCases({ kind: 'text', name: r.value.name, text: r.value.text });
    },
    [host, notify, sim],
  );

  const openCaseFile = useCallback(async () => {
    const r = await host.openFile('cases');
    if (!r.ok) return notify('error', r.error);
    if (!r.value) return;
    setRight((v) => (v === 'preview' ? 'simulation' : v));
    return sim.loadCases(caseSourceOfFile(r.value));
  }, [host, notify, sim]);

  const compareWith = useCallback(
    async (file: OpenedFile) => {
      // Checking another draft is rare: the validators load when it happens, not at start.
      const { readDraftToCompare } = await import('../../../engine/index');
      const read = readDraftToCompare(file.text, file.name);
      if (!read.ok) {
        setCompareError(`${read.problem}.`);
        return;
      }
      setCompareError(null);
      sim.update({
        compare: { kind: 'draft', title: read.title, name: file.name, ordinance: read.ordinance, fingerprint: read.fingerprint },
      });
    },
    [sim],
  );

  const drafts = useMemo(
    () => samples.filter((s) => s.kind === 'ordinance').map((s) => ({ id: `sample:${s.name}`, label: `Sample: ${s.title}` })),
    [samples],
  );

  // ---- what the panes show ----

  const lastValid = useLastValidDraft(analysis);
  const closeExport = useCallback(() => setExporting(false), []);

  const diagnostics: CheckedDiagnostic[] = analysis?.diagnostics ?? [];
  const errorCount = diagnostics.filter(isBlocking).length;
  const warningCount = diagnostics.filter((d) => d.severity === 'warning' && !d.suppressed).length;
  const analysisCurrent = analysis?.version === version;
  const blocked = errorCount
    ? `The draft has ${errorCount} error${errorCount === 1 ? '' : 's'}; the results below are for the last version without errors.`
    : null;

  return (
    <div className="app">
      <header className="titlebar">
        <h1 className="app-name">Detainer Policy Studio</h1>
        <span className="doc-name" aria-label={`Document ${doc.name}${dirty ? ', unsaved changes' : ''}`}>
          {doc.name}
          {dirty ? (
            <span className="dirty" aria-hidden="true">
              {' '}
              ●
            </span>
          ) : null}
        </span>
        <nav className="toolbar" aria-label="File and view">
          <button
            type="button"
            onClick={() => void command('file.new')}
            aria-keyshortcuts="Control+Alt+N"
            title={`New draft (${shortcutLabel('file.new')})`}
          >
            New
          </button>
          <button
            type="button"
            onClick={() => void command('file.open')}
            aria-keyshortcuts="Control+O"
            title={`Open an ordinance (${shortcutLabel('file.open')})`}
          >
            Open…
          </button>
          <div className="field inline-field">
            <label htmlFor="open-sample" className="visually-hidden">
              Open a sample ordinance
            </label>
            <select
              id="open-sample"
              value=""
              onChange={async (e) => {
                const name = e.target.value;
                if (!name) return;
                const r = await host.readSample(name);
                if (r.ok) openFile(r.value);
                else notify('error', r.error);
              }}
            >
              <option value="">Samples…</option>
              {samples
                .filter((s) => s.kind === 'ordinance')
                .map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.title}
                  </option>
                ))}
            </select>
          </div>
          <button
            type="button"
            onClick={() => void command('file.save')}
            aria-keyshortcuts="Control+S"
            title={`Save (${shortcutLabel('file.save')})`}
          >
            Save
          </button>
          <button
            type="button"
            onClick={() => void command('file.saveAs')}
            aria-keyshortcuts="Control+Shift+S"
            title={`Save as (${shortcutLabel('file.saveAs')})`}
          >
            Save as…
          </button>
          <button
            type="button"
            onClick={() => void command('file.export')}
            aria-keyshortcuts="Control+Shift+E"
            title={`Export the ordinance, officer guide, bundle, report or redline (${shortcutLabel('file.export')})`}
          >
            Export…
          </button>
          <button type="button" aria-pressed={showOutline} onClick={() => setShowOutline((s) => !s)}>
            Outline
          </button>
          <button type="button" aria-pressed={dark} onClick={() => setDark((d) => !d)} title="Dark or light theme">
            Dark theme
          </button>
          <button type="button" onClick={() => setHelp('reference')}>
            Reference
          </button>
          <button type="button" onClick={() => setHelp('about')}>
            About
          </button>
        </nav>
      </header>

      {recovery ? (
        <div className="banner warning" role="alert">
          Unsaved work on <strong>{recovery.name}</strong> from {new Date(recovery.savedAtMs).toLocaleString()} was kept.{' '}
          <button
            type="button"
            onClick={() => {
              openText(recovery.text, {
                name: recovery.name,
                path: recovery.docId.startsWith('unsaved-') ? null : recovery.docId,
                docId: recovery.docId,
                mtimeMs: null,
              });
              // Restored text is unsaved work: mark it so, and keep the copy until it is saved.
              sessionRef.current?.markUnsaved();
              setDirty(true);
              tellHostDirty(true);
              setRecovery(null);
            }}
          >
            Restore it
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              void host.clearRecovery(recovery.docId);
              setRecovery(null);
            }}
          >
            Discard it
          </button>
        </div>
      ) : null}

      <main className="workspace" style={{ gridTemplateColumns: `${showOutline ? '220px ' : ''}${leftWidth}fr 6px ${100 - leftWidth}fr` }}>
        {showOutline ? <OutlinePanel entries={analysis?.outline ?? []} onOpen={openOutline} /> : null}
        <div className="pane pane-left">
          <Tabs
            label="Edit as"
            idPrefix="left"
            active={left}
            onChange={(k) => (k === 'editor' ? focusLeft('editor') : setLeft(k))}
            tabs={[
              { key: 'editor', label: 'YAML', shortcut: shortcutLabel('view.editor') },
              { key: 'form', label: 'Form', shortcut: shortcutLabel('view.form') },
            ]}
          />
          <div className="pane-body" id="left-panel" role="tabpanel" aria-labelledby={`left-tab-${left}`}>
            <div className="editor-host" ref={editorHost} hidden={left !== 'editor'} />
            {left === 'form' ? (
              <FormView
                data={analysis?.data ?? null}
                unreadable={analysis && !analysis.data ? diagnostics[0]?.message : undefined}
                text={analysis?.text ?? lastGood?.text ?? null}
                edit={edit}
                onShowInEditor={revealPath}
                onUndo={() => sessionRef.current?.undo()}
                onRedo={() => sessionRef.current?.redo()}
              />
            ) : null}
          </div>
          <ProblemsPanel
            diagnostics={diagnostics}
            fileName={doc.name}
            onOpen={(d) => reveal(d.line, d.column)}
            onFix={(_d, fix) => applyFix(fix)}
            onSilence={silence}
            ordinance={analysis?.ordinance ?? null}
          />
        </div>
        <Splitter value={leftWidth} onChange={setLeftWidth} />
        <div className="pane pane-right">
          <Tabs
            label="See"
            idPrefix="right"
            active={right}
            onChange={setRight}
            tabs={[
              { key: 'preview', label: 'Preview', shortcut: shortcutLabel('view.preview') },
              { key: 'simulation', label: 'Simulation', shortcut: shortcutLabel('view.simulation') },
              { key: 'compare', label: 'Comparison', shortcut: shortcutLabel('view.compare') },
              { key: 'table', label: 'Decision table', shortcut: shortcutLabel('view.decisionTable') },
              { key: 'drafts', label: 'Drafts', shortcut: shortcutLabel('view.drafts') },
            ]}
          />
          <div key={right} className="pane-body scroll" id="right-panel" role="tabpanel" aria-labelledby={`right-tab-${right}`}>
            {right === 'preview' ? (
              <PreviewView
                text={analysis?.text ?? lastGood?.text ?? null}
                markdown={analysis?.markdown ?? lastGood?.markdown ?? null}
                stale={!!analysis && !analysis.text}
                errorCount={errorCount}
                version={analysis?.version ?? -1}
                onShowProvision={showProvision}
              />
            ) : null}
            {right === 'simulation' ? (
              <SimulationView
                sim={sim}
                caseSets={caseSets}
                onChooseCaseSet={(id) => void chooseCaseSet(id)}
                onOpenCaseFile={() => void openCaseFile()}
                draftVersion={analysis?.ordinance ? analysis.version : sim.state.resultVersion}
                blocked={blocked}
                onShowProvision={showProvision}
                onFix={applyFix}
                onShowPath={revealPath}
              />
            ) : null}
            {right === 'compare' ? (
              <CompareView
                sim={sim}
                caseSets={caseSets}
                onChooseCaseSet={(id) => void chooseCaseSet(id)}
                onOpenCaseFile={() => void openCaseFile()}
                drafts={drafts}
                onChooseDraft={(id) =>
                  void host.readSample(id.slice('sample:'.length)).then((r) => (r.ok ? compareWith(r.value) : setCompareError(r.error)))
                }
                onOpenDraftFile={() =>
                  void host.openFile('ordinance').then((r) => {
                    if (!r.ok) setCompareError(r.error);
                    else if (r.value) void compareWith(r.value);
                  })
                }
                compareError={compareError}
                onShowProvision={showProvision}
              />
            ) : null}
            {right === 'table' ? (
              <DecisionTableView
                analysis={drafting}
                draftVersion={analysis?.ordinance ? analysis.version : -1}
                blocked={blocked}
                documentName={doc.name}
                host={host}
                onShowProvision={(id) => (id === 'default' ? revealPath(['otherwise']) : showProvision(id))}
              />
            ) : null}
            {right === 'drafts' ? (
              <DraftsView
                analysis={drafting}
                draftVersion={analysis?.ordinance ? analysis.version : -1}
                blocked={blocked}
                documentName={doc.name}
                host={host}
                drafts={drafts}
                onShowProvision={(id) => (id === 'default' ? revealPath(['otherwise']) : showProvision(id))}
              />
            ) : null}
          </div>
        </div>
      </main>

      <footer className="statusbar">
        <span role="status" aria-live="polite">
          {!analysisCurrent ? 'Checking…' : errorCount ? `${errorCount} error${errorCount === 1 ? '' : 's'}` : 'No errors'}
          {warningCount ? `, ${warningCount} warning${warningCount === 1 ? '' : 's'}` : ''}
        </span>
        {analysis?.text ? <span>Fingerprint {analysis.text.fingerprint.slice(0, 19)}…</span> : null}
        {analysis ? <span>Checked in {milliseconds(analysis.engineMs)}</span> : null}
        <span>{sim.state.cases ? `${sim.state.cases.name}: ${sim.state.cases.count.toLocaleString('en-US')} cases` : 'No case set'}</span>
        <span className="version">v{appVersion}</span>
      </footer>

      <div className="notices" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`notice-toast ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
            <span>{n.text}</span>
            {n.action ? (
              <button
                type="button"
                onClick={() => {
                  n.action!.run();
                  setNotices((list) => list.filter((x) => x.id !== n.id));
                }}
              >
                {n.action.label}
              </button>
            ) : null}
            <button type="button" aria-label="Dismiss" onClick={() => setNotices((list) => list.filter((x) => x.id !== n.id))}>
              ×
            </button>
          </div>
        ))}
      </div>

      {help ? <HelpDialog topic={help} appVersion={appVersion} onClose={() => setHelp(null)} /> : null}
      {exporting ? (
        <ExportDialog
          host={host}
          analysis={analysis}
          version={version}
          lastValid={lastValid}
          sim={sim}
          samples={samples}
          onClose={closeExport}
          onShowProblem={reveal}
          onChooseCases={() => void command('simulate.chooseCases')}
          notify={notify}
        />
      ) : null}
    </div>
  );
}

function findProvisionCard(e: OutlineEntry): string | undefined {
  const card = [...document.querySelectorAll<HTMLElement>('.provision-card')].find((el) =>
    el.getAttribute('aria-label')?.endsWith(` ${e.id}`),
  );
  return card?.id;
}

function Splitter({ value, onChange }: { value: number; onChange: (v: number) => void }) {
  const clamp = (v: number) => Math.max(25, Math.min(75, v));
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the editor and the view beside it"
      aria-valuemin={25}
      aria-valuemax={75}
      aria-valuenow={Math.round(value)}
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') onChange(clamp(value - 2));
        else if (e.key === 'ArrowRight') onChange(clamp(value + 2));
      }}
      onPointerDown={(e) => {
        const el = e.currentTarget;
        el.setPointerCapture(e.pointerId);
        const parent = el.parentElement!.getBoundingClientRect();
        const move = (ev: PointerEvent) => onChange(clamp(((ev.clientX - parent.left) / parent.width) * 100));
        const up = () => {
          el.removeEventListener('pointermove', move);
          el.removeEventListener('pointerup', up);
        };
        el.addEventListener('pointermove', move);
        el.addEventListener('pointerup', up);
      }}
    />
  );
}
