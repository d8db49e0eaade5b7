// The benchmark policy for json-rules-engine: rules with priorities over facts, the way a team would
// write it with that library. Facts that need date arithmetic are computed by fact functions.

import { Engine, type Almanac } from 'json-rules-engine';
import type { PreparedCase } from '../engine/prepared';
import { CLASS_BITS, categoryBit, RECORD_BITS } from '../engine/prepared';
import { yearsBeforeCivil } from '../engine/time';

const OUTCOME_CODE: Record<string, number> = { hold: 0, notify: 1, review: 2, decline: 3 };
const CLAMP = [3, 0, 1, 0, 3, 1, 1, 1, 3, 2, 2, 2, 3, 3, 3, 3];

export function makePeer(reimbursement: boolean): (c: PreparedCase) => Promise<number> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const rules: Array<[string, unknown, string]> = [
    ['no-minors', { all: [{ fact: 'age', operator: 'lessThan', value: 18 }] }, 'decline'],
    ['judicial-warrant', { all: [{ fact: 'judicialWarrant', operator: 'equal', value: true }] }, 'hold'],
    ['homicide', { all: [{ fact: 'homicideConvictions', operator: 'greaterThanInclusive', value: 1 }] }, 'hold'],
    ['violent-felony', { all: [{ fact: 'violentFelonyWithin10', operator: 'greaterThanInclusive', value: 1 }] }, 'hold'],
    ['repeat-dui', { all: [{ fact: 'trafficWithin5', operator: 'greaterThanInclusive', value: 2 }] }, 'notify'],
    ['pending-felony', { all: [{ fact: 'felonyChargeNoBond', operator: 'equal', value: true }] }, 'hold'],
    ['felony-warrant', { all: [{ fact: 'felonyWarrant', operator: 'equal', value: true }] }, 'hold'],
    [
      'gang-reimbursed',
      {
        all: [
          { fact: 'gangDatabase', operator: 'equal', value: true },
          { fact: 'reimbursementAgreement', operator: 'equal', value: true },
        ],
      },
      'hold',
    ],
    [
      'removal-order',
      {
        all: [
          { fact: 'finalRemovalOrder', operator: 'equal', value: true },
          { fact: 'adultConvictions', operator: 'greaterThanInclusive', value: 1 },
        ],
      },
      'notify',
    ],
    ['no-conviction', { all: [{ fact: 'adultConvictions', operator: 'equal', value: 0 }] }, 'decline'],
  ];
  rules.forEach(([name, conditions, outcome], i) =>
    engine.addRule({ name, priority: 100 - i, conditions: conditions as never, event: { type: 'decide', params: { index: i, outcome } } }),
  );
  // First match decides, as in the ordinance: stop at the first rule that succeeds (rules run in
  // priority order, one per priority level).
  engine.on('success', () => {
    engine.stop();
  });
  const HOMICIDE = categoryBit('homicide');
  const VIOLENT = categoryBit('violent');
  const TRAFFIC = categoryBit('serious-traffic');
  const adult = (c: PreparedCase) => c.convictions.filter((v) => !v.juvenile);
  const fact =
    <T>(f: (c: PreparedCase) => T) =>
    (_params: unknown, almanac: Almanac): Promise<T> =>
      almanac.factValue('case').then((x) => f(x as PreparedCase));
  engine.addFact(
    'age',
    fact((c) => c.age),
  );
  engine.addFact(
    'judicialWarrant',
    fact((c) => c.judicial),
  );
  engine.addFact(
    'homicideConvictions',
    fact((c) => adult(c).filter((v) => (v.cats & HOMICIDE) !== 0).length),
  );
  engine.addFact(
    'violentFelonyWithin10',
    fact((c) => {
      const start = yearsBeforeCivil(c.issuedY, c.issuedM, c.issuedD, 10);
      // The window ends on the request's date: a conviction after it does not count, nor does the time on one.
      const past = adult(c)
        .filter((v) => v.convicted > c.issuedDay)
        .reduce((n, v) => n + v.incarceratedDays, 0);
      // Time incarcerated left out: the conviction's own only when there was no release after it, and the later adult ones'.
      const added = (v: PreparedCase['convictions'][number]) =>
        (v.later === v.convicted ? v.incarceratedDays : 0) + v.incarceratedLater - past;
      return adult(c).filter(
        (v) => (v.cls & CLASS_BITS.felony) !== 0 && (v.cats & VIOLENT) !== 0 && v.convicted <= c.issuedDay && v.later >= start - added(v),
      ).length;
    }),
  );
  engine.addFact(
    'trafficWithin5',
    fact((c) => {
      const start = yearsBeforeCivil(c.issuedY, c.issuedM, c.issuedD, 5);
      return adult(c).filter((v) => (v.cats & TRAFFIC) !== 0 && v.convicted >= start && v.convicted <= c.issuedDay).length;
    }),
  );
  engine.addFact(
    'felonyChargeNoBond',
    fact((c) => c.charges.some((ch) => (ch.cls & CLASS_BITS.felony) !== 0 && !ch.bondPosted)),
  );
  engine.addFact(
    'felonyWarrant',
    fact((c) => c.warrants.some((w) => w.criminal && w.felony)),
  );
  engine.addFact(
    'gangDatabase',
    fact((c) => (c.records & RECORD_BITS.gangDatabase) !== 0),
  );
  engine.addFact(
    'finalRemovalOrder',
    fact((c) => (c.records & RECORD_BITS.finalRemovalOrder) !== 0),
  );
  engine.addFact(
    'adultConvictions',
    fact((c) => adult(c).length),
  );
  engine.addFact('reimbursementAgreement', reimbursement);

  return async (c) => {
    const { events } = await engine.run({ case: c });
    let index = rules.length;
    let outcome = OUTCOME_CODE.decline!;
    for (const e of events) {
      const p = e.params as { index: number; outcome: string };
      if (p.index < index) {
        index = p.index;
        outcome = OUTCOME_CODE[p.outcome]!;
      }
    }
    return (index << 2) | CLAMP[(outcome << 2) | (c.reqHold ? 1 : 0) | (c.reqNotify ? 2 : 0)]!;
  };
}
