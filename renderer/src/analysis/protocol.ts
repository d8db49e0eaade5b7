// Messages between the renderer and the analysis worker, which checks the ordinance (validation and
// the legal lint) and prints its text on every edit so typing never waits for the engine, and turns
// the engine's quick fixes into text edits on request.

import type { CheckedDiagnostic, Ordinance, OrdinanceText, QuickFix, TextEdit } from '../../../engine/index';

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

export type AnalysisRequest = AnalyzeRequest | FixRequest;

export type AnalysisResponse = AnalysisResult | AnalysisFailure;

export type AnalysisWorkerMessage = AnalysisResponse | FixResponse;
