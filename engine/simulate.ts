// Simulating a policy over a case set: decisions, a summary with hold hours and cost, coverage of
// provisions, and a comparison with another policy or the honor-every-detainer baseline.

import { caseTable, type CaseTable } from './case-table';
import type { CompiledPolicy } from './compile';
import type { Decision, Outcome } from './model';
import { OUTCOMES } from './model';
import type { PreparedCase } from './prepared';
import { holdEnd, isWeekend, type HolidayCalendar, type OffDays } from './time';

export interface SimulationSummary {
  total: number;
  outcomes: Record<Outcome, number>;
  /** Hours held past release, all holds together (calendar hours). */
  holdHours: number;
  cost: { perInmateDay: number; total: number; reimbursed: number; unreimbursed: number; currency: 'USD' };
}

export interface CoverageEntry {
  id: string;
  citation: string;
  outcome: Outcome;
  decided: number;
}

export interface Coverage {
  provisions: CoverageEntry[];
  otherwise: { citation: string; outcome: Outcome; decided: number };
  /** Ids of detainer provisions that decided no case. */
  unreached: string[];
}

export interface DecisionRef {
  outcome: Outcome;
  provision: string;
  citation: string;
}

export interface ChangedCase {
  id: string;
  policy: DecisionRef;
  other: DecisionRef;
}

export interface Comparison {
  other: { title: string; fingerprint?: string };
  /** matrix[outcome under this policy][outcome under the other] = number of cases. */
  matrix: Record<Outcome, Record<Outcome, number>>;
  changed: number;
  otherSummary: SimulationSummary;
  /** Differences this policy makes relative to the other, policy minus other. */
  delta: { holdHours: number; cost: number; outcomes: Record<Outcome, number> };
  cases: ChangedCase[];
}

export interface SimulationResult {
  summary: SimulationSummary;
  coverage: Coverage;
  comparison?: Comparison;
  /** Per case: (provisionIndex << 2) | outcome code, as CompiledPolicy.decideCode returns. */
  codes: Int32Array;
  /** Hours held past release by each provision (the last entry is the otherwise clause). */
  holdHoursByProvision: number[];
  /** The same for the compared policy, when there is one: each side is decided once. */
  otherCodes?: Int32Array;
  otherHoldHoursByProvision?: number[];
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
  holdMinutes: number;
  holdMinutesByProvision: Float64Array;
}

/**
 * Hold ends for a whole simulation: time.holdEnd's walk over days, with each day's weekend or
 * holiday status looked up in a table instead of asked of the calendar (a million holds would ask
 * it millions of times).
 */
class HoldClock implements OffDays {
  private first = 0;
  private off = new Uint8Array(0);

  constructor(private readonly calendar: HolidayCalendar) {}

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
    return holdEnd(start, hours, excludeWeekendsAndHolidays, this);
  }
}

/** Decides every case once; progress is reported as `offset + done` of `total`. */
function tally(policy: CompiledPolicy, t: CaseTable, opts: SimulateOptions, offset = 0, total = t.length): Tally {
  const n = t.length;
  const codes = new Int32Array(n);
  const counts = new Float64Array(4);
  const byProvision = new Int32Array(policy.provisions.length + 1);
  const clock = new HoldClock(policy.calendar);
  const holdHours: number[] = [];
  const holdExcludes: boolean[] = [];
  for (let i = 0; i <= policy.provisions.length; i++) {
    const h = policy.maxHoldOf(i);
    holdHours.push(h.hours);
    holdExcludes.push(h.excludingWeekendsAndHolidays === true);
  }
  const holdMinutesByProvision = new Float64Array(policy.provisions.length + 1);
  const every = opts.progressEvery ?? 65536;
  const decide = policy.bind(t).decide;
  const release = t.release;
  for (let start = 0; start < n; start += every) {
    const end = Math.min(n, start + every);
    for (let i = start; i < end; i++) {
      const code = decide(i);
      codes[i] = code;
      counts[code & 3]!++;
      const p = code >> 2;
      byProvision[p]!++;
      if ((code & 3) === 0) holdMinutesByProvision[p]! += clock.end(release[i]!, holdHours[p]!, holdExcludes[p]!) - release[i]!;
    }
    if (opts.onProgress && opts.onProgress(offset + end, total) === false) throw new SimulationCancelled();
  }
  let holdMinutes = 0;
  for (const m of holdMinutesByProvision) holdMinutes += m;
  const outcomes = emptyCounts();
  OUTCOMES.forEach((o, k) => (outcomes[o] = counts[k]!));
  return { codes, outcomes, byProvision, holdMinutes, holdMinutesByProvision };
}

function summarize(policy: CompiledPolicy, t: Tally, total: number): SimulationSummary {
  const holdHours = t.holdMinutes / 60;
  const perDay = policy.scenario.costPerInmateDay;
  const cost = round2((holdHours / 24) * perDay);
  const reimbursed = policy.scenario.reimbursementAgreement ? cost : 0;
  return {
    total,
    outcomes: t.outcomes,
    holdHours: round2(holdHours),
    cost: { perInmateDay: perDay, total: cost, reimbursed, unreimbursed: round2(cost - reimbursed), currency: 'USD' },
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
  const t = tally(policy, table, opts, 0, total);
  const summary = summarize(policy, t, table.length);
  const coverage: Coverage = {
    provisions: policy.provisions.map((p, i) => ({ id: p.id, citation: p.citation, outcome: p.outcome, decided: t.byProvision[i]! })),
    otherwise: { citation: policy.otherwiseCitation, outcome: policy.otherwise, decided: t.byProvision[policy.provisions.length]! },
    unreached: policy.provisions.filter((_, i) => t.byProvision[i] === 0).map((p) => p.id),
  };
  const result: SimulationResult = { summary, coverage, codes: t.codes, holdHoursByProvision: hoursOf(t.holdMinutesByProvision) };
  if (opts.compare) {
    const other = opts.compare.policy;
    const ot = tally(other, table, opts, table.length, total);
    result.otherCodes = ot.codes;
    result.otherHoldHoursByProvision = hoursOf(ot.holdMinutesByProvision);
    const otherSummary = summarize(other, ot, table.length);
    const cap = opts.maxChangedCases ?? Infinity;
    const changedCases: ChangedCase[] = [];
    const cells = new Float64Array(16);
    const codes = t.codes;
    const otherCodes = ot.codes;
    // Decision references are shared between changed cases with the same pair of codes.
    const refs = new Map<number, DecisionRef>();
    const refOf = (p: CompiledPolicy, code: number, side: number): DecisionRef => {
      const key = code * 2 + side;
      let r = refs.get(key);
      if (!r) refs.set(key, (r = Object.freeze(ref(p, code))));
      return r;
    };
    for (let i = 0; i < table.length; i++) {
      const a = codes[i]! & 3;
      const b = otherCodes[i]! & 3;
      cells[(a << 2) | b]!++;
      if (a !== b && changedCases.length < cap)
        changedCases.push({ id: table.ids[i]!, policy: refOf(policy, codes[i]!, 0), other: refOf(other, otherCodes[i]!, 1) });
    }
    const matrix = Object.fromEntries(
      OUTCOMES.map((o, a) => [o, Object.fromEntries(OUTCOMES.map((p, b) => [p, cells[(a << 2) | b]!]))]),
    ) as Record<Outcome, Record<Outcome, number>>;
    let changed = 0;
    for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) if (a !== b) changed += cells[(a << 2) | b]!;
    const outcomesDelta = emptyCounts();
    for (const o of OUTCOMES) outcomesDelta[o] = summary.outcomes[o] - otherSummary.outcomes[o];
    result.comparison = {
      other: { title: opts.compare.title, ...(opts.compare.fingerprint ? { fingerprint: opts.compare.fingerprint } : {}) },
      matrix,
      changed,
      otherSummary,
      delta: {
        holdHours: round2(summary.holdHours - otherSummary.holdHours),
        cost: round2(summary.cost.total - otherSummary.cost.total),
        outcomes: outcomesDelta,
      },
      cases: changedCases,
    };
  }
  return result;
}

/** Full decisions (with explanations) for every case: for reports and `--json`, not the hot path. */
export function decideAll(policy: CompiledPolicy, cases: Cases): Decision[] {
  const t = tableOf(cases);
  const out: Decision[] = new Array(t.length);
  for (let i = 0; i < t.length; i++) out[i] = policy.explain(t, i);
  return out;
}
