// A settled case more than one provision may decide (the records leave open whether the first applies;
// a later one surely does, with the same outcome) is never credited to the first alone: not in the
// changed cases of a comparison, their words in the impact report and redline, the app's groups of
// why decisions differ, nor where explain says how long its hold lasts. And a hold for as long as
// the detainer asks, with no release time, is counted by the simulation as explain says it lasts.

import { describe, expect, it } from 'vitest';
import { baselineFor, changedDecisionGroups, compile, explainCase, simulate, simulateDraft, type Ordinance } from '../../engine/index';
import { changedCaseWords, changedCasesHtml, decisionDelta } from '../../engine/export/decision-delta';
import { renderRedlineDocx } from '../../engine/export/index';
import { docxParagraphs } from '../export/helpers';
import { validOrdinance } from './helpers';
import { DECLINE_ALL_TEXT, row, table, twoHoldsText } from './two-holds';

const policy = (secondHold: string) => twoHoldsText(secondHold);
const differentHolds = validOrdinance(policy('{ hours: 24 }'));
const sameHolds = validOrdinance(policy('{ hours: 48, excludingWeekendsAndHolidays: true }'));
const declineAll = validOrdinance(DECLINE_ALL_TEXT);

// open-first: whether § 2(a) or § 2(b) decides its hold is not in the records. warrant-known: § 2(a) surely does.
const t = table([
  row('open-first'),
  row('warrant-known', { unknown: [], detainer: { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00', judicialWarrant: true } }),
]);
const ONE_OF = [
  { provision: 'felony-and-warrant', citation: '§ 2(a)' },
  { provision: 'admin-warrant', citation: '§ 2(b)' },
];

describe('changed cases: a settled case more than one provision may decide', () => {
  const r = simulate(compile(differentHolds), t, {
    compare: { policy: compile(declineAll), title: 'decline all', fingerprint: 'sha256:decline' },
  });
  const c = r.comparison!;

  it('names each provision that may decide it, on the side where the records leave that open', () => {
    expect(c.cases.map((x) => x.id)).toEqual(['open-first', 'warrant-known']);
    const [open, known] = c.cases;
    expect(open!.policy.outcome).toBe('hold');
    expect(open!.policy.decidedByOneOf).toEqual(ONE_OF);
    expect(open!.other.decidedByOneOf).toBeUndefined();
    // One provision surely decides the other case: named alone, as before.
    expect(known!.policy.decidedByOneOf).toBeUndefined();
    expect(known!.policy.citation).toBe('§ 2(a)');
    // The same on the compared side when the draft is the other way round.
    const back = simulate(compile(declineAll), t, { compare: { policy: compile(differentHolds), title: 'two holds' } }).comparison!;
    expect(back.cases[0]!.other.decidedByOneOf).toEqual(ONE_OF);
    expect(back.cases[0]!.policy.decidedByOneOf).toBeUndefined();
  });

  it('the impact report and redline words say it under each, in explain’s words, never under the first alone', () => {
    const [open, known] = c.cases;
    expect(changedCaseWords(open!, 'policy')).toBe('hold, under § 2(a) or, if it does not apply, § 2(b)');
    expect(changedCaseWords(known!, 'policy')).toBe('hold (§ 2(a))');
    const html = changedCasesHtml(decisionDelta(c, t.length), 'Other draft', 'This policy');
    expect(html).toContain('hold, under § 2(a) or, if it does not apply, § 2(b)');
    expect(html.match(/\(§ 2\(a\)\)</g)).toHaveLength(1);
  });

  it('the app’s groups of why decisions differ keep it apart from the cases the first provision surely decides', () => {
    const sim = simulateDraft({
      ordinance: differentHolds,
      cases: t,
      compare: { kind: 'draft', ordinance: declineAll, title: 'decline all', fingerprint: 'sha256:decline' },
    });
    const mine = { possible: sim.sides.policy.possible!, dependsOn: sim.sides.policy.dependsOn!, oneOf: sim.sides.policy.oneOf! };
    const groups = changedDecisionGroups(sim.result.codes, sim.result.otherCodes!, mine, {});
    expect(groups).toHaveLength(2);
    const oneOf = groups.find((g) => g.deciders)!;
    expect(oneOf.deciders).toEqual([0, 1]);
    expect(oneOf.count).toBe(1);
    expect(oneOf.example).toBe(0);
    const alone = groups.find((g) => !g.deciders)!;
    expect(alone.provision).toBe(0);
    expect(alone.example).toBe(1);
  });
});

describe('explain: how long a hold more than one provision may decide lasts', () => {
  const release = table([
    row('open-first'),
    { ...row('release-unknown', { unknown: ['judicialWarrant', 'eligibleForReleaseAt'] }), eligibleForReleaseAt: undefined },
  ]);

  it('says the limit under each provision that may decide it, not the first’s heading', () => {
    for (const o of [sameHolds, differentHolds]) {
      const p = compile(o);
      const d = p.explain(release, 1);
      const limit = d.reasons.find((x) => x.condition.startsWith('the hold lasts'))!;
      expect(limit.decidedByOneOf).toEqual([
        { provision: 'felony-and-warrant', citation: p.citationOf(0) },
        { provision: 'admin-warrant', citation: p.citationOf(1) },
      ]);
    }
    // One provision surely deciding: its own reason, as before.
    const known = table([{ ...row('k', { unknown: ['eligibleForReleaseAt'] }), eligibleForReleaseAt: undefined }]);
    const alone = compile(differentHolds).explain(known, 0);
    const limit = alone.reasons.find((x) => x.condition.startsWith('the hold lasts'))!;
    expect(limit.decidedByOneOf).toBeUndefined();
    expect(limit.facts[0]).toContain('the simulation counts it as 24 hours, the least it can last');
  });

  it('with no release time and limits that differ: the shortest, as the simulation counts it, and the latest', () => {
    const d = compile(differentHolds).explain(release, 1);
    const limit = d.reasons.find((x) => x.condition.startsWith('the hold lasts'))!;
    expect(limit.facts[0]).toBe(
      "release time: not in the records, so the hold's end is not known; the simulation counts it as 24 hours, the soonest it can end (the shortest of these limits), and it ends no later than 48 hours, not counting weekends and holidays, from release",
    );
    // What the simulation counts for it: 24 hours (and 24, the sooner end, for open-first).
    const s = simulate(compile(differentHolds), release).summary;
    expect(s.unknowns!.holdHoursAtLeast).toBe(48);
  });

  it('from a known release under limits that end apart: the soonest and latest ends, and the hours counted', () => {
    const d = compile(differentHolds).explain(release, 0);
    const limit = d.reasons.find((x) => x.condition.startsWith('the hold lasts'))!;
    expect(limit.decidedByOneOf).toEqual(ONE_OF);
    expect(limit.facts[0]).toContain(
      'so the hold ends at the soonest at 2024-03-03T10:00 and at the latest at 2024-03-06T00:00: its end is not known, and the simulation counts it to the soonest end (24 hours)',
    );
  });
});

describe('a hold as long as the detainer asks, with no release time', () => {
  // The honor-all baseline holds as each detainer's form asks: the I-247A (2017 on) 48 hours, weekends counted.
  const noRelease = table([
    { ...row('as-asked', { unknown: ['eligibleForReleaseAt'] }), eligibleForReleaseAt: undefined, convictions: [] },
  ]);

  it('explain says the hours the simulation counts', () => {
    const sim = simulateDraft({ ordinance: declineAll, cases: noRelease, compare: { kind: 'baseline' } });
    const other = explainCase({ ordinance: declineAll, compare: { kind: 'baseline' }, cases: noRelease, index: 0 }).other!;
    expect(other.outcome).toBe('hold');
    const limit = other.reasons.find((x) => x.condition.startsWith('the hold lasts'))!;
    expect(limit.condition).toBe('the hold lasts up to 48 hours from release');
    expect(limit.facts[0]).toContain('the simulation counts it as 48 hours, the least it can last');
    expect(sim.result.comparison!.otherSummary.unknowns!.holdHoursAtLeast).toBe(48);
  });

  it('counts the form’s hours, not the cap the words give, where the two differ', () => {
    // The baseline's provisions with a cap of 72 hours for words: the form still asks for 48.
    const base = baselineFor(undefined).ordinance;
    const capped: Ordinance = {
      ...base,
      sections: base.sections.map((s) => ({
        ...s,
        provisions: (s.provisions ?? []).map((p) => (p.maxHold?.asRequested ? { ...p, maxHold: { ...p.maxHold, hours: 72 } } : p)),
      })),
    };
    const p = compile(capped);
    const limit = p.explain(noRelease, 0).reasons.find((x) => x.condition.startsWith('the hold lasts'))!;
    expect(limit.condition).toBe('the hold lasts up to 48 hours from release');
    expect(simulate(p, noRelease).summary.unknowns!.holdHoursAtLeast).toBe(48);
  });
});

describe('the redline’s changed cases in Word', () => {
  it('say each side as the HTML does: under each provision that may decide it, and an open decision as undecided', async () => {
    // undecided: neither warrant is in the records, so the two-holds draft may hold or decline.
    const open = table([
      row('open-first'),
      row('undecided', {
        unknown: ['judicialWarrant', 'administrativeWarrant'],
        detainer: { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00' },
      }),
    ]);
    const before = { ...declineAll, title: 'Two holds', version: '1' };
    const after = { ...differentHolds, version: '2' };
    const lines = docxParagraphs(await renderRedlineDocx(before, after, { cases: open, casesLabel: 'two cases' }));
    expect(lines).toContain(
      'hold, under § 2(a) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice] or, if it does not apply, § 2(b) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice]',
    );
    // The open one names each outcome it could have with the provisions that would give it, none as its decider.
    expect(lines).toContain(
      'undecided on these records: hold under § 2(a) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice] or § 2(b) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice], or decline under § 2(c) Otherwise',
    );
    expect(lines).not.toContain('undecided (§ 2(a))');
    expect(lines.filter((l) => l.startsWith('review ('))).toEqual([]);
    expect(lines).not.toContain('hold (§ 2(a))');
  });
});

describe('hold hours by provision', () => {
  it('credit a settled hold more than one provision may decide to none of them', () => {
    // open-first: § 2(a) or § 2(b) holds it, 48 hours leaving out weekends either way; warrant-known: § 2(a) surely does.
    const r = simulate(compile(sameHolds), t);
    const total = r.summary.holdHours;
    expect(r.holdHoursOneOf).toBeGreaterThan(0);
    // Both cases are released at the same time, on the same limit: one hold's hours each.
    expect(r.holdHoursOneOf).toBe(total / 2);
    expect(r.holdHoursByProvision).toEqual([total / 2, 0, 0]);
    // The app's simulation gets it from the engine's use case, both sides.
    const sim = simulateDraft({
      ordinance: sameHolds,
      cases: t,
      compare: { kind: 'draft', ordinance: sameHolds, title: 'same', fingerprint: 'same' },
    });
    expect(sim.sides.policy.holdHoursOneOf).toBe(total / 2);
    expect(sim.sides.other!.holdHoursOneOf).toBe(total / 2);
  });
});

describe('explain: the request’s limit on a settled outcome more than one provision may decide', () => {
  // Only notice is asked for: whichever of § 2(a) and § 2(b) decides, the hold it allows comes to notice.
  const notice = { requests: ['notify'], issuedAt: '2024-03-01T12:00', administrativeWarrant: true };
  const limited = table([
    row('notice-only', { detainer: notice }),
    row('notice-settled', { unknown: [], detainer: { ...notice, judicialWarrant: true } }),
  ]);
  const line = (d: ReturnType<ReturnType<typeof compile>['explain']>) =>
    d.reasons.find((r) => r.condition.includes('may not exceed what ICE requested'));

  it('is said under each provision that may decide it, not under the first alone', () => {
    const d = compile(differentHolds).explain(limited, 0);
    expect(d.outcome).toBe('notify');
    expect(d.decidedByOneOf).toEqual(ONE_OF);
    const r = line(d)!;
    expect(r.condition).toBe('the policy allows "hold", but the outcome may not exceed what ICE requested');
    expect(r.decidedByOneOf).toEqual(ONE_OF);
    expect(r.facts).toEqual(['ICE requested: notify']);
  });

  it('names what each allows where they allow different outcomes', () => {
    // § 2(a) gives notice, § 2(b) a hold: notice either way, limited by the request only under § 2(b).
    const mixed = validOrdinance(
      policy('{ hours: 24 }').replace(
        'outcome: hold\n        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }',
        'outcome: notify',
      ),
    );
    const r = line(compile(mixed).explain(limited, 0))!;
    expect(r.condition).toBe(
      'the policy allows "notify" under § 2(a), or "hold" under § 2(b), and the outcome may not exceed what ICE requested',
    );
    expect(r.decidedByOneOf).toEqual(ONE_OF);
  });

  it('a case one provision surely decides keeps its line under that provision', () => {
    const r = line(compile(differentHolds).explain(limited, 1))!;
    expect(r).toEqual({
      provision: 'felony-and-warrant',
      citation: '§ 2(a)',
      condition: 'the policy allows "hold", but the outcome may not exceed what ICE requested',
      value: true,
      facts: ['ICE requested: notify'],
      depth: 0,
    });
  });
});
