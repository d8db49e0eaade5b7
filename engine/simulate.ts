// Simulating a policy over a case set: decisions, a summary with hold hours and cost, coverage of
// provisions, and a comparison with another policy or the honor-every-detainer baseline.

import { caseId, caseTable, type CaseTable } from './case-table';
import { outcomesUnder, type CompiledPolicy } from './compile';
import { DETAINER_FORMS } from './detainer-forms';
import type { Decision, MaxHold, Outcome } from './model';
import { OUTCOMES } from './model';
import type { PreparedCase } from './prepared';
import { casesWithRequestAfterRelease, mayHaveRequestAfterRelease, requestAfterRelease } from './request-after-release';
import { formatDateTime, holdEnd, isWeekend, utcOfLocal, type HolidayCalendar, type OffDays, type TimeZone } from './time';
import { DEPENDS_ON, U_RELEASE } from './unknown-facts';

export interface OutcomeRange {
  /** Decisions that are certainly this outcome. */
  atLeast: number;
  /** Decisions that may be this outcome, whatever the unknown facts turn out to be. */
  atMost: number;
}

/** What a case set's unknown facts leave open (present when the set leaves any fact unknown). */
export interface UnknownFactsSummary {
  /** Decisions that depend on facts the records don't carry; `outcomes` counts them under review. */
  undetermined: number;
  /** For each outcome, the decisions that certainly are it and those that may be it. */
  range: Record<Outcome, OutcomeRange>;
  /** The unknown facts that leave decisions open, with how many each leaves open (a decision may turn on several), most first. */
  facts: Array<{ fact: string; label: string; decisions: number }>;
  /**
   * Holds whose end is unknown: not in `holdHours` or the cost. The release time is not in the records,
   * or (`holdsOfUnsettledLimit` of them) it is, but the records leave open which provision decides the
   * hold, and those that may allow holds that end at different times.
   */
  holdsOfUnknownLength: number;
  /**
   * Of `holdsOfUnknownLength`, the holds from a release time the records give whose limit they cannot
   * settle (absent when none): the outcome is surely a hold, but two provisions that may decide it end it apart.
   */
  holdsOfUnsettledLimit?: number;
  /**
   * Hold hours with each hold of unknown length counted at its shortest: its limit in hours (the
   * shortest of the limits that may apply), or from a known release the soonest end it may have.
   */
  holdHoursAtLeast: number;
}

export interface SimulationSummary {
  total: number;
  outcomes: Record<Outcome, number>;
  /** Hours held past release, all holds together (calendar hours). */
  holdHours: number;
  cost: { perInmateDay: number; total: number; reimbursed: number; unreimbursed: number; currency: 'USD' };
  unknowns?: UnknownFactsSummary;
  /**
   * Only when some decision is left to a person's finding (or may be, on records that leave facts
   * unknown): how many cases could come to each outcome in the end, each finding taken both ways
   * (`CompiledPolicy.bindFinal`), and of them the ones a finding or the records leave open that
   * could be holds. Without it every such case would have to count as possibly any outcome.
   */
  finalRange?: FinalRange;
  /**
   * Holds that run past the time the detainer's own form asks for: the outcome never exceeds the
   * request (no hold where only notice is asked), but a provision's maxHold (8 CFR 287.7(d)'s 48 hours
   * excluding weekends and holidays, say) can outlast the I-247A's 48 calendar hours. Always set by
   * `simulate`; holds whose release time the records lack are not counted.
   */
  pastRequest?: PastRequest;
  /**
   * Cases whose detainer request came after the release time the records give (absent when none):
   * the person was gone before ICE asked, so no one is held or reported on the request. Each keeps
   * the policy's decision in `outcomes` (what the ordinance says to that request), counted here by it
   * too; none of them is in `holdHours`, the cost, `pastRequest` or a breakdown's held.
   */
  afterRelease?: AfterRelease;
  /**
   * Only with `afterRelease`: the cases whose request came in time, counted as the fields above count
   * every case. A reader's outcome counts are these, with the requests after release a count of their
   * own (`inTime.cases + afterRelease.cases = total`); `summaryBounds` reads its ranges from here.
   */
  inTime?: InTime;
}

/** The cases of a summary whose request came in time (or whose release time the records lack): see `SimulationSummary.inTime`. */
export interface InTime {
  /** How many: `total` less `afterRelease.cases`. */
  cases: number;
  /** Their decisions, as `outcomes` counts them (open decisions under review); they add up to `cases`. */
  outcomes: Record<Outcome, number>;
  /** With unknown facts (as `unknowns`): of them, the decisions the records leave open. */
  undetermined?: number;
  /** With unknown facts (as `unknowns.range`): of them, the decisions certainly and possibly each outcome. */
  range?: Record<Outcome, OutcomeRange>;
  /** With a decision left to a finding (as `finalRange`): what they could come to in the end. */
  finalRange?: FinalRange;
}

export interface AfterRelease {
  /** How many cases had the request after their release time. */
  cases: number;
  /** Their decisions, by outcome: a hold here is one the policy would give, never served. */
  outcomes: Record<Outcome, number>;
}

export interface PastRequest {
  /** Holds that end later than the hold the case's detainer form asks for would. */
  holds: number;
  /** The longest of them, in hours held past release (0 when there is none). */
  longestHours: number;
  /** The hours the form asked for in that case, from the same release (0 when there is none). */
  requestedHours: number;
}

export interface FinalRange {
  /** Cases that could end held, notified or declined (certain ones included). */
  atMost: Record<Exclude<Outcome, 'review'>, number>;
  /** Settled decisions left to a person's finding that could end in a hold. */
  findingsMayHold: number;
  /** Decisions the records cannot settle, not certainly holds, that could end in one. */
  openMayHold: number;
}

/** The decisions of one year, month or facility. */
export interface FigureRow {
  /** "2024", "2024-05" (by the date of the request), or the facility's name. */
  key: string;
  total: number;
  /** As in the summary: open decisions count under review. */
  outcomes: Record<Outcome, number>;
  undetermined: number;
  /** Holds: certain, and possible. A hold decided on a request that came after the release time is in neither (no one was held). */
  held: OutcomeRange;
  /** Of `total`, the cases whose request came after the release time, whatever the decision (0 when none). */
  afterRelease: number;
  /**
   * The rest, whose request came in time: their decisions as `outcomes` counts them, and the open ones
   * as `undetermined` does. `inTime.outcomes` and `afterRelease` add up to `total`.
   */
  inTime: { outcomes: Record<Outcome, number>; undetermined: number };
}

export interface Breakdown {
  byYear: FigureRow[];
  byMonth: FigureRow[];
  /** Empty when no case names a facility. */
  byFacility: FigureRow[];
}

export interface CoverageEntry {
  id: string;
  citation: string;
  /** What the provision gives when it applies (its cases may get less: what ICE asked for, a finding, a fact the records lack). */
  outcome: Outcome;
  /**
   * The cases credited to it whose outcome the records settle. A case the records leave undecided is
   * in no provision's `decided` (see `undetermined`), so these, over every provision and the
   * otherwise clause, add up to `Coverage.decided`.
   */
  decided: number;
  /** What the cases it decided got, by outcome (review: a person's finding). */
  outcomes: Record<Outcome, number>;
  /**
   * Cases the records leave undecided (their outcome turns on a fact they lack) that this provision
   * may be the one to decide: each such case is counted here under every provision that may decide
   * it, and under none as decided, so these do not add up to `Coverage.undecided`.
   */
  undetermined: number;
  /**
   * Of `decided`, the settled decisions credited here, as the first provision that may decide them,
   * though a later provision may be the one that does (the records do not show whether this one
   * applies; the outcome is the same either way). Only on records with unknown facts; absent when none.
   */
  settledOneOf?: number;
  /**
   * Settled cases credited to an earlier provision that this one may be the one to decide (the records
   * do not show whether the earlier ones apply). Only on records with unknown facts; absent when none.
   */
  mayDecide?: number;
}

export interface Coverage {
  provisions: CoverageEntry[];
  otherwise: Omit<CoverageEntry, 'id'>;
  /** Ids of detainer provisions that decided no case and may decide none (`mayDecide`, `undetermined`). */
  unreached: string[];
  /** The cases whose outcome the records settle: the sum of every entry's `decided`. */
  decided: number;
  /** The cases the records leave undecided, counted in no entry's `decided`: `decided + undecided` is every case. */
  undecided: number;
}

export interface DecisionRef {
  outcome: Outcome;
  /** The provision that decided it; with `decidedByOneOf`, only the first that may. */
  provision: string;
  citation: string;
  /**
   * Set when the outcome is settled but the records leave open which provision gives it (as on
   * Decision.decidedByOneOf): each provision that may, in order. No one of them is the deciding one.
   */
  decidedByOneOf?: ReadonlyArray<{ readonly provision: string; readonly citation: string }>;
  /**
   * Set when the records leave the outcome itself open (the side is open; `outcome` is then review,
   * the mark of "undecided", and `provision` only the first that may apply): each outcome the case
   * could have, in the order of OUTCOMES, with the provisions that would give it, in order. None of
   * them decided it.
   */
  undecided?: ReadonlyArray<{
    readonly outcome: Outcome;
    readonly under: ReadonlyArray<{ readonly provision: string; readonly citation: string }>;
  }>;
}

/**
 * Per case, the provisions that may decide a settled outcome where more than one may (the records
 * leave open which; see Decision.decidedByOneOf). Absent where no case is such.
 */
export interface DecidersOneOf {
  /** Per case: 0 where one provision decides it (or the decision is open), else 1 + its index in `sets`. */
  of: Int32Array;
  /** Each list of provision indexes met (the otherwise clause: the provisions' count), in order. */
  sets: number[][];
}

/**
 * Per case the records leave open (undecided on these records), the outcomes it could have and the
 * provisions that would give each. Absent where no case is open.
 */
export interface UndecidedBy {
  /** Per case: 0 where the decision is settled, else 1 + its index in `sets`. */
  of: Int32Array;
  /** Each such list met: the outcomes it could have (codes, in order), each with the provisions (indexes, in order) that would give it. */
  sets: Array<Array<{ outcome: number; provisions: number[] }>>;
}

/** A hold's limit, counted from the release: its hours, and whether weekends and holidays are left out of them. */
export interface HoldLimit {
  readonly hours: number;
  readonly excludingWeekendsAndHolidays: boolean;
}

export interface ChangedCase {
  id: string;
  policy: DecisionRef;
  other: DecisionRef;
  /** Set when both hold and the holds end at different times: each side's end (local, "YYYY-MM-DDTHH:MM"). */
  holdUntil?: { readonly policy: string; readonly other: string };
  /**
   * Set instead when both hold but the records give no release time, so neither end is known, and
   * the two limits end apart from any release time (48 hours against 24): each side's limit. Neither
   * is set on a hold that more than one provision may decide under limits that end apart (its end is
   * one of several; explain names them), though the holds surely end at different times.
   */
  holdLimits?: { readonly policy: HoldLimit; readonly other: HoldLimit };
  /** Set when the records cannot settle the decision under this policy (its outcome, review, means "undecided"). */
  policyOpen?: true;
  /** The same under the other policy. */
  otherOpen?: true;
  /** Set when the open side could end up decided as the other side decides (see `Comparison.mayDiffer`). */
  mayDiffer?: true;
}

export interface Comparison {
  other: { title: string; fingerprint?: string };
  /** matrix[outcome under this policy][outcome under the other] = number of cases. */
  matrix: Record<Outcome, Record<Outcome, number>>;
  /**
   * Cases decided differently for certain: another outcome, or a hold that ends at another time
   * (`holdEndsDiffer` of them). A case one side leaves open (undecided on these records) counts only
   * when none of the outcomes it could have is the other side's; otherwise it is in `mayDiffer`.
   */
  changed: number;
  /**
   * Cases one side leaves open (undecided on these records) that could end up decided as the other
   * side decides them, or otherwise: whether they differ is not known. Not in `changed`; listed in
   * `cases` (with `policyOpen` or `otherOpen`).
   */
  mayDiffer: number;
  /** Cases both hold, the holds ending at different times (within the matrix's hold/hold cell). */
  holdEndsDiffer: number;
  /**
   * Of `holdEndsDiffer`, the holds from a release time the records lack whose limits end apart from
   * any release time (listed with `holdLimits`): when each ends is unknown, that they differ is not.
   */
  holdEndsDifferByLimit: number;
  /**
   * Cases both hold from a release time the records lack, under limits that end together from some
   * release times and apart from others (48 calendar hours against 48 leaving out weekends, say), or
   * where a side's hold may be decided by provisions whose limits end at different times, one of which
   * the other side's may share: whether they end at different times is unknown. Neither in `changed`
   * nor listed in `cases`.
   */
  holdEndsMayDiffer: number;
  /** Of `holdEndsMayDiffer`, those where a side's hold may be decided under limits that end apart (absent when none). */
  holdEndsMayDifferUnsettled?: number;
  otherSummary: SimulationSummary;
  /** Differences this policy makes relative to the other, policy minus other. */
  delta: { holdHours: number; cost: number; outcomes: Record<Outcome, number> };
  cases: ChangedCase[];
  /**
   * Only when some request came after its release time (`SimulationSummary.afterRelease`): those cases,
   * which `changed`, `mayDiffer`, `holdEndsDiffer` and `cases` leave out, as the outcome counts keep
   * them apart (no one is held or reported on them, so no hold of theirs ends at any time). `changed`
   * and `mayDiffer` here count their decisions as the comparison's own count the others': by outcome
   * alone. `matrix` still counts every case.
   */
  afterRelease?: ComparedAfterRelease;
}

/** A comparison's requests after release: see `Comparison.afterRelease`. */
export interface ComparedAfterRelease {
  /** How many cases had the request after their release time. */
  cases: number;
  /** Of them, those the two policies decide with another outcome for certain. */
  changed: number;
  /** Of them, those one side leaves undecided on these records that may or may not be decided differently. */
  mayDiffer: number;
}

export interface SimulationResult {
  summary: SimulationSummary;
  coverage: Coverage;
  comparison?: Comparison;
  /**
   * Per case: (provisionIndex << 2) | outcome code, as CompiledPolicy.decideCode returns. On a case the
   * records leave open (see `undecidedBy`) the provision is only the first that may apply, and decided
   * nothing: count such cases by `undecidedBy` (as `coverage` does), never by this index.
   */
  codes: Int32Array;
  /**
   * Hours held past release by each provision (the last entry is the otherwise clause): the holds it
   * surely decides. A settled hold the records leave to one of several provisions is in `holdHoursOneOf`.
   */
  holdHoursByProvision: number[];
  /** Hours of settled holds more than one provision may decide (the records do not show which); 0 when none. */
  holdHoursOneOf: number;
  /** The same for the compared policy, when there is one: each side is decided once. */
  otherCodes?: Int32Array;
  otherHoldHoursByProvision?: number[];
  otherHoldHoursOneOf?: number;
  /**
   * With a comparison: per case, 1 where both hold and the holds end at different times (known to,
   * from a release time the records lack, by their limits). 0 where they may differ but whether they do is unknown.
   */
  holdEndsDiffer?: Uint8Array;
  /** Decisions by year and month of the request, and by facility. */
  breakdown: Breakdown;
  /** When the set leaves facts unknown: per case, every outcome it may get (bits 1 << outcome code). */
  possible?: Uint8Array;
  /** When the set leaves facts unknown: per case, the facts that leave it open (unknown-facts.ts bits). */
  dependsOn?: Uint32Array;
  /** The same two for the compared policy. */
  otherPossible?: Uint8Array;
  otherDependsOn?: Uint32Array;
  /** When some settled case may be decided by more than one provision: which, per case. */
  decidedByOneOf?: DecidersOneOf;
  /** The same for the compared policy. */
  otherDecidedByOneOf?: DecidersOneOf;
  /** When some case is open: the outcomes each open case could have, and under which provisions. */
  undecidedBy?: UndecidedBy;
  /** The same for the compared policy. */
  otherUndecidedBy?: UndecidedBy;
  /**
   * The cases whose request came after their release time (`SimulationSummary.afterRelease`), by index
   * in order; absent when none. Found once for both sides of a comparison.
   */
  afterReleaseCases?: Int32Array;
}

export interface SimulateOptions {
  compare?: { policy: CompiledPolicy; title: string; fingerprint?: string };
  /** Cap on the changed cases listed (the count is always exact). Default: all. */
  maxChangedCases?: number;
  /**
   * Called every `progressEvery` cases; return false to cancel. With a comparison the total counts
   * both policies' passes over the cases.
   */
  onProgress?: (done: number, total: number) => boolean | void;
  progressEvery?: number;
}

export class SimulationCancelled extends Error {
  constructor() {
    super('simulation cancelled');
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function emptyCounts(): Record<Outcome, number> {
  return { hold: 0, notify: 0, review: 0, decline: 0 };
}

interface Tally {
  codes: Int32Array;
  outcomes: Record<Outcome, number>;
  byProvision: Int32Array;
  /** Per provision, its settled cases by outcome (index provision * 4 + outcome code), and the open ones it may decide. */
  byProvisionOutcome: Int32Array;
  byProvisionOpen: Int32Array;
  byProvisionOneOf: Int32Array;
  byProvisionMay: Int32Array;
  holdMinutes: number;
  holdMinutesByProvision: Float64Array;
  /** Minutes of settled holds more than one provision may decide (in none of `holdMinutesByProvision`). */
  holdMinutesOneOf: number;
  /** Set for tables with unknown facts. */
  open?: {
    possible: Uint8Array;
    dependsOn: Uint32Array;
    undetermined: number;
    atLeast: Float64Array;
    atMost: Float64Array;
    holdsOfUnknownLength: number;
    holdsOfUnsettledLimit: number;
    shortestMinutes: number;
    /** Per case, 1 for a hold from a known release whose end is not settled (holdEndsOf gives several); made at the first. */
    lengthOpen?: Uint8Array;
  };
  /** Set when some decision is left to a person's finding (or may be): see `SimulationSummary.finalRange`. */
  final?: FinalRange;
  /** Set when some settled case may be decided by more than one provision. */
  oneOf?: DecidersOneOf;
  /** Set when some case is open: its possible outcomes and the provisions that would give each. */
  undecided?: UndecidedBy;
  pastRequest: PastRequest;
  /** Cases whose request came after their release time, by outcome code (all zero when none). */
  afterRelease: Float64Array;
  /** What a person's finding can come to, per case (bits), when some decision is left to one. */
  finalOf?: (i: number) => number;
  /**
   * When asked for (a comparison): per case, the local minute a hold ends, in minutes from 1970 (0 for
   * no hold, or one of unknown length: no hold ends at midnight on January 1, 1970).
   */
  holdEnds?: Int32Array;
}

/**
 * Hold ends for a whole simulation: time.holdEnd's walk over days, with each day's weekend or
 * holiday status looked up in a table instead of asked of the calendar (a million holds would ask
 * it millions of times).
 */
class HoldClock implements OffDays {
  private first = 0;
  private off = new Uint8Array(0);

  constructor(
    private readonly calendar: HolidayCalendar,
    private readonly zone?: TimeZone,
  ) {}

  isOffDay(day: number): boolean {
    let i = day - this.first;
    if (i < 0 || i >= this.off.length) {
      this.cover(day);
      i = day - this.first;
    }
    return this.off[i] === 1;
  }

  /** Extends the table to cover `day` and a few years around it. */
  private cover(day: number): void {
    const from = Math.min(day, this.off.length ? this.first : day) - 366;
    const to = Math.max(day, this.off.length ? this.first + this.off.length - 1 : day) + 3 * 366;
    const off = new Uint8Array(to - from + 1);
    for (let d = from; d <= to; d++) {
      const k = d - this.first;
      off[d - from] = k >= 0 && k < this.off.length ? this.off[k]! : isWeekend(d) || this.calendar.isHoliday(d) ? 1 : 0;
    }
    this.first = from;
    this.off = off;
  }

  end(start: number, hours: number, excludeWeekendsAndHolidays: boolean): number {
    return holdEnd(start, hours, excludeWeekendsAndHolidays, this, this.zone);
  }
}

/**
 * Decides every case once; progress is reported as `offset + done` of `total`. Beside another policy's
 * decisions on the same table (a comparison beside the draft), the provisions they share are not tested again.
 */
function tally(
  policy: CompiledPolicy,
  t: CaseTable,
  opts: SimulateOptions,
  offset = 0,
  total = t.length,
  beside?: { policy: CompiledPolicy; codes: Int32Array },
  withEnds = false,
): Tally {
  const n = t.length;
  const codes = new Int32Array(n);
  const holdEnds = withEnds ? new Int32Array(n) : undefined;
  const counts = new Float64Array(4);
  const byProvision = new Int32Array(policy.provisions.length + 1);
  const byProvisionOutcome = new Int32Array(4 * (policy.provisions.length + 1));
  const byProvisionOpen = new Int32Array(policy.provisions.length + 1);
  // With facts unknown: settled cases credited to a provision a later one may decide instead, and
  // cases each provision may decide though credited to an earlier one.
  const byProvisionOneOf = new Int32Array(policy.provisions.length + 1);
  const byProvisionMay = new Int32Array(policy.provisions.length + 1);
  const zone = policy.zone;
  const clock = new HoldClock(policy.calendar, zone);
  const holdHours: number[] = [];
  const holdExcludes: boolean[] = [];
  const asRequested: boolean[] = [];
  for (let i = 0; i <= policy.provisions.length; i++) {
    const h = policy.maxHoldOf(i);
    holdHours.push(h.hours);
    holdExcludes.push(h.excludingWeekendsAndHolidays === true);
    asRequested.push(h.asRequested === true);
  }
  const holdMinutesByProvision = new Float64Array(policy.provisions.length + 1);
  let holdMinutesOneOf = 0;
  // Minutes that pass between two local times: in a time zone, across a clock change, not the wall clock's.
  const elapsed = (from: number, to: number): number => (zone ? utcOfLocal(zone, to) - utcOfLocal(zone, from) : to - from);
  // Whether a provision's hold can outlast what each form asks for: only then is the request's end
  // worked out, so a policy that holds as asked (or less) costs nothing more.
  const forms = DETAINER_FORMS.length;
  const mayPassRequest = new Uint8Array((policy.provisions.length + 1) * forms);
  for (let p = 0; p <= policy.provisions.length; p++)
    for (let f = 0; f < forms; f++) {
      const asked = DETAINER_FORMS[f]!.hold;
      mayPassRequest[p * forms + f] =
        !asRequested[p] && asked && (holdHours[p]! > asked.hours || (holdExcludes[p]! && !asked.excludingWeekendsAndHolidays)) ? 1 : 0;
    }
  const pastRequest: PastRequest = { holds: 0, longestHours: 0, requestedHours: 0 };
  let longestPastMinutes = 0;
  let requestedOfLongestMinutes = 0;
  const formOf = t.detainerForm;
  const every = opts.progressEvery ?? 65536;
  const bound = policy.bind(t);
  const knowing = beside ? policy.bindBeside(t, beside.policy) : undefined;
  const given = beside?.codes;
  const decide = knowing && given ? (i: number) => knowing(i, given[i]!) : bound.decide;
  const release = t.release;
  const anyLate = mayHaveRequestAfterRelease(t);
  const afterRelease = new Float64Array(4);
  const open = bound.possible ? openTally(n) : undefined;
  const oneOf = new OneOfSets(n);
  const undecided = new UndecidedSets(n);
  const unknown = t.unknown;
  // Cases a person's finding leaves open, counted under the outcomes they can come to (made at the first).
  let finalOf: ((i: number) => number) | undefined;
  let final: FinalRange | undefined;
  const finalAtMost = new Float64Array(4);
  for (let start = 0; start < n; start += every) {
    const end = Math.min(n, start + every);
    for (let i = start; i < end; i++) {
      const code = decide(i);
      codes[i] = code;
      counts[code & 3]!++;
      const p = code >> 2;
      // What the case may get: a person's finding (review) is counted under what it can come to.
      const may = open ? bound.possible!(i) : 1 << (code & 3);
      // A decision the records leave open is decided by no provision: it is counted under each that
      // may decide it (below), not under the first of them.
      if ((may & (may - 1)) === 0 || !open) {
        byProvision[p]!++;
        byProvisionOutcome[(p << 2) | (code & 3)]!++;
      }
      if (may & REVIEW_BIT) {
        if (!finalOf) {
          finalOf = policy.bindFinal(t);
          final = { atMost: { hold: 0, notify: 0, decline: 0 }, findingsMayHold: 0, openMayHold: 0 };
          // The cases before this one come to what they may get (none of it review).
          for (let j = 0; j < i; j++) {
            const m = open ? open.possible[j]! : 1 << (codes[j]! & 3);
            for (let o = 0; o < 4; o++) if (m & (1 << o)) finalAtMost[o]!++;
          }
        }
        const f = finalOf(i);
        for (let o = 0; o < 4; o++) if (f & (1 << o)) finalAtMost[o]!++;
        // A settled decision left to a finding (the open ones that may hold are counted at the end).
        if (f & 1 && may === REVIEW_BIT) final!.findingsMayHold++;
      } else if (finalOf) {
        for (let o = 0; o < 4; o++) if (may & (1 << o)) finalAtMost[o]!++;
      }
      if (open) {
        const possible = may;
        open.possible[i] = possible;
        if ((possible & (possible - 1)) === 0 && bound.deciderCount!(i) > 1) {
          const deciders = bound.deciders!(i);
          byProvisionOneOf[p]!++;
          oneOf.add(i, deciders);
          for (const k of deciders) if (k !== p) byProvisionMay[k]!++;
        }
        if (possible & (possible - 1)) {
          open.undetermined++;
          open.dependsOn[i] = bound.dependsOn!(i);
          const deciders = bound.deciders!(i);
          for (const k of deciders) byProvisionOpen[k]!++;
          undecided.add(i, deciders, bound.mayGive!(i));
          for (let o = 0; o < 4; o++) if (possible & (1 << o)) open.atMost[o]!++;
        } else {
          open.atLeast[code & 3]!++;
          open.atMost[code & 3]!++;
        }
      }
      // A request after the release time: no one is held or reported on it, so no hold is counted.
      if (anyLate && requestAfterRelease(t, i)) {
        afterRelease[code & 3]!++;
        continue;
      }
      if (open) {
        if ((code & 3) === 0 && (unknown[i]! & U_RELEASE) !== 0) {
          open.holdsOfUnknownLength++;
          // Counted at its limit (for a hold as the detainer asks, the form's, as explain gives it and as a hold
          // from a known release is counted), or with several provisions that may decide it, the shortest of their limits.
          let hours = asRequested[p] ? policy.holdLimitOf(p, t, i).hours : holdHours[p]!;
          if (bound.deciderCount!(i) > 1) for (const h of policy.holdLimitsOf(t, i, code)) hours = Math.min(hours, h.hours);
          open.shortestMinutes += hours * 60;
          continue;
        }
        // A settled hold more than one provision may decide, under limits that end apart from its
        // release: the hold is certain, its length is not. Counted as a hold of unknown length at its
        // soonest end, as a hold with no release time is at its limit (exact as a lower bound).
        if ((code & 3) === 0 && bound.deciderCount!(i) > 1) {
          const ends = policy.holdEndsOf(t, i, code);
          if (ends.length > 1) {
            open.holdsOfUnknownLength++;
            open.holdsOfUnsettledLimit++;
            open.shortestMinutes += elapsed(release[i]!, ends[0]!);
            (open.lengthOpen ??= new Uint8Array(n))[i] = 1;
            continue;
          }
        }
      }
      if ((code & 3) === 0) {
        const r = release[i]!;
        let end: number;
        if (asRequested[p]) {
          const h = policy.holdLimitOf(p, t, i);
          end = clock.end(r, h.hours, h.excludingWeekendsAndHolidays === true);
        } else end = clock.end(r, holdHours[p]!, holdExcludes[p]!);
        if (holdEnds) holdEnds[i] = end;
        // Hours held are the hours that pass (see `elapsed`).
        const held = elapsed(r, end);
        // A hold one of several provisions may decide is credited to none of them (the records do not show which).
        if (open && bound.deciderCount!(i) > 1) holdMinutesOneOf += held;
        else holdMinutesByProvision[p]! += held;
        const f = formOf[i]!;
        if (mayPassRequest[p * forms + f]) {
          const asked = DETAINER_FORMS[f]!.hold!;
          const askedEnd = clock.end(r, asked.hours, asked.excludingWeekendsAndHolidays === true);
          if (end > askedEnd) {
            pastRequest.holds++;
            if (held > longestPastMinutes) {
              longestPastMinutes = held;
              requestedOfLongestMinutes = elapsed(r, askedEnd);
            }
          }
        }
      }
    }
    if (opts.onProgress && opts.onProgress(offset + end, total) === false) throw new SimulationCancelled();
  }
  let holdMinutes = holdMinutesOneOf;
  for (const m of holdMinutesByProvision) holdMinutes += m;
  pastRequest.longestHours = round2(longestPastMinutes / 60);
  pastRequest.requestedHours = round2(requestedOfLongestMinutes / 60);
  const outcomes = emptyCounts();
  OUTCOMES.forEach((o, k) => (outcomes[o] = counts[k]!));
  if (final) {
    final.atMost = { hold: finalAtMost[0]!, notify: finalAtMost[1]!, decline: finalAtMost[3]! };
    // Every case that could end held is a certain hold, a finding's or one the records leave open.
    final.openMayHold = finalAtMost[0]! - counts[0]! - final.findingsMayHold;
  }
  return {
    codes,
    outcomes,
    byProvision,
    byProvisionOutcome,
    byProvisionOpen,
    byProvisionOneOf,
    byProvisionMay,
    holdMinutes,
    holdMinutesByProvision,
    holdMinutesOneOf,
    open,
    ...(final ? { final } : {}),
    ...(oneOf.of ? { oneOf: { of: oneOf.of, sets: oneOf.sets } } : {}),
    ...(undecided.of ? { undecided: { of: undecided.of, sets: undecided.sets } } : {}),
    pastRequest,
    afterRelease,
    ...(finalOf ? { finalOf } : {}),
    ...(holdEnds ? { holdEnds } : {}),
  };
}

/** DecidersOneOf as a tally makes it: the per-case array made at the first such case, each list kept once. */
class OneOfSets {
  of: Int32Array | undefined;
  readonly sets: number[][] = [];
  private readonly keys = new Map<string, number>();

  constructor(private readonly n: number) {}

  add(i: number, deciders: number[]): void {
    const key = deciders.join(' ');
    let k = this.keys.get(key);
    if (k === undefined) {
      this.sets.push(deciders);
      this.keys.set(key, (k = this.sets.length));
    }
    (this.of ??= new Int32Array(this.n))[i] = k;
  }
}

/** UndecidedBy as a tally makes it: the per-case array made at the first open case, each list kept once. */
class UndecidedSets {
  of: Int32Array | undefined;
  readonly sets: UndecidedBy['sets'] = [];
  private readonly keys = new Map<string, number>();

  constructor(private readonly n: number) {}

  /** Case i, open, with the provisions that may decide it and what each would give (bits), in order. */
  add(i: number, deciders: number[], gives: number[]): void {
    const key = `${deciders.join(' ')}/${gives.join(' ')}`;
    let k = this.keys.get(key);
    if (k === undefined) {
      this.sets.push(outcomesUnder(deciders, gives));
      this.keys.set(key, (k = this.sets.length));
    }
    (this.of ??= new Int32Array(this.n))[i] = k;
  }
}

const REVIEW_BIT = 1 << OUTCOMES.indexOf('review');

function openTally(n: number): NonNullable<Tally['open']> {
  return {
    possible: new Uint8Array(n),
    dependsOn: new Uint32Array(n),
    undetermined: 0,
    atLeast: new Float64Array(4),
    atMost: new Float64Array(4),
    holdsOfUnknownLength: 0,
    holdsOfUnsettledLimit: 0,
    shortestMinutes: 0,
  };
}

function unknownsSummary(t: NonNullable<Tally['open']>, holdMinutes: number): UnknownFactsSummary {
  const range = {} as Record<Outcome, OutcomeRange>;
  OUTCOMES.forEach((o, k) => (range[o] = { atLeast: t.atLeast[k]!, atMost: t.atMost[k]! }));
  const byFact = new Map<number, number>();
  for (let i = 0; i < t.dependsOn.length; i++) {
    let d = t.dependsOn[i]!;
    while (d) {
      const bit = d & -d;
      byFact.set(bit, (byFact.get(bit) ?? 0) + 1);
      d ^= bit;
    }
  }
  const facts = DEPENDS_ON.filter((f) => byFact.has(f.bit))
    .map((f) => ({ fact: f.key, label: f.label, decisions: byFact.get(f.bit)! }))
    .sort((a, b) => b.decisions - a.decisions);
  return {
    undetermined: t.undetermined,
    range,
    facts,
    holdsOfUnknownLength: t.holdsOfUnknownLength,
    ...(t.holdsOfUnsettledLimit ? { holdsOfUnsettledLimit: t.holdsOfUnsettledLimit } : {}),
    holdHoursAtLeast: round2((holdMinutes + t.shortestMinutes) / 60),
  };
}

/** `late`: the table's cases whose request came after their release time (`casesWithRequestAfterRelease`). */
function summarize(policy: CompiledPolicy, t: Tally, table: CaseTable, late: readonly number[]): SimulationSummary {
  const total = table.length;
  const holdHours = t.holdMinutes / 60;
  const perDay = policy.scenario.costPerInmateDay;
  const cost = round2((holdHours / 24) * perDay);
  const reimbursed = policy.scenario.reimbursementAgreement ? cost : 0;
  const summary: SimulationSummary = {
    total,
    outcomes: t.outcomes,
    holdHours: round2(holdHours),
    cost: { perInmateDay: perDay, total: cost, reimbursed, unreimbursed: round2(cost - reimbursed), currency: 'USD' },
  };
  if (t.open) summary.unknowns = unknownsSummary(t.open, t.holdMinutes);
  if (t.final) summary.finalRange = t.final;
  summary.pastRequest = t.pastRequest;
  const byOutcome = t.afterRelease;
  const lateCases = byOutcome[0]! + byOutcome[1]! + byOutcome[2]! + byOutcome[3]!;
  if (lateCases > 0) {
    const outcomes = emptyCounts();
    OUTCOMES.forEach((o, k) => (outcomes[o] = byOutcome[k]!));
    summary.afterRelease = { cases: lateCases, outcomes };
    summary.inTime = inTimeOf(t, table, late);
  }
  return summary;
}

/**
 * The summary's counts of the cases whose request came in time (`SimulationSummary.inTime`): every
 * case's counts less those of the requests after release, which are few, so they are counted again here
 * rather than apart on the hot path. A request after release is then never a possible hold, notice or
 * decline: it is in none of the ranges.
 */
function inTimeOf(t: Tally, table: CaseTable, late: readonly number[]): InTime {
  const atLeast = new Float64Array(4);
  const atMost = new Float64Array(4);
  const finalAtMost = new Float64Array(4);
  let open = 0;
  let findingsMayHold = 0;
  const possible = t.open?.possible;
  for (const i of late) {
    const code = t.codes[i]! & 3;
    // As the tally counts a case: what it may get, and what a finding may make of it.
    const may = possible ? possible[i]! : 1 << code;
    if (may & (may - 1)) {
      open++;
      for (let o = 0; o < 4; o++) if (may & (1 << o)) atMost[o]!++;
    } else {
      atLeast[code]!++;
      atMost[code]!++;
    }
    if (t.final) {
      const f = may & REVIEW_BIT ? t.finalOf!(i) : may;
      for (let o = 0; o < 4; o++) if (f & (1 << o)) finalAtMost[o]!++;
      if (f & 1 && may === REVIEW_BIT) findingsMayHold++;
    }
  }
  const outcomes = emptyCounts();
  OUTCOMES.forEach((o, k) => (outcomes[o] = t.outcomes[o] - t.afterRelease[k]!));
  const inTime: InTime = { cases: table.length - late.length, outcomes };
  if (t.open) {
    inTime.undetermined = t.open.undetermined - open;
    const range = {} as Record<Outcome, OutcomeRange>;
    OUTCOMES.forEach((o, k) => (range[o] = { atLeast: t.open!.atLeast[k]! - atLeast[k]!, atMost: t.open!.atMost[k]! - atMost[k]! }));
    inTime.range = range;
  }
  if (t.final) {
    const f = t.final;
    const hold = f.atMost.hold - finalAtMost[0]!;
    const mayHold = f.findingsMayHold - findingsMayHold;
    inTime.finalRange = {
      atMost: { hold, notify: f.atMost.notify - finalAtMost[1]!, decline: f.atMost.decline - finalAtMost[3]! },
      findingsMayHold: mayHold,
      // As the tally's: every case that could end held is a certain hold, a finding's or one the records leave open.
      openMayHold: hold - outcomes.hold - mayHold,
    };
  }
  return inTime;
}

/** Decisions by year and month of the request and by facility, in key order (facilities by name). */
export function breakdownOf(t: CaseTable, codes: Int32Array, possible?: Uint8Array, finalOf?: (i: number) => number): Breakdown {
  // Counts per key: 4 outcomes, undetermined, held at least, held at most, then of the requests after
  // release their 4 outcomes and undetermined. Keys are numbers while counting (year * 16 + month;
  // facility string ids), so a million cases make no strings.
  const COUNTS = 12;
  const months = new Map<number, Float64Array>();
  const facilities = new Map<number, Float64Array>();
  const bump = (map: Map<number, Float64Array>, key: number, code: number, p: number, held: number, late: boolean) => {
    let c = map.get(key);
    if (!c) map.set(key, (c = new Float64Array(COUNTS)));
    c[code & 3]!++;
    if (p & (p - 1)) c[4]!++;
    else if ((code & 3) === 0 && held & 1) c[5]!++;
    if (held & 1) c[6]!++;
    if (late) {
      c[7 + (code & 3)]!++;
      if (p & (p - 1)) c[11]!++;
    }
  };
  const anyFacility = t.facility.some((f) => f !== 0);
  const anyLate = mayHaveRequestAfterRelease(t);
  for (let i = 0; i < t.length; i++) {
    const code = codes[i]!;
    const p = possible ? possible[i]! : 1 << (code & 3);
    // An open decision that may come to a finding may end in a hold the finding gives; a request after
    // the release time ends in none (no one is held on it), whatever the decision.
    const late = anyLate && requestAfterRelease(t, i);
    const held = late ? 0 : finalOf && p & (p - 1) && p & REVIEW_BIT ? (p & ~REVIEW_BIT) | (finalOf(i) & 1) : p;
    bump(months, t.issuedYmd[i]! >> 5, code, p, held, late);
    if (anyFacility) bump(facilities, t.facility[i]!, code, p, held, late);
  }
  const row = (key: string, c: Float64Array): FigureRow => ({
    key,
    total: c[0]! + c[1]! + c[2]! + c[3]!,
    outcomes: { hold: c[0]!, notify: c[1]!, review: c[2]!, decline: c[3]! },
    undetermined: c[4]!,
    held: { atLeast: c[5]!, atMost: c[6]! },
    afterRelease: c[7]! + c[8]! + c[9]! + c[10]!,
    inTime: {
      outcomes: { hold: c[0]! - c[7]!, notify: c[1]! - c[8]!, review: c[2]! - c[9]!, decline: c[3]! - c[10]! },
      undetermined: c[4]! - c[11]!,
    },
  });
  const years = new Map<number, Float64Array>();
  for (const [ym, c] of months) {
    const y = ym >> 4;
    const sum = years.get(y) ?? new Float64Array(COUNTS);
    for (let k = 0; k < COUNTS; k++) sum[k]! += c[k]!;
    years.set(y, sum);
  }
  const byKey = (a: FigureRow, b: FigureRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return {
    byYear: [...years].map(([y, c]) => row(String(y), c)).sort(byKey),
    byMonth: [...months].map(([ym, c]) => row(`${ym >> 4}-${String(ym & 15).padStart(2, '0')}`, c)).sort(byKey),
    byFacility: [...facilities].map(([f, c]) => row(f ? t.strings[f]! : '(no facility given)', c)).sort(byKey),
  };
}

function ref(policy: CompiledPolicy, code: number): DecisionRef {
  return { outcome: OUTCOMES[code & 3]!, provision: policy.provisionIdOf(code >> 2), citation: policy.citationOf(code >> 2) };
}

/** Cases as given: a table, or prepared cases (put into a table first). */
export type Cases = CaseTable | readonly PreparedCase[];

export function tableOf(cases: Cases): CaseTable {
  return Array.isArray(cases) ? caseTable(cases as readonly PreparedCase[]) : (cases as CaseTable);
}

const hoursOf = (minutes: Float64Array) => Array.from(minutes, (m) => round2(m / 60));

export function simulate(policy: CompiledPolicy, cases: Cases, opts: SimulateOptions = {}): SimulationResult {
  const table = tableOf(cases);
  const total = opts.compare ? 2 * table.length : table.length;
  const t = tally(policy, table, opts, 0, total, undefined, opts.compare !== undefined);
  // The requests after release, found once for both sides of a comparison, and looked for only when
  // the tally met some (a pass over the table's times saved on the usual set, where none is late).
  const late = t.afterRelease.some((n) => n > 0) ? casesWithRequestAfterRelease(table) : [];
  const summary = summarize(policy, t, table, late);
  const outcomesOf = (k: number) => {
    const o = emptyCounts();
    OUTCOMES.forEach((x, c) => (o[x] = t.byProvisionOutcome[(k << 2) | c]!));
    return o;
  };
  const last = policy.provisions.length;
  const oneOf = (k: number) => ({
    ...(t.byProvisionOneOf[k] ? { settledOneOf: t.byProvisionOneOf[k] } : {}),
    ...(t.byProvisionMay[k] ? { mayDecide: t.byProvisionMay[k] } : {}),
  });
  const coverage: Coverage = {
    provisions: policy.provisions.map((p, i) => ({
      id: p.id,
      citation: p.citation,
      outcome: p.outcome,
      decided: t.byProvision[i]!,
      outcomes: outcomesOf(i),
      undetermined: t.byProvisionOpen[i]!,
      ...oneOf(i),
    })),
    otherwise: {
      citation: policy.otherwiseCitation,
      outcome: policy.otherwise,
      decided: t.byProvision[last]!,
      outcomes: outcomesOf(last),
      undetermined: t.byProvisionOpen[last]!,
      ...oneOf(last),
    },
    unreached: policy.provisions
      .filter((_, i) => t.byProvision[i] === 0 && t.byProvisionMay[i] === 0 && t.byProvisionOpen[i] === 0)
      .map((p) => p.id),
    decided: table.length - (t.open?.undetermined ?? 0),
    undecided: t.open?.undetermined ?? 0,
  };
  const result: SimulationResult = {
    summary,
    coverage,
    codes: t.codes,
    holdHoursByProvision: hoursOf(t.holdMinutesByProvision),
    holdHoursOneOf: round2(t.holdMinutesOneOf / 60),
    breakdown: breakdownOf(table, t.codes, t.open?.possible, t.open && t.final ? policy.bindFinal(table) : undefined),
  };
  if (t.open) {
    result.possible = t.open.possible;
    result.dependsOn = t.open.dependsOn;
  }
  if (t.oneOf) result.decidedByOneOf = t.oneOf;
  if (t.undecided) result.undecidedBy = t.undecided;
  if (late.length) result.afterReleaseCases = Int32Array.from(late);
  if (opts.compare) {
    const other = opts.compare.policy;
    const ot = tally(other, table, opts, table.length, total, { policy, codes: t.codes }, true);
    result.otherCodes = ot.codes;
    result.otherHoldHoursByProvision = hoursOf(ot.holdMinutesByProvision);
    result.otherHoldHoursOneOf = round2(ot.holdMinutesOneOf / 60);
    if (ot.open) {
      result.otherPossible = ot.open.possible;
      result.otherDependsOn = ot.open.dependsOn;
    }
    if (ot.oneOf) result.otherDecidedByOneOf = ot.oneOf;
    if (ot.undecided) result.otherUndecidedBy = ot.undecided;
    const otherSummary = summarize(other, ot, table, late);
    const cap = opts.maxChangedCases ?? Infinity;
    const changedCases: ChangedCase[] = [];
    const cells = new Float64Array(16);
    const codes = t.codes;
    const otherCodes = ot.codes;
    // Decision references are shared between changed cases with the same pair of codes.
    const refs = new Map<number, DecisionRef>();
    // A settled decision more than one provision may give names each (`decidedByOneOf`), not the first alone.
    const oneOfRefs = new Map<string, DecisionRef>();
    const refOf = (p: CompiledPolicy, code: number, side: number, i: number): DecisionRef => {
      // An open decision names each outcome it could have and the provisions that would give it, not the first that may apply alone.
      const undecided = side ? ot.undecided : t.undecided;
      const open = undecided ? undecided.of[i]! : 0;
      if (open) {
        const key = `${side} open ${open} ${code}`;
        let r = oneOfRefs.get(key);
        if (!r) {
          const by = Object.freeze(
            undecided!.sets[open - 1]!.map((x) =>
              Object.freeze({
                outcome: OUTCOMES[x.outcome]!,
                under: Object.freeze(x.provisions.map((k) => Object.freeze({ provision: p.provisionIdOf(k), citation: p.citationOf(k) }))),
              }),
            ),
          );
          oneOfRefs.set(key, (r = Object.freeze({ ...ref(p, code), undecided: by })));
        }
        return r;
      }
      const oneOf = side ? ot.oneOf : t.oneOf;
      const set = oneOf ? oneOf.of[i]! : 0;
      if (set) {
        const key = `${side} ${set} ${code}`;
        let r = oneOfRefs.get(key);
        if (!r) {
          const decidedByOneOf = Object.freeze(
            oneOf!.sets[set - 1]!.map((k) => Object.freeze({ provision: p.provisionIdOf(k), citation: p.citationOf(k) })),
          );
          oneOfRefs.set(key, (r = Object.freeze({ ...ref(p, code), decidedByOneOf })));
        }
        return r;
      }
      const key = code * 2 + side;
      let r = refs.get(key);
      if (!r) refs.set(key, (r = Object.freeze(ref(p, code))));
      return r;
    };
    const mineOpen = t.open?.possible;
    const theirsOpen = ot.open?.possible;
    const isOpen = (p: number) => (p & (p - 1)) !== 0;
    // A decision is its outcome and, for a hold, when the hold ends: two holds ending at different
    // times (another length, other days skipped, another clock) are decided differently.
    const ends = t.holdEnds!;
    const otherEnds = ot.holdEnds!;
    const endsDiffer = new Uint8Array(table.length);
    let holdEndsDiffer = 0;
    let holdEndsDifferByLimit = 0;
    let holdEndsMayDiffer = 0;
    let holdEndsMayDifferUnsettled = 0;
    const unknown = table.unknown;
    // Both sides' limits for holds from a release time the records lack, shared between cases alike.
    const limitPairs = new Map<string, { policy: HoldLimit; other: HoldLimit }>();
    // Whether a hold from a release time the records lack may be decided by provisions with different limits (either side).
    const mineBound = table.hasUnknown ? policy.bind(table) : undefined;
    const theirBound = table.hasUnknown ? other.bind(table) : undefined;
    const limitsOpen = (i: number): boolean =>
      (unknown[i]! & U_RELEASE) !== 0 &&
      ((mineBound!.deciderCount!(i) > 1 && policy.holdLimitsOf(table, i, codes[i]!).length > 1) ||
        (theirBound!.deciderCount!(i) > 1 && other.holdLimitsOf(table, i, otherCodes[i]!).length > 1));
    // Changed: another outcome or another end where both sides are settled (or both open); with one side
    // open, no outcome in common. Otherwise, with one side open, the decisions may differ.
    let changed = 0;
    let mayDiffer = 0;
    // The requests after release, counted apart (see `Comparison.afterRelease`); `nextLate` indexes `late`.
    let lateChanged = 0;
    let lateMayDiffer = 0;
    let nextLate = 0;
    // A changed case listed (while the list has room), its own facts set by the caller before its open sides.
    const listed = (i: number): ChangedCase | undefined => {
      if (changedCases.length >= cap) return undefined;
      const c: ChangedCase = { id: caseId(table, i), policy: refOf(policy, codes[i]!, 0, i), other: refOf(other, otherCodes[i]!, 1, i) };
      changedCases.push(c);
      return c;
    };
    const markOpen = (c: ChangedCase, mine: number, theirs: number): void => {
      if (isOpen(mine)) c.policyOpen = true;
      if (isOpen(theirs)) c.otherOpen = true;
    };
    for (let i = 0; i < table.length; i++) {
      const a = codes[i]! & 3;
      const b = otherCodes[i]! & 3;
      cells[(a << 2) | b]!++;
      // One side open (undecided on these records), the other settled: the decisions differ for
      // certain only when no outcome the open side could have is the settled side's (a hold it could
      // have may end when the other's does, or not).
      const mine = mineOpen ? mineOpen[i]! : 1 << a;
      const theirs = theirsOpen ? theirsOpen[i]! : 1 << b;
      // A request after release: no one is held or reported on it, so its decisions differ by outcome
      // alone, and they are counted apart from the changed cases, as the outcome counts keep it apart.
      if (nextLate < late.length && late[nextLate] === i) {
        nextLate++;
        if (isOpen(mine) !== isOpen(theirs)) {
          if (mine & theirs) lateMayDiffer++;
          else lateChanged++;
        } else if (a !== b) lateChanged++;
        continue;
      }
      if (isOpen(mine) !== isOpen(theirs)) {
        const may = (mine & theirs) !== 0;
        if (may) mayDiffer++;
        else changed++;
        const c = listed(i);
        if (c) {
          markOpen(c, mine, theirs);
          if (may) c.mayDiffer = true;
        }
        continue;
      }
      let laterOrSooner = false;
      let limits: { policy: HoldLimit; other: HoldLimit } | undefined;
      // Set when a side's hold may end at more than one time: no end of it is named.
      let endsOpen = false;
      if (a === 0 && b === 0 && (t.open?.lengthOpen?.[i] || ot.open?.lengthOpen?.[i] || limitsOpen(i))) {
        // A side whose hold more than one provision may decide under different limits: its end is one
        // of several. The ends differ when no end of one side is an end of the other (no such case is
        // listed with ends or limits: neither side's is known), they may when some are.
        endsOpen = true;
        const ends = sideEnds(table, i, policy, codes[i]!, other, otherCodes[i]!);
        if (ends === 'may differ') {
          holdEndsMayDiffer++;
          holdEndsMayDifferUnsettled++;
        } else if (ends === 'differ') laterOrSooner = true;
        if (ends === 'differ' && (unknown[i]! & U_RELEASE) !== 0) holdEndsDifferByLimit++;
      } else if (a === 0 && b === 0) {
        if ((unknown[i]! & U_RELEASE) === 0) laterOrSooner = ends[i] !== otherEnds[i];
        else {
          // No end is known, but the limits may say whether the two ends differ (see endsFromUnknownRelease).
          const mine = policy.holdLimitOf(codes[i]! >> 2, table, i);
          const theirs = other.holdLimitOf(otherCodes[i]! >> 2, table, i);
          const ends = endsFromUnknownRelease(mine, policy, theirs, other);
          if (ends === 'may differ') holdEndsMayDiffer++;
          else if (ends === 'differ') {
            laterOrSooner = true;
            holdEndsDifferByLimit++;
            const key = `${mine.hours} ${mine.excludingWeekendsAndHolidays === true} ${theirs.hours} ${theirs.excludingWeekendsAndHolidays === true}`;
            limits = limitPairs.get(key);
            if (!limits) limitPairs.set(key, (limits = Object.freeze({ policy: holdLimit(mine), other: holdLimit(theirs) })));
          }
        }
      }
      if (laterOrSooner) {
        endsDiffer[i] = 1;
        holdEndsDiffer++;
      }
      if (a !== b || laterOrSooner) {
        changed++;
        const c = listed(i);
        if (c) {
          if (limits) c.holdLimits = limits;
          else if (laterOrSooner && !endsOpen) c.holdUntil = new HoldEnds(ends[i]!, otherEnds[i]!);
          markOpen(c, mine, theirs);
        }
      }
    }
    const matrix = Object.fromEntries(
      OUTCOMES.map((o, a) => [o, Object.fromEntries(OUTCOMES.map((p, b) => [p, cells[(a << 2) | b]!]))]),
    ) as Record<Outcome, Record<Outcome, number>>;
    result.holdEndsDiffer = endsDiffer;
    const outcomesDelta = emptyCounts();
    for (const o of OUTCOMES) outcomesDelta[o] = summary.outcomes[o] - otherSummary.outcomes[o];
    result.comparison = {
      other: { title: opts.compare.title, ...(opts.compare.fingerprint ? { fingerprint: opts.compare.fingerprint } : {}) },
      matrix,
      changed,
      mayDiffer,
      holdEndsDiffer,
      holdEndsDifferByLimit,
      holdEndsMayDiffer,
      ...(holdEndsMayDifferUnsettled ? { holdEndsMayDifferUnsettled } : {}),
      otherSummary,
      delta: {
        holdHours: round2(summary.holdHours - otherSummary.holdHours),
        cost: round2(summary.cost.total - otherSummary.cost.total),
        outcomes: outcomesDelta,
      },
      cases: changedCases,
      ...(late.length ? { afterRelease: { cases: late.length, changed: lateChanged, mayDiffer: lateMayDiffer } } : {}),
    };
  }
  return result;
}

/**
 * Whether two holds of one case, each of which may be decided under more than one limit (holdLimitsOf),
 * end at different times: 'same' when every end each may have is the other's one end, 'differ' when
 * no end one may have is an end the other may have, else 'may differ'. From a release time the records
 * lack, the limits are compared pairwise as endsFromUnknownRelease compares two.
 */
function sideEnds(
  t: CaseTable,
  i: number,
  policy: CompiledPolicy,
  code: number,
  other: CompiledPolicy,
  otherCode: number,
): 'same' | 'differ' | 'may differ' {
  if ((t.unknown[i]! & U_RELEASE) === 0) {
    const mine = policy.holdEndsOf(t, i, code);
    const theirs = other.holdEndsOf(t, i, otherCode);
    if (mine.length === 1 && theirs.length === 1) return mine[0] === theirs[0] ? 'same' : 'differ';
    return mine.some((e) => theirs.includes(e)) ? 'may differ' : 'differ';
  }
  let same = true;
  let differ = true;
  for (const a of policy.holdLimitsOf(t, i, code))
    for (const b of other.holdLimitsOf(t, i, otherCode)) {
      const ends = endsFromUnknownRelease(a, policy, b, other);
      if (ends !== 'same') same = false;
      if (ends !== 'differ') differ = false;
    }
  return same ? 'same' : differ ? 'differ' : 'may differ';
}

const holdLimit = (h: MaxHold): HoldLimit =>
  Object.freeze({ hours: h.hours, excludingWeekendsAndHolidays: h.excludingWeekendsAndHolidays === true });

/** What a policy's holds are counted on: the days its holidays leave out, and its time zone. */
interface HoldClockOf {
  readonly calendar: HolidayCalendar;
  readonly zone: TimeZone | undefined;
}

/**
 * Whether two holds that start at the same release, under limits `a` (on `aClock`) and `b`, end at
 * different times when the release time is unknown: 'same' when they end together from any release,
 * 'differ' when they end apart from any release, else 'may differ' (it turns on the release time).
 * Exact only: where unsure, 'may differ'.
 */
export function endsFromUnknownRelease(a: MaxHold, aClock: HoldClockOf, b: MaxHold, bClock: HoldClockOf): 'same' | 'differ' | 'may differ' {
  const aSkips = a.excludingWeekendsAndHolidays === true;
  const bSkips = b.excludingWeekendsAndHolidays === true;
  if (aSkips === bSkips) {
    // Counted on the same days (leaving out the same holidays, whose bounds are the same zone's
    // midnights) or the same clock, a hold's end moves with its hours: more hours, a later end.
    const sameZone = aClock.zone?.name === bClock.zone?.name;
    const sameClock = aSkips ? sameZone && aClock.calendar.sameSettingAs(bClock.calendar) : sameZone;
    if (sameClock) return a.hours === b.hours ? 'same' : 'differ';
    // Calendar hours on two clocks end at most an hour apart (a change of the clocks); other holidays may or may not fall in the hold.
    if (!aSkips && Math.abs(a.hours - b.hours) > 1) return 'differ';
    return 'may differ';
  }
  // Leaving days out only lengthens a hold: N hours without weekends and holidays end no sooner than
  // N calendar hours on the wall clock, and a clock that changes moves a calendar hold's end by an hour at most.
  const [skips, calendar, calendarClock] = aSkips ? [a, b, bClock] : [b, a, aClock];
  return skips.hours > calendar.hours + (calendarClock.zone ? 1 : 0) ? 'differ' : 'may differ';
}

/** A hold's end for a changed case: the local time. */
function endWords(minute: number): string {
  return formatDateTime(minute);
}

/**
 * Both ends of a changed case's holds, put in words when read (a comparison with the baseline can
 * list hundreds of thousands, most never read); JSON gives the words.
 */
class HoldEnds {
  readonly #policy: number;
  readonly #other: number;
  constructor(policy: number, other: number) {
    this.#policy = policy;
    this.#other = other;
  }
  get policy(): string {
    return endWords(this.#policy);
  }
  get other(): string {
    return endWords(this.#other);
  }
  toJSON(): { policy: string; other: string } {
    return { policy: this.policy, other: this.other };
  }
}

/** Full decisions (with explanations) for every case: for reports and `--json`, not the hot path. */
export function decideAll(policy: CompiledPolicy, cases: Cases): Decision[] {
  const t = tableOf(cases);
  const out: Decision[] = new Array(t.length);
  for (let i = 0; i < t.length; i++) out[i] = policy.explain(t, i);
  return out;
}
