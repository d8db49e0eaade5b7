// Simulating a policy over a case set: decisions, a summary with hold hours and cost, coverage of
// provisions, and a comparison with another policy or the honor-every-detainer baseline.

import { caseTable, type CaseTable } from './case-table';
import type { CompiledPolicy } from './compile';
import type { Decision, Outcome } from './model';
import { OUTCOMES } from './model';
import type { PreparedCase } from './prepared';

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
}

export interface SimulateOptions {
  compare?: { policy: CompiledPolicy; title: string; fingerprint?: string };
  /** Cap on the changed cases listed (the count is always exact). Default: all. */
  maxChangedCases?: number;
  /** Called every `progressEvery` cases; return false to cancel. */
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
}

function tally(policy: CompiledPolicy, t: CaseTable, opts: SimulateOptions): Tally {
  const n = t.length;
  const codes = new Int32Array(n);
  const counts = new Int32Array(4);
  const byProvision = new Int32Array(policy.provisions.length + 1);
  let holdMinutes = 0;
  const every = opts.progressEvery ?? 65536;
  const decide = policy.bind(t).decide;
  const release = t.release;
  for (let start = 0; start < n; start += every) {
    const end = Math.min(n, start + every);
    for (let i = start; i < end; i++) {
      const code = decide(i);
      codes[i] = code;
      counts[code & 3]!++;
      byProvision[code >> 2]!++;
      if ((code & 3) === 0) holdMinutes += policy.holdEndAt(release[i]!, code >> 2) - release[i]!;
    }
    if (opts.onProgress && opts.onProgress(end, n) === false) throw new SimulationCancelled();
  }
  const outcomes = emptyCounts();
  OUTCOMES.forEach((o, k) => (outcomes[o] = counts[k]!));
  return { codes, outcomes, byProvision, holdMinutes };
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

export function simulate(policy: CompiledPolicy, cases: Cases, opts: SimulateOptions = {}): SimulationResult {
  const table = tableOf(cases);
  const t = tally(policy, table, opts);
  const summary = summarize(policy, t, table.length);
  const coverage: Coverage = {
    provisions: policy.provisions.map((p, i) => ({ id: p.id, citation: p.citation, outcome: p.outcome, decided: t.byProvision[i]! })),
    otherwise: { citation: policy.otherwiseCitation, outcome: policy.otherwise, decided: t.byProvision[policy.provisions.length]! },
    unreached: policy.provisions.filter((_, i) => t.byProvision[i] === 0).map((p) => p.id),
  };
  const result: SimulationResult = { summary, coverage, codes: t.codes };
  if (opts.compare) {
    const other = opts.compare.policy;
    const ot = tally(other, table, {});
    const otherSummary = summarize(other, ot, table.length);
    const matrix = Object.fromEntries(OUTCOMES.map((o) => [o, emptyCounts()])) as Record<Outcome, Record<Outcome, number>>;
    const cap = opts.maxChangedCases ?? Infinity;
    const changedCases: ChangedCase[] = [];
    let changed = 0;
    const cells = new Int32Array(16);
    for (let i = 0; i < table.length; i++) {
      const a = t.codes[i]! & 3;
      const b = ot.codes[i]! & 3;
      cells[(a << 2) | b]!++;
      if (a !== b) {
        changed++;
        if (changedCases.length < cap)
          changedCases.push({ id: table.ids[i]!, policy: ref(policy, t.codes[i]!), other: ref(other, ot.codes[i]!) });
      }
    }
    OUTCOMES.forEach((a, ai) => OUTCOMES.forEach((b, bi) => (matrix[a][b] = cells[(ai << 2) | bi]!)));
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
