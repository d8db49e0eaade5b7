// The order the Problems panel lists findings in: what stops the draft first (errors), then warnings,
// then notes, and findings the drafters silenced last; within each, by place in the document.

import type { CheckedDiagnostic } from '../../../engine/index';

const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

function rank(d: Pick<CheckedDiagnostic, 'severity' | 'suppressed'>): number {
  return d.suppressed ? 3 : (RANK[d.severity] ?? 2);
}

/** A sorted copy: errors, warnings, notes, then silenced findings; each group by line and column. */
export function problemOrder<D extends Pick<CheckedDiagnostic, 'severity' | 'suppressed' | 'line' | 'column'>>(
  diagnostics: readonly D[],
): D[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d) - rank(b.d) || a.d.line - b.d.line || a.d.column - b.d.column || a.i - b.i)
    .map((x) => x.d);
}
