// What separates two drafts: for every kind of difference (A's provision and outcome against B's), the
// smallest booking case on which they decide differently, checked by running both compiled drafts on
// it; or a proof that no case separates them.

import type { BookingCase, Decision, Ordinance, Outcome, Scenario } from '../model';
import { FALSE_NODE } from './bdd';
import { caseFacts } from './describe';
import { FactSpace } from './facts';
import { sameDecision, SymbolicPolicy, Verifier, type DecisionRegion } from './policy';
import { formatDateTime, parseDateTime, MINUTES_PER_DAY } from '../time';

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

/** Moves the release to another weekday, for holds whose limits differ only over weekends. */
function withReleaseShift(c: BookingCase, days: number): BookingCase {
  if (c.eligibleForReleaseAt === undefined) return c;
  const t = parseDateTime(c.eligibleForReleaseAt);
  return { ...c, eligibleForReleaseAt: formatDateTime(t + days * MINUTES_PER_DAY) };
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
  const kinds = new Map<string, { ra: DecisionRegion; rb: DecisionRegion; set: number }>();
  for (const ra of pa.regions) {
    for (const rb of pb.regions) {
      if (sameDecision(ra, rb)) continue;
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
      const moved = { ...concrete, case: withReleaseShift(concrete.case, -shift) };
      const xa = verifier.decide(a, moved);
      const xb = verifier.decide(b, moved);
      if (decisionsDiffer(xa, xb)) {
        concrete.case = moved.case;
        da = xa;
        db = xb;
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
