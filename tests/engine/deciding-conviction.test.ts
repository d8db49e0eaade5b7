// The conviction that decided a case: the one that satisfied the conviction test of the deciding
// provision, which need not be the case's most serious conviction (an earlier larceny does not
// decide a provision on violent felonies; a violent felony outside the look-back window does not
// count), and none when the provision read no conviction (a warrant, the otherwise clause).

import { describe, expect, it } from 'vitest';
import {
  caseTable,
  compile,
  decidingConvictions,
  prepareCase,
  settledDecidingConvictions,
  simulateDraft,
  simulationJson,
} from '../../engine/index';
import { validOrdinance } from './helpers';

const policy = `title: Deciding conviction test
jurisdiction: { name: Testville, state: NM }
effectiveDate: 2024-01-01
sections:
  - heading: Detainers
    provisions:
      - id: minors
        when: { age: { under: 18 } }
        outcome: decline
      - id: warrant
        when: { judicialWarrant: true }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: false }
      - id: recent-violent
        when:
          conviction: { classes: [felony], categories: [violent], within: { years: 10, of: request } }
        outcome: notify
      - id: no-felony
        when: { not: { conviction: { classes: [felony] } } }
        outcome: decline
      - id: two-felonies
        when: { conviction: { classes: [felony], atLeast: 2 } }
        outcome: notify
otherwise: decline
`;

type Conviction = Record<string, unknown>;
const larceny: Conviction = { offense: 'larceny', class: 'misdemeanor', categories: ['property'], convictedOn: '2021-05-01' };
const rape: Conviction = { offense: 'rape', class: 'felony', degree: 1, categories: ['violent', 'sex'], convictedOn: '2018-02-01' };
const oldMurder: Conviction = { offense: 'murder', class: 'felony', degree: 1, categories: ['violent'], convictedOn: '2005-06-01' };
const assault: Conviction = { offense: 'assault', class: 'felony', degree: 3, categories: ['violent'], convictedOn: '2019-09-01' };
const fraud: Conviction = { offense: 'fraud', class: 'felony', degree: 3, categories: ['financial'], convictedOn: '2010-01-01' };
const theft: Conviction = { offense: 'theft', class: 'felony', degree: 4, categories: ['property'], convictedOn: '2012-01-01' };

function bookingCase(id: string, convictions: Conviction[], extra: Record<string, unknown> = {}) {
  return {
    id,
    age: 45,
    bookedAt: '2024-03-01T09:00',
    eligibleForReleaseAt: '2024-03-02T10:00',
    detainer: { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00', judicialWarrant: false, administrativeWarrant: true },
    convictions,
    ...extra,
  };
}

const cases = [
  bookingCase('larceny-then-rape', [larceny, rape]),
  bookingCase('old-murder-recent-assault', [oldMurder, assault]),
  bookingCase('warrant', [rape], { detainer: { requests: ['hold'], issuedAt: '2024-03-01T12:00', judicialWarrant: true } }),
  bookingCase('no-felony', [larceny]),
  bookingCase('two-felonies', [fraud, larceny, theft]),
  bookingCase('old-murder-only', [oldMurder]),
  // Convicted of robbery on the current charge after the request (2024-03-01): outside the window, which ends on that date.
  bookingCase(
    'assault-then-robbery-after-request',
    [assault, { offense: 'robbery', class: 'felony', degree: 1, categories: ['violent'], convictedOn: '2024-03-10', current: true }],
    { eligibleForReleaseAt: '2024-04-01T10:00' },
  ),
];

function table() {
  return caseTable(
    cases.map((c, i) => {
      const r = prepareCase(c, i);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.prepared;
    }),
  );
}

describe('decidingConvictions', () => {
  const compiled = compile(validOrdinance(policy));
  const t = table();
  const all = decidingConvictions(
    compiled,
    t,
    cases.map((_, i) => i),
  );
  const byId = Object.fromEntries(cases.map((c, i) => [c.id, all[i]!]));

  it('larceny then rape: the rape decided, not the first conviction on record', () => {
    const d = byId['larceny-then-rape']!;
    expect(d).toMatchObject({ provision: 'recent-violent', citation: '§ 2(c)', readsConvictions: true });
    expect(d.convictions).toEqual([
      {
        position: 1,
        offense: 'rape',
        class: 'felony',
        degree: 1,
        convictedOn: '2018-02-01',
        description: 'rape (1st-degree felony; violent, sex)',
      },
    ]);
  });

  it('a violent felony outside the look-back window does not decide; the recent one, though less serious, does', () => {
    const d = byId['old-murder-recent-assault']!;
    expect(d.provision).toBe('recent-violent');
    expect(d.convictions.map((c) => [c.offense, c.position])).toEqual([['assault', 1]]);
  });

  it('a conviction after the window ends (the request date) does not decide, though more serious', () => {
    const d = byId['assault-then-robbery-after-request']!;
    expect(d.provision).toBe('recent-violent');
    expect(d.convictions.map((c) => c.offense)).toEqual(['assault']);
  });

  it('a warrant decides with no conviction, though the case has one', () => {
    expect(byId['warrant']).toEqual({ provision: 'warrant', citation: '§ 2(b)', readsConvictions: false, convictions: [] });
  });

  it('a negated conviction test reads convictions but none satisfied it', () => {
    expect(byId['no-felony']).toEqual({ provision: 'no-felony', citation: '§ 2(d)', readsConvictions: true, convictions: [] });
  });

  it('a test of two or more: every conviction that counted, most serious first', () => {
    const d = byId['two-felonies']!;
    expect(d.provision).toBe('two-felonies');
    expect(d.convictions.map((c) => c.offense)).toEqual(['fraud', 'theft']);
  });

  it('the otherwise clause decides with none', () => {
    // The old murder is outside the window and no other provision applies... except two-felonies, which needs two.
    expect(byId['old-murder-only']).toEqual({ provision: 'default', citation: '§ 2(f)', readsConvictions: false, convictions: [] });
  });

  it('agrees with the explanation, and with codes a simulation made', () => {
    const explained = compiled.explain(t, 0);
    expect(explained.provision).toBe('recent-violent');
    expect(explained.reasons.find((r) => r.provision === 'recent-violent')!.facts).toContain(
      'rape (1st-degree felony; violent, sex), convicted 2018-02-01: counts',
    );
    const codes = new Int32Array(cases.length);
    const bound = compiled.bind(t);
    for (let i = 0; i < cases.length; i++) codes[i] = bound.decide(i);
    expect(
      decidingConvictions(
        compiled,
        t,
        cases.map((_, i) => i),
        codes,
      ),
    ).toEqual(all);
  });

  it('on records that leave a conviction open, only the convictions that surely count', () => {
    // The robbery's date is not in the records: it may or may not fall in the window.
    const open = { offense: 'robbery', class: 'felony', categories: ['violent'], unknown: ['convictedOn'] };
    const prepared = prepareCase(bookingCase('open', [open, assault]), 0);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const set = { table: caseTable([prepared.prepared]) };
    expect(set.table.hasUnknown).toBe(true);
    const d = decidingConvictions(compiled, set.table, [0])[0]!;
    expect(d.provision).toBe('recent-violent');
    expect(d.convictions.map((c) => c.offense)).toEqual(['assault']);
  });
});

describe('simulate --json names the deciding convictions', () => {
  // The robbery's date is not in the records: alone, it leaves the decision open (notify or decline).
  const openRobbery = { offense: 'robbery', class: 'felony', categories: ['violent'], unknown: ['convictedOn'] };
  const all = [...cases, bookingCase('open-robbery', [openRobbery])];
  const t = caseTable(
    all.map((c, i) => {
      const r = prepareCase(c, i);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.prepared;
    }),
  );
  const ordinance = validOrdinance(policy);
  const sim = simulateDraft({ ordinance, cases: t, compare: { kind: 'baseline' } });
  const json = JSON.parse(
    [...simulationJson(sim, { policy: { title: 't', fingerprint: 'sha256:x' }, cases: { total: t.length } })].join(''),
  );
  const byId = Object.fromEntries(json.decisions.map((d: { id: string }) => [d.id, d]));

  it('on each decision a conviction decided, as explain gives them', () => {
    const explained = decidingConvictions(
      compile(ordinance),
      t,
      all.map((_, i) => i),
    );
    expect(byId['larceny-then-rape'].decidingConvictions).toEqual(explained[0]!.convictions);
    expect(byId['larceny-then-rape'].decidingConvictions.map((c: { offense: string }) => c.offense)).toEqual(['rape']);
    expect(byId['old-murder-recent-assault'].decidingConvictions.map((c: { offense: string }) => c.offense)).toEqual(['assault']);
    expect(byId['two-felonies'].decidingConvictions.map((c: { offense: string }) => c.offense)).toEqual(['fraud', 'theft']);
  });

  it('none where no conviction decided (a warrant, a negated test, the otherwise clause), nor on an undecided case', () => {
    for (const id of ['warrant', 'no-felony', 'old-murder-only']) expect(byId[id]).not.toHaveProperty('decidingConvictions');
    expect(byId['open-robbery'].undetermined).toBeDefined();
    expect(byId['open-robbery']).not.toHaveProperty('decidingConvictions');
  });

  it('none on a case the records leave open, though a conviction meets the test it may be decided by', () => {
    const both = validOrdinance(
      `title: Felony with a judge's warrant\njurisdiction: { name: Testville, state: NM }\nsections:\n  - heading: D\n    provisions:\n      - id: felony-and-warrant\n        when: { all: [ { conviction: { classes: [felony] } }, { judicialWarrant: true } ] }\n        outcome: hold\n        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }\notherwise: decline\n`,
    );
    const r = prepareCase(
      {
        ...bookingCase('warrant-unknown', [rape]),
        detainer: { requests: ['hold'], issuedAt: '2024-03-01T12:00' },
        unknown: ['judicialWarrant'],
      },
      0,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const one = caseTable([r.prepared]);
    const s = simulateDraft({ ordinance: both, cases: one });
    const [d] = JSON.parse(
      [...simulationJson(s, { policy: { title: 't', fingerprint: 'sha256:x' }, cases: { total: 1 } })].join(''),
    ).decisions;
    expect(d.undetermined).toBeDefined();
    // A conviction meets the test of the provision that may decide it, which simulate --json does not claim decided it.
    expect(decidingConvictions(s.policy, one, [0])[0]!.convictions.map((c) => c.offense)).toEqual(['rape']);
    expect(d).not.toHaveProperty('decidingConvictions');
    // The settled reading (simulate --json's, explain's and the app's cases table's) names none and says why.
    expect(settledDecidingConvictions(s.policy, one, [0])).toEqual([
      {
        provision: 'felony-and-warrant',
        citation: expect.any(String),
        readsConvictions: true,
        convictions: [],
        undetermined: true,
        undecided: [
          { outcome: 'hold', under: [{ provision: 'felony-and-warrant', citation: '§ 2(a)' }] },
          { outcome: 'decline', under: [{ provision: 'default', citation: '§ 2(b)' }] },
        ],
      },
    ]);
  });

  it('the settled reading is decidingConvictions wherever the records settle the decision, and none where they do not', () => {
    const policy = compile(ordinance);
    const indexes = all.map((_, i) => i);
    const settled = settledDecidingConvictions(policy, t, indexes);
    const raw = decidingConvictions(policy, t, indexes);
    json.decisions.forEach((d: { id: string; undetermined?: unknown; decidingConvictions?: unknown }, i: number) => {
      if (d.undetermined)
        expect(settled[i]).toEqual({ ...raw[i], convictions: [], undetermined: true, undecided: (d as { undecided?: unknown }).undecided });
      else expect(settled[i]).toEqual(raw[i]);
      // simulate --json names exactly what the settled reading names.
      expect(d.decidingConvictions ?? []).toEqual(settled[i]!.convictions);
    });
    expect(settled.filter((d) => d.undetermined).length).toBe(1);
    // On a table whose records leave nothing open, it is decidingConvictions itself.
    expect(settledDecidingConvictions(policy, table(), [0, 1, 2])).toEqual(decidingConvictions(policy, table(), [0, 1, 2]));
  });
});
