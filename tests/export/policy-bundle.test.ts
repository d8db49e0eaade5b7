// The policy bundle: valid against its own schema, fingerprinted with the canonical policy, and
// `verify` finds any change made after export, saying where and why.

import { describe, expect, it } from 'vitest';
import {
  buildExport,
  bundleBlockers,
  policyBundle,
  policyBundleJson,
  verifyPolicyBundle,
  type BundleVerification,
  type PolicyBundle,
} from '../../engine/export/index';
import { checkDocument } from '../../engine/analysis/index';
import fs from 'node:fs';
import { stringify as stringifyYaml } from 'yaml';
import * as validators from '../../engine/generated/validators.js';
import { fingerprint, ordinanceText } from '../../engine/index';
import { allOrdinanceFiles, ctFile, loadFile } from './helpers';
import path from 'node:path';

const errorsOf = (v: BundleVerification) => v.diagnostics.filter((d) => d.severity === 'error');

describe('policy bundle', () => {
  const ct = loadFile(ctFile);

  for (const file of allOrdinanceFiles()) {
    it(`${path.basename(file)}: valid against policy-bundle.schema.json and verified`, () => {
      const o = loadFile(file);
      const bundle = policyBundle(o);
      expect(validators.policyBundleValidator(bundle), JSON.stringify(validators.policyBundleValidator.errors)).toBe(true);
      expect(bundle.fingerprint).toBe(fingerprint(o));
      expect(bundle.fingerprint).toBe(ordinanceText(o).fingerprint);
      const v = verifyPolicyBundle(policyBundleJson(o));
      expect(errorsOf(v)).toEqual([]);
      expect(v.ok).toBe(true);
    });
  }

  it('holds the decision logic in reading order, with conditions, outcomes and maximum holds', () => {
    const b = policyBundle(ct);
    expect(Object.keys(b)).toEqual([
      'format',
      'fingerprint',
      'title',
      'jurisdiction',
      'version',
      'effectiveDate',
      'status',
      'decisionLogic',
      'policy',
    ]);
    expect(b.version).toBe('2014');
    expect(b.effectiveDate).toBe('2014-01-01');
    expect(b.decisionLogic.provisions.map((p) => `${p.citation} ${p.id} ${p.outcome}`)).toEqual([
      '§ 3(a)(1) felony-conviction hold',
      '§ 3(a)(2) pending-felony hold',
      '§ 3(a)(3) arrest-warrant hold',
      '§ 3(a)(4) gang-database hold',
      '§ 3(a)(5) terrorist-screening hold',
      '§ 3(a)(6) removal-order hold',
      '§ 3(a)(7) public-safety-risk hold',
    ]);
    expect(b.decisionLogic.provisions[0]).toMatchObject({
      when: { conviction: { term: 'felony' } },
      maxHold: { excludingWeekendsAndHolidays: true, hours: 48 },
      reading: 'the person has been convicted of a felony',
    });
    expect(b.decisionLogic.otherwise).toEqual({ citation: '§ 3(b)', outcome: 'decline' });
    // The policy is canonical: keys sorted.
    expect(Object.keys(b.policy)).toEqual([...Object.keys(b.policy)].sort());
  });

  function tampered(edit: (b: PolicyBundle) => void): string {
    const b = JSON.parse(policyBundleJson(ct)) as PolicyBundle;
    edit(b);
    return JSON.stringify(b, null, 2);
  }

  it('says clearly, at the fingerprint, when the policy was changed after export', () => {
    const v = verifyPolicyBundle(tampered((b) => (b.policy.sections[0]!.provisions![0]!.maxHold!.hours = 72)));
    expect(v.ok).toBe(false);
    const d = v.diagnostics.find((x) => x.code === 'fingerprint-mismatch')!;
    expect(d.message).toContain(`the bundle says ${fingerprint(ct)}, but the policy hashes to`);
    expect(d.line).toBe(3);
    // The decision logic now disagrees with the policy too.
    expect(v.diagnostics.some((x) => x.code === 'bundle-mismatch' && x.path.join('.') === 'decisionLogic.provisions.0.maxHold.hours')).toBe(
      true,
    );
  });

  it('finds a change to the decision logic alone, located at the changed value', () => {
    const text = tampered((b) => (b.decisionLogic.provisions[3]!.outcome = 'decline'));
    const v = verifyPolicyBundle(text);
    expect(v.ok).toBe(false);
    expect(errorsOf(v)).toHaveLength(1);
    const d = errorsOf(v)[0]!;
    expect(d).toMatchObject({ code: 'bundle-mismatch', path: ['decisionLogic', 'provisions', 3, 'outcome'] });
    expect(d.message).toBe(
      'decisionLogic.provisions[3].outcome does not match the policy in the bundle: the bundle says "decline", the policy gives "hold"',
    );
    expect(text.split('\n')[d.line - 1]).toContain('"outcome": "decline"');
  });

  it('finds a forged fingerprint, a changed title and a changed format', () => {
    expect(errorsOf(verifyPolicyBundle(tampered((b) => (b.fingerprint = `sha256:${'0'.repeat(64)}`)))).map((d) => d.code)).toEqual([
      'fingerprint-mismatch',
    ]);
    expect(errorsOf(verifyPolicyBundle(tampered((b) => (b.title += ' (amended)')))).map((d) => d.code)).toEqual(['bundle-mismatch']);
    const format = verifyPolicyBundle(tampered((b) => ((b as { format: string }).format += ' (amended)')));
    expect(format.ok).toBe(false);
    expect(errorsOf(format)[0]!.line).toBe(2);
  });

  it('reports a policy that is no longer a valid ordinance, and a file that is not JSON, with locations', () => {
    const invalid = verifyPolicyBundle(tampered((b) => ((b.policy as { otherwise: string }).otherwise = 'maybe')));
    expect(invalid.ok).toBe(false);
    expect(invalid.diagnostics.some((d) => d.path[0] === 'policy' && d.path[1] === 'otherwise')).toBe(true);
    const broken = verifyPolicyBundle('{\n  "format": "detainer-policy-bundle/1",\n  "fingerprint": "x",,\n  "a": 1\n}');
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics[0]).toMatchObject({ line: 3, column: 22, code: 'not-strict-json' });
    expect(verifyPolicyBundle('[1, 2]').diagnostics[0]!.code).toBe('not-a-bundle');
  });

  it('fails a bundle edited to 200-hour holds with its SHA-256 recomputed: the legal lint runs on the policy inside', () => {
    // Each provision its own subsection, so changing one hold changes no other provision's citation.
    const b = JSON.parse(policyBundleJson({ ...ct, detainerGrounds: 'separate-subsections' })) as PolicyBundle;
    b.policy.sections[0]!.provisions![0]!.maxHold = { hours: 200, excludingWeekendsAndHolidays: true };
    b.decisionLogic.provisions[0]!.maxHold = { hours: 200, excludingWeekendsAndHolidays: true };
    b.fingerprint = fingerprint(b.policy);
    const text = JSON.stringify(b, null, 2);
    const v = verifyPolicyBundle(text);
    expect(v.ok).toBe(false);
    expect(errorsOf(v).map((d) => d.code)).toEqual(['hold-exceeds-federal-maximum']);
    const d = errorsOf(v)[0]!;
    expect(d.path.slice(0, 3)).toEqual(['policy', 'sections', 0]);
    expect(d.message).toMatch(/^the policy in the bundle: .*200/);
    // located in the bundle itself, at the edited hold
    expect(
      text
        .split('\n')
        .slice(d.line - 1, d.endLine)
        .join('\n'),
    ).toMatch(/"maxHold"|"hours": 200/);
  });

  it('is strict JSON: a bundle rewritten as YAML, with a trailing comment, a duplicate key or a trailing comma fails, located', () => {
    const json = policyBundleJson(ct);
    const yaml = verifyPolicyBundle(stringifyYaml(JSON.parse(json)));
    expect(yaml.ok).toBe(false);
    expect(yaml.diagnostics).toEqual([expect.objectContaining({ code: 'not-strict-json', line: 1, column: 1 })]);
    expect(yaml.diagnostics[0]!.message).toMatch(/where a JSON value belongs \(YAML and comments are not JSON\)/);
    const lines = json.split('\n').length;
    for (const tail of ['# signed by the clerk\n', '// signed by the clerk\n', '{}\n']) {
      const v = verifyPolicyBundle(json + tail);
      expect(v.ok, tail).toBe(false);
      expect(v.diagnostics, tail).toEqual([expect.objectContaining({ code: 'not-strict-json', line: lines, column: 1 })]);
      expect(v.diagnostics[0]!.message).toMatch(/after the end of the JSON value/);
    }
    // A second "fingerprint" at the end, as a reader keeping the last would see it
    const duplicate = verifyPolicyBundle(json.replace(/\n\}\n$/, `,\n  "fingerprint": "${fingerprint(ct)}"\n}\n`));
    expect(duplicate.ok).toBe(false);
    expect(duplicate.diagnostics[0]).toMatchObject({ code: 'not-strict-json', line: lines - 1, column: 3 });
    expect(duplicate.diagnostics[0]!.message).toMatch(/the key "fingerprint" appears twice in one object/);
    const comma = verifyPolicyBundle(json.replace(/\n\}\n$/, ',\n}\n'));
    expect(comma.diagnostics[0]!.message).toMatch(/trailing comma/);
    expect(verifyPolicyBundle(json.replace('"version": "2014"', '"version": NaN')).diagnostics[0]!.code).toBe('not-strict-json');
    // a byte-order mark is not a change of meaning
    expect(verifyPolicyBundle('\ufeff' + json).ok).toBe(true);
  });

  it('refuses to export a bundle whose legal error is silenced only by a comment (the bundle carries no comments)', async () => {
    const text = fs
      .readFileSync(ctFile, 'utf8')
      .replace(
        'maxHold: { hours: 48, excludingWeekendsAndHolidays: true }',
        'maxHold: { hours: 96, excludingWeekendsAndHolidays: true } # lint-ignore hold-exceeds-federal-maximum: state law allows it',
      );
    const checked = checkDocument(text);
    expect(checked.diagnostics.filter((d) => d.severity === 'error' && !d.suppressed)).toEqual([]);
    const o = checked.ordinance!;
    const blockers = bundleBlockers(o);
    expect(blockers.map((d) => d.code)).toEqual(['hold-exceeds-federal-maximum']);
    expect(blockers[0]!.message).toMatch(/silence it with a "suppress:" entry/);
    await expect(buildExport({ format: 'bundle', ordinance: o })).rejects.toThrow(/the bundle would not verify/);
    // silenced in the policy itself, the reason travels and the bundle verifies
    const suppressed = { ...o, suppress: [{ code: 'hold-exceeds-federal-maximum', reason: 'state law allows it' }] } as typeof o;
    expect(bundleBlockers(suppressed)).toEqual([]);
    expect(verifyPolicyBundle(policyBundleJson(suppressed)).ok).toBe(true);
  });
});
