// The simulation's state for the views: the case set, scenario and comparison chosen, the latest
// result, progress and cancel. Small case sets re-run as the draft changes (newest draft wins);
// large ones run when asked, so typing never waits for them.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseChoice, Ordinance } from '../../../engine/index';
import { emit } from '../lib/app-events';
import type { CaseExplained, CaseSource, CasesLoaded, CompareTarget, ScenarioSettings, SimulationDone } from './protocol';
import { SimulationCancelled, SimulationClient } from './simulation-client';

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
  | { kind: 'error'; message: string };

export interface SimulationState {
  cases: CasesLoaded | null;
  scenario: ScenarioSettings;
  compare: CompareTarget;
  result: SimulationDone | null;
  /** The draft version the shown result belongs to; older than the draft means "stale". */
  resultVersion: number;
  status: SimulationStatus;
  live: boolean;
}

export const DEFAULT_SCENARIO: ScenarioSettings = { reimbursementAgreement: false, costPerInmateDay: 143, holidays: 'us-federal' };

export function useSimulation() {
  const clientRef = useRef<SimulationClient | null>(null);
  if (!clientRef.current) clientRef.current = new SimulationClient();
  const client = clientRef.current;
  useEffect(() => () => client.dispose(), [client]);

  const [state, setState] = useState<SimulationState>({
    cases: null,
    scenario: DEFAULT_SCENARIO,
    compare: { kind: 'baseline' },
    result: null,
    resultVersion: -1,
    status: { kind: 'no-cases' },
    live: true,
  });
  const stateRef = useRef(state);
  stateRef.current = state;

  // The draft to simulate, and whether a run is going / another is wanted after it.
  const draft = useRef<{ ordinance: Ordinance; version: number } | null>(null);
  const running = useRef(false);
  const again = useRef(false);

  const runNow = useCallback(async () => {
    const d = draft.current;
    const s = stateRef.current;
    if (!d || !s.cases) return;
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    again.current = false;
    const total = s.cases.count;
    // Small sets finish before anyone could read a progress bar: showing one (and a Cancel button)
    // on every keystroke would only flicker. Large sets show progress from the start.
    if (total > SHOW_PROGRESS_FROM) setState((x) => ({ ...x, status: { kind: 'running', done: 0, total } }));
    try {
      const result = await client.simulate(
        { version: d.version, ordinance: d.ordinance, scenario: s.scenario, compare: s.compare },
        (done, of) => setState((x) => ({ ...x, status: { kind: 'running', done, total: of } })),
      );
      setState((x) => ({ ...x, result, resultVersion: result.version, status: x.status.kind === 'ready' ? x.status : { kind: 'ready' } }));
      emit('simulation-done', { version: result.version, total: result.summary.total, ms: result.ms });
    } catch (e) {
      if (e instanceof SimulationCancelled) setState((x) => ({ ...x, status: { kind: 'ready' } }));
      else setState((x) => ({ ...x, status: { kind: 'error', message: (e as Error).message } }));
    } finally {
      running.current = false;
    }
    if (again.current) void runNow();
  }, [client]);

  /** The draft changed (and has no errors): re-run if the set is small enough. */
  const setDraft = useCallback(
    (ordinance: Ordinance, version: number) => {
      draft.current = { ordinance, version };
      const s = stateRef.current;
      if (s.cases && s.live && s.cases.count <= LIVE_LIMIT) void runNow();
    },
    [runNow],
  );

  const loadCases = useCallback(
    async (source: CaseSource) => {
      setState((x) => ({ ...x, status: { kind: 'loading', name: source.name } }));
      try {
        const cases = await client.loadCases(source, (done, total) =>
          setState((x) => (x.status.kind === 'loading' ? { ...x, status: { kind: 'loading', name: source.name, done, total } } : x)),
        );
        setState((x) => ({ ...x, cases, result: null, resultVersion: -1, status: { kind: 'ready' }, live: cases.count <= LIVE_LIMIT }));
        stateRef.current = { ...stateRef.current, cases, live: cases.count <= LIVE_LIMIT };
        emit('cases-loaded', { name: cases.name, count: cases.count, problems: cases.problemCount, ms: cases.ms });
        void runNow();
      } catch (e) {
        setState((x) => ({ ...x, status: { kind: 'error', message: (e as Error).message } }));
      }
    },
    [client, runNow],
  );

  const update = useCallback(
    (patch: Partial<Pick<SimulationState, 'scenario' | 'compare' | 'live'>>) => {
      stateRef.current = { ...stateRef.current, ...patch };
      setState((x) => ({ ...x, ...patch }));
      const s = stateRef.current;
      if (s.cases && (s.live || patch.scenario || patch.compare)) void runNow();
    },
    [runNow],
  );

  const cancel = useCallback(() => {
    const reload = client.cancel();
    again.current = false;
    running.current = false;
    setState((x) => ({ ...x, status: reload ? { kind: 'loading', name: x.cases?.name ?? 'cases' } : { kind: 'ready' } }));
    emit('simulation-cancelled');
    void reload?.then(
      (cases) => {
        setState((x) => ({ ...x, cases, status: { kind: 'ready' } }));
        stateRef.current = { ...stateRef.current, cases };
        emit('cases-loaded', { name: cases.name, count: cases.count, problems: cases.problemCount, ms: cases.ms, reloaded: true });
      },
      (e: Error) => setState((x) => ({ ...x, status: { kind: 'error', message: e.message } })),
    );
  }, [client]);

  const explain = useCallback(
    async (index: number): Promise<CaseExplained | null> => {
      const d = draft.current;
      const s = stateRef.current;
      if (!d) return null;
      return client.explain({ index, ordinance: d.ordinance, scenario: s.scenario, compare: s.compare });
    },
    [client],
  );

  const caseSource = useCallback(() => client.caseSource, [client]);

  /** Narrows the case set to one facility and period (nulls: all of it), then runs again. */
  const chooseCases = useCallback(
    async (choice: CaseChoice) => {
      setState((x) => ({ ...x, status: { kind: 'loading', name: choice.facility ?? 'all facilities' } }));
      try {
        const cases = await client.chooseCases(choice);
        setState((x) => ({ ...x, cases, result: null, resultVersion: -1, status: { kind: 'ready' }, live: cases.count <= LIVE_LIMIT }));
        stateRef.current = { ...stateRef.current, cases, live: cases.count <= LIVE_LIMIT };
        emit('cases-chosen', { ...cases.choice, count: cases.count });
        void runNow();
      } catch (e) {
        setState((x) => ({ ...x, status: { kind: 'error', message: (e as Error).message } }));
      }
    },
    [client, runNow],
  );

  return { state, loadCases, chooseCases, setDraft, run: runNow, cancel, update, explain, caseSource };
}

export type Simulation = ReturnType<typeof useSimulation>;
