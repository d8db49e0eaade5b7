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

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

const NODE_ID = /\(node(\d+)\)/g;
/** A name-tree leaf: its sorted `/Names [(id) ref ...]` array and the `/Limits [(first) (last)]` beside it. */
const NAME_TREE_LEAF = /<<[^<>]*\/Names\s*\[[^\]]*\][^<>]*>>/g;
const NAME_ENTRY = /\(node(\d+)\)\s+(\d+\s+\d+\s+R)/g;

/**
 * Renumbers the tagged-PDF element IDs Chromium writes as `(node00000060)` (table header cells, which
 * data cells name in /Headers). Chromium takes them from a counter of the page's DOM nodes that some
 * runs advance further, or in another order, than others, so two prints of one document differed in
 * these digits alone. Each ID becomes its rank of first appearance in the structure elements,
 * zero-padded to its own width, and the ID name tree is re-sorted by the new IDs: the file keeps its
 * length and offsets, and every reference still names its cell.
 */
export function normalizeStructureIds(pdf: Uint8Array): Uint8Array {
  const text = latin1(pdf);
  if (!text.includes('(node')) return pdf;
  // The name tree lists IDs sorted by their old numbers: that order must not decide the new ones.
  const leaves = [...text.matchAll(NAME_TREE_LEAF)].map((m) => [m.index, m.index + m[0].length] as const);
  const inLeaf = (i: number) => leaves.some(([a, b]) => i >= a && i < b);
  const renumbered = new Map<string, string>();
  const rank = (digits: string) => {
    if (!renumbered.has(digits)) renumbered.set(digits, String(renumbered.size + 1).padStart(digits.length, '0'));
  };
  for (const m of text.matchAll(NODE_ID)) if (!inLeaf(m.index)) rank(m[1]!);
  for (const m of text.matchAll(NODE_ID)) rank(m[1]!);
  const out = text
    .replace(NODE_ID, (whole, digits: string) => {
      const id = renumbered.get(digits)!;
      return id.length === digits.length ? `(node${id})` : whole;
    })
    .replace(NAME_TREE_LEAF, (leaf) => {
      const entries = [...leaf.matchAll(NAME_ENTRY)].map((m) => ({ id: m[1]!, ref: m[2]! }));
      if (entries.length === 0) return leaf;
      entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const names = entries.map((e) => `(node${e.id}) ${e.ref}`).join(' ');
      const sorted = leaf
        .replace(/(\/Names\s*\[)[^\]]*\]/, (_, open: string) => `${open}${names}]`)
        .replace(/(\/Limits\s*\[)\(node\d+\)(\s*)\(node\d+\)\]/, (_, open: string, gap: string) => {
          return `${open}(node${entries[0]!.id})${gap}(node${entries[entries.length - 1]!.id})]`;
        });
      return sorted.length === leaf.length ? sorted : leaf;
    });
  if (out.length !== text.length) return pdf;
  const bytes = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i);
  return bytes;
}
