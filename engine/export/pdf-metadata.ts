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

const NODE_ID_OPEN = Array.from('(node', (c) => c.charCodeAt(0));

/**
 * Renumbers the tagged-PDF element IDs Chromium writes as `(node00000060)` (table header cells, which
 * data cells name in /Headers). Chromium takes them from a counter of the page's DOM nodes that some
 * runs advance further than others, so two prints of one document differed in these digits alone.
 * Each ID becomes its rank of first appearance, zero-padded to its own width: the file keeps its
 * length and offsets, and every reference still names its cell.
 */
export function normalizeStructureIds(pdf: Uint8Array): Uint8Array {
  const out = pdf.slice();
  const ranks = new Map<string, number>();
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== 0x28) continue; // '('
    let k = 0;
    while (k < NODE_ID_OPEN.length && out[i + k] === NODE_ID_OPEN[k]) k++;
    if (k < NODE_ID_OPEN.length) continue;
    const start = i + NODE_ID_OPEN.length;
    let end = start;
    while (end < out.length && out[end]! >= 0x30 && out[end]! <= 0x39 && end - start < 12) end++;
    if (end === start || out[end] !== 0x29) continue; // ')'
    let digits = '';
    for (let d = start; d < end; d++) digits += String.fromCharCode(out[d]!);
    if (!ranks.has(digits)) ranks.set(digits, ranks.size + 1);
    const renumbered = String(ranks.get(digits)!).padStart(end - start, '0');
    if (renumbered.length !== end - start) continue;
    for (let d = 0; d < renumbered.length; d++) out[start + d] = renumbered.charCodeAt(d);
    i = end;
  }
  return out;
}
