// The text of a run of UTF-8 bytes, as the case readers (CSV, workbook, ICE's records) take their
// cells. Kept apart from the workbook reader (xlsx.ts and its inflate library), so that what reads or
// writes CSV text (the decision table's CSV, the command line's `validate`) does not load it.

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
/** Arrays of each short length, filled with a run's character codes (no array is made per run). */
const codesOfLength: number[][] = Array.from({ length: 33 }, (_, n) => new Array<number>(n).fill(0));

/** The text of UTF-8 bytes b[from, to): short ASCII runs (numbers, references, codes) without a decoder. */
export function textOf(b: Uint8Array, from: number, to: number): string {
  const n = to - from;
  if (n <= 0) return '';
  if (n <= 32) {
    const codes = codesOfLength[n]!;
    let ascii = true;
    for (let i = 0; i < n; i++) {
      const c = b[from + i]!;
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      codes[i] = c;
    }
    if (ascii) return String.fromCharCode.apply(null, codes);
  }
  return utf8.decode(b.subarray(from, to));
}
