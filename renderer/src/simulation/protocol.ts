// Messages between the renderer and the simulation worker, which holds the case set and runs the
// engine over it (progress, cancel by ending the worker), so the editor never waits for it.

import type {
  BookingCase,
  CaseColumns,
  CaseFormat,
  Comparison,
  Coverage,
  Decision,
  Ordinance,
  ProvisionRef,
  SimulationSummary,
} from '../../../engine/index';

export type { CaseColumns, ProvisionRef };

export type CaseSource =
  { kind: 'text'; name: string; text: string; format?: CaseFormat } | { kind: 'synthetic'; name: string; count: number; seed: number };

export interface ScenarioSettings {
  reimbursementAgreement: boolean;
  costPerInmateDay: number;
  holidays: 'us-federal' | 'none';
}

export type CompareTarget =
  { kind: 'none' } | { kind: 'baseline' } | { kind: 'draft'; title: string; name: string; ordinance: Ordinance; fingerprint: string };

export type SimulationRequest =
  | { kind: 'load-cases'; id: number; source: CaseSource }
  | {
      kind: 'simulate';
      id: number;
      /** The editor model version the ordinance was read from. */
      version: number;
      ordinance: Ordinance;
      scenario: ScenarioSettings;
      compare: CompareTarget;
    }
  | { kind: 'explain'; id: number; index: number; ordinance: Ordinance; scenario: ScenarioSettings; compare: CompareTarget };

export interface CasesLoaded {
  kind: 'cases-loaded';
  id: number;
  name: string;
  /** Cases read and kept. */
  count: number;
  /** Records in the file, good and bad. */
  total: number;
  /** The first problems, each with its place in the file ("row 12", "line 40"). */
  problems: string[];
  problemCount: number;
  columns: CaseColumns;
  ms: number;
}

export interface SimulationDone {
  kind: 'simulated';
  id: number;
  version: number;
  summary: SimulationSummary;
  coverage: Coverage;
  comparison: Comparison | null;
  /** Per case: provisionIndex << 2 | outcome code (hold 0, notify 1, review 2, decline 3). */
  codes: Int32Array;
  /** The same under the compared policy, when there is one. */
  otherCodes: Int32Array | null;
  provisions: ProvisionRef[];
  otherwise: ProvisionRef;
  otherProvisions: ProvisionRef[];
  otherOtherwise: ProvisionRef | null;
  /** Hold hours per provision (index as in `provisions`; the last is the otherwise clause). */
  holdHoursByProvision: number[];
  ms: number;
}

export interface CaseExplained {
  kind: 'explained';
  id: number;
  index: number;
  bookingCase: BookingCase;
  decision: Decision;
  other: Decision | null;
  otherTitle: string | null;
}

export type SimulationResponse =
  | CasesLoaded
  | { kind: 'progress'; id: number; done: number; total: number }
  | SimulationDone
  | CaseExplained
  | { kind: 'failed'; id: number; error: string };
