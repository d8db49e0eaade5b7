// The fact space of one or more ordinances: every fact their conditions read, abstracted into finitely
// many atoms (age ranges, "at least k matching convictions", warrant and charge tests, ...), the exact
// constraint saying which combinations of atoms a real booking case can have, and the way back from a
// combination to a concrete booking case in the contract format.

import type {
  BookingCase,
  ChargeRecord,
  Condition,
  ConvictionRecord,
  OffenseClass,
  Ordinance,
  RecordKey,
  WarrantJurisdiction,
  WarrantRecord,
} from '../model';
import { RECORD_KEYS } from '../model';
import { caseTable, type CaseTable } from '../case-table';
import { compile, type CompiledPolicy } from '../compile';
import { layoutOrdinance } from '../layout';
import type { PreparedCase } from '../prepared';
import { CLASS_BITS, JURISDICTION_BITS, RECORD_BITS } from '../prepared';
import { dayOfWeek, daysFromCivil, formatDate, formatDateTime, MINUTES_PER_DAY, yearsBefore } from '../time';
import { leafWords } from '../wording';
import { classPossible, classRank } from '../offense-classes';
import { Bdd, FALSE_NODE, TRUE_NODE } from './bdd';
import {
  chargePredicate,
  convictionPredicate,
  offenseMatches,
  offenseVocabulary,
  predicateKey,
  termContext,
  warrantPredicate,
  type ChargePredicate,
  type CollectionName,
  type ConvictionPredicate,
  type ItemPredicate,
  type OffenseRecord,
  type OffenseSpec,
  type TermContext,
  type WarrantPredicate,
  type WindowSpec,
} from './predicates';

/** Kleene truth of a condition as two sets: where it is true, and where it is not false. */
export interface TriSet {
  /** Combinations on which the condition is true. */
  t: number;
  /** Combinations on which it is true or unknown (a discretionary finding decides). */
  n: number;
}

export interface FactSpaceOptions {
  /** Fixes the reimbursement agreement (a scenario fact); when undefined it is varied like any fact. */
  reimbursementAgreement?: boolean;
  /** Conditions to make room for beyond the ordinances' own (the lint asks about minors, convictions). */
  extraConditions?: Array<{ ordinance: number; condition: Condition }>;
  /**
   * Only offenses that can exist: no record pairs a category with a class no offense of it has (a
   * homicide infraction). A difference or a table row that only such a record shows is then none.
   * Without it those records stay in the space (any record the case contract admits), which keeps the
   * constraint small where classes and counts meet; examples still take a class the categories allow
   * whenever the tests leave one. The draft difference and the decision table ask for it; the lint,
   * run on every keystroke, does not, and says nothing a real offense could not show: its findings of
   * a case that does not exist (held with no conviction, unreachable) count a named category as a crime.
   */
  realOffensesOnly?: boolean;
}

/** The default person of a witness or table example: an adult, booked on a weekday, ICE asking hold and notice. */
export const DEFAULT_AGE = 35;
const BOOKED_DAY = daysFromCivil(2016, 6, 6); // a Monday
const BOOKED_MINUTE = 9 * 60 + 30;
const ISSUED_MINUTE = 11 * 60 + 30;

// ---- representative records ----

interface ConvictionItem {
  collection: 'conviction';
  cls: OffenseClass;
  degree: number;
  categories: string[];
  current: boolean;
  juvenile: boolean;
  convicted: number;
  released: number;
  /** Days incarcerated on this conviction. */
  days: number;
  /** Days incarcerated on later convictions (a further record carries them in a concrete case). */
  later: number;
}

interface ChargeItem {
  collection: 'charge';
  cls: OffenseClass;
  degree: number;
  categories: string[];
  bondPosted: boolean;
  bondable: boolean;
  probableCause: boolean;
}

interface WarrantItem {
  collection: 'warrant';
  criminal: boolean;
  jurisdiction: WarrantJurisdiction | undefined;
  felony: boolean;
}

type Item = ConvictionItem | ChargeItem | WarrantItem;

/** A kind of record, by the set of predicates it satisfies, with the simplest record of that kind. */
interface Cell {
  members: number[];
  bits: Uint32Array;
  item: Item;
  score: number;
  /** Ladder variables "at least t records of this kind" (count collections only). */
  vars: number[];
}

export interface PredicateEntry {
  collection: CollectionName;
  index: number;
  key: string;
  predicate: ItemPredicate;
  /** The test as first written, for readings, and the ordinance whose terms it uses. */
  condition: Condition;
  ordinance: number;
  /** The counts conditions ask for ("at least k"), ascending. */
  thresholds: number[];
  /** Variable of "at least k matching records", by k. */
  vars: Map<number, number>;
}

interface Collection {
  name: CollectionName;
  predicates: PredicateEntry[];
  byKey: Map<string, PredicateEntry>;
  counting: boolean;
  /** Per frame: every kind of record, and the kinds the constraint needs. */
  cells: Cell[][];
  /** Per frame: the kinds with count variables, and their relation to the atoms (count collections only). */
  counted: Cell[][];
  /** Per frame: the kinds without count variables (count collections only). */
  free: Cell[][];
  /** Per frame: the count variables, from the first to just past the last. */
  countVars: Array<[number, number]>;
  relation: number[];
  /** The kinds of offense its tests tell apart (the same in every frame). */
  offenseKinds?: OffenseKinds;
}

interface OffenseKinds {
  specs: OffenseSpec[];
  specOf: number[];
  kinds: Array<{ className: OffenseClass; degree: number; categories: string[]; passes: boolean[]; score: number }>;
}

export interface Frame {
  index: number;
  /** Days from the arrest to the detainer request. */
  delta: number;
  label: string;
}

/**
 * What a fact space's facts are made of, as objects: each ordinance's definitions, how it counts
 * juvenile adjudications and its detainer provisions' conditions, then the options (as JSON). Only
 * for ordinances whose parts are frozen (read by `parseEditedSource`): the same objects then have the
 * same contents, so two equal identities have equal signatures. Undefined for any other ordinance.
 */
function identityOf(ordinances: readonly Ordinance[], options: FactSpaceOptions): unknown[] | undefined {
  const out: unknown[] = [
    JSON.stringify([options.reimbursementAgreement ?? null, options.realOffensesOnly === true, options.extraConditions ?? []]),
  ];
  for (const o of ordinances) {
    if (!Object.isFrozen(o) || !Object.isFrozen(o.sections)) return undefined;
    out.push(o.definitions, o.juvenileAdjudications);
    for (const lp of layoutOrdinance(o).detainerProvisions) {
      if (!Object.isFrozen(lp.provision)) return undefined;
      out.push(lp.provision.when);
    }
    out.push(null);
  }
  return out;
}

function sameIdentity(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Kinds of record by collection tests, most recently used last, with the notes made enumerating them. */
const CELL_CACHE = new Map<string, { cells: Cell[]; notes: string[] }>();

/** Fact spaces kept for the next analysis of the same facts (see `FactSpace.reuse`), most recently used last. */
const SPACE_CACHE = new Map<string, FactSpace>();

/** Forgets what earlier analyses computed (for benchmarks of a cold start). */
export function clearAnalysisCaches(): void {
  CELL_CACHE.clear();
  SPACE_CACHE.clear();
  for (const clear of OTHER_CACHES) clear();
}

const OTHER_CACHES: Array<() => void> = [];

/** Registers a cache of the analysis (the lint's kept findings) that `clearAnalysisCaches` clears too. */
export function onClearAnalysisCaches(clear: () => void): void {
  OTHER_CACHES.push(clear);
}

/** A conviction's dates, days incarcerated and later convictions' days, and how far it is from the simplest. */
interface TimeType {
  convicted: number;
  released: number;
  days: number;
  later: number;
  score: number;
}

/**
 * The windows of a fact space in one frame, as flat arrays: which count from the release, which leave
 * out a conviction's own days incarcerated and which later convictions' days too, and the days each
 * starts and ends on.
 */
interface WindowTable {
  count: number;
  fromRelease: Uint8Array;
  ownDays: Uint8Array;
  laterDays: Uint8Array;
  starts: Float64Array;
  ends: Float64Array;
}

function windowTable(windows: readonly WindowSpec[], starts: readonly number[], ends: readonly number[]): WindowTable {
  return {
    count: windows.length,
    fromRelease: Uint8Array.from(windows, (w) => (w.measure === 'release' ? 1 : 0)),
    ownDays: Uint8Array.from(windows, (w) => (w.excludeIncarcerated ? 1 : 0)),
    laterDays: Uint8Array.from(windows, (w) => (w.excludeIncarcerated && w.andLater ? 1 : 0)),
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
  };
}

/**
 * Whether a conviction (on day c, released on day r, with `days` of its own incarcerated and `later`
 * of later convictions') falls in window i, as the engine decides: own days count only for a window
 * from the conviction (a release ends them), a later conviction's (convicted the day after, see
 * laterCarrier) only when it is not after the window's end; a conviction after that end is outside.
 */
function inWindow(t: WindowTable, i: number, c: number, r: number, days: number, later: number): boolean {
  const ref = t.fromRelease[i] === 1 ? r : c;
  const ext = (t.ownDays[i] === 1 && ref === c ? days : 0) + (t.laterDays[i] === 1 && c < t.ends[i]! ? later : 0);
  return c <= t.ends[i]! && ref + ext >= t.starts[i]!;
}

/** The windows a conviction falls in, as bits (up to 30 windows). */
function windowBits(t: WindowTable, c: number, r: number, days: number, later: number): number {
  let bits = 0;
  for (let i = 0; i < t.count; i++) if (inWindow(t, i, c, r, days, later)) bits |= 1 << i;
  return bits;
}

/** The windows a conviction falls in, as a string of 0 and 1 (past 30 windows). */
function windowText(t: WindowTable, c: number, r: number, days: number, later: number): string {
  let text = '';
  for (let i = 0; i < t.count; i++) text += inWindow(t, i, c, r, days, later) ? '1' : '0';
  return text;
}

/**
 * Days incarcerated worth trying for a conviction on day c released on day r: none, and for each
 * window that leaves them out (from the release and the conviction for a window from the release,
 * else from the conviction), the days that carry it past each window's start by ten, each once, in
 * the order first found.
 */
function incarceratedDays(into: number[], excludedFromRelease: Uint8Array, bounds: Float64Array, c: number, r: number): void {
  into.length = 0;
  into.push(0);
  const add = (ref: number) => {
    for (let k = 0; k < bounds.length; k++) {
      const b = bounds[k]!;
      if (b > ref && !into.includes(b - ref + 10)) into.push(b - ref + 10);
    }
  };
  for (let e = 0; e < excludedFromRelease.length; e++) {
    if (excludedFromRelease[e] === 1) add(r);
    add(c);
  }
}

/**
 * One conviction per pattern of windows it falls in, the simplest found for each (in the order the
 * patterns are first found): every date, release on or after it (when a window counts from the
 * release) and days incarcerated. This runs for every combination; kept apart from the setting up
 * of the dates, it is a small function of numbers and typed arrays that the JIT compiles quickly
 * and once, which matters most in a fresh process.
 */
function convictionTimes(s: {
  dates: Float64Array;
  /** 1 for a date in the middle of a gap between boundaries (the simplest), else 0. */
  atMid: Uint8Array;
  bounds: Float64Array;
  excludedFromRelease: Uint8Array;
  byRelease: boolean;
  split: boolean;
  windows: WindowTable;
}): TimeType[] {
  const small = s.windows.count <= 30;
  // Scores in halves (a date off the middles costs half a point), made plain numbers at the end.
  const out = new Map<number | string, { convicted: number; released: number; days: number; later: number; halves: number }>();
  const dayOptions: number[] = [];
  const n = s.dates.length;
  for (let ci = 0; ci < n; ci++) {
    const c = s.dates[ci]!;
    const offMid = s.atMid[ci] === 1 ? 0 : 1;
    // The dates are sorted and distinct: the releases on or after c are the dates from c on.
    const lastRelease = s.byRelease ? n : ci + 1;
    for (let ri = ci; ri < lastRelease; ri++) {
      const r = s.dates[ri]!;
      incarceratedDays(dayOptions, s.excludedFromRelease, s.bounds, c, r);
      for (let di = 0; di < dayOptions.length; di++) {
        const days = dayOptions[di]!;
        for (let li = -1; li < (s.split ? dayOptions.length : 0); li++) {
          const later = li < 0 ? 0 : dayOptions[li]!;
          if (li >= 0 && later === 0) continue;
          const key = small ? windowBits(s.windows, c, r, days, later) : windowText(s.windows, c, r, days, later);
          const halves = (days > 0 ? 4 : 0) + (later > 0 ? 6 : 0) + (r !== c ? 2 : 0) + offMid;
          const prev = out.get(key);
          if (!prev || halves < prev.halves) out.set(key, { convicted: c, released: r, days, later, halves });
        }
      }
    }
  }
  return [...out.values()].map((t) => ({
    convicted: t.convicted,
    released: t.released,
    days: t.days,
    later: t.later,
    score: t.halves / 2,
  }));
}

const CLASS_ORDER: OffenseClass[] = ['misdemeanor', 'felony', 'infraction'];

/** How far an offense is from the simplest: fewer categories, no degree, the class ordinary for its categories. */
function offenseScore(cls: OffenseClass, degree: number, categories: readonly string[]): number {
  return categories.length * 4 + (degree ? 2 : 0) + classRank(cls, categories);
}
const ALL_JURISDICTIONS = Object.keys(JURISDICTION_BITS) as WarrantJurisdiction[];

function bitsOf(members: readonly number[], n: number): Uint32Array {
  const b = new Uint32Array(Math.max(1, Math.ceil(n / 32)));
  for (const m of members) b[m >>> 5]! |= 1 << (m & 31);
  return b;
}

function isSubset(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i]! & ~b[i]!) !== 0) return false;
  return true;
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function subsetsUpTo<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [[]];
  const go = (start: number, cur: T[]) => {
    if (cur.length === size) return;
    for (let i = start; i < values.length; i++) {
      const next = [...cur, values[i]!];
      out.push(next);
      go(i + 1, next);
    }
  };
  go(0, []);
  return out;
}

/** Walks the leaves of a condition. */
export function forEachLeaf(c: Condition, visit: (leaf: Condition) => void): void {
  if ('all' in c) c.all.forEach((x) => forEachLeaf(x, visit));
  else if ('any' in c) c.any.forEach((x) => forEachLeaf(x, visit));
  else if ('not' in c) forEachLeaf(c.not, visit);
  else visit(c);
}

/** The concrete booking case a combination of atoms stands for. */
export interface ConcreteCase {
  case: BookingCase;
  /** The reimbursement agreement the combination assumes, when it is a varied fact. */
  reimbursementAgreement?: boolean;
  frame: number;
}

export class FactSpace {
  readonly bdd: Bdd;
  contexts: TermContext[];
  /** The constraint: which combinations of atoms real cases can have. */
  valid = TRUE_NODE;
  /** Every atom variable (not the internal record-count variables), in order. */
  readonly atomVars: number[] = [];
  cost0: number[] = [];
  cost1: number[] = [];
  /** False when some part of the space was too large to enumerate exactly (see `notes`). */
  exact = true;
  readonly notes: string[] = [];

  readonly frames: Frame[] = [];
  frameVars: number[] = [];
  reqHold = -1;
  reqNotify = -1;
  judicial = -1;
  admin = -1;
  /** The reimbursement agreement: a variable, or its fixed value. */
  reimbursement: number | boolean = false;
  readsReimbursement = false;
  readsJudicial = false;
  readsAdmin = false;
  /** The ages conditions name, ascending: age intervals [0, c1), [c1, c2), ..., [cm, 131). */
  readonly ageCuts: number[] = [];
  /**
   * The age interval's index in binary, most significant bit first, at the top of the variable order:
   * a condition on one interval is then one path of a few nodes, whatever the number of ages named
   * (a variable per age, "at least c", makes sets grow with the square of their number).
   */
  readonly ageBits: number[] = [];
  /** "The interval index is at least k", by k. */
  private readonly ageAtLeastSets: number[] = [];
  /** Interval indexes, nearest to the default person's age first. */
  private ageOrder: number[] = [];
  readonly recordVars = new Map<RecordKey, number>();
  readonly collections: Record<CollectionName, Collection>;
  private readonly windows: WindowSpec[] = [];
  private readonly windowIndex = new Map<string, number>();
  private readonly kindOfVar = new Map<number, string>();

  /** What the space is made of (the facts read and the options): equal signatures, equal spaces. */
  readonly signature: string;
  /** See `FactSpaceOptions.realOffensesOnly`. */
  private readonly realOffensesOnly: boolean;
  /** Decision-diagram nodes when the constraint was built (later analyses add theirs). */
  private builtNodes = 0;

  /**
   * `build: false` only registers the facts the ordinances read (enough for `signature`), leaving
   * the variables and the constraint unmade: the first step of `FactSpace.reuse`.
   */
  constructor(
    public ordinances: readonly Ordinance[],
    options: FactSpaceOptions = {},
    build = true,
  ) {
    // A space only registering facts makes no diagrams: its manager stays tiny.
    this.bdd = new Bdd(build ? 1024 : 16);
    this.contexts = ordinances.map(termContext);
    const mk = (name: CollectionName): Collection => ({
      name,
      predicates: [],
      byKey: new Map(),
      counting: false,
      cells: [],
      counted: [],
      free: [],
      countVars: [],
      relation: [],
    });
    this.collections = { warrant: mk('warrant'), charge: mk('charge'), conviction: mk('conviction') };

    // 1. Register every leaf the ordinances (and the caller) read.
    const ages = new Set<number>();
    const records = new Set<RecordKey>();
    const register = (ord: number, leaf: Condition) => {
      if ('age' in leaf) {
        if (leaf.age.atLeast !== undefined) ages.add(leaf.age.atLeast);
        if (leaf.age.under !== undefined) ages.add(leaf.age.under);
      } else if ('record' in leaf) records.add(leaf.record);
      else if ('reimbursementAgreement' in leaf) this.readsReimbursement = true;
      else if ('judicialWarrant' in leaf) this.readsJudicial = true;
      else if ('administrativeWarrant' in leaf) this.readsAdmin = true;
      else if ('conviction' in leaf || 'charge' in leaf || 'warrant' in leaf) {
        const { predicate, threshold, key } = this.resolvedLeaf(ord, leaf);
        const coll = this.collections[predicate.collection];
        let entry = coll.byKey.get(key);
        if (!entry) {
          entry = {
            collection: coll.name,
            index: coll.predicates.length,
            key,
            predicate,
            condition: leaf,
            ordinance: ord,
            thresholds: [],
            vars: new Map(),
          };
          coll.byKey.set(key, entry);
          coll.predicates.push(entry);
        }
        if (!entry.thresholds.includes(threshold)) entry.thresholds.push(threshold);
        if (threshold > 1) coll.counting = true;
        if (predicate.collection === 'conviction' && predicate.window) {
          const wk = JSON.stringify(predicate.window);
          if (!this.windowIndex.has(wk)) {
            this.windowIndex.set(wk, this.windows.length);
            this.windows.push(predicate.window);
          }
        }
      }
    };
    ordinances.forEach((o, i) => {
      for (const lp of layoutOrdinance(o).detainerProvisions) if (lp.provision.when) forEachLeaf(lp.provision.when, (l) => register(i, l));
    });
    for (const extra of options.extraConditions ?? []) forEachLeaf(extra.condition, (l) => register(extra.ordinance, l));
    for (const coll of Object.values(this.collections)) for (const p of coll.predicates) p.thresholds.sort((a, b) => a - b);

    // 2. Frames: how far apart the arrest and the request are, when windows count from both.
    this.buildFrames();
    this.realOffensesOnly = options.realOffensesOnly === true;
    this.signature = JSON.stringify([
      [this.readsJudicial, this.readsAdmin, this.readsReimbursement, options.reimbursementAgreement ?? null, this.realOffensesOnly],
      [...ages].sort((a, b) => a - b),
      RECORD_KEYS.filter((k) => records.has(k)),
      Object.values(this.collections).map((c) => c.predicates.map((p) => [p.key, p.thresholds])),
      this.frames.map((f) => f.delta),
    ]);
    if (!build) return;

    // Record counts get their variables before every atom: the relation between counts and atoms is
    // then decided from the counts down, and the counts are quantified away from the top.
    this.prepareCounts();

    // 3. Variables, in an order that keeps related facts near each other: age first (conditions on
    // age split the cases most), then the frame, the request, warrants, records, record tests.
    const cuts = [...ages].filter((a) => a > 0 && a <= 130).sort((a, b) => a - b);
    this.ageCuts.push(...cuts);
    const ageBitCount = cuts.length ? Math.ceil(Math.log2(cuts.length + 1)) : 0;
    for (let i = 0; i < ageBitCount; i++) this.ageBits.push(this.atom('age', 0, 0));
    const nFrameBits = this.frames.length > 1 ? Math.ceil(Math.log2(this.frames.length)) : 0;
    for (let i = 0; i < nFrameBits; i++) this.frameVars.push(this.atom('frame', 1, 0));
    this.reqHold = this.atom('request:hold', 0, 1);
    this.reqNotify = this.atom('request:notify', 0, 1);
    if (this.readsJudicial) this.judicial = this.atom('judicialWarrant', 1, 0);
    if (this.readsAdmin) this.admin = this.atom('administrativeWarrant', 1, 0);
    if (options.reimbursementAgreement !== undefined) this.reimbursement = options.reimbursementAgreement;
    else if (this.readsReimbursement) this.reimbursement = this.atom('reimbursementAgreement', 1, 0);
    for (const k of RECORD_KEYS) if (records.has(k)) this.recordVars.set(k, this.atom(`record:${k}`, 1, 0));
    for (const coll of [this.collections.warrant, this.collections.charge, this.collections.conviction]) {
      for (const p of coll.predicates) for (const k of p.thresholds) p.vars.set(k, this.atom(`${coll.name}:${p.index}>=${k}`, 1, 0));
    }

    // 4. The constraint.
    this.buildConstraint();
    this.builtNodes = this.bdd.nodeCount;
  }

  /**
   * The fact space of these ordinances, reusing the one an earlier analysis built for the same facts:
   * the editor analyses the document on every keystroke, and most edits (wording, outcomes, order,
   * comments) change no fact, so the constraint, the costliest part, need not be built again. The
   * ordinances and their terms are swapped in; results do not depend on what earlier analyses did.
   */
  static reuse(ordinances: readonly Ordinance[], options: FactSpaceOptions = {}): FactSpace {
    // The same conditions and terms as a kept space's, object for object (a document read again
    // after an edit elsewhere shares them, frozen): its facts are these, without probing them.
    const identity = identityOf(ordinances, options);
    if (identity)
      for (const [signature, kept] of SPACE_CACHE)
        if (kept.identity && sameIdentity(kept.identity, identity) && kept.small()) {
          kept.take(ordinances, ordinances.map(termContext));
          return FactSpace.used(signature, kept);
        }
    const probe = new FactSpace(ordinances, options, false);
    const kept = SPACE_CACHE.get(probe.signature);
    let space: FactSpace;
    if (kept && kept.small()) {
      kept.adopt(probe);
      space = FactSpace.used(probe.signature, kept);
    } else {
      space = new FactSpace(ordinances, options);
      SPACE_CACHE.set(space.signature, space);
      if (SPACE_CACHE.size > 4) SPACE_CACHE.delete(SPACE_CACHE.keys().next().value!);
    }
    space.identity = identity;
    return space;
  }

  /** What the facts of a space are made of, as objects, when they are all frozen (else undefined). */
  private identity: unknown[] | undefined;

  /** A kept space grows with every analysis on it: past a bound it is built afresh. */
  private small(): boolean {
    return this.bdd.nodeCount <= Math.max(4 * this.builtNodes, 200_000);
  }

  /** The kept space, made the most recently used. */
  private static used(signature: string, kept: FactSpace): FactSpace {
    SPACE_CACHE.delete(signature);
    SPACE_CACHE.set(signature, kept);
    return kept;
  }

  /** Takes the ordinances and their terms of an analysis of the same facts. */
  private take(ordinances: readonly Ordinance[], contexts: TermContext[]): void {
    this.ordinances = ordinances;
    this.contexts = contexts;
    this.leafPolicies.clear();
  }

  /** Takes the ordinances (and their wording of each test) of a space with the same signature. */
  private adopt(probe: FactSpace): void {
    this.take(probe.ordinances, probe.contexts);
    // The probe resolved every test of these ordinances: keep its resolutions (by object and by text).
    this.leafCache = probe.leafCache;
    this.leafByText = probe.leafByText;
    for (const name of Object.keys(this.collections) as CollectionName[]) {
      const mine = this.collections[name].predicates;
      probe.collections[name].predicates.forEach((p, i) => {
        mine[i]!.condition = p.condition;
        mine[i]!.ordinance = p.ordinance;
      });
    }
  }

  private atom(kind: string, cost1: number, cost0: number): number {
    const v = this.bdd.newVar();
    this.atomVars.push(v);
    this.cost0[v] = cost0;
    this.cost1[v] = cost1;
    this.kindOfVar.set(v, kind);
    return v;
  }

  private internalVar(): number {
    const v = this.bdd.newVar();
    this.cost0[v] = 0;
    this.cost1[v] = 1;
    return v;
  }

  private leafCache = new Map<number, WeakMap<Condition, { predicate: ItemPredicate; threshold: number; key: string }>>();
  private leafByText = new Map<string, { predicate: ItemPredicate; threshold: number; key: string }>();

  /** A record test resolved in its ordinance's terms, with its key (cached per condition object). */
  resolvedLeaf(ord: number, leaf: Condition): { predicate: ItemPredicate; threshold: number; key: string } {
    let cache = this.leafCache.get(ord);
    if (!cache) {
      cache = new WeakMap();
      this.leafCache.set(ord, cache);
    }
    let hit = cache.get(leaf);
    if (!hit) {
      // The same test is often written many times: resolve each text once per ordinance.
      const text = `${ord}:${JSON.stringify(leaf)}`;
      hit = this.leafByText.get(text);
      if (!hit) {
        const r = this.predicateOf(ord, leaf);
        hit = { ...r, key: predicateKey(r.predicate) };
        this.leafByText.set(text, hit);
      }
      cache.set(leaf, hit);
    }
    return hit;
  }

  predicateOf(ord: number, leaf: Condition): { predicate: ItemPredicate; threshold: number } {
    const ctx = this.contexts[ord]!;
    if ('conviction' in leaf) {
      return { predicate: convictionPredicate(ctx, leaf.conviction), threshold: leaf.conviction.atLeast ?? 1 };
    }
    if ('charge' in leaf) return { predicate: chargePredicate(ctx, leaf.charge), threshold: 1 };
    if ('warrant' in leaf) return { predicate: warrantPredicate(leaf.warrant), threshold: 1 };
    throw new Error('not a record test');
  }

  // ---- frames ----

  private buildFrames(): void {
    const req = this.windows.filter((w) => w.anchor === 'request').map((w) => w.years);
    const arr = this.windows.filter((w) => w.anchor === 'arrest').map((w) => w.years);
    this.frames.push({ index: 0, delta: 0, label: 'the detainer is issued on the day of the arrest' });
    if (req.length === 0 || arr.length === 0) return;
    // Boundaries "N years before the request" and "M years before the arrest" change order when the
    // request comes (N - M) years after the arrest (before it, when M > N: a detainer lodged before a
    // transfer to this jail). One representative gap per ordering.
    const critical = new Set<number>([0]);
    for (const n of req) for (const m of arr) critical.add(n - m);
    const points = [...critical].sort((a, b) => a - b).map((y) => Math.round(y * 365.2425));
    const reps: number[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [lo, hi] = [points[i]!, points[i + 1]!];
      // Near the arrest when the gap touches it: a detainer some months after (or before) booking.
      reps.push(lo === 0 ? Math.min(120, Math.floor(hi / 2)) : hi === 0 ? -Math.min(120, Math.floor(-lo / 2)) : Math.round((lo + hi) / 2));
    }
    reps.push(points[0]! === 0 ? -120 : points[0]! - 365);
    reps.push(points[points.length - 1]! === 0 ? 120 : points[points.length - 1]! + 365);
    for (const d of [...new Set(reps)].sort((a, b) => Math.abs(a) - Math.abs(b) || b - a)) {
      if (d === 0) continue;
      const label = d > 0 ? `the detainer is issued ${d} days after the arrest` : `the detainer was issued ${-d} days before the arrest`;
      this.frames.push({ index: this.frames.length, delta: d, label });
    }
  }

  frameIs(f: number): number {
    if (this.frameVars.length === 0) return TRUE_NODE;
    let r = TRUE_NODE;
    this.frameVars.forEach((v, bit) => (r = this.bdd.and(r, this.bdd.literal(v, ((f >> bit) & 1) === 1))));
    return r;
  }

  frameOf(values: ArrayLike<number>): number {
    let f = 0;
    this.frameVars.forEach((v, bit) => {
      if (values[v] === 1) f |= 1 << bit;
    });
    return f;
  }

  /** Day numbers of the arrest and the request in a frame. */
  anchorDays(frame: number): { booked: number; issued: number } {
    return { booked: BOOKED_DAY, issued: BOOKED_DAY + this.frames[frame]!.delta };
  }

  private windowStart(w: WindowSpec, frame: number): number {
    return yearsBefore(this.windowEnd(w, frame), w.years);
  }

  /** The day a window ends on: a conviction dated after it is not in it (as the engine). */
  private windowEnd(w: WindowSpec, frame: number): number {
    const a = this.anchorDays(frame);
    return w.anchor === 'arrest' ? a.booked : a.issued;
  }

  // ---- representative records ----

  /** Dates (and days incarcerated) of a conviction that fall differently into the windows, per frame. */
  private timeTypes(frame: number): TimeType[] {
    const { booked } = this.anchorDays(frame);
    if (this.windows.length === 0) return [{ convicted: booked - 3 * 365, released: booked - 3 * 365, days: 0, later: 0, score: 0 }];
    const starts = this.windows.map((w) => this.windowStart(w, frame));
    const ends = this.windows.map((w) => this.windowEnd(w, frame));
    const bounds = [...new Set(starts)].sort((a, b) => a - b);
    // Records are dated before the booking; a window of a request made before it ends before it: the
    // day after that end is a boundary too (a conviction from it on is outside that window).
    const past = [...new Set(ends.filter((e) => e < booked).map((e) => e + 1))];
    const cuts = [...new Set([...bounds, ...past])].sort((a, b) => a - b);
    const mids: number[] = [cuts[0]! - 730];
    for (let i = 0; i + 1 < cuts.length; i++) mids.push(cuts[i]! + Math.floor((cuts[i + 1]! - cuts[i]!) / 2));
    const last = cuts[cuts.length - 1]!;
    mids.push(last + Math.max(0, Math.min(730, Math.floor((booked - 30 - last) / 2))));
    // Just below a boundary: where a few days incarcerated move a conviction into a window. On a
    // window's last day and the day after: a later conviction (the day after) is inside it, or not.
    const below = bounds.map((b) => b - 10);
    const edges = past.flatMap((e) => [e - 2, e - 1, e]);
    const dates = [...new Set([...mids, ...below, ...edges])].sort((a, b) => a - b);
    const byRelease = this.windows.some((w) => w.measure === 'release');
    const excluded = this.windows.filter((w) => w.excludeIncarcerated);
    // A conviction's own days and later convictions' days extend windows differently when some
    // window leaves out only its own time, or is measured from a release (which own time precedes).
    const split = excluded.some((w) => !w.andLater || w.measure === 'release');
    return convictionTimes({
      dates: Float64Array.from(dates),
      atMid: Uint8Array.from(dates, (d) => (mids.includes(d) ? 1 : 0)),
      bounds: Float64Array.from(bounds),
      excludedFromRelease: Uint8Array.from(excluded, (w) => (w.measure === 'release' ? 1 : 0)),
      byRelease,
      split,
      windows: windowTable(this.windows, starts, ends),
    });
  }

  private categorySets(coll: Collection): string[][] {
    const cats = new Set<string>();
    const degrees = new Set<number>();
    for (const p of coll.predicates) if (p.predicate.collection !== 'warrant') offenseVocabulary(p.predicate.offense, cats, degrees);
    const list = [...cats].sort();
    if (!coll.counting) return subsetsUpTo(list, 2);
    if (list.length <= 8) return subsetsUpTo(list, list.length);
    const note = `counting ${coll.name}s over ${list.length} offense categories: records carrying more than three of them were not examined`;
    if (!this.notes.includes(note)) this.notes.push(note);
    this.exact = false;
    return subsetsUpTo(list, 3);
  }

  /**
   * One offense (class, degree, categories) per distinct pattern of the offense tests it passes: the
   * enumeration then multiplies only these few by the other attributes of a record.
   */
  private offenseKinds(coll: Collection): OffenseKinds {
    // They do not depend on the frame: worked out once per collection.
    coll.offenseKinds ??= this.enumerateOffenseKinds(coll);
    return coll.offenseKinds;
  }

  private enumerateOffenseKinds(coll: Collection): OffenseKinds {
    const cats = new Set<string>();
    const degrees = new Set<number>();
    const specKeys = new Map<string, number>();
    const specs: OffenseSpec[] = [];
    const specOf = coll.predicates.map((p) => {
      const spec = (p.predicate as ChargePredicate | ConvictionPredicate).offense;
      offenseVocabulary(spec, cats, degrees);
      const key = JSON.stringify(spec);
      let i = specKeys.get(key);
      if (i === undefined) {
        i = specs.length;
        specKeys.set(key, i);
        specs.push(spec);
      }
      return i;
    });
    const countedSpecs = new Set(coll.predicates.filter((p) => p.thresholds.some((k) => k > 1)).map((p) => specOf[p.index]!));
    const list = [...cats].sort();
    const bit = new Map(list.map((c, i) => [c, i]));
    const big = list.length > 30;
    // Category requirements as bit masks over the mentioned categories (names when there are too many).
    const compiled = specs.map((spec) =>
      spec.map((a) => ({
        classes: a.classes,
        degrees: a.degrees,
        masks: a.categoryRequirements.map((r) => r.reduce((m, c) => m | (1 << bit.get(c)!), 0)),
      })),
    );
    type Kind = { className: OffenseClass; degree: number; categories: string[]; passes: boolean[]; score: number };
    const kinds = new Map<number | string, Kind>();
    const sets = this.categorySets(coll);
    const setMasks = big ? [] : sets.map((categories) => categories.reduce((m, c) => m | (1 << bit.get(c)!), 0));
    const sortedDegrees = [0, ...[...degrees].sort((a, b) => a - b)];
    // One scratch list of results, copied only when a kind is kept (this loop runs thousands of times).
    const passes: boolean[] = new Array<boolean>(specs.length).fill(false);
    const counted = specs.map((_, k) => countedSpecs.has(k));
    for (const className of CLASS_ORDER) {
      const cls = CLASS_BITS[className];
      for (const degree of sortedDegrees) {
        const degreeBit = degree === 0 ? 0 : 1 << degree;
        // The category masks of each spec's alternatives that this class and degree pass, found once
        // for every set of categories below (thousands when counting over many categories).
        const open = big
          ? []
          : compiled.map((alternatives) =>
              alternatives
                .filter((a) => (a.classes === 0 || (a.classes & cls) !== 0) && (a.degrees === 0 || (a.degrees & degreeBit) !== 0))
                .map((a) => a.masks),
            );
        for (let si = 0; si < sets.length; si++) {
          const categories = sets[si]!;
          // No record is a homicide infraction: a class the categories rule out is no kind of offense.
          if (this.realOffensesOnly && !classPossible(className, categories)) continue;
          let any = false;
          let anyCounted = false;
          for (let k = 0; k < specs.length; k++) {
            let pass: boolean;
            if (big) pass = offenseMatches(specs[k]!, { cls, degree, categories });
            else {
              const mask = setMasks[si]!;
              pass = false;
              for (const masks of open[k]!) {
                let all = true;
                for (const m of masks) if ((m & mask) === 0) all = false;
                if (all) {
                  pass = true;
                  break;
                }
              }
            }
            passes[k] = pass;
            if (pass) {
              any = true;
              if (counted[k]) anyCounted = true;
            }
          }
          if (!any) continue;
          // Records of more than two categories matter only to counted tests: for the others, two records
          // of fewer categories satisfy the same tests together (see existsConstraint).
          if (categories.length > 2 && !anyCounted) continue;
          let key: number | string = 0;
          if (passes.length <= 30) for (let k = 0; k < passes.length; k++) key += passes[k] ? 1 << k : 0;
          else key = passes.map((x) => (x ? 1 : 0)).join('');
          const score = offenseScore(className, degree, categories);
          const prev = kinds.get(key);
          if (!prev || score < prev.score) kinds.set(key, { className, degree, categories, passes: passes.slice(), score });
        }
      }
    }
    return { specs, specOf, kinds: [...kinds.values()] };
  }

  /**
   * The kinds of record for a collection's tests in a frame. They depend only on the tests, so they
   * are kept for the next analysis of the same tests (the editor re-lints on every keystroke).
   */
  private cellsOf(coll: Collection, frame: number): Cell[] {
    const key = `${this.realOffensesOnly ? 'real|' : ''}${coll.name}|${this.anchorDays(frame).issued - this.anchorDays(frame).booked}|${coll.predicates.map((p) => `${p.key}#${p.thresholds.join('/')}`).join('|')}`;
    let hit = CELL_CACHE.get(key);
    if (hit) {
      CELL_CACHE.delete(key);
      CELL_CACHE.set(key, hit);
      // An inexact enumeration brings its note to this analysis too.
      for (const note of hit.notes) {
        if (this.notes.includes(note)) continue;
        this.notes.push(note);
        this.exact = false;
      }
    } else {
      const cells = this.buildCells(coll, frame);
      hit = { cells, notes: this.notes.filter((n) => n.startsWith(`counting ${coll.name}s `)) };
      CELL_CACHE.set(key, hit);
      if (CELL_CACHE.size > 64) CELL_CACHE.delete(CELL_CACHE.keys().next().value!);
    }
    return hit.cells.map((c) => ({ ...c, vars: [] }));
  }

  /** Every kind of record that satisfies some test, with the simplest record of each kind. */
  private buildCells(coll: Collection, frame: number): Cell[] {
    const n = coll.predicates.length;
    const byKey = new Map<string | number, Cell>();
    const keep = (item: Item, members: number[]) => {
      if (members.length === 0) return;
      const key = members.join(',');
      const score = this.itemScore(item);
      const prev = byKey.get(key);
      if (!prev || score < prev.score) byKey.set(key, { members, bits: bitsOf(members, n), item, score, vars: [] });
    };
    if (coll.name === 'warrant') {
      let mentioned = 0;
      for (const p of coll.predicates) mentioned |= (p.predicate as WarrantPredicate).jurisdictions;
      const jurs: Array<WarrantJurisdiction | undefined> = [
        undefined,
        ...ALL_JURISDICTIONS.filter((j) => mentioned & JURISDICTION_BITS[j]),
      ];
      for (const criminal of [true, false])
        for (const jurisdiction of jurs)
          for (const felony of [false, true]) {
            const item: WarrantItem = { collection: 'warrant', criminal, jurisdiction, felony };
            keep(
              item,
              coll.predicates.flatMap((p, j) => (this.itemSatisfies(p.predicate, item, frame) ? [j] : [])),
            );
          }
    } else {
      const { specOf, kinds } = this.offenseKinds(coll);
      const rests: Item[] = [];
      if (coll.name === 'charge') {
        const ps = coll.predicates.map((p) => p.predicate as ChargePredicate);
        const values = (pick: (p: ChargePredicate) => boolean | undefined, dflt: boolean) =>
          ps.some((p) => pick(p) !== undefined) ? [dflt, !dflt] : [dflt];
        for (const bondPosted of values((p) => p.bondPosted, false))
          for (const bondable of values((p) => p.bondable, true))
            for (const probableCause of values((p) => p.probableCause, false))
              rests.push({ collection: 'charge', cls: 'felony', degree: 0, categories: [], bondPosted, bondable, probableCause });
      } else {
        const ps = coll.predicates.map((p) => p.predicate as ConvictionPredicate);
        const currents = ps.some((p) => p.current !== undefined) ? [false, true] : [false];
        const juveniles = ps.some((p) => p.includeJuvenile) && ps.some((p) => !p.includeJuvenile) ? [false, true] : [false];
        for (const t of this.timeTypes(frame))
          for (const current of currents)
            for (const juvenile of juveniles)
              rests.push({
                collection: 'conviction',
                cls: 'felony',
                degree: 0,
                categories: [],
                current,
                juvenile,
                convicted: t.convicted,
                released: t.released,
                days: t.days,
                later: t.later,
              });
      }
      // A test passes when its offense part passes (per kind) and the rest of it does (per record attributes).
      // Every test's offense part matches some offense, so a category-free probe of the rest is exact.
      const anyOffense = coll.predicates.map(
        (p) => ({ ...p.predicate, offense: [{ classes: 0, degrees: 0, categoryRequirements: [] }] }) as ItemPredicate,
      );
      const restPasses = rests.map((r) => anyOffense.map((p) => this.itemSatisfies(p, r, frame)));
      const restScores = rests.map((r) => this.itemScore(r));
      // Each (kind of offense, rest) pair: its tests as a key, kept when simpler than the pair kept for
      // them so far (an item is made only then: this loop runs tens of thousands of times).
      const small = n <= 30;
      // With at most 30 tests, a pair's tests are the bits its kind of offense passes ANDed with the
      // bits its rest passes: one operation per pair, not a loop over the tests (on the 300-provision
      // benchmark draft, 33 kinds by 48-100 rests by 20 tests in each of 6 frames; the loop over the
      // tests was about 3% of the instructions of a fresh process checking it twice on the validate
      // command's baseline code). Its tests are listed only for a pair kept.
      const kindMasks = small ? kinds.map((k) => specOf.reduce((m, s, j) => (k.passes[s] ? m | (1 << j) : m), 0)) : [];
      const restMasks = small ? restPasses.map((passes) => passes.reduce((m, x, j) => (x ? m | (1 << j) : m), 0)) : [];
      const felonyScore = offenseScore('felony', 0, []);
      for (let ki = 0; ki < kinds.length; ki++) {
        const k = kinds[ki]!;
        const kindScore = offenseScore(k.className, k.degree, k.categories);
        const kindMask = small ? kindMasks[ki]! : 0;
        for (let ri = 0; ri < rests.length; ri++) {
          const passes = restPasses[ri]!;
          let key: number | string;
          if (small) {
            key = kindMask & restMasks[ri]!;
            if (key === 0) continue;
          } else {
            let text = '';
            for (let j = 0; j < n; j++) if (k.passes[specOf[j]!] && passes[j]) text += `${j},`;
            if (text === '') continue;
            key = text;
          }
          // The rests are probes of class felony, degree 0, no category: their own part of the score is the rest.
          const score = restScores[ri]! - felonyScore + kindScore;
          const prev = byKey.get(key);
          if (prev && prev.score <= score) continue;
          const members: number[] = [];
          for (let j = 0; j < n; j++) if (k.passes[specOf[j]!] && passes[j]) members.push(j);
          const item = { ...rests[ri]!, cls: k.className, degree: k.degree, categories: k.categories } as Item;
          byKey.set(key, { members, bits: bitsOf(members, n), item, score, vars: [] });
        }
      }
    }
    return [...byKey.values()].sort((a, b) => a.members.length - b.members.length || a.score - b.score);
  }

  private itemScore(i: Item): number {
    if (i.collection === 'warrant') return (i.jurisdiction ? 1 : 0) + (i.felony ? 1 : 0) + (i.criminal ? 0 : 1);
    const base = offenseScore(i.cls, i.degree, i.categories);
    if (i.collection === 'charge') return base + (i.bondPosted ? 1 : 0) + (i.bondable ? 0 : 1) + (i.probableCause ? 1 : 0);
    return base + (i.current ? 1 : 0) + (i.juvenile ? 2 : 0) + (i.days ? 2 : 0) + (i.later ? 3 : 0) + (i.released !== i.convicted ? 1 : 0);
  }

  /** Whether a single record satisfies a predicate: the engine's rule, record by record. */
  itemSatisfies(p: ItemPredicate, item: Item, frame: number): boolean {
    if (p.collection === 'warrant') {
      if (item.collection !== 'warrant') return false;
      if (p.kind !== undefined && item.criminal !== (p.kind === 'criminal')) return false;
      if (p.jurisdictions !== 0 && (item.jurisdiction === undefined || (JURISDICTION_BITS[item.jurisdiction] & p.jurisdictions) === 0))
        return false;
      return p.felony === undefined || item.felony === p.felony;
    }
    if (item.collection === 'warrant') return false;
    const rec: OffenseRecord = { cls: CLASS_BITS[item.cls], degree: item.degree, categories: item.categories };
    if (p.collection === 'charge') {
      if (item.collection !== 'charge') return false;
      if (p.bondPosted !== undefined && item.bondPosted !== p.bondPosted) return false;
      if (p.bondable !== undefined && item.bondable !== p.bondable) return false;
      if (p.probableCause !== undefined && item.probableCause !== p.probableCause) return false;
      return offenseMatches(p.offense, rec);
    }
    if (item.collection !== 'conviction') return false;
    if (!p.includeJuvenile && item.juvenile) return false;
    if (p.current !== undefined && item.current !== p.current) return false;
    if (!offenseMatches(p.offense, rec)) return false;
    if (!p.window) return true;
    const ref = p.window.measure === 'release' ? item.released : item.convicted;
    // As the engine: a conviction after the window's end is not in it; own days count only for a
    // window from the conviction (a release ends them); the days on later convictions (carried by one
    // convicted the day after, see laterCarrier) only when that one is not after the end.
    const end = this.windowEnd(p.window, frame);
    if (item.convicted > end) return false;
    const later = p.window.andLater && item.convicted < end ? item.later : 0;
    const ext = p.window.excludeIncarcerated ? (ref === item.convicted ? item.days : 0) + later : 0;
    return ref + ext >= this.windowStart(p.window, frame);
  }

  // ---- the constraint ----

  private buildConstraint(): void {
    const b = this.bdd;
    // Age: an interval index names one of the intervals.
    this.buildAgeSets();
    let valid = b.not(this.intervalAtLeast(this.ageCuts.length + 1));
    // Counts: "at least k+1" implies "at least k".
    for (const coll of Object.values(this.collections)) {
      for (const p of coll.predicates) {
        for (let i = 0; i + 1 < p.thresholds.length; i++) {
          valid = b.and(valid, b.implies(b.v(p.vars.get(p.thresholds[i + 1]!)!), b.v(p.vars.get(p.thresholds[i]!)!)));
        }
      }
    }
    const frameFree = [this.collections.warrant, this.collections.charge];
    for (const coll of frameFree) {
      if (coll.predicates.length === 0) continue;
      const cells = this.cellsOf(coll, 0);
      coll.cells = this.frames.map(() => cells);
      valid = b.and(valid, this.existsConstraint(coll, cells));
    }
    const conv = this.collections.conviction;
    let framed = FALSE_NODE;
    for (const f of this.frames) {
      let part = this.frameIs(f.index);
      if (conv.predicates.length > 0) {
        const cells = conv.cells[f.index] ?? this.cellsOf(conv, f.index);
        conv.cells[f.index] = cells;
        part = b.and(part, conv.counting ? this.countConstraint(conv, f.index) : this.existsConstraint(conv, cells));
      }
      framed = b.or(framed, part);
    }
    this.valid = b.and(valid, framed);
  }

  /**
   * For tests of "some record matches": a combination is possible exactly when every test it makes
   * true is satisfied by some kind of record that satisfies no test the combination makes false.
   */
  private existsConstraint(coll: Collection, cells: Cell[]): number {
    const b = this.bdd;
    const reduced = cells.filter((c) => {
      // A kind that is the union of smaller kinds adds no combination.
      const union = new Uint32Array(c.bits.length);
      for (const d of cells)
        if (d !== c && isSubset(d.bits, c.bits) && !sameBits(d.bits, c.bits))
          for (let i = 0; i < union.length; i++) union[i]! |= d.bits[i]!;
      return !sameBits(union, c.bits);
    });
    let r = TRUE_NODE;
    coll.predicates.forEach((p, j) => {
      const a = p.vars.get(1)!;
      const containing = reduced.filter((c) => c.members.includes(j));
      const minimal = containing.filter((c) => !containing.some((d) => d !== c && isSubset(d.bits, c.bits) && !sameBits(d.bits, c.bits)));
      if (minimal.some((c) => c.members.length === 1)) return;
      const ways = b.orAll(minimal.map((c) => b.andAll(c.members.map((i) => b.v(coll.predicates[i]!.vars.get(1)!)))));
      r = b.and(r, b.implies(b.v(a), ways));
    });
    return r;
  }

  /**
   * For counted tests ("at least two ..."): kinds of record that satisfy a counted test get count
   * variables; every other kind covers the tests it satisfies as in `existsConstraint`. A combination
   * is possible when some counts of the counted kinds (each kind within the combination) give exactly
   * its counts, and every test it makes true is covered by a counted kind used or another kind within it.
   */
  /** The kinds of counted record per frame, with their count variables (before any atom is made). */
  private prepareCounts(): void {
    const coll = this.collections.conviction;
    if (!coll.counting || coll.predicates.length === 0) return;
    const isCounted = (j: number) => coll.predicates[j]!.thresholds.some((k) => k > 1);
    for (const f of this.frames) {
      const cells = this.cellsOf(coll, f.index);
      coll.cells[f.index] = cells;
      const reduced = this.reduceCounting(coll, cells, isCounted);
      const counted = reduced.filter((c) => c.members.some(isCounted));
      const first = this.bdd.varCount;
      for (const c of counted) {
        let cap = 1;
        for (const j of c.members)
          if (isCounted(j)) cap = Math.max(cap, coll.predicates[j]!.thresholds[coll.predicates[j]!.thresholds.length - 1]!);
        c.vars = [];
        for (let t = 0; t < cap; t++) c.vars.push(this.internalVar());
      }
      coll.counted[f.index] = counted;
      coll.free[f.index] = reduced.filter((c) => !c.members.some(isCounted));
      coll.countVars[f.index] = [first, this.bdd.varCount];
    }
  }

  private countConstraint(coll: Collection, frame: number): number {
    const b = this.bdd;
    const isCounted = (j: number) => coll.predicates[j]!.thresholds.some((k) => k > 1);
    const counted = coll.counted[frame]!;
    const free = coll.free[frame]!;
    const [first, last] = coll.countVars[frame]!;
    const atom1 = (j: number) => coll.predicates[j]!.vars.get(1);
    const atomsOnly: number[] = [];
    let rel = TRUE_NODE;
    for (const c of counted) {
      for (let t = 0; t + 1 < c.vars.length; t++) rel = b.and(rel, b.implies(b.v(c.vars[t + 1]!), b.v(c.vars[t]!)));
      const within = b.andAll(
        c.members
          .map(atom1)
          .filter((v): v is number => v !== undefined)
          .map((v) => b.v(v)),
      );
      rel = b.and(rel, b.implies(b.v(c.vars[0]!), within));
    }
    coll.predicates.forEach((p, j) => {
      if (isCounted(j)) {
        const list = counted.filter((c) => c.members.includes(j));
        const memo = new Map<string, number>();
        const atLeast = (i: number, k: number): number => {
          if (k <= 0) return TRUE_NODE;
          if (i >= list.length) return FALSE_NODE;
          const key = `${i}:${k}`;
          const hit = memo.get(key);
          if (hit !== undefined) return hit;
          const c = list[i]!;
          let r = atLeast(i + 1, k);
          for (let t = 1; t <= Math.min(k, c.vars.length); t++) r = b.or(r, b.and(b.v(c.vars[t - 1]!), atLeast(i + 1, k - t)));
          memo.set(key, r);
          return r;
        };
        for (const k of p.thresholds) rel = b.and(rel, b.iff(b.v(p.vars.get(k)!), atLeast(0, k)));
        return;
      }
      const inCounted = counted.filter((c) => c.members.includes(j));
      const byCounted = b.orAll(inCounted.map((c) => b.v(c.vars[0]!)));
      const containing = free.filter((c) => c.members.includes(j));
      const minimal = containing.filter((c) => !containing.some((d) => d !== c && isSubset(d.bits, c.bits) && !sameBits(d.bits, c.bits)));
      const byFree = minimal.some((c) => c.members.length === 1)
        ? TRUE_NODE
        : b.orAll(minimal.map((c) => b.andAll(c.members.map((i) => b.v(atom1(i)!)))));
      const clause = b.implies(b.v(p.vars.get(1)!), b.or(byCounted, byFree));
      // A test no counted kind satisfies constrains atoms only: it joins after the counts are projected away.
      if (inCounted.length === 0) atomsOnly.push(clause);
      else rel = b.and(rel, clause);
    });
    coll.relation[frame] = rel;
    return b.and(
      b.exists(rel, (v) => v >= first && v < last),
      b.andAll(atomsOnly),
    );
  }

  /**
   * Drops kinds of record that others replace without changing any test's count: a kind of free
   * records (no counted test) that is the union of smaller free kinds; a counted kind that smaller
   * kinds make up, one or two counted kinds splitting its counted tests plus free kinds for the rest.
   */
  private reduceCounting(coll: Collection, cells: Cell[], isCounted: (j: number) => boolean): Cell[] {
    void coll;
    const width = cells[0]?.bits.length ?? 1;
    const countedMask = new Uint32Array(width);
    coll.predicates.forEach((_, j) => {
      if (isCounted(j)) countedMask[j >>> 5]! |= 1 << (j & 31);
    });
    const hasCounted = (c: Cell) => c.bits.some((w, i) => (w & countedMask[i]!) !== 0);
    // Cells come ordered by their number of tests, and a strict subset has fewer: only a prefix of
    // each list can hold one, and within it a subset is a strict one.
    const free = cells.filter((c) => !hasCounted(c));
    const counted = cells.filter(hasCounted);
    const union = new Uint32Array(width);
    const unionOfFreeSubs = (c: Cell) => {
      union.fill(0);
      const size = c.members.length;
      for (const d of free) {
        if (d.members.length >= size) break;
        if (isSubset(d.bits, c.bits)) for (let i = 0; i < width; i++) union[i]! |= d.bits[i]!;
      }
      return union;
    };
    const strictSubsIn = (list: Cell[], c: Cell) => {
      const out: Cell[] = [];
      for (const d of list) {
        if (d.members.length >= c.members.length) break;
        if (isSubset(d.bits, c.bits)) out.push(d);
      }
      return out;
    };
    const keptFree = free.filter((c) => !sameBits(unionOfFreeSubs(c), c.bits));
    const keptCounted = counted.filter((c) => {
      const freeUnion = Uint32Array.from(unionOfFreeSubs(c));
      const countedOf = (d: Cell, i: number) => d.bits[i]! & countedMask[i]!;
      const subs = strictSubsIn(counted, c);
      // Replaced by one smaller counted kind with the same counted tests, plus free kinds for the rest.
      for (const d of subs) {
        let ok = true;
        for (let i = 0; i < width && ok; i++)
          ok = countedOf(d, i) === countedOf(c, i) && (c.bits[i]! & ~(d.bits[i]! | freeUnion[i]!)) === 0;
        if (ok) return false;
      }
      // Or by two whose counted tests split its own.
      for (let x = 0; x < subs.length; x++) {
        for (let y = x + 1; y < subs.length; y++) {
          const d1 = subs[x]!;
          const d2 = subs[y]!;
          let ok = true;
          for (let i = 0; i < width && ok; i++) {
            const c1 = countedOf(d1, i);
            const c2 = countedOf(d2, i);
            ok = (c1 & c2) === 0 && (c1 | c2) === countedOf(c, i) && (c.bits[i]! & ~(d1.bits[i]! | d2.bits[i]! | freeUnion[i]!)) === 0;
          }
          if (ok) return false;
        }
      }
      return true;
    });
    return [...keptFree, ...keptCounted];
  }

  // ---- conditions ----

  private ageAtLeast(c: number): number {
    if (c <= 0) return TRUE_NODE;
    if (c > 130) return FALSE_NODE;
    const k = this.ageCuts.indexOf(c);
    if (k < 0) throw new Error(`age ${c} was not registered`);
    return this.intervalAtLeast(k + 1);
  }

  /** The age intervals as sets, and their order by distance from the default person's age. */
  private buildAgeSets(): void {
    const m = this.ageCuts.length;
    for (let k = 0; k <= m + 1; k++) this.ageAtLeastSets.push(this.indexAtLeast(k));
    const home = this.intervalOf(DEFAULT_AGE);
    const order: number[] = [];
    for (let j = 0; j <= m; j++) order.push(j);
    // Nearest first by the number of ages named in between (as a drafter reads ranges), younger on a tie.
    this.ageOrder = order.sort((a, b) => Math.abs(a - home) - Math.abs(b - home) || a - b);
  }

  /** "The binary index is at least k", built from the least significant bit up. */
  private indexAtLeast(k: number): number {
    const b = this.bdd;
    const n = this.ageBits.length;
    if (k <= 0) return TRUE_NODE;
    if (k >= 2 ** n) return FALSE_NODE;
    let r = TRUE_NODE;
    for (let i = 0; i < n; i++) {
      const bit = b.v(this.ageBits[n - 1 - i]!);
      r = (k >> i) & 1 ? b.and(bit, r) : b.or(bit, r);
    }
    return r;
  }

  private intervalAtLeast(k: number): number {
    return this.ageAtLeastSets[k] ?? this.indexAtLeast(k);
  }

  /** The index of the age interval holding an age. */
  private intervalOf(age: number): number {
    let j = 0;
    while (j < this.ageCuts.length && age >= this.ageCuts[j]!) j++;
    return j;
  }

  /** Writes an interval index into the age bits of a combination. */
  setIntervalOf(values: Int8Array, j: number): void {
    this.setInterval(values, j);
  }

  private setInterval(values: Int8Array, j: number): void {
    const n = this.ageBits.length;
    for (let i = 0; i < n; i++) values[this.ageBits[i]!] = (j >> (n - 1 - i)) & 1;
  }

  /** The interval indexes a (partial) combination allows, ascending. */
  ageIntervals(values: ArrayLike<number>): number[] {
    const out: number[] = [];
    const n = this.ageBits.length;
    for (let j = 0; j <= this.ageCuts.length; j++) {
      let ok = true;
      for (let i = 0; i < n && ok; i++) {
        const x = values[this.ageBits[i]!];
        ok = x !== 0 && x !== 1 ? true : x === ((j >> (n - 1 - i)) & 1);
      }
      if (ok) out.push(j);
    }
    return out;
  }

  /**
   * The age intervals a set may hold a case in, ascending: its paths through the age bits at the top of
   * the order. Where the set tests something else first, every interval below that test is counted, so
   * two sets that share a case always share an interval of this list.
   */
  ageIntervalsOf(set: number): number[] {
    const b = this.bdd;
    const n = this.ageBits.length;
    const out: number[] = [];
    const go = (node: number, i: number, j: number) => {
      if (node === FALSE_NODE) return;
      if (i === n) {
        out.push(j);
        return;
      }
      if (b.varOf(node) === this.ageBits[i]) {
        go(b.lowOf(node), i + 1, 2 * j);
        go(b.highOf(node), i + 1, 2 * j + 1);
      } else {
        go(node, i + 1, 2 * j);
        go(node, i + 1, 2 * j + 1);
      }
    };
    go(set, 0, 0);
    return out;
  }

  /** The ages of an interval: [lo, hi). */
  intervalRange(j: number): { lo: number; hi: number } {
    return { lo: j === 0 ? 0 : this.ageCuts[j - 1]!, hi: j < this.ageCuts.length ? this.ageCuts[j]! : 131 };
  }

  /**
   * The part of a set in one age interval: the age bits are at the top of the order, so this is a
   * walk of a few nodes.
   */
  private inInterval(set: number, j: number): number {
    const b = this.bdd;
    const n = this.ageBits.length;
    let node = set;
    for (let i = 0; i < n && node > 1; i++) {
      const v = this.ageBits[i]!;
      if (b.varOf(node) !== v) continue;
      node = (j >> (n - 1 - i)) & 1 ? b.highOf(node) : b.lowOf(node);
    }
    return node;
  }

  /** The sets of combinations on which a condition of ordinance `ord` is true, and not false. */
  tri(ord: number, c: Condition): TriSet {
    const b = this.bdd;
    if ('all' in c || 'any' in c) {
      const parts = ('all' in c ? c.all : c.any).map((x) => this.tri(ord, x));
      const combine = 'all' in c ? (xs: number[]) => b.andAll(xs) : (xs: number[]) => b.orAll(xs);
      return { t: combine(parts.map((p) => p.t)), n: combine(parts.map((p) => p.n)) };
    }
    if ('not' in c) {
      const inner = this.tri(ord, c.not);
      return { t: b.not(inner.n), n: b.not(inner.t) };
    }
    if ('discretion' in c) return { t: FALSE_NODE, n: TRUE_NODE };
    const exact = this.leaf(ord, c);
    return { t: exact, n: exact };
  }

  /** A two-valued leaf as a set of combinations. */
  leaf(ord: number, c: Condition): number {
    const b = this.bdd;
    if ('judicialWarrant' in c) return b.literal(this.judicial, c.judicialWarrant);
    if ('administrativeWarrant' in c) return b.literal(this.admin, c.administrativeWarrant);
    if ('requested' in c) return b.v(c.requested === 'hold' ? this.reqHold : this.reqNotify);
    if ('reimbursementAgreement' in c) {
      if (typeof this.reimbursement === 'boolean') return this.reimbursement === c.reimbursementAgreement ? TRUE_NODE : FALSE_NODE;
      return b.literal(this.reimbursement, c.reimbursementAgreement);
    }
    if ('age' in c) return b.and(this.ageAtLeast(c.age.atLeast ?? 0), b.not(this.ageAtLeast(c.age.under ?? 1000)));
    if ('record' in c) return b.v(this.recordVars.get(c.record)!);
    if ('conviction' in c || 'charge' in c || 'warrant' in c) {
      const { predicate, threshold, key } = this.resolvedLeaf(ord, c);
      const entry = this.collections[predicate.collection].byKey.get(key);
      if (!entry) throw new Error('record test was not registered');
      return b.v(entry.vars.get(threshold)!);
    }
    throw new Error(`unknown condition ${JSON.stringify(Object.keys(c))}`);
  }

  /** "ICE asked for nothing", "...for notice only", and so on, as sets. */
  requests(): { none: number; holdAsked: number; notifyOnly: number; any: number } {
    const b = this.bdd;
    const rh = b.v(this.reqHold);
    const rn = b.v(this.reqNotify);
    return { none: b.and(b.not(rh), b.not(rn)), holdAsked: rh, notifyOnly: b.and(b.not(rh), rn), any: b.or(rh, rn) };
  }

  /**
   * Whether some real case is in a set. The set's cheapest point usually satisfies the constraint, which
   * spares conjoining the set with it.
   */
  possible(set: number): boolean {
    if (set === FALSE_NODE) return false;
    // Diagrams are canonical: the answer for a node holds as long as the space (a kept space is asked
    // again about the same sets at the next keystroke).
    const known = this.possibleMemo.get(set);
    if (known !== undefined) return known;
    const path = this.bdd.cheapestPath(set, this.cost0, this.cost1);
    const r = (path !== undefined && this.bdd.satisfiableWith(this.valid, path)) || this.bdd.and(set, this.valid) !== FALSE_NODE;
    this.possibleMemo.set(set, r);
    return r;
  }

  private readonly possibleMemo = new Map<number, boolean>();

  /** A real case in a set (its cheapest point when that is real), or undefined when there is none. */
  cheapestPossible(set: number): Int8Array | undefined {
    if (set === FALSE_NODE) return undefined;
    const path = this.nearestAge(set, (s) => this.bdd.cheapestPath(s, this.cost0, this.cost1));
    if (path) {
      // Any completion of a path of the set is in the set; complete it within the constraint.
      const values = this.bdd.completion(this.valid, path, this.defaults());
      if (values) return values;
    }
    return this.cheapest(set);
  }

  private defaultValues: Int8Array | undefined;

  /** Each variable's default value (the one that costs nothing; the default person's age). */
  defaults(): Int8Array {
    if (!this.defaultValues || this.defaultValues.length !== this.bdd.varCount) {
      this.defaultValues = new Int8Array(this.bdd.varCount);
      for (let v = 0; v < this.bdd.varCount; v++) this.defaultValues[v] = this.cost1[v] === 0 && this.cost0[v] !== 0 ? 1 : 0;
      if (this.ageBits.length) this.setInterval(this.defaultValues, this.intervalOf(DEFAULT_AGE));
    }
    return this.defaultValues;
  }

  /**
   * The cheapest point of a set by `find` (which sees age as free), moved to the age interval nearest
   * the default person's among those where the set is as cheap: fewest facts first, then the nearest
   * age. Age bits a path leaves free are set to that interval.
   */
  private nearestAge(set: number, find: (s: number) => Int8Array | undefined): Int8Array | undefined {
    const any = find(set);
    if (!any || this.ageBits.length === 0) return any;
    const cost = this.costOf(any);
    for (const j of this.ageOrder) {
      const part = this.inInterval(set, j);
      if (part === FALSE_NODE) continue;
      const found = part === set ? any : find(part);
      if (!found || this.costOf(found) > cost + 1e-9) continue;
      this.setInterval(found, j);
      return found;
    }
    return any;
  }

  /** What a (partial) combination costs: its facts away from their defaults (age is free). */
  costOf(values: ArrayLike<number>): number {
    let cost = 0;
    for (const v of this.atomVars) cost += values[v] === 1 ? this.cost1[v]! : values[v] === 0 ? this.cost0[v]! : 0;
    return cost;
  }

  /** The cheapest combination in a set, or undefined when the set is empty. */
  cheapest(set: number): Int8Array | undefined {
    const real = this.bdd.and(set, this.valid);
    return this.nearestAge(real, (s) => this.bdd.cheapest(s, this.cost0, this.cost1)?.values);
  }

  /** How many combinations of atoms a set holds (within the constraint). */
  count(set: number): number {
    return this.bdd.satCount(this.bdd.and(set, this.valid), this.atomVars);
  }

  kindOf(v: number): string {
    return this.kindOfVar.get(v) ?? 'internal';
  }

  // ---- back to a booking case ----

  /** A booking case with exactly the atoms of a full combination (which must satisfy the constraint). */
  concretize(values: ArrayLike<number>, id = 'witness'): ConcreteCase {
    const frame = this.frameOf(values);
    const { booked, issued } = this.anchorDays(frame);
    const requests: Array<'hold' | 'notify'> = [];
    if (values[this.reqHold] === 1) requests.push('hold');
    if (values[this.reqNotify] === 1) requests.push('notify');
    const release = releaseDay(Math.max(issued, booked));
    const bc: BookingCase = {
      id,
      age: this.ageFor(values),
      bookedAt: formatDateTime(booked * MINUTES_PER_DAY + BOOKED_MINUTE),
      eligibleForReleaseAt: formatDateTime(release * MINUTES_PER_DAY + 17 * 60),
      detainer: {
        requests,
        issuedAt: formatDateTime(issued * MINUTES_PER_DAY + ISSUED_MINUTE),
        judicialWarrant: this.judicial >= 0 && values[this.judicial] === 1,
        administrativeWarrant: this.admin >= 0 && values[this.admin] === 1,
      },
    };
    const warrants = this.recordsFor(this.collections.warrant, values, frame) as WarrantItem[];
    const charges = this.recordsFor(this.collections.charge, values, frame) as ChargeItem[];
    const convictions = this.recordsFor(this.collections.conviction, values, frame) as ConvictionItem[];
    if (charges.length) bc.currentCharges = charges.map(chargeRecord);
    if (convictions.length) {
      const records = convictions.sort((a, b) => a.convicted - b.convicted).map(convictionRecord);
      // Days on later convictions: a conviction the day after carries them (one the same day is not a
      // later conviction), of an offense no test counts where there is one.
      for (const c of convictions) if (c.later > 0) records.push(convictionRecord(this.laterCarrier(c, frame)));
      bc.convictions = records;
    }
    if (warrants.length) bc.warrants = warrants.map(warrantRecord);
    const records: Partial<Record<RecordKey, boolean>> = {};
    for (const [k, v] of this.recordVars) if (values[v] === 1) records[k] = true;
    if (Object.keys(records).length) bc.records = records;
    const out: ConcreteCase = { case: bc, frame };
    if (typeof this.reimbursement === 'number') out.reimbursementAgreement = values[this.reimbursement] === 1;
    return out;
  }

  /**
   * The record that carries a conviction's days on later convictions in a concrete case: convicted
   * the day after it, with those days. The engine counts a juvenile adjudication's days only in a test
   * that counts juvenile adjudications as convictions, so it is a juvenile adjudication only where every
   * window leaving out later convictions' time counts them, and an adult conviction otherwise; of the
   * first offense (a misdemeanor, a felony, an infraction, untagged or with a tag no test names) that
   * no conviction test counts. Where every offense is counted by some test (one counts any conviction),
   * the last is taken, and a witness made with it may not be confirmed by the engine.
   */
  private laterCarrier(c: ConvictionItem, frame: number): ConvictionItem {
    const tests = this.collections.conviction.predicates.map((p) => p.predicate as ConvictionPredicate);
    const laterWindows = tests.filter((p) => p.window?.excludeIncarcerated && p.window.andLater);
    const juvenile = laterWindows.length > 0 && laterWindows.every((p) => p.includeJuvenile);
    let carrier: ConvictionItem | undefined;
    for (const cls of ['misdemeanor', 'felony', 'infraction'] as const)
      for (const categories of [[], ['unclassified']]) {
        carrier = {
          collection: 'conviction',
          cls,
          degree: 0,
          categories,
          current: false,
          juvenile,
          convicted: c.convicted + 1,
          released: c.convicted + 1,
          days: c.later,
          later: 0,
        };
        if (!tests.some((p) => this.itemSatisfies(p, carrier!, frame))) return carrier;
      }
    return carrier!;
  }

  /** The age range a combination allows: [lo, hi) (from its first interval to its last). */
  ageRange(values: ArrayLike<number>): { lo: number; hi: number } {
    const js = this.ageIntervals(values);
    if (js.length === 0) return { lo: 0, hi: 131 };
    return { lo: this.intervalRange(js[0]!).lo, hi: this.intervalRange(js[js.length - 1]!).hi };
  }

  private ageFor(values: ArrayLike<number>): number {
    const { lo, hi } = this.ageRange(values);
    if (DEFAULT_AGE >= lo && DEFAULT_AGE < hi) return DEFAULT_AGE;
    return hi <= DEFAULT_AGE ? hi - 1 : lo;
  }

  private recordsFor(coll: Collection, values: ArrayLike<number>, frame: number): Item[] {
    if (coll.predicates.length === 0) return [];
    const cells = coll.cells[frame] ?? [];
    const out: Item[] = [];
    const wanted = new Set<number>();
    coll.predicates.forEach((p, j) => {
      const v = p.vars.get(1) ?? p.vars.get(p.thresholds[0]!)!;
      if (values[v] === 1) wanted.add(j);
    });
    const left = new Set(wanted);
    if (coll.counting) {
      const atoms = new Int8Array(this.bdd.varCount).fill(-1);
      for (const v of this.atomVars) atoms[v] = values[v]!;
      const best = this.bdd.cheapestWithin(coll.relation[frame]!, atoms, this.cost0, this.cost1);
      if (!best) throw new Error(`no ${coll.name} records realise this combination`);
      for (const c of coll.counted[frame] ?? []) {
        for (const v of c.vars) {
          if (best.values[v] !== 1) continue;
          out.push(c.item);
          for (const m of c.members) left.delete(m);
        }
      }
    }
    // Cover the remaining tests with the fewest records, each satisfying only tests the combination makes true.
    const counted = (j: number) => coll.predicates[j]!.thresholds.some((k) => k > 1);
    const usable = cells.filter((c) => c.members.every((m) => wanted.has(m)) && !(coll.counting && c.members.some(counted)));
    while (left.size > 0) {
      let best: Cell | undefined;
      let gain = 0;
      for (const c of usable) {
        const g = c.members.filter((m) => left.has(m)).length;
        if (g > gain || (g === gain && g > 0 && best && c.score < best.score)) {
          best = c;
          gain = g;
        }
      }
      if (!best || gain === 0) throw new Error(`no ${coll.name} records realise this combination`);
      out.push(best.item);
      for (const m of best.members) left.delete(m);
    }
    return out;
  }

  /**
   * The case with each offense of a class its categories rule out (a homicide infraction: only a space
   * without `realOffensesOnly` makes one) moved to the most ordinary class they allow, or undefined
   * when it has none. The caller checks that the moved case is still one it wanted.
   */
  withRealOffenses(c: ConcreteCase): ConcreteCase | undefined {
    const real = <T extends ConvictionRecord | ChargeRecord>(r: T): T => {
      const cats = r.categories ?? [];
      if (!r.class || classPossible(r.class, cats)) return r;
      const cls = [...CLASS_ORDER].sort((x, y) => classRank(x, cats) - classRank(y, cats)).find((x) => classPossible(x, cats));
      return cls ? { ...r, class: cls, offense: offenseName(cls, r.degree ?? 0, cats) } : r;
    };
    const convictions = c.case.convictions?.map(real);
    const charges = c.case.currentCharges?.map(real);
    const moved = (a: readonly object[] | undefined, b: readonly object[] | undefined) => a?.some((r, i) => r !== b![i]) ?? false;
    if (!moved(convictions, c.case.convictions) && !moved(charges, c.case.currentCharges)) return undefined;
    const out: BookingCase = { ...c.case };
    if (convictions) out.convictions = convictions;
    if (charges) out.currentCharges = charges;
    return { ...c, case: out };
  }

  // ---- from a real case to its atoms ----

  private readonly leafPolicies = new Map<string, CompiledPolicy>();

  /** A record test with a count, compiled by the engine itself, so a real case is read exactly as decisions read it. */
  private leafPolicy(p: PredicateEntry, k: number): CompiledPolicy {
    const key = `${p.collection}:${p.index}:${k}`;
    let policy = this.leafPolicies.get(key);
    if (!policy) {
      const o = this.ordinances[p.ordinance]!;
      const c = p.condition;
      const when: Condition = 'conviction' in c ? { conviction: { ...c.conviction, atLeast: k } } : c;
      const probe: Ordinance = {
        title: 'probe',
        jurisdiction: { name: 'probe', state: 'CT' },
        sections: [{ heading: 'probe', provisions: [{ id: 'probe', when, outcome: 'decline' }] }],
        otherwise: 'decline',
      };
      if (o.definitions) probe.definitions = o.definitions;
      if (o.juvenileAdjudications) probe.juvenileAdjudications = o.juvenileAdjudications;
      policy = compile(probe);
      this.leafPolicies.set(key, policy);
    }
    return policy;
  }

  /**
   * The atoms of a real booking case (0 or 1 per atom; -1 for the frame and internal variables), read
   * with the engine's own compiled tests. Where it lies among the decision table's rows is where the
   * engine's decision on it comes from.
   */
  atomsOf(c: PreparedCase, reimbursementAgreement = false): Int8Array {
    const values = this.plainAtomsOf(c, reimbursementAgreement);
    // One table of the case for every record test (building it is most of the work of deciding it).
    let table: CaseTable | undefined;
    for (const coll of Object.values(this.collections)) {
      for (const p of coll.predicates)
        for (const [k, v] of p.vars) values[v] = this.leafPolicy(p, k).decideCodeOf((table ??= caseTable([c])), 0) >> 2 === 0 ? 1 : 0;
    }
    return values;
  }

  /**
   * The atoms of several real cases, each as atomsOf gives them: their record tests read in one table
   * of them all, each test's policy bound to it once (the engine's bulk path).
   */
  atomsOfAll(cases: readonly PreparedCase[], reimbursementAgreements: ReadonlyArray<boolean | undefined>): Int8Array[] {
    const out = cases.map((c, i) => this.plainAtomsOf(c, reimbursementAgreements[i] ?? false));
    if (!cases.length) return out;
    let table: CaseTable | undefined;
    for (const coll of Object.values(this.collections)) {
      for (const p of coll.predicates)
        for (const [k, v] of p.vars) {
          const bound = this.leafPolicy(p, k).bind((table ??= caseTable(cases)));
          for (let i = 0; i < out.length; i++) out[i]![v] = bound.decide(i) >> 2 === 0 ? 1 : 0;
        }
    }
    return out;
  }

  /** A case's atoms but its record tests: the request, the warrants, the agreement, the age and the records. */
  private plainAtomsOf(c: PreparedCase, reimbursementAgreement: boolean): Int8Array {
    const values = new Int8Array(this.bdd.varCount).fill(-1);
    values[this.reqHold] = c.reqHold ? 1 : 0;
    values[this.reqNotify] = c.reqNotify ? 1 : 0;
    if (this.judicial >= 0) values[this.judicial] = c.judicial ? 1 : 0;
    if (this.admin >= 0) values[this.admin] = c.admin ? 1 : 0;
    if (typeof this.reimbursement === 'number') values[this.reimbursement] = reimbursementAgreement ? 1 : 0;
    if (this.ageBits.length) {
      const bits = new Int8Array(values.length);
      this.setInterval(bits, this.intervalOf(c.age));
      for (const v of this.ageBits) values[v] = bits[v]!;
    }
    for (const [key, v] of this.recordVars) values[v] = (c.records & RECORD_BITS[key]) !== 0 ? 1 : 0;
    return values;
  }

  // ---- words ----

  /** The predicates of a collection, for columns and descriptions. */
  predicates(name: CollectionName): readonly PredicateEntry[] {
    return this.collections[name].predicates;
  }

  /** The reading of a record test without its count: "the person has been convicted of a felony ...". */
  predicateReading(p: PredicateEntry): string {
    const c = p.condition;
    if ('conviction' in c) return leafWords({ conviction: { ...c.conviction, atLeast: undefined } });
    return leafWords(c);
  }

  /** True when a variable is an atom of the fact space (not an internal record count). */
  isAtom(v: number): boolean {
    return this.kindOfVar.has(v);
  }
}

/** The Friday after the request (or the day after, on a Friday or weekend), when release is due. */
function releaseDay(issued: number): number {
  const w = dayOfWeek(issued);
  const toFriday = (5 - w + 7) % 7;
  return issued + (toFriday === 0 ? 7 : toFriday);
}

function offenseName(cls: OffenseClass, degree: number, categories: readonly string[]): string {
  const ord = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
  const cats = categories.map((c) => c.replace(/-/g, ' ')).join(' and ');
  return `${degree ? `${ord[degree]}-degree ` : ''}${cats ? `${cats} ` : ''}${cls}`;
}

function convictionRecord(i: ConvictionItem): ConvictionRecord {
  const r: ConvictionRecord = { offense: offenseName(i.cls, i.degree, i.categories), class: i.cls, convictedOn: formatDate(i.convicted) };
  if (i.degree) r.degree = i.degree;
  if (i.categories.length) r.categories = [...i.categories];
  if (i.released !== i.convicted) r.releasedOn = formatDate(i.released);
  if (i.days) r.incarceratedDays = i.days;
  if (i.current) r.current = true;
  if (i.juvenile) r.juvenile = true;
  return r;
}

function chargeRecord(i: ChargeItem): ChargeRecord {
  const r: ChargeRecord = { offense: offenseName(i.cls, i.degree, i.categories), class: i.cls };
  if (i.degree) r.degree = i.degree;
  if (i.categories.length) r.categories = [...i.categories];
  r.bondPosted = i.bondPosted;
  r.bondable = i.bondable;
  r.probableCauseFinding = i.probableCause;
  return r;
}

function warrantRecord(i: WarrantItem): WarrantRecord {
  const r: WarrantRecord = { kind: i.criminal ? 'criminal' : 'civil' };
  if (i.jurisdiction) r.jurisdiction = i.jurisdiction;
  r.felony = i.felony;
  return r;
}
