// The app's window: the open ordinance in the YAML editor or the form, its problems and outline, and
// beside it the preview, the simulation, the comparison, the decision table or the drafts. The
// document session (session.ts) holds the document and runs the document commands; this file lays
// it out, starts the editor and the workers, and carries out the commands that act on the layout.

import { visibleText } from '../../../engine/text-safety';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type FocusEvent } from 'react';
import type { CheckedDiagnostic, QuickFix, TextEdit } from '../../../engine/index';
import { parseSource } from '../../../engine/document';
import { ariaKeys, commandTitle, shortcutOf, type HostKind } from '../../../host/commands';
import { isBinaryCaseFile, type Host, type MenuCommand, type OpenedFile, type SampleEntry } from '../../../host/contract';
import type { AnalysisResponse, OutlineEntry } from '../analysis/protocol';
import { AnalysisClient } from '../analysis/analysis-client';
import type { ExpectationsFile } from '../analysis/ExpectedDecisionsPanel';
import { useDraftAnalysis } from '../analysis/use-draft-analysis';
import type { EditorSession } from '../editor/editor-session';
import { installTestHook } from '../testing/test-hook';
import { FormView } from '../form/FormView';
import { applyEdits, type DocumentEdit, type PathSegment } from '../../../engine/document';
import { emit } from '../lib/app-events';
import { milliseconds } from '../lib/format';
import { SIDE_PANEL_HOST } from '../lib/SidePanel';
import { PreviewView } from '../preview/PreviewView';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { useSimulation } from '../simulation/use-simulation';
import { caseSourceOfFile } from '../simulation/protocol';
import { caseSetChoices, draftChoices, useWorkspace } from './workspace';
import { OutlinePanel } from './OutlinePanel';
import { cyclePane, focusPane, focusPaneWhenShown, focusWhenShown } from './panes';
import { printCurrent } from './print';
import { DocumentText } from './document-buffer';
import { prefetchEditor, whenIdle } from './editor-prefetch';
import { documentData, formSource, MAX_WINDOW_READ_CHARS } from './form-data';
import { DocumentSession, errorsIn, type LeftView, type RightView } from './session';
import { STARTER_NAME, STARTER_ORDINANCE } from './starter';
import { SaveNameDialog } from './SaveNameDialog';
import { documentTooltip } from './file-name';
import { StartFrom } from './StartFrom';
import { Tabs } from './Tabs';
import { useRovingToolbar } from '../lib/roving-toolbar';

// The views beside the document and the dialogs load when first shown: typing needs none of them.
const SimulationView = lazy(() => import('../simulation/SimulationView').then((m) => ({ default: m.SimulationView })));
const CompareView = lazy(() => import('../simulation/CompareView').then((m) => ({ default: m.CompareView })));
const DecisionTableView = lazy(() => import('../analysis/DecisionTableView').then((m) => ({ default: m.DecisionTableView })));
const DraftsView = lazy(() => import('../analysis/DraftsView').then((m) => ({ default: m.DraftsView })));
const ExpectedDecisionsPanel = lazy(() =>
  import('../analysis/ExpectedDecisionsPanel').then((m) => ({ default: m.ExpectedDecisionsPanel })),
);
const ExportDialog = lazy(() => import('../export/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const HelpDialog = lazy(() => import('./HelpDialog').then((m) => ({ default: m.HelpDialog })));

function initialDark(): boolean {
  const saved = localStorage.getItem('detainer-studio.theme');
  if (saved) return saved === 'dark';
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

const RIGHT_TABS: Array<{ key: RightView; label: string; command: MenuCommand }> = [
  { key: 'preview', label: 'Preview', command: 'view.preview' },
  { key: 'simulation', label: 'Simulation', command: 'view.simulation' },
  { key: 'compare', label: 'Comparison', command: 'view.compare' },
  { key: 'table', label: 'Decision table', command: 'view.decisionTable' },
  { key: 'drafts', label: 'Drafts', command: 'view.drafts' },
];

export function App({ host, appVersion }: { host: Host; appVersion: string }) {
  const editorHost = useRef<HTMLDivElement>(null);
  const editorRef = useRef<EditorSession | null>(null);
  const documentRef = useRef<DocumentText | null>(null);
  documentRef.current ??= new DocumentText(STARTER_ORDINANCE, STARTER_NAME);
  const quickFixesRef = useRef<{ dispose(): void } | null>(null);
  const analysisRef = useRef<AnalysisClient | null>(null);
  const sessionRef = useRef<DocumentSession | null>(null);
  sessionRef.current ??= new DocumentSession({
    host,
    confirmDiscard: (name) => window.confirm(`${name} has unsaved changes. Discard them?`),
    emit,
  });
  const session = sessionRef.current;
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const { doc, version, dirty, analysis, lastValid, left, right } = state;
  // The expected-decisions file checked against the draft (under the decision table), kept with the
  // recovery copy like the case set.
  const expectedFile: ExpectationsFile | null = state.workspace.expected ?? null;
  const [hostKind, setHostKind] = useState<{ kind: HostKind; platform: string }>({ kind: 'browser', platform: navigator.platform });
  const [showOutline, setShowOutline] = useState(true);
  const [dark, setDark] = useState(initialDark);
  const [samples, setSamples] = useState<SampleEntry[]>([]);
  const [leftWidth, setLeftWidth] = useState(52);
  const [editorLoaded, setEditorLoaded] = useState(false);
  // The document has been editable once (the samples are listed from then on).
  const [started, setStarted] = useState(false);
  const sim = useSimulation();
  // The decision table and the difference between drafts, worked out in a worker when shown.
  const drafting = useDraftAnalysis();
  const draftingRef = useRef(drafting);
  draftingRef.current = drafting;

  // Only versions without errors reach the simulation and the analyses (the views say so).
  useEffect(
    () =>
      session.onValidDraft((d) => {
        sim.session.setDraft(d.ordinance, d.version, d.document);
        draftingRef.current.setDraft(d.ordinance, d.version);
      }),
    [session, sim.session],
  );
  // Results belong to a document: opening or creating another drops the last one's at once.
  useEffect(() => sim.session.setDocument(state.generation), [sim.session, state.generation]);

  // ---- the document, the engine's worker and (when the YAML view is first shown) the editor ----

  const onAnalysis = useCallback(
    (response: AnalysisResponse) => {
      if (response.kind === 'analysis') {
        editorRef.current?.setDiagnostics(response.diagnostics);
        emit('analysis-applied', {
          version: response.version,
          errors: errorsIn(response),
          warnings: response.diagnostics.filter((d) => d.severity === 'warning').length,
          engineMs: response.engineMs,
        });
      }
      session.analysisArrived(response);
    },
    [session],
  );

  // Monaco loads the first time the YAML view is shown, then takes the document over from the buffer.
  const editorLoad = useRef<Promise<EditorSession> | null>(null);
  const loadEditor = useCallback((): Promise<EditorSession> => {
    editorLoad.current ??= import('../editor/editor-module').then(({ EditorSession, registerQuickFixes }) => {
      const doc = documentRef.current!;
      const editor = doc.handOver((history) => new EditorSession(editorHost.current!, history, initialDark()));
      editorRef.current = editor;
      const analysis = session.getState().analysis;
      if (analysis && analysis.version === editor.version) editor.setDiagnostics(analysis.diagnostics);
      const analysisClient = analysisRef.current!;
      quickFixesRef.current = registerQuickFixes(
        () => session.getState().analysis,
        (text, fix) => analysisClient.fixEdit(text, fix),
        (marker) => editor.diagnosticOf(marker),
      );
      setEditorLoaded(true);
      // Opened in the YAML view before the form was ever shown: the samples are listed all the same.
      setStarted(true);
      emit('editor-ready', { version: editor.version, at: performance.now() });
      // The frame that shows it: what a person sees as the YAML ready to type in.
      requestAnimationFrame(() => setTimeout(() => emit('editor-painted', { at: performance.now() }), 0));
      return editor;
    });
    return editorLoad.current;
  }, [session]);

  /** Runs `then` with the YAML editor shown (switching to it, and loading it the first time). */
  const inYaml = useCallback(
    (then: (editor: EditorSession) => void) => {
      const shown = session.getState().left === 'editor';
      if (!shown) session.setLeft('editor');
      void loadEditor().then((editor) => (shown && editorRef.current ? then(editor) : setTimeout(() => then(editor), 0)));
    },
    [session, loadEditor],
  );

  const reveal = useCallback((line: number, column = 1) => inYaml((editor) => editor.reveal(line, column)), [inYaml]);
  const revealRef = useRef(reveal);
  revealRef.current = reveal;

  useEffect(() => {
    if (left === 'editor') void loadEditor();
  }, [left, loadEditor]);

  useEffect(() => {
    const doc = documentRef.current!;
    // The form is built from the engine's first answer: the worker starts at once.
    const analysisClient = new AnalysisClient(onAnalysis, { start: 'now' });
    analysisRef.current = analysisClient;
    const offChange = doc.onChange((v) => {
      emit('document-changed', { version: v });
      session.edited();
    });
    // A hidden window may be closed or killed without another word: keep what is typed now.
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void session.flushRecovery('hidden');
    };
    const onClosing = () => void session.flushRecovery('closing');
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onClosing);
    window.addEventListener('beforeunload', onClosing);
    installTestHook(doc, () => editorRef.current, {
      reveal: (line, column) => revealRef.current(line, column),
      menu: (command, argument) => void commandRef.current(command, argument),
    });
    session.attach(doc, analysisClient);
    emit('document-opened', { name: STARTER_NAME, version: doc.version, at: performance.now() });
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onClosing);
      window.removeEventListener('beforeunload', onClosing);
      offChange();
      quickFixesRef.current?.dispose();
      session.detach();
      analysisClient.dispose();
      doc.release();
      editorRef.current?.dispose();
      editorRef.current = null;
    };
  }, [session, onAnalysis]);

  // Until the engine's worker has answered for the text as it is now, the form is built from the text
  // read here (form-data.ts); the worker's answer for this version replaces it. An answer for an older
  // version (the worker still busy with the text before an edit, as when it starts on a loaded machine)
  // never draws the form as it was: a provision just added would vanish and come back as a new card,
  // losing the focus the form gave it. (A text too large to read here, or unreadable, keeps the last
  // answer until the next one. The YAML view has no form to draw, so it reads nothing here.)
  const answered = analysis !== null && analysis.version === version;
  const windowData = useMemo(
    () => (answered || left !== 'form' ? null : documentData(documentRef.current!.text)),
    [answered, version, left],
  );
  const { data: formData, asOfLastCheck } = formSource(analysis, version, windowData);
  // The form's control that had the focus when the form became read-only gets it back when the form is
  // editable again (a disabled control loses it), unless the focus has gone elsewhere since.
  const formLock = useRef<HTMLFieldSetElement>(null);
  // The form's control last focused, kept while the focus is in the form or lost to nothing (a control disabled).
  const lastInForm = useRef<HTMLElement | null>(null);
  const focusedWhenLocked = useRef<HTMLElement | null>(null);
  const lockedRef = useRef(false);
  lockedRef.current = asOfLastCheck;
  useEffect(() => {
    const lock = formLock.current;
    if (!lock) return;
    if (asOfLastCheck) {
      focusedWhenLocked.current = lastInForm.current;
      return;
    }
    const was = focusedWhenLocked.current;
    focusedWhenLocked.current = null;
    const now = document.activeElement;
    if (was && was.isConnected && !was.matches(':disabled') && (now === null || now === document.body || now === lock))
      was.focus({ preventScroll: true });
  }, [asOfLastCheck]);
  const formFocus = {
    onFocus: (e: FocusEvent) => {
      if (e.target instanceof HTMLElement) lastInForm.current = e.target;
    },
    onBlur: (e: FocusEvent) => {
      if (e.relatedTarget && !formLock.current?.contains(e.relatedTarget as Node)) lastInForm.current = null;
    },
  };

  // Editable: the form shows the document's fields on a painted frame. Then, when the window is idle,
  // the YAML editor's code is fetched and compiled (not run), so the first switch to YAML does not
  // wait for the network; and the samples are listed (the toolbar's menu and "Start from…").
  const formReady = left === 'form' && !!formData;
  const editableSent = useRef(false);
  useEffect(() => {
    if (!formReady || editableSent.current) return;
    editableSent.current = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        emit('document-editable', {
          view: 'form',
          version: session.getState().version,
          engine: !!session.getState().analysis,
          at: performance.now(),
        });
        setStarted(true);
        whenIdle(prefetchEditor);
      }, 0),
    );
  }, [formReady, session]);

  useEffect(() => {
    void host.info().then((info) => setHostKind({ kind: info.kind, platform: info.platform }));
    void session.lookForRecovery();
    void session.refreshRecent();
  }, [host, session]);

  // The samples are read once the document is editable: the first frame never waits for them.
  const [samplesListed, setSamplesListed] = useState(false);
  useEffect(() => {
    if (!started) return;
    void host.listSamples().then((r) => {
      if (r.ok) setSamples(r.value);
      else session.notify('error', r.error);
      setSamplesListed(true);
    });
  }, [host, session, started]);

  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${visibleText(doc.name)} — Detainer Policy Studio`;
  }, [doc.name, dirty]);

  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    editorRef.current?.setTheme(dark);
    localStorage.setItem('detainer-studio.theme', dark ? 'dark' : 'light');
  }, [dark]);

  // A view command moves the keyboard into the pane it shows (not just the pane's tab).
  useEffect(() => {
    if (state.focus) setTimeout(() => focusPaneWhenShown(state.focus!.pane), 0);
  }, [state.focus]);

  // ---- the case set and the comparison, kept with the recovery copy ----

  const workspace = useWorkspace({ host, session, sim, samples });

  // One other draft for the Comparison and Drafts views: the one chosen in either serves both.
  const compared = sim.state.compare;
  useEffect(() => {
    if (compared.kind === 'draft') {
      const { name, title, ordinance, fingerprint } = compared;
      draftingRef.current.takeOther({ name, title, ordinance, fingerprint });
    }
  }, [compared]);

  const chooseExpected = useCallback(async () => {
    const r = await host.openFile('cases');
    if (!r.ok) return session.notify('error', r.error);
    if (!r.value) return;
    // A file opened as cases comes as the File itself (read in slices when it is a case set); expected decisions are read whole.
    const text = r.value.file && !isBinaryCaseFile(r.value.name) ? await r.value.file.text() : r.value.text;
    session.chooseWorkspace({ expected: { name: r.value.name, text } });
  }, [host, session]);

  // ---- commands (toolbar, keyboard, native menu) ----

  const command = useCallback(
    async (c: MenuCommand, argument?: string) => {
      if (await session.run(c, argument)) return;
      const inEditor = (action: string) => inYaml((editor) => editor.runAction(action));
      switch (c) {
        case 'edit.find':
          return inEditor('actions.find');
        case 'edit.replace':
          return inEditor('editor.action.startFindReplaceAction');
        case 'edit.format':
          return inEditor('editor.action.formatDocument');
        case 'view.toggleTheme':
          return setDark((d) => !d);
        case 'view.nextPane':
          return cyclePane(1);
        case 'view.previousPane':
          return cyclePane(-1);
        case 'simulate.run': {
          const r = session.getState().right;
          if (r !== 'simulation' && r !== 'compare') session.setRight('simulation');
          return sim.run();
        }
        case 'simulate.expected':
          session.setRight('table');
          return chooseExpected();
        case 'simulate.chooseCases':
          session.setRight('simulation');
          focusWhenShown('case-set');
          return;
        case 'file.print':
          return printCurrent({
            right: session.getState().right,
            draft: session.getState().lastValid,
            title: doc.name,
            sim,
            notify: session.notify.bind(session),
          });
      }
    },
    [session, sim, doc.name, chooseExpected, inYaml],
  );
  const commandRef = useRef(command);
  commandRef.current = command;

  // The Export dialog is modal: the menu and its shortcuts wait until it is closed.
  useEffect(
    () => host.onMenu((e) => void (session.getState().dialog === 'export' || commandRef.current(e.command, e.argument))),
    [host, session],
  );
  // A workbook (ICE's detainer records) dropped or opened from outside is a case set, not a draft.
  useEffect(
    () =>
      host.onOpenFile((f: OpenedFile) => {
        if (!f.bytes && !f.file) return session.openFile(f);
        const right = session.getState().right;
        if (right !== 'simulation' && right !== 'compare') session.setRight('simulation');
        void sim
          .loadCases(sim.withKeptMapping(caseSourceOfFile(f)))
          .then((loaded) => loaded && session.chooseWorkspace({ caseSet: `file:${f.name}` }));
      }),
    [host, session, sim],
  );
  useEffect(
    () =>
      host.onFileChanged((path) => {
        const d = session.getState().doc;
        if (path !== d.path) return;
        session.notify('warning', `${d.name} changed on disk.`, {
          label: 'Reload from disk',
          run: () => void host.readFile(path).then((r) => (r.ok ? session.openFile(r.value) : session.notify('error', r.error))),
        });
      }),
    [host, session],
  );

  // ---- form edits become editor edits ----

  const edit = useCallback(
    (ops: DocumentEdit[], label: string) => {
      const editor = documentRef.current!;
      // Never applied to a text the form does not show (its controls are disabled then; a change still on its way is refused, said).
      if (lockedRef.current) {
        session.notify(
          'warning',
          `Could not ${label}: the form shows an older text until the check of the new text ends. Make the change again then.`,
        );
        return;
      }
      const result = applyEdits(editor.text, ops);
      if (!result.ok) {
        session.notify('error', `Could not ${label}: ${result.error}`);
        return;
      }
      editor.applyEdits(result.edits);
      emit('form-edit-applied', { label, version: editor.version, lines: result.edits.length });
    },
    [session],
  );

  /** Applies an edit the engine worked out for this exact text, if the text is still the same. */
  const applyEngineEdit = useCallback(
    async (make: (text: string) => Promise<TextEdit>, what: string) => {
      const editor = documentRef.current!;
      const text = editor.text;
      try {
        const e = await make(text);
        if (editor.text !== text) {
          session.notify('warning', `The document changed while the fix was prepared; choose "${what}" again.`);
          return;
        }
        editor.applyEdits([e]);
        emit('quick-fix-applied', { what, version: editor.version });
      } catch (err) {
        session.notify('error', `Could not ${what.toLowerCase()}: ${(err as Error).message}`);
      }
    },
    [session],
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

  // A finding's example case, from the text its findings were found in (none while a newer check is due).
  const exampleOf = useCallback(
    async (d: CheckedDiagnostic) => {
      const { analysis: shown, version: now } = session.getState();
      if (!shown || shown.version !== now) return null;
      return drafting.client.findingExample(documentRef.current!.text, d);
    },
    [session, drafting.client],
  );

  const revealPath = useCallback(
    (path: PathSegment[]) => {
      const at = parseSource(documentRef.current!.text, 'ordinance').locate(path, false);
      reveal(at.line, at.column);
    },
    [reveal],
  );

  const showProvision = useCallback(
    (id: string) => {
      const line = session.getState().analysis?.provisionLines[id];
      if (line) reveal(line);
    },
    [session, reveal],
  );

  /** In the form, a place in the document opens its card; in the YAML view, its line. */
  const openInView = useCallback(
    (place: { path?: PathSegment[]; line: number; column: number; provisionId?: string }) => {
      if (session.getState().left === 'form') {
        const card = formCardFor(place);
        if (card) {
          card.scrollIntoView({ block: 'start' });
          card.focus({ preventScroll: true });
          emit('form-card-shown', { id: card.id });
          return;
        }
      }
      reveal(place.line, place.column);
    },
    [session, reveal],
  );

  const openOutline = useCallback(
    (e: OutlineEntry) => openInView({ path: outlinePath(e), line: e.line, column: e.column, provisionId: e.id }),
    [openInView],
  );

  // ---- what the panes show ----

  const diagnostics: CheckedDiagnostic[] = analysis?.diagnostics ?? [];
  const validOrdinance = lastValid?.ordinance ?? null;
  const thisDraft = useMemo(
    () => (validOrdinance ? { title: validOrdinance.title, ...(validOrdinance.version ? { version: validOrdinance.version } : {}) } : null),
    [validOrdinance],
  );
  const errorCount = errorsIn(analysis);
  const warningCount = diagnostics.filter((d) => d.severity === 'warning' && !d.suppressed).length;
  const analysisCurrent = analysis?.version === version;
  const blocked = errorCount
    ? lastValid
      ? `The draft has ${errorCount} error${errorCount === 1 ? '' : 's'}: what is shown below is the last version without errors, which does not have the change that caused ${errorCount === 1 ? 'it' : 'them'}.`
      : `The draft has ${errorCount} error${errorCount === 1 ? '' : 's'} and no earlier version without errors: fix ${errorCount === 1 ? 'it' : 'them'} to see results.`
    : null;
  const validVersion = lastValid?.version ?? -1;
  // Under the decision table until a file is chosen, then above it, where its findings are seen.
  const expectedPanel = (
    <ExpectedDecisionsPanel
      client={drafting.client}
      ordinance={lastValid?.ordinance ?? null}
      version={validVersion}
      file={expectedFile}
      draftName={doc.name}
      onChoose={() => void command('simulate.expected')}
      onShowProvision={(id) => (id === 'default' ? revealPath(['otherwise']) : showProvision(id))}
    />
  );
  const caseSets = useMemo(() => caseSetChoices(samples), [samples]);
  const drafts = useMemo(() => draftChoices(samples), [samples]);
  const title = (c: MenuCommand, label?: string) => commandTitle(c, hostKind.kind, hostKind.platform, label);
  const keys = (c: MenuCommand) => ariaKeys(c, hostKind.kind, hostKind.platform);
  const tabKey = (c: MenuCommand) => shortcutOf(c, hostKind.kind, hostKind.platform);
  const toolbar = useRovingToolbar<HTMLDivElement>();

  return (
    <div className="app">
      <nav className="skip-links" aria-label="Skip to">
        <a href="#left-panel" onClick={(e) => (e.preventDefault(), focusPane('left'))}>
          Skip to the {left === 'form' ? 'form' : 'YAML editor'}
        </a>
        <a href="#problems-heading" onClick={(e) => (e.preventDefault(), focusPane('problems'))}>
          Skip to the problems
        </a>
        <a href="#right-panel" onClick={(e) => (e.preventDefault(), focusPane('right'))}>
          Skip to the {RIGHT_TABS.find((t) => t.key === right)!.label.toLowerCase()}
        </a>
      </nav>
      <header className="titlebar" data-pane="toolbar">
        <h1 className="app-name">Detainer Policy Studio</h1>
        <span
          className="doc-name"
          title={visibleText(documentTooltip(doc.name, doc.path))}
          aria-label={`Document ${visibleText(doc.name)}${dirty ? ', unsaved changes' : ''}`}
        >
          {visibleText(doc.name)}
          {dirty ? (
            <span className="dirty" aria-hidden="true">
              {' '}
              ●
            </span>
          ) : null}
        </span>
        <div className="toolbar" role="toolbar" aria-label="File and view" {...toolbar}>
          <button
            type="button"
            onClick={() => void command('file.new')}
            aria-keyshortcuts={keys('file.new')}
            title={title('file.new', 'New ordinance')}
          >
            New
          </button>
          <button
            type="button"
            onClick={() => void command('file.open')}
            aria-keyshortcuts={keys('file.open')}
            title={title('file.open', 'Open an ordinance')}
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
                if (r.ok) session.openFile(r.value);
                else session.notify('error', r.error);
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
          {state.recent.length ? (
            <div className="field inline-field">
              <label htmlFor="open-recent" className="visually-hidden">
                Open a recent file
              </label>
              <select id="open-recent" value="" onChange={(e) => e.target.value && void command('file.open', e.target.value)}>
                <option value="">Recent…</option>
                {state.recent.map((p) => (
                  <option key={p} value={p}>
                    {recentName(p)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <button type="button" onClick={() => void command('file.save')} aria-keyshortcuts={keys('file.save')} title={title('file.save')}>
            Save
          </button>
          <button
            type="button"
            onClick={() => void command('file.saveAs')}
            aria-keyshortcuts={keys('file.saveAs')}
            title={title('file.saveAs')}
          >
            Save as…
          </button>
          <button
            type="button"
            onClick={() => void command('file.export')}
            aria-keyshortcuts={keys('file.export')}
            title={title('file.export', 'Export the ordinance, officer guide, bundle, report or redline')}
          >
            Export…
          </button>
          <button
            type="button"
            onClick={() => void command('file.print')}
            aria-keyshortcuts={keys('file.print')}
            title={title('file.print', 'Print the ordinance, or the simulation shown')}
          >
            Print…
          </button>
          <button type="button" aria-pressed={showOutline} onClick={() => setShowOutline((s) => !s)}>
            Outline
          </button>
          <button type="button" aria-pressed={dark} onClick={() => setDark((d) => !d)} title="Dark or light theme" aria-label="Dark theme">
            Dark<span className="narrow-hidden"> theme</span>
          </button>
          <button
            type="button"
            onClick={() => void command('help.reference')}
            aria-keyshortcuts={keys('help.reference')}
            title={title('help.reference')}
          >
            Reference
          </button>
          <button type="button" onClick={() => void command('help.keyboard')} title="Every key the app answers to">
            Keyboard
          </button>
          <button type="button" onClick={() => void command('help.about')}>
            About
          </button>
        </div>
      </header>

      {state.recoveryOffer ? (
        <div className="banner warning" role="alert">
          Unsaved work on <strong>{visibleText(state.recoveryOffer.name)}</strong> from{' '}
          {new Date(state.recoveryOffer.savedAtMs).toLocaleString()} was kept.{' '}
          <button type="button" onClick={() => session.restoreRecovery()}>
            Restore it
          </button>{' '}
          <button type="button" onClick={() => session.discardRecovery()}>
            Discard it
          </button>
        </div>
      ) : null}

      <main className="workspace" style={{ gridTemplateColumns: `${showOutline ? '220px ' : ''}${leftWidth}fr 6px ${100 - leftWidth}fr` }}>
        {showOutline ? <OutlinePanel entries={analysis?.outline ?? []} onOpen={openOutline} /> : null}
        <div className="pane pane-left">
          <div className="pane-head">
            <Tabs
              label="Edit as"
              idPrefix="left"
              active={left}
              onChange={(k: LeftView) => {
                session.setLeft(k);
                if (k === 'editor') void loadEditor().then((editor) => setTimeout(() => editor.editor.focus(), 0));
              }}
              tabs={[
                { key: 'editor', label: 'YAML', shortcut: tabKey('view.editor') },
                { key: 'form', label: 'Form', shortcut: tabKey('view.form') },
              ]}
            />
            {left === 'editor' ? (
              <span className="editor-hint" id="editor-keys">
                Tab indents · Ctrl+M: Tab moves on · F6: next pane
              </span>
            ) : null}
          </div>
          <div
            className={`pane-body${left === 'form' && state.startFrom ? ' starting' : ''}`}
            id="left-panel"
            role="tabpanel"
            aria-labelledby={`left-tab-${left}`}
            tabIndex={-1}
            data-pane="left"
          >
            <div className="editor-host" ref={editorHost} hidden={left !== 'editor'} aria-busy={!editorLoaded || undefined} />
            {!editorLoaded && left === 'editor' ? (
              <p className="editor-loading" role="status">
                Opening the editor…
              </p>
            ) : null}
            {left === 'form' ? (
              <>
                {state.startFrom ? (
                  <StartFrom host={host} samples={samplesListed ? samples : null} onChoose={(t) => void session.startFrom(t)} />
                ) : null}
                {analysis || formData ? null : (
                  <p className="form-loading" role="status">
                    Reading the document…
                  </p>
                )}
                {asOfLastCheck ? (
                  <p className="notice form-behind" role="status">
                    The form shows the text as of its last check. The text has changed since; the form is read-only until the check of the
                    new text ends, then shows it
                    {documentRef.current!.text.length > MAX_WINDOW_READ_CHARS
                      ? ` (a text over ${MAX_WINDOW_READ_CHARS.toLocaleString('en-US')} characters is read by the check alone)`
                      : ''}
                    . The YAML view shows the text as it is now, and can be edited.
                  </p>
                ) : null}
                {analysis || formData ? (
                  // A form of an older text is not edited: a change made on it could land on a field that is no longer
                  // what it shows. Read-only (its controls disabled) until the check of the text as it is now ends.
                  <fieldset className="form-lock" disabled={asOfLastCheck} ref={formLock} {...formFocus}>
                    <FormView
                      data={formData}
                      unreadable={analysis && !analysis.data ? diagnostics[0]?.message : undefined}
                      text={analysis?.text ?? lastValid?.text ?? null}
                      edit={edit}
                      onShowInEditor={revealPath}
                      onUndo={() => documentRef.current!.undo()}
                      onRedo={() => documentRef.current!.redo()}
                    />
                  </fieldset>
                ) : null}
              </>
            ) : null}
          </div>
          <ProblemsPanel
            diagnostics={diagnostics}
            fileName={doc.name}
            onOpen={(d) => openInView(d)}
            onFix={(_d, fix) => applyFix(fix)}
            onSilence={silence}
            ordinance={analysis?.ordinance ?? null}
            exampleOf={exampleOf}
            onUndo={() => documentRef.current!.undo()}
            onRedo={() => documentRef.current!.redo()}
          />
        </div>
        <Splitter value={leftWidth} onChange={setLeftWidth} />
        <div className="pane pane-right">
          <Tabs
            label="See"
            idPrefix="right"
            active={right}
            onChange={(k: RightView) => session.setRight(k)}
            tabs={RIGHT_TABS.map((t) => ({ key: t.key, label: t.label, shortcut: tabKey(t.command) }))}
          />
          <div
            key={right}
            className="pane-body scroll"
            id="right-panel"
            role="tabpanel"
            aria-labelledby={`right-tab-${right}`}
            tabIndex={-1}
            data-pane="right"
          >
            <Suspense fallback={<p className="view-loading">Loading…</p>}>
              {right === 'preview' ? (
                <PreviewView
                  text={analysis?.text ?? lastValid?.text ?? null}
                  markdown={analysis?.markdown ?? lastValid?.markdown ?? null}
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
                  onChooseCaseSet={(id) => void workspace.chooseCaseSet(id)}
                  onOpenCaseFile={() => void workspace.openCaseFile()}
                  draftVersion={validVersion}
                  blocked={blocked}
                  onShowProvision={showProvision}
                  onFix={applyFix}
                  onShowPath={revealPath}
                  ordinance={lastValid?.ordinance ?? null}
                  host={host}
                  onReadMapped={workspace.readMapped}
                />
              ) : null}
              {right === 'compare' ? (
                <CompareView
                  sim={sim}
                  caseSets={caseSets}
                  onChooseCaseSet={(id) => void workspace.chooseCaseSet(id)}
                  onOpenCaseFile={() => void workspace.openCaseFile()}
                  drafts={drafts}
                  onChooseDraft={(id) => void workspace.chooseCompare(id)}
                  onOpenDraftFile={() => void workspace.openCompareFile()}
                  compareError={workspace.compareError}
                  onShowProvision={showProvision}
                  draft={thisDraft}
                  blocked={blocked}
                />
              ) : null}
              {right === 'table' && expectedFile ? expectedPanel : null}
              {right === 'table' ? (
                <DecisionTableView
                  analysis={drafting}
                  draftVersion={validVersion}
                  blocked={blocked}
                  documentName={doc.name}
                  host={host}
                  onShowProvision={(id) => (id === 'default' ? revealPath(['otherwise']) : showProvision(id))}
                />
              ) : null}
              {right === 'table' && !expectedFile ? expectedPanel : null}
              {right === 'drafts' ? (
                <DraftsView
                  analysis={drafting}
                  draftVersion={validVersion}
                  blocked={blocked}
                  documentName={doc.name}
                  host={host}
                  drafts={drafts}
                  onChosen={workspace.takeCompare}
                  draft={thisDraft}
                  onShowProvision={(id) => (id === 'default' ? revealPath(['otherwise']) : showProvision(id))}
                />
              ) : null}
            </Suspense>
          </div>
          <div id={SIDE_PANEL_HOST} className="side-panel-host" />
        </div>
      </main>

      <footer className="statusbar">
        <span role="status" aria-live="polite">
          {!analysisCurrent ? 'Checking…' : errorCount ? `${errorCount} error${errorCount === 1 ? '' : 's'}` : 'No errors'}
          {warningCount ? `, ${warningCount} warning${warningCount === 1 ? '' : 's'}` : ''}
        </span>
        {analysis?.text ? <Fingerprint value={analysis.text.fingerprint} /> : null}
        {analysis ? <span>Checked in {milliseconds(analysis.engineMs)}</span> : null}
        <span>
          {sim.state.cases
            ? `${sim.state.cases.label}: ${sim.state.cases.count.toLocaleString('en-US')} case${sim.state.cases.count === 1 ? '' : 's'}`
            : 'No case set'}
        </span>
        <span className="version">v{appVersion}</span>
      </footer>

      <div className="notices" aria-live="polite">
        {state.notices.map((n) => (
          <div key={n.id} className={`notice-toast ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
            <span>{n.text}</span>
            {n.action ? (
              <button
                type="button"
                onClick={() => {
                  n.action!.run();
                  session.dismiss(n.id);
                }}
              >
                {n.action.label}
              </button>
            ) : null}
            <button type="button" aria-label="Dismiss" onClick={() => session.dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>

      <Suspense fallback={null}>
        {state.dialog && state.dialog !== 'export' ? (
          <HelpDialog
            topic={state.dialog}
            appVersion={appVersion}
            host={hostKind.kind}
            platform={hostKind.platform}
            onClose={() => session.openDialog(null)}
          />
        ) : null}
        {state.fileNamePrompt ? (
          <SaveNameDialog suggested={state.fileNamePrompt.suggested} onChoose={(name) => session.fileNameChosen(name)} />
        ) : null}
        {state.dialog === 'export' ? (
          <ExportDialog
            host={host}
            analysis={analysis}
            version={version}
            lastValid={lastValid}
            documentName={doc.name}
            sim={sim}
            samples={samples}
            onClose={() => session.openDialog(null)}
            onShowProblem={reveal}
            onChooseCases={() => void command('simulate.chooseCases')}
            notify={session.notify.bind(session)}
          />
        ) : null}
      </Suspense>
    </div>
  );
}

/** The form's card for a place in the document: a provision's card, else its part of the form. */
function formCardFor(place: { path?: PathSegment[]; provisionId?: string }): HTMLElement | null {
  const path = place.path ?? [];
  if (path[0] === 'sections' && path[2] === 'provisions' && typeof path[3] === 'number') {
    const card = document.getElementById(`form-sections-${path[1]}-provisions-${path[3]}`);
    if (card) return card;
  }
  if (place.provisionId) {
    const card = [...document.querySelectorAll<HTMLElement>('.provision-card')].find((el) => el.dataset.provisionId === place.provisionId);
    if (card) return card;
  }
  const part = typeof path[0] === 'string' ? path[0] : undefined;
  if (part === 'findings' || part === 'definitions' || part === 'otherwise' || part === 'sections')
    return document.getElementById(`form-${part}`)?.closest('section') ?? null;
  if (part) return document.getElementById('form-document')?.closest('section') ?? null;
  return null;
}

function outlinePath(e: OutlineEntry): PathSegment[] {
  return e.kind === 'findings'
    ? ['findings']
    : e.kind === 'definitions'
      ? ['definitions']
      : e.kind === 'otherwise'
        ? ['otherwise']
        : ['sections'];
}

/** A recent file as a person names it: its file name. */
function recentName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
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

/**
 * The status bar's policy fingerprint, said for what it is and named as the exports name it ("Policy
 * fingerprint" in the officer guide, "policy fingerprint" from the command line), so a copy can be matched to it.
 */
export function Fingerprint({ value }: { value: string }) {
  const what =
    'The policy fingerprint identifies the exact content of this ordinance (not its comments or layout). ' +
    'Every document exported from it, a simulation’s impact report among them, carries the same fingerprint: ' +
    'a printed or saved copy with this fingerprint was made from this very content; any change to it changes the fingerprint.';
  return (
    <span className="status-fingerprint" title={`Policy fingerprint ${value}\n${what}`}>
      Policy fingerprint <code>{value.slice(0, 19)}…</code>
      <span className="visually-hidden"> ({what})</span>
    </span>
  );
}
