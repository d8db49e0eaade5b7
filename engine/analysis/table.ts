// The decision table: every combination of the facts an ordinance reads, grouped into the ranges its
// conditions distinguish, with the outcome and the deciding provision — the complete, finite truth
// of the policy — plus a check that the rows cover every combination exactly once.

import { canonicalJson, fingerprint } from '../canonical';
import { csvField } from '../csv';
import { xmlSafe } from '../xml-safe';
import type { BookingCase, MaxHold, Ordinance, Outcome, Scenario } from '../model';
import { maxHoldWords } from '../wording';
import { TRUE_NODE } from './bdd';
import { ageWords, columnValues, factColumns, type FactColumn } from './describe';
import { DEFAULT_AGE, FactSpace } from './facts';
import { SymbolicPolicy, Verifier } from './policy';

export interface DecisionTableRow {
  /** Column key to the value this row fixes; "any" when the outcome does not depend on it here. */
  facts: Record<string, string>;
  outcome: Outcome;
  /** What the provision allows before the outcome is limited to what ICE requested. */
  allowed: Outcome;
  provision: string;
  citation: string;
  maxHold?: MaxHold;
  /** True when the row goes to review because a discretionary finding decides. */
  byDiscretion: boolean;
  /** How many full combinations of the columns the row stands for. */
  combinations: number;
  /** A concrete booking case of the row (the simplest), decided by the engine as the row says. */
  example: BookingCase;
  /** The agreement the example assumes, when the agreement is a column. */
  exampleReimbursementAgreement?: boolean;
}

export interface DecisionTable {
  title: string;
  fingerprint: string;
  columns: FactColumn[];
  rows: DecisionTableRow[];
  /** Every combination of the columns the facts allow. */
  totalCombinations: number;
  /** True when the rows cover every combination exactly once (each reaches a provision or the default). */
  complete: boolean;
  /** Combinations the otherwise clause decides. */
  defaultCombinations: number;
  /** False when part of the analysis had to be bounded (see notes). */
  exact: boolean;
  notes: string[];
  /** Rows whose example the engine decided differently (an analysis bug if ever non-empty). */
  mismatches: Array<{ row: number; expected: string; engine: string }>;
}

export interface DecisionTableOptions {
  /** Fixes the reimbursement agreement and holidays; without it the agreement is a column when read. */
  scenario?: Scenario;
  /** Stop after this many rows (the table says it is incomplete). Default 5000. */
  maxRows?: number;
}

const OUTCOME_ORDER: Record<Outcome, number> = { hold: 0, notify: 1, review: 2, decline: 3 };

export function decisionTable(o: Ordinance, opts: DecisionTableOptions = {}): DecisionTable {
  const space = new FactSpace([o], {
    realOffensesOnly: true,
    ...(opts.scenario ? { reimbursementAgreement: opts.scenario.reimbursementAgreement ?? false } : {}),
  });
  const policy = new SymbolicPolicy(space, 0, o);
  const verifier = new Verifier(opts.scenario ?? {});
  const b = space.bdd;
  const columns = factColumns(space, o);
  const maxRows = opts.maxRows ?? 5000;
  const rows: DecisionTableRow[] = [];
  const mismatches: DecisionTable['mismatches'] = [];
  let covered = 0;
  let truncated = false;
  const defaults = space.defaults();
  const regions = [...policy.regions].sort(
    (x, y) =>
      x.provisionIndex - y.provisionIndex ||
      OUTCOME_ORDER[x.outcome] - OUTCOME_ORDER[y.outcome] ||
      Number(x.byDiscretion) - Number(y.byDiscretion),
  );
  // Age is coded in bits: a row is a cube of the other facts and a range of age intervals. Cubes are
  // split into ranges, merged over the other facts per range, then neighbouring ranges are merged;
  // only then is each row's example made and decided by the engine.
  const ageBits = new Set(space.ageBits);
  const otherVars = space.atomVars.filter((v) => !ageBits.has(v));
  const candidates: Array<{ region: (typeof regions)[number]; cube: Int8Array; from: number; to: number }> = [];
  for (const region of regions) {
    const listed = b.cubes(region.set, Math.max(maxRows * 4, 20000));
    if (!listed.complete) truncated = true;
    const byRange = new Map<string, { from: number; to: number; cubes: Int8Array[] }>();
    for (const cube of listed.cubes) {
      const runs = ageRuns(space, cube);
      // The range stands for the age bits from here on.
      const rest = cube.slice();
      for (const v of space.ageBits) rest[v] = -1;
      for (const [from, to] of runs) {
        const key = `${from}-${to}`;
        const group = byRange.get(key) ?? { from, to, cubes: [] };
        group.cubes.push(rest.slice());
        byRange.set(key, group);
      }
    }
    const merged: Array<{ cube: Int8Array; from: number; to: number }> = [];
    for (const g of byRange.values()) for (const cube of mergeCubes(g.cubes, otherVars)) merged.push({ cube, from: g.from, to: g.to });
    for (const m of mergeAgeRanges(merged, otherVars)) candidates.push({ region, ...m });
  }
  if (candidates.length > maxRows) truncated = true;
  for (const { region, cube, from, to } of candidates.slice(0, maxRows)) {
    let free = 0;
    for (const v of otherVars) if (cube[v] === -1) free++;
    const combinations = 2 ** free * (to - from + 1);
    covered += combinations;
    // Every completion of a path lies in the set; the defaults make it the simplest one, at the age
    // in the range nearest the default person's.
    const values = new Int8Array(cube.length);
    for (let v = 0; v < cube.length; v++) values[v] = cube[v] === -1 ? defaults[v]! : cube[v]!;
    if (space.ageBits.length) space.setIntervalOf(values, nearestInterval(space, from, to));
    const concrete = space.concretize(values, `row-${rows.length + 1}`);
    const facts = columnValues(space, cube);
    if (space.ageBits.length) facts.age = ageWords(space.intervalRange(from).lo, space.intervalRange(to).hi);
    const row: DecisionTableRow = {
      facts,
      outcome: region.outcome,
      allowed: region.allowed,
      provision: region.provision,
      citation: region.citation,
      byDiscretion: region.byDiscretion,
      combinations,
      example: concrete.case,
    };
    if (region.maxHold) row.maxHold = region.maxHold;
    if (concrete.reimbursementAgreement !== undefined) row.exampleReimbursementAgreement = concrete.reimbursementAgreement;
    const d = verifier.decideCode(o, concrete);
    if (d.outcome !== region.outcome || d.provision !== region.provision) {
      mismatches.push({
        row: rows.length,
        expected: `${region.outcome} by ${region.provision}`,
        engine: `${d.outcome} by ${d.provision}`,
      });
    }
    rows.push(row);
  }
  const total = space.count(TRUE_NODE);
  return {
    title: o.title,
    fingerprint: fingerprint(o),
    columns,
    rows: space.frames.length > 1 ? mergeFrames(rows, space.frames.length) : rows,
    totalCombinations: total,
    complete: !truncated && covered === total,
    defaultCombinations: space.count(policy.reachesDefault),
    exact: space.exact,
    notes: truncated ? [...space.notes, `only the first ${maxRows} rows are listed`] : [...space.notes],
    mismatches,
  };
}

/**
 * Fewer rows for the same combinations: two disjoint cubes that differ only in one atom (0 in one,
 * 1 in the other) are one cube with that atom free. Repeated until nothing merges.
 */
export function mergeCubes(cubes: Int8Array[], vars: readonly number[]): Int8Array[] {
  if (cubes.length < 2) return cubes;
  const width = cubes[0]!.length;
  // A random 32-bit word per (variable, value); a cube's hash is the XOR over its variables.
  let seed = 0x2545f491;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  const word = Array.from({ length: width }, () => [random(), random(), random()]);
  const hashOf = (c: Int8Array) => {
    let h = 0;
    for (let i = 0; i < width; i++) h ^= word[i]![c[i]! + 1]!;
    return h >>> 0;
  };
  const sameExcept = (a: Int8Array, b: Int8Array, v: number) => {
    for (let i = 0; i < width; i++) if (i !== v && a[i] !== b[i]) return false;
    return true;
  };
  let list = cubes.map((c) => ({ c, h: hashOf(c) }));
  for (let changed = true; changed;) {
    changed = false;
    for (const v of vars) {
      const waiting = new Map<number, number[]>();
      const out: Array<{ c: Int8Array; h: number }> = [];
      for (const e of list) {
        const x = e.c[v]!;
        if (x === -1) {
          out.push(e);
          continue;
        }
        const key = (e.h ^ word[v]![x + 1]!) >>> 0;
        const candidates = waiting.get(key);
        const at = candidates?.findIndex((i) => out[i]!.c[v] === 1 - x && sameExcept(out[i]!.c, e.c, v)) ?? -1;
        if (candidates && at >= 0) {
          const mate = out[candidates[at]!]!;
          mate.h = (mate.h ^ word[v]![mate.c[v]! + 1]! ^ word[v]![0]!) >>> 0;
          mate.c[v] = -1;
          candidates.splice(at, 1);
          changed = true;
        } else {
          if (candidates) candidates.push(out.length);
          else waiting.set(key, [out.length]);
          out.push(e);
        }
      }
      list = out;
    }
  }
  return list.map((e) => e.c);
}

/** The age intervals a cube allows, as runs of neighbouring intervals [from, to]. */
function ageRuns(space: FactSpace, cube: Int8Array): Array<[number, number]> {
  if (space.ageBits.length === 0) return [[0, 0]];
  const js = space.ageIntervals(cube);
  const runs: Array<[number, number]> = [];
  for (const j of js) {
    const last = runs[runs.length - 1];
    if (last && last[1] === j - 1) last[1] = j;
    else runs.push([j, j]);
  }
  return runs;
}

/** Rows equal in every other fact, for neighbouring age ranges, become one row (until none merge). */
function mergeAgeRanges(
  rows: Array<{ cube: Int8Array; from: number; to: number }>,
  vars: readonly number[],
): Array<{ cube: Int8Array; from: number; to: number }> {
  const keyOf = (c: Int8Array) => vars.map((v) => c[v]).join('');
  const groups = new Map<string, Array<{ cube: Int8Array; from: number; to: number }>>();
  for (const r of rows) {
    const k = keyOf(r.cube);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const out: Array<{ cube: Int8Array; from: number; to: number }> = [];
  for (const g of groups.values()) {
    g.sort((x, y) => x.from - y.from);
    let cur = { ...g[0]! };
    for (const r of g.slice(1)) {
      if (r.from === cur.to + 1) cur.to = r.to;
      else {
        out.push(cur);
        cur = { ...r };
      }
    }
    out.push(cur);
  }
  return out;
}

/** The interval in [from, to] nearest the default person's age. */
function nearestInterval(space: FactSpace, from: number, to: number): number {
  let best = from;
  for (let j = from; j <= to; j++) {
    const r = space.intervalRange(j);
    const distance = DEFAULT_AGE < r.lo ? r.lo - DEFAULT_AGE : DEFAULT_AGE >= r.hi ? DEFAULT_AGE - (r.hi - 1) : 0;
    const bestRange = space.intervalRange(best);
    const bestDistance =
      DEFAULT_AGE < bestRange.lo ? bestRange.lo - DEFAULT_AGE : DEFAULT_AGE >= bestRange.hi ? DEFAULT_AGE - (bestRange.hi - 1) : 0;
    if (distance < bestDistance) best = j;
  }
  return best;
}

/**
 * The frame (how long after the arrest the request comes) is coded in bits, which splits rows that
 * do not depend on it; rows equal in everything else and together covering every frame become one.
 */
function mergeFrames(rows: DecisionTableRow[], frames: number): DecisionTableRow[] {
  const keyOf = (r: DecisionTableRow) => {
    const { frame: _frame, ...rest } = r.facts;
    return JSON.stringify([rest, r.outcome, r.allowed, r.provision, r.byDiscretion]);
  };
  const keys = rows.map(keyOf);
  const groups = new Map<string, DecisionTableRow[]>();
  rows.forEach((r, i) => {
    const g = groups.get(keys[i]!);
    if (g) g.push(r);
    else groups.set(keys[i]!, [r]);
  });
  const out: DecisionTableRow[] = [];
  const done = new Set<DecisionTableRow>();
  rows.forEach((r, i) => {
    if (done.has(r)) return;
    const group = groups.get(keys[i]!)!;
    const covered = new Set(group.flatMap((g) => (g.facts.frame ?? '').split(' or ')));
    if (group.length > 1 && covered.size === frames && group.every((g) => g.facts.frame !== 'any')) {
      group.forEach((g) => done.add(g));
      out.push({ ...r, facts: { ...r.facts, frame: 'any' }, combinations: group.reduce((n, g) => n + g.combinations, 0) });
    } else {
      done.add(r);
      out.push(r);
    }
  });
  return out;
}

function holdWords(h: MaxHold | undefined): string {
  return h ? maxHoldWords(h).replace(/,$/, '') : '';
}

/**
 * A cell of the table's CSV: the ordinance's words as every export prints them (`xmlSafe`: the
 * characters that do not show removed, controls and direction overrides replaced with U+FFFD), so a
 * provision or a category reads the same here as in the officer guide's table and the HTML and DOCX
 * text, and a spreadsheet shows no name reversed nor two alike that differ; then guarded (`csvField`).
 * The table is a report, never read back: no key is changed. A case set written as CSV
 * (engine/case-csv.ts) is data read back, and keeps every character.
 */
const tableCell = (text: string): string => csvField(xmlSafe(text));

/** The table as CSV: one column per fact, then the outcome, what the policy allows, the provision, its citation and the hold limit. */
export function decisionTableCsv(t: DecisionTable): string {
  const header = [...t.columns.map((c) => c.label), 'Outcome', 'Policy allows', 'Provision', 'Citation', 'Maximum hold', 'Combinations'];
  const lines = [header.map(tableCell).join(',')];
  for (const r of t.rows) {
    const cells = [
      ...t.columns.map((c) => r.facts[c.key] ?? 'any'),
      r.outcome,
      r.byDiscretion ? 'review (discretionary finding)' : r.allowed,
      r.provision,
      r.citation,
      holdWords(r.maxHold),
      String(r.combinations),
    ];
    lines.push(cells.map(tableCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** A stable identity of a table's content, for caching in the app. */
export function decisionTableKey(t: DecisionTable): string {
  return canonicalJson({ f: t.fingerprint, rows: t.rows.map((r) => [r.facts, r.outcome, r.provision]) });
}
