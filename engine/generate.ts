// A seeded generator of synthetic booking cases, calibrated to the public figures in domain.md:
// about 48% with no criminal conviction (TRAC, FY2012), about 1 in 4 with a serious conviction
// (Boston pilot), juveniles, weekend and holiday releases, warrants, pending charges. No real names.

import type { BookingCase, ChargeRecord, ConvictionRecord, WarrantRecord } from './model';
import { daysFromCivil, formatDate, formatDateTime, MINUTES_PER_DAY } from './time';

/** mulberry32: small, fast and reproducible across platforms. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratorOptions {
  count: number;
  seed?: number;
  /** First and last year of bookings. */
  fromYear?: number;
  toYear?: number;
  idPrefix?: string;
}

interface OffenseKind {
  offense: string;
  class: 'felony' | 'misdemeanor' | 'infraction';
  degree?: number;
  categories: string[];
  weight: number;
}

// Weights give roughly: a quarter of convicted people with a serious or violent conviction.
const OFFENSES: OffenseKind[] = [
  { offense: 'shoplifting', class: 'misdemeanor', categories: ['property'], weight: 14 },
  { offense: 'driving without a license', class: 'misdemeanor', categories: ['traffic'], weight: 14 },
  { offense: 'driving under the influence', class: 'misdemeanor', categories: ['dui', 'serious-traffic'], weight: 10 },
  { offense: 'drug possession', class: 'misdemeanor', categories: ['drug-possession'], weight: 10 },
  { offense: 'disorderly conduct', class: 'misdemeanor', categories: ['public-order'], weight: 8 },
  { offense: 'trespass', class: 'infraction', categories: ['property'], weight: 6 },
  { offense: 'simple assault', class: 'misdemeanor', categories: ['violent'], weight: 6 },
  { offense: 'domestic assault and battery', class: 'misdemeanor', categories: ['violent', 'domestic-violence'], weight: 5 },
  { offense: 'larceny over $1,200', class: 'felony', degree: 3, categories: ['property'], weight: 6 },
  { offense: 'burglary', class: 'felony', degree: 3, categories: ['property', 'serious'], weight: 4 },
  {
    offense: 'possession with intent to distribute',
    class: 'felony',
    degree: 2,
    categories: ['drug-trafficking', 'serious', 'aggravated-felony'],
    weight: 4,
  },
  { offense: 'robbery', class: 'felony', degree: 2, categories: ['violent', 'serious', 'aggravated-felony'], weight: 3 },
  { offense: 'aggravated assault', class: 'felony', degree: 2, categories: ['violent', 'serious', 'dangerous'], weight: 3 },
  { offense: 'unlawful possession of a firearm', class: 'felony', degree: 3, categories: ['firearm', 'serious'], weight: 2 },
  { offense: 'rape', class: 'felony', degree: 1, categories: ['violent', 'serious', 'sex-offense', 'aggravated-felony'], weight: 1 },
  { offense: 'arson', class: 'felony', degree: 2, categories: ['arson', 'serious', 'dangerous'], weight: 0.5 },
  { offense: 'homicide', class: 'felony', degree: 1, categories: ['homicide', 'violent', 'serious', 'aggravated-felony'], weight: 0.5 },
];
const TOTAL_WEIGHT = OFFENSES.reduce((s, o) => s + o.weight, 0);

export function generateCases(opts: GeneratorOptions): BookingCase[] {
  const out: BookingCase[] = new Array(opts.count);
  forEachGeneratedCase(opts, (c, i) => (out[i] = c));
  return out;
}

/** Generates the cases one at a time, so a large set need not be held as objects all at once. */
export function forEachGeneratedCase(opts: GeneratorOptions, each: (c: BookingCase, index: number) => void): void {
  let i = 0;
  for (const c of generatedCases(opts)) each(c, i++);
}

/**
 * The most charges, convictions and warrants a generated case carries (two charges; up to five past
 * convictions and one on the current charge; one warrant).
 */
export const GENERATED_GROUP_LIMITS = { charge: 2, conviction: 6, warrant: 1 } as const;

/** The cases as a sequence, made as they are asked for. */
export function* generatedCases(opts: GeneratorOptions): Generator<BookingCase, void, undefined> {
  const rnd = seededRandom(opts.seed ?? 2012);
  // Facts added to the contract after the generator was calibrated draw from a stream of their own, so
  // every earlier fact of a seed's cases stays as it was.
  const later = seededRandom((opts.seed ?? 2012) ^ 0x5a17c0de);
  const fromDay = daysFromCivil(opts.fromYear ?? 2011, 1, 1);
  const toDay = daysFromCivil((opts.toYear ?? 2019) + 1, 1, 1);
  const prefix = opts.idPrefix ?? 'B-';
  const width = Math.max(4, String(opts.count).length);
  const chance = (p: number) => rnd() < p;
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pickOffense = (): OffenseKind => {
    let r = rnd() * TOTAL_WEIGHT;
    for (const o of OFFENSES) if ((r -= o.weight) < 0) return o;
    return OFFENSES[0]!;
  };

  for (let i = 0; i < opts.count; i++) {
    const age = chance(0.03) ? between(14, 17) : chance(0.5) ? between(18, 29) : between(30, 68);
    const bookedDay = fromDay + Math.floor(rnd() * (toDay - fromDay));
    const booked = bookedDay * MINUTES_PER_DAY + between(0, 23) * 60 + 15 * between(0, 3);
    // Release after hours to weeks; about a fifth on a Friday afternoon, when weekend holds bite.
    let release = booked + between(3, 20) * 60 + (chance(0.6) ? 0 : between(1, 30) * MINUTES_PER_DAY);
    if (chance(0.2)) {
      const day = Math.floor(release / MINUTES_PER_DAY);
      const toFriday = (5 - ((day + 4) % 7) + 7) % 7;
      release = (day + toFriday) * MINUTES_PER_DAY + between(14, 19) * 60;
      // Booked that Friday evening: released the Friday after, never before the booking.
      if (release < booked + 3 * 60) release += 7 * MINUTES_PER_DAY;
    }
    // ICE's request comes 1 to 36 whole hours after the booking, and never after the release: a person
    // released before the request arrives could not be held or reported on it. One draw, as before, so
    // every other fact of a seed's cases stays as it was; stays shorter than 36 hours bound the hours.
    const issued = booked + between(1, Math.min(36, Math.floor((release - booked) / 60))) * 60;
    const year = Math.floor(bookedDay / 365.2425) + 1970;
    const after2017 = year >= 2017;

    const r = rnd();
    const requests: Array<'hold' | 'notify'> = r < 0.78 ? ['hold', 'notify'] : r < 0.94 ? ['notify'] : ['hold'];

    // 47.7% of people with detainers have no criminal conviction (TRAC).
    const convictions: ConvictionRecord[] = [];
    if (!chance(0.477)) {
      const n = chance(0.55) ? 1 : chance(0.6) ? 2 : between(3, 5);
      for (let k = 0; k < n; k++) {
        const o = pickOffense();
        // No one is convicted before 12; most records are adult convictions of the last two decades.
        const span = Math.max(61, Math.min(365 * 22, Math.floor((age - 12) * 365.25)));
        const convictedDay = bookedDay - between(60, span);
        const juvenile = age - Math.floor((bookedDay - convictedDay) / 365.25) < 18;
        const jailed = o.class === 'felony' ? chance(0.8) : chance(0.25);
        const days = jailed ? (o.class === 'felony' ? between(180, 2400) : between(2, 180)) : 0;
        const c: ConvictionRecord = {
          offense: o.offense,
          class: o.class,
          categories: [...o.categories],
          convictedOn: formatDate(convictedDay),
        };
        if (o.degree) c.degree = o.degree;
        if (jailed) {
          c.releasedOn = formatDate(Math.min(convictedDay + days, bookedDay - 1));
          c.incarceratedDays = Math.min(days, bookedDay - 1 - convictedDay);
        }
        if (juvenile) c.juvenile = true;
        convictions.push(c);
      }
      convictions.sort((a, b) => a.convictedOn!.localeCompare(b.convictedOn!));
    }

    const charges: ChargeRecord[] = [];
    const nCharges = chance(0.7) ? 1 : 2;
    for (let k = 0; k < nCharges; k++) {
      const o = pickOffense();
      // People reaching release have mostly posted bond or had the charge resolved.
      const bondable = o.degree === 1 ? chance(0.2) : chance(0.95);
      const ch: ChargeRecord = {
        offense: o.offense,
        class: o.class,
        categories: [...o.categories],
        bondPosted: bondable && chance(0.8),
        bondable,
        probableCauseFinding: o.class === 'felony' && chance(0.5),
      };
      if (o.degree) ch.degree = o.degree;
      charges.push(ch);
    }
    // A few are sentenced on the current charge before release.
    if (chance(0.08)) {
      const o = charges[0]!;
      const c: ConvictionRecord = {
        offense: o.offense,
        class: o.class,
        categories: [...(o.categories ?? [])],
        convictedOn: formatDate(Math.floor(release / MINUTES_PER_DAY)),
        current: true,
      };
      if (o.degree) c.degree = o.degree;
      convictions.push(c);
    }

    const warrants: WarrantRecord[] = [];
    if (chance(0.08)) {
      const w: WarrantRecord = {
        kind: chance(0.9) ? 'criminal' : 'civil',
        jurisdiction: chance(0.7) ? 'state' : chance(0.5) ? 'federal' : 'other-state',
        felony: chance(0.4),
      };
      warrants.push(w);
    }

    const bc: BookingCase = {
      id: `${prefix}${String(i + 1).padStart(width, '0')}`,
      age,
      bookedAt: formatDateTime(booked),
      eligibleForReleaseAt: formatDateTime(release),
      detainer: {
        requests,
        issuedAt: formatDateTime(issued),
        judicialWarrant: chance(0.03),
        administrativeWarrant: after2017 ? chance(0.9) : chance(0.1),
      },
      currentCharges: charges,
    };
    if (convictions.length) bc.convictions = convictions;
    if (warrants.length) bc.warrants = warrants;
    const records = {
      gangDatabase: chance(0.03),
      terroristWatchlistMatch: chance(0.002),
      finalRemovalOrder: chance(0.1),
      priorRemovalReentry: chance(0.12),
      sexOffenderRegistry: chance(0.01),
      arsonOffenderRegistry: chance(0.002),
      // A Department of Correction Security Risk Group designation (Connecticut's gang ground).
      securityRiskGroup: later() < 0.01,
    };
    const set = Object.entries(records).filter(([, v]) => v);
    if (set.length) bc.records = Object.fromEntries(set);
    yield bc;
  }
}
