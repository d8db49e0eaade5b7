// Use cases on simulation: a draft (and what it is compared with) over a case set, each side decided
// once, with per-provision figures for both; one case explained under both; a decision code decoded;
// and the `simulate --json` document, written in pieces.

import { bookingCaseAt, C_DATE_UNKNOWN, classWords, degreeOf, describeConviction, type CaseTable } from '../case-table';
import { RANK_OF_BIT } from '../offense-rank';
import { formatDate } from '../time';
import { detainerTerm } from '../wording';
import { compile, resolveScenario, type CompiledPolicy } from '../compile';
import type { ProvisionRef } from '../decision-code';
import { jsonChunks, streamed } from '../json-chunks';
import type { BookingCase, Decision, Ordinance, ResolvedScenario, Scenario } from '../model';
import {
  simulate,
  tableOf,
  type Cases,
  type DecidersOneOf,
  type SimulateOptions,
  type SimulationResult,
  type UndecidedBy,
} from '../simulate';
import { baselineFor, type ComparedDraft } from './drafts';

/** What a simulation compares the draft with. */
export type CompareTarget = { kind: 'none' } | { kind: 'baseline' } | ({ kind: 'draft' } & ComparedDraft);

/** One policy's side of a simulation. */
export interface SimulatedSide {
  title: string;
  fingerprint?: string;
  /** The detainer provisions in order, then the otherwise clause: index = provision number of a code. */
  provisions: ProvisionRef[];
  /** Per case: the decision code (see `decodeDecision`). */
  codes: Int32Array;
  /** Hours held past release by each entry of `provisions` (the holds it surely decides). */
  holdHoursByProvision: number[];
  /** Hours of settled holds more than one provision may decide (the records do not show which). */
  holdHoursOneOf: number;
  /** When the cases leave facts unknown: per case, every outcome it may get (bits), and the facts that leave it open. */
  possible?: Uint8Array;
  dependsOn?: Uint32Array;
  /** When some settled case may be decided by more than one provision: which, per case (see Decision.decidedByOneOf). */
  oneOf?: DecidersOneOf;
  /** When some case is open: the outcomes each could have and the provisions that would give each (see DecisionRef.undecided). */
  undecidedBy?: UndecidedBy;
}

export interface DraftSimulation {
  /** Summary, coverage and comparison, as `simulate --json` prints them. */
  result: SimulationResult;
  policy: CompiledPolicy;
  other: CompiledPolicy | null;
  sides: { policy: SimulatedSide; other: SimulatedSide | null };
  cases: CaseTable;
  scenario: ResolvedScenario;
}

export interface SimulateDraftRequest extends Omit<SimulateOptions, 'compare'> {
  ordinance: Ordinance;
  title?: string;
  fingerprint?: string;
  scenario?: Scenario;
  cases: Cases;
  compare?: CompareTarget;
}

/** The compared draft, or null when there is none; the baseline on the draft's clock (its time zone). */
export function comparedDraft(target: CompareTarget | undefined, draft: Ordinance | undefined): ComparedDraft | null {
  if (!target || target.kind === 'none') return null;
  return target.kind === 'baseline' ? baselineFor(draft) : target;
}

/** The provisions of a compiled policy as results name them, the otherwise clause last. */
export function provisionRefs(policy: CompiledPolicy): ProvisionRef[] {
  return [
    ...policy.provisions.map((p) => ({ id: p.id, citation: p.citation, ...(p.heading ? { heading: p.heading } : {}), outcome: p.outcome })),
    { id: 'default', citation: policy.otherwiseCitation, heading: 'Otherwise', outcome: policy.otherwise },
  ];
}

/** Simulates a draft, and what it is compared with, over a case set. */
export function simulateDraft(req: SimulateDraftRequest): DraftSimulation {
  const { ordinance, scenario, compare, cases, title, fingerprint, ...options } = req;
  const table = tableOf(cases);
  const policy = compile(ordinance, scenario);
  const against = comparedDraft(compare, ordinance);
  const other = against ? compile(against.ordinance, scenario) : null;
  const result = simulate(policy, table, {
    ...options,
    ...(against && other ? { compare: { policy: other, title: against.title, fingerprint: against.fingerprint } } : {}),
  });
  return {
    result,
    policy,
    other,
    sides: {
      policy: {
        title: title ?? ordinance.title,
        ...(fingerprint ? { fingerprint } : {}),
        provisions: provisionRefs(policy),
        codes: result.codes,
        holdHoursByProvision: result.holdHoursByProvision,
        holdHoursOneOf: result.holdHoursOneOf,
        ...(result.possible ? { possible: result.possible, dependsOn: result.dependsOn } : {}),
        ...(result.decidedByOneOf ? { oneOf: result.decidedByOneOf } : {}),
        ...(result.undecidedBy ? { undecidedBy: result.undecidedBy } : {}),
      },
      other:
        against && other
          ? {
              title: against.title,
              fingerprint: against.fingerprint,
              provisions: provisionRefs(other),
              codes: result.otherCodes!,
              holdHoursByProvision: result.otherHoldHoursByProvision!,
              holdHoursOneOf: result.otherHoldHoursOneOf!,
              ...(result.otherPossible ? { possible: result.otherPossible, dependsOn: result.otherDependsOn } : {}),
              ...(result.otherDecidedByOneOf ? { oneOf: result.otherDecidedByOneOf } : {}),
              ...(result.otherUndecidedBy ? { undecidedBy: result.otherUndecidedBy } : {}),
            }
          : null,
    },
    cases: table,
    scenario: policy.scenario,
  };
}

// ---- one case, both sides ----

export interface ExplainedCase {
  bookingCase: BookingCase;
  decision: Decision;
  other: Decision | null;
  otherTitle: string | null;
  /**
   * The term each side's printed text names the detainer by (detainerTerm), for the words of a decision
   * that are not its reasons (the facts an undecided one turns on), as its reasons name it.
   */
  detainerTerms: { decision: string; other: string | null };
}

/** One case of a table explained under the draft and under what it is compared with. */
export function explainCase(req: {
  ordinance: Ordinance;
  scenario?: Scenario;
  compare?: CompareTarget;
  cases: CaseTable;
  index: number;
}): ExplainedCase {
  const against = comparedDraft(req.compare, req.ordinance);
  return {
    bookingCase: bookingCaseAt(req.cases, req.index),
    decision: compile(req.ordinance, req.scenario).explain(req.cases, req.index),
    other: against ? compile(against.ordinance, req.scenario).explain(req.cases, req.index) : null,
    otherTitle: against?.title ?? null,
    detainerTerms: { decision: detainerTerm(req.ordinance), other: against ? detainerTerm(against.ordinance) : null },
  };
}

// ---- the conviction that decided a case ----

/** One conviction of a case that satisfied the conviction test of the provision that decided it. */
export interface DecidingConviction {
  /** Its place among the case's convictions as the case record lists them (0 first). */
  position: number;
  offense: string | null;
  /** "felony", "misdemeanor", "infraction", or words for a class the records leave open. */
  class: string;
  /** 1 for first degree...; null when the record gives none. */
  degree: number | null;
  /** YYYY-MM-DD, or null when the records leave it unknown. */
  convictedOn: string | null;
  /** "rape (1st-degree felony; violent, serious)", as explanations describe a conviction. */
  description: string;
}

export interface CaseDecidingConvictions {
  /** The deciding provision's id and citation ("default" for the otherwise clause). */
  provision: string;
  citation: string;
  /** Whether that provision has a conviction test at all. */
  readsConvictions: boolean;
  /**
   * The convictions that satisfied its conviction test(s), most serious first (class, then degree,
   * then record order); empty when none did: it read no conviction, or was met another way (a
   * warrant, a negated conviction test, the otherwise clause).
   */
  convictions: DecidingConviction[];
}

/**
 * Which convictions decided each of the given cases (rows of a table) under a compiled policy:
 * `codes`, when given, are the decisions a simulation made, so no row is decided again. Made on
 * demand for the rows a view shows, never over a whole set: the simulation records no such thing.
 */
export function decidingConvictions(
  policy: CompiledPolicy,
  cases: CaseTable,
  indexes: readonly number[],
  codes?: Int32Array,
): CaseDecidingConvictions[] {
  return indexes.map((i) => {
    const found = policy.decidingConvictionRows(cases, i, codes?.[i]);
    const start = cases.convStart[i]!;
    const convictions = found.rows.map((j): DecidingConviction & { rank: number; grade: number } => {
      const d = degreeOf(cases.convDegree[j]!);
      return {
        position: j - start,
        offense: cases.convOffense[j] ? cases.strings[cases.convOffense[j]!]! : null,
        class: classWords(cases.convCls[j]!),
        degree: d || null,
        convictedOn: cases.convFlags[j]! & C_DATE_UNKNOWN ? null : formatDate(cases.convOnDay[j]!),
        description: describeConviction(cases, j),
        rank: RANK_OF_BIT[cases.convCls[j]!] ?? 0,
        grade: d || Infinity,
      };
    });
    convictions.sort((a, b) => b.rank - a.rank || a.grade - b.grade || a.position - b.position);
    return {
      provision: policy.provisionIdOf(found.provision),
      citation: policy.citationOf(found.provision),
      readsConvictions: found.readsConvictions,
      convictions: convictions.map(({ rank: _rank, grade: _grade, ...c }) => c),
    };
  });
}

/** A case's deciding convictions as the engine's outputs name them: none on a decision the records cannot settle. */
export interface SettledDecidingConvictions extends CaseDecidingConvictions {
  /**
   * Set when the records cannot settle the decision (it is open: more than one outcome is possible).
   * `convictions` is then empty, as nothing decided it; `provision` is only the first that may apply,
   * and `undecided` names each outcome the case could have with the provisions that would give it.
   */
  undetermined?: true;
  /** With `undetermined`: as Decision.undecided, each outcome it could have and the provisions that would give it. */
  undecided?: Decision['undecided'];
  /**
   * Set when the outcome is settled but more than one provision may be the one that decides it (the
   * first's test is open; see Decision.decidedByOneOf): each, in order. `provision` is then the first
   * of them, and `convictions` names a conviction only when every one of them would name the same.
   */
  decidedByOneOf?: Array<{ provision: string; citation: string }>;
}

/**
 * `decidingConvictions`, as `simulate --json`, `explain` and the app's cases table name them: on a
 * decision the records cannot settle, no conviction (a conviction may satisfy the test of the first
 * provision that may decide it, but whether that provision decides is open).
 */
export function settledDecidingConvictions(
  policy: CompiledPolicy,
  cases: CaseTable,
  indexes: readonly number[],
  codes?: Int32Array,
): SettledDecidingConvictions[] {
  const found: SettledDecidingConvictions[] = decidingConvictions(policy, cases, indexes, codes);
  if (!cases.hasUnknown) return found;
  const bound = policy.bind(cases);
  return found.map((d, k) => {
    const i = indexes[k]!;
    const possible = bound.possible?.(i) ?? 0;
    if (possible & (possible - 1)) return { ...d, convictions: [], undetermined: true, undecided: policy.undecidedOf(cases, i)! };
    if ((bound.deciderCount?.(i) ?? 1) < 2) return d;
    // No one provision decided it: a conviction is named only when each that may decide it names the same ones.
    const deciders = bound.deciders!(i);
    const outcome = (codes?.[i] ?? bound.decide(i)) & 3;
    const rows = deciders.map((p) => policy.decidingConvictionRows(cases, i, (p << 2) | outcome).rows.join(' '));
    const decidedByOneOf = deciders.map((p) => ({ provision: policy.provisionIdOf(p), citation: policy.citationOf(p) }));
    return rows.every((r) => r === rows[0]) ? { ...d, decidedByOneOf } : { ...d, convictions: [], decidedByOneOf };
  });
}

/** A decision as `simulate --json` writes it: with the convictions that decided it, when some did. */
export type SimulatedDecision = Decision & { decidingConvictions?: DecidingConviction[] };

/**
 * Every decision with its explanation, made one at a time from the codes already decided, and (as
 * `explain --json` gives them) the convictions that satisfied the deciding provision's conviction test
 * when some did. A decision the records cannot settle names none: nothing decided it.
 */
export function* explainedDecisions(
  policy: CompiledPolicy,
  cases: CaseTable,
  codes?: Int32Array,
): Generator<SimulatedDecision, void, undefined> {
  const one = [0];
  for (let i = 0; i < cases.length; i++) {
    const decision: SimulatedDecision = policy.explain(cases, i, codes?.[i]);
    if (!decision.undetermined && cases.convStart[i + 1]! > cases.convStart[i]!) {
      one[0] = i;
      const deciding = settledDecidingConvictions(policy, cases, one, codes)[0]!;
      if (deciding.convictions.length) decision.decidingConvictions = deciding.convictions;
    }
    yield decision;
  }
}

// ---- the `simulate --json` document ----

export interface SimulationJsonHeader {
  policy: { title: string; fingerprint: string; file?: string };
  /** `source`, `facility`, `from`, `to` and `notes` say what part of which records the cases are. */
  cases: { file?: string; total: number; source?: string; facility?: string; from?: string; to?: string; notes?: string[] };
}

/**
 * The `simulate --json` document, `{ policy, scenario, cases, summary, breakdown, decisions, coverage,
 * comparison }`, as pieces of text: the bytes `JSON.stringify(document, null, 2) + '\n'` gives, with
 * each decision explained as it is written.
 */
export function* simulationJson(sim: DraftSimulation, header: SimulationJsonHeader): Generator<string, void, undefined> {
  const { result } = sim;
  const document: Record<string, unknown> = {
    policy: header.policy,
    scenario: resolveScenario(sim.scenario),
    cases: header.cases,
    summary: result.summary,
    breakdown: result.breakdown,
    decisions: streamed(explainedDecisions(sim.policy, sim.cases, result.codes)),
    coverage: result.coverage,
  };
  if (result.comparison) document.comparison = result.comparison;
  yield* jsonChunks(document);
  yield '\n';
}
