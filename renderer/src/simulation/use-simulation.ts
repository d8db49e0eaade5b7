// The app's simulation for React: one SimulationSession on the worker for the life of the window.

import { useEffect, useRef, useSyncExternalStore } from 'react';
import { SimulationClient } from './simulation-client';
import { SimulationSession, type SimulationState } from './simulation-session';

export {
  DEFAULT_SCENARIO,
  LIVE_LIMIT,
  mappable,
  type MappingDraft,
  type SimulationState,
  type SimulationStatus,
} from './simulation-session';

/** The view of a SimulationSession the components use: its state and its actions. */
export interface Simulation {
  state: SimulationState;
  session: SimulationSession;
  loadCases: SimulationSession['loadCases'];
  chooseCases: SimulationSession['chooseCases'];
  setDraft: SimulationSession['setDraft'];
  run: SimulationSession['run'];
  cancel: SimulationSession['cancel'];
  update: SimulationSession['update'];
  explain: SimulationSession['explain'];
  decidingConvictions: SimulationSession['decidingConvictions'];
  caseSource: SimulationSession['caseSource'];
  setMappingDraft: SimulationSession['setMappingDraft'];
  withKeptMapping: SimulationSession['withKeptMapping'];
}

/** The app's simulation, on the worker; one for the life of the window. */
export function useSimulation(): Simulation {
  const ref = useRef<SimulationSession | null>(null);
  ref.current ??= new SimulationSession(new SimulationClient());
  const session = ref.current;
  useEffect(() => () => session.dispose(), [session]);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return {
    state,
    session,
    loadCases: session.loadCases,
    chooseCases: session.chooseCases,
    setDraft: session.setDraft,
    run: session.run,
    cancel: session.cancel,
    update: session.update,
    explain: session.explain,
    decidingConvictions: session.decidingConvictions,
    caseSource: session.caseSource,
    setMappingDraft: session.setMappingDraft,
    withKeptMapping: session.withKeptMapping,
  };
}
