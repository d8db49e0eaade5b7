// A provision's name as every face shows it to a reader: its citation and heading ("§ 2(a) Serious
// offenses"); for one without a heading, its citation and what it does in plain words; the otherwise
// clause as such; a rule of the honor-every-request baseline by its rule's words. Never its id alone.

import { BASELINE_REASONS } from './baseline-reasons';
import type { Outcome } from './model';

/** What a name is built from: a provision as the results name it (the otherwise clause has the id `default`). */
export interface NameableProvision {
  id: string;
  citation: string;
  heading?: string | undefined;
  outcome?: Outcome | undefined;
}

/** What a provision gives, for a provision without a heading. */
const DOES: Record<Outcome, string> = {
  hold: 'holds the person on the detainer',
  notify: 'notifies ICE of the release, without a hold',
  review: 'refers the detainer to a person’s finding',
  decline: 'declines the detainer',
};

/** Whether the reference is a rule of the honor-every-request baseline (its citation is its rule's words). */
export function isBaselineRule(p: Pick<NameableProvision, 'id' | 'citation'>): boolean {
  return Object.hasOwn(BASELINE_REASONS, p.id) && BASELINE_REASONS[p.id] === p.citation;
}

/**
 * The provision's title, without its citation: its heading; "Otherwise" for the otherwise clause; for a
 * provision without one, what it does in brackets ("(no heading; declines the detainer)"), or "(no heading)"
 * when its outcome is not known yet; the baseline's rule in its words ("honor all: hold as requested").
 */
export function provisionTitle(p: NameableProvision): string {
  if (isBaselineRule(p)) return p.citation;
  if (p.id === 'default') return 'Otherwise';
  const heading = p.heading?.trim();
  if (heading) return heading;
  return p.outcome ? `(no heading; ${DOES[p.outcome]})` : '(no heading)';
}

/** The provision's name: citation and title ("§ 2(a) Serious offenses"), a baseline rule by its words alone. */
export function provisionName(p: NameableProvision): string {
  if (isBaselineRule(p)) return p.citation;
  return `${p.citation} ${provisionTitle(p)}`.trim();
}
