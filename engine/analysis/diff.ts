// What separates two drafts: for every kind of difference (A's provision and outcome against B's), the
// smallest booking case on which they decide differently, checked by running both compiled drafts on
// it; or a proof that no case separates them.

import { FEDERAL_MAX_HOLD, type BookingCase, type Decision, type Ordinance, type Outcome, type Scenario } from '../model';
import { FALSE_NODE } from './bdd';
import { caseFacts } from './describe';
import { FactSpace } from './facts';
import { sameDecision, SymbolicPolicy, Verifier, type DecisionRegion, type HoldClocks } from './policy';
import {
  civilFromDays,
  daylightSavingOf,
  formatDateTime,
  HolidayCalendar,
  isWeekend,
  parseDate,
  parseDateTime,
  timeZone,
  MINUTES_PER_DAY,
} from '../time';

export interface DraftWitness {
  /** A booking case in the contract format: feed it to `simulate` to see the difference. */
  case: BookingCase;
  /** The reimbursement agreement the case assumes, when the drafts read it and no scenario fixed it. */
  scenario?: { reimbursementAgreement: boolean };
  /** The engine's decisions under draft A and draft B, as `simulate --json` gives them. */
  a: Decision;
  b: Decision;
  /** The facts the case sets, in plain words (the fewest that produce this difference). */
  facts: string[];
  /** The kind of difference: deciding provision and outcome in each draft. */
  kind: { a: { provision: string; outcome: Outcome }; b: { provision: string; outcome: Outcome } };
  /** How many fact combinations differ in this way. */
  combinations: number;
  /** Holds of the same limit that end at different times: what the drafts count differently. */
  clock?: string;
}

export interface DraftDifference {
  equivalent: boolean;
  witnesses: DraftWitness[];
  /** False when part of the analysis had to be bounded (see notes); `equivalent` then means "no difference found". */
  exact: boolean;
  notes: string[];
  /** Kinds of difference for which no concrete case could be confirmed (an analysis bug if ever non-zero). */
  unconfirmed: string[];
}

export interface DiffOptions {
  /** Fixes the reimbursement agreement and the holiday calendar; without it the agreement is varied. */
  scenario?: Scenario;
}

function kindKey(a: DecisionRegion, b: DecisionRegion): string {
  return `${a.provisionIndex}:${a.outcome}|${b.provisionIndex}:${b.outcome}`;
}

/** Moves the release to another weekday, for holds whose limits differ only over weekends (never before the booking). */
function withReleaseShift(c: BookingCase, days: number): BookingCase | undefined {
  if (c.eligibleForReleaseAt === undefined) return undefined;
  const t = parseDateTime(c.eligibleForReleaseAt) + days * MINUTES_PER_DAY;
  if (c.bookedAt !== undefined && t < parseDateTime(c.bookedAt)) return undefined;
  return { ...c, eligibleForReleaseAt: formatDateTime(t) };
}

/** A holiday setting in one form: "none", or the federal holidays and any added dates. */
function holidaySetting(s: Ordinance['holidays']): string {
  if (s === 'none') return 'none';
  const added = Array.isArray(s) ? [...new Set(s.filter((d) => !Number.isNaN(parseDate(d))))].sort() : [];
  return `us-federal+${added.join(',')}`;
}

/** How the two drafts' clocks for holds differ (the calendars each counts with, for witnesses). */
function holdClocks(a: Ordinance, b: Ordinance, scenario: Scenario | undefined) {
  // As the engine: the ordinance's own holidays when it names them, else the scenario's.
  const ha = a.holidays ?? scenario?.holidays;
  const hb = b.holidays ?? scenario?.holidays;
  const dst = (o: Ordinance) => timeZone(o.jurisdiction.timeZone)?.dst === true;
  const clocks: HoldClocks = { holidays: holidaySetting(ha) !== holidaySetting(hb), daylightSaving: dst(a) !== dst(b) };
  const holidayWords = (h: Ordinance['holidays']) =>
    h === 'none'
      ? 'no holidays'
      : Array.isArray(h) && h.length
        ? `the U.S. federal holidays and ${h.length} more day${h.length === 1 ? '' : 's'}`
        : 'the U.S. federal holidays';
  const dstWords = (o: Ordinance) =>
    dst(o)
      ? `across the changes of the clocks (${o.jurisdiction.timeZone})`
      : o.jurisdiction.timeZone
        ? `in ${o.jurisdiction.timeZone}, which keeps no daylight saving time`
        : 'on the wall clock (no time zone named)';
  const words = (excluding: boolean) =>
    excluding
      ? `the same hold ends at a different time: draft A skips ${holidayWords(ha)}; draft B skips ${holidayWords(hb)}`
      : `the same hold ends at a different time: draft A counts its hours ${dstWords(a)}; draft B counts them ${dstWords(b)}`;
  return { clocks, words, calendars: [HolidayCalendar.fromSetting(ha), HolidayCalendar.fromSetting(hb)] as const };
}

/**
 * Releases at which holds of the same limit end differently under the two clocks, from the case's own
 * release on: the day before each working day that is a holiday in one calendar only, and the
 * afternoon before each change of the clocks, within about two years.
 */
function clockReleases(c: BookingCase, clocks: HoldClocks, calendars: readonly [HolidayCalendar, HolidayCalendar]): BookingCase[] {
  if (c.eligibleForReleaseAt === undefined) return [];
  const release = parseDateTime(c.eligibleForReleaseAt);
  const day = Math.floor(release / MINUTES_PER_DAY);
  const timeOfDay = release - day * MINUTES_PER_DAY;
  const out: number[] = [];
  if (clocks.holidays)
    for (let d = day + 1; d < day + 800 && out.length < 3; d++)
      if (!isWeekend(d) && calendars[0].isHoliday(d) !== calendars[1].isHoliday(d)) out.push((d - 1) * MINUTES_PER_DAY + timeOfDay);
  if (clocks.daylightSaving) {
    const y = civilFromDays(day).y;
    for (const year of [y, y + 1, y + 2]) {
      const dst = daylightSavingOf(year);
      if (dst) for (const change of [dst.start, dst.end]) if (change - 12 * 60 > release) out.push(change - 12 * 60);
    }
  }
  return out.map((t) => ({ ...c, eligibleForReleaseAt: formatDateTime(t) }));
}

function decisionsDiffer(x: Decision, y: Decision): boolean {
  return x.outcome !== y.outcome || x.holdUntil !== y.holdUntil;
}

export function diffDrafts(a: Ordinance, b: Ordinance, opts: DiffOptions = {}): DraftDifference {
  const space = new FactSpace([a, b], {
    realOffensesOnly: true,
    ...(opts.scenario ? { reimbursementAgreement: opts.scenario.reimbursementAgreement ?? false } : {}),
  });
  const pa = new SymbolicPolicy(space, 0, a);
  const pb = new SymbolicPolicy(space, 1, b);
  const bdd = space.bdd;
  const { clocks, calendars, words: clockWords } = holdClocks(a, b, opts.scenario);
  const kinds = new Map<string, { ra: DecisionRegion; rb: DecisionRegion; set: number }>();
  for (const ra of pa.regions) {
    for (const rb of pb.regions) {
      if (sameDecision(ra, rb, clocks)) continue;
      const set = bdd.and(ra.set, rb.set);
      if (set === FALSE_NODE) continue;
      const key = kindKey(ra, rb);
      const prev = kinds.get(key);
      kinds.set(key, prev ? { ...prev, set: bdd.or(prev.set, set) } : { ra, rb, set });
    }
  }
  const verifier = new Verifier(opts.scenario ?? {});
  const witnesses: Array<DraftWitness & { cost: number }> = [];
  const unconfirmed: string[] = [];
  let n = 0;
  for (const [key, k] of kinds) {
    const values = space.cheapest(k.set);
    if (!values) continue;
    let cost = 0;
    for (const v of space.atomVars) cost += values[v] === 1 ? space.cost1[v]! : space.cost0[v]!;
    const concrete = space.concretize(values, `witness-${++n}`);
    let da = verifier.decide(a, concrete);
    let db = verifier.decide(b, concrete);
    // Holds with different limits can end at the same time on some days: try the other weekdays.
    for (let shift = 1; shift < 7 && !decisionsDiffer(da, db) && da.outcome === 'hold'; shift++) {
      const shifted = withReleaseShift(concrete.case, -shift);
      if (!shifted) break;
      const moved = { ...concrete, case: shifted };
      const xa = verifier.decide(a, moved);
      const xb = verifier.decide(b, moved);
      if (decisionsDiffer(xa, xb)) {
        concrete.case = moved.case;
        da = xa;
        db = xb;
      }
    }
    // Holds of the same limit under different clocks: a release before a day or night they count differently.
    if (!decisionsDiffer(da, db) && da.outcome === 'hold')
      for (const moved of clockReleases(concrete.case, clocks, calendars)) {
        const xa = verifier.decide(a, { ...concrete, case: moved });
        const xb = verifier.decide(b, { ...concrete, case: moved });
        if (decisionsDiffer(xa, xb)) {
          concrete.case = moved;
          da = xa;
          db = xb;
          break;
        }
      }
    const asExpected =
      da.provision === k.ra.provision && da.outcome === k.ra.outcome && db.provision === k.rb.provision && db.outcome === k.rb.outcome;
    if (!decisionsDiffer(da, db) || !asExpected) {
      unconfirmed.push(key);
      continue;
    }
    const w: DraftWitness & { cost: number } = {
      case: concrete.case,
      a: da,
      b: db,
      facts: caseFacts(concrete.case),
      kind: { a: { provision: k.ra.provision, outcome: k.ra.outcome }, b: { provision: k.rb.provision, outcome: k.rb.outcome } },
      combinations: space.count(k.set),
      cost,
    };
    if (sameDecision(k.ra, k.rb)) w.clock = clockWords((k.ra.maxHold ?? FEDERAL_MAX_HOLD).excludingWeekendsAndHolidays === true);
    if (concrete.reimbursementAgreement !== undefined) {
      w.scenario = { reimbursementAgreement: concrete.reimbursementAgreement };
      w.facts.push(concrete.reimbursementAgreement ? 'a reimbursement agreement is in force' : 'no reimbursement agreement is in force');
    }
    witnesses.push(w);
  }
  witnesses.sort((x, y) => x.cost - y.cost || x.case.id.localeCompare(y.case.id, 'en', { numeric: true }));
  witnesses.forEach((w, i) => {
    const id = `witness-${i + 1}`;
    w.case = { ...w.case, id };
    w.a = { ...w.a, id };
    w.b = { ...w.b, id };
  });
  return {
    equivalent: kinds.size === 0,
    witnesses: witnesses.map(({ cost: _cost, ...w }) => w),
    exact: space.exact,
    notes: [...space.notes],
    unconfirmed,
  };
}
