// What an outcome does, in every form the product's words need: the one table of these words, so that
// a finding, a message and a provision's name say the same thing of the same outcome. Apart from the
// wording module, so that names can be made without loading it.

import type { Outcome } from './model';

export interface OutcomeAct {
  /** "§ 3(a) holds", "§ 3(b) answers with notice of release only". */
  readonly gives: string;
  /** "the cases § 3(b) would decline". */
  readonly would: string;
  /** "are held", "are left to a person’s finding". */
  readonly decidedAs: string;
  /** What a provision does to a detainer, naming it by `term`: "holds the person where the detainer asks for a hold, and gives notice where it asks only for notice", "declines the detainer". */
  readonly does: (term: string) => string;
}

/**
 * What a provision's outcome does to the cases it decides: `verb`, its third person (`gives`) and its
 * participle (`done`), the words that follow (`rest`) and what it acts on, a detainer named `{term}`.
 */
function act(verb: string, gives: string, done: string, rest: string, object: string): OutcomeAct {
  return {
    gives: gives + rest,
    would: `would ${verb}${rest}`,
    decidedAs: done + rest,
    does: (term) => `${gives} ${object.replace('{term}', term)}${rest}`,
  };
}

export const OUTCOME_ACTS: Readonly<Record<Outcome, OutcomeAct>> = {
  // A hold provision gives a hold only where the detainer asks for one, and on a request for notice
  // alone gives notice (the request limits every outcome): its name says both, true for every case.
  hold: act('hold', 'holds', 'held', '', 'the person where the {term} asks for a hold, and gives notice where it asks only for notice'),
  notify: act('answer', 'answers', 'answered', ' with notice of release only', 'the {term}'),
  review: act('leave', 'leaves', 'left', ' to a person’s finding', 'the {term}'),
  decline: act('decline', 'declines', 'declined', '', 'the {term}'),
};
