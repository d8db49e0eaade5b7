// Applying a draft's quick fixes all at once, as `detainer-studio fix` does: one fix at a time, each
// worked out on the text as the previous one left it (a fix's paths are only right for the text it
// was made for), the preferred (first) fix of each error and warning (of notes, only by code),
// until no such finding with a fix is left. What could not be fixed is said, never dropped.

import { applyQuickFix, checkDocument, type CheckedDiagnostic } from '../analysis/index';
import type { Scenario } from '../model';

export interface AppliedFix {
  code: string;
  title: string;
  /** Where the finding was, in the text as it was when the fix was applied. */
  line: number;
  column: number;
}

export interface FailedFix extends AppliedFix {
  /** Why the fix could not be applied to the text. */
  reason: string;
}

export interface FixedDocument {
  text: string;
  applied: AppliedFix[];
  /** Fixes tried and refused (the text they were for is kept as it was). */
  failed: FailedFix[];
  /** Codes asked for that no finding of the draft had. */
  unmatchedCodes: string[];
  /** The findings left after fixing (silenced ones included, marked). */
  remaining: CheckedDiagnostic[];
}

/** More fixes than any draft has findings: a fix that brought its finding back would stop here. */
const MAX_FIXES = 500;

export function fixDocument(text: string, opts: { codes?: readonly string[]; scenario?: Scenario } = {}): FixedDocument {
  const codes = opts.codes ?? [];
  // Without codes, errors and warnings: a note (an unused term, say) is fixed only when asked for by code.
  const wanted = (d: CheckedDiagnostic) =>
    !d.suppressed && (d.fixes?.length ?? 0) > 0 && (codes.length ? codes.includes(d.code) : d.severity !== 'info');
  const check = (t: string) => checkDocument(t, opts.scenario ? { scenario: opts.scenario } : {}).diagnostics;
  const applied: AppliedFix[] = [];
  const failed: FailedFix[] = [];
  const tried = new Set<string>();
  let current = text;
  let diagnostics = check(current);
  const seenCodes = new Set(diagnostics.map((d) => d.code));
  for (let n = 0; n < MAX_FIXES; n++) {
    const next = diagnostics.find((d) => wanted(d) && !tried.has(`${d.code} ${d.message}`));
    if (!next) break;
    tried.add(`${next.code} ${next.message}`);
    const fix = next.fixes![0]!;
    const where = { code: next.code, title: fix.title, line: next.line, column: next.column };
    let out: string;
    try {
      out = applyQuickFix(current, fix);
    } catch (e) {
      failed.push({ ...where, reason: e instanceof Error ? e.message : String(e) });
      continue;
    }
    if (out === current) {
      failed.push({ ...where, reason: 'the fix changes nothing in the text' });
      continue;
    }
    applied.push(where);
    current = out;
    diagnostics = check(current);
  }
  return { text: current, applied, failed, unmatchedCodes: codes.filter((c) => !seenCodes.has(c)), remaining: diagnostics };
}
