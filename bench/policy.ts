// The 10-provision benchmark policy, written three ways: as an ordinance for the engine, as rules for
// json-rules-engine (the peer), and as a hand-written function (the practical limit).

import type { Ordinance } from '../engine/index';
import { C_JUVENILE, F_JUDICIAL, H_BOND_POSTED, W_CRIMINAL, W_FELONY, type CaseTable } from '../engine/case-table';
import { CLASS_BITS, categoryBit, RECORD_BITS } from '../engine/prepared';
import { yearsBeforeCivil } from '../engine/time';

const HOLD = { hours: 48, excludingWeekendsAndHolidays: true };

export const BENCH_ORDINANCE: Ordinance = {
  title: 'Benchmark ordinance (10 provisions)',
  jurisdiction: { name: 'Bench County', state: 'IL' },
  definitions: [
    { term: 'homicide', meaning: 'murder or manslaughter', covers: [{ categories: ['homicide'] }] },
    { term: 'violent felony', meaning: 'a felony involving violence', covers: [{ classes: ['felony'], categories: ['violent'] }] },
    { term: 'serious traffic offense', meaning: 'DUI and the like', covers: [{ categories: ['serious-traffic'] }] },
  ],
  sections: [
    {
      heading: 'Civil immigration detainers',
      provisions: [
        { id: 'no-minors', when: { age: { under: 18 } }, outcome: 'decline' },
        { id: 'judicial-warrant', when: { judicialWarrant: true }, outcome: 'hold', maxHold: HOLD },
        { id: 'homicide', when: { conviction: { term: 'homicide' } }, outcome: 'hold', maxHold: HOLD },
        {
          id: 'violent-felony',
          when: {
            conviction: {
              term: 'violent felony',
              within: { years: 10, measuredFrom: 'later-of-conviction-and-release', excludeTimeIncarcerated: true },
            },
          },
          outcome: 'hold',
          maxHold: HOLD,
        },
        {
          id: 'repeat-dui',
          when: { conviction: { term: 'serious traffic offense', atLeast: 2, within: { years: 5 } } },
          outcome: 'notify',
        },
        { id: 'pending-felony', when: { charge: { classes: ['felony'], bondPosted: false } }, outcome: 'hold', maxHold: HOLD },
        { id: 'felony-warrant', when: { warrant: { kind: 'criminal', felony: true } }, outcome: 'hold', maxHold: HOLD },
        {
          id: 'gang-reimbursed',
          when: { all: [{ record: 'gangDatabase' }, { reimbursementAgreement: true }] },
          outcome: 'hold',
          maxHold: HOLD,
        },
        { id: 'removal-order', when: { all: [{ record: 'finalRemovalOrder' }, { conviction: {} }] }, outcome: 'notify' },
        { id: 'no-conviction', when: { not: { conviction: {} } }, outcome: 'decline' },
      ],
    },
  ],
  otherwise: 'decline',
};

/** Outcome codes as the engine numbers them. */
const HOLD_C = 0;
const NOTIFY_C = 1;
const DECLINE_C = 3;
const CLAMP = [3, 0, 1, 0, 3, 1, 1, 1, 3, 2, 2, 2, 3, 3, 3, 3];

/** The same policy written by hand over the case table: returns (provisionIndex << 2) | outcome, as the engine does. */
export function makeHandWritten(reimbursement: boolean, t: CaseTable): (i: number) => number {
  const HOMICIDE = categoryBit('homicide');
  const VIOLENT = categoryBit('violent');
  const TRAFFIC = categoryBit('serious-traffic');
  const FELONY = CLASS_BITS.felony;
  const GANG = RECORD_BITS.gangDatabase;
  const REMOVAL = RECORD_BITS.finalRemovalOrder;
  const {
    age,
    flags,
    records,
    issuedYmd,
    issuedDay,
    convStart,
    convFlags,
    convCats,
    convCls,
    convLaterDay,
    convOnDay,
    convIncDays,
    convIncLater,
    convOnYmd,
    chargeStart,
    chargeCls,
    chargeFlags,
    warrantStart,
    warrantFlags,
  } = t;
  const out = (k: number, o: number, i: number) => (k << 2) | CLAMP[(o << 2) | (flags[i]! & 3)]!;
  return (i) => {
    if (age[i]! < 18) return out(0, DECLINE_C, i);
    if (flags[i]! & F_JUDICIAL) return out(1, HOLD_C, i);
    const s = convStart[i]!;
    const e = convStart[i + 1]!;
    let adult = 0;
    for (let j = s; j < e; j++) {
      if (convFlags[j]! & C_JUVENILE) continue;
      adult++;
      if ((convCats[j]! & HOMICIDE) !== 0) return out(2, HOLD_C, i);
    }
    if (adult > 0) {
      // The windows end on the request's date: a conviction after it does not count.
      const a = issuedYmd[i]!;
      const last = issuedDay[i]!;
      const start10 = yearsBeforeCivil(a >> 9, (a >> 5) & 15, a & 31, 10);
      let past = -1;
      for (let j = s; j < e; j++) {
        if ((convFlags[j]! & C_JUVENILE) === 0 && (convCls[j]! & FELONY) !== 0 && (convCats[j]! & VIOLENT) !== 0 && convOnDay[j]! <= last) {
          // The time on later adult convictions after the request is not inside the window.
          if (past < 0) {
            past = 0;
            for (let k = s; k < e; k++) if ((convFlags[k]! & C_JUVENILE) === 0 && convOnDay[k]! > last) past += convIncDays[k]!;
          }
          // Measured from the later of conviction and release: the conviction's own time inside is
          // added back only when there was no release after it; the time on later adult convictions always.
          if (convLaterDay[j]! >= start10 - ((convLaterDay[j] === convOnDay[j] ? convIncDays[j]! : 0) + convIncLater[j]! - past))
            return out(3, HOLD_C, i);
        }
      }
      const from5 = a - 5 * 512;
      let dui = 0;
      for (let j = s; j < e; j++) {
        if (
          (convFlags[j]! & C_JUVENILE) === 0 &&
          (convCats[j]! & TRAFFIC) !== 0 &&
          convOnYmd[j]! >= from5 &&
          convOnYmd[j]! <= a &&
          ++dui >= 2
        )
          return out(4, NOTIFY_C, i);
      }
    }
    for (let j = chargeStart[i]!; j < chargeStart[i + 1]!; j++) {
      if ((chargeCls[j]! & FELONY) !== 0 && (chargeFlags[j]! & H_BOND_POSTED) === 0) return out(5, HOLD_C, i);
    }
    for (let j = warrantStart[i]!; j < warrantStart[i + 1]!; j++) {
      if ((warrantFlags[j]! & (W_CRIMINAL | W_FELONY)) === (W_CRIMINAL | W_FELONY)) return out(6, HOLD_C, i);
    }
    if (reimbursement && (records[i]! & GANG) !== 0) return out(7, HOLD_C, i);
    if ((records[i]! & REMOVAL) !== 0 && adult > 0) return out(8, NOTIFY_C, i);
    if (adult === 0) return out(9, DECLINE_C, i);
    return out(10, DECLINE_C, i);
  };
}

/**
 * The comparison (the same policy with a reimbursement agreement) written by hand beside the policy,
 * as a person writing both would: given the policy's code on case i, only provision 7 differs.
 */
export function makeHandWrittenComparison(t: CaseTable): (i: number, policyCode: number) => number {
  const GANG = RECORD_BITS.gangDatabase;
  const { records, flags } = t;
  return (i, code) => {
    if (code >> 2 < 7 || (records[i]! & GANG) === 0) return code;
    return (7 << 2) | CLAMP[(HOLD_C << 2) | (flags[i]! & 3)]!;
  };
}
