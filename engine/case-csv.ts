// Writing booking cases as CSV in the documented columns (the inverse of the CSV reader), whole or
// one row at a time once the number of charge, conviction and warrant columns is known.
//
// A case set is data a records officer reads back: every character of an id or an offense is written as
// it is, the invisible ones too (removing a zero-width space would change the key a case or an offense
// is matched by, and merge two that differ by it). The readers report them where they matter (an id
// that holds one is refused); the printed exports, which are read by people, remove them.

import { CSV_CASE_COLUMNS, CSV_GROUP_COLUMNS } from './case-set';
import { csvField } from './csv';
import type { BookingCase } from './model';
import { RECORD_KEYS } from './model';

type Group = keyof typeof CSV_GROUP_COLUMNS;

/** How many charges, convictions and warrants the columns have room for. */
export type CsvGroupCounts = Record<Group, number>;

const GROUPS: ReadonlyArray<readonly [Group, (c: BookingCase) => ReadonlyArray<Record<string, unknown>>]> = [
  ['charge', (c) => (c.currentCharges ?? []) as unknown as Record<string, unknown>[]],
  ['conviction', (c) => (c.convictions ?? []) as unknown as Record<string, unknown>[]],
  ['warrant', (c) => (c.warrants ?? []) as unknown as Record<string, unknown>[]],
];

/** The room each group needs for these cases. */
export function csvGroupCounts(
  cases: Iterable<BookingCase>,
  into: CsvGroupCounts = { charge: 0, conviction: 0, warrant: 0 },
): CsvGroupCounts {
  for (const c of cases) for (const [g, list] of GROUPS) into[g] = Math.max(into[g], list(c).length);
  return into;
}

/** The header line (without its line break). */
export function caseCsvHeader(counts: CsvGroupCounts): string {
  const header = [...CSV_CASE_COLUMNS];
  for (const [g] of GROUPS) for (let i = 1; i <= counts[g]; i++) for (const f of CSV_GROUP_COLUMNS[g]) header.push(`${g}${i}.${f}`);
  return header.join(',');
}

const cell = (v: unknown): string => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join(';') : String(v));

/** One case as a CSV line (without its line break), in the columns `caseCsvHeader(counts)` names. */
export function caseCsvRow(c: BookingCase, counts: CsvGroupCounts): string {
  const row: string[] = [
    c.id,
    String(c.age),
    cell(c.bookedAt),
    cell(c.eligibleForReleaseAt),
    c.detainer.requests.join(';'),
    cell(c.detainer.issuedAt),
    cell(c.detainer.judicialWarrant),
    cell(c.detainer.administrativeWarrant),
    ...RECORD_KEYS.map((k) => cell(c.records?.[k])),
  ];
  for (const [g, list] of GROUPS) {
    const items = list(c);
    for (let i = 0; i < counts[g]; i++) for (const f of CSV_GROUP_COLUMNS[g]) row.push(cell(items[i]?.[f]));
  }
  return row.map(csvField).join(',');
}

export function casesToCsv(cases: readonly BookingCase[]): string {
  const counts = csvGroupCounts(cases);
  const lines = [caseCsvHeader(counts)];
  for (const c of cases) lines.push(caseCsvRow(c, counts));
  return lines.join('\n') + '\n';
}
