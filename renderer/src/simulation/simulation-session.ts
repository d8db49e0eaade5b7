// The simulation's state for the views: the case set, scenario and comparison chosen, the latest
// result, progress and cancel. Small case sets re-run as the draft changes (newest draft wins);
// large ones run when asked, so typing never waits for them. Plain TypeScript over a port (the
// worker's client in the app, the engine itself in Node tests).

import { slashedDateInTheApp, type CaseChoice, type ColumnMapping, type Ordinance } from '../../../engine/index';
import { emit } from '../lib/app-events';
import { CaseFileRefused } from './case-load';
import type {
  CaseExplained,
  CaseSource,
  CasesLoaded,
  CompareTarget,
  DecidingConvictionsFound,
  ScenarioSettings,
  SimulationDone,
  SimulationRequest,
} from './protocol';

/** A run stopped by Cancel. */
export class SimulationCancelled extends Error {
  constructor() {
    super('simulation cancelled');
  }
}

/** Case sets up to this size re-run on every change of the draft. */
export const LIVE_LIMIT = 200_000;
/** Case sets above this size show a progress bar and a Cancel button while they run. */
const SHOW_PROGRESS_FROM = 50_000;

export type SimulationStatus =
  | { kind: 'no-cases' }
  /** Reading a case set; `done` of `total` (bytes or characters) once the reading reports it. */
  | { kind: 'loading'; name: string; done?: number; total?: number }
  | { kind: 'ready' }
  | { kind: 'running'; done: number; total: number }
  /** `still`: the line saying the case set loaded before is still loaded (also at the end of `message`). */
  /** `mendRowItems`: a file refused, one of whose problems said is mended by reading its charges one per row. */
  | { kind: 'error'; message: string; still?: string; mendRowItems?: true };

export interface SimulationState {
  cases: CasesLoaded | null;
  scenario: ScenarioSettings;
  compare: CompareTarget;
  result: SimulationDone | null;
  /** The draft version the shown result belongs to; older than the draft means "stale". */
  resultVersion: number;
  /** The document the result belongs to (the document session's generation): results never outlive it. */
  resultDocument: number;
  status: SimulationStatus;
  live: boolean;
  /** The last case file refused (a county export whose header lacks the case columns...), for the Map columns panel. */
  refused: CaseSource | null;
  /**
   * The column mapping made or loaded for the file named (applied or not yet): applied again when a
   * file of that name is opened, kept with the recovery copy, and shown again by the Map columns panel.
   */
  mappingDraft: MappingDraft | null;
}

export interface MappingDraft {
  /** The case file's name the mapping is for. */
  name: string;
  mapping: ColumnMapping;
}

/** Whether a case source is a file a column mapping can apply to: a CSV (by its name, or a text said to be one). */
export function mappable(source: CaseSource | null): source is Extract<CaseSource, { kind: 'text' | 'file' }> {
  if (!source || (source.kind !== 'text' && source.kind !== 'file')) return false;
  return /\.csv$/i.test(source.name) || (source.kind === 'text' && source.format === 'csv');
}

export const DEFAULT_SCENARIO: ScenarioSettings = { reimbursementAgreement: false, costPerInmateDay: 143, holidays: 'us-federal' };

/** What runs the engine over the cases (SimulationClient in the app). */
export interface SimulationPort {
  readonly caseSource: CaseSource | null;
  loadCases(source: CaseSource, onProgress?: (done: number, total: number) => void): Promise<CasesLoaded>;
  /** Narrows the loaded cases to one facility and period (nulls: all of them). */
  chooseCases(choice: CaseChoice): Promise<CasesLoaded>;
  simulate(
    request: Omit<Extract<SimulationRequest, { kind: 'simulate' }>, 'id' | 'kind'>,
    onProgress?: (done: number, total: number) => void,
  ): Promise<SimulationDone>;
  explain(request: Omit<Extract<SimulationRequest, { kind: 'explain' }>, 'id' | 'kind'>): Promise<CaseExplained>;
  /** Which convictions decided these cases in a run (its `run`); a port without it shows none. */
  decidingConvictions?(request: { run: string; indexes: number[] }): Promise<DecidingConvictionsFound>;
  cancel(): Promise<CasesLoaded> | null;
  dispose(): void;
}

export class SimulationSession {
  private current: SimulationState = {
    cases: null,
    scenario: DEFAULT_SCENARIO,
    compare: { kind: 'baseline' },
    result: null,
    resultVersion: -1,
    resultDocument: -1,
    status: { kind: 'no-cases' },
    live: true,
    refused: null,
    mappingDraft: null,
  };
  private readonly listeners = new Set<() => void>();
  /** The draft to simulate, and whether a run is going / another is wanted after it. */
  private draft: { ordinance: Ordinance; version: number } | null = null;
  /** The open document (bumped by the document session when another is opened or created). */
  private document = 0;
  private running = false;
  private again = false;

  constructor(private readonly port: SimulationPort) {}

  get state(): SimulationState {
    return this.current;
  }

  getState = (): SimulationState => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<SimulationState> | ((s: SimulationState) => Partial<SimulationState>)): void {
    this.current = { ...this.current, ...(typeof patch === 'function' ? patch(this.current) : patch) };
    for (const l of this.listeners) l();
  }

  /** The draft simulated now (the newest version without errors). */
  get draftVersion(): number {
    return this.draft?.version ?? -1;
  }

  run = async (): Promise<void> => {
    const d = this.draft;
    const s = this.current;
    if (!d || !s.cases) return;
    const document = this.document;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.again = false;
    const total = s.cases.count;
    // Small sets finish before anyone could read a progress bar: showing one (and a Cancel button)
    // on every keystroke would only flicker. Large sets show progress from the start.
    if (total > SHOW_PROGRESS_FROM) this.set({ status: { kind: 'running', done: 0, total } });
    try {
      const result = await this.port.simulate(
        { version: d.version, ordinance: d.ordinance, scenario: s.scenario, compare: s.compare },
        (done, of) => this.set({ status: { kind: 'running', done, total: of } }),
      );
      // A run for a document closed meanwhile shows nothing: its figures are not the open document's.
      if (document !== this.document) this.set((x) => (x.status.kind === 'running' ? { status: { kind: 'ready' } } : {}));
      else
        this.set((x) => ({
          result,
          resultVersion: result.version,
          resultDocument: document,
          status: x.status.kind === 'ready' ? x.status : { kind: 'ready' },
        }));
      if (document === this.document) emit('simulation-done', { version: result.version, total: result.summary.total, ms: result.ms });
    } catch (e) {
      if (e instanceof SimulationCancelled) this.set({ status: { kind: 'ready' } });
      else this.set({ status: { kind: 'error', message: (e as Error).message } });
    } finally {
      this.running = false;
    }
    if (this.again) void this.run();
  };

  /**
   * Another document is open (`document` is the document session's generation): the last one's draft
   * and results go, so nothing is shown until the new document has a version without errors and it
   * has been simulated. The case set, scenario and comparison stay.
   */
  setDocument = (document: number): void => {
    if (document === this.document) return;
    this.document = document;
    this.draft = null;
    this.again = false;
    this.set({ result: null, resultVersion: -1, resultDocument: -1 });
  };

  /** A new version of the draft without errors: re-run if the set is small enough. */
  setDraft = (ordinance: Ordinance, version: number, document = this.document): void => {
    this.setDocument(document);
    this.draft = { ordinance, version };
    const s = this.current;
    if (s.cases && s.live && s.cases.count <= LIVE_LIMIT) void this.run();
  };

  /**
   * Reads a case set; whether it was loaded. A file that can't be (one with no cases at all) leaves
   * the set loaded before, and its result, as they were, and says so.
   */
  loadCases = async (source: CaseSource): Promise<boolean> => {
    this.set({ status: { kind: 'loading', name: source.name } });
    try {
      const cases = await this.port.loadCases(source, (done, total) =>
        this.set((x) => (x.status.kind === 'loading' ? { status: { kind: 'loading', name: source.name, done, total } } : {})),
      );
      this.set({
        cases,
        result: null,
        resultVersion: -1,
        resultDocument: -1,
        status: { kind: 'ready' },
        live: cases.count <= LIVE_LIMIT,
        refused: null,
      });
      emit('cases-loaded', { name: cases.name, count: cases.count, problems: cases.problemCount, ms: cases.ms });
      void this.run();
      return true;
    } catch (e) {
      const kept = this.current.cases;
      const still = kept ? `The case set ${kept.label}, ${kept.count.toLocaleString('en-US')} cases, is still loaded.` : '';
      // A CSV export the Map columns panel can map is told there how to read its slashed dates (the worker
      // words the other problems the panel's way from their data).
      const said = mappable(source)
        ? (e as Error).message
            .split('\n')
            .map((line) => slashedDateInTheApp(line))
            .join('\n')
        : (e as Error).message;
      const mendRowItems = e instanceof CaseFileRefused && e.mendRowItems;
      this.set({
        status: {
          kind: 'error',
          message: still ? `${said}\n${still}` : said,
          ...(still ? { still } : {}),
          ...(mendRowItems ? { mendRowItems: true as const } : {}),
        },
        refused: source.kind === 'synthetic' ? null : source,
      });
      emit('cases-refused', { name: source.name, mapped: mappable(source) && !!source.mapping });
      return false;
    }
  };

  /** The mapping made for a file (null: none); kept until another replaces it. */
  setMappingDraft = (draft: MappingDraft | null): void => {
    this.set({ mappingDraft: draft });
  };

  /** A case file as it is to be read: with the mapping kept for a file of its name, when it is a CSV and has one. */
  withKeptMapping = (source: CaseSource): CaseSource => {
    const draft = this.current.mappingDraft;
    return draft && mappable(source) && draft.name === source.name ? { ...source, mapping: draft.mapping } : source;
  };

  /** Narrows the case set to one facility and period (nulls: all of it), then runs again. */
  chooseCases = async (choice: CaseChoice): Promise<void> => {
    this.set({ status: { kind: 'loading', name: choice.facility ?? 'all facilities' } });
    try {
      const cases = await this.port.chooseCases(choice);
      this.set({ cases, result: null, resultVersion: -1, resultDocument: -1, status: { kind: 'ready' }, live: cases.count <= LIVE_LIMIT });
      emit('cases-chosen', { ...cases.choice, count: cases.count });
      void this.run();
    } catch (e) {
      this.set({ status: { kind: 'error', message: (e as Error).message } });
    }
  };

  update = (patch: Partial<Pick<SimulationState, 'scenario' | 'compare' | 'live'>>): void => {
    this.set(patch);
    const s = this.current;
    if (s.cases && (s.live || patch.scenario || patch.compare)) void this.run();
  };

  cancel = (): void => {
    const reload = this.port.cancel();
    this.again = false;
    this.running = false;
    this.set((x) => ({ status: reload ? { kind: 'loading', name: x.cases?.name ?? 'cases' } : { kind: 'ready' } }));
    emit('simulation-cancelled');
    void reload?.then(
      (cases) => {
        this.set({ cases, status: { kind: 'ready' } });
        emit('cases-loaded', { name: cases.name, count: cases.count, problems: cases.problemCount, ms: cases.ms, reloaded: true });
      },
      (e: Error) => this.set({ status: { kind: 'error', message: e.message } }),
    );
  };

  explain = async (index: number): Promise<CaseExplained | null> => {
    const d = this.draft;
    if (!d) return null;
    const s = this.current;
    return this.port.explain({ index, ordinance: d.ordinance, scenario: s.scenario, compare: s.compare });
  };

  /**
   * Which convictions decided these cases in the result shown now: asked of the worker that ran it,
   * for the rows a table shows. Null when there is no result, the port can't say, or the result
   * changed meanwhile (its `run` is in the answer: check it against the result shown).
   */
  decidingConvictions = async (indexes: number[]): Promise<DecidingConvictionsFound | null> => {
    const run = this.current.result?.run;
    if (!run || !this.port.decidingConvictions || !indexes.length) return null;
    const found = await this.port.decidingConvictions({ run, indexes });
    return found.found ? found : null;
  };

  caseSource = (): CaseSource | null => this.port.caseSource;

  dispose(): void {
    this.port.dispose();
  }
}
