// The decisions a draft changes, grouped by why: for each pair of deciding provisions (this draft's
// and the compared policy's) whose outcomes differ, how many cases, which way, and one case to explain.
// What a committee asks after "how many": "because of which provision, and for lack of which fact".

import { OUTCOMES, type Outcome } from '../model';

export interface ChangeGroup {
  /** Deciding provision under this draft and under the compared policy (index; the otherwise clause is last). */
  provision: number;
  otherProvision: number;
  outcome: Outcome;
  otherOutcome: Outcome;
  count: number;
  /** The first case of the group (an index into the case set), to explain as an example. */
  example: number;
}

/**
 * Groups the cases whose outcome differs between `codes` and `otherCodes` (decision codes:
 * provisionIndex << 2 | outcome) by the two deciding provisions, largest group first.
 */
export function changedDecisionGroups(codes: Int32Array, otherCodes: Int32Array): ChangeGroup[] {
  const n = Math.min(codes.length, otherCodes.length);
  // Keyed by both codes at once; a million cases make no strings and at most a few hundred keys.
  const groups = new Map<number, ChangeGroup>();
  for (let i = 0; i < n; i++) {
    const a = codes[i]!;
    const b = otherCodes[i]!;
    if ((a & 3) === (b & 3)) continue;
    const key = a * 0x10000 + b;
    const g = groups.get(key);
    if (g) g.count++;
    else
      groups.set(key, {
        provision: a >> 2,
        otherProvision: b >> 2,
        outcome: OUTCOMES[a & 3]!,
        otherOutcome: OUTCOMES[b & 3]!,
        count: 1,
        example: i,
      });
  }
  return [...groups.values()].sort((x, y) => y.count - x.count || x.provision - y.provision || x.otherProvision - y.otherProvision);
}
