// The last version of the open draft without errors (neither invalid nor an unsilenced legal-lint
// error), as the Preview keeps it: while the draft has errors the Export dialog previews that version
// (and says so) but exports nothing.

import { useRef } from 'react';
import type { Ordinance } from '../../../engine/index';
import { isBlocking } from '../../../engine/vocabulary';
import type { AnalysisResult } from '../analysis/protocol';

export interface ValidDraft {
  ordinance: Ordinance;
  version: number;
}

/** Follows the analyses of one document; a new document starts with none (its analysis is null). */
export function useLastValidDraft(analysis: AnalysisResult | null): ValidDraft | null {
  const last = useRef<ValidDraft | null>(null);
  if (!analysis) last.current = null;
  else if (analysis.ordinance && last.current?.version !== analysis.version && !hasErrors(analysis)) {
    last.current = { ordinance: analysis.ordinance, version: analysis.version };
  }
  return last.current;
}

/** Errors block an export: validation errors and legal findings of error severity not silenced with a reason. */
export function hasErrors(analysis: AnalysisResult): boolean {
  return analysis.diagnostics.some(isBlocking);
}
