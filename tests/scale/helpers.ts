// Shared helpers for the import and scale tests: feeding an importer in chunks, the reference
// reading of a CSV file, and prepared cases as plain facts for comparison.

import {
  CaseImporter,
  prepareCase,
  type CaseProblem,
  type CaseSet,
  type CaseTable,
  type ImportOptions,
  type PreparedCase,
  caseId,
} from '../../engine/index';
import { caseFromRow, planColumns } from '../../engine/import/columns';
import type { ColumnMapping } from '../../engine/import/mapping';
import { readCsv } from '../../engine/csv';

/** Test time limit: the default for `npm test`; none to speak of for a long FUZZ_RUNS campaign. */
export const fuzzTimeout: number | undefined = process.env.FUZZ_RUNS ? 24 * 3600_000 : undefined;

/** Number of fast-check runs: short in `npm test`, longer with FUZZ_RUNS=100000. */
export function runs(normal: number): number {
  const env = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(env) && env > 0 ? Math.max(normal, Math.round((env * normal) / 1000)) : normal;
}

/** Imports text fed in chunks of the given sizes (cycled); a size of 0 means "the rest". */
export function importInChunks(text: string | Uint8Array, sizes: readonly number[], options: ImportOptions = {}): CaseSet {
  const importer = new CaseImporter(options);
  let at = 0;
  let k = 0;
  while (at < text.length) {
    const size = sizes.length ? sizes[k++ % sizes.length]! : 0;
    const end = size <= 0 ? text.length : Math.min(text.length, at + size);
    importer.push(text.slice(at, end));
    at = end;
  }
  return importer.finish();
}

/** A prepared case as plain data: every fact the compiled policy reads, and the rebuilt source. */
export function facts(c: PreparedCase): Record<string, unknown> {
  const offense = (o: { cls: number; degreeBit: number; cats: number; catNames: readonly string[]; offense?: string }) => ({
    cls: o.cls,
    degreeBit: o.degreeBit,
    cats: o.cats,
    catNames: [...o.catNames],
    offense: o.offense,
  });
  return {
    id: c.id,
    age: c.age === 0 ? 0 : c.age,
    booked: c.booked,
    release: c.release,
    issued: c.issued,
    issuedDay: c.issuedDay,
    issued3: [c.issuedY, c.issuedM, c.issuedD],
    bookedDay: c.bookedDay,
    booked3: [c.bookedY, c.bookedM, c.bookedD],
    req: [c.reqHold, c.reqNotify],
    judicial: c.judicial,
    admin: c.admin,
    records: c.records,
    charges: c.charges.map((x) => ({ ...offense(x), bondPosted: x.bondPosted, bondable: x.bondable, probableCause: x.probableCause })),
    convictions: c.convictions.map((x) => ({
      ...offense(x),
      convicted: x.convicted,
      released: x.released,
      later: x.later,
      laterDays: x.incarceratedLater === 0 ? 0 : x.incarceratedLater,
      current: x.current,
      juvenile: x.juvenile,
    })),
    warrants: c.warrants.map((w) => ({ criminal: w.criminal, jurisdiction: w.jurisdiction, felony: w.felony })),
  };
}

/**
 * Every column of every row of a case table, strings resolved: what a compiled policy reads. Used
 * to check a table written by the importer against one built from prepared cases.
 */
export function tableRows(t: CaseTable): Array<Record<string, unknown>> {
  const range = (start: Int32Array, i: number) => Array.from({ length: start[i + 1]! - start[i]! }, (_, k) => start[i]! + k);
  return Array.from({ length: t.length }, (_, i) => ({
    id: caseId(t, i),
    case: [
      t.age[i],
      t.flags[i],
      t.records[i],
      t.booked[i],
      t.release[i],
      t.issued[i],
      t.issuedYmd[i],
      t.bookedYmd[i],
      t.issuedDay[i],
      t.bookedDay[i],
    ],
    convictions: range(t.convStart, i).map((j) => [
      t.convCls[j],
      t.convDegree[j],
      t.convCats[j],
      t.convFlags[j],
      t.convOnYmd[j],
      t.convRelYmd[j],
      t.convLaterYmd[j],
      t.convOnDay[j],
      t.convRelDay[j],
      t.convLaterDay[j],
      t.convIncLater[j],
      t.convIncLaterJuv[j],
      t.convIncDays[j],
      t.convHasRelease[j],
      t.strings[t.convOffense[j]!],
      t.strings[t.convCatList[j]!],
    ]),
    charges: range(t.chargeStart, i).map((j) => [
      t.chargeCls[j],
      t.chargeDegree[j],
      t.chargeCats[j],
      t.chargeFlags[j],
      t.strings[t.chargeOffense[j]!],
      t.strings[t.chargeCatList[j]!],
    ]),
    warrants: range(t.warrantStart, i).map((j) => [t.warrantFlags[j], t.warrantJurisdiction[j]]),
  }));
}

export interface ReferenceRow {
  row: number;
  ok: boolean;
  facts?: Record<string, unknown>;
  prepared?: PreparedCase;
  problems?: CaseProblem[];
}

/** The reference reading of a whole CSV text: header planned, each row through caseFromRow + prepareCase. */
export function referenceCsv(text: string, mapping?: ColumnMapping): { header: string[] | undefined; rows: ReferenceRow[] } {
  const records: Array<{ row: number; fields: string[] }> = [];
  readCsv(text, (r) => records.push(r));
  if (records.length === 0) return { header: undefined, rows: [] };
  const { plan } = planColumns(records[0]!.fields, mapping);
  if (!plan) return { header: records[0]!.fields, rows: [] };
  return {
    header: records[0]!.fields,
    rows: records.slice(1).map((r, i) => {
      const { value, problems } = caseFromRow(plan, r.fields);
      const p = prepareCase(value, i);
      if (problems) return { row: r.row, ok: false, problems: problems.map((q) => ({ index: i, ...q })) };
      return p.ok
        ? { row: r.row, ok: true, facts: facts(p.prepared), prepared: p.prepared }
        : { row: r.row, ok: false, problems: p.problems };
    }),
  };
}

/** Rows (file row numbers) that have at least one problem. */
export function badRows(set: CaseSet): number[] {
  return [...new Set(set.problems.filter((p) => p.index >= 0).map((p) => p.row!))].sort((a, b) => a - b);
}
