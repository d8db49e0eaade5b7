// What separates two drafts: equivalent rewrites are proved equivalent; a one-provision change is found
// on its smallest case, which the engine confirms by deciding it differently under the two drafts.

import { describe, expect, it } from 'vitest';
import { diffDrafts, type DraftDifference } from '../../engine/analysis/index';
import { compile, readCaseSet, type Condition, type Ordinance } from '../../engine/index';
import { allOrdinanceFiles, fixture, ordinanceFrom, ordinanceYaml, prepared, readRepoFile } from './helpers';

/** Checks every witness the way a user would: a valid case that the two drafts decide differently. */
function confirm(a: Ordinance, b: Ordinance, r: DraftDifference): void {
  expect(r.unconfirmed).toEqual([]);
  for (const w of r.witnesses) {
    expect(readCaseSet(JSON.stringify([w.case]), 'json').problems).toEqual([]);
    const scenario = { reimbursementAgreement: w.scenario?.reimbursementAgreement ?? false };
    const da = compile(a, scenario).decide(prepared(w.case));
    const db = compile(b, scenario).decide(prepared(w.case));
    expect(da).toEqual(w.a);
    expect(db).toEqual(w.b);
    expect(da.outcome !== db.outcome || da.holdUntil !== db.holdUntil).toBe(true);
  }
}

function withProvisions(when: Condition | undefined, outcome = 'hold'): Ordinance {
  const maxHold = outcome === 'hold' ? '\n        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }' : '';
  const condition = when ? `\n        when: ${JSON.stringify(when)}` : '';
  return ordinanceFrom(ordinanceYaml(`      - id: only${condition}\n        outcome: ${outcome}${maxHold}\n`));
}

const felony: Condition = { conviction: { term: 'felony' } };
const violentFelony: Condition = { conviction: { term: 'violent felony' } };
const gang: Condition = { record: 'gangDatabase' };
const minor: Condition = { age: { under: 18 } };
const judicial: Condition = { judicialWarrant: true };

describe('equivalent drafts', () => {
  for (const file of allOrdinanceFiles()) {
    it(`${file} is equivalent to itself`, () => {
      const o = ordinanceFrom(readRepoFile(file));
      const r = diffDrafts(o, o);
      expect(r.equivalent).toBe(true);
      expect(r.witnesses).toEqual([]);
    });
  }

  const rewrites: Array<[string, Condition, Condition | undefined]> = [
    ['reordered alternatives', { any: [felony, gang, minor] }, { any: [minor, felony, gang] }],
    ['reordered requirements', { all: [felony, judicial] }, { all: [judicial, felony] }],
    ['De Morgan (any)', { any: [felony, gang] }, { not: { all: [{ not: felony }, { not: gang }] } }],
    ['De Morgan (all)', { all: [felony, { not: gang }] }, { not: { any: [{ not: felony }, gang] } }],
    ['double negation', felony, { not: { not: felony } }],
    ['age complement', { age: { atLeast: 18 } }, { not: { age: { under: 18 } } }],
    ['age ranges merged', { any: [{ age: { under: 18 } }, { age: { atLeast: 18, under: 21 } }] }, { age: { under: 21 } }],
    ['a violent felony is a felony', { any: [violentFelony, felony] }, felony],
    ['a defined term and its inline filter', felony, { conviction: { classes: ['felony'] } }],
    ['a count of one is an existence', { conviction: { classes: ['felony'], atLeast: 1 } }, felony],
    [
      'a longer window contains a shorter',
      { any: [{ conviction: { term: 'felony', within: { years: 5 } } }, { conviction: { term: 'felony', within: { years: 10 } } }] },
      { conviction: { term: 'felony', within: { years: 10 } } },
    ],
    ['a fact or its negation is no condition at all', { any: [judicial, { judicialWarrant: false }] }, undefined],
  ];
  for (const [name, x, y] of rewrites) {
    it(name, () => {
      const r = diffDrafts(withProvisions(x), withProvisions(y));
      expect(r.witnesses.map((w) => w.facts)).toEqual([]);
      expect(r.equivalent).toBe(true);
    });
  }

  it('splitting a provision with alternatives into two with the same outcome', () => {
    const one = ordinanceFrom(
      ordinanceYaml(`      - id: either
        when: { any: [{ record: gangDatabase }, { conviction: { term: felony } }] }
        outcome: notify
`),
    );
    const two = ordinanceFrom(
      ordinanceYaml(`      - id: gang
        when: { record: gangDatabase }
        outcome: notify
      - id: felon
        when: { conviction: { term: felony } }
        outcome: notify
`),
    );
    expect(diffDrafts(one, two).equivalent).toBe(true);
  });

  it('fixing the reimbursement agreement makes Cook County equivalent to declining everything', () => {
    const cook = fixture('cook-county-46-37');
    const berkeley = fixture('berkeley-2012');
    expect(diffDrafts(cook, berkeley, { scenario: { reimbursementAgreement: false } }).equivalent).toBe(true);
    const free = diffDrafts(cook, berkeley);
    expect(free.equivalent).toBe(false);
    expect(free.witnesses.every((w) => w.scenario?.reimbursementAgreement === true)).toBe(true);
    confirm(cook, berkeley, free);
  });
});

describe('drafts that differ', () => {
  const ct = ordinanceFrom(readRepoFile('samples/ordinances/connecticut-trust-act-2014.ordinance.yaml'));

  it('a one-provision change is found on its smallest case', () => {
    const changed = structuredClone(ct);
    const gangProvision = changed.sections[0]!.provisions!.find((p) => p.id === 'gang-member')!;
    gangProvision.outcome = 'notify';
    delete gangProvision.maxHold;
    const r = diffDrafts(ct, changed);
    expect(r.equivalent).toBe(false);
    confirm(ct, changed, r);
    expect(r.witnesses).toHaveLength(1);
    const w = r.witnesses[0]!;
    expect(w.kind).toEqual({ a: { provision: 'gang-member', outcome: 'hold' }, b: { provision: 'gang-member', outcome: 'notify' } });
    // The fewest facts: a default adult, a default request, and one of § 3(b)'s two records only (a
    // gang database entry or a Department of Correction Security Risk Group designation).
    expect(w.facts.slice(0, 2)).toEqual(['age 35', 'ICE requests a hold and notice of release']);
    expect(w.facts).toHaveLength(3);
    expect(['gang database', 'security risk group designation']).toContain(w.facts[2]);
  });

  it('a changed hold limit is shown on a release where the holds end at different times', () => {
    const changed = structuredClone(ct);
    changed.sections[0]!.provisions![0]!.maxHold = { hours: 48 };
    const r = diffDrafts(ct, changed);
    confirm(ct, changed, r);
    expect(r.witnesses).toHaveLength(1);
    expect(r.witnesses[0]!.a.outcome).toBe('hold');
    expect(r.witnesses[0]!.a.holdUntil).not.toBe(r.witnesses[0]!.b.holdUntil);
  });

  it('the same hold under another holiday calendar is a difference, shown on a release before a holiday only one skips (was "Equivalent")', () => {
    const a = withProvisions(gang);
    const b: Ordinance = { ...structuredClone(a), holidays: 'none' };
    const r = diffDrafts(a, b);
    confirm(a, b, r);
    expect(r.equivalent).toBe(false);
    expect(r.witnesses).toHaveLength(1);
    expect(r.witnesses[0]!.clock).toBe(
      'the same hold ends at a different time: draft A skips the U.S. federal holidays; draft B skips no holidays',
    );
    // Calendars that skip the same days are no difference: no added day, and an added date that is a weekend.
    expect(diffDrafts(a, { ...structuredClone(a), holidays: [] }).equivalent).toBe(true);
    expect(diffDrafts(a, { ...structuredClone(a), holidays: 'us-federal' }).equivalent).toBe(true);
    // A scenario's calendar counts only where the ordinance names none.
    expect(diffDrafts(a, b, { scenario: { holidays: 'none' } }).equivalent).toBe(true);
    // Calendar hours skip no holiday: another calendar changes nothing.
    const calendar = withProvisions(gang);
    calendar.sections[0]!.provisions![0]!.maxHold = { hours: 48 };
    expect(diffDrafts(calendar, { ...structuredClone(calendar), holidays: 'none' }).equivalent).toBe(true);
  });

  it('calendar hours counted across the change of the clocks against the wall clock are a difference; two zones that both keep daylight time are not', () => {
    const a = withProvisions(gang);
    a.sections[0]!.provisions![0]!.maxHold = { hours: 48 };
    const zoned = (tz: string): Ordinance => {
      const o = structuredClone(a);
      o.jurisdiction = { ...o.jurisdiction, timeZone: tz };
      return o;
    };
    const r = diffDrafts(a, zoned('America/New_York'));
    confirm(a, zoned('America/New_York'), r);
    expect(r.witnesses.map((w) => w.clock)).toEqual([
      'the same hold ends at a different time: draft A counts its hours on the wall clock (no time zone named); draft B counts them across the changes of the clocks (America/New_York)',
    ]);
    expect(diffDrafts(zoned('America/Chicago'), zoned('America/New_York')).equivalent).toBe(true);
    expect(diffDrafts(a, zoned('America/Phoenix')).equivalent).toBe(true);
    // Weekday hours never count a Sunday, the only day the clocks change.
    const weekdays = withProvisions(gang);
    const tz = structuredClone(weekdays);
    tz.jurisdiction = { ...tz.jurisdiction, timeZone: 'America/New_York' };
    expect(diffDrafts(weekdays, tz).equivalent).toBe(true);
  });

  it('a look-back window counted from the arrest instead of the request', () => {
    const a = withProvisions({ conviction: { term: 'felony', within: { years: 10 } } });
    const b = withProvisions({ conviction: { term: 'felony', within: { years: 10, of: 'arrest' } } });
    const r = diffDrafts(a, b);
    expect(r.equivalent).toBe(false);
    confirm(a, b, r);
    const w = r.witnesses[0]!;
    expect(w.case.detainer.issuedAt!.slice(0, 10)).not.toBe(w.case.bookedAt!.slice(0, 10));
  });

  it('two or more against three or more', () => {
    const a = withProvisions({ conviction: { classes: ['misdemeanor'], atLeast: 2 } });
    const b = withProvisions({ conviction: { classes: ['misdemeanor'], atLeast: 3 } });
    const r = diffDrafts(a, b);
    confirm(a, b, r);
    // Holds where ICE asks for one, notice where it asks only for notice: two kinds, each on two convictions.
    expect(r.witnesses.map((w) => `${w.a.outcome}/${w.b.outcome}`)).toEqual(['hold/decline', 'notify/decline']);
    for (const w of r.witnesses) expect(w.case.convictions).toHaveLength(2);
  });

  it('a discretionary finding sends to review what a fixed rule decides', () => {
    const a = withProvisions({ all: [felony, { discretion: { finding: 'the person poses a danger' } }] });
    const b = withProvisions(felony);
    const r = diffDrafts(a, b);
    confirm(a, b, r);
    expect(r.witnesses.map((w) => `${w.a.outcome}/${w.b.outcome}`)).toEqual(['review/hold', 'review/notify']);
  });

  it('one witness per kind of difference between different samples', () => {
    const chicago = fixture('chicago-welcoming-city-2012');
    const r = diffDrafts(ct, chicago);
    confirm(ct, chicago, r);
    const kinds = r.witnesses.map((w) => JSON.stringify(w.kind));
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(r.witnesses.length).toBeGreaterThan(3);
  });

  it('the committee draft against its samples, exactly', () => {
    const boston = fixture('boston-committee-draft');
    for (const other of [fixture('philadelphia-eo-5-16'), fixture('counting-windows'), ct]) {
      const r = diffDrafts(boston, other);
      expect(r.exact).toBe(true);
      confirm(boston, other, r);
    }
  });
  // Time on later convictions: the witness carries it on a conviction dated after the one it extends
  // (the engine counts no conviction the same day, and no juvenile adjudication unless the test does).
  for (const measuredFrom of ['release', 'conviction'] as const)
    for (const includeJuvenile of [false, true])
      it(`"this and later" against "this conviction", from ${measuredFrom}${includeJuvenile ? ', counting juvenile adjudications' : ''}: a later conviction carries the days`, () => {
        const felonyWithin = (excludeTimeIncarcerated: 'this-and-later' | 'this-conviction'): Condition => ({
          conviction: { classes: ['felony'], includeJuvenile, within: { years: 10, measuredFrom, excludeTimeIncarcerated } },
        });
        // A second test that counts any misdemeanor: the carrier must be an offense neither test counts.
        const misdemeanors: Condition = { conviction: { classes: ['misdemeanor'], atLeast: 3 } };
        const a = withProvisions({ any: [felonyWithin('this-and-later'), misdemeanors] }, 'notify');
        const b = withProvisions({ any: [felonyWithin('this-conviction'), misdemeanors] }, 'notify');
        const r = diffDrafts(a, b);
        confirm(a, b, r);
        expect(r.witnesses.map((w) => `${w.a.outcome}/${w.b.outcome}`)).toEqual(['notify/decline']);
        const [first, carrier] = r.witnesses[0]!.case.convictions!;
        expect(carrier!.convictedOn! > first!.convictedOn!).toBe(true);
        expect(carrier!.incarceratedDays).toBeGreaterThan(0);
        expect(Boolean(carrier!.juvenile)).toBe(includeJuvenile);
      });
});
