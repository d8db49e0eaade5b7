// Use cases on case sets: a synthetic set built straight into the engine's table, and the columns a
// case list shows, read out of the table so a face never decodes its bit flags.

import { CaseTableBuilder, F_JUDICIAL, F_REQ_HOLD, F_REQ_NOTIFY, type CaseTable } from '../case-table';
import { prepareCase } from '../cases';
import { forEachGeneratedCase, type GeneratorOptions } from '../generate';

/** A seeded synthetic case set in the engine's table; a million cases are never all held as objects. */
export function generatedCaseTable(opts: GeneratorOptions): { table: CaseTable; problems: number } {
  const builder = new CaseTableBuilder(opts.count);
  let problems = 0;
  forEachGeneratedCase(opts, (c, i) => {
    const r = prepareCase(c, i);
    if (r.ok) builder.add(r.prepared);
    else problems += r.problems.length;
  });
  return { table: builder.finish(), problems };
}

/** What a case list shows of each case, one typed array per column so a million rows cross to another thread cheaply. */
export interface CaseColumns {
  ids: string[];
  ages: Uint8Array;
  /** Bit 1: ICE asked for a hold; bit 2: for notice. */
  requests: Uint8Array;
  convictions: Uint16Array;
  judicialWarrant: Uint8Array;
}

export function caseColumns(t: CaseTable): CaseColumns {
  const n = t.length;
  const columns: CaseColumns = {
    ids: t.ids.slice(0, n),
    ages: t.age.slice(0, n),
    requests: new Uint8Array(n),
    convictions: new Uint16Array(n),
    judicialWarrant: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const f = t.flags[i]!;
    columns.requests[i] = f & (F_REQ_HOLD | F_REQ_NOTIFY);
    columns.judicialWarrant[i] = f & F_JUDICIAL ? 1 : 0;
    columns.convictions[i] = Math.min(65535, t.convStart[i + 1]! - t.convStart[i]!);
  }
  return columns;
}

/** The transferable buffers of case columns. */
export function caseColumnBuffers(c: CaseColumns): ArrayBuffer[] {
  return [c.ages.buffer, c.requests.buffer, c.convictions.buffer, c.judicialWarrant.buffer] as ArrayBuffer[];
}
