// Messages between the renderer and the analysis worker, which checks the ordinance (validation and
// the legal lint) and prints its text on every edit so typing never waits for the engine, turns the
// engine's quick fixes into text edits on request, and (in a second instance, so the squiggles never
// wait behind it) works out the decision table and the difference between two drafts.

import type {
  CheckedDiagnostic,
  Decision,
  DecisionTable,
  DraftDifference,
  ExpectedDecision,
  FindingRef,
  Ordinance,
  OrdinanceText,
  QuickFix,
  TextEdit,
} from '../../../engine/index';
import type { ProvisionHeads } from './table-rows';

export interface AnalyzeRequest {
  kind: 'analyze';
  /** The editor model's version the text belongs to. */
  version: number;
  text: string;
}

/** One entry of the document outline, with where it starts. */
export interface OutlineEntry {
  kind: 'findings' | 'definitions' | 'section' | 'provision' | 'otherwise';
  label: string;
  /** The citation printed in the ordinance, e.g. "§ 2(a)", when there is one. */
  citation?: string;
  id?: string;
  line: number;
  column: number;
  depth: number;
}

export interface AnalysisResult {
  kind: 'analysis';
  version: number;
  /** Validation and lint findings: message, place, citation, plain-English explanation, quick fixes. */
  diagnostics: CheckedDiagnostic[];
  /** The document as data (even when it has schema errors), or null when it can't be read at all. */
  data: Record<string, unknown> | null;
  /** The ordinance, when it has no errors. */
  ordinance: Ordinance | null;
  text: OrdinanceText | null;
  markdown: string | null;
  outline: OutlineEntry[];
  /** Line of each provision id, for jumping from a citation to its source. */
  provisionLines: Record<string, number>;
  /** Time the engine took, in milliseconds. */
  engineMs: number;
}

export interface AnalysisFailure {
  kind: 'analysis-failed';
  version: number;
  error: string;
}

/** The text edit of one quick fix, or of silencing a finding with the reason given. */
export type FixRequest =
  | { kind: 'fix'; id: number; text: string; fix: QuickFix }
  | { kind: 'silence'; id: number; text: string; diagnostic: CheckedDiagnostic; reason: string };

export type FixResponse = { kind: 'fix-edit'; id: number; edit: TextEdit } | { kind: 'fix-failed'; id: number; error: string };

/**
 * How the reimbursement agreement enters the decision table or the difference: `either` leaves it
 * open (a column of the table, varied by the difference), as the CLI does without `--reimbursement`.
 */
export type ReimbursementChoice = 'either' | 'yes' | 'no';

/** The whole-policy analyses, slower than a keystroke for large drafts: asked for when shown. */
export type DeepRequest =
  | { kind: 'decision-table'; id: number; version: number; ordinance: Ordinance; reimbursement: ReimbursementChoice }
  | { kind: 'load-draft'; id: number; name: string; text: string }
  | { kind: 'diff'; id: number; version: number; a: Ordinance; b: Ordinance; reimbursement: ReimbursementChoice }
  /** The draft checked against an expected-decisions file (its text), as `detainer-studio test --policy` does. */
  | { kind: 'expected'; id: number; version: number; ordinance: Ordinance; name: string; text: string }
  /** The example case of one finding of the text, when a drafter opens it in the Problems panel. */
  | { kind: 'finding-example'; id: number; text: string; finding: FindingRef };

export interface DecisionTableDone {
  kind: 'decision-table';
  id: number;
  /** The editor model's version of the draft the table is of. */
  version: number;
  reimbursement: ReimbursementChoice;
  table: DecisionTable;
  /** `decisionTableCsv(table)`: the bytes `detainer-studio decision-table` writes. */
  csv: string;
  /** Each provision's heading and outcome, by id, to name the rows' "decided by" (`rowProvisionName`). */
  provisions: ProvisionHeads;
  ms: number;
}

/** Another draft read for comparison, or why it can't be compared (with its line). */
export type DraftLoaded =
  | { kind: 'draft-loaded'; id: number; name: string; ordinance: Ordinance; title: string; fingerprint: string }
  | { kind: 'draft-refused'; id: number; name: string; error: string };

export interface DiffDone {
  kind: 'diff';
  id: number;
  version: number;
  reimbursement: ReimbursementChoice;
  /** Fingerprints of the two drafts compared (A is the editor's draft). */
  a: string;
  b: string;
  aTitle: string;
  bTitle: string;
  difference: DraftDifference;
  ms: number;
}

/** One expected case and what the draft decided. */
export interface ExpectedVerdict {
  id: string;
  why: string | null;
  expected: ExpectedDecision;
  /** The provision the file expects (by its id), named as the draft names it; null when the draft has no such id. */
  expectedName: string | null;
  /** `name`: the deciding provision named by citation and heading (`rowProvisionName`), never by its id. */
  got: { outcome: Decision['outcome']; provision: string; citation: string; name: string; holdUntil: string | null };
  /** What differs, in words; empty when the case is decided as expected. */
  differences: string[];
  /** Line of the case in the expectations file. */
  line: number;
}

export interface ExpectedDone {
  kind: 'expected';
  id: number;
  version: number;
  name: string;
  /** The ordinance the file says it was written for (its `ordinance:` path), when it could be read. */
  ordinance: string | null;
  /** Why the file can't be used (each with its line), when it can't; else empty. */
  problems: string[];
  passed: number;
  failed: number;
  verdicts: ExpectedVerdict[];
  ms: number;
}

/** A finding's example case, in words and as the booking case; null when it has none. */
export interface FindingExampleDone {
  kind: 'finding-example';
  id: number;
  example: NonNullable<CheckedDiagnostic['example']> | null;
}

export type DeepResponse =
  DecisionTableDone | DraftLoaded | DiffDone | ExpectedDone | FindingExampleDone | { kind: 'deep-failed'; id: number; error: string };

export type AnalysisRequest = AnalyzeRequest | FixRequest | DeepRequest;

export type AnalysisResponse = AnalysisResult | AnalysisFailure;

export type AnalysisWorkerMessage = AnalysisResponse | FixResponse | DeepResponse;
