// Messages between the renderer and the simulation worker, which holds the case set and runs the
// engine over it (progress, cancel by ending the worker), so the editor never waits for it.

import type {
  BookingCase,
  Breakdown,
  CaseColumns,
  CaseChoice,
  CaseFormat,
  CaseSource as CaseRecords,
  ColumnMapping,
  Comparison,
  Coverage,
  Decision,
  DecidersOneOf,
  UndecidedBy,
  FacilityCount,
  Ordinance,
  ProvisionRef,
  SettledDecidingConvictions,
  SimulationSummary,
  VocabularyFinding,
} from '../../../engine/index';
import { isBinaryCaseFile } from '../../../host/contract';

export type { CaseColumns, SettledDecidingConvictions, ProvisionRef };

/**
 * A case set: a file's text, a workbook (ICE's released detainer records as .xlsx) as its bytes or
 * as a File read in slices, a CSV, JSON or YAML File read in slices, or a synthetic set; `choice` narrows a file's cases to one facility and period.
 * `mapping` reads a CSV export with the jail's own column names and codes (the Map columns panel's, or a
 * mapping file's, the one `--mapping FILE` reads on the command line).
 */
export type CaseSource =
  | { kind: 'text'; name: string; text: string; format?: CaseFormat; choice?: CaseChoice; mapping?: ColumnMapping }
  | { kind: 'bytes'; name: string; bytes: Uint8Array; choice?: CaseChoice }
  | { kind: 'workbook'; name: string; file: Blob; choice?: CaseChoice }
  | { kind: 'file'; name: string; file: Blob; choice?: CaseChoice; mapping?: ColumnMapping }
  | { kind: 'synthetic'; name: string; count: number; seed: number };

/** The case set of a file a host opened: a File (a workbook's or a text case file's), a workbook's bytes, or text. */
export function caseSourceOfFile(file: { name: string; text: string; bytes?: Uint8Array; file?: Blob }): CaseSource {
  if (file.file) return { kind: isBinaryCaseFile(file.name) ? 'workbook' : 'file', name: file.name, file: file.file };
  return file.bytes ? { kind: 'bytes', name: file.name, bytes: file.bytes } : { kind: 'text', name: file.name, text: file.text };
}

export interface ScenarioSettings {
  reimbursementAgreement: boolean;
  costPerInmateDay: number;
  holidays: 'us-federal' | 'none';
}

export type CompareTarget =
  { kind: 'none' } | { kind: 'baseline' } | { kind: 'draft'; title: string; name: string; ordinance: Ordinance; fingerprint: string };

export type SimulationRequest =
  | { kind: 'load-cases'; id: number; source: CaseSource }
  /** Narrows the loaded set to one facility and period (nulls: all of it); answered with cases-loaded. */
  | { kind: 'select-cases'; id: number; choice: CaseChoice }
  | {
      kind: 'simulate';
      id: number;
      /** The editor model version the ordinance was read from. */
      version: number;
      ordinance: Ordinance;
      scenario: ScenarioSettings;
      compare: CompareTarget;
    }
  | { kind: 'explain'; id: number; index: number; ordinance: Ordinance; scenario: ScenarioSettings; compare: CompareTarget }
  /**
   * Which convictions decided these cases (indexes into the set) under the run `run` named: asked for
   * the rows a table shows, since the simulation records no such thing per case.
   */
  | { kind: 'deciding'; id: number; run: string; indexes: number[] };

export interface CasesLoaded {
  kind: 'cases-loaded';
  id: number;
  name: string;
  /**
   * How the views name the set: a file's title, then its name (the engine's `caseSetLabel`, as the
   * impact report names it), e.g. "Riverton 2019 (riverton-2019.csv)"; a synthetic set's own name.
   */
  label: string;
  /** Cases read and kept. */
  count: number;
  /** Records in the file, good and bad. */
  total: number;
  /** The first problems, each with its place in the file ("row 12", "line 40"). */
  problems: string[];
  /** One of `problems` is mended by reading the charge's columns one per row (an export of one row per charge). */
  mendRowItems?: true;
  problemCount: number;
  columns: CaseColumns;
  ms: number;
  /** What the rows were read as: booking cases, or ICE's released detainer records. */
  records: CaseRecords;
  /** Facts about the file that are not problems (what the records leave out, codes not placed). */
  notes: string[];
  /** What the good cases say that a reader should check, though they are simulated (requests dated after the release time). */
  warnings: string[];
  /** The facilities of the whole set, most cases first; empty when no case names one. */
  facilities: FacilityCount[];
  /** The first and last day of the requests in the whole set (YYYY-MM-DD), or null when it has none. */
  period: { first: string; last: string } | null;
  /** The facility and period the cases are narrowed to (nulls: all of them). */
  choice: CaseChoice;
}

export interface SimulationDone {
  kind: 'simulated';
  id: number;
  version: number;
  /** This run, for later questions about its decisions (`deciding`): unique across workers. */
  run: string;
  summary: SimulationSummary;
  coverage: Coverage;
  comparison: Comparison | null;
  /** Per case: provisionIndex << 2 | outcome code (hold 0, notify 1, review 2, decline 3). */
  codes: Int32Array;
  /** The same under the compared policy, when there is one. */
  otherCodes: Int32Array | null;
  /** With a comparison: per case, 1 where both hold and the holds end at different times (decided differently). */
  holdEndsDiffer?: Uint8Array | null;
  /** The cases whose request came after their release time, by index in order (null when none): counted apart from the changed ones. */
  afterReleaseCases?: Int32Array | null;
  /**
   * When the cases leave facts unknown, per case: the outcomes it may get (bits 1 << outcome code;
   * more than one: the records cannot settle it, and its code's review means "open") and the facts
   * that leave it open; the same under the compared policy. `oneOf` (and `otherOneOf`): of the
   * settled cases, those more than one provision may decide, with which (null when there are none).
   */
  open: {
    possible: Uint8Array;
    dependsOn: Uint32Array;
    otherPossible: Uint8Array | null;
    oneOf: DecidersOneOf | null;
    otherOneOf: DecidersOneOf | null;
    /** Of the open cases, the outcomes each could have and the provisions that would give each (null when none); the same under the compared policy. */
    undecidedBy: UndecidedBy | null;
    otherUndecidedBy: UndecidedBy | null;
  } | null;
  provisions: ProvisionRef[];
  otherwise: ProvisionRef;
  otherProvisions: ProvisionRef[];
  otherOtherwise: ProvisionRef | null;
  /** Hold hours per provision (index as in `provisions`; the last is the otherwise clause): the holds it surely decides. */
  holdHoursByProvision: number[];
  /** Hours of settled holds more than one provision may decide (the records do not show which). */
  holdHoursOneOf: number;
  /** Decisions by year and month of the request, and by facility. */
  breakdown: Breakdown;
  /** What the draft names that no case of the set carries. */
  vocabulary: VocabularyFinding[];
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
  /** The term each side's text names the detainer by (ExplainedCase.detainerTerms). */
  detainerTerms: { decision: string; other: string | null };
}

/** The answer to `deciding`: per index asked, its deciding convictions; null for all when that run is no longer the worker's last. */
export interface DecidingConvictionsFound {
  kind: 'deciding';
  id: number;
  run: string;
  indexes: number[];
  found: SettledDecidingConvictions[] | null;
}

export type SimulationResponse =
  | CasesLoaded
  | DecidingConvictionsFound
  | { kind: 'progress'; id: number; done: number; total: number }
  | SimulationDone
  | CaseExplained
  /** `mendRowItems`: a case file refused, one of whose problems listed is mended by reading its charges one per row. */
  | { kind: 'failed'; id: number; error: string; mendRowItems?: true };
