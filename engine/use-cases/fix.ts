// Applying a draft's quick fixes all at once, as `detainer-studio fix` does: one fix at a time, each
// worked out on the text as the previous one left it (a fix's paths are only right for the text it
// was made for), the preferred (first) fix of each error and warning (of notes, only by code),
// until no such finding with a fix is left. What could not be fixed is said, never dropped.
//
// Two fixes can undo each other (one adds a provision, another's finding on it turns it back, and
// the first finding returns): such fixes are never applied. A conflict is seen when a fix would bring
// back a document already had, or when a finding's fix is due only to fixes that started from a
// finding of the same code. The fixing then starts again from the text as read, leaving the findings
// that began the conflict to a person, so nothing of the conflict is half applied.

import { applyQuickFix, checkDocument, type CheckedDiagnostic } from '../analysis/index';
import type { QuickFix } from '../analysis/fixes';
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

/** Findings whose fixes undo one another: none of them was applied; a person must choose. */
export interface FixConflict {
  /** The findings in the order their fixes were tried, the first the one that began the conflict. */
  findings: AppliedFix[];
  /** How the conflict showed: a fix brought back a document already had, or a finding of the same code. */
  shown: 'document-repeated' | 'finding-returned';
}

export interface FixedDocument {
  text: string;
  applied: AppliedFix[];
  /** Fixes tried and refused (the text they were for is kept as it was). */
  failed: FailedFix[];
  /** Fixes that undo one another, none of them applied. */
  conflicts: FixConflict[];
  /** Codes asked for that no finding of the draft had. */
  unmatchedCodes: string[];
  /** The findings left after fixing (silenced ones included, marked). */
  remaining: CheckedDiagnostic[];
}

/** More fixes than any draft has findings: a backstop, never reached while conflicts are caught. */
const MAX_FIXES = 500;

/** What fixing needs of the analysis: the findings of a text, and a fix applied to a text. */
export interface FixEngine {
  check(text: string): { diagnostics: CheckedDiagnostic[]; ordinance?: unknown };
  apply(text: string, fix: QuickFix): string;
}

export function fixDocument(text: string, opts: { codes?: readonly string[]; scenario?: Scenario } = {}): FixedDocument {
  return fixDocumentWith(text, opts.codes ?? [], {
    check: (t) => checkDocument(t, opts.scenario ? { scenario: opts.scenario } : {}),
    apply: applyQuickFix,
  });
}

/**
 * A finding's identity across the texts of one fixing: its code and its provision (or its path,
 * for a finding about no provision). Messages name things a fix adds and paths shift when a
 * provision is inserted, so neither identifies it.
 */
function findingKey(d: CheckedDiagnostic): string {
  return `${d.code}\u0000${d.provision !== undefined ? `provision ${d.provision}` : JSON.stringify(d.path)}`;
}

interface Step extends AppliedFix {
  key: string;
  /** The step whose fix brought this step's finding, if it was not in the text before. */
  causedBy: number | undefined;
}

interface Run {
  text: string;
  applied: AppliedFix[];
  failed: FailedFix[];
  remaining: CheckedDiagnostic[];
  seenCodes: Set<string>;
  /** Set when the run stopped on a conflict: what to report, and the findings to leave to a person. */
  conflict?: { conflict: FixConflict; block: string[] };
  /** Set when the run reached the backstop. */
  exhausted?: boolean;
}

/** `fixDocument` with the analysis given (tests give a made-up one). */
export function fixDocumentWith(text: string, codes: readonly string[], engine: FixEngine): FixedDocument {
  const blocked = new Set<string>();
  const conflicts: FixConflict[] = [];
  for (;;) {
    const run = fixRun(text, codes, engine, blocked);
    const unmatchedCodes = codes.filter((c) => !run.seenCodes.has(c));
    if (run.conflict && run.conflict.block.some((k) => !blocked.has(k))) {
      conflicts.push(run.conflict.conflict);
      for (const k of run.conflict.block) blocked.add(k);
      continue;
    }
    if (run.conflict || run.exhausted) {
      // A backstop (every conflict leaves to a person a finding it had not): apply nothing.
      const at = run.applied[0] ?? { code: 'fix', title: 'fix', line: 1, column: 1 };
      return {
        text,
        applied: [],
        failed: [{ ...at, reason: `the fixes did not settle after ${run.applied.length} of them, so none was applied` }],
        conflicts: run.conflict ? [...conflicts, run.conflict.conflict] : conflicts,
        unmatchedCodes,
        remaining: engine.check(text).diagnostics,
      };
    }
    return { text: run.text, applied: run.applied, failed: run.failed, conflicts, unmatchedCodes, remaining: run.remaining };
  }
}

function fixRun(text: string, codes: readonly string[], engine: FixEngine, blocked: ReadonlySet<string>): Run {
  // Without codes, errors and warnings: a note (an unused term, say) is fixed only when asked for by code.
  const wanted = (d: CheckedDiagnostic) =>
    !d.suppressed &&
    (d.fixes?.length ?? 0) > 0 &&
    (codes.length ? codes.includes(d.code) : d.severity !== 'info') &&
    !blocked.has(findingKey(d));
  const steps: Step[] = [];
  const failed: FailedFix[] = [];
  const tried = new Set<string>();
  let current = text;
  const checked = engine.check(current);
  let diagnostics = checked.diagnostics;
  const seenCodes = new Set(diagnostics.map((d) => d.code));
  // Each document had (by its parsed ordinance, or its text), with the number of fixes applied then.
  const docKey = (c: { ordinance?: unknown }, t: string) => (c.ordinance !== undefined ? JSON.stringify(c.ordinance) : `\u0000${t}`);
  const had = new Map<string, number>([[docKey(checked, current), 0]]);
  // The step whose fix brought each finding (by key) that was not there before it.
  const broughtBy = new Map<string, number>();
  const result = (extra: Partial<Run> = {}): Run => ({
    text: current,
    applied: steps.map(({ code, title, line, column }) => ({ code, title, line, column })),
    failed,
    remaining: diagnostics,
    seenCodes,
    ...extra,
  });
  // A finding tried is known by its identity and its message: two provisions may be named alike (by
  // their citations and what they do), and a fix may give a later one the citation an earlier one had.
  const triedKey = (d: CheckedDiagnostic) => `${findingKey(d)}\u0000${d.message}`;
  for (let n = 0; n < MAX_FIXES; n++) {
    const next = diagnostics.find((d) => wanted(d) && !tried.has(triedKey(d)));
    if (!next) return result();
    tried.add(triedKey(next));
    const key = findingKey(next);
    const fix = next.fixes![0]!;
    const where = { code: next.code, title: fix.title, line: next.line, column: next.column };
    // A finding that is there only because of fixes that began with a finding of its code: its fix
    // would start the same round again.
    const chain: number[] = [];
    for (let s = broughtBy.get(key); s !== undefined; s = steps[s]!.causedBy) chain.push(s);
    const from = chain.findIndex((s) => steps[s]!.code === next.code);
    if (from >= 0) {
      const involved = chain.slice(0, from + 1).reverse();
      return result({
        conflict: {
          conflict: { findings: [...involved.map((s) => plain(steps[s]!)), where], shown: 'finding-returned' },
          block: [steps[involved[0]!]!.key],
        },
      });
    }
    let out: string;
    try {
      out = engine.apply(current, fix);
    } catch (e) {
      failed.push({ ...where, reason: e instanceof Error ? e.message : String(e) });
      continue;
    }
    if (out === current) {
      failed.push({ ...where, reason: 'the fix changes nothing in the text' });
      continue;
    }
    const after = engine.check(out);
    const again = had.get(docKey(after, out));
    if (again !== undefined) {
      // Back to a document already had: the fixes since then undo one another.
      const involved = steps.slice(again);
      return result({
        conflict: {
          conflict: { findings: [...involved.map(plain), where], shown: 'document-repeated' },
          block: [...new Set([...involved.map((s) => s.key), key])],
        },
      });
    }
    const index = steps.length;
    steps.push({ ...where, key, causedBy: broughtBy.get(key) });
    const before = new Set(diagnostics.map(findingKey));
    for (const d of after.diagnostics) {
      const k = findingKey(d);
      if (!before.has(k)) broughtBy.set(k, index);
    }
    current = out;
    diagnostics = after.diagnostics;
    had.set(docKey(after, out), steps.length);
  }
  return result({ exhausted: true });
}

function plain(s: AppliedFix): AppliedFix {
  return { code: s.code, title: s.title, line: s.line, column: s.column };
}
