// Case ids as one run of UTF-16 code units with a start per case: what the case table and the columns
// a case list shows keep instead of a million strings. Code units, not UTF-8, so that every id a file
// can give (a JSON id may hold half a surrogate pair) reads back exactly, and ids compare as strings
// do. Nothing here is heavy, so a view may import it.

/**
 * Case i's id is idUnits[idStart[i], idStart[i + 1]). A million ids read from a file are written as
 * code units, not made into a million strings that live as long as the table; `caseId` gives one as
 * text when a face shows it. The units are bytes while every id's units are below 256 (ids are
 * mostly ASCII), else 16 bits.
 */
export interface CaseIds {
  readonly idUnits: Uint8Array | Uint16Array;
  /** One more than the cases: idStart[length] is where the last id ends. */
  readonly idStart: Int32Array;
}

/** Code units of one id, reused (no array is made per id). */
const units: number[] = [];

/** Case i's id. */
export function caseId(t: CaseIds, i: number): string {
  const a = t.idStart[i]!;
  const n = t.idStart[i + 1]! - a;
  const u = t.idUnits;
  units.length = n;
  for (let k = 0; k < n; k++) units[k] = u[a + k]!;
  return String.fromCharCode.apply(null, units);
}

/** The first case whose id is `id`, or -1. */
export function caseIndexOf(t: CaseIds, id: string): number {
  const u = t.idUnits;
  const cases = t.idStart.length - 1;
  for (let i = 0; i < cases; i++) {
    const a = t.idStart[i]!;
    if (t.idStart[i + 1]! - a !== id.length) continue;
    let k = 0;
    while (k < id.length && u[a + k] === id.charCodeAt(k)) k++;
    if (k === id.length) return i;
  }
  return -1;
}
