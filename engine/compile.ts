// Compiles an ordinance into a decision function: closures over prepared booking cases (no eval, so
// it runs under the renderer's Content-Security-Policy), plus a tracing path that explains a decision.

import { pathToString, type PathSegment } from './diagnostics';
import { layoutOrdinance, type Layout } from './layout';
import type {
  ChargeTest,
  Condition,
  ConvictionTest,
  Decision,
  Definition,
  MaxHold,
  OffenseFilter,
  Ordinance,
  Outcome,
  Reason,
  ResolvedScenario,
  Scenario,
  WarrantTest,
} from './model';
import { OUTCOMES } from './model';
import {
  CLASS_BITS,
  JURISDICTION_BITS,
  RECORD_BITS,
  categoryMask,
  isOverflowMask,
  type PreparedCase,
  type PreparedCharge,
  type PreparedConviction,
  type PreparedOffense,
} from './prepared';
import { MAX_NESTING } from './source';
import { formatDate, formatDateTime, holdEnd, HolidayCalendar, yearsBeforeCivil } from './time';
import { conditionWords, leafWords, windowWords } from './wording';

/** Three-valued truth: a discretionary finding is neither true nor false until a person decides. */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Tri = 0 | 1 | 2;

export const OUTCOME_CODE: Record<Outcome, number> = { hold: 0, notify: 1, review: 2, decline: 3 };

/** The federal maximum (8 CFR 287.7(d)), used by the baseline and a default `hold` outcome. */
export const FEDERAL_MAX_HOLD: MaxHold = { hours: 48, excludingWeekendsAndHolidays: true };

/**
 * The outcome actually given, by the outcome the policy allows (row) and what ICE requested
 * (column: bit 1 hold, bit 2 notify). It never exceeds the request.
 */
const CLAMP = new Int8Array([
  // hold:    none, hold, notify, both
  3, 0, 1, 0,
  // notify
  3, 1, 1, 1,
  // review
  3, 2, 2, 2,
  // decline
  3, 3, 3, 3,
]);

export function requestMask(c: PreparedCase): number {
  return (c.reqHold ? 1 : 0) | (c.reqNotify ? 2 : 0);
}

export function clampOutcome(allowed: number, c: PreparedCase): number {
  return CLAMP[(allowed << 2) | requestMask(c)]!;
}

export function resolveScenario(s: Scenario | ResolvedScenario | undefined): ResolvedScenario {
  return {
    name: s?.name ?? '',
    reimbursementAgreement: s?.reimbursementAgreement ?? false,
    costPerInmateDay: s?.costPerInmateDay ?? 143,
    holidays: s?.holidays ?? 'us-federal',
    asOf: s?.asOf ?? null,
  };
}

type TriFn = (c: PreparedCase) => Tri;
type BoolFn = (c: PreparedCase) => boolean;

/** A compiled condition node: its fast test, its reading, and for leaves the facts it reads. */
export interface ConditionNode {
  kind: 'all' | 'any' | 'not' | 'leaf';
  reading: string;
  path: PathSegment[];
  /** True when a discretionary finding sits under this node. */
  uncertain: boolean;
  test: TriFn;
  /** Set when `uncertain` is false: the same test as a boolean, for the fast path. */
  bool?: BoolFn;
  children: ConditionNode[];
  facts?: (c: PreparedCase) => string[];
}

export interface CompiledProvision {
  index: number;
  id: string;
  heading?: string;
  citation: string;
  outcome: Outcome;
  maxHold: MaxHold | undefined;
  /** Null when the provision has no condition (it applies to every case it reaches). */
  condition: ConditionNode | null;
}

export class CompileError extends Error {}

/** What a compiled policy needs that the ordinance and scenario say. */
interface Context {
  terms: Map<string, Definition>;
  countJuvenile: boolean;
  scenario: ResolvedScenario;
}

// ---- offense matching ----

type OffenseMatch = (o: PreparedOffense) => boolean;

function filterMatcher(f: OffenseFilter): OffenseMatch {
  let cls = 0;
  for (const c of f.classes ?? []) cls |= CLASS_BITS[c];
  let deg = 0;
  for (const d of f.degrees ?? []) deg |= 1 << d;
  const cats = categoryMask(f.categories);
  const names = f.categories ?? [];
  const exactNames = isOverflowMask(cats);
  const catTest: OffenseMatch =
    cats === 0 ? () => true : exactNames ? (o) => o.catNames.some((n) => names.includes(n)) : (o) => (o.cats & cats) !== 0;
  if (cls !== 0 && deg !== 0) return (o) => (o.cls & cls) !== 0 && (o.degreeBit & deg) !== 0 && catTest(o);
  if (cls !== 0) return cats === 0 ? (o) => (o.cls & cls) !== 0 : (o) => (o.cls & cls) !== 0 && catTest(o);
  if (deg !== 0) return (o) => (o.degreeBit & deg) !== 0 && catTest(o);
  return catTest;
}

function termMatcher(ctx: Context, term: string): OffenseMatch {
  const def = ctx.terms.get(term.toLowerCase());
  if (!def) throw new CompileError(`the term "${term}" is not defined`);
  if (!def.covers || def.covers.length === 0) throw new CompileError(`the term "${term}" does not say which offenses it covers`);
  const parts = def.covers.map(filterMatcher);
  return parts.length === 1 ? parts[0]! : (o) => parts.some((m) => m(o));
}

function offenseMatcher(ctx: Context, t: { term?: string } & OffenseFilter): OffenseMatch {
  const hasInline = Boolean(t.classes?.length || t.degrees?.length || t.categories?.length);
  const inline = hasInline ? filterMatcher(t) : undefined;
  const term = t.term ? termMatcher(ctx, t.term) : undefined;
  if (term && inline) return (o) => term(o) && inline(o);
  return term ?? inline ?? (() => true);
}

// ---- describing facts ----

const ORD = ['', '1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th'];

function describeOffense(o: { offense?: string; class?: string; degree?: number; categories?: string[] } | undefined): string {
  if (!o) return 'offense';
  const name = o.offense ? `${o.offense} ` : '';
  const degree = o.degree ? `${ORD[o.degree] ?? o.degree}-degree ` : '';
  const cats = o.categories?.length ? `; ${o.categories.join(', ')}` : '';
  return `${name}(${degree}${o.class ?? 'offense'}${cats})`;
}

// ---- leaves ----

function constant(v: Tri): TriFn {
  return () => v;
}

function leaf(reading: string, path: PathSegment[], bool: BoolFn, facts: (c: PreparedCase) => string[]): ConditionNode {
  return { kind: 'leaf', reading, path, uncertain: false, bool, test: (c) => (bool(c) ? TRUE : FALSE), children: [], facts };
}

function yesNo(b: boolean): string {
  return b ? 'yes' : 'no';
}

function convictionLeaf(ctx: Context, t: ConvictionTest, path: PathSegment[], cond: Condition): ConditionNode {
  const match = offenseMatcher(ctx, t);
  const atLeast = t.atLeast ?? 1;
  const includeJuvenile = t.includeJuvenile ?? ctx.countJuvenile;
  const current = t.current;
  const w = t.within;
  const years = w?.years ?? 0;
  const ofArrest = w?.of === 'arrest';
  const measured = w?.measuredFrom ?? 'conviction';
  const exclude = w?.excludeTimeIncarcerated === true;
  const refOf: (o: PreparedConviction) => number =
    measured === 'release' ? (o) => o.released : measured === 'later-of-conviction-and-release' ? (o) => o.later : (o) => o.convicted;
  const windowStart = (c: PreparedCase): number =>
    ofArrest ? yearsBeforeCivil(c.bookedY, c.bookedM, c.bookedD, years) : yearsBeforeCivil(c.issuedY, c.issuedM, c.issuedD, years);

  const counts = (o: PreparedConviction, start: number): boolean =>
    (includeJuvenile || !o.juvenile) &&
    (current === undefined || o.current === current) &&
    match(o) &&
    (!w || refOf(o) >= (exclude ? start - o.incarceratedSince : start));

  const bool: BoolFn = w
    ? (c) => {
        const list = c.convictions;
        if (list.length < atLeast) return false;
        const start = windowStart(c);
        let n = 0;
        for (let i = 0; i < list.length; i++) if (counts(list[i]!, start) && ++n >= atLeast) return true;
        return false;
      }
    : (c) => {
        const list = c.convictions;
        if (list.length < atLeast) return false;
        let n = 0;
        for (let i = 0; i < list.length; i++) if (counts(list[i]!, 0) && ++n >= atLeast) return true;
        return false;
      };

  const facts = (c: PreparedCase): string[] => {
    const out: string[] = [];
    const start = w ? windowStart(c) : 0;
    if (w) {
      const anchor = ofArrest ? `arrest ${formatDate(c.bookedDay)}` : `request ${formatDate(c.issuedDay)}`;
      out.push(`window: ${windowWords(w).replace(/^within /, '')}: from ${formatDate(start)} (${anchor})`);
    }
    if (c.convictions.length === 0) out.push('no convictions on record');
    c.convictions.forEach((o, i) => {
      const src = c.source.convictions?.[i];
      const dates = `convicted ${formatDate(o.convicted)}${o.released !== o.convicted ? `, released ${formatDate(o.released)}` : ''}`;
      let verdict: string;
      if (!includeJuvenile && o.juvenile) verdict = 'juvenile adjudication, not counted';
      else if (current !== undefined && o.current !== current)
        verdict = current ? 'not the conviction for the current custody' : 'the conviction for the current custody, not counted';
      else if (!match(o)) verdict = t.term ? `not ${/^[aeiou]/i.test(t.term) ? 'an' : 'a'} ${t.term}` : 'offense not covered';
      else if (w && refOf(o) < (exclude ? start - o.incarceratedSince : start)) {
        verdict = `outside the window${exclude && o.incarceratedSince ? ` (extended by ${o.incarceratedSince} days incarcerated to ${formatDate(start - o.incarceratedSince)})` : ''}`;
      } else verdict = 'counts';
      out.push(`${describeOffense(src)}, ${dates}: ${verdict}`);
    });
    if (atLeast > 1) out.push(`${atLeast} needed`);
    return out;
  };
  return leaf(leafWords(cond), path, bool, facts);
}

function chargeLeaf(ctx: Context, t: ChargeTest, path: PathSegment[], cond: Condition): ConditionNode {
  const match = offenseMatcher(ctx, t);
  const { bondPosted, bondable, probableCauseFinding } = t;
  const ok = (o: PreparedCharge): boolean =>
    match(o) &&
    (bondPosted === undefined || o.bondPosted === bondPosted) &&
    (bondable === undefined || o.bondable === bondable) &&
    (probableCauseFinding === undefined || o.probableCause === probableCauseFinding);
  const bool: BoolFn = (c) => {
    const list = c.charges;
    for (let i = 0; i < list.length; i++) if (ok(list[i]!)) return true;
    return false;
  };
  const facts = (c: PreparedCase): string[] => {
    if (c.charges.length === 0) return ['no pending charges'];
    return c.charges.map((o, i) => {
      const src = c.source.currentCharges?.[i];
      const flags = `bond posted: ${yesNo(o.bondPosted)}, bondable: ${yesNo(o.bondable)}, probable cause found: ${yesNo(o.probableCause)}`;
      return `charge ${describeOffense(src)}, ${flags}: ${ok(o) ? 'counts' : 'does not count'}`;
    });
  };
  return leaf(leafWords(cond), path, bool, facts);
}

function warrantLeaf(t: WarrantTest, path: PathSegment[], cond: Condition): ConditionNode {
  let jur = 0;
  for (const j of t.jurisdictions ?? []) jur |= JURISDICTION_BITS[j];
  const { kind, felony } = t;
  const bool: BoolFn = (c) => {
    const list = c.warrants;
    for (let i = 0; i < list.length; i++) {
      const x = list[i]!;
      if (
        (kind === undefined || x.criminal === (kind === 'criminal')) &&
        (jur === 0 || (x.jurisdiction & jur) !== 0) &&
        (felony === undefined || x.felony === felony)
      ) {
        return true;
      }
    }
    return false;
  };
  const facts = (c: PreparedCase): string[] =>
    c.warrants.length === 0
      ? ['no outstanding warrants']
      : (c.source.warrants ?? []).map(
          (x) => `${x.kind} warrant${x.jurisdiction ? ` (${x.jurisdiction})` : ''}${x.felony ? ', felony' : ''}`,
        );
  return leaf(leafWords(cond), path, bool, facts);
}

function compileCondition(ctx: Context, cond: Condition, path: PathSegment[]): ConditionNode {
  // A loaded document can't nest this deep (the parser stops at MAX_NESTING); one built in code
  // can, and must get an error rather than overflow the stack.
  if (path.length > 2 * MAX_NESTING)
    throw new CompileError(
      `the condition of the provision at ${pathToString(path.slice(0, 4))} nests more than ${MAX_NESTING} levels deep`,
    );
  if ('all' in cond || 'any' in cond) {
    const isAll = 'all' in cond;
    const items = isAll ? cond.all : cond.any;
    const children = items.map((c, i) => compileCondition(ctx, c, [...path, isAll ? 'all' : 'any', i]));
    return combine(isAll ? 'all' : 'any', children, conditionWords(cond), path);
  }
  if ('not' in cond) {
    const child = compileCondition(ctx, cond.not, [...path, 'not']);
    const reading = conditionWords(cond);
    if (child.bool) {
      const b = child.bool;
      const bool: BoolFn = (c) => !b(c);
      return { kind: 'not', reading, path, uncertain: false, bool, test: (c) => (b(c) ? FALSE : TRUE), children: [child] };
    }
    const t = child.test;
    return { kind: 'not', reading, path, uncertain: true, test: (c) => { const v = t(c); return v === UNKNOWN ? UNKNOWN : v === TRUE ? FALSE : TRUE; }, children: [child] }; // prettier-ignore
  }
  const reading = leafWords(cond);
  if ('judicialWarrant' in cond) {
    const want = cond.judicialWarrant;
    return leaf(reading, path, want ? (c) => c.judicial : (c) => !c.judicial, (c) => [`judicial warrant: ${yesNo(c.judicial)}`]);
  }
  if ('administrativeWarrant' in cond) {
    const want = cond.administrativeWarrant;
    return leaf(reading, path, want ? (c) => c.admin : (c) => !c.admin, (c) => [`administrative warrant (I-200/I-205): ${yesNo(c.admin)}`]);
  }
  if ('requested' in cond) {
    const facts = (c: PreparedCase) => [`ICE requested: ${(c.source.detainer?.requests ?? []).join(', ') || 'nothing'}`];
    return leaf(reading, path, cond.requested === 'hold' ? (c) => c.reqHold : (c) => c.reqNotify, facts);
  }
  if ('reimbursementAgreement' in cond) {
    const v = ctx.scenario.reimbursementAgreement === cond.reimbursementAgreement;
    return leaf(reading, path, v ? () => true : () => false, () => [
      `reimbursement agreement in force (scenario): ${yesNo(ctx.scenario.reimbursementAgreement)}`,
    ]);
  }
  if ('age' in cond) {
    const lo = cond.age.atLeast ?? -1;
    const hi = cond.age.under ?? 1e9;
    return leaf(
      reading,
      path,
      (c) => c.age >= lo && c.age < hi,
      (c) => [`age ${c.age}`],
    );
  }
  if ('record' in cond) {
    const bit = RECORD_BITS[cond.record];
    const key = cond.record;
    return leaf(
      reading,
      path,
      (c) => (c.records & bit) !== 0,
      (c) => [`${key}: ${yesNo((c.records & bit) !== 0)}`],
    );
  }
  if ('conviction' in cond) return convictionLeaf(ctx, cond.conviction, path, cond);
  if ('charge' in cond) return chargeLeaf(ctx, cond.charge, path, cond);
  if ('warrant' in cond) return warrantLeaf(cond.warrant, path, cond);
  if ('discretion' in cond) {
    return {
      kind: 'leaf',
      reading,
      path,
      uncertain: true,
      test: constant(UNKNOWN),
      children: [],
      facts: () => ['a person must decide this'],
    };
  }
  throw new CompileError(`unknown condition ${JSON.stringify(Object.keys(cond))}`);
}

function combine(kind: 'all' | 'any', children: ConditionNode[], reading: string, path: PathSegment[]): ConditionNode {
  const uncertain = children.some((c) => c.uncertain);
  if (!uncertain) {
    const fns = children.map((c) => c.bool!);
    const bool = boolCombine(kind, fns);
    return { kind, reading, path, uncertain, bool, test: (c) => (bool(c) ? TRUE : FALSE), children };
  }
  const tests = children.map((c) => c.test);
  const n = tests.length;
  // Kleene logic: all() is false if any part is false, unknown if any is unknown, else true.
  const test: TriFn =
    kind === 'all'
      ? (c) => {
          let r: Tri = TRUE;
          for (let i = 0; i < n; i++) {
            const v = tests[i]!(c);
            if (v === FALSE) return FALSE;
            if (v === UNKNOWN) r = UNKNOWN;
          }
          return r;
        }
      : (c) => {
          let r: Tri = FALSE;
          for (let i = 0; i < n; i++) {
            const v = tests[i]!(c);
            if (v === TRUE) return TRUE;
            if (v === UNKNOWN) r = UNKNOWN;
          }
          return r;
        };
  return { kind, reading, path, uncertain, test, children };
}

function boolCombine(kind: 'all' | 'any', fns: BoolFn[]): BoolFn {
  const n = fns.length;
  if (n === 1) return fns[0]!;
  if (n === 2) {
    const [a, b] = fns as [BoolFn, BoolFn];
    return kind === 'all' ? (c) => a(c) && b(c) : (c) => a(c) || b(c);
  }
  if (n === 3) {
    const [a, b, d] = fns as [BoolFn, BoolFn, BoolFn];
    return kind === 'all' ? (c) => a(c) && b(c) && d(c) : (c) => a(c) || b(c) || d(c);
  }
  return kind === 'all'
    ? (c) => {
        for (let i = 0; i < n; i++) if (!fns[i]!(c)) return false;
        return true;
      }
    : (c) => {
        for (let i = 0; i < n; i++) if (fns[i]!(c)) return true;
        return false;
      };
}

// ---- the policy ----

export class CompiledPolicy {
  readonly provisions: CompiledProvision[];
  readonly otherwise: Outcome;
  readonly otherwiseCitation: string;
  readonly calendar: HolidayCalendar;
  readonly layout: Layout;
  private readonly steps: Array<(c: PreparedCase) => number>;
  private readonly defaultCode: number;

  constructor(
    readonly ordinance: Ordinance,
    readonly scenario: ResolvedScenario,
  ) {
    const ctx: Context = {
      terms: new Map((ordinance.definitions ?? []).map((d) => [d.term.toLowerCase(), d])),
      countJuvenile: ordinance.juvenileAdjudications === 'counted',
      scenario,
    };
    this.layout = layoutOrdinance(ordinance);
    this.calendar = HolidayCalendar.fromSetting(scenario.holidays);
    this.otherwise = ordinance.otherwise;
    this.otherwiseCitation = this.layout.otherwiseCitation;
    this.provisions = this.layout.detainerProvisions.map((lp, index) => {
      const p = lp.provision;
      if (!p.outcome) throw new CompileError(`provision "${p.id}" has no outcome`);
      return {
        index,
        id: p.id,
        heading: p.heading,
        citation: lp.citation,
        outcome: p.outcome,
        maxHold: p.maxHold,
        condition: p.when ? compileCondition(ctx, p.when, ['sections', lp.sectionIndex, 'provisions', lp.provisionIndex, 'when']) : null,
      };
    });
    const n = this.provisions.length;
    this.defaultCode = (n << 2) | OUTCOME_CODE[this.otherwise];
    // Each step returns -1 when its provision does not apply, else (index << 2 | allowed outcome).
    this.steps = this.provisions.map((p, i) => {
      const code = (i << 2) | OUTCOME_CODE[p.outcome];
      const review = (i << 2) | OUTCOME_CODE.review;
      const cond = p.condition;
      if (!cond) return () => code;
      if (cond.bool) {
        const b = cond.bool;
        return (c) => (b(c) ? code : -1);
      }
      const t = cond.test;
      return (c) => {
        const v = t(c);
        return v === FALSE ? -1 : v === TRUE ? code : review;
      };
    });
  }

  /**
   * The hot path: `(provisionIndex << 2) | outcomeCode`, the outcome already limited to what ICE
   * requested. The index equals `provisions.length` when the otherwise clause decided.
   */
  decideCode(c: PreparedCase): number {
    const steps = this.steps;
    const n = steps.length;
    let code = this.defaultCode;
    for (let i = 0; i < n; i++) {
      const r = steps[i]!(c);
      if (r >= 0) {
        code = r;
        break;
      }
    }
    return (code & ~3) | CLAMP[((code & 3) << 2) | (c.reqHold ? 1 : 0) | (c.reqNotify ? 2 : 0)]!;
  }

  maxHoldOf(provisionIndex: number): MaxHold {
    return this.provisions[provisionIndex]?.maxHold ?? FEDERAL_MAX_HOLD;
  }

  /** When a hold decided by this provision ends, in minutes. */
  holdEndOf(c: PreparedCase, provisionIndex: number): number {
    const h = this.maxHoldOf(provisionIndex);
    return holdEnd(c.release, h.hours, h.excludingWeekendsAndHolidays === true, this.calendar);
  }

  provisionIdOf(index: number): string {
    return index < this.provisions.length ? this.provisions[index]!.id : 'default';
  }

  citationOf(index: number): string {
    return index < this.provisions.length ? this.provisions[index]!.citation : this.otherwiseCitation;
  }

  /** The full decision with its explanation. */
  decide(c: PreparedCase): Decision {
    const code = this.decideCode(c);
    const index = code >> 2;
    const outcome = OUTCOMES[code & 3]!;
    const reasons: Reason[] = [];
    const upto = Math.min(index, this.provisions.length - 1);
    for (let i = 0; i <= upto; i++) {
      const p = this.provisions[i]!;
      if (!p.condition) {
        reasons.push({
          provision: p.id,
          citation: p.citation,
          condition: 'applies to every detainer it reaches',
          value: true,
          facts: [],
          depth: 0,
        });
        continue;
      }
      traceNode(p.condition, c, p.id, p.citation, 0, reasons);
    }
    if (index >= this.provisions.length) {
      reasons.push({
        provision: 'default',
        citation: this.otherwiseCitation,
        condition: this.provisions.length ? 'no provision above applies' : 'the ordinance has no detainer provisions',
        value: true,
        facts: [],
        depth: 0,
      });
    }
    const allowed = index < this.provisions.length ? this.steps[index]!(c) & 3 : OUTCOME_CODE[this.otherwise];
    if ((code & 3) !== allowed) {
      reasons.push({
        provision: this.provisionIdOf(index),
        citation: this.citationOf(index),
        condition: `the policy allows "${OUTCOMES[allowed]}", but the outcome may not exceed what ICE requested`,
        value: true,
        facts: [`ICE requested: ${(c.source.detainer?.requests ?? []).join(', ') || 'nothing'}`],
        depth: 0,
      });
    }
    return {
      id: c.id,
      outcome,
      holdUntil: outcome === 'hold' ? formatDateTime(this.holdEndOf(c, index)) : null,
      provision: this.provisionIdOf(index),
      citation: this.citationOf(index),
      reasons,
    };
  }
}

function traceNode(node: ConditionNode, c: PreparedCase, provision: string, citation: string, depth: number, out: Reason[]): void {
  const v = node.test(c);
  out.push({
    provision,
    citation,
    condition: node.reading,
    value: v === UNKNOWN ? 'unknown' : v === TRUE,
    facts: node.facts ? node.facts(c) : [],
    depth,
  });
  for (const child of node.children) traceNode(child, c, provision, citation, depth + 1, out);
}

/** Compiles a valid ordinance. Call only after validation reports no errors. */
export function compile(ordinance: Ordinance, scenario?: Scenario | ResolvedScenario): CompiledPolicy {
  return new CompiledPolicy(ordinance, resolveScenario(scenario));
}

/** The "honor every detainer" baseline: hold when asked (up to the federal maximum), else notify. */
export const HONOR_ALL: Ordinance = {
  title: 'Baseline: honor every detainer',
  jurisdiction: { name: 'Baseline', state: 'US' },
  sections: [
    {
      heading: 'Detainers honored',
      provisions: [
        { id: 'honor-hold', when: { requested: 'hold' }, outcome: 'hold', maxHold: FEDERAL_MAX_HOLD },
        { id: 'honor-notify', when: { requested: 'notify' }, outcome: 'notify' },
      ],
    },
  ],
  otherwise: 'decline',
};
