// The policy bundle: valid against its own schema, fingerprinted with the canonical policy, and
// `verify` finds any change made after export, saying where and why.

import { describe, expect, it } from 'vitest';
import { policyBundle, policyBundleJson, verifyPolicyBundle, type PolicyBundle } from '../../engine/export/index';
import * as validators from '../../engine/generated/validators.js';
import { fingerprint, ordinanceText } from '../../engine/index';
import { allOrdinanceFiles, ctFile, loadFile } from './helpers';
import path from 'node:path';

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
      expect(v.diagnostics).toEqual([]);
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
      '§ 2(a) felony-conviction hold',
      '§ 2(b) pending-felony hold',
      '§ 2(c) arrest-warrant hold',
      '§ 2(d) gang-database hold',
      '§ 2(e) terrorist-screening hold',
      '§ 2(f) removal-order hold',
      '§ 2(g) public-safety-risk hold',
    ]);
    expect(b.decisionLogic.provisions[0]).toMatchObject({
      when: { conviction: { term: 'felony' } },
      maxHold: { excludingWeekendsAndHolidays: true, hours: 48 },
      reading: 'the person has been convicted of a felony',
    });
    expect(b.decisionLogic.otherwise).toEqual({ citation: '§ 2(i)', outcome: 'decline' });
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
    expect(v.diagnostics).toHaveLength(1);
    const d = v.diagnostics[0]!;
    expect(d).toMatchObject({ code: 'bundle-mismatch', path: ['decisionLogic', 'provisions', 3, 'outcome'] });
    expect(d.message).toBe(
      'decisionLogic.provisions[3].outcome does not match the policy in the bundle: the bundle says "decline", the policy gives "hold"',
    );
    expect(text.split('\n')[d.line - 1]).toContain('"outcome": "decline"');
  });

  it('finds a forged fingerprint, a changed title and a changed format', () => {
    expect(verifyPolicyBundle(tampered((b) => (b.fingerprint = `sha256:${'0'.repeat(64)}`))).diagnostics.map((d) => d.code)).toEqual([
      'fingerprint-mismatch',
    ]);
    expect(verifyPolicyBundle(tampered((b) => (b.title += ' (amended)'))).diagnostics.map((d) => d.code)).toEqual(['bundle-mismatch']);
    const format = verifyPolicyBundle(tampered((b) => ((b as { format: string }).format += ' (amended)')));
    expect(format.ok).toBe(false);
    expect(format.diagnostics[0]!.line).toBe(2);
  });

  it('reports a policy that is no longer a valid ordinance, and a file that is not JSON, with locations', () => {
    const invalid = verifyPolicyBundle(tampered((b) => ((b.policy as { otherwise: string }).otherwise = 'maybe')));
    expect(invalid.ok).toBe(false);
    expect(invalid.diagnostics.some((d) => d.path[0] === 'policy' && d.path[1] === 'otherwise')).toBe(true);
    const broken = verifyPolicyBundle('{\n  "format": "detainer-policy-bundle/1",\n  "fingerprint": "x",,\n  "a": 1\n}');
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics[0]).toMatchObject({ line: 3, column: 22, code: 'yaml-syntax' });
    expect(verifyPolicyBundle('[1, 2]').diagnostics[0]!.code).toBe('not-a-bundle');
  });
});
