// Choosing the cases of one facility or period from a set: the committee's own jail, last year.

import { didYouMean } from './diagnostics';
import { keepRows, type CaseTable } from './case-table';
import { formatDate, MINUTES_PER_DAY, parseDate } from './time';

export interface FacilityCount {
  /** The facility as the records name it (ICE's records: "NAME (CITY, ST)"). */
  name: string;
  cases: number;
}

/** The facilities a table's cases name, most cases first (then by name). */
export function facilitiesOf(t: CaseTable): FacilityCount[] {
  const counts = new Map<number, number>();
  for (let i = 0; i < t.length; i++) {
    const f = t.facility[i]!;
    if (f) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  return [...counts]
    .map(([f, cases]) => ({ name: t.strings[f]!, cases }))
    .sort((a, b) => b.cases - a.cases || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface CaseSelection {
  /** A facility: its full name, or its name without the place in parentheses, in any case. */
  facility?: string;
  /** First and last day of the request, as day numbers (both included). */
  fromDay?: number;
  toDay?: number;
}

export type SelectedCases = { ok: true; table: CaseTable; facility?: string } | { ok: false; problem: string };

const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toUpperCase();
const bare = (s: string) => fold(s.replace(/\s*\([^)]*\)\s*$/, ''));

/** The cases of one facility and period (by the date of the request). */
export function selectCases(t: CaseTable, sel: CaseSelection): SelectedCases {
  let facilityId = -1;
  let facility: string | undefined;
  if (sel.facility !== undefined) {
    const list = facilitiesOf(t);
    if (!list.length) return { ok: false, problem: 'no case in this set names a facility' };
    const want = fold(sel.facility);
    const hits = list.filter((f) => fold(f.name) === want);
    const named = hits.length ? hits : list.filter((f) => bare(f.name) === want);
    if (named.length !== 1) {
      // Compared without the place, as people name a jail.
      const bareGuess = didYouMean(
        bare(sel.facility),
        list.map((f) => bare(f.name)),
      );
      const guess =
        bareGuess === undefined
          ? didYouMean(
              sel.facility,
              list.map((f) => f.name),
            )
          : list.find((f) => bare(f.name) === bareGuess)?.name;
      return {
        ok: false,
        problem: named.length
          ? `"${sel.facility}" names ${named.length} facilities: ${named.map((f) => f.name).join('; ')}; give the full name`
          : `no facility named "${sel.facility}"${guess ? `; did you mean "${guess}"?` : ''} (the set names ${list.length}: ${list
              .slice(0, 8)
              .map((f) => f.name)
              .join('; ')}${list.length > 8 ? '; ...' : ''})`,
      };
    }
    facility = named[0]!.name;
    facilityId = t.strings.indexOf(facility);
  }
  const from = sel.fromDay ?? -Infinity;
  const to = sel.toDay ?? Infinity;
  if (facilityId < 0 && from === -Infinity && to === Infinity) return { ok: true, table: t };
  const keep = new Uint8Array(t.length);
  for (let i = 0; i < t.length; i++) {
    const day = Math.floor(t.issued[i]! / MINUTES_PER_DAY);
    keep[i] = (facilityId < 0 || t.facility[i] === facilityId) && day >= from && day <= to ? 1 : 0;
  }
  return { ok: true, table: keepRows(t, keep), ...(facility ? { facility } : {}) };
}

/** The first and last day of the requests in a table, as dates (YYYY-MM-DD); null when it has no case. */
export function periodOf(t: CaseTable): { first: string; last: string } | null {
  if (t.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < t.length; i++) {
    const day = Math.floor(t.issued[i]! / MINUTES_PER_DAY);
    if (day < first) first = day;
    if (day > last) last = day;
  }
  return { first: formatDate(first), last: formatDate(last) };
}

/** A choice of cases as a form gives it: a facility's name and the first and last day of the requests (YYYY-MM-DD); null or empty is no bound. */
export interface CaseChoice {
  facility: string | null;
  from: string | null;
  to: string | null;
}

export const ALL_CASES: CaseChoice = { facility: null, from: null, to: null };

/** The cases of a choice made in a form: its dates checked, then selectCases. */
export function chooseCases(t: CaseTable, choice: CaseChoice): SelectedCases {
  const day = (v: string | null, what: string): number | undefined | string => {
    if (v === null || v === '') return undefined;
    const d = parseDate(v);
    return Number.isNaN(d) ? `the ${what} date must be a date, YYYY-MM-DD, not ${JSON.stringify(v)}` : d;
  };
  const fromDay = day(choice.from, 'first');
  const toDay = day(choice.to, 'last');
  if (typeof fromDay === 'string') return { ok: false, problem: fromDay };
  if (typeof toDay === 'string') return { ok: false, problem: toDay };
  if (fromDay !== undefined && toDay !== undefined && toDay < fromDay) return { ok: false, problem: 'the last date is before the first' };
  const picked = selectCases(t, {
    ...(choice.facility ? { facility: choice.facility } : {}),
    ...(fromDay !== undefined ? { fromDay } : {}),
    ...(toDay !== undefined ? { toDay } : {}),
  });
  if (picked.ok && picked.table.length === 0 && t.length > 0) {
    const where = picked.facility ? ` at ${picked.facility}` : '';
    const when = [choice.from ? `from ${choice.from}` : '', choice.to ? `to ${choice.to}` : ''].filter(Boolean).join(' ');
    return { ok: false, problem: `no request${where}${when ? ` ${when}` : ''} in this set` };
  }
  return picked;
}
