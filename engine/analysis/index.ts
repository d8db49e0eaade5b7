// The analysis of ordinances: legal lint, decision table and draft difference, for the editor, the
// officer guide and the command line.

import { sortDiagnostics, type Diagnostic } from '../diagnostics';
import type { Ordinance, Scenario } from '../model';
import { loadEditedOrdinance } from '../ordinance';
import { forgetEditedSource } from '../source';
import { onClearAnalysisCaches } from './facts';
import type { ParsedSource } from '../source';
import { AnalysisTooLarge } from './bdd';
import { lintOrdinance, validatorFixes, type LintDiagnostic } from './lint';

export { AnalysisTooLarge } from './bdd';
export { applyQuickFix, quickFixTextEdit, FixError, type DocumentEdit, type QuickFix, type TextEdit } from './fixes';
export {
  analysisTooLargeDiagnostic,
  lintOrdinance,
  validatorFixes,
  silenceFix,
  LINT_RULES,
  CITATIONS,
  type LintDiagnostic,
  type LintOptions,
  type LintRule,
} from './lint';
export { decisionTable, decisionTableCsv, type DecisionTable, type DecisionTableRow, type DecisionTableOptions } from './table';
export { diffDrafts, type DraftDifference, type DraftWitness, type DiffOptions } from './diff';
export { caseFacts, type FactColumn } from './describe';

/** A diagnostic from validation or lint, with quick fixes when there are any. */
export type CheckedDiagnostic = Diagnostic & Partial<Pick<LintDiagnostic, 'fixes' | 'explanation' | 'provision' | 'example' | 'authority'>>;

export interface DocumentCheck {
  source: ParsedSource;
  ordinance: Ordinance | undefined;
  /** Validation and lint findings together, in document order; silenced ones carry `suppressed`. */
  diagnostics: CheckedDiagnostic[];
}

// A cold start reads the document from nothing too.
onClearAnalysisCaches(forgetEditedSource);

/**
 * Everything the editor's Problems panel shows for a document: schema and semantic validation, then
 * (when the document is valid) the legal lint. Never throws on any text.
 */
export function checkDocument(text: string, opts: { scenario?: Scenario; examples?: boolean } = {}): DocumentCheck {
  const loaded = loadEditedOrdinance(text);
  const diagnostics: CheckedDiagnostic[] = loaded.diagnostics.map((d) => {
    const fixes = validatorFixes(d, loaded.source);
    return fixes.length ? { ...d, fixes } : d;
  });
  if (loaded.ordinance) diagnostics.push(...lintSafely(loaded.ordinance, loaded.source, opts));
  return { source: loaded.source, ordinance: loaded.ordinance, diagnostics: sortDiagnostics(diagnostics) };
}

function lintSafely(o: Ordinance, source: ParsedSource, opts: { scenario?: Scenario; examples?: boolean }): LintDiagnostic[] {
  try {
    return lintOrdinance(o, { source, ...opts });
  } catch (e) {
    // Validation must never fail because the analysis did: say so, and keep the other findings.
    const at = source.locate([]);
    const tooLarge = e instanceof AnalysisTooLarge;
    return [
      {
        severity: tooLarge ? 'error' : 'warning',
        code: tooLarge ? 'analysis-too-large' : 'analysis-failed',
        message: `the legal lint could not analyse this ordinance: ${e instanceof Error ? e.message : String(e)}`,
        explanation: tooLarge
          ? 'The analysis reasons about every combination of facts exactly; this ordinance has too many independent facts for that.'
          : 'An internal error stopped the legal lint; the schema and semantic checks above are complete. Please report it with the document.',
        path: [],
        ...at,
        fixes: [],
      },
    ];
  }
}
