// How the simulation worker reads a case file it is handed: in the format its name says, and never
// as a set of no cases (the wrong file, a header without the case columns, every record bad).

import { caseFormatOf, formatCaseProblem, type CaseFormat, type CaseProblem, type CaseSet } from '../../../engine/index';

/**
 * The import options a file's name gives: jail-export.csv is read as CSV (its header checked against
 * the case columns), as the command line reads it; a name that says nothing, or a workbook's (read
 * apart), leaves the format to the file's start.
 */
export function caseFileOptions(name: string): { format?: CaseFormat } {
  const format = caseFormatOf(name);
  return format && format !== 'xlsx' ? { format } : {};
}

/** How many of a refused file's problems its message lists. */
const PROBLEMS_LISTED = 3;

/**
 * A file that gave no case, refused with its first problems. `mendRowItems`: one of the problems listed is
 * mended by reading the charge's columns one per row (an export of one row per charge), which the app
 * offers a way to from its refusal.
 */
export class CaseFileRefused extends Error {
  constructor(
    message: string,
    readonly mendRowItems: boolean,
  ) {
    super(message);
  }
}

/**
 * Throws CaseFileRefused, with the file's first problems, when the file gave no case at all. `said`: how
 * the app says a problem (the Map columns panel's way to mend it, from the problem's data).
 */
export function refuseEmpty(
  name: string,
  set: Pick<CaseSet, 'table' | 'problems' | 'total'>,
  said: (p: CaseProblem) => CaseProblem = (p) => p,
): void {
  if (set.table.length > 0) return;
  const problems = set.problems.map((p) => formatCaseProblem(name, said(p)));
  // A file refused before any record is read (its header, its syntax) is not said to hold no cases: its problems say why.
  const head =
    set.total > 0
      ? `${name} was not loaded: none of its ${set.total} record${set.total === 1 ? '' : 's'} can be simulated`
      : problems.length
        ? `${name} was not loaded:`
        : `${name} was not loaded: it holds no cases`;
  const listed = problems.slice(0, PROBLEMS_LISTED);
  const more = problems.length - listed.length;
  throw new CaseFileRefused(
    [head, ...listed, ...(more > 0 ? [`and ${more} more problem${more === 1 ? '' : 's'}`] : [])].join('\n'),
    set.problems.slice(0, PROBLEMS_LISTED).some((p) => p.mend?.kind === 'one-row-per-charge'),
  );
}
