// Writing booking cases as CSV in the documented columns (the inverse of the CSV reader).

import { CSV_CASE_COLUMNS, CSV_GROUP_COLUMNS } from './case-set';
import { csvField } from './csv';
import type { BookingCase } from './model';
import { RECORD_KEYS } from './model';

export function casesToCsv(cases: readonly BookingCase[]): string {
  const maxOf = (f: (c: BookingCase) => number) => cases.reduce((m, c) => Math.max(m, f(c)), 0);
  const groups: Array<[keyof typeof CSV_GROUP_COLUMNS, number, (c: BookingCase) => ReadonlyArray<Record<string, unknown>>]> = [
    ['charge', maxOf((c) => c.currentCharges?.length ?? 0), (c) => (c.currentCharges ?? []) as unknown as Record<string, unknown>[]],
    ['conviction', maxOf((c) => c.convictions?.length ?? 0), (c) => (c.convictions ?? []) as unknown as Record<string, unknown>[]],
    ['warrant', maxOf((c) => c.warrants?.length ?? 0), (c) => (c.warrants ?? []) as unknown as Record<string, unknown>[]],
  ];
  const header = [...CSV_CASE_COLUMNS];
  for (const [g, n] of groups) for (let i = 1; i <= n; i++) for (const f of CSV_GROUP_COLUMNS[g]) header.push(`${g}${i}.${f}`);
  const cell = (v: unknown): string => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join(';') : String(v));
  const lines = [header.join(',')];
  for (const c of cases) {
    const row: string[] = [
      c.id,
      String(c.age),
      c.bookedAt,
      c.eligibleForReleaseAt,
      c.detainer.requests.join(';'),
      cell(c.detainer.issuedAt),
      cell(c.detainer.judicialWarrant),
      cell(c.detainer.administrativeWarrant),
      ...RECORD_KEYS.map((k) => cell(c.records?.[k])),
    ];
    for (const [g, n, list] of groups) {
      const items = list(c);
      for (let i = 0; i < n; i++) for (const f of CSV_GROUP_COLUMNS[g]) row.push(cell(items[i]?.[f]));
    }
    lines.push(row.map(csvField).join(','));
  }
  return lines.join('\n') + '\n';
}
