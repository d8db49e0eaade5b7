// What an undecided case "turns on": only the facts whose value may change its outcome (or how long a
// hold may last). A fact the provisions read that may change only which provision decides the case is
// named apart, as such, in explain's words and the app's; the summary's facts leave it out.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseTable, compile, prepareCase, simulate, whichProvisionOnlySentence, type CompiledPolicy } from '../../engine/index';
import { validOrdinance } from './helpers';
import { row, table } from './two-holds';

const unsure = { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00' };

/** § 2(a)(1) holds a felon with both warrants, § 2(a)(2) anyone with an administrative warrant; otherwise decline. */
const bothWarrants = (secondHold: string) =>
  validOrdinance(`title: Turns on
jurisdiction: { name: Testville, state: NM }
sections:
  - heading: Detainers
    provisions:
      - id: felony-both-warrants
        when: { all: [ { conviction: { classes: [felony] } }, { judicialWarrant: true }, { administrativeWarrant: true } ] }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }
      - id: admin-warrant
        when: { administrativeWarrant: true }
        outcome: hold
        maxHold: ${secondHold}
otherwise: decline
`);

// A felon; neither warrant in the records. Held if there is an administrative warrant, declined if not;
// the judge's warrant decides only whether § 2(a)(1) or § 2(a)(2) holds.
const warrantsOpen = table([row('both-open', { detainer: unsure, unknown: ['judicialWarrant', 'administrativeWarrant'] })]);

describe('an undecided case turns on the facts that may change its outcome', () => {
  it('a fact that may change only which provision decides is not among them, and is named apart', () => {
    const d = compile(bothWarrants('{ hours: 48, excludingWeekendsAndHolidays: true }')).explain(warrantsOpen, 0);
    expect(d.undetermined).toEqual({
      possible: ['hold', 'decline'],
      dependsOn: ['administrativeWarrant'],
      whichProvisionOnly: ['judicialWarrant'],
    });
    expect(whichProvisionOnlySentence(d.undetermined!.whichProvisionOnly)).toBe(
      'Which provision decides it also turns on whether a judicial warrant supports the detainer, but that does not change the outcome or how long a hold may last.',
    );
  });

  it('a fact that changes how long the hold may last is one the case turns on', () => {
    // § 2(a)(2) holds 24 hours, § 2(a)(1) 48 not counting weekends: the judge's warrant changes the hold's end.
    const d = compile(bothWarrants('{ hours: 24 }')).explain(warrantsOpen, 0);
    expect(d.undetermined).toEqual({ possible: ['hold', 'decline'], dependsOn: ['judicialWarrant', 'administrativeWarrant'] });
    expect(whichProvisionOnlySentence(d.undetermined!.whichProvisionOnly)).toBe('');
  });

  it('facts of more than two values: a conviction date that decides only which of two holds applies', () => {
    // Notice for a misdemeanor conviction; a hold for a felony within ten years, or any other case.
    // The conviction's class and date are not in the records: the class decides notice or hold, the date only which provision holds.
    const p = compile(
      validOrdinance(`title: Turns on
jurisdiction: { name: Testville, state: NM }
sections:
  - heading: Detainers
    provisions:
      - id: misdemeanor
        when: { conviction: { classes: [misdemeanor] } }
        outcome: notify
      - id: recent-felony
        when: { conviction: { classes: [felony], within: { years: 10 } } }
        outcome: hold
        maxHold: { hours: 48 }
      - id: every-other
        outcome: hold
        maxHold: { hours: 48 }
otherwise: decline
`),
    );
    const t = table([
      row('class-and-date', {
        unknown: [],
        detainer: unsure,
        convictions: [{ offense: 'assault', unknown: ['class', 'convictedOn'], categories: ['violent'] }],
      }),
    ]);
    const d = p.explain(t, 0);
    expect(d.undetermined).toEqual({
      possible: ['hold', 'notify'],
      dependsOn: ['convictions.class'],
      whichProvisionOnly: ['convictions.convictedOn'],
    });
    // The summary's "what leaves them open" counts only the class.
    expect(simulate(p, t).summary.unknowns!.facts.map((f) => f.fact)).toEqual(['convictions.class']);
  });

  it('the summary counts a fact only where it may change the outcome', () => {
    const s = simulate(compile(bothWarrants('{ hours: 48, excludingWeekendsAndHolidays: true }')), warrantsOpen).summary;
    expect(s.unknowns!.facts.map((f) => f.fact)).toEqual(['administrativeWarrant']);
  });
});

// Checked against every way the records could be completed: a fact said to change only which
// provision decides never changes the outcome or the hold's limit, and every fact that does is among
// those the case turns on.
const FACTS = ['judicialWarrant', 'administrativeWarrant', 'records.gangDatabase', 'requests'] as const;
type Fact = (typeof FACTS)[number];
const LEAVES = [
  '{ judicialWarrant: true }',
  '{ administrativeWarrant: true }',
  '{ record: gangDatabase }',
  '{ requested: hold }',
  '{ conviction: { classes: [felony] } }',
];
const condition: fc.Arbitrary<string> = fc.letrec<{ c: string }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...LEAVES),
    fc.array(tie('c'), { minLength: 2, maxLength: 3 }).map((xs) => `{ all: [ ${xs.join(', ')} ] }`),
    fc.array(tie('c'), { minLength: 2, maxLength: 3 }).map((xs) => `{ any: [ ${xs.join(', ')} ] }`),
    tie('c').map((x) => `{ not: ${x} }`),
  ),
})).c;
const provision = fc.record({
  when: condition,
  outcome: fc.constantFrom('hold', 'notify', 'decline'),
  hours: fc.constantFrom('{ hours: 48 }', '{ hours: 24 }', '{ hours: 48, excludingWeekendsAndHolidays: true }'),
});
const policyText = (ps: Array<{ when: string; outcome: string; hours: string }>, otherwise: string) => `title: Random
jurisdiction: { name: Testville, state: NM }
sections:
  - heading: Detainers
    provisions:
${ps.map((p, k) => `      - id: p${k}\n        when: ${p.when}\n        outcome: ${p.outcome}${p.outcome === 'hold' ? `\n        maxHold: ${p.hours}` : ''}`).join('\n')}
otherwise: ${otherwise}
`;

type Values = Record<Fact, number>;
const REQUESTS = [['hold'], ['notify'], ['hold', 'notify']];

function caseOf(v: Values, unknown: readonly Fact[], felony: boolean): Record<string, unknown> {
  const known = (f: Fact) => !unknown.includes(f);
  return {
    id: 'c',
    age: 40,
    bookedAt: '2024-03-01T09:00',
    eligibleForReleaseAt: '2024-03-02T10:00',
    detainer: {
      requests: known('requests') ? REQUESTS[v.requests] : [],
      issuedAt: '2024-03-01T12:00',
      ...(known('judicialWarrant') ? { judicialWarrant: v.judicialWarrant === 1 } : {}),
      ...(known('administrativeWarrant') ? { administrativeWarrant: v.administrativeWarrant === 1 } : {}),
    },
    ...(known('records.gangDatabase') ? { records: { gangDatabase: v['records.gangDatabase'] === 1 } } : {}),
    convictions: felony ? [{ offense: 'burglary', class: 'felony', convictedOn: '2018-02-01' }] : [],
    unknown: [...unknown],
  };
}

function tableOfOne(c: Record<string, unknown>) {
  const r = prepareCase(c as never, 0);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return caseTable([r.prepared]);
}

/** The outcome and (for a hold) its limit on a case whose every fact is known. */
function settled(p: CompiledPolicy, v: Values, felony: boolean): string {
  const t = tableOfOne(caseOf(v, [], felony));
  const code = p.bind(t).decide(0);
  if ((code & 3) !== 0) return String(code & 3);
  const h = p.holdLimitOf(code >> 2, t, 0);
  return `hold ${h.hours} ${h.excludingWeekendsAndHolidays === true}`;
}

describe('what a case turns on, against every completion of its records', () => {
  it('never leaves out a fact that changes the outcome or the hold, nor calls one "which provision only"', () => {
    fc.assert(
      fc.property(
        fc.array(provision, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('hold', 'notify', 'decline'),
        fc.subarray([...FACTS], { minLength: 1 }),
        fc.record({
          judicialWarrant: fc.integer({ min: 0, max: 1 }),
          administrativeWarrant: fc.integer({ min: 0, max: 1 }),
          'records.gangDatabase': fc.integer({ min: 0, max: 1 }),
          requests: fc.integer({ min: 0, max: 2 }),
        }),
        fc.boolean(),
        (ps, otherwise, unknown, given, felony) => {
          const p = compile(validOrdinance(policyText(ps, otherwise)));
          const d = p.explain(tableOfOne(caseOf(given, unknown, felony)), 0);
          // Every completion of the unknown facts, the known ones as given.
          const completions: Values[] = [{ ...given }];
          for (const f of unknown) {
            const n = f === 'requests' ? 3 : 2;
            for (const c of completions.splice(0)) for (let x = 0; x < n; x++) completions.push({ ...c, [f]: x });
          }
          const results = new Map(completions.map((c) => [JSON.stringify(c), settled(p, c, felony)]));
          const changes = (f: Fact) =>
            completions.some((c) => {
              const n = f === 'requests' ? 3 : 2;
              for (let x = 0; x < n; x++) if (results.get(JSON.stringify({ ...c, [f]: x })) !== results.get(JSON.stringify(c))) return true;
              return false;
            });
          const open = new Set(results.values()).size > 1;
          // Every completion decides it alike. The engine, reading each test on its own, may still call it
          // undecided where tests read one fact twice ("jw or not jw"): no fact changes the outcome, so
          // whatever it names as changing only the provision is so.
          if (!open) return;
          const outcomes = new Set([...results.values()].map((r) => r.split(' ')[0]));
          if (outcomes.size === 1) return; // the outcome is settled; the hold's end is explain's hold-limit line, not "turns on"
          expect(d.undetermined).toBeDefined();
          const turnsOn = d.undetermined!.dependsOn;
          const whichOnly = d.undetermined!.whichProvisionOnly ?? [];
          for (const f of unknown) if (changes(f)) expect(turnsOn, `${f} changes the outcome`).toContain(f);
          for (const f of whichOnly) expect(changes(f as Fact), `${f} is said to change only the provision`).toBe(false);
        },
      ),
      { numRuns: 300, seed: 2026 },
    );
  }, 120_000);
});
