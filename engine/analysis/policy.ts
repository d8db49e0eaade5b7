// An ordinance read symbolically: for every provision, the exact set of fact combinations it
// decides and with what outcome, after first-match order, discretion (three-valued) and the rule
// that an outcome never exceeds what ICE requested — the same semantics as the compiled policy.

import { compile, FEDERAL_MAX_HOLD, type CompiledPolicy } from '../compile';
import type { PathSegment } from '../diagnostics';
import { layoutOrdinance, type Layout } from '../layout';
import type { Condition, Decision, MaxHold, Ordinance, Outcome, Scenario } from '../model';
import { OUTCOMES, otherwiseHoldOf } from '../model';
import { prepareCase } from '../cases';
import { caseTable } from '../case-table';
import type { PreparedCase } from '../prepared';
import { FALSE_NODE } from './bdd';
import type { ConcreteCase, FactSpace, TriSet } from './facts';

export interface SymbolicNode {
  path: PathSegment[];
  condition: Condition;
  tri: TriSet;
  children: SymbolicNode[];
}

export interface SymbolicProvision {
  index: number;
  id: string;
  citation: string;
  outcome: Outcome;
  maxHold?: MaxHold;
  /** Where the provision is in the document. */
  path: PathSegment[];
  /** The condition's truth everywhere (null when the provision has no condition). */
  condition: SymbolicNode | null;
  /** Where the provision's condition is not false (true or unknown), before the constraint and order. */
  when: number;
  /** Combinations no earlier provision decides. */
  reaches: number;
  /** Combinations this provision decides: reaches and applies. */
  decides: number;
}

export interface DecisionRegion {
  /** Index of the deciding provision; equals the number of provisions for the otherwise clause. */
  provisionIndex: number;
  provision: string;
  citation: string;
  /** What the policy allows before the outcome is limited to what ICE requested. */
  allowed: Outcome;
  outcome: Outcome;
  /** For a hold: the maximum that applies. */
  maxHold?: MaxHold;
  /** True when the provision's condition turned on a discretionary finding (review). */
  byDiscretion: boolean;
  /** The combinations (within the fact space's constraint). */
  set: number;
}

/** Condition trees of frozen conditions, with what they were worked out in (`SymbolicPolicy.keptNode`). */
const KEPT_NODES = new WeakMap<
  Condition,
  {
    space: FactSpace;
    ordinanceIndex: number;
    definitions: Ordinance['definitions'];
    juvenile: Ordinance['juvenileAdjudications'];
    sectionIndex: number;
    provisionIndex: number;
    node: SymbolicNode;
  }
>();

export class SymbolicPolicy {
  readonly provisions: SymbolicProvision[] = [];
  readonly regions: DecisionRegion[] = [];
  /** Combinations the otherwise clause decides. */
  readonly reachesDefault: number;
  /**
   * Combinations the otherwise clause may decide once the findings are made: those no provision
   * surely applies to (a provision that turns on a finding lets the case pass when the finding is no).
   */
  readonly reachesDefaultAfterFindings: number;
  readonly otherwiseCitation: string;

  constructor(
    readonly space: FactSpace,
    readonly ordinanceIndex: number,
    readonly ordinance: Ordinance,
    /** The ordinance's layout, when the caller has it already. */
    layout: Layout = layoutOrdinance(ordinance),
  ) {
    const b = space.bdd;
    this.otherwiseCitation = layout.otherwiseCitation;
    let reach = space.valid;
    let reachAfterFindings = space.valid;
    layout.detainerProvisions.forEach((lp, index) => {
      const p = lp.provision;
      const path: PathSegment[] = ['sections', lp.sectionIndex, 'provisions', lp.provisionIndex];
      const condition = p.when ? this.keptNode(p.when, lp.sectionIndex, lp.provisionIndex, path) : null;
      const tri = condition ? condition.tri : { t: 1, n: 1 };
      const decides = b.and(reach, tri.n);
      const sp: SymbolicProvision = {
        index,
        id: p.id,
        citation: lp.citation,
        outcome: p.outcome!,
        path,
        condition,
        when: tri.n,
        reaches: reach,
        decides,
      };
      if (p.maxHold) sp.maxHold = p.maxHold;
      this.provisions.push(sp);
      const sure = b.and(reach, tri.t);
      const unsure = b.diff(decides, tri.t);
      this.addRegions(index, p.id, lp.citation, p.outcome!, p.maxHold ?? FEDERAL_MAX_HOLD, false, sure);
      this.addRegions(index, p.id, lp.citation, 'review', undefined, true, unsure);
      reach = b.diff(reach, tri.n);
      reachAfterFindings = b.diff(reachAfterFindings, tri.t);
    });
    this.reachesDefault = reach;
    this.reachesDefaultAfterFindings = reachAfterFindings;
    const n = this.provisions.length;
    this.addRegions(n, 'default', layout.otherwiseCitation, ordinance.otherwise, otherwiseHoldOf(ordinance), false, reach);
  }

  /**
   * A provision's condition as a tree of sets, kept for a frozen condition (the editor's document,
   * read by `parseEditedSource`) analysed again in the same space, at the same place, in the same terms.
   */
  private keptNode(when: Condition, sectionIndex: number, provisionIndex: number, path: PathSegment[]): SymbolicNode {
    if (!Object.isFrozen(when)) return this.node(when, [...path, 'when']);
    const { space, ordinanceIndex, ordinance } = this;
    const k = KEPT_NODES.get(when);
    if (
      k &&
      k.space === space &&
      k.ordinanceIndex === ordinanceIndex &&
      k.definitions === ordinance.definitions &&
      k.juvenile === ordinance.juvenileAdjudications &&
      k.sectionIndex === sectionIndex &&
      k.provisionIndex === provisionIndex
    )
      return k.node;
    const node = this.node(when, [...path, 'when']);
    KEPT_NODES.set(when, {
      space,
      ordinanceIndex,
      definitions: ordinance.definitions,
      juvenile: ordinance.juvenileAdjudications,
      sectionIndex,
      provisionIndex,
      node,
    });
    return node;
  }

  private node(c: Condition, path: PathSegment[]): SymbolicNode {
    const children: SymbolicNode[] = [];
    if ('all' in c) c.all.forEach((x, i) => children.push(this.node(x, [...path, 'all', i])));
    else if ('any' in c) c.any.forEach((x, i) => children.push(this.node(x, [...path, 'any', i])));
    else if ('not' in c) children.push(this.node(c.not, [...path, 'not']));
    return { path, condition: c, tri: this.space.tri(this.ordinanceIndex, c), children };
  }

  /** Splits what a provision allows by what ICE requested, as the compiled policy does. */
  private addRegions(
    index: number,
    id: string,
    citation: string,
    allowed: Outcome,
    maxHold: MaxHold | undefined,
    byDiscretion: boolean,
    set: number,
  ): void {
    if (set === FALSE_NODE) return;
    const b = this.space.bdd;
    const r = this.space.requests();
    const add = (outcome: Outcome, part: number) => {
      const s = b.and(set, part);
      if (s === FALSE_NODE) return;
      const region: DecisionRegion = { provisionIndex: index, provision: id, citation, allowed, outcome, byDiscretion, set: s };
      if (outcome === 'hold' && maxHold) region.maxHold = maxHold;
      this.regions.push(region);
    };
    switch (allowed) {
      case 'hold':
        add('hold', r.holdAsked);
        add('notify', r.notifyOnly);
        add('decline', r.none);
        break;
      case 'notify':
      case 'review':
        add(allowed, r.any);
        add('decline', r.none);
        break;
      case 'decline':
        add('decline', 1);
        break;
    }
  }

  /** Combinations on which a provision applies (true or unknown), regardless of order. */
  applies(p: SymbolicProvision): number {
    return this.space.bdd.and(this.space.valid, p.when);
  }

  /** The regions a (partial) combination of atoms can lie in: exactly one for a real case's atoms. */
  regionsOf(values: ArrayLike<number>): DecisionRegion[] {
    return this.regions.filter((r) => this.space.bdd.satisfiableWith(r.set, values));
  }

  /** The combinations ending in an outcome (after limiting to the request). */
  outcomeSet(outcome: Outcome): number {
    const b = this.space.bdd;
    return b.orAll(this.regions.filter((r) => r.outcome === outcome).map((r) => r.set));
  }
}

/** Two holds differ when their maximum differs; other decisions by outcome. */
/**
 * What, beyond a hold's limit, makes two drafts' holds end at different times: the holidays a hold
 * excluding them skips, and whether calendar hours are counted across the nights the clocks change
 * (a time zone with daylight saving time) or on the wall clock.
 */
export interface HoldClocks {
  holidays: boolean;
  daylightSaving: boolean;
}

export function sameDecision(
  a: DecisionRegion,
  b: DecisionRegion,
  clocks: HoldClocks = { holidays: false, daylightSaving: false },
): boolean {
  if (a.outcome !== b.outcome) return false;
  if (a.outcome !== 'hold') return true;
  const x = a.maxHold ?? FEDERAL_MAX_HOLD;
  const y = b.maxHold ?? FEDERAL_MAX_HOLD;
  const excluding = x.excludingWeekendsAndHolidays === true;
  if (x.hours !== y.hours || excluding !== (y.excludingWeekendsAndHolidays === true)) return false;
  // Equal limits: the same end unless the clocks counting them differ (weekdays only, or calendar hours).
  return excluding ? !clocks.holidays : !clocks.daylightSaving;
}

/** Compiled policies per value of the reimbursement agreement, for checking concrete cases. */
export class Verifier {
  private readonly compiled = new Map<Ordinance, Map<boolean, CompiledPolicy>>();

  constructor(private readonly scenario: Scenario = {}) {}

  policy(o: Ordinance, reimbursementAgreement?: boolean): CompiledPolicy {
    const agreement = reimbursementAgreement ?? this.scenario.reimbursementAgreement ?? false;
    let byAgreement = this.compiled.get(o);
    if (!byAgreement) {
      byAgreement = new Map();
      this.compiled.set(o, byAgreement);
    }
    let p = byAgreement.get(agreement);
    if (!p) {
      p = compile(o, { ...this.scenario, reimbursementAgreement: agreement });
      byAgreement.set(agreement, p);
    }
    return p;
  }

  /** The engine's outcome and deciding provision, from its hot path (no explanation). */
  decideCode(o: Ordinance, c: ConcreteCase): { outcome: Outcome; provision: string } {
    const prepared = prepareCase(c.case, 0);
    if (!prepared.ok)
      throw new Error(`constructed case breaks the contract: ${prepared.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    const policy = this.policy(o, c.reimbursementAgreement);
    const code = policy.decideCode(prepared.prepared);
    return { outcome: OUTCOMES[code & 3]!, provision: policy.provisionIdOf(code >> 2) };
  }

  /**
   * The engine's outcomes and deciding provisions for several prepared cases, as decideCode gives each:
   * the cases of each value of the reimbursement agreement in one table, with the policy bound to it
   * once (its bulk path), rather than a table and a binding for each case.
   */
  decideCodes(
    o: Ordinance,
    cases: ReadonlyArray<{ prepared: PreparedCase; reimbursementAgreement?: boolean }>,
  ): Array<{ outcome: Outcome; provision: string }> {
    const out: Array<{ outcome: Outcome; provision: string }> = new Array(cases.length);
    const groups = new Map<CompiledPolicy, number[]>();
    cases.forEach((c, k) => {
      const policy = this.policy(o, c.reimbursementAgreement);
      let rows = groups.get(policy);
      if (!rows) groups.set(policy, (rows = []));
      rows.push(k);
    });
    for (const [policy, rows] of groups) {
      const bound = policy.bind(caseTable(rows.map((k) => cases[k]!.prepared)));
      rows.forEach((k, i) => {
        const code = bound.decide(i);
        out[k] = { outcome: OUTCOMES[code & 3]!, provision: policy.provisionIdOf(code >> 2) };
      });
    }
    return out;
  }

  /** The engine's decision on a concrete case. Throws when the case breaks the contract (a bug here). */
  decide(o: Ordinance, c: ConcreteCase): Decision {
    const prepared = prepareCase(c.case, 0);
    if (!prepared.ok)
      throw new Error(`constructed case breaks the contract: ${prepared.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    return this.policy(o, c.reimbursementAgreement).decide(prepared.prepared);
  }
}
