// Expected decisions as a file: booking cases with the outcome, deciding provision and hold end each
// must get (policy-schemas/expected-decisions.schema.json), read with every problem located, and
// checked against a policy case by case, as `detainer-studio test` and the app's Expected decisions
// panel do.

import { compile, type CompiledPolicy } from '../compile';
import { prepareCase } from '../cases';
import { sortDiagnostics, type Diagnostic, type PathSegment } from '../diagnostics';
import * as validators from '../generated/validators.js';
import type { BookingCase, Decision, Ordinance, Outcome, Scenario } from '../model';
import { provisionNamer } from '../provision-names';
import { schemaDiagnostics } from '../schema-diagnostics';
import { parseSource, type ParsedSource, type SourcePosition } from '../source';
import { detainerTerm } from '../wording';

export interface ExpectedDecision {
  outcome: Outcome;
  /** The deciding provision's id (`default` for the otherwise clause). */
  provision?: string;
  /** When a hold must end; null when no hold may be given. */
  holdUntil?: string | null;
}

export interface ExpectedCase {
  why?: string;
  scenario?: Scenario;
  expect: ExpectedDecision;
  case: BookingCase;
}

export interface ExpectedDecisions {
  description?: string;
  /** The policy's file, relative to the expectations' folder. */
  ordinance: string;
  scenario?: Scenario;
  cases: ExpectedCase[];
}

export interface LoadedExpectations {
  source: ParsedSource;
  /** The expectations, when the file has no error. */
  expected: ExpectedDecisions | undefined;
  diagnostics: Diagnostic[];
  /**
   * When every error is in a case of its own (a case the engine can't read, a repeated id, a hold end
   * without a hold): the file, and the indexes of its other cases, which can still be checked.
   */
  readable?: { expected: ExpectedDecisions; cases: number[] };
}

/** The index of the case a problem is in (its path starts `cases[i]`), or undefined for the file's. */
function caseIndexOf(d: Diagnostic): number | undefined {
  return d.path[0] === 'cases' && typeof d.path[1] === 'number' ? d.path[1] : undefined;
}

/** `convictions[0].convictedOn` as path segments. */
function fieldPath(field: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** Reads expected decisions; every problem (YAML, schema, a case the engine can't read) is located. */
export function loadExpectedDecisions(text: string): LoadedExpectations {
  const source = parseSource(text, 'expected-decisions file');
  const diagnostics = [...source.diagnostics];
  if (source.value === undefined || diagnostics.some((d) => d.severity === 'error')) {
    return { source, expected: undefined, diagnostics };
  }
  diagnostics.push(...schemaDiagnostics(source, validators.expectedDecisionsValidator));
  // A case the schema rejects is left out, and the others read: only an error outside every case stops the file.
  const shapeErrors = diagnostics.filter((d) => d.severity === 'error');
  if (shapeErrors.every((d) => caseIndexOf(d) !== undefined)) {
    const expected = source.value as ExpectedDecisions;
    const unshaped = new Set(shapeErrors.map(caseIndexOf));
    const ids = new Map<string, number>();
    expected.cases.forEach((c, i) => {
      if (unshaped.has(i)) return;
      const r = prepareCase(c.case, i);
      if (!r.ok) {
        for (const p of r.problems) {
          const path = ['cases', i, 'case', ...fieldPath(p.field)];
          diagnostics.push({ severity: 'error', code: 'bad-case', message: p.message, path, ...source.locate(path) });
        }
      }
      const first = ids.get(c.case.id);
      if (first !== undefined) {
        const path = ['cases', i, 'case', 'id'];
        diagnostics.push({
          severity: 'error',
          code: 'duplicate-id',
          message: `the case id "${c.case.id}" is already used by case ${first + 1}; ids must be unique`,
          path,
          ...source.locate(path),
        });
      } else ids.set(c.case.id, i);
      if (c.expect.holdUntil && c.expect.outcome !== 'hold') {
        const path = ['cases', i, 'expect', 'holdUntil'];
        diagnostics.push({
          severity: 'error',
          code: 'hold-end-without-hold',
          message: `a hold end is expected, but the expected outcome is "${c.expect.outcome}": only a hold ends`,
          path,
          ...source.locate(path),
        });
      }
    });
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const sorted = sortDiagnostics(diagnostics);
  if (!errors.length) return { source, expected: source.value as ExpectedDecisions, diagnostics: sorted };
  if (errors.some((d) => caseIndexOf(d) === undefined)) return { source, expected: undefined, diagnostics: sorted };
  const expected = source.value as ExpectedDecisions;
  const bad = new Set(errors.map(caseIndexOf));
  const cases = expected.cases.map((_, i) => i).filter((i) => !bad.has(i));
  return { source, expected: undefined, diagnostics: sorted, readable: { expected, cases } };
}

/** The verdict on one expected case. */
export interface CaseVerdict {
  index: number;
  id: string;
  why?: string;
  expected: ExpectedDecision;
  decision: Decision;
  /** What differs, in words ("outcome: expected hold, got decline"); empty when the case passes. */
  differences: string[];
  /** Where the case is in the expectations file. */
  at: SourcePosition;
}

export interface ExpectationsCheck {
  verdicts: CaseVerdict[];
  passed: number;
  failed: number;
}

/** A citation without its section sign and spaces, so that `§ 2(b)` and `2(b)` compare equal. */
const bareCitation = (c: string) => c.replace(/[§\s]/g, '').toLowerCase();

/** The policy's provisions and otherwise clause, each by id, citation and name in words ("§ 2(a) Serious felonies"). */
function namedProvisions(policy: CompiledPolicy, ordinance: Ordinance): Array<{ id: string; citation: string; name: string }> {
  const name = provisionNamer(policy.provisions, detainerTerm(ordinance));
  return [...policy.provisions.map((p) => ({ id: p.id, citation: p.citation })), { id: 'default', citation: policy.otherwiseCitation }].map(
    (p) => ({ ...p, name: name(p.id, p.citation) }),
  );
}

/**
 * The deciding-provision difference, each provision named in words as lint, explain and diff name it
 * ("expected § 2(a) Serious felonies, got § 2(b) Otherwise"). An expected provision that is not one of
 * the policy's ids is quoted as the file writes it, with what it should be: `expect.provision` is the
 * provision's id (`default` for the otherwise clause), and a citation written there (`§ 2(b)`) would
 * otherwise read as a mismatch with itself.
 */
function provisionDifference(wanted: string, decision: Decision, policy: CompiledPolicy, ordinance: Ordinance): string {
  const provisions = namedProvisions(policy, ordinance);
  const got = provisions.find((p) => p.id === decision.provision)?.name ?? decision.citation;
  const known = provisions.find((p) => p.id === wanted);
  if (known) return `deciding provision: expected ${known.name}, got ${got}`;
  const cited = provisions.find((p) => bareCitation(p.citation) === bareCitation(wanted));
  const should = cited
    ? `"${wanted}" is a citation: name the provision by its id, "${cited.id}" for ${cited.name}`
    : `"${wanted}" is not a provision id of this policy, whose ids are ${provisions.map((p) => `${p.id} (${p.name})`).join(', ')}`;
  return `deciding provision: expected "${wanted}", got ${got}; ${should}`;
}

/**
 * Checks a policy against expected decisions, each case under the file's scenario and its own; only the
 * cases of the indexes `only` when given (the readable ones of a file with bad cases).
 */
export function checkExpectedDecisions(
  expected: ExpectedDecisions,
  ordinance: Ordinance,
  source?: ParsedSource,
  only?: readonly number[],
): ExpectationsCheck {
  const policies = new Map<string, CompiledPolicy>();
  const policyFor = (scenario: Scenario): CompiledPolicy => {
    const key = JSON.stringify(scenario);
    let p = policies.get(key);
    if (!p) policies.set(key, (p = compile(ordinance, scenario)));
    return p;
  };
  const verdicts = (only ?? expected.cases.map((_, i) => i)).map((index): CaseVerdict => {
    const c = expected.cases[index]!;
    const r = prepareCase(c.case, index);
    if (!r.ok)
      throw new Error(`case ${index + 1} is not a booking case the engine can read; load the file with loadExpectedDecisions first`);
    const policy = policyFor({ ...expected.scenario, ...c.scenario });
    const decision = policy.decide(r.prepared);
    const want = c.expect;
    const differences: string[] = [];
    if (decision.outcome !== want.outcome) differences.push(`outcome: expected ${want.outcome}, got ${decision.outcome}`);
    if (want.provision !== undefined && decision.provision !== want.provision)
      differences.push(provisionDifference(want.provision, decision, policy, ordinance));
    if (want.holdUntil !== undefined && (decision.holdUntil ?? null) !== (want.holdUntil ?? null))
      differences.push(`hold until: expected ${want.holdUntil ?? 'no hold'}, got ${decision.holdUntil ?? 'no hold'}`);
    return {
      index,
      id: c.case.id,
      ...(c.why !== undefined ? { why: c.why } : {}),
      expected: want,
      decision,
      differences,
      at: source ? source.locate(['cases', index]) : { line: 1, column: 1, endLine: 1, endColumn: 1 },
    };
  });
  const failed = verdicts.filter((v) => v.differences.length > 0).length;
  return { verdicts, passed: verdicts.length - failed, failed };
}
