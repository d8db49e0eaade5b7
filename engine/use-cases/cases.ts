// Use cases on case sets: a synthetic set built straight into the engine's table or written as a file
// in pieces, and the columns a case list shows, read out of the table so a face never decodes its bit flags.

import { C_JUVENILE, CaseTableBuilder, F_JUDICIAL, F_REQ_HOLD, F_REQ_NOTIFY, type CaseIds, type CaseTable } from '../case-table';
import { CLASS_BY_RANK, RANK_OF_BIT } from '../offense-rank';
import { prepareCase } from '../cases';
import { caseCsvHeader, caseCsvRow, csvGroupCounts, type CsvGroupCounts } from '../case-csv';
import { forEachGeneratedCase, generatedCases, GENERATED_GROUP_LIMITS, type GeneratorOptions } from '../generate';

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

/**
 * What a case list shows of each case, one typed array per column so a million rows cross to another
 * thread cheaply; the ids as code units (caseId gives case i's as text).
 */
export interface CaseColumns extends CaseIds {
  ages: Uint8Array;
  /** Bit 1: ICE asked for a hold; bit 2: for notice. */
  requests: Uint8Array;
  /** Convictions, not counting juvenile or youthful-offender adjudications (no conviction unless an ordinance counts them). */
  convictions: Uint16Array;
  judicialWarrant: Uint8Array;
  /**
   * The most serious prior conviction (juvenile adjudications left out, as above) and pending charge,
   * by class then degree: the offense (an index into `offenses`, 0 for none) and its class.
   */
  convictionOffense: Int32Array;
  convictionClass: Uint8Array;
  chargeOffense: Int32Array;
  chargeClass: Uint8Array;
  /** Offense names; index 0 is "" (no offense named). */
  offenses: readonly string[];
  /** Year of the booking. */
  years: Uint16Array;
}

export { CLASS_BY_RANK };

/**
 * The most serious of rows from..to-1, leaving out rows whose flags have a bit of `skip`: the highest
 * class, then within it the lowest degree (a first-degree felony before a third-degree one; a row
 * with no degree after any that has one), then the earliest row. [offense id, rank].
 */
function mostSerious(
  from: number,
  to: number,
  cls: Uint8Array,
  offense: Int32Array,
  degree: Uint16Array,
  flags?: Uint8Array,
  skip = 0,
): [number, number] {
  let best = -1;
  let rank = 0;
  let grade = Infinity;
  for (let r = from; r < to; r++) {
    if (flags && flags[r]! & skip) continue;
    const k = RANK_OF_BIT[cls[r]!] ?? 0;
    const g = degree[r] || Infinity;
    if (best < 0 || k > rank || (k === rank && g < grade)) {
      best = r;
      rank = k;
      grade = g;
    }
  }
  return best < 0 ? [0, 0] : [offense[best]!, Math.max(rank, 0)];
}

export function caseColumns(t: CaseTable): CaseColumns {
  const n = t.length;
  const columns: CaseColumns = {
    idUnits: t.idUnits.slice(0, t.idStart[n]!),
    idStart: t.idStart.slice(0, n + 1),
    ages: t.age.slice(0, n),
    requests: new Uint8Array(n),
    convictions: new Uint16Array(n),
    judicialWarrant: new Uint8Array(n),
    convictionOffense: new Int32Array(n),
    convictionClass: new Uint8Array(n),
    chargeOffense: new Int32Array(n),
    chargeClass: new Uint8Array(n),
    offenses: t.strings,
    years: new Uint16Array(n),
  };
  for (let i = 0; i < n; i++) {
    const f = t.flags[i]!;
    columns.requests[i] = f & (F_REQ_HOLD | F_REQ_NOTIFY);
    columns.judicialWarrant[i] = f & F_JUDICIAL ? 1 : 0;
    let adult = 0;
    for (let r = t.convStart[i]!; r < t.convStart[i + 1]!; r++) if (!(t.convFlags[r]! & C_JUVENILE)) adult++;
    columns.convictions[i] = Math.min(65535, adult);
    const [conviction, convictionRank] = mostSerious(
      t.convStart[i]!,
      t.convStart[i + 1]!,
      t.convCls,
      t.convOffense,
      t.convDegree,
      t.convFlags,
      C_JUVENILE,
    );
    columns.convictionOffense[i] = conviction;
    columns.convictionClass[i] = convictionRank;
    const [charge, chargeRank] = mostSerious(t.chargeStart[i]!, t.chargeStart[i + 1]!, t.chargeCls, t.chargeOffense, t.chargeDegree);
    columns.chargeOffense[i] = charge;
    columns.chargeClass[i] = chargeRank;
    columns.years[i] = t.bookedYmd[i]! >> 9;
  }
  return columns;
}

/** The transferable buffers of case columns. */
export function caseColumnBuffers(c: CaseColumns): ArrayBuffer[] {
  return [
    c.idUnits.buffer,
    c.idStart.buffer,
    c.ages.buffer,
    c.requests.buffer,
    c.convictions.buffer,
    c.judicialWarrant.buffer,
    c.convictionOffense.buffer,
    c.convictionClass.buffer,
    c.chargeOffense.buffer,
    c.chargeClass.buffer,
    c.years.buffer,
  ] as ArrayBuffer[];
}

export type GeneratedFormat = 'json' | 'csv';

/**
 * A synthetic case set as file text, in pieces, made as it is written: the same bytes as the whole
 * set written at once (CSV with as many charge, conviction and warrant columns as the set needs; JSON
 * indented up to 5,000 cases, compact beyond).
 */
export function* generatedCasesText(opts: GeneratorOptions, format: GeneratedFormat): Generator<string, void, undefined> {
  if (format === 'csv') {
    // The columns are known before the first row: the first pass stops once every group has all the
    // room a generated case can need.
    const counts: CsvGroupCounts = { charge: 0, conviction: 0, warrant: 0 };
    const full = (): boolean =>
      (Object.keys(GENERATED_GROUP_LIMITS) as Array<keyof CsvGroupCounts>).every((g) => counts[g] >= GENERATED_GROUP_LIMITS[g]);
    for (const c of generatedCases(opts)) {
      csvGroupCounts([c], counts);
      if (full()) break;
    }
    yield caseCsvHeader(counts) + '\n';
    for (const c of generatedCases(opts)) yield caseCsvRow(c, counts) + '\n';
    return;
  }
  if (opts.count <= 5000) {
    yield JSON.stringify([...generatedCases(opts)], null, 2) + '\n';
    return;
  }
  let first = true;
  for (const c of generatedCases(opts)) {
    yield (first ? '[' : ',') + JSON.stringify(c);
    first = false;
  }
  yield first ? '[]\n' : ']\n';
}
