// The values a condition may take on a case that leaves facts unknown: a set of "false", "true" and
// "a person must decide" (the three values of the compiled engine), combined value by value, so a
// provision whose condition could go either way is known to be open and the outcomes it could give
// are all counted. Used only for case tables with unknown facts; fully known tables never come here.

export const S_FALSE = 1;
export const S_TRUE = 2;
/** A discretionary finding: the provision's outcome becomes review. */
export const S_FINDING = 4;
/** True or false: the case's records don't settle it. */
export const S_OPEN = S_FALSE | S_TRUE;

/** A condition's possible values for case row i, as a set of S_ bits. */
export type SetFn = (i: number) => number;

/** The unknown facts read by conditions whose value they left open, for the case evaluated last. */
export interface FactTrack {
  bits: number;
}

const ELEMENTS = [S_FALSE, S_TRUE, S_FINDING];

function and1(a: number, b: number): number {
  if (a === S_FALSE || b === S_FALSE) return S_FALSE;
  return a === S_FINDING || b === S_FINDING ? S_FINDING : S_TRUE;
}

function or1(a: number, b: number): number {
  if (a === S_TRUE || b === S_TRUE) return S_TRUE;
  return a === S_FINDING || b === S_FINDING ? S_FINDING : S_FALSE;
}

function table(op: (a: number, b: number) => number): Uint8Array {
  const out = new Uint8Array(64);
  for (let a = 1; a < 8; a++)
    for (let b = 1; b < 8; b++) {
      let r = 0;
      for (const x of ELEMENTS) if (a & x) for (const y of ELEMENTS) if (b & y) r |= op(x, y);
      out[(a << 3) | b] = r;
    }
  return out;
}

/** SET_AND[(a << 3) | b]: every value of x and y for x in a, y in b (Kleene logic, value by value). */
export const SET_AND = table(and1);
export const SET_OR = table(or1);
/** Negation swaps true and false; a finding stays a finding. */
export const SET_NOT = Uint8Array.from({ length: 8 }, (_, v) => (v & S_FINDING) | (v & S_FALSE ? S_TRUE : 0) | (v & S_TRUE ? S_FALSE : 0));

/** A single value (not open): what the three-valued engine would give. */
export function isSingle(v: number): boolean {
  return v === S_FALSE || v === S_TRUE || v === S_FINDING;
}

/** How many of the certain (2), possible (1) or impossible (0) parts a match has: the weaker of two. */
export const NO = 0;
export const MAYBE = 1;
export const YES = 2;
