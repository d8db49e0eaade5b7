// A decision packed in one integer, as simulations hand them out per case: the deciding provision's
// number and the outcome, `(provision << 2) | outcome` with hold 0, notify 1, review 2, decline 3.

import { OUTCOMES, type Outcome } from './model';

export type DecisionCode = number;

/** The outcome's number: its place in OUTCOMES. */
export function outcomeNumberOf(code: DecisionCode): number {
  return code & 3;
}

export function outcomeOf(code: DecisionCode): Outcome {
  return OUTCOMES[code & 3]!;
}

/** The deciding provision's place among a simulated side's provisions (the otherwise clause is last). */
export function provisionNumberOf(code: DecisionCode): number {
  return code >> 2;
}

/** A provision as the results name it; the otherwise clause has the id `default`. */
export interface ProvisionRef {
  id: string;
  citation: string;
  heading?: string;
  outcome: Outcome;
}

export function decodeDecision(code: DecisionCode, provisions: readonly ProvisionRef[]): { outcome: Outcome; provision: ProvisionRef } {
  return { outcome: outcomeOf(code), provision: provisions[code >> 2]! };
}
