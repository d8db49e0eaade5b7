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
  LookBackWindow,
  MaxHold,
  OffenseFilter,
  Ordinance,
  Outcome,
  Reason,
  ResolvedScenario,
  Scenario,
  WarrantTest,
} from './model';
import { DEFAULT_COST_PER_INMATE_DAY, FEDERAL_MAX_HOLD, OUTCOMES, otherwiseHoldOf } from './model';
export { FEDERAL_MAX_HOLD };
import {
  C_CURRENT,
  C_JUVENILE,
  caseId,
  caseTable,
  describeCharge,
  describeConviction,
  F_ADMIN,
  F_JUDICIAL,
  F_REQ_HOLD,
  F_REQ_NOTIFY,
  H_BOND_POSTED,
  H_BONDABLE,
  H_PROBABLE_CAUSE,
  requestWords,
  W_CRIMINAL,
  W_FELONY,
  YEAR_IN_PACKED,
  type CaseTable,
} from './case-table';
import {
  C_CURRENT_UNKNOWN,
  C_DATE_UNKNOWN,
  C_RELEASE_UNKNOWN,
  CLASS_BITS,
  H_DETAILS_UNKNOWN,
  JURISDICTION_BITS,
  RECORD_BITS,
  categoryMask,
  isOverflowMask,
  type PreparedCase,
} from './prepared';
import {
  isSingle,
  MAYBE,
  NO,
  S_FALSE,
  S_FINDING,
  S_OPEN,
  S_TRUE,
  SET_AND,
  SET_NOT,
  SET_OR,
  YES,
  type FactTrack,
  type SetFn,
} from './possible';
import {
  D_AGE,
  D_CHARGE_DETAILS,
  D_CONVICTION_CLASS,
  D_CONVICTION_CURRENT,
  D_CONVICTION_DATE,
  D_CONVICTION_RELEASE,
  D_CONVICTION_SAME,
  dependsOnKeys,
  U_ADMIN,
  U_BOOKED,
  U_CHARGES,
  U_CONVICTIONS,
  U_JUDICIAL,
  U_RECORD_SHIFT,
  U_RELEASE,
  U_REQUEST,
  U_WARRANTS,
} from './unknown-facts';
import { MAX_NESTING } from './source';
import { requestAfterRelease } from './request-after-release';
import { BASELINE_REASONS, BASELINE_TITLE } from './baseline-reasons';
export { BASELINE_REASONS };
import { DETAINER_FORMS } from './detainer-forms';
import { daysFromCivil, formatDate, formatDateTime, holdEnd, HolidayCalendar, timeZone, utcOfLocal, type TimeZone } from './time';
import { conditionWords, inOrdinanceTerms, leafWords, RECORD_LABELS, windowWords } from './wording';

/** Three-valued truth: a discretionary finding is neither true nor false until a person decides. */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Tri = 0 | 1 | 2;

export const OUTCOME_CODE: Record<Outcome, number> = { hold: 0, notify: 1, review: 2, decline: 3 };

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

/** The outcome given when the policy allows `allowed` and the case's flags say what ICE requested. */
export function clampOutcome(allowed: number, caseFlags: number): number {
  return CLAMP[(allowed << 2) | (caseFlags & 3)]!;
}

export function resolveScenario(s: Scenario | ResolvedScenario | undefined): ResolvedScenario {
  return {
    name: s?.name ?? '',
    reimbursementAgreement: s?.reimbursementAgreement ?? false,
    costPerInmateDay: s?.costPerInmateDay ?? DEFAULT_COST_PER_INMATE_DAY,
    holidays: s?.holidays ?? 'us-federal',
    asOf: s?.asOf ?? null,
  };
}

/** A test of case row i of the table it was bound to. */
export type TriFn = (i: number) => Tri;
export type BoolFn = (i: number) => boolean;

/**
 * A compiled condition node. `bind(table)` gives its test over that table's rows, with the table's
 * columns captured as constants; `facts` reads the facts a leaf used, for explanations.
 */
export interface ConditionNode {
  kind: 'all' | 'any' | 'not' | 'leaf';
  reading: string;
  path: PathSegment[];
  /** True when a discretionary finding sits under this node. */
  uncertain: boolean;
  bind: (t: CaseTable) => TriFn;
  /** Set when `uncertain` is false: the same test as a boolean, for the fast path. */
  bindBool?: (t: CaseTable) => BoolFn;
  /**
   * The test over a table whose cases leave facts unknown: the set of values it may take (possible.ts).
   * A leaf that an unknown fact leaves open adds the fact's bit to `track`.
   */
  bindSet: (t: CaseTable, track: FactTrack) => SetFn;
  children: ConditionNode[];
  facts?: (t: CaseTable, i: number) => string[];
  /**
   * For a conviction test: the conviction rows of case i (table rows, in record order) that surely
   * count for it. Read on demand (which conviction decided a case), never by the decision loop.
   */
  counted?: (t: CaseTable, i: number) => number[];
  /** For the simplest leaves, the test as data, so the decision loop runs it without a call. */
  simple?: SimpleTest;
}

/** A bit test of a per-case column (`(column[i] & mask) !== 0` equals `want`), an age range, or a constant (the scenario's). */
export type SimpleTest =
  | { column: 'flags' | 'records'; mask: number; want: boolean }
  | { column: 'age'; lo: number; hi: number }
  | { column: 'constant'; value: boolean };

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

/** The ordinance's definitions by term, noting which terms were read (for a provision's signature). */
class ReadTerms extends Map<string, Definition> {
  readonly read = new Set<string>();
  override get(term: string): Definition | undefined {
    this.read.add(term);
    return super.get(term);
  }
}

/** What a compiled policy needs that the ordinance and scenario say. */
interface Context {
  terms: Map<string, Definition>;
  /** Words that say what the ordinance does, naming the detainer as its printed text does (inOrdinanceTerms). */
  words: (text: string) => string;
  countJuvenile: boolean;
  scenario: ResolvedScenario;
}

// ---- offense matching ----

/** Masks an offense filter reduces to; `names` is set when a tag beyond the 31st needs exact matching. */
interface OffenseMasks {
  cls: number;
  degree: number;
  cats: number;
  names?: readonly string[];
}

function filterMasks(f: OffenseFilter): OffenseMasks {
  let cls = 0;
  for (const c of f.classes ?? []) cls |= CLASS_BITS[c];
  let degree = 0;
  for (const d of f.degrees ?? []) degree |= 1 << d;
  const cats = categoryMask(f.categories);
  return { cls, degree, cats, ...(isOverflowMask(cats) ? { names: f.categories } : {}) };
}

type RowMatch = (j: number) => boolean;

/** A matcher over offense rows (convictions or charges) of a table, for one set of masks. */
function rowMatcher(
  m: OffenseMasks,
  clsCol: Uint8Array,
  degCol: Uint16Array,
  catCol: Int32Array,
  catList: Int32Array,
  strings: readonly string[],
): RowMatch {
  const { cls, degree, cats, names } = m;
  if (names) {
    return (j) =>
      (cls === 0 || (clsCol[j]! & cls) !== 0) &&
      (degree === 0 || (degCol[j]! & degree) !== 0) &&
      (strings[catList[j]!] ?? '').split(';').some((n) => names.includes(n));
  }
  if (degree === 0 && cats === 0) return cls === 0 ? () => true : (j) => (clsCol[j]! & cls) !== 0;
  if (degree === 0) return cls === 0 ? (j) => (catCol[j]! & cats) !== 0 : (j) => (clsCol[j]! & cls) !== 0 && (catCol[j]! & cats) !== 0;
  return (j) => (cls === 0 || (clsCol[j]! & cls) !== 0) && (degCol[j]! & degree) !== 0 && (cats === 0 || (catCol[j]! & cats) !== 0);
}

/** The filters an offense test reduces to: any of `anyOf` (a term's coverage) and all of `alsoAll`. */
interface OffenseSpec {
  anyOf: OffenseMasks[] | null;
  inline: OffenseMasks | null;
}

function offenseSpec(ctx: Context, t: { term?: string } & OffenseFilter): OffenseSpec {
  const hasInline = Boolean(t.classes?.length || t.degrees?.length || t.categories?.length);
  let anyOf: OffenseMasks[] | null = null;
  if (t.term) {
    const def = ctx.terms.get(t.term.toLowerCase());
    if (!def) throw new CompileError(`the term "${t.term}" is not defined`);
    if (!def.covers || def.covers.length === 0) throw new CompileError(`the term "${t.term}" does not say which offenses it covers`);
    anyOf = def.covers.map(filterMasks);
  }
  return { anyOf, inline: hasInline ? filterMasks(t) : null };
}

/** The one set of masks a test reduces to, when it is one (the hot loops test it inline). */
function singleFilter(spec: OffenseSpec): OffenseMasks | null {
  return spec.inline && !spec.anyOf ? spec.inline : !spec.inline && spec.anyOf?.length === 1 ? spec.anyOf[0]! : null;
}

/**
 * For explain: a matcher of the spec with its degree tests left out, when it has any (else undefined).
 * An offense with no degree recorded that it matches fails the spec on its degree alone.
 */
function degreeFreeMatcher(
  spec: OffenseSpec,
  cols: [Uint8Array, Uint16Array, Int32Array, Int32Array],
  strings: readonly string[],
): RowMatch | undefined {
  const all = [...(spec.anyOf ?? []), ...(spec.inline ? [spec.inline] : [])];
  if (!all.some((m) => m.degree !== 0)) return undefined;
  const free = (m: OffenseMasks | null) => (m ? { ...m, degree: 0 } : null);
  return bindSpec({ anyOf: spec.anyOf ? spec.anyOf.map((m) => free(m)!) : null, inline: free(spec.inline) }, cols, strings);
}

/** What explain adds to a failed offense test on an offense with no degree recorded that passes it but for the degree. */
const NO_DEGREE_WORDS = ' (no degree is recorded; the test reads the offense as having none)';

function bindSpec(spec: OffenseSpec, cols: [Uint8Array, Uint16Array, Int32Array, Int32Array], strings: readonly string[]): RowMatch {
  const make = (m: OffenseMasks) => rowMatcher(m, cols[0], cols[1], cols[2], cols[3], strings);
  const inline = spec.inline ? make(spec.inline) : null;
  let term: RowMatch | null = null;
  if (spec.anyOf) {
    const parts = spec.anyOf.map(make);
    term =
      parts.length === 1
        ? parts[0]!
        : parts.length === 2
          ? (
              (a, b) => (j: number) =>
                a(j) || b(j)
            )(parts[0]!, parts[1]!)
          : (j) => parts.some((p) => p(j));
  }
  if (term && inline) return (j) => term(j) && inline(j);
  return term ?? inline ?? (() => true);
}

/** Like rowMatcher, for offense rows whose class may be unknown (several class bits): YES, MAYBE or NO. */
function rowMatcherSet(
  m: OffenseMasks,
  clsCol: Uint8Array,
  degCol: Uint16Array,
  catCol: Int32Array,
  catList: Int32Array,
  strings: readonly string[],
): (j: number) => number {
  const rest = rowMatcher({ ...m, cls: 0 }, clsCol, degCol, catCol, catList, strings);
  const cls = m.cls;
  return (j) => {
    if (!rest(j)) return NO;
    if (cls === 0) return YES;
    const c = clsCol[j]!;
    if ((c & cls) === 0) return NO;
    return (c & ~cls) === 0 ? YES : MAYBE;
  };
}

function bindSpecSet(
  spec: OffenseSpec,
  cols: [Uint8Array, Uint16Array, Int32Array, Int32Array],
  strings: readonly string[],
): (j: number) => number {
  const make = (m: OffenseMasks) => rowMatcherSet(m, cols[0], cols[1], cols[2], cols[3], strings);
  const inline = spec.inline ? make(spec.inline) : null;
  const parts = spec.anyOf ? spec.anyOf.map(make) : null;
  return (j) => {
    let v = YES;
    if (parts) {
      v = NO;
      for (const p of parts) {
        const x = p(j);
        if (x > v) v = x;
        if (v === YES) break;
      }
    }
    if (inline && v !== NO) {
      const x = inline(j);
      if (x < v) v = x;
    }
    return v;
  };
}

// ---- leaves ----

function yesNo(b: boolean): string {
  return b ? 'yes' : 'no';
}

function leaf(
  reading: string,
  path: PathSegment[],
  bindBool: (t: CaseTable) => BoolFn,
  facts: (t: CaseTable, i: number) => string[],
  bindSet?: (t: CaseTable, track: FactTrack) => SetFn,
): ConditionNode {
  return {
    kind: 'leaf',
    reading,
    path,
    uncertain: false,
    bindBool,
    bind: (t) => {
      const b = bindBool(t);
      return (i) => (b(i) ? TRUE : FALSE);
    },
    bindSet:
      bindSet ??
      ((t) => {
        const b = bindBool(t);
        return (i) => (b(i) ? S_TRUE : S_FALSE);
      }),
    children: [],
    facts,
  };
}

/** A boolean test that is open where the case's `unknown` column has `unknownBit`. */
function openWhere(bindBool: (t: CaseTable) => BoolFn, unknownBit: number): (t: CaseTable, track: FactTrack) => SetFn {
  return (t, track) => {
    const b = bindBool(t);
    const unknown = t.unknown;
    return (i) => {
      if ((unknown[i]! & unknownBit) !== 0) {
        track.bits |= unknownBit;
        return S_OPEN;
      }
      return b(i) ? S_TRUE : S_FALSE;
    };
  };
}

const NOT_IN_RECORDS = 'not in the records';

function flagLeaf(
  reading: string,
  path: PathSegment[],
  bit: number,
  want: boolean,
  fact: (t: CaseTable, i: number) => string,
  unknownBit = 0,
): ConditionNode {
  const bindBool = (t: CaseTable): BoolFn => {
    const flags = t.flags;
    return want ? (i) => (flags[i]! & bit) !== 0 : (i) => (flags[i]! & bit) === 0;
  };
  const node = leaf(
    reading,
    path,
    bindBool,
    (t, i) => [(t.unknown[i]! & unknownBit) !== 0 ? `${fact(t, i).replace(/:.*$/, '')}: ${NOT_IN_RECORDS}` : fact(t, i)],
    unknownBit ? openWhere(bindBool, unknownBit) : undefined,
  );
  node.simple = { column: 'flags', mask: bit, want };
  return node;
}

/**
 * Which time incarcerated a look-back window leaves out: none, the conviction's own only, or the
 * conviction's and every later one's (`true`, the older spelling).
 */
export function excludedIncarceration(w: LookBackWindow | undefined): 'none' | 'this-conviction' | 'this-and-later' {
  const x = w?.excludeTimeIncarcerated;
  return x === true || x === 'this-and-later' ? 'this-and-later' : x === 'this-conviction' ? 'this-conviction' : 'none';
}

function convictionLeaf(ctx: Context, test: ConvictionTest, path: PathSegment[], cond: Condition): ConditionNode {
  const spec = offenseSpec(ctx, test);
  const atLeast = test.atLeast ?? 1;
  // Juvenile adjudications are skipped unless this test or the ordinance counts them.
  const juvMask = (test.includeJuvenile ?? ctx.countJuvenile) ? 0 : C_JUVENILE;
  const current = test.current;
  const w = test.within;
  const years = w?.years ?? 0;
  const ofArrest = w?.of === 'arrest';
  const measured = w?.measuredFrom ?? 'conviction';
  const incarceration = excludedIncarceration(w);
  const exclude = incarceration !== 'none';
  const andLater = incarceration === 'this-and-later';

  /** Columns the window reads for this test. */
  const refYmd = (t: CaseTable) =>
    measured === 'release' ? t.convRelYmd : measured === 'later-of-conviction-and-release' ? t.convLaterYmd : t.convOnYmd;
  const refDay = (t: CaseTable) =>
    measured === 'release' ? t.convRelDay : measured === 'later-of-conviction-and-release' ? t.convLaterDay : t.convOnDay;
  /**
   * The date the window ends on (the request's, or the current arrest's), packed and as a day number.
   * A conviction counts only if it was convicted on or before that day: one convicted later is not
   * "within the N years before" it, whatever the window is measured from. (A conviction before it whose
   * release falls after it still counts: measured from that release, it is inside.)
   */
  const anchorYmd = (t: CaseTable) => (ofArrest ? t.bookedYmd : t.issuedYmd);
  const anchorDay = (t: CaseTable) => (ofArrest ? t.bookedDay : t.issuedDay);
  /** First day of the window for case i, as a day number (for windows extended by time incarcerated). */
  const windowStartDay = (t: CaseTable, i: number): number => {
    const a = anchorYmd(t)[i]! - years * YEAR_IN_PACKED;
    const y = Math.floor(a / 512);
    const m = Math.floor((a % 512) / 32);
    const d = a % 32;
    // 29 February in a common year: the window starts on 1 March (see time.yearsBefore).
    return m === 2 && d === 29 && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? daysFromCivil(y, 3, 1) : daysFromCivil(y, m, d);
  };

  /**
   * Days incarcerated on the convictions dated strictly after row j's: on adult convictions only,
   * unless this test counts juvenile adjudications as convictions (then on those too). A conviction
   * the same day is not a later one.
   */
  const laterDays = (t: CaseTable): Int32Array => (juvMask ? t.convIncLater : t.convIncLaterJuv);
  /**
   * Whether row k is a conviction, for this test, dated strictly after row j and on or before the
   * window's end for case i (whose days then extend j's window). Time incarcerated on a conviction
   * after the window's end falls after it: leaving it out does not move the window.
   */
  const isLater = (t: CaseTable, i: number, j: number, k: number): boolean =>
    (t.convFlags[k]! & (juvMask | C_DATE_UNKNOWN)) === 0 && t.convOnDay[k]! > t.convOnDay[j]! && t.convOnDay[k]! <= anchorDay(t)[i]!;

  /**
   * Days incarcerated on case i's convictions (for this test, of a known date) dated after the
   * window's end: the part of laterDays that does not extend the window of a conviction inside it.
   */
  const bindDaysAfterEnd = (t: CaseTable): ((i: number) => number) => {
    const start = t.convStart;
    const flags = t.convFlags;
    const on = t.convOnDay;
    const inc = t.convIncDays;
    const end = anchorDay(t);
    return (i) => {
      const last = end[i]!;
      let days = 0;
      for (let k = start[i]!; k < start[i + 1]!; k++) if (on[k]! > last && (flags[k]! & (juvMask | C_DATE_UNKNOWN)) === 0) days += inc[k]!;
      return days;
    };
  };

  /**
   * Days the window of conviction row j is extended by, when time incarcerated is excluded: the
   * conviction's own days only when the window is measured from the conviction (a release ends that
   * incarceration, so a window from release never counts it), and with "this-and-later" the days of
   * the convictions dated after it and on or before the window's end (for row j of case i, itself on
   * or before that end).
   */
  const bindExtension = (t: CaseTable): ((i: number, j: number) => number) => {
    const own = t.convIncDays;
    const later = laterDays(t);
    const ref = refDay(t);
    const on = t.convOnDay;
    const afterEnd = bindDaysAfterEnd(t);
    return (i, j) => (ref[j] === on[j] ? own[j]! : 0) + (andLater ? later[j]! - afterEnd(i) : 0);
  };

  /** Whether conviction row j is of a counted kind (not juvenile unless counted, current as asked, offense matching). */
  const bindKind = (t: CaseTable): RowMatch => {
    const flags = t.convFlags;
    const match = bindSpec(spec, [t.convCls, t.convDegree, t.convCats, t.convCatList], t.strings);
    if (current === undefined) return juvMask ? (j) => (flags[j]! & C_JUVENILE) === 0 && match(j) : match;
    const want = current ? C_CURRENT : 0;
    return (j) => (flags[j]! & juvMask) === 0 && (flags[j]! & C_CURRENT) === want && match(j);
  };

  // The usual test (one offense filter, no current-custody test, no incarceration exclusion) gets a
  // loop with every mask inlined: it is the hot path of most policies.
  const single = singleFilter(spec);
  const inlined = single && !single.names && current === undefined && !exclude;

  const bindBool = (t: CaseTable): BoolFn => {
    const start = t.convStart;
    if (inlined) {
      const { cls, degree, cats } = single;
      const flags = t.convFlags;
      const clsCol = t.convCls;
      const degCol = t.convDegree;
      const catCol = t.convCats;
      const anyCls = t.convClsAny;
      const anyCats = t.convCatsAny;
      if (!w) {
        return (i) => {
          if ((cats !== 0 && (anyCats[i]! & cats) === 0) || (cls !== 0 && (anyCls[i]! & cls) === 0)) return false;
          const end = start[i + 1]!;
          let n = 0;
          for (let j = start[i]!; j < end; j++) {
            if (
              (flags[j]! & juvMask) === 0 &&
              (cls === 0 || (clsCol[j]! & cls) !== 0) &&
              (cats === 0 || (catCol[j]! & cats) !== 0) &&
              (degree === 0 || (degCol[j]! & degree) !== 0) &&
              ++n >= atLeast
            ) {
              return true;
            }
          }
          return false;
        };
      }
      const ref = refYmd(t);
      const anchor = anchorYmd(t);
      const back = years * YEAR_IN_PACKED;
      if (measured === 'conviction') {
        // from <= ref <= anchor in one test: ref - from, read unsigned, is at most back exactly then.
        return (i) => {
          if ((cats !== 0 && (anyCats[i]! & cats) === 0) || (cls !== 0 && (anyCls[i]! & cls) === 0)) return false;
          const end = start[i + 1]!;
          const from = anchor[i]! - back;
          let n = 0;
          for (let j = start[i]!; j < end; j++) {
            if (
              (ref[j]! - from) >>> 0 <= back &&
              (flags[j]! & juvMask) === 0 &&
              (cls === 0 || (clsCol[j]! & cls) !== 0) &&
              (cats === 0 || (catCol[j]! & cats) !== 0) &&
              (degree === 0 || (degCol[j]! & degree) !== 0) &&
              ++n >= atLeast
            ) {
              return true;
            }
          }
          return false;
        };
      }
      const on = t.convOnYmd;
      return (i) => {
        if ((cats !== 0 && (anyCats[i]! & cats) === 0) || (cls !== 0 && (anyCls[i]! & cls) === 0)) return false;
        const end = start[i + 1]!;
        const to = anchor[i]!;
        const from = to - back;
        let n = 0;
        for (let j = start[i]!; j < end; j++) {
          if (
            ref[j]! >= from &&
            on[j]! <= to &&
            (flags[j]! & juvMask) === 0 &&
            (cls === 0 || (clsCol[j]! & cls) !== 0) &&
            (cats === 0 || (catCol[j]! & cats) !== 0) &&
            (degree === 0 || (degCol[j]! & degree) !== 0) &&
            ++n >= atLeast
          ) {
            return true;
          }
        }
        return false;
      };
    }
    const kind = bindKind(t);
    if (!w) {
      return (i) => {
        const end = start[i + 1]!;
        let n = 0;
        for (let j = start[i]!; j < end; j++) if (kind(j) && ++n >= atLeast) return true;
        return false;
      };
    }
    if (!exclude) {
      const ref = refYmd(t);
      const on = t.convOnYmd;
      const anchor = anchorYmd(t);
      const back = years * YEAR_IN_PACKED;
      return (i) => {
        const end = start[i + 1]!;
        const to = anchor[i]!;
        const from = to - back;
        let n = 0;
        for (let j = start[i]!; j < end; j++) if (ref[j]! >= from && on[j]! <= to && kind(j) && ++n >= atLeast) return true;
        return false;
      };
    }
    // The window's first day is worked out only for a case with a conviction of the kind counted
    // (most have none), and the offense masks are tested inline for the usual single filter.
    const ref = refDay(t);
    const own = t.convIncDays;
    const laterInc = laterDays(t);
    const on = t.convOnDay;
    const later = andLater ? 1 : 0;
    const anchor = anchorDay(t);
    const afterEnd = bindDaysAfterEnd(t);
    if (single && !single.names && current === undefined) {
      const { cls, degree, cats } = single;
      const flags = t.convFlags;
      const clsCol = t.convCls;
      const degCol = t.convDegree;
      const catCol = t.convCats;
      const anyCls = t.convClsAny;
      const anyCats = t.convCatsAny;
      return (i) => {
        if ((cats !== 0 && (anyCats[i]! & cats) === 0) || (cls !== 0 && (anyCls[i]! & cls) === 0)) return false;
        const end = start[i + 1]!;
        const to = anchor[i]!;
        let from = 0;
        let past = 0;
        let n = 0;
        for (let j = start[i]!; j < end; j++) {
          if (
            on[j]! <= to &&
            (flags[j]! & juvMask) === 0 &&
            (cls === 0 || (clsCol[j]! & cls) !== 0) &&
            (cats === 0 || (catCol[j]! & cats) !== 0) &&
            (degree === 0 || (degCol[j]! & degree) !== 0)
          ) {
            if (from === 0) {
              from = windowStartDay(t, i);
              past = later * afterEnd(i);
            }
            const extension = (ref[j] === on[j] ? own[j]! : 0) + later * laterInc[j]! - past;
            if (ref[j]! >= from - extension && ++n >= atLeast) return true;
          }
        }
        return false;
      };
    }
    return (i) => {
      const end = start[i + 1]!;
      const to = anchor[i]!;
      let from = 0;
      let past = 0;
      let n = 0;
      for (let j = start[i]!; j < end; j++) {
        if (on[j]! > to || !kind(j)) continue;
        if (from === 0) {
          from = windowStartDay(t, i);
          past = later * afterEnd(i);
        }
        const extension = (ref[j] === on[j] ? own[j]! : 0) + later * laterInc[j]! - past;
        if (ref[j]! >= from - extension && ++n >= atLeast) return true;
      }
      return false;
    };
  };

  const facts = (t: CaseTable, i: number): string[] => {
    const out: string[] = [];
    const kind = bindKind(t);
    const flags = t.convFlags;
    const match = bindSpec(spec, [t.convCls, t.convDegree, t.convCats, t.convCatList], t.strings);
    const butForDegree = degreeFreeMatcher(spec, [t.convCls, t.convDegree, t.convCats, t.convCatList], t.strings);
    const from = w ? windowStartDay(t, i) : 0;
    const last = anchorDay(t)[i]!;
    const anchor = ofArrest ? `arrest ${formatDate(t.bookedDay[i]!)}` : `request ${formatDate(t.issuedDay[i]!)}`;
    if (w) {
      out.push(`window: ${ctx.words(windowWords(w)).replace(/^within /, '')}: from ${formatDate(from)} (${anchor})`);
    }
    const s = t.convStart[i]!;
    const e = t.convStart[i + 1]!;
    if (s === e) out.push('no convictions on record');
    const ref = refDay(t);
    const extension = bindExtension(t);
    /** Which convictions' days extended row j's window, and by how much, in words. */
    const extensionWords = (t: CaseTable, s: number, e: number, j: number): string => {
      const parts: string[] = [];
      if (ref[j] === t.convOnDay[j] && t.convIncDays[j]) parts.push(`${t.convIncDays[j]} days incarcerated on this conviction`);
      if (andLater)
        for (let k = s; k < e; k++)
          if (isLater(t, i, j, k) && t.convIncDays[k])
            parts.push(
              `${t.convIncDays[k]} days incarcerated on the conviction of ${formatDate(t.convOnDay[k]!)} (${describeConviction(t, k)})`,
            );
      return `extended by ${extension(i, j)} days: ${parts.join(' and ')}`;
    };
    /** Time incarcerated on other records that does not extend row j's window, and why, in words ('' if none). */
    const notExtendingWords = (t: CaseTable, s: number, e: number, j: number): string => {
      if (!andLater) return '';
      const parts: string[] = [];
      for (let k = s; k < e; k++) {
        if (k === j || !t.convIncDays[k] || isLater(t, i, j, k)) continue;
        const juvenile = (t.convFlags[k]! & C_JUVENILE) !== 0;
        const why =
          t.convFlags[k]! & juvMask
            ? 'a juvenile adjudication is not a conviction for this test'
            : t.convOnDay[k]! > last
              ? `after the window's end (${anchor}), time outside the window`
              : t.convOnDay[k] === t.convOnDay[j]
                ? 'the same day, not a later one'
                : t.convOnDay[k]! < t.convOnDay[j]!
                  ? 'an earlier one'
                  : '';
        const record = juvenile ? 'juvenile adjudication' : 'conviction';
        if (why)
          parts.push(
            `the ${t.convIncDays[k]} days incarcerated on the ${record} of ${formatDate(t.convOnDay[k]!)} (${describeConviction(t, k)}) do not extend it: ${why}`,
          );
      }
      return parts.join('; ');
    };
    for (let j = s; j < e; j++) {
      const rel = t.convRelDay[j]!;
      const dates = `convicted ${formatDate(t.convOnDay[j]!)}${rel !== t.convOnDay[j] ? `, released ${formatDate(rel)}` : ''}`;
      let verdict: string;
      if (juvMask & flags[j]!) verdict = 'juvenile adjudication, not counted';
      else if (current !== undefined && ((flags[j]! & C_CURRENT) !== 0) !== current) {
        verdict = current ? 'not the conviction for the current custody' : 'the conviction for the current custody, not counted';
      } else if (!match(j)) {
        verdict = test.term ? `not ${/^[aeiou]/i.test(test.term) ? 'an' : 'a'} ${test.term}` : 'offense not covered';
        if (t.convDegree[j] === 0 && butForDegree?.(j)) verdict += NO_DEGREE_WORDS;
      } else if (w && t.convOnDay[j]! > last) verdict = `after the window's end (${anchor}), not counted`;
      else if (w && ref[j]! < (exclude ? from - extension(i, j) : from)) {
        const notExtending = notExtendingWords(t, s, e, j);
        const extended = exclude && extension(i, j) ? `${extensionWords(t, s, e, j)}, to ${formatDate(from - extension(i, j))}` : '';
        const why = [extended, notExtending].filter(Boolean).join('; ');
        verdict = `outside the window${why ? ` (${why})` : ''}`;
      } else if (exclude && extension(i, j) && ref[j]! < from && kind(j)) {
        verdict = `counts: inside the window only because it is ${extensionWords(t, s, e, j)}, to ${formatDate(from - extension(i, j))}`;
      } else verdict = kind(j) ? 'counts' : 'does not count';
      out.push(`${describeConviction(t, j)}, ${dates}: ${verdict}`);
    }
    if (atLeast > 1) out.push(`${atLeast} needed`);
    return out;
  };

  // ---- the same test on cases that leave facts unknown ----

  /**
   * Whether conviction row j of case i counts: YES, MAYBE (an unknown fact decides; `why` gets its
   * bit) or NO. A conviction's release is never before it, so one dated inside the window is inside
   * whatever the window is measured from. A window extended by time incarcerated takes the days
   * recorded, as bindExtension does; it may reach further back only where a later conviction's days
   * (or whether a conviction is later) are unknown. A conviction of a known date after the window's
   * end (of a known date) is NO; `why.after` says so.
   */
  const bindRowSet = (t: CaseTable) => {
    const flags = t.convFlags;
    const unknown = t.unknown;
    const match = bindSpecSet(spec, [t.convCls, t.convDegree, t.convCats, t.convCatList], t.strings);
    const onDay = t.convOnDay;
    const ref = refDay(t);
    const extension = bindExtension(t);
    const anchor = anchorDay(t);
    const releaseMatters = measured !== 'conviction' || exclude;
    const why = { bits: 0, after: false };
    const start = t.convStart;
    /**
     * Whether row j's window may reach further back than its recorded extension: with later
     * convictions' time left out, a conviction of unknown date may be a later one, and one of unknown
     * release (its days incarcerated unknown) dated after row j, on or before the window's end, is.
     */
    const extensionOpen = (i: number, j: number): boolean => {
      if (!andLater) return false;
      for (let k = start[i]!; k < start[i + 1]!; k++) {
        const fk = flags[k]!;
        if (k === j || (fk & juvMask) !== 0) continue;
        if (fk & C_DATE_UNKNOWN || (fk & C_RELEASE_UNKNOWN && onDay[k]! > onDay[j]! && onDay[k]! <= anchor[i]!)) return true;
      }
      return false;
    };
    const row = (i: number, j: number, from: number): number => {
      const f = flags[j]!;
      if (f & juvMask) return NO;
      let v = YES;
      if (current !== undefined) {
        if (f & C_CURRENT_UNKNOWN) {
          v = MAYBE;
          why.bits |= D_CONVICTION_CURRENT;
        } else if (((f & C_CURRENT) !== 0) !== current) return NO;
      }
      const k = match(j);
      if (k === NO) return NO;
      if (k === MAYBE) {
        v = MAYBE;
        why.bits |= D_CONVICTION_CLASS;
      }
      if (!w) return v;
      if (f & C_DATE_UNKNOWN) {
        why.bits |= D_CONVICTION_DATE;
        return MAYBE;
      }
      if (ofArrest && (unknown[i]! & U_BOOKED) !== 0) {
        why.bits |= U_BOOKED;
        return MAYBE;
      }
      if (onDay[j]! > anchor[i]!) {
        why.after = true;
        return NO;
      }
      if (releaseMatters && (f & C_RELEASE_UNKNOWN) !== 0) {
        if (onDay[j]! >= from) return v;
        why.bits |= D_CONVICTION_RELEASE;
        return MAYBE;
      }
      if (ref[j]! >= (exclude ? from - extension(i, j) : from)) return v;
      if (!extensionOpen(i, j)) return NO;
      why.bits |= D_CONVICTION_RELEASE;
      return MAYBE;
    };
    return { row, why };
  };

  const bindSet = (t: CaseTable, track: FactTrack): SetFn => {
    const start = t.convStart;
    const source = t.convSource;
    const unknown = t.unknown;
    const { row, why } = bindRowSet(t);
    // Certain convictions per source: convictions from two sources may be the same one.
    const sources: number[] = [];
    const counts: number[] = [];
    return (i) => {
      const s = start[i]!;
      const e = start[i + 1]!;
      const from = w ? windowStartDay(t, i) : 0;
      why.bits = 0;
      sources.length = 0;
      counts.length = 0;
      let possible = 0;
      let certain = 0;
      let certainAll = 0;
      for (let j = s; j < e; j++) {
        const v = row(i, j, from);
        if (v === NO) continue;
        possible++;
        if (v !== YES) continue;
        certainAll++;
        const src = source[j]!;
        let k = sources.indexOf(src);
        if (k < 0) {
          k = sources.length;
          sources.push(src);
          counts.push(0);
        }
        if (++counts[k]! > certain) certain = counts[k]!;
      }
      if (certain >= atLeast) return S_TRUE;
      const more = (unknown[i]! & U_CONVICTIONS) !== 0;
      if (possible < atLeast && !more) return S_FALSE;
      track.bits |= why.bits | (more ? U_CONVICTIONS : 0) | (certainAll >= atLeast ? D_CONVICTION_SAME : 0);
      return S_OPEN;
    };
  };

  const openFacts = (t: CaseTable, i: number): string[] => {
    const out: string[] = [];
    const from = w ? windowStartDay(t, i) : 0;
    const anchor = ofArrest
      ? (t.unknown[i]! & U_BOOKED) !== 0
        ? `arrest: ${NOT_IN_RECORDS}`
        : `arrest ${formatDate(t.bookedDay[i]!)}`
      : `request ${formatDate(t.issuedDay[i]!)}`;
    if (w) {
      out.push(`window: ${ctx.words(windowWords(w)).replace(/^within /, '')}: from ${formatDate(from)} (${anchor})`);
    }
    const s = t.convStart[i]!;
    const e = t.convStart[i + 1]!;
    const more = (t.unknown[i]! & U_CONVICTIONS) !== 0;
    if (s === e) out.push(more ? `no convictions on record; others: ${NOT_IN_RECORDS}` : 'no convictions on record');
    else if (more) out.push(`convictions beyond these: ${NOT_IN_RECORDS}`);
    const { row, why } = bindRowSet(t);
    for (let j = s; j < e; j++) {
      const f = t.convFlags[j]!;
      const dates = f & C_DATE_UNKNOWN ? `conviction date ${NOT_IN_RECORDS}` : `convicted ${formatDate(t.convOnDay[j]!)}`;
      const source = t.convSource[j] ? ` (recorded as: ${t.strings[t.convSource[j]!]})` : '';
      why.bits = 0;
      why.after = false;
      const v = row(i, j, from);
      const verdict =
        v === YES
          ? 'counts'
          : v === NO
            ? why.after
              ? `after the window's end (${anchor}), not counted`
              : 'does not count'
            : `may count: ${dependsOnKeys(why.bits).join(', ')} ${NOT_IN_RECORDS}`;
      out.push(`${describeConviction(t, j)}${source}, ${dates}: ${verdict}`);
    }
    if (atLeast > 1) out.push(`${atLeast} needed`);
    return out;
  };
  /**
   * The rows that count, as `facts` and `openFacts` say "counts": the three-valued row test's YES
   * (on records with every fact known it is YES exactly where the two-valued test counts the row;
   * with unknown facts, only the rows that surely count).
   */
  const counted = (t: CaseTable, i: number): number[] => {
    const out: number[] = [];
    const s = t.convStart[i]!;
    const e = t.convStart[i + 1]!;
    if (s === e) return out;
    const from = w ? windowStartDay(t, i) : 0;
    const { row } = bindRowSet(t);
    for (let j = s; j < e; j++) if (row(i, j, from) === YES) out.push(j);
    return out;
  };
  return {
    ...leaf(leafWords(cond), path, bindBool, (t, i) => (convictionsOpen(t, i) ? openFacts(t, i) : facts(t, i)), bindSet),
    counted,
  };
}

/** Whether case i's convictions leave anything unknown (then their facts are worded for it). */
function convictionsOpen(t: CaseTable, i: number): boolean {
  if (!t.hasUnknown) return false;
  if (t.unknown[i]! & (U_CONVICTIONS | U_BOOKED)) return true;
  for (let j = t.convStart[i]!; j < t.convStart[i + 1]!; j++) {
    const c = t.convCls[j]!;
    if (t.convFlags[j]! & (C_DATE_UNKNOWN | C_RELEASE_UNKNOWN | C_CURRENT_UNKNOWN) || t.convSource[j] || c & (c - 1)) return true;
  }
  return false;
}

/** Whether case i's pending charges leave anything unknown. */
function chargesOpen(t: CaseTable, i: number): boolean {
  if (!t.hasUnknown) return false;
  if (t.unknown[i]! & U_CHARGES) return true;
  for (let j = t.chargeStart[i]!; j < t.chargeStart[i + 1]!; j++) {
    const c = t.chargeCls[j]!;
    if (t.chargeFlags[j]! & H_DETAILS_UNKNOWN || c & (c - 1)) return true;
  }
  return false;
}

function chargeLeaf(ctx: Context, test: ChargeTest, path: PathSegment[], cond: Condition): ConditionNode {
  const spec = offenseSpec(ctx, test);
  let mask = 0;
  let want = 0;
  if (test.bondPosted !== undefined) {
    mask |= H_BOND_POSTED;
    if (test.bondPosted) want |= H_BOND_POSTED;
  }
  if (test.bondable !== undefined) {
    mask |= H_BONDABLE;
    if (test.bondable) want |= H_BONDABLE;
  }
  if (test.probableCauseFinding !== undefined) {
    mask |= H_PROBABLE_CAUSE;
    if (test.probableCauseFinding) want |= H_PROBABLE_CAUSE;
  }
  const bindRow = (t: CaseTable): RowMatch => {
    const flags = t.chargeFlags;
    const match = bindSpec(spec, [t.chargeCls, t.chargeDegree, t.chargeCats, t.chargeCatList], t.strings);
    return mask === 0 ? match : (j) => (flags[j]! & mask) === want && match(j);
  };
  // The usual single offense filter gets a loop with its masks inlined.
  const single = singleFilter(spec);
  const bindBool = (t: CaseTable): BoolFn => {
    const start = t.chargeStart;
    if (single && !single.names) {
      const { cls, degree, cats } = single;
      const flags = t.chargeFlags;
      const clsCol = t.chargeCls;
      const degCol = t.chargeDegree;
      const catCol = t.chargeCats;
      const anyCls = t.chargeClsAny;
      const anyCats = t.chargeCatsAny;
      return (i) => {
        if ((cats !== 0 && (anyCats[i]! & cats) === 0) || (cls !== 0 && (anyCls[i]! & cls) === 0)) return false;
        const end = start[i + 1]!;
        for (let j = start[i]!; j < end; j++) {
          if (
            (flags[j]! & mask) === want &&
            (cls === 0 || (clsCol[j]! & cls) !== 0) &&
            (cats === 0 || (catCol[j]! & cats) !== 0) &&
            (degree === 0 || (degCol[j]! & degree) !== 0)
          ) {
            return true;
          }
        }
        return false;
      };
    }
    const ok = bindRow(t);
    return (i) => {
      const end = start[i + 1]!;
      for (let j = start[i]!; j < end; j++) if (ok(j)) return true;
      return false;
    };
  };
  const facts = (t: CaseTable, i: number): string[] => {
    const s = t.chargeStart[i]!;
    const e = t.chargeStart[i + 1]!;
    if (s === e) return ['no pending charges'];
    const ok = bindRow(t);
    const butForDegree = degreeFreeMatcher(spec, [t.chargeCls, t.chargeDegree, t.chargeCats, t.chargeCatList], t.strings);
    const out: string[] = [];
    for (let j = s; j < e; j++) {
      const f = t.chargeFlags[j]!;
      const flags = `bond posted: ${yesNo((f & H_BOND_POSTED) !== 0)}, bondable: ${yesNo((f & H_BONDABLE) !== 0)}, probable cause found: ${yesNo((f & H_PROBABLE_CAUSE) !== 0)}`;
      const counts = ok(j);
      const noDegree = !counts && t.chargeDegree[j] === 0 && butForDegree?.(j) && (mask === 0 || (f & mask) === want);
      out.push(`charge ${describeCharge(t, j)}, ${flags}: ${counts ? 'counts' : `does not count${noDegree ? NO_DEGREE_WORDS : ''}`}`);
    }
    return out;
  };
  /** Charge row j: YES, MAYBE (its class or bond facts are unknown; `why` gets the bit) or NO. */
  const bindRowSet = (t: CaseTable) => {
    const flags = t.chargeFlags;
    const match = bindSpecSet(spec, [t.chargeCls, t.chargeDegree, t.chargeCats, t.chargeCatList], t.strings);
    const why = { bits: 0 };
    const row = (j: number): number => {
      let v = match(j);
      if (v === NO) return NO;
      if (v === MAYBE) why.bits |= D_CHARGE_DETAILS;
      if (mask !== 0) {
        if (flags[j]! & H_DETAILS_UNKNOWN) {
          why.bits |= D_CHARGE_DETAILS;
          v = MAYBE;
        } else if ((flags[j]! & mask) !== want) return NO;
      }
      return v;
    };
    return { row, why };
  };
  const bindSet = (t: CaseTable, track: FactTrack): SetFn => {
    const start = t.chargeStart;
    const unknown = t.unknown;
    const { row, why } = bindRowSet(t);
    return (i) => {
      why.bits = 0;
      let maybe = false;
      for (let j = start[i]!; j < start[i + 1]!; j++) {
        const v = row(j);
        if (v === YES) return S_TRUE;
        if (v === MAYBE) maybe = true;
      }
      const more = (unknown[i]! & U_CHARGES) !== 0;
      if (!maybe && !more) return S_FALSE;
      track.bits |= why.bits | (more ? U_CHARGES : 0);
      return S_OPEN;
    };
  };
  const openFacts = (t: CaseTable, i: number): string[] => {
    const s = t.chargeStart[i]!;
    const e = t.chargeStart[i + 1]!;
    const more = (t.unknown[i]! & U_CHARGES) !== 0;
    const out: string[] = [];
    if (s === e) out.push(more ? `pending charges: ${NOT_IN_RECORDS}` : 'no pending charges');
    else if (more) out.push(`charges beyond these: ${NOT_IN_RECORDS}`);
    const { row, why } = bindRowSet(t);
    for (let j = s; j < e; j++) {
      const f = t.chargeFlags[j]!;
      const flags =
        f & H_DETAILS_UNKNOWN
          ? `bond and probable cause: ${NOT_IN_RECORDS}`
          : `bond posted: ${yesNo((f & H_BOND_POSTED) !== 0)}, bondable: ${yesNo((f & H_BONDABLE) !== 0)}, probable cause found: ${yesNo((f & H_PROBABLE_CAUSE) !== 0)}`;
      why.bits = 0;
      const v = row(j);
      out.push(`charge ${describeCharge(t, j)}, ${flags}: ${v === YES ? 'counts' : v === NO ? 'does not count' : 'may count'}`);
    }
    return out;
  };
  return leaf(leafWords(cond), path, bindBool, (t, i) => (chargesOpen(t, i) ? openFacts(t, i) : facts(t, i)), bindSet);
}

function warrantLeaf(test: WarrantTest, path: PathSegment[], cond: Condition): ConditionNode {
  let jur = 0;
  for (const j of test.jurisdictions ?? []) jur |= JURISDICTION_BITS[j];
  let mask = 0;
  let want = 0;
  if (test.kind !== undefined) {
    mask |= W_CRIMINAL;
    if (test.kind === 'criminal') want |= W_CRIMINAL;
  }
  if (test.felony !== undefined) {
    mask |= W_FELONY;
    if (test.felony) want |= W_FELONY;
  }
  const bindBool = (t: CaseTable): BoolFn => {
    const start = t.warrantStart;
    const flags = t.warrantFlags;
    const jurs = t.warrantJurisdiction;
    return (i) => {
      const end = start[i + 1]!;
      for (let j = start[i]!; j < end; j++) if ((flags[j]! & mask) === want && (jur === 0 || (jurs[j]! & jur) !== 0)) return true;
      return false;
    };
  };
  const facts = (t: CaseTable, i: number): string[] => {
    const s = t.warrantStart[i]!;
    const e = t.warrantStart[i + 1]!;
    if (s === e) return ['no outstanding warrants'];
    const names = Object.entries(JURISDICTION_BITS);
    const out: string[] = [];
    for (let j = s; j < e; j++) {
      const f = t.warrantFlags[j]!;
      const where = names.find(([, b]) => b === t.warrantJurisdiction[j])?.[0];
      out.push(`${f & W_CRIMINAL ? 'criminal' : 'civil'} warrant${where ? ` (${where})` : ''}${f & W_FELONY ? ', felony' : ''}`);
    }
    return out;
  };
  // Listed warrants are known; others may exist where the records don't say.
  const bindSet = (t: CaseTable, track: FactTrack): SetFn => {
    const b = bindBool(t);
    const unknown = t.unknown;
    return (i) => {
      if (b(i)) return S_TRUE;
      if ((unknown[i]! & U_WARRANTS) === 0) return S_FALSE;
      track.bits |= U_WARRANTS;
      return S_OPEN;
    };
  };
  const withUnknown = (t: CaseTable, i: number): string[] => {
    const out = facts(t, i);
    if (t.unknown[i]! & U_WARRANTS)
      out.push(`${out[0] === 'no outstanding warrants' ? 'outstanding warrants' : 'other warrants'}: ${NOT_IN_RECORDS}`);
    return out[0] === 'no outstanding warrants' && t.unknown[i]! & U_WARRANTS ? out.slice(1) : out;
  };
  return leaf(leafWords(cond), path, bindBool, withUnknown, bindSet);
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
    const bindSet = (t: CaseTable, track: FactTrack): SetFn => {
      const f = child.bindSet(t, track);
      return (i) => SET_NOT[f(i)]!;
    };
    if (child.bindBool) {
      const inner = child.bindBool;
      const bindBool = (t: CaseTable): BoolFn => {
        const b = inner(t);
        return (i) => !b(i);
      };
      const simple: SimpleTest | undefined =
        child.simple?.column === 'constant' ? { column: 'constant', value: !child.simple.value } : undefined;
      return { kind: 'not', reading, path, uncertain: false, bindBool, bind: (t) => { const b = inner(t); return (i) => (b(i) ? FALSE : TRUE); }, bindSet, children: [child], simple }; // prettier-ignore
    }
    const inner = child.bind;
    const bind = (t: CaseTable): TriFn => {
      const f = inner(t);
      return (i) => {
        const v = f(i);
        return v === UNKNOWN ? UNKNOWN : v === TRUE ? FALSE : TRUE;
      };
    };
    return { kind: 'not', reading, path, uncertain: true, bind, bindSet, children: [child] };
  }
  const reading = leafWords(cond);
  if ('judicialWarrant' in cond) {
    return flagLeaf(
      reading,
      path,
      F_JUDICIAL,
      cond.judicialWarrant,
      (t, i) => `judicial warrant: ${yesNo((t.flags[i]! & F_JUDICIAL) !== 0)}`,
      U_JUDICIAL,
    );
  }
  if ('administrativeWarrant' in cond) {
    return flagLeaf(
      reading,
      path,
      F_ADMIN,
      cond.administrativeWarrant,
      (t, i) => `administrative warrant (I-200/I-205): ${yesNo((t.flags[i]! & F_ADMIN) !== 0)}`,
      U_ADMIN,
    );
  }
  if ('requested' in cond) {
    return flagLeaf(
      reading,
      path,
      cond.requested === 'hold' ? F_REQ_HOLD : F_REQ_NOTIFY,
      true,
      (t, i) => `ICE requested: ${requestWords(t, i)}`,
      U_REQUEST,
    );
  }
  if ('reimbursementAgreement' in cond) {
    const v = ctx.scenario.reimbursementAgreement === cond.reimbursementAgreement;
    const fact = `reimbursement agreement in force (scenario): ${yesNo(ctx.scenario.reimbursementAgreement)}`;
    const node = leaf(
      reading,
      path,
      () => (v ? () => true : () => false),
      () => [fact],
    );
    node.simple = { column: 'constant', value: v };
    return node;
  }
  if ('age' in cond) {
    const lo = cond.age.atLeast ?? -1;
    const hi = cond.age.under ?? 1e9;
    const node = leaf(
      reading,
      path,
      (t) => {
        const age = t.age;
        return (i) => age[i]! >= lo && age[i]! < hi;
      },
      (t, i) => [t.ageHi[i] !== t.age[i] ? `age ${t.age[i]} to ${t.ageHi[i]} (not known exactly)` : `age ${t.age[i]}`],
      (t, track) => {
        const age = t.age;
        const ageHi = t.ageHi;
        return (i) => {
          const a = age[i]!;
          const b = ageHi[i]!;
          if (a >= lo && b < hi) return S_TRUE;
          if (b < lo || a >= hi) return S_FALSE;
          track.bits |= D_AGE;
          return S_OPEN;
        };
      },
    );
    node.simple = { column: 'age', lo, hi };
    return node;
  }
  if ('record' in cond) {
    const bit = RECORD_BITS[cond.record];
    const key = cond.record;
    const node = leaf(
      reading,
      path,
      (t) => {
        const rec = t.records;
        return (i) => (rec[i]! & bit) !== 0;
      },
      (t, i) => [
        `${RECORD_LABELS[key]}: ${(t.unknown[i]! & (bit << U_RECORD_SHIFT)) !== 0 ? NOT_IN_RECORDS : yesNo((t.records[i]! & bit) !== 0)}`,
      ],
      (t, track) => {
        const rec = t.records;
        const unknown = t.unknown;
        const u = bit << U_RECORD_SHIFT;
        return (i) => {
          if ((rec[i]! & bit) !== 0) return S_TRUE;
          if ((unknown[i]! & u) === 0) return S_FALSE;
          track.bits |= u;
          return S_OPEN;
        };
      },
    );
    node.simple = { column: 'records', mask: bit, want: true };
    return node;
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
      bind: () => () => UNKNOWN,
      bindSet: () => () => S_FINDING,
      children: [],
      facts: () => ['a person must decide this'],
    };
  }
  throw new CompileError(`unknown condition ${JSON.stringify(Object.keys(cond))}`);
}

function combine(kind: 'all' | 'any', children: ConditionNode[], reading: string, path: PathSegment[]): ConditionNode {
  const uncertain = children.some((c) => c.uncertain);
  // On cases with unknown facts: every value each part may take, combined value by value.
  const bindSet = (t: CaseTable, track: FactTrack): SetFn => {
    const tests = children.map((c) => c.bindSet(t, track));
    const n = tests.length;
    const table = kind === 'all' ? SET_AND : SET_OR;
    const settled = kind === 'all' ? S_FALSE : S_TRUE;
    return (i) => {
      let r = kind === 'all' ? S_TRUE : S_FALSE;
      for (let k = 0; k < n; k++) {
        r = table[(r << 3) | tests[k]!(i)]!;
        if (r === settled) return r;
      }
      return r;
    };
  };
  if (!uncertain) {
    const bindBool = (t: CaseTable) => {
      const first = children[0]?.simple;
      // A bit test first (a record, a flag) and one more part: the bit is read without a call.
      if (children.length === 2 && first && (first.column === 'flags' || first.column === 'records')) {
        const col = first.column === 'flags' ? t.flags : t.records;
        const mask = first.mask;
        const want = first.want;
        const b = children[1]!.bindBool!(t);
        return kind === 'all'
          ? (i: number) => ((col[i]! & mask) !== 0) === want && b(i)
          : (i: number) => ((col[i]! & mask) !== 0) === want || b(i);
      }
      return boolCombine(
        kind,
        children.map((c) => c.bindBool!(t)),
      );
    };
    return {
      kind,
      reading,
      path,
      uncertain,
      bindBool,
      bind: (t) => {
        const b = bindBool(t);
        return (i) => (b(i) ? TRUE : FALSE);
      },
      bindSet,
      children,
      simple: foldedTest(kind, children),
    };
  }
  const bind = (t: CaseTable): TriFn => {
    const tests = children.map((c) => c.bind(t));
    const n = tests.length;
    // Kleene logic: all() is false if any part is false, unknown if any is unknown, else true.
    return kind === 'all'
      ? (i) => {
          let r: Tri = TRUE;
          for (let k = 0; k < n; k++) {
            const v = tests[k]!(i);
            if (v === FALSE) return FALSE;
            if (v === UNKNOWN) r = UNKNOWN;
          }
          return r;
        }
      : (i) => {
          let r: Tri = FALSE;
          for (let k = 0; k < n; k++) {
            const v = tests[k]!(i);
            if (v === TRUE) return TRUE;
            if (v === UNKNOWN) r = UNKNOWN;
          }
          return r;
        };
  };
  return { kind, reading, path, uncertain, bind, bindSet, children };
}

/**
 * An `all`/`any` of plain boolean parts as data, when its constant parts (the scenario's) settle it or
 * leave one part: that part's test.
 */
function foldedTest(kind: 'all' | 'any', children: ConditionNode[]): SimpleTest | undefined {
  const settles = kind === 'any';
  const rest: ConditionNode[] = [];
  for (const c of children) {
    const s = c.simple;
    if (s?.column !== 'constant') rest.push(c);
    else if (s.value === settles) return { column: 'constant', value: settles };
  }
  if (rest.length === 0) return { column: 'constant', value: !settles };
  return rest.length === 1 ? rest[0]!.simple : undefined;
}

function boolCombine(kind: 'all' | 'any', fns: BoolFn[]): BoolFn {
  const n = fns.length;
  if (n === 1) return fns[0]!;
  if (n === 2) {
    const [a, b] = fns as [BoolFn, BoolFn];
    return kind === 'all' ? (i) => a(i) && b(i) : (i) => a(i) || b(i);
  }
  if (n === 3) {
    const [a, b, d] = fns as [BoolFn, BoolFn, BoolFn];
    return kind === 'all' ? (i) => a(i) && b(i) && d(i) : (i) => a(i) || b(i) || d(i);
  }
  return kind === 'all'
    ? (i) => {
        for (let k = 0; k < n; k++) if (!fns[k]!(i)) return false;
        return true;
      }
    : (i) => {
        for (let k = 0; k < n; k++) if (fns[k]!(i)) return true;
        return false;
      };
}

/** The unknown facts of yes or no (what ICE asked for: of three values), as unknown-facts.ts bits. */
const YES_NO_FACTS = U_JUDICIAL | U_ADMIN | U_REQUEST | Object.values(RECORD_BITS).reduce((m, b) => m | (b << U_RECORD_SHIFT), 0);

// ---- the policy ----

/**
 * The outcomes (codes, in order) an open case could have, each with the provisions (indexes, in order)
 * that would give it: from the provisions that may decide it (`BoundPolicy.deciders`) and what each
 * would give (`BoundPolicy.mayGive`).
 */
export function outcomesUnder(deciders: readonly number[], gives: readonly number[]): Array<{ outcome: number; provisions: number[] }> {
  const out: Array<{ outcome: number; provisions: number[] }> = [];
  for (let o = 0; o < 4; o++) {
    const provisions = deciders.filter((_, j) => gives[j]! & (1 << o));
    if (provisions.length) out.push({ outcome: o, provisions });
  }
  return out;
}

/** A policy bound to one case table: `decide(i)` is the hot path. */
export interface BoundPolicy {
  readonly table: CaseTable;
  /** `(provisionIndex << 2) | outcomeCode`, the outcome already limited to what ICE requested. */
  decide(i: number): number;
  /** The outcome the deciding provision allows, before limiting it to the request. */
  allowed(i: number, provisionIndex: number): number;
  /**
   * Only on tables whose cases leave facts unknown: every outcome case i may get, as bits
   * (1 << outcome code). One bit: the decision is settled whatever the unknown facts are; more: it is
   * open, and `decide` gives review at the first provision that could decide it.
   */
  possible?(i: number): number;
  /**
   * Only on tables with unknown facts: the facts (unknown-facts.ts bits) that leave case i open, those
   * whose value may change its outcome or how long a hold may last; 0 when settled.
   */
  dependsOn?(i: number): number;
  /**
   * Only on tables with unknown facts: the facts an open case i's tests read, left open by the records,
   * that may change only which provision decides it, not its outcome or a hold's limit (not in `dependsOn`).
   */
  whichOnly?(i: number): number;
  /**
   * Only on tables with unknown facts: how many provisions may be the one that decides case i (the
   * otherwise clause counted as one): those read in order from the first whose test is not surely
   * false to the first whose test is surely true. 1 when one provision surely decides it. Cheap: no
   * array is made (see `deciders`).
   */
  deciderCount?(i: number): number;
  /**
   * Only on tables with unknown facts: the provisions that may be the one that decides case i, in
   * order (indexes; the provisions' count for the otherwise clause). With more than one, no single
   * provision decided a settled outcome: `decide` names the first of them, which decides only if its
   * test holds. Not on the hot path: an array is made for each call.
   */
  deciders?(i: number): number[];
  /**
   * Only on tables with unknown facts: for each provision of `deciders(i)`, in the same order, the
   * outcomes (bits 1 << outcome code) it would give case i if it is the one that decides: what it
   * allows within what ICE asked for, review where it leaves a finding to a person. Their union is
   * `possible(i)`. Not on the hot path: an array is made for each call.
   */
  mayGive?(i: number): number[];
}

export class CompiledPolicy {
  readonly provisions: CompiledProvision[];
  readonly otherwise: Outcome;
  /** The otherwise clause's maximum hold (model.otherwiseHoldOf), used when `otherwise` is hold. */
  readonly otherwiseHold: MaxHold;
  readonly otherwiseCitation: string;
  readonly calendar: HolidayCalendar;
  /** The jurisdiction's time zone, when it names one: calendar-hour holds then count elapsed hours. */
  readonly zone: TimeZone | undefined;
  readonly layout: Layout;
  private readonly bound = new WeakMap<CaseTable, BoundPolicy>();
  private readonly knowing = new WeakMap<CaseTable, (i: number, shared: Uint8Array, firstOwn: number, otherCode: number) => number>();
  /** An explanation's words naming the detainer as the printed text does (inOrdinanceTerms), each reading made once. */
  private readonly words: (text: string) => string;
  /**
   * What each provision's decision depends on, as text: its test, its outcome, the definitions of the
   * terms it reads, whether juvenile adjudications count, and the scenario when the test reads it.
   * Two policies' provisions with the same signature decide every case alike.
   */
  readonly signatures: string[];

  constructor(
    readonly ordinance: Ordinance,
    readonly scenario: ResolvedScenario,
  ) {
    const terms = new ReadTerms((ordinance.definitions ?? []).map((d) => [d.term.toLowerCase(), d]));
    const termed = new Map<string, string>();
    this.words = (text) => {
      let out = termed.get(text);
      if (out === undefined) termed.set(text, (out = inOrdinanceTerms(text, ordinance)));
      return out;
    };
    let readsScenario = false;
    const ctx: Context = {
      terms,
      words: this.words,
      countJuvenile: ordinance.juvenileAdjudications === 'counted',
      get scenario() {
        readsScenario = true;
        return scenario;
      },
    };
    this.signatures = [];
    this.layout = layoutOrdinance(ordinance);
    // The holidays a hold skips are the ordinance's own when it names them (the text says so), else the scenario's.
    this.calendar = HolidayCalendar.fromSetting(ordinance.holidays ?? scenario.holidays);
    this.zone = timeZone(ordinance.jurisdiction.timeZone);
    this.otherwise = ordinance.otherwise;
    this.otherwiseHold = otherwiseHoldOf(ordinance);
    // The baseline is no ordinance: its reasons are named as its own, never with a section sign a reader takes for the draft's.
    const baseline = isHonorAll(ordinance);
    this.otherwiseCitation = baseline ? BASELINE_REASONS.default! : this.layout.otherwiseCitation;
    this.provisions = this.layout.detainerProvisions.map((lp, index) => {
      const p = lp.provision;
      if (!p.outcome) throw new CompileError(`provision "${p.id}" has no outcome`);
      terms.read.clear();
      readsScenario = false;
      const condition = p.when
        ? compileCondition(ctx, p.when, ['sections', lp.sectionIndex, 'provisions', lp.provisionIndex, 'when'])
        : null;
      this.signatures.push(
        JSON.stringify([
          p.when ?? null,
          p.outcome,
          ctx.countJuvenile,
          [...terms.read].sort().map((term) => [term, terms.get(term)?.covers ?? null]),
          readsScenario ? scenario : null,
        ]),
      );
      return {
        index,
        id: p.id,
        heading: p.heading,
        citation: (baseline && BASELINE_REASONS[p.id]) || lp.citation,
        outcome: p.outcome,
        maxHold: p.maxHold,
        condition,
      };
    });
  }

  /** The policy's decision function over a table's rows (cached per table). */
  bind(t: CaseTable): BoundPolicy {
    let b = this.bound.get(t);
    if (!b) {
      b = this.makeBound(t);
      this.bound.set(t, b);
    }
    return b;
  }

  /**
   * The decision function over a table whose cases leave facts unknown: each provision's condition
   * gives the set of values it may take; the provisions are read in order while one may not apply,
   * and every outcome reachable that way is possible.
   */
  private makeOpenBound(t: CaseTable): BoundPolicy {
    const n = this.provisions.length;
    const { track, tests, outcomes, otherwise } = this.setReading(t);
    const review = OUTCOME_CODE.review;
    const flags = t.flags;
    const unknown = t.unknown;
    let lastI = -1;
    let code = 0;
    let possible = 0;
    let depends = 0;
    let allowedFirst = 0;
    // The provisions that may decide the case (read, their test not surely false), in order.
    const cand = new Int32Array(n + 1);
    // What each of them would give if it decides (bits).
    const candGives = new Int32Array(n + 1);
    let nc = 0;
    // Per provision (the otherwise clause last): what it would give if it decides (bits; 0 where it
    // may not decide), and whether its test may hold (not only by a person's finding).
    const gives = new Int32Array(n + 1);
    const mayHold = new Uint8Array(n + 1);
    // Per provision: the unknown facts its test read where they left its value open; and the same for
    // each of `cand`.
    const factsOf = new Int32Array(n + 1);
    const candFacts = new Int32Array(n + 1);
    // The last entry of `gives` and `mayHold` a read set (those after it are 0).
    let top = n;
    // Reads the provisions in order as the row's flags say, until one surely applies: each that may
    // decide gets what it would give within the request the flags carry.
    const read = (i: number): void => {
      const r = flags[i]! & 3;
      let k = 0;
      for (; k < n; k++) {
        track.bits = 0;
        const s = tests[k]!(i);
        if (s === S_FALSE) continue;
        if (s & S_TRUE) {
          gives[k]! |= 1 << CLAMP[(outcomes[k]! << 2) | r]!;
          mayHold[k] = 1;
        }
        if (s & S_FINDING) gives[k]! |= 1 << CLAMP[(review << 2) | r]!;
        if (!isSingle(s)) {
          depends |= track.bits;
          factsOf[k]! |= track.bits;
        }
        if ((s & S_FALSE) === 0) break;
      }
      if (k === n) {
        gives[n]! |= 1 << CLAMP[(otherwise << 2) | r]!;
        mayHold[n] = 1;
      }
      if (k > top) top = k;
    };
    const evaluate = (i: number): void => {
      if (i === lastI) return;
      lastI = i;
      depends = 0;
      gives.fill(0, 0, top + 1);
      mayHold.fill(0, 0, top + 1);
      factsOf.fill(0, 0, top + 1);
      top = 0;
      const u = unknown[i]!;
      if ((u & U_REQUEST) === 0) read(i);
      else {
        // What ICE asked for is not in the records: it asked for a hold, for notice, or for both (an
        // unknown request is a detainer's, and every detainer asks at least for notice: 8 CFR 287.7(a);
        // "nothing requested" is a value the records give, never what an unknown one stands for). Each
        // of the three is read on the row, the tests reading the row's flags when called, and what
        // each provision may give is what it gives under one of them; then the row is restored. The
        // provisions are not read with the request left open: a test of the request may be false
        // under one request and another's under the other, but the one read after both is reached
        // under no request (the honor-all baseline never declines a detainer, whatever it asked).
        const f = flags[i]!;
        try {
          unknown[i] = u & ~U_REQUEST;
          for (let r = 1; r <= 3; r++) {
            flags[i] = (f & ~3) | r;
            read(i);
          }
        } finally {
          flags[i] = f;
          unknown[i] = u;
        }
      }
      possible = 0;
      nc = 0;
      for (let k = 0; k <= top; k++) {
        if (!gives[k]) continue;
        possible |= gives[k]!;
        candGives[nc] = gives[k]!;
        candFacts[nc] = factsOf[k]!;
        cand[nc++] = k;
      }
      const first = cand[0]!;
      if ((possible & (possible - 1)) === 0) {
        depends = 0;
        code = (first << 2) | (31 - Math.clz32(possible));
        allowedFirst = first === n ? otherwise : mayHold[first] ? outcomes[first]! : review;
      } else {
        if (u & U_REQUEST) depends |= U_REQUEST;
        code = (first << 2) | review;
        allowedFirst = review;
      }
    };
    // What each provision that may decide the case evaluated last would give, one key each: its outcomes,
    // a hold with the limit it would be held under ("0:48/true 1": a hold of 48 hours not counting weekends and holidays, or notice).
    const keyOf = (i: number, j: number): string => {
      const g = candGives[j]!;
      const parts: string[] = [];
      for (let o = 0; o < 4; o++) {
        if ((g & (1 << o)) === 0) continue;
        if (o !== 0) parts.push(String(o));
        else {
          const h = this.holdLimitOf(cand[j]!, t, i);
          parts.push(`0:${h.hours}/${h.excludingWeekendsAndHolidays === true}`);
        }
      }
      return parts.join(' ');
    };
    // For the case evaluated last: every outcome (with a hold's limit) it may get, whether that is one,
    // and the facts that may change it. A provision's test changes the outcome only where the provision
    // may give more than one, or another that may decide the case after it gives something else: the
    // tests read as if each could be true or false whatever the others are, which can only add facts.
    const chain = (i: number): { sig: string; single: boolean; facts: number } => {
      const keys: string[] = [];
      const all = new Set<string>();
      for (let j = 0; j < nc; j++) {
        const key = keyOf(i, j);
        keys.push(key);
        for (const part of key.split(' ')) all.add(part);
      }
      let facts = 0;
      if (all.size > 1)
        for (let j = 0; j < nc; j++) {
          let changes = keys[j]!.includes(' ');
          for (let l = j + 1; l < nc && !changes; l++) changes = keys[l] !== keys[j];
          if (changes) facts |= candFacts[j]!;
        }
      return { sig: [...all].sort().join(' '), single: all.size === 1, facts };
    };
    const records = t.records;
    let splitI = -1;
    let outcomeFacts = 0;
    let whichOnlyFacts = 0;
    // Of the facts an open case turns on, those that may change its outcome (or how long a hold may
    // last), and those that may change only which provision decides it. Each fact of yes or no (a
    // warrant, a records check, what ICE asked for) is taken each way, with the others each way too;
    // it changes nothing only where, every other such fact held fixed, both ways give the same one
    // outcome under the same limit. Facts of more values (convictions beyond those on record, a
    // date...) are judged by `chain`. Where those facts are too many to take each way, every fact counts.
    const split = (i: number): void => {
      if (i === splitI) return;
      evaluate(i);
      const all = depends;
      splitI = i;
      outcomeFacts = all;
      whichOnlyFacts = 0;
      if ((possible & (possible - 1)) === 0) return;
      const u = unknown[i]!;
      // Taking each fact each way costs an evaluation per way: only where two provisions' tests read one
      // fact of yes or no (which the reading test by test can't see through) are they all taken each
      // way; otherwise only what ICE asked for (whose ways each provision's outcome turns on), the
      // others judged by `chain` as facts of more values are.
      let once = 0;
      let twice = 0;
      for (let j = 0; j < nc; j++) {
        twice |= once & candFacts[j]!;
        once |= candFacts[j]!;
      }
      const yesNo = all & u & (twice & YES_NO_FACTS ? YES_NO_FACTS : U_REQUEST);
      const dims: number[] = [];
      for (let b = yesNo; b; b &= b - 1) dims.push(b & -b);
      // What ICE asked for takes three values: hold, notice, or both.
      const sizes = dims.map((b) => (b === U_REQUEST ? 3 : 2));
      const combos = sizes.reduce((x, y) => x * y, 1);
      if (combos > 64) return;
      const f = flags[i]!;
      const rec = records[i]!;
      const seen: Array<{ sig: string; single: boolean; facts: number }> = [];
      const valueOf = (c: number, d: number): number => {
        for (let e = 0; e < d; e++) c = Math.floor(c / sizes[e]!);
        return c % sizes[d]!;
      };
      if (!dims.length) seen.push(chain(i));
      else
        try {
          unknown[i] = u & ~yesNo;
          for (let c = 0; c < combos; c++) {
            let fl = f;
            let re = rec;
            dims.forEach((b, d) => {
              const v = valueOf(c, d);
              if (b === U_REQUEST) fl = (fl & ~3) | (v + 1);
              else if (b === U_JUDICIAL) fl = v ? fl | F_JUDICIAL : fl & ~F_JUDICIAL;
              else if (b === U_ADMIN) fl = v ? fl | F_ADMIN : fl & ~F_ADMIN;
              else re = v ? re | (b >> U_RECORD_SHIFT) : re & ~(b >> U_RECORD_SHIFT);
            });
            flags[i] = fl;
            records[i] = re;
            lastI = -1;
            evaluate(i);
            seen.push(chain(i));
          }
        } finally {
          unknown[i] = u;
          flags[i] = f;
          records[i] = rec;
          lastI = -1;
        }
      let changes = 0;
      for (const x of seen) if (!x.single) changes |= x.facts;
      dims.forEach((b, d) => {
        let step = 1;
        for (let e = 0; e < d; e++) step *= sizes[e]!;
        for (let c = 0; c < combos && (changes & b) === 0; c++) {
          const v = valueOf(c, d);
          for (let w = v + 1; w < sizes[d]!; w++) {
            const x = seen[c]!;
            const y = seen[c + (w - v) * step]!;
            if (!(x.single && y.single && x.sig === y.sig)) changes |= b;
          }
        }
      });
      // None changes it: the reading provision by provision leaves the case open though each way of
      // taking the facts settles it alike (two tests of one fact, say). It stays undecided, on every fact.
      if (!changes) return;
      outcomeFacts = changes;
      whichOnlyFacts = all & ~changes;
    };
    return {
      table: t,
      decide: (i) => {
        evaluate(i);
        return code;
      },
      allowed: (i) => {
        evaluate(i);
        return allowedFirst;
      },
      possible: (i) => {
        evaluate(i);
        return possible;
      },
      dependsOn: (i) => {
        split(i);
        return outcomeFacts;
      },
      whichOnly: (i) => {
        split(i);
        return whichOnlyFacts;
      },
      deciderCount: (i) => {
        evaluate(i);
        return nc;
      },
      deciders: (i) => {
        evaluate(i);
        return Array.from(cand.subarray(0, nc));
      },
      mayGive: (i) => {
        evaluate(i);
        return Array.from(candGives.subarray(0, nc));
      },
    };
  }

  private makeBound(t: CaseTable): BoundPolicy {
    if (t.hasUnknown) return this.makeOpenBound(t);
    const n = this.provisions.length;
    const defaultCode = (n << 2) | OUTCOME_CODE[this.otherwise];
    // Provisions whose conditions are plain booleans are tested directly; one with a discretionary
    // finding answers "unknown" where a person must decide, which makes the outcome review.
    const bools: BoolFn[] = [];
    const tris: Array<TriFn | null> = [];
    const codes = new Int32Array(n);
    let anyTri = false;
    this.provisions.forEach((p, k) => {
      codes[k] = (k << 2) | OUTCOME_CODE[p.outcome];
      const cond = p.condition;
      if (!cond) {
        bools.push(() => true);
        tris.push(null);
      } else if (cond.bindBool) {
        bools.push(cond.bindBool(t));
        tris.push(null);
      } else {
        const test = cond.bind(t);
        bools.push((i) => test(i) !== FALSE);
        tris.push(test);
        anyTri = true;
      }
    });
    // Op codes: 0 call the condition, 1 flag bit set, 2 flag bit clear, 3 record bit set, 4 age in range,
    // 5 a constant (argA 1: true).
    const ops = new Uint8Array(n);
    const argA = new Int32Array(n);
    const argB = new Int32Array(n);
    this.provisions.forEach((p, k) => {
      const simple = p.condition?.simple;
      if (!simple) return;
      if (simple.column === 'age') {
        ops[k] = 4;
        argA[k] = simple.lo;
        argB[k] = Math.min(simple.hi, 1 << 30);
      } else if (simple.column === 'constant') {
        ops[k] = 5;
        argA[k] = simple.value ? 1 : 0;
      } else {
        ops[k] = simple.column === 'records' ? 3 : simple.want ? 1 : 2;
        argA[k] = simple.mask;
      }
    });
    const flags = t.flags;
    const records = t.records;
    const age = t.age;
    const applies = (k: number, i: number): boolean => {
      const op = ops[k]!;
      return op === 0
        ? bools[k]!(i)
        : op === 1
          ? (flags[i]! & argA[k]!) !== 0
          : op === 2
            ? (flags[i]! & argA[k]!) === 0
            : op === 3
              ? (records[i]! & argA[k]!) !== 0
              : op === 4
                ? age[i]! >= argA[k]! && age[i]! < argB[k]!
                : argA[k] === 1;
    };
    const decided = (k: number, i: number): number => {
      const tri = anyTri ? tris[k] : null;
      const code = tri && tri(i) === UNKNOWN ? (k << 2) | OUTCOME_CODE.review : codes[k]!;
      return (code & ~3) | CLAMP[((code & 3) << 2) | (flags[i]! & 3)]!;
    };
    const otherwise = (i: number): number => (defaultCode & ~3) | CLAMP[((defaultCode & 3) << 2) | (flags[i]! & 3)]!;
    const decide = (i: number): number => {
      for (let k = 0; k < n; k++) if (applies(k, i)) return decided(k, i);
      return otherwise(i);
    };
    // Beside another policy's decision on the same row: a provision the two share (same test, same
    // outcome) was false there when it came before the provision that decided, and decides here too
    // when it is that provision.
    const decideKnowing = (i: number, shared: Uint8Array, firstOwn: number, otherCode: number): number => {
      const decidedBy = otherCode >> 2;
      if (decidedBy < firstOwn) return otherCode;
      for (let k = firstOwn; k < n; k++) {
        if (shared[k] === 1) {
          if (k < decidedBy) continue;
          if (k === decidedBy) return otherCode;
        }
        if (applies(k, i)) return decided(k, i);
      }
      return otherwise(i);
    };
    const allowed = (i: number, k: number): number => {
      if (k >= n) return OUTCOME_CODE[this.otherwise];
      const tri = tris[k];
      return tri && tri(i) === UNKNOWN ? OUTCOME_CODE.review : OUTCOME_CODE[this.provisions[k]!.outcome];
    };
    this.knowing.set(t, decideKnowing);
    return { table: t, decide, allowed };
  }

  /** The provisions' tests over a table as sets of values (possible.ts), their outcome codes and the default's. */
  private setReading(t: CaseTable): { track: FactTrack; tests: SetFn[]; outcomes: Int32Array; otherwise: number } {
    const track: FactTrack = { bits: 0 };
    return {
      track,
      tests: this.provisions.map((p) => (p.condition ? p.condition.bindSet(t, track) : () => S_TRUE)),
      outcomes: Int32Array.from(this.provisions, (p) => OUTCOME_CODE[p.outcome]),
      otherwise: OUTCOME_CODE[this.otherwise],
    };
  }

  /**
   * Every outcome case i could come to in the end, as bits (1 << outcome code; never review): each
   * finding a person must make taken both ways, each fact the records leave unknown too, and a
   * provision whose outcome is review giving whatever the request allows. A case left to a person's
   * finding is then counted only under the outcomes it can come to (a finding that a provision holds
   * either holds or goes on to the next provision), not under every outcome. Findings are taken one
   * by one, so one finding read by two provisions counts as two: the bits may be more than can be,
   * never fewer.
   */
  bindFinal(t: CaseTable): (i: number) => number {
    const n = this.provisions.length;
    const { tests, outcomes, otherwise } = this.setReading(t);
    const review = OUTCOME_CODE.review;
    const flags = t.flags;
    const unknown = t.unknown;
    // What a provision's outcome comes to under request bits r (1 hold, 2 notify, 3 both): review is
    // whatever the person decides within the request.
    const under = (allowed: number, r: number): number =>
      allowed === review ? (1 << CLAMP[r]!) | (1 << CLAMP[(1 << 2) | r]!) | (1 << CLAMP[(3 << 2) | r]!) : 1 << CLAMP[(allowed << 2) | r]!;
    // Under the request the row's flags carry.
    const read = (i: number): number => {
      const r = flags[i]! & 3;
      let possible = 0;
      let k = 0;
      for (; k < n; k++) {
        let s = tests[k]!(i);
        // A person's finding is yes or no.
        if (s & S_FINDING) s = (s & ~S_FINDING) | S_OPEN;
        if (s === S_FALSE) continue;
        possible |= under(outcomes[k]!, r);
        if ((s & S_FALSE) === 0) break;
      }
      if (k === n) possible |= under(otherwise, r);
      return possible;
    };
    return (i) => {
      const u = unknown[i]!;
      if ((u & U_REQUEST) === 0) return read(i);
      // What ICE asked for is not in the records: each request it could have made (a hold, notice, or
      // both; see makeOpenBound) read on the row in turn, then the row restored.
      const f = flags[i]!;
      let possible = 0;
      try {
        unknown[i] = u & ~U_REQUEST;
        for (let r = 1; r <= 3; r++) {
          flags[i] = (f & ~3) | r;
          possible |= read(i);
        }
      } finally {
        flags[i] = f;
        unknown[i] = u;
      }
      return possible;
    };
  }

  /**
   * This policy's decision function beside another policy bound to the same table (a draft and what
   * it is compared with): given the other's decision code on row i, the provisions the two policies
   * share at the same place are not tested again. Undefined when they share none, or when the table's
   * cases leave facts unknown (then decide each policy on its own).
   */
  bindBeside(t: CaseTable, other: CompiledPolicy): ((i: number, otherCode: number) => number) | undefined {
    const shared = new Uint8Array(this.provisions.length);
    let any = false;
    for (let k = 0; k < shared.length && k < other.provisions.length; k++) {
      if (this.signatures[k] === other.signatures[k]) {
        shared[k] = 1;
        any = true;
      }
    }
    if (!any || t.hasUnknown) return undefined;
    this.bind(t);
    const knowing = this.knowing.get(t)!;
    // Up to the first provision of its own, this policy decides as the other did.
    let firstOwn = shared.indexOf(0);
    if (firstOwn < 0) firstOwn = shared.length;
    return (i, otherCode) => knowing(i, shared, firstOwn, otherCode);
  }

  /** Decides one prepared case (builds a one-row table: for single decisions, not for bulk work). */
  decideCode(c: PreparedCase): number {
    return this.decideRow(caseTable([c]), 0).code;
  }

  /**
   * The decision code on row i of a table, as decideCode gives it: for a few cases that many policies
   * decide, whose table is built once rather than once for each policy.
   */
  decideCodeOf(t: CaseTable, i: number): number {
    return this.decideRow(t, i).code;
  }

  /**
   * The decision on one row, with the outcome the deciding provision allows. A table already bound
   * (or a large one) uses the bound decision function; for a few rows only the provisions read until
   * one applies are bound, so deciding one case of a long ordinance stays cheap.
   */
  private decideRow(t: CaseTable, i: number): { code: number; allowed: number } {
    if (this.bound.has(t) || t.length > 64 || t.hasUnknown) {
      const b = this.bind(t);
      const code = b.decide(i);
      return { code, allowed: b.allowed(i, code >> 2) };
    }
    const flags = t.flags[i]! & 3;
    for (let k = 0; k < this.provisions.length; k++) {
      const p = this.provisions[k]!;
      const v = p.condition ? p.condition.bind(t)(i) : TRUE;
      if (v === FALSE) continue;
      const allowed = v === UNKNOWN ? OUTCOME_CODE.review : OUTCOME_CODE[p.outcome];
      return { code: (k << 2) | CLAMP[(allowed << 2) | flags]!, allowed };
    }
    const allowed = OUTCOME_CODE[this.otherwise];
    return { code: (this.provisions.length << 2) | CLAMP[(allowed << 2) | flags]!, allowed };
  }

  /** A provision's maximum hold; past the last provision, the otherwise clause's (its otherwiseMaxHold, or the federal maximum). */
  maxHoldOf(provisionIndex: number): MaxHold {
    return provisionIndex < this.provisions.length ? (this.provisions[provisionIndex]!.maxHold ?? FEDERAL_MAX_HOLD) : this.otherwiseHold;
  }

  /** The hold limit for row i of a table: the provision's, or for a hold "as requested" the detainer form's. */
  holdLimitOf(provisionIndex: number, t: CaseTable, i: number): MaxHold {
    const h = this.maxHoldOf(provisionIndex);
    return h.asRequested ? (DETAINER_FORMS[t.detainerForm[i]!]?.hold ?? FEDERAL_MAX_HOLD) : h;
  }

  /** When a hold decided by this provision, starting at `release` (minutes), ends. */
  holdEndAt(release: number, provisionIndex: number, limit: MaxHold = this.maxHoldOf(provisionIndex)): number {
    return holdEnd(release, limit.hours, limit.excludingWeekendsAndHolidays === true, this.calendar, this.zone);
  }

  /**
   * The limits a hold on row i (decision code `code`) may be held under, without repeats: the limit of
   * each provision that may decide it (BoundPolicy.deciders). One, the deciding provision's, unless the
   * table leaves facts unknown and more than one provision may decide the hold under different limits:
   * which limit applies is then not settled, and neither is how long the hold lasts (see holdEndsOf).
   */
  holdLimitsOf(t: CaseTable, i: number, code: number): MaxHold[] {
    const first = this.holdLimitOf(code >> 2, t, i);
    const bound = t.hasUnknown ? this.bind(t) : undefined;
    if (!bound?.deciderCount || bound.deciderCount(i) < 2) return [first];
    const out: MaxHold[] = [];
    for (const k of bound.deciders!(i)) {
      const h = this.holdLimitOf(k, t, i);
      if (!out.some((x) => sameLimit(x, h))) out.push(h);
    }
    return out;
  }

  /**
   * When a hold on row i, from its release (which the records give), may end: each limit of
   * holdLimitsOf counted from the release, without repeats, soonest first. More than one: the hold's
   * end and length are not settled (two limits may still end together from a given release: 48 hours
   * and 48 not counting weekends, from a Monday morning).
   */
  holdEndsOf(t: CaseTable, i: number, code: number): number[] {
    const release = t.release[i]!;
    const ends = new Set(this.holdLimitsOf(t, i, code).map((h) => this.holdEndAt(release, code >> 2, h)));
    return [...ends].sort((a, b) => a - b);
  }

  provisionIdOf(index: number): string {
    return index < this.provisions.length ? this.provisions[index]!.id : 'default';
  }

  citationOf(index: number): string {
    return index < this.provisions.length ? this.provisions[index]!.citation : this.otherwiseCitation;
  }

  /** The full decision on one prepared case, with its explanation. */
  decide(c: PreparedCase): Decision {
    return this.explain(caseTable([c]), 0);
  }

  /**
   * The full decision on row i of a table, with its explanation. `decided` is the row's decision code
   * when it is already known (a simulation made it), so the row is not decided again.
   */
  explain(t: CaseTable, i: number, decided?: number): Decision {
    const { code, allowed } =
      decided === undefined ? this.decideRow(t, i) : { code: decided, allowed: this.bind(t).allowed(i, decided >> 2) };
    const index = code >> 2;
    const outcome = OUTCOMES[code & 3]!;
    const reasons: Reason[] = [];
    let upto = Math.min(index, this.provisions.length - 1);
    // With unknown facts the provisions are read on until one surely applies.
    if (t.hasUnknown) upto = Math.min(this.lastProvisionRead(t, i), this.provisions.length - 1);
    for (let k = 0; k <= upto; k++) {
      const p = this.provisions[k]!;
      if (!p.condition) {
        reasons.push({
          provision: p.id,
          citation: p.citation,
          condition: this.words('applies to every detainer it reaches'),
          value: true,
          facts: [],
          depth: 0,
        });
        continue;
      }
      traceNode(p.condition, t, i, p.id, p.citation, 0, reasons, this.words);
    }
    if (index >= this.provisions.length || (t.hasUnknown && this.lastProvisionRead(t, i) >= this.provisions.length)) {
      // Read on past a provision whose test the records leave open (the decision's index is that provision),
      // whether none above applies is itself open: the line keeps its words and says it is not known.
      reasons.push({
        provision: 'default',
        citation: this.otherwiseCitation,
        condition: this.provisions.length ? 'no provision above applies' : 'the ordinance has no detainer provisions',
        value: index < this.provisions.length ? 'unknown' : true,
        facts: [],
        depth: 0,
      });
    }
    const releaseUnknown = (t.unknown[i]! & U_RELEASE) !== 0;
    const bound = t.hasUnknown ? this.bind(t) : undefined;
    const possible = bound?.possible?.(i) ?? 0;
    const open = (possible & (possible - 1)) !== 0;
    // A settled outcome more than one provision may decide (the first's test is open, a later one's
    // holds): no single provision decided it, so each that may is named.
    const deciders = !open && bound?.deciderCount && bound.deciderCount(i) > 1 ? bound.deciders!(i) : undefined;
    const oneOfRefs = deciders?.map((k) => ({ provision: this.provisionIdOf(k), citation: this.citationOf(k) }));
    if (deciders) {
      // What each provision that may decide it allows: the request limits the outcome under whichever
      // of them decides, so the line goes under all of them, not the first's heading.
      const allows = deciders.map((k) => OUTCOME_CODE[k < this.provisions.length ? this.provisions[k]!.outcome : this.otherwise]);
      if (allows.some((a) => a !== (code & 3))) {
        const same = allows.every((a) => a === allows[0]);
        reasons.push({
          provision: this.provisionIdOf(index),
          citation: this.citationOf(index),
          condition: same
            ? `the policy allows "${OUTCOMES[allows[0]!]}", but the outcome may not exceed what ICE requested`
            : `the policy allows ${deciders.map((k, j) => `"${OUTCOMES[allows[j]!]}" under ${this.citationOf(k)}`).join(', or ')}, and the outcome may not exceed what ICE requested`,
          value: true,
          facts: [`ICE requested: ${requestWords(t, i)}`],
          depth: 0,
          decidedByOneOf: oneOfRefs!,
        });
      }
    } else if ((code & 3) !== allowed) {
      reasons.push({
        provision: this.provisionIdOf(index),
        citation: this.citationOf(index),
        condition: `the policy allows "${OUTCOMES[allowed]}", but the outcome may not exceed what ICE requested`,
        value: true,
        facts: [`ICE requested: ${requestWords(t, i)}`],
        depth: 0,
      });
    }
    let holdUntil: string | null = null;
    // A request after the release time: the policy's answer stands, its hold's end given as the contract
    // asks (counted from the release), and the decision marked: no one is there to hold, so none is served.
    const late = requestAfterRelease(t, i);
    if (outcome === 'hold') {
      const limits = this.holdLimitsOf(t, i, code);
      // Which limit applies is open when the provisions that may decide the hold allow different holds.
      // "48 hours, not counting weekends and holidays, under § 3(a)(1) or § 3(b), or 24 hours under § 3(c)"
      const limitWords = limits.map((h) => {
        const by = limits.length > 1 ? (deciders ?? []).filter((k) => sameLimit(this.holdLimitOf(k, t, i), h)) : [];
        return `${h.hours} hours${h.excludingWeekendsAndHolidays ? ', not counting weekends and holidays,' : ''}${by.length ? ` under ${by.map((k) => this.citationOf(k)).join(' or ')}` : ''}`;
      });
      const ends = releaseUnknown ? [] : this.holdEndsOf(t, i, code);
      if (ends.length === 1) holdUntil = formatDateTime(ends[0]!);
      if (releaseUnknown || ends.length > 1) {
        const hoursWords = (h: number) => `${Math.round(h * 100) / 100} hour${h === 1 ? '' : 's'}`;
        let fact: string;
        if (releaseUnknown) {
          // As the simulation counts a hold with no release time: at its limit's hours (the shortest
          // limit's, where the provisions that may decide it differ), the least the hold can last.
          const least = Math.min(...limits.map((h) => h.hours));
          // The limit that ends last from any release, if one does (more hours, and weekends left out if any other's are).
          const latest =
            limits.length > 1
              ? limits.find((h) =>
                  limits.every((m) => h.hours >= m.hours && (h.excludingWeekendsAndHolidays === true || !m.excludingWeekendsAndHolidays)),
                )
              : undefined;
          fact =
            `release time: ${NOT_IN_RECORDS}, so the hold's end is not known; the simulation counts it as ${hoursWords(least)}, ` +
            (limits.length > 1
              ? `the soonest it can end (the shortest of these limits)${latest ? `, and it ends no later than ${latest.hours} hours${latest.excludingWeekendsAndHolidays ? ', not counting weekends and holidays,' : ''} from release` : '; which of them ends latest turns on the day of release'}`
              : 'the least it can last');
        } else {
          // The simulation counts it to its soonest end (see simulate's holds of unsettled limit).
          const release = t.release[i]!;
          const held = (this.zone ? utcOfLocal(this.zone, ends[0]!) - utcOfLocal(this.zone, release) : ends[0]! - release) / 60;
          fact = `release time: ${formatDateTime(release)}; which of these provisions decides is not settled by the records, so the hold ends at the soonest at ${formatDateTime(ends[0]!)} and at the latest at ${formatDateTime(ends[ends.length - 1]!)}: its end is not known, and the simulation counts it to the soonest end (${hoursWords(held)})`;
        }
        reasons.push({
          provision: this.provisionIdOf(index),
          citation: this.citationOf(index),
          condition: `the hold lasts up to ${limitWords.join(', or ')} from release`,
          value: true,
          facts: [fact],
          depth: 0,
          // Not the first provision's alone: whichever of them decides the hold.
          ...(deciders
            ? { decidedByOneOf: deciders.map((k) => ({ provision: this.provisionIdOf(k), citation: this.citationOf(k) })) }
            : {}),
        });
      }
    }
    const decision: Decision = {
      id: caseId(t, i),
      outcome,
      holdUntil,
      provision: this.provisionIdOf(index),
      citation: this.citationOf(index),
      reasons,
    };
    if (deciders) decision.decidedByOneOf = deciders.map((k) => ({ provision: this.provisionIdOf(k), citation: this.citationOf(k) }));
    if (late) decision.requestAfterRelease = { requestedAt: formatDateTime(t.issued[i]!), releaseAt: formatDateTime(t.release[i]!) };
    if (open) {
      const whichOnly = dependsOnKeys(bound!.whichOnly!(i));
      decision.undetermined = {
        possible: OUTCOMES.filter((_, k) => possible & (1 << k)),
        dependsOn: dependsOnKeys(bound!.dependsOn!(i)),
        ...(whichOnly.length ? { whichProvisionOnly: whichOnly } : {}),
      };
      decision.undecided = this.undecidedOf(t, i)!;
    }
    return decision;
  }

  /**
   * For a case the records leave open (undecided on them): each outcome it could have, with the
   * provisions that would give it, in order ('default' for the otherwise clause), as DecisionRef.undecided
   * names them. Undefined where the decision is settled.
   */
  undecidedOf(t: CaseTable, i: number): Array<{ outcome: Outcome; under: Array<{ provision: string; citation: string }> }> | undefined {
    if (!t.hasUnknown) return undefined;
    const bound = this.bind(t);
    const possible = bound.possible!(i);
    if ((possible & (possible - 1)) === 0) return undefined;
    return outcomesUnder(bound.deciders!(i), bound.mayGive!(i)).map((x) => ({
      outcome: OUTCOMES[x.outcome]!,
      under: x.provisions.map((k) => ({ provision: this.provisionIdOf(k), citation: this.citationOf(k) })),
    }));
  }

  /**
   * The conviction rows (table rows, in record order) that satisfied the conviction tests of the
   * provision that decided row i: none when it was decided by a provision that reads no conviction,
   * by a test that holds without one (a negated conviction test, a warrant), or by the otherwise
   * clause. `decided` is the row's decision code when a simulation made it. Read on demand for the
   * rows a table shows; the decision loop is not touched.
   */
  decidingConvictionRows(t: CaseTable, i: number, decided?: number): { provision: number; readsConvictions: boolean; rows: number[] } {
    const index = (decided ?? this.decideRow(t, i).code) >> 2;
    const condition = index < this.provisions.length ? this.provisions[index]!.condition : undefined;
    if (!condition) return { provision: index, readsConvictions: false, rows: [] };
    const rows = new Set<number>();
    const reads = (node: ConditionNode): boolean => Boolean(node.counted) || node.children.some(reads);
    const value = (node: ConditionNode): Tri => (t.hasUnknown ? setAsTri(node.bindSet(t, { bits: 0 })(i)) : node.bind(t)(i));
    // Down the branches that hold (or, under "all", may hold: a finding left open), never under a
    // "not" (a negated conviction test holds because no conviction counts), to the conviction tests that hold.
    const visit = (node: ConditionNode): void => {
      if (node.kind === 'not') {
        const inner = node.children[0]!;
        if (inner.kind === 'not') visit(inner.children[0]!);
        return;
      }
      const v = value(node);
      if (v === FALSE) return;
      if (node.kind === 'leaf') {
        if (v === TRUE && node.counted) for (const j of node.counted(t, i)) rows.add(j);
        return;
      }
      for (const child of node.children) visit(child);
    };
    visit(condition);
    return { provision: index, readsConvictions: reads(condition), rows: [...rows].sort((a, b) => a - b) };
  }

  /** The last provision read for row i of a table with unknown facts: the first that surely applies (n when none does). */
  private lastProvisionRead(t: CaseTable, i: number): number {
    const track: FactTrack = { bits: 0 };
    for (let k = 0; k < this.provisions.length; k++) {
      const c = this.provisions[k]!.condition;
      if (!c || (c.bindSet(t, track)(i) & S_FALSE) === 0) return k;
    }
    return this.provisions.length;
  }
}

function traceNode(
  node: ConditionNode,
  t: CaseTable,
  i: number,
  provision: string,
  citation: string,
  depth: number,
  out: Reason[],
  words: (text: string) => string,
): void {
  // On a table with unknown facts, a value the records leave open reads "unknown" like a finding.
  const v = t.hasUnknown ? setAsTri(node.bindSet(t, { bits: 0 })(i)) : node.bind(t)(i);
  out.push({
    provision,
    citation,
    condition: words(node.reading),
    value: v === UNKNOWN ? 'unknown' : v === TRUE,
    facts: node.facts ? node.facts(t, i) : [],
    depth,
  });
  for (const child of node.children) traceNode(child, t, i, provision, citation, depth + 1, out, words);
}

function sameLimit(a: MaxHold, b: MaxHold): boolean {
  return a.hours === b.hours && (a.excludingWeekendsAndHolidays === true) === (b.excludingWeekendsAndHolidays === true);
}

function setAsTri(v: number): Tri {
  return v === S_TRUE ? TRUE : v === S_FALSE ? FALSE : UNKNOWN;
}

/** Compiles a valid ordinance. Call only after validation reports no errors. */
export function compile(ordinance: Ordinance, scenario?: Scenario | ResolvedScenario): CompiledPolicy {
  return new CompiledPolicy(ordinance, resolveScenario(scenario));
}

/** A hold for as long as the detainer's own form asks (the regulation's cap, 48 hours excluding weekends and holidays, for words). */
export const HOLD_AS_REQUESTED: MaxHold = { ...FEDERAL_MAX_HOLD, asRequested: true };

/**
 * The "honor every detainer" baseline: hold when asked (for as long as the detainer's form asks), else
 * notify. It has no time zone: a draft is compared with `honorAllFor(draft)`, the same in its zone.
 */
export const HONOR_ALL: Ordinance = {
  title: BASELINE_TITLE,
  jurisdiction: { name: 'Baseline', state: 'US' },
  sections: [
    {
      heading: 'Detainers honored',
      provisions: [
        { id: 'honor-hold', when: { requested: 'hold' }, outcome: 'hold', maxHold: HOLD_AS_REQUESTED },
        { id: 'honor-notify', when: { requested: 'notify' }, outcome: 'notify' },
      ],
    },
  ],
  otherwise: 'decline',
};

const BASELINES = new Map<string, Ordinance>();
const IS_BASELINE = new WeakSet<Ordinance>([HONOR_ALL]);

/**
 * The baseline a draft is compared with: honoring every detainer in the same jail, so on the draft's
 * clock. Its holds end when the form asks in the draft's time zone (48 calendar hours across a change
 * of the clocks are 47 or 49 on the wall clock); without a zone, on the wall clock, as the draft's.
 */
export function honorAllFor(draft: Pick<Ordinance, 'jurisdiction'> | undefined): Ordinance {
  const zone = draft?.jurisdiction.timeZone;
  if (!zone) return HONOR_ALL;
  let b = BASELINES.get(zone);
  if (!b) {
    b = Object.freeze({ ...HONOR_ALL, jurisdiction: Object.freeze({ ...HONOR_ALL.jurisdiction, timeZone: zone }) });
    BASELINES.set(zone, b);
    IS_BASELINE.add(b);
  }
  return b;
}

/** Whether an ordinance is the honor-every-detainer baseline (in some time zone). */
export function isHonorAll(o: Ordinance): boolean {
  return IS_BASELINE.has(o);
}
