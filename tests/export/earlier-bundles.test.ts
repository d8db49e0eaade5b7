// Bundles exported by earlier versions still verify: `verify` compares a bundle's derived parts
// (effective date, decision logic, readings) with what the version that wrote it derived from the
// policy inside, and still fails any bundle altered after export. The fixtures in
// fixtures/earlier-bundles were written by the versions their names give (35a7e7c: before the
// short-title section renumbered the text; 297efcb: before one effective date and otherwiseMaxHold;
// d748ac6: with both, before the readings' later words; 6c70aa6: before a reading named the detainer as
// the printed text does, by the ordinance's defined term or the one the text defines; 3debfb3: before a
// defined term was found to be the detainer's by what its definition says), from the
// .ordinance.yaml beside them, with `detainer-studio export --format bundle` (and `sign`, for the
// signed one); see the README there.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_EDITIONS, policyBundle, policyBundleJson, verifyPolicyBundle, type BundleVerification } from '../../engine/export/index';
import { fingerprint, loadOrdinance, renderMarkdown } from '../../engine/index';
import { runCli } from '../cli/run-in-process';

const dir = path.join(__dirname, 'fixtures/earlier-bundles');
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const errorsOf = (v: BundleVerification) => v.diagnostics.filter((d) => d.severity === 'error');

const earlier = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bundle.json'))
  .sort();

type Bundle = {
  fingerprint: string;
  effectiveDate: string | null;
  decisionLogic: {
    provisions: { outcome: string; reading: string | null; maxHold: unknown }[];
    otherwise: { outcome: string; maxHold?: unknown };
  };
  policy: Record<string, unknown>;
  signature?: unknown;
};

/** The bundle changed by `edit`, written as the exporter writes it (the signature, if any, dropped). */
function tampered(name: string, edit: (b: Bundle) => void, rehash = false): string {
  const b = JSON.parse(read(name)) as Bundle;
  delete b.signature;
  edit(b);
  if (rehash) b.fingerprint = fingerprint(b.policy);
  return JSON.stringify(b, null, 2) + '\n';
}

describe('bundles exported by earlier versions', () => {
  it('the fixtures are what earlier versions wrote, not what this one writes', () => {
    expect(earlier).toHaveLength(11);
    for (const name of earlier) {
      const text = read(name);
      const o = loadOrdinance(JSON.stringify((JSON.parse(text) as Bundle).policy)).ordinance!;
      expect(policyBundleJson(o), name).not.toBe(text);
    }
  });

  for (const name of earlier) {
    it(`${name} verifies, as the version that exported it derived it`, () => {
      const v = verifyPolicyBundle(read(name));
      expect(errorsOf(v), name).toEqual([]);
      expect(v.ok).toBe(true);
      expect(v.edition && v.edition.id).not.toBe('current');
      expect(BUNDLE_EDITIONS).toContain(v.edition);
    });
  }

  it('otherwise: hold before otherwiseMaxHold: no decisionLogic.otherwise.maxHold, which meant the federal maximum then as now', () => {
    const b = JSON.parse(read('otherwise-hold.297efcb.bundle.json')) as Bundle;
    expect(b.decisionLogic.otherwise).toEqual({ citation: '§ 2(b)', outcome: 'hold' });
    const o = loadOrdinance(JSON.stringify(b.policy)).ordinance!;
    expect(policyBundle(o).decisionLogic.otherwise.maxHold).toEqual({ hours: 48, excludingWeekendsAndHolidays: true });
    expect(verifyPolicyBundle(read('otherwise-hold.297efcb.bundle.json')).edition!.id).toBe('document-effective-date');
  });

  it('citations before the short-title section: the definitions and written sections numbered, each provision lettered in its own section', () => {
    const name = 'section-numbers.35a7e7c.bundle.json';
    const b = JSON.parse(read(name)) as {
      decisionLogic: { provisions: { citation: string }[]; otherwise: { citation: string } };
      policy: unknown;
    };
    expect([...b.decisionLogic.provisions.map((p) => p.citation), b.decisionLogic.otherwise.citation]).toEqual([
      '§ 2(a)',
      '§ 2(b)',
      '§ 3(a)',
      '§ 3(b)',
      '§ 3(d)',
    ]);
    const o = loadOrdinance(JSON.stringify(b.policy)).ordinance!;
    const now = policyBundle(o).decisionLogic;
    expect([...now.provisions.map((p) => p.citation), now.otherwise.citation]).toEqual(['§ 3(1)', '§ 3(2)', '§ 4(a)', '§ 4(b)', '§ 4(c)']);
    expect(verifyPolicyBundle(read(name)).edition!.id).toBe('section-only-citations');
    // A citation changed after export: no version wrote it.
    const moved = verifyPolicyBundle(
      tampered(name, (x) => {
        (x.decisionLogic.provisions[2] as unknown as { citation: string }).citation = '§ 3(c)';
      }),
    );
    expect(moved.ok).toBe(false);
    expect(errorsOf(moved).map((d) => d.message)).toEqual([
      expect.stringContaining(
        'decisionLogic.provisions[2].citation does not match the policy in the bundle: the bundle says "§ 3(c)", the policy gives "§ 3(a)"',
      ),
    ]);
  });

  it("two effective dates before effectiveDateOf: the document's effectiveDate verifies, with a warning naming the date that governs", () => {
    const v = verifyPolicyBundle(read('two-dates.297efcb.bundle.json'));
    expect(v.ok).toBe(true);
    expect(v.bundle!.effectiveDate).toBe('2017-06-01');
    const w = v.diagnostics.find((d) => d.code === 'bundle-effective-date-superseded')!;
    expect(w).toMatchObject({ severity: 'warning', path: ['effectiveDate'], line: 11 });
    expect(w.message).toContain('the policy takes effect on "2017-10-01"');
  });

  // Readings written before the detainer was named as the printed text names it ("the detainer"), by
  // a policy with a defined term and by one without (whose text defines "civil immigration detainer"):
  // each verifies as that version; today's readings say the term; one reading in each wording fails.
  const BARE = [
    'the detainer requests that the person be held beyond the time of release and the detainer is supported by a judicial warrant',
    'no ICE administrative warrant accompanies the detainer',
    'the person has been convicted of a felony within the ten years before the date of the detainer request',
  ];
  const termed = (term: string) => [
    `the ${term} requests that the person be held beyond the time of release and the ${term} is supported by a judicial warrant`,
    `no ICE administrative warrant accompanies the ${term}`,
    `the person has been convicted of a felony within the ten years before the date of the ${term}`,
  ];
  for (const [fixture, term, defined] of [
    ['detainer-term', 'ICE detainer', 'its own defined term'],
    ['no-term', 'civil immigration detainer', 'the term its text defines'],
  ] as const) {
    it(`readings of ${fixture}.ordinance.yaml before the term: "the detainer" verifies as that version; today they say ${defined}`, () => {
      const name = `${fixture}.6c70aa6.bundle.json`;
      const b = JSON.parse(read(name)) as Bundle;
      expect(b.decisionLogic.provisions.map((p) => p.reading)).toEqual(BARE);
      const v = verifyPolicyBundle(read(name));
      expect(errorsOf(v)).toEqual([]);
      expect(v.edition!.id).toBe('bare-detainer-words');
      const o = loadOrdinance(read(`${fixture}.ordinance.yaml`)).ordinance!;
      expect(policyBundle(o).decisionLogic.provisions.map((p) => p.reading)).toEqual(termed(term));
      // The term the readings use is the one the printed text defines.
      expect(renderMarkdown(o)).toContain(`"**${term}**" means`);
      expect(verifyPolicyBundle(policyBundleJson(o)).edition!.id).toBe('current');
      // One reading in the term and one without: no version wrote that.
      const mixed = verifyPolicyBundle(tampered(name, (x) => (x.decisionLogic.provisions[1]!.reading = termed(term)[1]!)));
      expect(mixed.ok).toBe(false);
      expect(errorsOf(mixed).map((d) => d.code)).toEqual(['bundle-mismatch']);
    });
  }

  // Readings written before a term was taken for the detainer by what its definition says: a policy whose
  // term has no "detainer" in it ("immigration hold request") read "the civil immigration detainer".
  it('readings of own-term.ordinance.yaml before its term was found: "the civil immigration detainer" verifies as that version', () => {
    const name = 'own-term.3debfb3.bundle.json';
    const b = JSON.parse(read(name)) as Bundle;
    expect(b.decisionLogic.provisions.map((p) => p.reading)).toEqual(termed('civil immigration detainer'));
    const v = verifyPolicyBundle(read(name));
    expect(errorsOf(v)).toEqual([]);
    expect(v.edition!.id).toBe('detainer-term-by-word');
    const o = loadOrdinance(read('own-term.ordinance.yaml')).ordinance!;
    expect(policyBundle(o).decisionLogic.provisions.map((p) => p.reading)).toEqual(termed('immigration hold request'));
    expect(renderMarkdown(o)).toContain('"**immigration hold request**" means');
    expect(renderMarkdown(o)).not.toContain('civil immigration detainer');
    expect(verifyPolicyBundle(policyBundleJson(o)).edition!.id).toBe('current');
    const mixed = verifyPolicyBundle(
      tampered(name, (x) => (x.decisionLogic.provisions[1]!.reading = termed('immigration hold request')[1]!)),
    );
    expect(mixed.ok).toBe(false);
    expect(errorsOf(mixed).map((d) => d.code)).toEqual(['bundle-mismatch']);
  });

  it('the middle version (both fields, the readings of before) verifies as that version', () => {
    const v = verifyPolicyBundle(read('readings-hold.d748ac6.bundle.json'));
    expect(v.ok).toBe(true);
    expect(v.edition!.id).toBe('negated-charge-words');
    expect(v.diagnostics.some((d) => d.code === 'bundle-effective-date-superseded')).toBe(false);
  });

  it('a bundle this version exports verifies as the current edition, with no note', () => {
    const o = loadOrdinance(read('two-dates.ordinance.yaml')).ordinance!;
    const v = verifyPolicyBundle(policyBundleJson(o));
    expect(v.ok).toBe(true);
    expect(v.edition!.id).toBe('current');
    expect(v.bundle!.effectiveDate).toBe('2017-10-01');
    expect(v.diagnostics.some((d) => d.code === 'bundle-effective-date-superseded')).toBe(false);
  });
});

describe('an altered earlier bundle still fails', () => {
  const codes = (text: string) => errorsOf(verifyPolicyBundle(text)).map((d) => d.code);

  it('its otherwise outcome changed: fingerprint kept, the decision logic differs', () => {
    const text = tampered('otherwise-hold.297efcb.bundle.json', (b) => (b.decisionLogic.otherwise.outcome = 'notify'));
    const errors = errorsOf(verifyPolicyBundle(text));
    expect(errors.map((d) => d.code)).toEqual(['bundle-mismatch']);
    expect(errors[0]!.path).toEqual(['decisionLogic', 'otherwise', 'outcome']);
  });

  it('its policy given an otherwiseMaxHold and re-hashed: no version wrote such a policy without decisionLogic.otherwise.maxHold', () => {
    const text = tampered(
      'otherwise-hold.297efcb.bundle.json',
      (b) => (b.policy.otherwiseMaxHold = { hours: 24, excludingWeekendsAndHolidays: false }),
      true,
    );
    const errors = errorsOf(verifyPolicyBundle(text));
    expect(errors.map((d) => d.code)).toEqual(['bundle-mismatch']);
    expect(errors[0]!.path).toEqual(['decisionLogic', 'otherwise', 'maxHold']);
  });

  it('its effective date changed to neither date of the policy', () => {
    expect(codes(tampered('two-dates.297efcb.bundle.json', (b) => (b.effectiveDate = '2017-01-01')))).toEqual(['bundle-mismatch']);
  });

  it('an otherwise maxHold added that is not the one the policy gives (48 calendar hours for the federal 48 working hours)', () => {
    const text = tampered(
      'readings-hold.297efcb.bundle.json',
      (b) => (b.decisionLogic.otherwise.maxHold = { hours: 48, excludingWeekendsAndHolidays: false }),
    );
    expect(codes(text)).toEqual(['bundle-mismatch']);
  });

  it('a reading reworded: neither what this version nor an earlier one says', () => {
    const text = tampered('readings.297efcb.bundle.json', (b) => {
      b.decisionLogic.provisions[1]!.reading = b.decisionLogic.provisions[1]!.reading!.replace(
        'within the ten years',
        'within the two years',
      );
    });
    const errors = errorsOf(verifyPolicyBundle(text));
    expect(errors.map((d) => d.code)).toEqual(['bundle-mismatch']);
    expect(errors[0]!.path).toEqual(['decisionLogic', 'provisions', 1, 'reading']);
  });

  it('a provision outcome changed: located, compared with the closest version', () => {
    const text = tampered('readings.297efcb.bundle.json', (b) => (b.decisionLogic.provisions[1]!.outcome = 'decline'));
    const errors = errorsOf(verifyPolicyBundle(text));
    expect(errors.map((d) => d.path.join('.'))).toEqual(['decisionLogic.provisions.1.outcome']);
  });

  it('its policy changed without re-hashing: the fingerprint fails', () => {
    const text = tampered('otherwise-hold.297efcb.bundle.json', (b) => (b.policy.otherwise = 'notify'));
    expect(codes(text)).toContain('fingerprint-mismatch');
  });
});

describe('detainer-studio verify on earlier bundles', () => {
  it('verifies them, saying an earlier version derived the decision logic (exit 0)', async () => {
    const r = await runCli('verify', ...earlier.map((f) => path.join(dir, f)));
    expect(r.code, r.err).toBe(0);
    expect(r.out.match(/: verified: /g)).toHaveLength(earlier.length);
    expect(r.out).toContain('its decision logic is what an earlier version (before one effective date and otherwiseMaxHold');
    expect(r.out).toContain('its decision logic is what an earlier version (before the short-title section');
    expect(r.err).toMatch(
      /two-dates\.297efcb\.bundle\.json:11:\d+: warning: effectiveDate "2017-06-01" .* \[bundle-effective-date-superseded\]/,
    );
  });

  it("checks the earlier version's signature against the city's key, and fails a copy altered after signing", async () => {
    const signed = path.join(dir, 'otherwise-hold.297efcb.signed.bundle.json');
    const r = await runCli('verify', signed, '--key', path.join(dir, 'city.pub'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/signed by key sha256:[0-9a-f]+ \("Testville City Clerk"\), the key in /);
    const b = JSON.parse(read('otherwise-hold.297efcb.signed.bundle.json')) as Bundle;
    b.decisionLogic.otherwise.maxHold = { hours: 48, excludingWeekendsAndHolidays: true };
    const altered = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ds-earlier-')), 'altered.json');
    fs.writeFileSync(altered, JSON.stringify(b, null, 2) + '\n');
    const a = await runCli('verify', altered, '--key', path.join(dir, 'city.pub'));
    expect(a.code).toBe(1);
    expect(a.err).toContain('[signature-invalid]');
    fs.rmSync(path.dirname(altered), { recursive: true, force: true });
  });
});
