// Differences between two sequences (Myers' O((N+M)D) algorithm) and, built on it, a word-level
// difference between two texts with the edits gathered into readable insertions and deletions.

export type DiffOp = 'equal' | 'delete' | 'insert';

/** One step of an edit script: `a` and `b` are indexes into the old and the new sequence. */
export interface DiffStep {
  op: DiffOp;
  a: number;
  b: number;
}

/** Edit distance beyond which the middle of two sequences is treated as replaced wholesale. */
const MAX_EDITS = 1500;

/** The shortest edit script turning `a` into `b`, equal items compared with ===. */
export function diffSequences<T>(a: readonly T[], b: readonly T[]): DiffStep[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const steps: DiffStep[] = [];
  for (let i = 0; i < start; i++) steps.push({ op: 'equal', a: i, b: i });
  steps.push(...middle(a, b, start, endA, start, endB));
  for (let i = 0; i < a.length - endA; i++) steps.push({ op: 'equal', a: endA + i, b: endB + i });
  return steps;
}

function replaceAll(a0: number, a1: number, b0: number, b1: number): DiffStep[] {
  const out: DiffStep[] = [];
  for (let i = a0; i < a1; i++) out.push({ op: 'delete', a: i, b: b0 });
  for (let j = b0; j < b1; j++) out.push({ op: 'insert', a: a1, b: j });
  return out;
}

function middle<T>(a: readonly T[], b: readonly T[], a0: number, a1: number, b0: number, b1: number): DiffStep[] {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 || m === 0) return replaceAll(a0, a1, b0, b1);
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break outer;
      }
    }
  }
  if (found < 0) return replaceAll(a0, a1, b0, b1);
  const reversed: DiffStep[] = [];
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      reversed.push({ op: 'equal', a: a0 + x - 1, b: b0 + y - 1 });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) reversed.push({ op: 'insert', a: a0 + x, b: b0 + y - 1 });
      else reversed.push({ op: 'delete', a: a0 + x - 1, b: b0 + y });
    }
    x = prevX;
    y = prevY;
  }
  return reversed.reverse();
}

/** Words (with inner apostrophes, hyphens and periods, as in "I-200" or "54-192h"), single marks, and runs of space. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}§]+(?:['’.\-/][\p{L}\p{N}\p{M}]+)*|[^\s]/gu) ?? [];
}

export interface Segment {
  op: DiffOp;
  text: string;
}

/**
 * The word-level difference of two texts as segments. A change that touches several nearby words
 * reads as one deletion followed by one insertion, not as a word-by-word interleaving.
 */
export function diffWords(before: string, after: string): Segment[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const raw: Segment[] = diffSequences(a, b).map((s) => ({ op: s.op, text: s.op === 'insert' ? b[s.b]! : a[s.a]! }));
  // Merge neighbours with the same op.
  const merged: Segment[] = [];
  for (const s of raw) {
    const last = merged[merged.length - 1];
    if (last && last.op === s.op) last.text += s.text;
    else merged.push({ ...s });
  }
  // Gather each change region (changes joined by mere spaces) into one deletion and one insertion.
  const out: Segment[] = [];
  let i = 0;
  while (i < merged.length) {
    if (merged[i]!.op === 'equal') {
      out.push(merged[i]!);
      i++;
      continue;
    }
    let del = '';
    let ins = '';
    let j = i;
    while (j < merged.length) {
      const s = merged[j]!;
      if (s.op === 'delete') del += s.text;
      else if (s.op === 'insert') ins += s.text;
      else if (/^\s+$/.test(s.text) && j + 1 < merged.length && merged[j + 1]!.op !== 'equal') {
        del += s.text;
        ins += s.text;
      } else break;
      j++;
    }
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    i = j;
  }
  return out;
}

/** How alike two texts are, 0 to 1: the Dice coefficient of their sets of words. */
export function similarity(a: string, b: string): number {
  const wa = new Set(tokenize(a.toLowerCase()).filter((t) => /\S/.test(t)));
  const wb = new Set(tokenize(b.toLowerCase()).filter((t) => /\S/.test(t)));
  if (wa.size === 0 && wb.size === 0) return 1;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size);
}
