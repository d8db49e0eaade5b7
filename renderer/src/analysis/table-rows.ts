// What the decision table and difference views show, worked out apart from React so it can be
// tested: the rows a filter keeps, the provisions to filter by, a row's facts in words, the
// completeness line, and a witness case as a case set `simulate` reads.

import type { DecisionTable, DecisionTableRow, DraftWitness, FactColumn, Outcome } from '../../../engine/index';

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

export interface ProvisionChoice {
  id: string;
  citation: string;
  /** "§ 2(a) Felony conviction", or "§ 3 otherwise" for the otherwise clause. */
  label: string;
  rows: number;
}

/** The provisions that decide some row, in the order the ordinance reads them, with their row counts. */
export function provisionChoices(rows: readonly DecisionTableRow[], headings: Readonly<Record<string, string>>): ProvisionChoice[] {
  const byId = new Map<string, ProvisionChoice>();
  for (const r of rows) {
    const seen = byId.get(r.provision);
    if (seen) {
      seen.rows++;
      continue;
    }
    const name = r.provision === 'default' ? 'otherwise' : (headings[r.provision] ?? r.provision);
    byId.set(r.provision, { id: r.provision, citation: r.citation, label: `${r.citation} ${name}`, rows: 1 });
  }
  // Rows come grouped by provision in reading order, so first appearance is reading order; the
  // otherwise clause is read last whatever its citation.
  return [...byId.values()].sort((a, b) => Number(a.id === 'default') - Number(b.id === 'default'));
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

/** "connecticut-trust-act-2014.decision-table.csv" from "connecticut-trust-act-2014.ordinance.yaml". */
export function exportBaseName(documentName: string): string {
  return documentName.replace(/\.ordinance\.ya?ml$|\.ya?ml$/i, '') || 'ordinance';
}
