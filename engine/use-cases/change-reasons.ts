// The decisions a draft changes, grouped by why: for each pair of deciding provisions (this draft's
// and the compared policy's) whose outcomes differ, how many cases, which way, and one case to explain.
// What a committee asks after "how many": "because of which provision, and for lack of which fact".

import { OUTCOMES, type Outcome } from '../model';
import type { DecidersOneOf, UndecidedBy } from '../simulate';

export interface ChangeGroup {
  /** Deciding provision under this draft and under the compared policy (index; the otherwise clause is last). */
  provision: number;
  otherProvision: number;
  outcome: Outcome;
  otherOutcome: Outcome;
  count: number;
  /** The first case of the group (an index into the case set), to explain as an example. */
  example: number;
  /**
   * Whether this draft's decision (otherOpen: the compared policy's) is open: the records cannot
   * settle it, so the outcome (review) stands for "not decided", not for a person's finding.
   */
  open: boolean;
  otherOpen: boolean;
  /** The facts the group's open decisions under this draft turn on (unknown-facts.ts bits, all cases together). */
  dependsOn: number;
  /** Set for cases both policies hold whose holds end at different times (the outcomes are the same). */
  holdEnds?: true;
  /**
   * Set when the group's outcome under this draft is settled but the records leave open which
   * provision gives it: each that may (indexes, `provision` the first of them). None is the deciding one.
   */
  deciders?: number[];
  /** The same under the compared policy. */
  otherDeciders?: number[];
  /**
   * Set when the group's decisions under this draft are open and the simulation says how: each outcome
   * they could have, with the provisions (indexes, in order) that would give it. `provision` is then only
   * the first that may apply; none decided them.
   */
  undecided?: Array<{ outcome: Outcome; provisions: number[] }>;
  /** The same under the compared policy. */
  otherUndecided?: Array<{ outcome: Outcome; provisions: number[] }>;
}

/**
 * Per case, what leaves a side's decisions open: `possible` outcomes (bits) and the facts that do
 * (`dependsOn`); and, of the settled ones, which provisions may give them where more than one may (`oneOf`).
 */
export interface OpenDecisions {
  possible?: Uint8Array;
  dependsOn?: Uint32Array;
  oneOf?: DecidersOneOf;
  /** Of the open ones, the outcomes each could have and the provisions that would give each (`undecidedBy`). */
  undecidedBy?: UndecidedBy;
}

const undecidedOf = (u: UndecidedBy, set: number): Array<{ outcome: Outcome; provisions: number[] }> =>
  u.sets[set - 1]!.map((x) => ({ outcome: OUTCOMES[x.outcome]!, provisions: x.provisions }));

const isOpen = (possible: Uint8Array | undefined, i: number) => {
  if (!possible) return false;
  const p = possible[i]!;
  return (p & (p - 1)) !== 0;
};

/**
 * Groups the cases decided differently under `codes` and `otherCodes` (decision codes:
 * provisionIndex << 2 | outcome) by the two deciding provisions, largest group first: those whose
 * outcome differs, and (with `holdEndsDiffer`, the simulation's per-case mark) those both hold whose
 * holds end at different times. The cases of `afterRelease` (indexes in order: the requests that came
 * after release, `SimulationResult.afterReleaseCases`) are in no group, as the comparison's changed
 * count leaves them out.
 */
export function changedDecisionGroups(
  codes: Int32Array,
  otherCodes: Int32Array,
  mine: OpenDecisions = {},
  theirs: OpenDecisions = {},
  holdEndsDiffer?: Uint8Array,
  afterRelease?: Int32Array,
): ChangeGroup[] {
  const n = Math.min(codes.length, otherCodes.length);
  // Keyed by both codes (and whether each is open) at once; a million cases make no strings and at most a few hundred keys.
  // A settled case more than one provision may decide is grouped by those provisions, not the first of them
  // (a string key: such cases are the few).
  const groups = new Map<number | string, ChangeGroup>();
  let nextLate = 0;
  for (let i = 0; i < n; i++) {
    if (afterRelease && nextLate < afterRelease.length && afterRelease[nextLate] === i) {
      nextLate++;
      continue;
    }
    const a = codes[i]!;
    const b = otherCodes[i]!;
    const endsOnly = (a & 3) === (b & 3);
    if (endsOnly && !holdEndsDiffer?.[i]) continue;
    const open = isOpen(mine.possible, i);
    const otherOpen = isOpen(theirs.possible, i);
    const set = open ? 0 : (mine.oneOf?.of[i] ?? 0);
    const otherSet = otherOpen ? 0 : (theirs.oneOf?.of[i] ?? 0);
    // An open case is grouped by the outcomes it could have and the provisions that would give each, not by the first that may apply.
    const by = open ? (mine.undecidedBy?.of[i] ?? 0) : 0;
    const otherBy = otherOpen ? (theirs.undecidedBy?.of[i] ?? 0) : 0;
    const code = (a * 0x10000 + b) * 4 + (open ? 2 : 0) + (otherOpen ? 1 : 0);
    const key = set || otherSet || by || otherBy ? `${code} ${set} ${otherSet} ${by} ${otherBy}` : code;
    const depends = open ? (mine.dependsOn?.[i] ?? 0) : 0;
    const g = groups.get(key);
    if (g) {
      g.count++;
      g.dependsOn |= depends;
    } else
      groups.set(key, {
        provision: a >> 2,
        otherProvision: b >> 2,
        outcome: OUTCOMES[a & 3]!,
        otherOutcome: OUTCOMES[b & 3]!,
        count: 1,
        example: i,
        open,
        otherOpen,
        dependsOn: depends,
        ...(endsOnly ? { holdEnds: true as const } : {}),
        ...(set ? { deciders: mine.oneOf!.sets[set - 1]! } : {}),
        ...(otherSet ? { otherDeciders: theirs.oneOf!.sets[otherSet - 1]! } : {}),
        ...(by ? { undecided: undecidedOf(mine.undecidedBy!, by) } : {}),
        ...(otherBy ? { otherUndecided: undecidedOf(theirs.undecidedBy!, otherBy) } : {}),
      });
  }
  return [...groups.values()].sort((x, y) => y.count - x.count || x.provision - y.provision || x.otherProvision - y.otherProvision);
}
