// Use cases on drafts: check one (validation and the legal lint, with what blocks compiling and
// exporting), read another draft to compare with, and the honor-every-detainer baseline.

import { checkDocument, type CheckedDiagnostic, type DocumentCheck } from '../analysis/index';
import { onClearAnalysisCaches } from '../analysis/facts';
import { fingerprint } from '../canonical';
import { BASELINE_TITLE } from '../baseline-reasons';
import { HONOR_ALL, honorAllFor } from '../compile';
import { blockingErrors, type Diagnostic } from '../diagnostics';
import type { Ordinance, Scenario } from '../model';
import { loadOrdinance } from '../ordinance';

export interface CheckedDraft extends DocumentCheck {
  /** The errors that stop simulating and exporting (validation errors and unsilenced legal errors). */
  blocking: CheckedDiagnostic[];
  /** The ordinance when nothing blocks it. */
  usable: Ordinance | undefined;
}

/**
 * Checks a draft as the Problems panel, `validate` and `export` do: schema and semantic validation,
 * then the legal lint. Never throws on any text.
 */
export function checkDraft(text: string, opts: { scenario?: Scenario; examples?: boolean } = {}): CheckedDraft {
  const checked = checkDocument(text, opts);
  const blocking = blockingErrors(checked.diagnostics);
  return { ...checked, blocking, usable: blocking.length === 0 ? checked.ordinance : undefined };
}

/** What names one finding of a check: its code, message, path and provision. */
export interface FindingRef {
  code: string;
  message: string;
  path: ReadonlyArray<string | number>;
  provision?: string;
}

/** The last check made for an example (the Problems panel asks for several of one text in a row). */
let lastForExamples: { text: string; diagnostics: CheckedDiagnostic[] } | null = null;
onClearAnalysisCaches(() => (lastForExamples = null));

/**
 * The simplest booking case that shows a finding of the draft, as its facts in words (null when the
 * finding has none, or is not a finding of this text): the editor checks each keystroke without
 * example cases, and asks for one when a drafter opens a finding. The example is the one `validate`
 * attaches, checked against the engine's own decision.
 */
export function exampleOfFinding(text: string, finding: FindingRef): NonNullable<CheckedDiagnostic['example']> | null {
  if (lastForExamples?.text !== text) lastForExamples = { text, diagnostics: checkDocument(text, { examples: true }).diagnostics };
  const path = JSON.stringify(finding.path);
  const same = lastForExamples.diagnostics.filter(
    (d) => d.code === finding.code && d.provision === finding.provision && JSON.stringify(d.path) === path,
  );
  // A check with examples words two findings a little differently (an order conflict shows its example,
  // a shadowed provision says "and others" for sure): the message tells only findings at one place apart.
  const match = same.length === 1 ? same[0] : same.find((d) => d.message === finding.message);
  return match?.example ?? null;
}

/** A draft to compare with: a policy, its title and its fingerprint. */
export interface ComparedDraft {
  ordinance: Ordinance;
  title: string;
  fingerprint: string;
}

export type DraftToCompare = ({ ok: true } & ComparedDraft) | { ok: false; problem: string; diagnostics: Diagnostic[] };

/**
 * Reads another draft for a comparison, a redline or a diff: it must validate (the legal lint does
 * not stop a comparison). The problem names the file and the line and column of its first error.
 */
export function readDraftToCompare(text: string, name: string): DraftToCompare {
  const loaded = loadOrdinance(text);
  const first = loaded.diagnostics.find((d) => d.severity === 'error');
  if (!loaded.ordinance || first) {
    const why = first ? `line ${first.line}, column ${first.column}: ${first.message}` : 'it is not an ordinance';
    return { ok: false, problem: `${name} cannot be compared: ${why}`, diagnostics: loaded.diagnostics };
  }
  const o = loaded.ordinance;
  return { ok: true, ordinance: o, title: o.title, fingerprint: fingerprint(o) };
}

/**
 * The honor-every-detainer baseline as a draft to compare with (without a time zone; see `baselineFor`).
 * Its title names it as its rules are cited ("honor all: hold as requested"), so one output calls it one thing.
 */
export const BASELINE: ComparedDraft = Object.freeze({
  ordinance: HONOR_ALL,
  title: BASELINE_TITLE,
  fingerprint: fingerprint(HONOR_ALL),
});

/** The baseline a draft is compared with: honoring every detainer on the draft's clock (its time zone). */
export function baselineFor(draft: Ordinance | undefined): ComparedDraft {
  const ordinance = honorAllFor(draft);
  return ordinance === HONOR_ALL ? BASELINE : Object.freeze({ ...BASELINE, ordinance, fingerprint: fingerprint(ordinance) });
}
