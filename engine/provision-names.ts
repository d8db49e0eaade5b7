// A provision's name as every face shows it to a reader: its citation and heading ("§ 2(a) Serious
// offenses"); for one without a heading, its citation and what it does in plain words, in square brackets; the otherwise
// clause as such; a rule of the honor-every-request baseline by its rule's words. Never its id alone.

import { BASELINE_REASONS } from './baseline-reasons';
import type { Outcome } from './model';
import { OUTCOME_ACTS } from './outcome-acts';

/** What a name is built from: a provision as the results name it (the otherwise clause has the id `default`). */
export interface NameableProvision {
  id: string;
  citation: string;
  heading?: string | undefined;
  outcome?: Outcome | undefined;
}

/** Whether the reference is a rule of the honor-every-request baseline (its citation is its rule's words). */
export function isBaselineRule(p: Pick<NameableProvision, 'id' | 'citation'>): boolean {
  return Object.hasOwn(BASELINE_REASONS, p.id) && BASELINE_REASONS[p.id] === p.citation;
}

/**
 * The provision's title, without its citation: its heading; "Otherwise" for the otherwise clause; for a
 * provision without one, what it does in square brackets ("[no heading; declines the detainer]"), or
 * "[no heading]" when its outcome is not known yet: words of the studio's, not the ordinance's, marked as an
 * editor's insertion is, and never nested in the round brackets a name is often printed in ("decline
 * (§ 2(c) [no heading; declines the detainer])"); the baseline's rule in its words ("honor all: hold as requested").
 */
export function provisionTitle(p: NameableProvision): string {
  return titleIn(p, 'detainer');
}

/** provisionTitle, naming the detainer by `term` (the ordinance's, as its text does) where it says what one does. */
function titleIn(p: NameableProvision, term: string): string {
  if (isBaselineRule(p)) return p.citation;
  if (p.id === 'default') return 'Otherwise';
  const heading = p.heading?.trim();
  if (heading) return heading;
  return p.outcome ? `[no heading; ${OUTCOME_ACTS[p.outcome].does(term)}]` : '[no heading]';
}

/**
 * A provision's title for a cell too narrow for what an unheaded provision does (a table's "Provision" or
 * "Decided by" column): its heading, "Otherwise", a baseline rule's words, or "[no heading]" alone, where
 * the row's outcome column beside it says what the provision gives. The cell's title (its tooltip and, for
 * a control, its accessible name) carries the whole provisionTitle.
 */
export function provisionShortTitle(p: NameableProvision): string {
  if (isBaselineRule(p) || p.id === 'default' || p.heading?.trim()) return titleIn(p, 'detainer');
  return '[no heading]';
}

/** provisionName for a narrow cell: citation and provisionShortTitle ("§ 2(b) [no heading]"). */
export function provisionShortName(p: NameableProvision): string {
  if (isBaselineRule(p)) return p.citation;
  return `${p.citation} ${provisionShortTitle(p)}`.trim();
}

/** The provision's name: citation and title ("§ 2(a) Serious offenses"), a baseline rule by its words alone. */
export function provisionName(p: NameableProvision): string {
  return provisionNameIn(p, 'detainer');
}

/** provisionName, naming the detainer by `term` (the ordinance's own, as its text does) where it says what one does. */
export function provisionNameIn(p: NameableProvision, term: string): string {
  if (isBaselineRule(p)) return p.citation;
  return `${p.citation} ${titleIn(p, term)}`.trim();
}

/**
 * Names the provisions of one policy by id and citation, as the results refer to them (`default`: the
 * otherwise clause): provisionName of the provision among `provisions`, its citation alone when the id is
 * not one of them (still never the id). `term` names the detainer, as provisionNameIn's.
 */
export function provisionNamer(provisions: readonly NameableProvision[], term = 'detainer'): (id: string, citation: string) => string {
  const byId = new Map(provisions.map((p) => [p.id, p]));
  return (id, citation) => {
    const p = byId.get(id);
    if (p) return provisionNameIn({ ...p, citation }, term);
    return id === 'default' || isBaselineRule({ id, citation }) ? provisionName({ id, citation }) : citation;
  };
}
