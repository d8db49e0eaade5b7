// What the decision table and difference views show, worked out apart from React so it can be
// tested: the rows a filter keeps, the provisions to filter by, a row's facts in words, the
// completeness line, and a witness case as a case set `simulate` reads.

import type { DecisionTable, DecisionTableRow, DraftWitness, FactColumn, Ordinance, Outcome } from '../../../engine/index';
import { provisionName } from '../../../engine/vocabulary';
import { withoutUnsafeOrInvisible } from '../../../engine/text-safety';

export interface TableFilter {
  outcome: Outcome | null;
  /** A provision id (`default` for the otherwise clause). */
  provision: string | null;
}

export const NO_TABLE_FILTER: TableFilter = { outcome: null, provision: null };

/** Indices of the rows the filter keeps, in the table's order. */
export function filterRows(rows: readonly DecisionTableRow[], filter: TableFilter): number[] {
  const out: number[] = [];
  rows.forEach((r, i) => {
    if (filter.outcome !== null && r.outcome !== filter.outcome) return;
    if (filter.provision !== null && r.provision !== filter.provision) return;
    out.push(i);
  });
  return out;
}

/** Each provision's heading and outcome, by id, as the draft gives them: what a row's provision is named from. */
export type ProvisionHeads = Readonly<Record<string, { heading?: string; outcome?: Outcome }>>;

/** The heading and outcome of each of the draft's provisions, by id (sent with the table from the worker). */
export function provisionHeadsOf(o: Ordinance): ProvisionHeads {
  const out: Record<string, { heading?: string; outcome?: Outcome }> = {};
  for (const s of o.sections)
    for (const p of s.provisions ?? [])
      out[p.id] = {
        ...(p.heading !== undefined ? { heading: p.heading } : {}),
        ...(p.outcome !== undefined ? { outcome: p.outcome } : {}),
      };
  return out;
}

/**
 * The provision that decides a row, named as every face names it: "§ 2(a) Known gang member", "§ 2(c)
 * [no heading; declines the detainer]", "§ 3 Otherwise"; never by its id.
 */
export function rowProvisionName(r: Pick<DecisionTableRow, 'provision' | 'citation'>, provisions: ProvisionHeads): string {
  const p = Object.hasOwn(provisions, r.provision) ? provisions[r.provision] : undefined;
  return provisionName({ id: r.provision, citation: r.citation, heading: p?.heading, outcome: p?.outcome });
}

export interface ProvisionChoice {
  id: string;
  citation: string;
  /** "§ 2(a) Felony conviction", or "§ 3 Otherwise" for the otherwise clause. */
  label: string;
  rows: number;
}

/** The provisions that decide some row, in the order the ordinance reads them, with their row counts. */
export function provisionChoices(rows: readonly DecisionTableRow[], provisions: ProvisionHeads): ProvisionChoice[] {
  const byId = new Map<string, ProvisionChoice>();
  for (const r of rows) {
    const seen = byId.get(r.provision);
    if (seen) {
      seen.rows++;
      continue;
    }
    byId.set(r.provision, { id: r.provision, citation: r.citation, label: rowProvisionName(r, provisions), rows: 1 });
  }
  // Rows come grouped by provision in reading order, so first appearance is reading order; the
  // otherwise clause is read last whatever its citation.
  return [...byId.values()].sort((a, b) => Number(a.id === 'default') - Number(b.id === 'default'));
}

/** The widths (px) of the decision table's columns: the two pinned at the left, and each fact's. */
export interface GridWidths {
  outcome: number;
  provision: number;
  fact: number;
}

/** The widths in a pane wide enough for all of them. */
export const FULL_GRID_WIDTHS: GridWidths = { outcome: 118, provision: 240, fact: 150 };

/**
 * The columns' widths in a grid `pane` pixels wide. The outcome and its provision stay in view while the
 * facts scroll sideways under them, so the two take little more than half the pane and a whole fact column always
 * shows beside them: at 1024 pixels the grid is about 350 wide, and pinned at full width the two would
 * cover it and leave the facts (and the combinations) nowhere to be seen. A provision's name cut short
 * shows whole in its tooltip and in the row's panel. Unmeasured (0), the full widths.
 */
export function gridWidths(pane: number): GridWidths {
  const full = FULL_GRID_WIDTHS;
  if (pane <= 0 || pane >= full.outcome + full.provision + 2 * full.fact) return full;
  const fact = pane < 480 ? 130 : full.fact;
  const outcome = pane < 480 ? 100 : full.outcome;
  const room = Math.min(Math.floor(pane * 0.55), pane - fact);
  const provision = Math.max(96, Math.min(full.provision, room - outcome));
  return { outcome, provision, fact };
}

/** The facts a row fixes, each in a full sentence, and the columns it leaves open ("any"). */
export function rowFacts(
  columns: readonly FactColumn[],
  row: DecisionTableRow,
): { fixed: Array<{ column: FactColumn; value: string }>; open: FactColumn[] } {
  const fixed: Array<{ column: FactColumn; value: string }> = [];
  const open: FactColumn[] = [];
  for (const column of columns) {
    const value = row.facts[column.key] ?? 'any';
    if (value === 'any') open.push(column);
    else fixed.push({ column, value });
  }
  return { fixed, open };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * What the table assumes of a reimbursement agreement, in one sentence: as set, or varied, and then
 * whether a column shows it (only a draft that reads the agreement gets one).
 */
export function reimbursementLine(t: DecisionTable, choice: 'either' | 'yes' | 'no'): string {
  if (choice !== 'either') return `Assuming the reimbursement agreement is ${choice === 'yes' ? 'in force' : 'not in force'}.`;
  return t.columns.some((c) => c.key === 'reimbursementAgreement')
    ? 'The reimbursement agreement is varied: its column shows where it matters.'
    : 'The draft never reads a reimbursement agreement, so no column shows one.';
}

/** The completeness check in one sentence, as counsel would read it. */
export function completenessLine(t: DecisionTable): string {
  const rows = plural(t.rows.length, 'row');
  const cover = t.rows.length === 1 ? 'covers' : 'cover';
  const combinations = plural(t.totalCombinations, 'combination');
  const facts = plural(t.columns.length, 'fact');
  const otherwise =
    t.defaultCombinations === 0
      ? 'the otherwise clause decides none of them'
      : `the otherwise clause decides ${t.defaultCombinations.toLocaleString('en-US')} of them`;
  if (t.complete) {
    return `Complete: ${rows} ${cover} all ${combinations} of the ${facts} this draft reads, each exactly once. Every combination reaches a provision or the otherwise clause; ${otherwise}.`;
  }
  // Every ordinance has an otherwise clause, so a table falls short only when it was cut off.
  return `Not the whole table: ${rows} ${cover} only part of the ${combinations} of the ${facts} this draft reads${t.notes.length ? ` (${t.notes.join('; ')})` : ''}.`;
}

/** A witness of a difference as a case set of one, the shape `detainer-studio simulate --cases` reads. */
export function witnessCaseSet(w: DraftWitness): string {
  return JSON.stringify([w.case], null, 2) + '\n';
}

/** A stable name of a kind of difference, the same the CLI's `--json` gives as `kind`. */
export function kindKey(kind: DraftWitness['kind']): string {
  return `${kind.a.provision}:${kind.a.outcome}|${kind.b.provision}:${kind.b.outcome}`;
}

/**
 * "connecticut-trust-act-2014.decision-table.csv" from "connecticut-trust-act-2014.ordinance.yaml";
 * without the document name's direction overrides, controls and invisible characters, so the file saved
 * reads as it is.
 */
export function exportBaseName(documentName: string): string {
  return withoutUnsafeOrInvisible(documentName).replace(/\.ordinance\.ya?ml$|\.ya?ml$/i, '') || 'ordinance';
}
