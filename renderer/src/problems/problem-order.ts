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

const COUNTED: readonly { severity: string; one: string; many: string; always: boolean }[] = [
  { severity: 'error', one: 'error', many: 'errors', always: true },
  { severity: 'warning', one: 'warning', many: 'warnings', always: true },
  { severity: 'info', one: 'note', many: 'notes', always: false },
];

/**
 * The panel's header: how many errors, warnings and notes are in force, each followed by how many of its
 * kind are silenced when any are, so a silenced row in the list is not read as a miscount
 * ("0 errors, 0 warnings (1 silenced)"). Notes are named only when there are some, in force or silenced.
 */
export function problemCounts(diagnostics: readonly Pick<CheckedDiagnostic, 'severity' | 'suppressed'>[]): string {
  return COUNTED.flatMap(({ severity, one, many, always }) => {
    const ofKind = diagnostics.filter((d) => (RANK[d.severity] ?? 2) === RANK[severity]);
    const silenced = ofKind.filter((d) => d.suppressed).length;
    const inForce = ofKind.length - silenced;
    if (!always && ofKind.length === 0) return [];
    return [`${inForce} ${inForce === 1 ? one : many}${silenced ? ` (${silenced} silenced)` : ''}`];
  }).join(', ');
}
