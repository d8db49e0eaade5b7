// The policy bundle: a JSON file for records and booking systems with the canonical policy, its
// decision logic, version, effective date and fingerprint; and its verification, which finds any
// change made to a bundle after export and says where.

import { canonicalJson, fingerprint } from '../canonical';
import { compile, FEDERAL_MAX_HOLD } from '../compile';
import { pathToString, sortDiagnostics, type Diagnostic, type PathSegment } from '../diagnostics';
import * as validators from '../generated/validators.js';
import type { Condition, MaxHold, Ordinance, Outcome } from '../model';
import { loadOrdinance } from '../ordinance';
import { schemaDiagnostics } from '../schema-diagnostics';
import { parseSource } from '../source';
import { conditionWords } from '../wording';

export const BUNDLE_FORMAT = 'detainer-policy-bundle/1';

export const DECISION_RULE =
  'Detainer provisions are read in order and the first whose condition holds decides; a condition that needs a finding nobody has made yet gives "review"; a case no provision decides gets the otherwise outcome; no outcome exceeds what the detainer requests (a hold on a request for notice only becomes "notify", a request for neither is declined).';

export interface DecisionProvision {
  id: string;
  citation: string;
  heading: string | null;
  outcome: Outcome;
  maxHold: MaxHold | null;
  when: Condition | null;
  reading: string | null;
}

export interface PolicyBundle {
  format: typeof BUNDLE_FORMAT;
  fingerprint: string;
  title: string;
  jurisdiction: Ordinance['jurisdiction'];
  version: string | null;
  effectiveDate: string | null;
  status: Ordinance['status'] | null;
  decisionLogic: {
    rule: string;
    provisions: DecisionProvision[];
    otherwise: { citation: string; outcome: Outcome };
  };
  policy: Ordinance;
}

/** A value with its keys sorted and undefined members dropped, as canonical JSON has it. */
function canonical<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}

/** The bundle of a valid ordinance. Key order is fixed, so the same policy always gives the same file. */
export function policyBundle(o: Ordinance): PolicyBundle {
  const policy = canonical(o);
  const compiled = compile(policy);
  return {
    format: BUNDLE_FORMAT,
    fingerprint: fingerprint(policy),
    title: policy.title,
    jurisdiction: policy.jurisdiction,
    version: policy.version ?? null,
    effectiveDate: policy.effectiveDate ?? null,
    status: policy.status ?? null,
    decisionLogic: {
      rule: DECISION_RULE,
      provisions: compiled.provisions.map((p) => {
        const when = compiled.layout.detainerProvisions[p.index]!.provision.when;
        return {
          id: p.id,
          citation: p.citation,
          heading: p.heading ?? null,
          outcome: p.outcome,
          maxHold: p.outcome === 'hold' ? canonical(p.maxHold ?? FEDERAL_MAX_HOLD) : null,
          when: when ? canonical(when) : null,
          reading: when ? conditionWords(when) : null,
        };
      }),
      otherwise: { citation: compiled.otherwiseCitation, outcome: compiled.otherwise },
    },
    policy,
  };
}

/** The bundle as the JSON file written to disk. */
export function policyBundleJson(o: Ordinance): string {
  return JSON.stringify(policyBundle(o), null, 2) + '\n';
}

export interface BundleVerification {
  /** True when the bundle is well-formed and every part matches its policy. */
  ok: boolean;
  diagnostics: Diagnostic[];
  bundle?: PolicyBundle;
  /** The fingerprint the policy inside actually has, when it could be computed. */
  actualFingerprint?: string;
}

function describe(value: unknown): string {
  const s = JSON.stringify(value);
  if (s === undefined) return 'nothing';
  return s.length > 70 ? `${s.slice(0, 67)}...` : s;
}

/** Paths where two JSON values differ (at most `limit`). */
function differences(actual: unknown, expected: unknown, path: PathSegment[], out: PathSegment[][], limit: number): void {
  if (out.length >= limit) return;
  if (canonicalJson(actual) === canonicalJson(expected)) return;
  const bothObjects = actual !== null && expected !== null && typeof actual === 'object' && typeof expected === 'object';
  if (!bothObjects || Array.isArray(actual) !== Array.isArray(expected)) {
    out.push(path);
    return;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) {
      out.push(path);
      return;
    }
    actual.forEach((v, i) => differences(v, expected[i], [...path, i], out, limit));
    return;
  }
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  for (const k of [...new Set([...Object.keys(e), ...Object.keys(a)])]) differences(a[k], e[k], [...path, k], out, limit);
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[seg as string] : undefined;
  return v;
}

/**
 * Checks a bundle file: well-formed JSON, the bundle schema, a policy that is a valid ordinance, a
 * fingerprint that is the SHA-256 of that policy, and every derived part (title, version, decision
 * logic...) equal to what the policy gives. Every problem is located by line and column.
 */
export function verifyPolicyBundle(text: string): BundleVerification {
  const source = parseSource(text, 'policy bundle');
  const located = (path: PathSegment[], code: string, message: string): Diagnostic => ({
    severity: 'error',
    code,
    message,
    path,
    ...source.locate(path),
  });
  if (source.value === undefined || source.diagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, diagnostics: source.diagnostics };
  }
  const value = source.value as Record<string, unknown>;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      diagnostics: [located([], 'not-a-bundle', 'a policy bundle is a JSON object with format, fingerprint, decisionLogic and policy')],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const policy = value.policy;
  let actual: string | undefined;
  if (policy !== undefined) {
    actual = fingerprint(policy);
    if (typeof value.fingerprint === 'string' && value.fingerprint !== actual) {
      diagnostics.push(
        located(
          ['fingerprint'],
          'fingerprint-mismatch',
          `the fingerprint does not match the policy in the bundle: the bundle says ${value.fingerprint}, but the policy hashes to ${actual}; the bundle was changed after it was exported`,
        ),
      );
    }
  }
  diagnostics.push(...schemaDiagnostics(source, validators.policyBundleValidator));
  if (diagnostics.some((d) => d.code !== 'fingerprint-mismatch') || policy === undefined) {
    return { ok: false, diagnostics: sortDiagnostics(diagnostics), ...(actual ? { actualFingerprint: actual } : {}) };
  }
  // The policy must be a valid ordinance, checked as the editor checks it (semantics included).
  const loaded = loadOrdinance(JSON.stringify(policy));
  const policyErrors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.ordinance || policyErrors.length) {
    for (const d of policyErrors)
      diagnostics.push(located(['policy', ...d.path], d.code, `the policy in the bundle is not a valid ordinance: ${d.message}`));
    return { ok: false, diagnostics: sortDiagnostics(diagnostics), actualFingerprint: actual! };
  }
  // Every other part is derived from the policy: regenerate it and compare.
  const expected = policyBundle(loaded.ordinance) as unknown as Record<string, unknown>;
  const paths: PathSegment[][] = [];
  for (const key of Object.keys(expected)) {
    if (key === 'fingerprint' || key === 'policy') continue;
    differences(value[key], expected[key], [key], paths, 20);
  }
  for (const p of paths) {
    diagnostics.push(
      located(
        p,
        'bundle-mismatch',
        `${pathToString(p)} does not match the policy in the bundle: the bundle says ${describe(valueAt(value, p))}, the policy gives ${describe(valueAt(expected, p))}`,
      ),
    );
  }
  const ok = diagnostics.length === 0;
  return {
    ok,
    diagnostics: sortDiagnostics(diagnostics),
    ...(ok ? { bundle: value as unknown as PolicyBundle } : {}),
    actualFingerprint: actual!,
  };
}
