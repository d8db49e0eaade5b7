// The policy bundle: a JSON file for records and booking systems with the canonical policy, its
// decision logic, version, effective date and fingerprint; and its verification, which finds any
// change made to a bundle after export and says where.

import { canonicalJson, fingerprint } from '../canonical';
import { compile, FEDERAL_MAX_HOLD } from '../compile';
import { pathToString, sortDiagnostics, type Diagnostic, type PathSegment } from '../diagnostics';
import * as validators from '../generated/validators.js';
import { effectiveDateOf, type Condition, type MaxHold, type Ordinance, type Outcome } from '../model';
import { isDetainerProvision, letterFor } from '../layout';
import { loadOrdinance } from '../ordinance';
import { schemaDiagnostics } from '../schema-diagnostics';
import { parseSource } from '../source';
import { checkStrictJson } from '../strict-json';
import { checkDocument } from '../analysis/index';
import { conditionWords, inOrdinanceTerms, type EarlierWording } from '../wording';

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
    /** `maxHold` only for a hold (bundles of other policies are as before). */
    otherwise: { citation: string; outcome: Outcome; maxHold?: MaxHold };
  };
  policy: Ordinance;
}

/**
 * What one version of the studio derived from a policy for a bundle's other parts. The format stays
 * `detainer-policy-bundle/1` and a bundle does not say which version wrote it, so `verify` accepts a
 * bundle whose derived parts are exactly what one of these editions gives for the policy inside:
 * what a version truly wrote verifies after an upgrade, and a change to any part still fails.
 * When the derivation of a bundle changes, add the edition it replaces here (newest first) and a
 * bundle of the old version to tests/export/fixtures/earlier-bundles.
 */
export interface BundleEdition {
  id: string;
  /** Which versions wrote it, for the verify report. */
  versions: string;
  /** `effectiveDate` is the document's effectiveDate member, not effectiveDateOf (which prefers the effective-date provision). */
  documentEffectiveDate?: boolean;
  /**
   * `decisionLogic.otherwise` has no `maxHold` for a hold. Those versions knew no otherwiseMaxHold
   * (their schema refused it), so this edition is not one for a policy that has one; without one,
   * the otherwise hold is the federal maximum then as now.
   */
  otherwiseWithoutMaxHold?: boolean;
  /** The words of `reading`. */
  wording?: EarlierWording;
  /**
   * Citations as versions before the short-title section numbered the text: the definitions section
   * (if any) first, each written section after it, and each provision lettered in its own section
   * (no grounds printed as one list). See `sectionOnlyCitations`.
   */
  sectionOnlyCitations?: boolean;
}

export const CURRENT_BUNDLE_EDITION: BundleEdition = { id: 'current', versions: 'this version' };

/** Every edition `verify` accepts, newest first. */
export const BUNDLE_EDITIONS: readonly BundleEdition[] = [
  CURRENT_BUNDLE_EDITION,
  {
    // Before a defined term was found to be the detainer's by what its definition says (December 7, 2026):
    // the first term with the word "detainer" in it, else the "civil immigration detainer" the text defined
    // (so a policy whose term for the detainer lacks the word, "civil immigration hold request", read so).
    id: 'detainer-term-by-word',
    versions:
      'an earlier version (its readings name the detainer by the first defined term with the word "detainer" in it, else "civil immigration detainer")',
    wording: { detainerTermByWord: true },
  },
  {
    // Before a reading named the detainer as the printed text does (December 7, 2026): the ordinance's own
    // defined term, else the "civil immigration detainer" the text defines.
    id: 'bare-detainer-words',
    versions: 'an earlier version (its readings say "the detainer" where the text names it by a term)',
    wording: { bareDetainer: true },
  },
  {
    // Also before a test of the conviction for the current custody said its look-back window and count.
    id: 'current-conviction-words',
    versions:
      'an earlier version (its readings of a test of the conviction for the current custody leave out its look-back window and count)',
    wording: { currentWithoutWindow: true, bareDetainer: true },
  },
  {
    // Before the look-back window from release said '(from the conviction where no release is recorded)'.
    id: 'release-window-words',
    versions:
      'an earlier version (its readings of a look-back window from release lack "from the conviction where no release is recorded")',
    wording: { releaseWindowWithoutNoRelease: true, currentWithoutWindow: true, bareDetainer: true },
  },
  {
    // Also before a negated charge test put its "on which" clauses before "is pending".
    id: 'negated-charge-words',
    versions: 'an earlier version (its readings also word a negated charge test "no ... is pending against the person, on which ...")',
    wording: { releaseWindowWithoutNoRelease: true, negatedChargeFlagsAfter: true, currentWithoutWindow: true, bareDetainer: true },
  },
  {
    // Also before effectiveDateOf and otherwiseMaxHold.
    id: 'document-effective-date',
    versions:
      "an earlier version (before one effective date and otherwiseMaxHold: effectiveDate is the document's member, an otherwise hold has no maxHold)",
    documentEffectiveDate: true,
    otherwiseWithoutMaxHold: true,
    wording: { releaseWindowWithoutNoRelease: true, negatedChargeFlagsAfter: true, currentWithoutWindow: true, bareDetainer: true },
  },
  {
    // Also before the text had a short-title section and printed parallel grounds as one list (December 4, 2026).
    id: 'section-only-citations',
    versions:
      'an earlier version (before the short-title section and grounds printed as one list: its citations number the definitions and the written sections only, a provision lettered in its own section)',
    documentEffectiveDate: true,
    otherwiseWithoutMaxHold: true,
    wording: { releaseWindowWithoutNoRelease: true, negatedChargeFlagsAfter: true, currentWithoutWindow: true, bareDetainer: true },
    sectionOnlyCitations: true,
  },
];

/** Whether a version of this edition could have written a bundle of the policy. */
export function editionApplies(edition: BundleEdition, o: Ordinance): boolean {
  return !(edition.otherwiseWithoutMaxHold && o.otherwiseMaxHold !== undefined);
}

/** A value with its keys sorted and undefined members dropped, as canonical JSON has it. */
function canonical<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}

/** A condition's reading, naming the detainer as the printed text does unless the edition's words predate that. */
function readingOf(when: Condition, o: Ordinance, wording: EarlierWording | undefined): string {
  return inOrdinanceTerms(conditionWords(when, false, wording), o, wording);
}

/** The bundle of a valid ordinance. Key order is fixed, so the same policy always gives the same file. */
export function policyBundle(o: Ordinance, edition: BundleEdition = CURRENT_BUNDLE_EDITION): PolicyBundle {
  const policy = canonical(o);
  const compiled = compile(policy);
  const earlier = edition.sectionOnlyCitations ? sectionOnlyCitations(policy) : undefined;
  return {
    format: BUNDLE_FORMAT,
    fingerprint: fingerprint(policy),
    title: policy.title,
    jurisdiction: policy.jurisdiction,
    version: policy.version ?? null,
    effectiveDate: (edition.documentEffectiveDate ? policy.effectiveDate : effectiveDateOf(policy)) ?? null,
    status: policy.status ?? null,
    decisionLogic: {
      rule: DECISION_RULE,
      provisions: compiled.provisions.map((p) => {
        const when = compiled.layout.detainerProvisions[p.index]!.provision.when;
        return {
          id: p.id,
          citation: earlier ? earlier.provisions[p.index]! : p.citation,
          heading: p.heading ?? null,
          outcome: p.outcome,
          maxHold: p.outcome === 'hold' ? canonical(p.maxHold ?? FEDERAL_MAX_HOLD) : null,
          when: when ? canonical(when) : null,
          reading: when ? readingOf(when, policy, edition.wording) : null,
        };
      }),
      otherwise: {
        citation: earlier ? earlier.otherwise : compiled.otherwiseCitation,
        outcome: compiled.otherwise,
        ...(compiled.otherwise === 'hold' && !edition.otherwiseWithoutMaxHold ? { maxHold: canonical(compiled.otherwiseHold) } : {}),
      },
    },
    policy,
  };
}

/**
 * The detainer provisions' and the otherwise clause's citations as versions before the short-title
 * section gave them: sections numbered from 1 with the definitions section first (when there are
 * definitions), a generated detainer section when no written section has a detainer provision, then
 * the written sections; a section's provisions lettered when it has more than one (the otherwise
 * clause counting as one in the last detainer section, which carries it unless a detainer provision
 * has no condition).
 */
function sectionOnlyCitations(o: Ordinance): { provisions: string[]; otherwise: string } {
  const provisions: string[] = [];
  let number = o.definitions?.length ? 2 : 1;
  let last = -1;
  o.sections.forEach((s, i) => {
    if ((s.provisions ?? []).some(isDetainerProvision)) last = i;
  });
  const unconditional = o.sections.some((s) => (s.provisions ?? []).some((p) => isDetainerProvision(p) && !p.when));
  let otherwise = '';
  if (last < 0) otherwise = `§ ${number++}`;
  o.sections.forEach((s, i) => {
    const list = s.provisions ?? [];
    const carries = !unconditional && i === last;
    const lettered = list.length + (carries ? 1 : 0) > 1;
    list.forEach((p, j) => {
      if (isDetainerProvision(p)) provisions.push(`§ ${number}${lettered ? `(${letterFor(j)})` : ''}`);
    });
    if (i === last) otherwise = `§ ${number}${carries && lettered ? `(${letterFor(list.length)})` : ''}`;
    number++;
  });
  return { provisions, otherwise };
}

/** The bundle as the JSON file written to disk. */
export function policyBundleJson(o: Ordinance): string {
  return JSON.stringify(policyBundle(o), null, 2) + '\n';
}

export interface BundleVerification {
  /** True when the bundle is strict JSON, intact, and its policy passes validation and the legal lint. */
  ok: boolean;
  /** Everything found, located in the bundle: errors (ok is false) and the policy's warnings and notes. */
  diagnostics: Diagnostic[];
  bundle?: PolicyBundle;
  /**
   * The edition whose derived parts the bundle has (BUNDLE_EDITIONS): the current one, or that of the
   * earlier version that wrote it. Set when the derived parts match one.
   */
  edition?: BundleEdition;
  /** The fingerprint the policy inside actually has, when it could be computed. */
  actualFingerprint?: string;
  /** The bundle as parsed, and where a path in it is, for checks made outside (its signature). */
  value?: Record<string, unknown>;
  locate?: (path: readonly PathSegment[]) => Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>;
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

/** The check `validate` runs on an ordinance's text: schema, semantics and the legal lint. */
export type PolicyCheck = (ordinanceText: string) => readonly Diagnostic[];

const checkAsValidateDoes: PolicyCheck = (text) => checkDocument(text).diagnostics;

/**
 * The findings on a policy as a bundle holds it (its canonical JSON: no comments, so only the
 * policy's own `suppress:` entries silence a finding, never a `# lint-ignore` comment of the YAML it
 * came from). `verify` reports these; the bundle export refuses a policy whose errors appear here.
 */
export function bundledPolicyFindings(policy: unknown, check: PolicyCheck = checkAsValidateDoes): Diagnostic[] {
  return check(JSON.stringify(policy, null, 2)).filter((d) => !d.suppressed);
}

/**
 * The bundle's text with everything but the range `start..end` blanked (line breaks kept): a document
 * holding only that member's value at the very lines and columns it has in the bundle, so every
 * finding on it, and every line a message mentions, is already where it is in the bundle.
 */
function onlyRange(text: string, start: number, end: number): string {
  const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');
  return blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
}

/**
 * The errors that would make the bundle of `o` fail `verify`: for the bundle export to refuse with.
 * Each says when it was silenced only by a comment, which a bundle does not carry.
 */
export function bundleBlockers(o: Ordinance): Diagnostic[] {
  return bundledPolicyFindings(canonical(o))
    .filter((d) => d.severity === 'error')
    .map((d) => ({
      ...d,
      message: `${d.message} (a "# lint-ignore" comment does not travel into the bundle, which holds the policy without comments: silence it with a "suppress:" entry and its reason, so the bundle verifies)`,
    }));
}

/**
 * Checks a bundle file: strict JSON (no YAML, no comments, no duplicate keys), the bundle schema, a
 * fingerprint that is the SHA-256 of the policy inside, every derived part (title, version, decision
 * logic...) equal to what the policy gives, and the policy itself through the same check `validate`
 * runs (schema, semantics, the legal lint): a bundle edited and re-hashed still fails on what the lint
 * finds. Every problem is located by line and column in the bundle. The signature, if any, is checked
 * by the caller (it needs a key and Ed25519): see `value` and `locate`.
 */
export function verifyPolicyBundle(text: string, options: { check?: PolicyCheck } = {}): BundleVerification {
  const members = new Map<string, { start: number; end: number }>();
  const strict = checkStrictJson(text, members);
  if (strict) {
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'not-strict-json',
          message: `a policy bundle is strict JSON: ${strict.message}`,
          path: [],
          line: strict.line,
          column: strict.column,
          endLine: strict.line,
          endColumn: strict.column + 1,
        },
      ],
    };
  }
  const source = parseSource(text, 'policy bundle');
  const locate = (path: readonly PathSegment[]) => source.locate([...path]);
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
  let editionFound: BundleEdition | undefined;
  const done = (): BundleVerification => {
    const sorted = sortDiagnostics(diagnostics);
    const ok = !sorted.some((d) => d.severity === 'error');
    return {
      ok,
      diagnostics: sorted,
      ...(ok ? { bundle: value as unknown as PolicyBundle } : {}),
      ...(editionFound ? { edition: editionFound } : {}),
      ...(actual ? { actualFingerprint: actual } : {}),
      value,
      locate,
    };
  };
  if (diagnostics.some((d) => d.code !== 'fingerprint-mismatch') || policy === undefined) return done();
  // The policy must pass what `validate` checks: the schema, the semantics and the legal lint.
  const range = members.get('policy')!;
  const check = options.check ?? checkAsValidateDoes;
  for (const d of check(onlyRange(text, range.start, range.end))) {
    if (d.suppressed) continue;
    diagnostics.push({ ...d, message: `the policy in the bundle: ${d.message}`, path: ['policy', ...d.path] });
  }
  const loaded = loadOrdinance(JSON.stringify(policy));
  if (!loaded.ordinance || loaded.diagnostics.some((d) => d.severity === 'error')) return done();
  // Every other part is derived from the policy: regenerate it as each version did and compare. The
  // bundle must be exactly what one edition gives; where none does, the closest one's differences
  // (the newest among equals) are what was changed.
  const ordinance = loaded.ordinance;
  let best: { edition: BundleEdition; expected: Record<string, unknown>; paths: PathSegment[][] } | undefined;
  for (const edition of BUNDLE_EDITIONS) {
    if (!editionApplies(edition, ordinance)) continue;
    const expected = policyBundle(ordinance, edition) as unknown as Record<string, unknown>;
    const paths: PathSegment[][] = [];
    for (const key of Object.keys(expected)) {
      if (key === 'fingerprint' || key === 'policy') continue;
      differences(value[key], expected[key], [key], paths, 20);
    }
    if (!best || paths.length < best.paths.length) best = { edition, expected, paths };
    if (paths.length === 0) break;
  }
  const { edition, expected, paths } = best!;
  const as = edition === CURRENT_BUNDLE_EDITION ? '' : ` (as ${edition.versions} wrote it)`;
  for (const p of paths) {
    diagnostics.push(
      located(
        p,
        'bundle-mismatch',
        `${pathToString(p)} does not match the policy in the bundle: the bundle says ${describe(valueAt(value, p))}, the policy gives ${describe(valueAt(expected, p))}${as}`,
      ),
    );
  }
  if (paths.length === 0) {
    editionFound = edition;
    const governing = effectiveDateOf(ordinance) ?? null;
    if (edition.documentEffectiveDate && value.effectiveDate !== governing) {
      diagnostics.push({
        ...located(
          ['effectiveDate'],
          'bundle-effective-date-superseded',
          `effectiveDate ${describe(value.effectiveDate)} is the policy's effectiveDate member, as versions before one effective date wrote it; the policy takes effect on ${describe(governing)}, the date of its effective-date provision, which governs: export the bundle again to record that date`,
        ),
        severity: 'warning',
      });
    }
  }
  return done();
}

/** The signature member of a bundle, as `sign` writes it. */
export interface BundleSignature {
  algorithm: 'Ed25519';
  keyId: string;
  publicKey: string;
  signer?: string;
  value: string;
}

/**
 * The bytes a bundle's signature covers: the canonical JSON (keys sorted, no whitespace) of the whole
 * bundle with the signature's own `value` left out, so the signer's name and key are signed too and
 * re-indenting the file breaks nothing.
 */
export function bundleSigningPayload(bundle: Record<string, unknown>, signature: Omit<BundleSignature, 'value'>): string {
  const signed: Record<string, unknown> = { ...signature };
  delete signed.value;
  return canonicalJson({ ...bundle, signature: signed });
}
