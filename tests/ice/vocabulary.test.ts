// The vocabulary check of a case set: what the draft names that no case carries is a warning in the
// draft, with the set's own nearest tags as quick fixes.

import { describe, expect, it } from 'vitest';
import { applyQuickFix, caseTable, checkCaseSetVocabulary, loadOrdinance, prepareCase, type BookingCase } from '../../engine/index';

const DRAFT = `title: Test
jurisdiction: { name: Riverton, state: MA }
definitions:
  - term: serious offense
    meaning: a violent or sexual offense
    covers:
      - { categories: [violent, sex-offense] }
sections:
  - heading: Detainers
    provisions:
      - id: sexual
        when: { conviction: { categories: [sex-offense] } }
        outcome: hold
        maxHold: { hours: 48 }
      - id: degree
        when: { conviction: { classes: [felony], degrees: [1] } }
        outcome: hold
        maxHold: { hours: 48 }
      - id: infraction
        when: { charge: { classes: [infraction] } }
        outcome: notify
      - id: registry
        when: { record: sexOffenderRegistry }
        outcome: hold
        maxHold: { hours: 48 }
      - id: gang
        when: { record: gangDatabase }
        outcome: hold
        maxHold: { hours: 48 }
otherwise: decline
`;

function set(cases: BookingCase[]) {
  return caseTable(
    cases.map((c, i) => {
      const r = prepareCase(c, i);
      if (!r.ok) throw new Error(r.problems[0]!.message);
      return r.prepared;
    }),
  );
}

const base = { age: 30, bookedAt: '2024-01-01T10:00', eligibleForReleaseAt: '2024-01-02T10:00', detainer: { requests: ['hold' as const] } };

describe('the vocabulary check of a case set', () => {
  const table = set([
    {
      ...base,
      id: 'a',
      convictions: [{ class: 'felony', categories: ['sex', 'violent'], convictedOn: '2020-01-01' }],
      unknown: ['records.sexOffenderRegistry'],
    },
    {
      ...base,
      id: 'b',
      currentCharges: [{ class: 'misdemeanor', categories: ['sexual-assault'] }],
      unknown: ['records.sexOffenderRegistry'],
    },
    { ...base, id: 'c', records: { gangDatabase: false }, unknown: ['records.sexOffenderRegistry'] },
  ]);
  const o = loadOrdinance(DRAFT).ordinance!;
  const findings = checkCaseSetVocabulary(o, table);

  it('warns where the draft names a tag no case carries, with the set tags nearest it as fixes', () => {
    const sexual = findings.find((f) => f.path.join('.') === 'sections.0.provisions.0.when.conviction.categories.0')!;
    expect(sexual.message).toBe(
      `the draft holds or gives notice for 'sex-offense' (provision § 2(a)(1) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice]); no case in this set has that tag, so this test is never true on it; the set uses 'sex', 'sexual-assault'`,
    );
    expect(applyQuickFix(DRAFT, sexual.fixes[0]!)).toContain('conviction: { categories: [sex] }');
    const term = findings.find((f) => f.path.join('.') === 'definitions.0.covers.0.categories.1')!;
    expect(term.message).toMatch(/^the definition of "serious offense" covers 'sex-offense'/);
  });

  it('warns of classes, degrees and records the set never has, and of records it does not carry at all', () => {
    expect(findings.map((f) => [f.code, f.path.slice(-2).join('.')])).toEqual([
      ['case-set-lacks-category', 'categories.1'],
      ['case-set-lacks-category', 'categories.0'],
      ['case-set-lacks-degree', 'conviction.degrees'],
      ['case-set-lacks-class', 'classes.0'],
      ['case-set-lacks-record', 'when.record'],
      ['case-set-lacks-record', 'when.record'],
    ]);
    expect(findings[4]!.message).toMatch(
      /registered sex offender.*this set's records don't carry it: every decision that turns on it is open/,
    );
    expect(findings[5]!.message).toMatch(/listed in a gang database.*no case in this set has it/);
  });

  it('says what a provision does to its cases in the words the lint uses for the same outcome', () => {
    const infraction = findings.find((f) => f.path.join('.') === 'sections.0.provisions.2.when.charge.classes.0')!;
    expect(infraction.message).toMatch(/^the draft answers with notice of release only for infraction offenses \(provision § 2\(b\) /);
  });

  it('puts "an" before a class that begins with a vowel', () => {
    const infraction = findings.find((f) => f.path.join('.') === 'sections.0.provisions.2.when.charge.classes.0')!;
    expect(infraction.message).toMatch(/; no offense in this set is recorded as an infraction$/);
  });

  it('counts one case of a tag in the singular', () => {
    const sexual = findings.find((f) => f.path.join('.') === 'sections.0.provisions.0.when.conviction.categories.0')!;
    expect(sexual.fixes.map((f) => f.title)).toEqual(["Use the set's tag 'sex' (1 case)", "Use the set's tag 'sexual-assault' (1 case)"]);
  });

  it('says nothing of an empty set', () => {
    expect(checkCaseSetVocabulary(o, set([]))).toEqual([]);
  });

  it('warns when some offenses a degree test would cover have no degree recorded, counting the cases', () => {
    const graded = set([
      { ...base, id: 'graded', convictions: [{ class: 'felony', degree: 2, categories: ['violent'], convictedOn: '2020-01-01' }] },
      {
        ...base,
        id: 'ungraded',
        convictions: [
          { class: 'felony', categories: ['violent'], convictedOn: '2019-01-01' },
          { class: 'felony', convictedOn: '2018-01-01' },
        ],
      },
      // Not covered: a misdemeanor, and a charge (the provision tests convictions).
      { ...base, id: 'other', convictions: [{ class: 'misdemeanor', convictedOn: '2019-01-01' }], currentCharges: [{ class: 'felony' }] },
    ]);
    const draft = loadOrdinance(`title: Test
jurisdiction: { name: Riverton, state: PA }
definitions:
  - term: violent felony
    meaning: a violent felony of the first or second degree
    covers:
      - { classes: [felony], degrees: [1, 2], categories: [violent] }
sections:
  - heading: Detainers
    provisions:
      - id: graded
        when: { conviction: { classes: [felony], degrees: [1] } }
        outcome: hold
        maxHold: { hours: 48 }
      - id: violent
        when: { conviction: { term: violent felony } }
        outcome: hold
        maxHold: { hours: 48 }
otherwise: decline
`).ordinance!;
    const found = checkCaseSetVocabulary(draft, graded).filter((f) => f.code === 'case-set-offenses-without-degree');
    expect(found.map((f) => [f.path.join('.'), f.message])).toEqual([
      [
        'definitions.0.covers.0.degrees',
        'the definition of "violent felony" tests offense degrees (1, 2); in 1 case a violent felony conviction or charge it would otherwise cover has no degree recorded (1 offense in all): the test reads such an offense as having no degree and is never true for it. If the records leave degrees out, rather than the offenses having none, the decisions on those cases may be wrong',
      ],
      [
        'sections.0.provisions.0.when.conviction.degrees',
        'provision § 2(a)(1) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice] tests offense degrees (1); in 1 case a felony conviction it would otherwise cover has no degree recorded (2 offenses in all): the test reads such an offense as having no degree and is never true for it. If the records leave degrees out, rather than the offenses having none, the decisions on those cases may be wrong',
      ],
    ]);
    // Every covered offense graded: nothing to say.
    const allGraded = set([{ ...base, id: 'g', convictions: [{ class: 'felony', degree: 3, convictedOn: '2020-01-01' }] }]);
    expect(checkCaseSetVocabulary(draft, allGraded).filter((f) => f.code === 'case-set-offenses-without-degree')).toEqual([]);
  });

  it('warns when every case reads a yes/no fact the draft tests as an empty cell reads it, and when no case lists a warrant', () => {
    const draft = loadOrdinance(`title: Test
jurisdiction: { name: Riverton, state: CT }
sections:
  - heading: Detainers
    provisions:
      - id: judicial
        when: { judicialWarrant: true }
        outcome: hold
        maxHold: { hours: 48 }
      - id: bond
        when: { charge: { bondPosted: false } }
        outcome: hold
        maxHold: { hours: 48 }
      - id: wanted
        when: { warrant: { kind: criminal } }
        outcome: notify
otherwise: decline
`).ordinance!;
    // A jail export read without its warrant and bond columns: every cell empty.
    const blank = set([
      { ...base, id: 'a', currentCharges: [{ class: 'felony' }] },
      { ...base, id: 'b', currentCharges: [{ class: 'misdemeanor' }] },
    ]);
    expect(checkCaseSetVocabulary(draft, blank).map((f) => [f.code, f.path.slice(-2).join('.'), f.message])).toEqual([
      [
        'case-set-one-value',
        'when.judicialWarrant',
        'provision § 2(a)(1) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice] tests whether a judicial warrant supports the detainer; no case in this set has a judicial warrant (as an empty cell reads), so the test comes out the same on every case. If the records leave this fact out, the decisions that turn on it may be wrong',
      ],
      [
        'case-set-one-value',
        'charge.bondPosted',
        "provision § 2(a)(2) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice] tests whether a pending charge's bond was posted; no pending charge in this set has its bond posted (as an empty cell reads), so the test comes out the same on every charge. If the records leave this fact out, the decisions that turn on it may be wrong",
      ],
      [
        'case-set-lacks-warrant',
        'when.warrant',
        'provision § 2(b) [no heading; answers the civil immigration detainer with notice of release only] tests for an outstanding warrant; no case in this set lists one, so the test is never true on it. If the records leave warrants out, the decisions that turn on them may be wrong',
      ],
    ]);
    // One case with each: nothing to say.
    const given = set([
      {
        ...base,
        id: 'a',
        detainer: { requests: ['hold'], judicialWarrant: true },
        currentCharges: [{ class: 'felony', bondPosted: true }],
        warrants: [{ kind: 'criminal' }],
      },
      { ...base, id: 'b', currentCharges: [{ class: 'misdemeanor' }] },
    ]);
    expect(checkCaseSetVocabulary(draft, given)).toEqual([]);
    // Facts the records don't carry (unknown on every case) are open decisions, not one value: nothing to say.
    const unknown = set([
      { ...base, id: 'a', unknown: ['judicialWarrant', 'warrants'], currentCharges: [{ class: 'felony', unknown: ['bondPosted'] }] },
    ]);
    expect(checkCaseSetVocabulary(draft, unknown)).toEqual([]);
  });
});
