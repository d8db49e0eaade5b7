// Conn. Gen. Stat. 54-192h(b)(4) as enacted in 2014: a hold on a known gang member in a gang database
// "or" on a person the Department of Correction designates a Security Risk Group member or Security
// Risk Group Safety Threat member. The sample's § 3(b) prints both; its logic must decide both, and the
// record it reads must be one every way into the engine accepts.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bookingCaseAt,
  CaseImporter,
  compile,
  conditionWords,
  loadOrdinance,
  prepareCase,
  renderMarkdown,
  type BookingCase,
  type CaseSet,
  type ImportOptions,
  type Ordinance,
  type PreparedCase,
} from '../../engine/index';
import { officerGuide } from '../../engine/export/index';
import { lintOrdinance } from '../../engine/analysis/index';
import { caseValidator } from '../../engine/generated/validators.js';

const SAMPLE = new URL('../../samples/ordinances/connecticut-trust-act-2014.ordinance.yaml', import.meta.url);

function sample(): Ordinance {
  const r = loadOrdinance(readFileSync(SAMPLE, 'utf8'));
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.ordinance!;
}

/** An adult released on a Wednesday with no conviction, charge or warrant: only its records can ground a hold. */
function person(id: string, records?: BookingCase['records']): BookingCase {
  return {
    id,
    age: 30,
    bookedAt: '2014-04-08T09:00',
    eligibleForReleaseAt: '2014-04-09T10:00',
    detainer: { requests: ['hold', 'notify'], issuedAt: '2014-04-08T12:00' },
    currentCharges: [{ offense: 'shoplifting', class: 'misdemeanor', categories: ['property'], bondPosted: true }],
    ...(records ? { records } : {}),
  };
}

/** The case as the compiled policy reads it. */
function prepared(c: BookingCase): PreparedCase {
  const r = prepareCase(c, 0);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.prepared;
}

/** The sample without § 3(c)(3): the officer makes no finding of an unacceptable risk to public safety. */
function withoutOfficersFinding(o: Ordinance): Ordinance {
  const copy = structuredClone(o);
  for (const s of copy.sections) if (s.provisions) s.provisions = s.provisions.filter((p) => p.id !== 'public-safety-risk');
  return copy;
}

describe('Connecticut TRUST Act (2014), § 3(b): a gang database listing or a Security Risk Group designation', () => {
  const o = sample();
  const gang = o.sections.flatMap((s) => s.provisions ?? []).find((p) => p.id === 'gang-member')!;

  it('holds a person the Department of Correction designates in a Security Risk Group, with no other ground', () => {
    for (const policy of [compile(o), compile(withoutOfficersFinding(o))]) {
      const d = policy.decide(prepared(person('SRG-only', { securityRiskGroup: true })));
      expect(d.outcome).toBe('hold');
      expect(d.provision).toBe('gang-member');
      // Released Wednesday 10:00: 48 hours with no weekend or holiday between.
      expect(d.holdUntil).toBe('2014-04-11T10:00');
    }
  });

  it('holds a person listed in a gang database, as before', () => {
    const d = compile(o).decide(prepared(person('gang-only', { gangDatabase: true })));
    expect(d.outcome).toBe('hold');
    expect(d.provision).toBe('gang-member');
  });

  it('does not hold under § 3(b) a person with neither record: declined where no officer finds an unacceptable risk', () => {
    for (const records of [undefined, { gangDatabase: false, securityRiskGroup: false }]) {
      const withFinding = compile(o).decide(prepared(person('neither', records)));
      expect(withFinding.provision).toBe('public-safety-risk');
      expect(withFinding.outcome).toBe('review');
      const without = compile(withoutOfficersFinding(o)).decide(prepared(person('neither', records)));
      expect(without.outcome).toBe('decline');
      expect(without.provision).toBe('default');
    }
  });

  it('prints the words of both grounds, in the provision text, the reading of its logic and the officer guide', () => {
    expect(gang.when).toEqual({ any: [{ record: 'gangDatabase' }, { record: 'securityRiskGroup' }] });
    const reading = conditionWords(gang.when!);
    expect(reading).toContain('listed in a gang database');
    expect(reading).toContain('Security Risk Group member or Security Risk Group Safety Threat member by the Department of Correction');
    expect(renderMarkdown(o)).toContain('designated a Security Risk Group member or Security Risk Group Safety Threat member by the Department of Correction');
    const guide = officerGuide(o);
    expect(guide.facts.join('\n')).toContain("the Department of Correction's Security Risk Group designations");
    const step = JSON.stringify(guide.steps);
    expect(step).toContain('Security Risk Group Safety Threat member by the Department of Correction');
  });
});

describe('the record securityRiskGroup in the booking-case contract', () => {
  const contract = person('B-1', { securityRiskGroup: true });

  it('is accepted by the case schema and by the case reader, and a misspelling is not', () => {
    expect(caseValidator(contract)).toBe(true);
    expect(caseValidator({ ...contract, records: { securityRiskGrou: true } })).toBe(false);
    const r = prepareCase(contract, 0);
    expect(r.ok).toBe(true);
    const bad = prepareCase({ ...contract, records: { securityRiskGrou: true } }, 0);
    expect(bad.ok).toBe(false);
    // A case may leave it unknown (the reader's contract; the schema leaves `unknown` out on purpose).
    const open = person('B-2');
    open.unknown = ['records.securityRiskGroup'];
    expect(prepareCase(open, 0).ok).toBe(true);
    // ...but not leave it unknown and give it too.
    expect(prepareCase({ ...open, records: { securityRiskGroup: true } }, 0).ok).toBe(false);
  });

  function read(text: string, options: ImportOptions): CaseSet {
    const importer = new CaseImporter(options);
    importer.push(text);
    return importer.finish();
  }

  it('is read from JSON and from a CSV column of its name, and left unknown when a case says so', () => {
    const json = read(JSON.stringify([contract, { ...person('B-2'), unknown: ['records.securityRiskGroup'] }]), { format: 'json' });
    expect(json.problems).toEqual([]);
    expect(bookingCaseAt(json.table, 0).records).toEqual({ securityRiskGroup: true });
    expect(bookingCaseAt(json.table, 1).records).toBeUndefined();
    expect(bookingCaseAt(json.table, 1).unknown).toEqual(['records.securityRiskGroup']);

    const csv = read(
      'id,age,bookedAt,eligibleForReleaseAt,requests,securityRiskGroup\n' +
        'C-1,30,2014-04-08T09:00,2014-04-09T10:00,hold;notify,yes\n' +
        'C-2,30,2014-04-08T09:00,2014-04-09T10:00,hold;notify,no\n',
      { format: 'csv' },
    );
    expect(csv.problems).toEqual([]);
    expect(bookingCaseAt(csv.table, 0).records).toEqual({ securityRiskGroup: true });
    expect(bookingCaseAt(csv.table, 1).records).toBeUndefined();

    // The Connecticut sample holds the one the CSV says is designated, and only under § 3(b).
    const policy = compile(withoutOfficersFinding(sample()));
    expect(policy.decide(prepared(bookingCaseAt(csv.table, 0)))).toMatchObject({ outcome: 'hold', provision: 'gang-member' });
    expect(policy.decide(prepared(bookingCaseAt(csv.table, 1))).outcome).toBe('decline');
  });
});

describe('§ 3(b) says what its logic does', () => {
  // The sample models a jail that holds whenever the 2014 statute permits, on every ground: § 3(b)'s
  // logic holds every case it reaches, so its words say "shall honor" as the other grounds' generated
  // words do, not the choice ("may honor") the logic never leaves. No finding is silenced for it.
  const o = sample();

  it('its wording is a duty, and the legal lint, with nothing silenced, finds no wording that differs from the logic', () => {
    const words = o.sections.flatMap((s) => s.provisions ?? []).find((p) => p.id === 'gang-member')!.text!;
    expect(words).toMatch(/^A law enforcement officer shall honor a civil immigration detainer by holding the person/);
    expect(renderMarkdown(o)).not.toContain('may honor');
    expect((o.suppress ?? []).filter((s) => s.code === 'wording-differs')).toEqual([]);
    const findings = lintOrdinance({ ...o, suppress: [] }, { examples: false }).filter((f) => f.code === 'wording-differs');
    expect(findings).toEqual([]);
  });

  it('its logic holds a listed gang member, as the words say', () => {
    const policy = compile(withoutOfficersFinding(o));
    expect(policy.decide(prepared(person('G-1', { gangDatabase: true })))).toMatchObject({ outcome: 'hold', provision: 'gang-member' });
  });
});
