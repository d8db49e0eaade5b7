// Makes a printed PDF reproducible: the creation and modification dates that print engines stamp
// from the wall clock become the document's own date (or are blanked), without moving a byte, so
// the cross-reference offsets stay valid.

function pdfDate(isoDate: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `D:${m[1]}${m[2]}${m[3]}000000Z` : undefined;
}

/**
 * Rewrites `/CreationDate (...)` and `/ModDate (...)` in place. With a date, the value becomes that
 * date (padded with spaces to the old length); without one, the entry is replaced by spaces.
 */
export function normalizePdfDates(pdf: Uint8Array, isoDate: string | undefined): Uint8Array {
  const out = pdf.slice();
  const stamp = isoDate ? pdfDate(isoDate) : undefined;
  const keys = ['/CreationDate', '/ModDate'].map((k) => Array.from(k, (c) => c.charCodeAt(0)));
  const space = 0x20;
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== 0x2f) continue; // '/'
    for (const key of keys) {
      let match = true;
      for (let k = 0; k < key.length; k++) {
        if (out[i + k] !== key[k]) {
          match = false;
          break;
        }
      }
      if (!match) continue;
      // The value: optional spaces, then a literal string "(...)" without nested parentheses.
      let open = i + key.length;
      while (out[open] === space) open++;
      if (out[open] !== 0x28) continue; // '('
      let close = open + 1;
      while (close < out.length && out[close] !== 0x29 && close - open < 64) close++;
      if (out[close] !== 0x29) continue;
      const room = close - open + 1;
      const value = stamp ? `(${stamp})` : '';
      if (stamp && value.length <= room) {
        for (let k = 0; k < room; k++) out[open + k] = k < value.length ? value.charCodeAt(k) : space;
      } else {
        // No date of its own (or no room): blank the whole entry, key included.
        for (let k = i; k <= close; k++) out[k] = space;
      }
      i = close;
      break;
    }
  }
  return out;
}
