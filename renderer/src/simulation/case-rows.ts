// Which cases the table shows and in what order: filters by outcome, deciding provision, changed
// decisions and id, and sorts, over typed arrays so a million cases stay quick.

import { visibleText } from '../../../engine/text-safety';
import { caseId, CLASS_BY_RANK } from '../../../engine/vocabulary';
import { count } from '../lib/format';
import type { DecidersOneOf, UndecidedBy } from '../../../engine/index';
import type { CaseColumns } from './protocol';

export type SortKey = 'id' | 'age' | 'outcome' | 'provision' | 'other';

export interface RowFilter {
  /** Outcome code (0 hold .. 3 decline), UNDECIDED_FILTER for the decisions the records cannot settle, or -1 for any. */
  outcome: number;
  /**
   * Provision index (the otherwise clause is `provisions.length`), or -1 for any: the cases it decides
   * and those it may decide (a settled case more than one provision may decide, or an undecided one it
   * may give an outcome), as the Decided-by cell names them.
   */
  provision: number;
  /** Only cases whose outcome differs under the compared policy. */
  changedOnly: boolean;
  /** Case ids containing this text (case-insensitive). */
  search: string;
}

export const NO_FILTER: RowFilter = { outcome: -1, provision: -1, changedOnly: false, search: '' };

/**
 * The outcome filter's value for undecided cases. Their code says review, but no person has been asked
 * to decide them: the records lack a fact the decision turns on. "Review" leaves them out, so each case
 * is under exactly one outcome filter and the filters' counts add up to the cases.
 */
export const UNDECIDED_FILTER = 4;

/** Whether the records leave case i more than one possible outcome (`possible` holds one bit per outcome). */
export function isUndecided(possible: Uint8Array | null | undefined, i: number): boolean {
  const p = possible ? possible[i]! : 0;
  return (p & (p - 1)) !== 0;
}

/** The outcome filter a case falls under: its outcome code, or UNDECIDED_FILTER. */
function outcomeFilterOf(code: number, possible: Uint8Array | null | undefined, i: number): number {
  return isUndecided(possible, i) ? UNDECIDED_FILTER : code & 3;
}

/** How many cases each outcome filter shows: hold, notify, review, decline, then undecided. */
export function outcomeFilterCounts(codes: Int32Array, possible: Uint8Array | null | undefined): number[] {
  const counts = [0, 0, 0, 0, 0];
  for (let i = 0; i < codes.length; i++) counts[outcomeFilterOf(codes[i]!, possible, i)]!++;
  return counts;
}

/**
 * The simulation's lists of the provisions that may decide a case where no one surely does: the
 * settled cases more than one may decide (`oneOf`) and the undecided ones (`undecidedBy`).
 */
export interface CaseDeciders {
  oneOf?: DecidersOneOf | null;
  undecidedBy?: UndecidedBy | null;
}

/** An undecided case's provisions, in order: each that would give one of the outcomes it could have. */
export function undecidedProvisions(set: UndecidedBy['sets'][number]): number[] {
  return [...new Set(set.flatMap((x) => x.provisions))].sort((a, b) => a - b);
}

/**
 * Per case, which provisions its Decided-by cell names: `has(i, k)` whether provision k decides case i
 * or may decide it, and `rank(i)` its place when the column is sorted (the lists of provisions in
 * order, as the cells read: § 2(a), then § 2(a) or § 2(b), then § 2(b)...).
 */
function decidersIndex(codes: Int32Array, d: CaseDeciders | null | undefined) {
  const oneOf = d?.oneOf ?? null;
  const undecided = d?.undecidedBy ?? null;
  const oneOfLists = oneOf?.sets ?? [];
  const undecidedLists = (undecided?.sets ?? []).map(undecidedProvisions);
  const setOf = (i: number): number[] | null => {
    const o = oneOf ? oneOf.of[i]! : 0;
    if (o) return oneOfLists[o - 1]!;
    const u = undecided ? undecided.of[i]! : 0;
    return u ? undecidedLists[u - 1]! : null;
  };
  let ranks: { single: Int32Array; oneOf: Int32Array; undecided: Int32Array } | null = null;
  const rankOf = () => {
    if (ranks) return ranks;
    let most = 0;
    for (let i = 0; i < codes.length; i++) most = Math.max(most, codes[i]! >> 2);
    const lists: Array<{ list: readonly number[]; kind: 0 | 1 | 2; at: number }> = [];
    for (let k = 0; k <= most; k++) lists.push({ list: [k], kind: 0, at: k });
    oneOfLists.forEach((list, at) => lists.push({ list, kind: 1, at }));
    undecidedLists.forEach((list, at) => lists.push({ list, kind: 2, at }));
    lists.sort((a, b) => {
      for (let j = 0; j < Math.min(a.list.length, b.list.length); j++) if (a.list[j] !== b.list[j]) return a.list[j]! - b.list[j]!;
      return a.list.length - b.list.length;
    });
    ranks = {
      single: new Int32Array(most + 1),
      oneOf: new Int32Array(oneOfLists.length),
      undecided: new Int32Array(undecidedLists.length),
    };
    let rank = -1;
    lists.forEach((x, j) => {
      // Lists that read alike share a place (a settled case and an undecided one under the same provisions).
      const prev = lists[j - 1];
      if (!prev || prev.list.length !== x.list.length || prev.list.some((v, m) => v !== x.list[m])) rank++;
      (x.kind === 0 ? ranks!.single : x.kind === 1 ? ranks!.oneOf : ranks!.undecided)[x.at] = rank;
    });
    return ranks;
  };
  return {
    has: (i: number, k: number): boolean => {
      const list = setOf(i);
      return list ? list.includes(k) : codes[i]! >> 2 === k;
    },
    rank: (i: number): number => {
      const r = rankOf();
      const o = oneOf ? oneOf.of[i]! : 0;
      if (o) return r.oneOf[o - 1]!;
      const u = undecided ? undecided.of[i]! : 0;
      return u ? r.undecided[u - 1]! : r.single[codes[i]! >> 2]!;
    },
  };
}

/**
 * For each provision (index; the otherwise clause last), how many cases it surely decides and how
 * many more it may decide (the Decided-by filter shows both): `count` entries each.
 */
export function deciderCounts(
  codes: Int32Array,
  d: CaseDeciders | null | undefined,
  count: number,
): { decides: number[]; mayDecide: number[] } {
  const decides = new Array<number>(count).fill(0);
  const mayDecide = new Array<number>(count).fill(0);
  const oneOf = d?.oneOf ?? null;
  const undecided = d?.undecidedBy ?? null;
  const undecidedLists = (undecided?.sets ?? []).map(undecidedProvisions);
  for (let i = 0; i < codes.length; i++) {
    const o = oneOf ? oneOf.of[i]! : 0;
    const u = undecided ? undecided.of[i]! : 0;
    const list = o ? oneOf!.sets[o - 1]! : u ? undecidedLists[u - 1]! : null;
    if (list) for (const k of list) mayDecide[k] = (mayDecide[k] ?? 0) + 1;
    else {
      const k = codes[i]! >> 2;
      decides[k] = (decides[k] ?? 0) + 1;
    }
  }
  return { decides, mayDecide };
}

/** Case indexes ordered by id, per case set: ids don't change between simulations, so sort once. */
const byIdCache = new WeakMap<CaseColumns, Int32Array>();

function orderById(columns: CaseColumns): Int32Array {
  let order = byIdCache.get(columns);
  if (!order) {
    const n = columns.idStart.length - 1;
    const units = columns.idUnits;
    const start = columns.idStart;
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    // Code unit by code unit, as strings compare, with no string made.
    order.sort((a, b) => {
      let i = start[a]!;
      let j = start[b]!;
      const iEnd = start[a + 1]!;
      const jEnd = start[b + 1]!;
      for (; i < iEnd && j < jEnd; i++, j++) if (units[i] !== units[j]) return units[i]! - units[j]!;
      return iEnd - i - (jEnd - j) || a - b;
    });
    byIdCache.set(columns, order);
  }
  return order;
}

/**
 * Whether case i's id holds `needle`, ignoring case as String.prototype.toLowerCase does: an ASCII id
 * is compared in place with A-Z folded (`needle` is the lower-case needle's code units when they are
 * all ASCII, else one unit no ASCII id holds); any other is made into text and lowered.
 */
function idHolds(columns: CaseColumns, i: number, needle: Uint16Array, needleText: string): boolean {
  const units = columns.idUnits;
  const a = columns.idStart[i]!;
  const e = columns.idStart[i + 1]!;
  for (let k = a; k < e; k++) if (units[k]! >= 0x80) return caseId(columns, i).toLowerCase().includes(needleText);
  outer: for (let k = a; k + needle.length <= e; k++) {
    for (let m = 0; m < needle.length; m++) {
      const c = units[k + m]!;
      if ((c >= 65 && c <= 90 ? c | 0x20 : c) !== needle[m]) continue outer;
    }
    return true;
  }
  return false;
}

export function selectRows(
  columns: CaseColumns,
  codes: Int32Array,
  otherCodes: Int32Array | null,
  filter: RowFilter,
  sort: { key: SortKey; descending: boolean },
  possible: Uint8Array | null = null,
  holdEndsDiffer: Uint8Array | null = null,
  deciders: CaseDeciders | null = null,
  apart: Uint8Array | null = null,
): Int32Array {
  // Decided by: a filter on a provision shows the cases it may decide too, and the column sorts as its cells read.
  const by = deciders?.oneOf || deciders?.undecidedBy ? decidersIndex(codes, deciders) : null;
  const n = Math.min(codes.length, columns.idStart.length - 1);
  const out = new Int32Array(n);
  const needle = filter.search.trim().toLowerCase();
  let needleUnits = Uint16Array.from({ length: needle.length }, (_, k) => needle.charCodeAt(k));
  // A needle with a character outside ASCII is in no ASCII id: it is given a unit no ASCII id holds.
  if (needleUnits.some((c) => c >= 0x80)) needleUnits = Uint16Array.of(0x80);
  // Walking the cases in id order leaves nothing to sort for the usual view (by case, ascending).
  const byId = sort.key === 'id';
  const order = byId ? orderById(columns) : null;
  let m = 0;
  for (let k = 0; k < n; k++) {
    const i = order ? order[k]! : k;
    if (i >= n) continue;
    const code = codes[i]!;
    if (filter.outcome >= 0 && outcomeFilterOf(code, possible, i) !== filter.outcome) continue;
    if (filter.provision >= 0 && (by ? !by.has(i, filter.provision) : code >> 2 !== filter.provision)) continue;
    // Decided differently: another outcome, or both hold and the holds end at different times; a case the
    // comparison counts apart (ICE's request came after release: no one is held or reported on it) is not
    // among the changed cases, as it is not in their count.
    if (filter.changedOnly && (!otherCodes || apart?.[i] || ((otherCodes[i]! & 3) === (code & 3) && !holdEndsDiffer?.[i]))) continue;
    if (needle && !idHolds(columns, i, needleUnits, needle)) continue;
    out[m++] = i;
  }
  const rows = out.slice(0, m);
  if (byId) return sort.descending ? rows.reverse() : rows;
  const dir = sort.descending ? -1 : 1;
  let compare: ((a: number, b: number) => number) | null = null;
  switch (sort.key) {
    case 'age':
      compare = (a, b) => dir * (columns.ages[a]! - columns.ages[b]!) || a - b;
      break;
    case 'outcome':
      compare = (a, b) => dir * ((codes[a]! & 3) - (codes[b]! & 3)) || a - b;
      break;
    case 'provision':
      compare = by ? (a, b) => dir * (by.rank(a) - by.rank(b)) || a - b : (a, b) => dir * ((codes[a]! >> 2) - (codes[b]! >> 2)) || a - b;
      break;
    case 'other':
      compare = otherCodes ? (a, b) => dir * ((otherCodes[a]! & 3) - (otherCodes[b]! & 3)) || a - b : null;
      break;
  }
  if (compare) rows.sort(compare);
  return rows;
}

/** "robbery (felony)", "felony", or "none"; the name's unsafe and invisible characters as escapes. */
export function offenseWords(offenses: readonly string[], offense: number, rank: number): string {
  const name = visibleText(offenses[offense] ?? '');
  const cls = CLASS_BY_RANK[rank] ?? '';
  return name ? (cls ? `${name} (${cls})` : name) : cls || 'none';
}

/** A case's most serious conviction, and how many others it has: "rape (felony) +3 more". */
export function convictionWords(columns: CaseColumns, i: number): string {
  const others = columns.convictions[i]! - 1;
  const most = offenseWords(columns.offenses, columns.convictionOffense[i]!, columns.convictionClass[i]!);
  return others > 0 ? `${most} +${count(others)} more` : most;
}

/**
 * The ids the case table's id column is sized by: those within `slack` code units of the longest
 * (wide letters can make a shorter id the wider), at most `limit` of them, each once. One pass over
 * the lengths, so a million cases cost a few milliseconds.
 */
export function longestIds(columns: Pick<CaseColumns, 'idStart' | 'idUnits'>, slack = 3, limit = 400): string[] {
  const start = columns.idStart;
  const cases = start.length - 1;
  let longest = 0;
  for (let i = 0; i < cases; i++) longest = Math.max(longest, start[i + 1]! - start[i]!);
  const seen = new Set<string>();
  for (let i = 0; i < cases && seen.size < limit; i++) if (start[i + 1]! - start[i]! >= longest - slack) seen.add(caseId(columns, i));
  return [...seen];
}
