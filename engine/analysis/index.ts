// The analysis of ordinances: legal lint, decision table and draft difference, for the editor, the
// officer guide and the command line.

import { sortDiagnostics, type Diagnostic } from '../diagnostics';
import type { Ordinance, Scenario } from '../model';
import { loadOrdinance } from '../ordinance';
import type { ParsedSource } from '../source';
import { AnalysisTooLarge } from './bdd';
import { lintOrdinance, validatorFixes, type LintDiagnostic } from './lint';

export { AnalysisTooLarge } from './bdd';
export { applyQuickFix, quickFixTextEdit, FixError, type DocumentEdit, type QuickFix, type TextEdit } from './fixes';
export { lintOrdinance, validatorFixes, LINT_RULES, CITATIONS, type LintDiagnostic, type LintOptions, type LintRule } from './lint';
export { decisionTable, decisionTableCsv, type DecisionTable, type DecisionTableRow, type DecisionTableOptions } from './table';
export { diffDrafts, type DraftDifference, type DraftWitness, type DiffOptions } from './diff';
export { caseFacts, type FactColumn } from './describe';

/** A diagnostic from validation or lint, with quick fixes when there are any. */
export type CheckedDiagnostic = Diagnostic & Partial<Pick<LintDiagnostic, 'fixes' | 'explanation' | 'provision' | 'example'>>;

export interface DocumentCheck {
  source: ParsedSource;
  ordinance: Ordinance | undefined;
  /** Validation and lint findings together, in document order; silenced ones carry `suppressed`. */
  diagnostics: CheckedDiagnostic[];
}

/**
 * Everything the editor's Problems panel shows for a document: schema and semantic validation, then
 * (when the document is valid) the legal lint. Never throws on any text.
 */
export function checkDocument(text: string, opts: { scenario?: Scenario } = {}): DocumentCheck {
  const loaded = loadOrdinance(text);
  const diagnostics: CheckedDiagnostic[] = loaded.diagnostics.map((d) => {
    const fixes = validatorFixes(d, loaded.source);
    return fixes.length ? { ...d, fixes } : d;
  });
  if (loaded.ordinance) diagnostics.push(...lintSafely(loaded.ordinance, loaded.source, opts.scenario));
  return { source: loaded.source, ordinance: loaded.ordinance, diagnostics: sortDiagnostics(diagnostics) };
}

function lintSafely(o: Ordinance, source: ParsedSource, scenario: Scenario | undefined): LintDiagnostic[] {
  try {
    return lintOrdinance(o, scenario ? { source, scenario } : { source });
  } catch (e) {
    if (!(e instanceof AnalysisTooLarge)) throw e;
    const at = source.locate([]);
    return [
      {
        severity: 'info',
        code: 'analysis-too-large',
        message: `the legal lint could not analyse this ordinance: ${e.message}`,
        explanation:
          'The analysis reasons about every combination of facts exactly; this ordinance has too many independent facts for that.',
        path: [],
        ...at,
        fixes: [],
      },
    ];
  }
}
