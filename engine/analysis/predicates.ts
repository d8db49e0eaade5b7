// The tests an ordinance makes of a person's convictions, charges and warrants, resolved into plain
// data (defined terms expanded, defaults applied), with the engine's exact meaning on a single record.

import { excludedIncarceration } from '../compile';
import type { ChargeTest, ConvictionTest, Definition, OffenseFilter, Ordinance, WarrantTest } from '../model';
import { CLASS_BITS, JURISDICTION_BITS } from '../prepared';

/** One way an offense can match: class, degree and every listed category requirement. */
export interface OffenseAlternative {
  /** Bit mask of CLASS_BITS; 0 when any class will do. */
  classes: number;
  /** Bit mask of 1 << degree; 0 when any degree (or none) will do. */
  degrees: number;
  /** Each inner list must share at least one category with the offense. */
  categoryRequirements: string[][];
}

/** An offense matches when any alternative does. An empty list matches nothing. */
export type OffenseSpec = OffenseAlternative[];

export interface WindowSpec {
  years: number;
  anchor: 'request' | 'arrest';
  /** The engine's "later of conviction and release" is the release date (a release is never before the conviction). */
  measure: 'conviction' | 'release';
  excludeIncarcerated: boolean;
  /** Excluded time includes later convictions' incarceration, not only this conviction's own. */
  andLater: boolean;
}

export interface ConvictionPredicate {
  collection: 'conviction';
  offense: OffenseSpec;
  includeJuvenile: boolean;
  current?: boolean;
  window?: WindowSpec;
}

export interface ChargePredicate {
  collection: 'charge';
  offense: OffenseSpec;
  bondPosted?: boolean;
  bondable?: boolean;
  probableCause?: boolean;
}

export interface WarrantPredicate {
  collection: 'warrant';
  kind?: 'criminal' | 'civil';
  /** Bit mask of JURISDICTION_BITS; 0 when any jurisdiction will do. */
  jurisdictions: number;
  felony?: boolean;
}

export type ItemPredicate = ConvictionPredicate | ChargePredicate | WarrantPredicate;
export type CollectionName = ItemPredicate['collection'];

/** The terms an ordinance defines and how it counts juvenile adjudications. */
export interface TermContext {
  terms: Map<string, Definition>;
  countJuvenile: boolean;
}

export class AnalysisInputError extends Error {}

export function termContext(o: Ordinance): TermContext {
  return {
    terms: new Map((o.definitions ?? []).map((d) => [d.term.toLowerCase(), d])),
    countJuvenile: o.juvenileAdjudications === 'counted',
  };
}

function maskOf<T extends string>(values: readonly T[] | undefined, bits: Record<T, number>): number {
  let m = 0;
  for (const v of values ?? []) m |= bits[v];
  return m;
}

function degreeMask(degrees: readonly number[] | undefined): number {
  let m = 0;
  for (const d of degrees ?? []) m |= 1 << d;
  return m;
}

function alternativeOf(f: OffenseFilter): OffenseAlternative {
  return {
    classes: maskOf(f.classes, CLASS_BITS),
    degrees: degreeMask(f.degrees),
    categoryRequirements: f.categories?.length ? [[...new Set(f.categories)].sort()] : [],
  };
}

/** Both alternatives at once, or undefined when no offense can satisfy both. */
function conjoin(a: OffenseAlternative, b: OffenseAlternative): OffenseAlternative | undefined {
  const classes = a.classes && b.classes ? a.classes & b.classes : a.classes | b.classes;
  const degrees = a.degrees && b.degrees ? a.degrees & b.degrees : a.degrees | b.degrees;
  if ((a.classes && b.classes && classes === 0) || (a.degrees && b.degrees && degrees === 0)) return undefined;
  const reqs = [...a.categoryRequirements, ...b.categoryRequirements];
  const keyed = new Map(reqs.map((r) => [r.join('|'), r]));
  return { classes, degrees, categoryRequirements: [...keyed.values()].sort((x, y) => x.join('|').localeCompare(y.join('|'))) };
}

const ANY_OFFENSE: OffenseAlternative = { classes: 0, degrees: 0, categoryRequirements: [] };

/** What a conviction or charge test's offense part means, with a defined term expanded. */
export function resolveOffense(ctx: TermContext, t: { term?: string } & OffenseFilter): OffenseSpec {
  const hasInline = Boolean(t.classes?.length || t.degrees?.length || t.categories?.length);
  const inline = hasInline ? alternativeOf(t) : undefined;
  let alts: OffenseAlternative[];
  if (t.term !== undefined) {
    const def = ctx.terms.get(t.term.toLowerCase());
    if (!def) throw new AnalysisInputError(`the term "${t.term}" is not defined`);
    if (!def.covers?.length) throw new AnalysisInputError(`the term "${t.term}" does not say which offenses it covers`);
    alts = def.covers.map(alternativeOf);
    if (inline) alts = alts.map((a) => conjoin(a, inline)).filter((a): a is OffenseAlternative => a !== undefined);
  } else {
    alts = [inline ?? ANY_OFFENSE];
  }
  const keyed = new Map(alts.map((a) => [JSON.stringify(a), a]));
  return [...keyed.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([, a]) => a);
}

export function convictionPredicate(ctx: TermContext, t: ConvictionTest): ConvictionPredicate {
  const p: ConvictionPredicate = {
    collection: 'conviction',
    offense: resolveOffense(ctx, t),
    includeJuvenile: t.includeJuvenile ?? ctx.countJuvenile,
  };
  if (t.current !== undefined) p.current = t.current;
  if (t.within) {
    p.window = {
      years: t.within.years,
      anchor: t.within.of === 'arrest' ? 'arrest' : 'request',
      measure:
        t.within.measuredFrom === 'release' || t.within.measuredFrom === 'later-of-conviction-and-release' ? 'release' : 'conviction',
      excludeIncarcerated: excludedIncarceration(t.within) !== 'none',
      andLater: excludedIncarceration(t.within) === 'this-and-later',
    };
  }
  return p;
}

export function chargePredicate(ctx: TermContext, t: ChargeTest): ChargePredicate {
  const p: ChargePredicate = { collection: 'charge', offense: resolveOffense(ctx, t) };
  if (t.bondPosted !== undefined) p.bondPosted = t.bondPosted;
  if (t.bondable !== undefined) p.bondable = t.bondable;
  if (t.probableCauseFinding !== undefined) p.probableCause = t.probableCauseFinding;
  return p;
}

export function warrantPredicate(t: WarrantTest): WarrantPredicate {
  const p: WarrantPredicate = { collection: 'warrant', jurisdictions: maskOf(t.jurisdictions, JURISDICTION_BITS) };
  if (t.kind !== undefined) p.kind = t.kind;
  if (t.felony !== undefined) p.felony = t.felony;
  return p;
}

/**
 * A stable key: two predicates with the same key mean the same thing. The constructors above build
 * every predicate with its keys in one order and its lists sorted, so plain JSON is canonical.
 */
export function predicateKey(p: ItemPredicate): string {
  return JSON.stringify(p);
}

// ---- records as the analysis sees them ----

export interface OffenseRecord {
  cls: number;
  /** 0 for an offense without a degree. */
  degree: number;
  categories: readonly string[];
}

export function offenseMatches(spec: OffenseSpec, o: OffenseRecord): boolean {
  for (const a of spec) {
    if (a.classes !== 0 && (a.classes & o.cls) === 0) continue;
    if (a.degrees !== 0 && (o.degree === 0 || (a.degrees & (1 << o.degree)) === 0)) continue;
    let ok = true;
    for (const req of a.categoryRequirements) {
      if (!req.some((c) => o.categories.includes(c))) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

/** The categories an offense spec mentions, the degrees it names. */
export function offenseVocabulary(spec: OffenseSpec, categories: Set<string>, degrees: Set<number>): void {
  for (const a of spec) {
    for (const r of a.categoryRequirements) for (const c of r) categories.add(c);
    for (let d = 1; d <= 9; d++) if (a.degrees & (1 << d)) degrees.add(d);
  }
}
