// Reduced ordered binary decision diagrams: the exact, symbolic representation of sets of fact
// combinations that the lint, the decision table and the draft difference reason with.

/** Raised when an analysis would grow past the sizes a drafting tool can afford. */
export class AnalysisTooLarge extends Error {}

export const FALSE_NODE = 0;
export const TRUE_NODE = 1;

const MAX_NODES = 1 << 21;
const MAX_VARS = 1 << 11;
const TERMINAL_LEVEL = MAX_VARS;
const OP_AND = 0;
const OP_OR = 1;
const OP_NOT = 2;
const OP_DIFF = 3;

/** A path of a BDD: per variable 0 (false), 1 (true) or -1 (either). */
export type Cube = Int8Array;

/**
 * A hash of three small integers, as a signed 32-bit integer: every caller masks it to a table's size,
 * which takes the same low bits either way. Not made unsigned (`>>> 0`): a number of 2^31 or more is
 * no small integer to V8, and on baseline code (the validate command's, cli/baseline-code.ts) each
 * such hash was a heap number allocated: about half of the 300,000 hashes of a check of the
 * 300-provision benchmark draft.
 */
function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d);
}

/**
 * A BDD manager. Variables are numbered in creation order, which is also their order in every
 * diagram. Nodes are shared and immutable. The tables are typed arrays (an open-addressing unique
 * table and a direct-mapped operation cache), so building diagrams allocates almost nothing.
 */
export class Bdd {
  private level: Int32Array;
  private low: Int32Array;
  private high: Int32Array;
  private size = 2;
  /** Node index + 1 per slot (0: empty); linear probing. */
  private unique: Int32Array;
  private uniqueMask: number;
  /** Operation cache: operands (op in the low bits of the first) and result, per slot. */
  private cacheA: Int32Array;
  private cacheB: Int32Array;
  private cacheR: Int32Array;
  private cacheMask: number;
  private readonly varNodes: number[] = [];
  private nextVar = 0;
  private costMemo = new Float64Array(0);
  private costStamp = new Int32Array(0);
  private costCall = 0;
  private walkSeen = new Int32Array(0);
  private walkCall = 0;
  private existsMemo = new Int32Array(0);
  private existsStamp = new Int32Array(0);
  private existsCall = 0;

  /** `capacity`: nodes to make room for at first (the tables grow as needed). */
  constructor(capacity = 1024) {
    const size = Math.max(16, 1 << Math.ceil(Math.log2(capacity)));
    this.level = new Int32Array(size);
    this.low = new Int32Array(size);
    this.high = new Int32Array(size);
    this.unique = new Int32Array(size * 2);
    this.uniqueMask = size * 2 - 1;
    const cache = Math.max(64, size * 16);
    this.cacheA = new Int32Array(cache).fill(-1);
    this.cacheB = new Int32Array(cache);
    this.cacheR = new Int32Array(cache);
    this.cacheMask = cache - 1;
    this.level[0] = TERMINAL_LEVEL;
    this.level[1] = TERMINAL_LEVEL;
  }

  get varCount(): number {
    return this.nextVar;
  }

  get nodeCount(): number {
    return this.size;
  }

  /** A new variable, ordered after every existing one. */
  newVar(): number {
    if (this.nextVar >= MAX_VARS) throw new AnalysisTooLarge(`more than ${MAX_VARS} facts to reason about`);
    const v = this.nextVar++;
    this.varNodes.push(this.mk(v, FALSE_NODE, TRUE_NODE));
    return v;
  }

  /** The diagram of "variable v is true". */
  v(v: number): number {
    return this.varNodes[v]!;
  }

  /** The diagram of "variable v is false". */
  nv(v: number): number {
    return this.not(this.varNodes[v]!);
  }

  literal(v: number, value: boolean): number {
    return value ? this.v(v) : this.nv(v);
  }

  varOf(node: number): number {
    return this.level[node]!;
  }

  lowOf(node: number): number {
    return this.low[node]!;
  }

  highOf(node: number): number {
    return this.high[node]!;
  }

  isTerminal(node: number): boolean {
    return node < 2;
  }

  private mk(v: number, lo: number, hi: number): number {
    if (lo === hi) return lo;
    const mask = this.uniqueMask;
    let slot = hash3(v, lo, hi) & mask;
    for (;;) {
      const e = this.unique[slot]!;
      if (e === 0) break;
      const n = e - 1;
      if (this.level[n] === v && this.low[n] === lo && this.high[n] === hi) return n;
      slot = (slot + 1) & mask;
    }
    if (this.size >= this.level.length) this.grow();
    const n = this.size++;
    this.level[n] = v;
    this.low[n] = lo;
    this.high[n] = hi;
    this.unique[slot] = n + 1;
    if (this.size * 2 > mask) this.rehash();
    return n;
  }

  private rehash(): void {
    const cap = this.unique.length * 2;
    const table = new Int32Array(cap);
    const mask = cap - 1;
    for (let n = 2; n < this.size; n++) {
      let slot = hash3(this.level[n]!, this.low[n]!, this.high[n]!) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = n + 1;
    }
    this.unique = table;
    this.uniqueMask = mask;
    // The operation cache grows with the diagrams (its contents are only a cache).
    if (this.cacheA.length < cap && cap <= 1 << 20) {
      this.cacheA = new Int32Array(cap).fill(-1);
      this.cacheB = new Int32Array(cap);
      this.cacheR = new Int32Array(cap);
      this.cacheMask = cap - 1;
    }
  }

  private grow(): void {
    const cap = this.level.length * 2;
    if (cap > MAX_NODES) throw new AnalysisTooLarge('the analysis needs more than two million decision-diagram nodes');
    const l = new Int32Array(cap);
    l.set(this.level);
    this.level = l;
    const lo = new Int32Array(cap);
    lo.set(this.low);
    this.low = lo;
    const hi = new Int32Array(cap);
    hi.set(this.high);
    this.high = hi;
  }

  private cached(op: number, a: number, b: number): number {
    const slot = hash3(op, a, b) & this.cacheMask;
    return this.cacheA[slot] === ((a << 2) | op) && this.cacheB[slot] === b ? this.cacheR[slot]! : -1;
  }

  private remember(op: number, a: number, b: number, r: number): void {
    this.store(hash3(op, a, b) & this.cacheMask, op, a, b, r);
  }

  /**
   * A result into the cache at the slot its operands hashed to when the operation started. Should the
   * cache have grown meanwhile (`rehash`), the slot is still inside it (it only grows) and the entry
   * keeps its operands, so it is never taken for another operation's: at worst it is not found.
   */
  private store(slot: number, op: number, a: number, b: number, r: number): void {
    this.cacheA[slot] = (a << 2) | op;
    this.cacheB[slot] = b;
    this.cacheR[slot] = r;
  }

  not(a: number): number {
    if (a === FALSE_NODE) return TRUE_NODE;
    if (a === TRUE_NODE) return FALSE_NODE;
    const hit = this.cached(OP_NOT, a, 0);
    if (hit >= 0) return hit;
    const r = this.mk(this.level[a]!, this.not(this.low[a]!), this.not(this.high[a]!));
    this.remember(OP_NOT, a, 0, r);
    this.remember(OP_NOT, r, 0, a);
    return r;
  }

  and(a: number, b: number): number {
    if (a === FALSE_NODE || b === FALSE_NODE) return FALSE_NODE;
    if (a === TRUE_NODE) return b;
    if (b === TRUE_NODE || a === b) return a;
    if (a > b) {
      const t = a;
      a = b;
      b = t;
    }
    // The cache slot is found once for the look-up and the result.
    const slot = hash3(OP_AND, a, b) & this.cacheMask;
    if (this.cacheA[slot] === a << 2 && this.cacheB[slot] === b) return this.cacheR[slot]!;
    const la = this.level[a]!;
    const lb = this.level[b]!;
    let r: number;
    if (la === lb) r = this.mk(la, this.and(this.low[a]!, this.low[b]!), this.and(this.high[a]!, this.high[b]!));
    else if (la < lb) r = this.mk(la, this.and(this.low[a]!, b), this.and(this.high[a]!, b));
    else r = this.mk(lb, this.and(a, this.low[b]!), this.and(a, this.high[b]!));
    this.store(slot, OP_AND, a, b, r);
    return r;
  }

  or(a: number, b: number): number {
    if (a === TRUE_NODE || b === TRUE_NODE) return TRUE_NODE;
    if (a === FALSE_NODE) return b;
    if (b === FALSE_NODE || a === b) return a;
    if (a > b) {
      const t = a;
      a = b;
      b = t;
    }
    const slot = hash3(OP_OR, a, b) & this.cacheMask;
    if (this.cacheA[slot] === ((a << 2) | OP_OR) && this.cacheB[slot] === b) return this.cacheR[slot]!;
    const la = this.level[a]!;
    const lb = this.level[b]!;
    let r: number;
    if (la === lb) r = this.mk(la, this.or(this.low[a]!, this.low[b]!), this.or(this.high[a]!, this.high[b]!));
    else if (la < lb) r = this.mk(la, this.or(this.low[a]!, b), this.or(this.high[a]!, b));
    else r = this.mk(lb, this.or(a, this.low[b]!), this.or(a, this.high[b]!));
    this.store(slot, OP_OR, a, b, r);
    return r;
  }

  andAll(nodes: readonly number[]): number {
    let r = TRUE_NODE;
    for (const n of nodes) {
      r = this.and(r, n);
      if (r === FALSE_NODE) break;
    }
    return r;
  }

  orAll(nodes: readonly number[]): number {
    let r = FALSE_NODE;
    for (const n of nodes) {
      r = this.or(r, n);
      if (r === TRUE_NODE) break;
    }
    return r;
  }

  /** a and not b, in one pass: the complement of b is never built. */
  diff(a: number, b: number): number {
    if (a === FALSE_NODE || b === TRUE_NODE || a === b) return FALSE_NODE;
    if (b === FALSE_NODE) return a;
    if (a === TRUE_NODE) return this.not(b);
    const slot = hash3(OP_DIFF, a, b) & this.cacheMask;
    if (this.cacheA[slot] === ((a << 2) | OP_DIFF) && this.cacheB[slot] === b) return this.cacheR[slot]!;
    const la = this.level[a]!;
    const lb = this.level[b]!;
    let r: number;
    if (la === lb) r = this.mk(la, this.diff(this.low[a]!, this.low[b]!), this.diff(this.high[a]!, this.high[b]!));
    else if (la < lb) r = this.mk(la, this.diff(this.low[a]!, b), this.diff(this.high[a]!, b));
    else r = this.mk(lb, this.diff(a, this.low[b]!), this.diff(a, this.high[b]!));
    this.store(slot, OP_DIFF, a, b, r);
    return r;
  }

  implies(a: number, b: number): number {
    return this.or(this.not(a), b);
  }

  iff(a: number, b: number): number {
    return this.or(this.and(a, b), this.and(this.not(a), this.not(b)));
  }

  /** True when every assignment in a is also in b. */
  subset(a: number, b: number): boolean {
    return this.diff(a, b) === FALSE_NODE;
  }

  intersects(a: number, b: number): boolean {
    return this.and(a, b) !== FALSE_NODE;
  }

  /** Existential quantification of the variables for which `quantified(v)` is true. */
  exists(f: number, quantified: (v: number) => boolean): number {
    // Results per node of f in typed arrays stamped with a call number (only f's own nodes are
    // visited, and they all exist when the call starts); whether a variable is quantified, asked once.
    if (this.existsStamp.length < this.size) {
      this.existsMemo = new Int32Array(this.level.length);
      this.existsStamp = new Int32Array(this.level.length);
    }
    const [memo, stamp, call] = [this.existsMemo, this.existsStamp, ++this.existsCall];
    const byVar = new Int8Array(this.nextVar).fill(-1);
    const go = (n: number): number => {
      if (n < 2) return n;
      if (stamp[n] === call) return memo[n]!;
      const v = this.level[n]!;
      const lo = go(this.low[n]!);
      const hi = go(this.high[n]!);
      if (byVar[v] === -1) byVar[v] = quantified(v) ? 1 : 0;
      const r = byVar[v] === 1 ? this.or(lo, hi) : this.mk(v, lo, hi);
      memo[n] = r;
      stamp[n] = call;
      return r;
    };
    return go(f);
  }

  /** f with the given variables fixed (value 0 or 1; -1 leaves a variable free). */
  restrict(f: number, values: ArrayLike<number>): number {
    const memo = new Map<number, number>();
    const go = (n: number): number => {
      if (n < 2) return n;
      const hit = memo.get(n);
      if (hit !== undefined) return hit;
      const v = this.level[n]!;
      const val = v < values.length ? values[v]! : -1;
      const r = val === 0 ? go(this.low[n]!) : val === 1 ? go(this.high[n]!) : this.mk(v, go(this.low[n]!), go(this.high[n]!));
      memo.set(n, r);
      return r;
    };
    return go(f);
  }

  /** The conjunction of literals a cube fixes. */
  cubeNode(cube: ArrayLike<number>): number {
    let r = TRUE_NODE;
    for (let v = cube.length - 1; v >= 0; v--) {
      const x = cube[v]!;
      if (x === 0) r = this.mk(v, r, FALSE_NODE);
      else if (x === 1) r = this.mk(v, FALSE_NODE, r);
    }
    return r;
  }

  /** The variables f depends on, in order. */
  support(f: number): number[] {
    const seen = new Set<number>();
    const vars = new Set<number>();
    const go = (n: number): void => {
      if (n < 2 || seen.has(n)) return;
      seen.add(n);
      vars.add(this.level[n]!);
      go(this.low[n]!);
      go(this.high[n]!);
    };
    go(f);
    return [...vars].sort((a, b) => a - b);
  }

  /**
   * The number of assignments of `vars` (which must include the support of f) that satisfy f.
   */
  satCount(f: number, vars: readonly number[]): number {
    const pos = new Map<number, number>();
    vars.forEach((v, i) => pos.set(v, i));
    const n = vars.length;
    const at = (node: number): number => (node < 2 ? n : pos.get(this.level[node]!)!);
    const memo = new Map<number, number>();
    const go = (node: number): number => {
      if (node === FALSE_NODE) return 0;
      if (node === TRUE_NODE) return 1;
      const hit = memo.get(node);
      if (hit !== undefined) return hit;
      const p = at(node);
      if (p === undefined) throw new Error('satCount: a variable outside the counted set');
      const lo = this.low[node]!;
      const hi = this.high[node]!;
      const r = go(lo) * 2 ** (at(lo) - p - 1) + go(hi) * 2 ** (at(hi) - p - 1);
      memo.set(node, r);
      return r;
    };
    return go(f) * 2 ** at(f);
  }

  /**
   * The per-node cost memo of `cheapest` and `cheapestWithin`: typed arrays stamped with a call number,
   * reused across calls (grown to the nodes made so far), and a new call's stamp.
   */
  private costTables(): { memo: Float64Array; stamp: Int32Array; call: number } {
    if (this.costMemo.length < this.size) {
      this.costMemo = new Float64Array(this.level.length);
      this.costStamp = new Int32Array(this.level.length);
    }
    return { memo: this.costMemo, stamp: this.costStamp, call: ++this.costCall };
  }

  /**
   * A cheapest satisfying assignment of f. `cost1[v]` is what setting v true costs, `cost0[v]` what
   * setting it false costs; one of the two must be 0 (the variable's default), and variables f does
   * not constrain take their default. Returns undefined when f is unsatisfiable.
   */
  cheapest(
    f: number,
    cost0: ArrayLike<number>,
    cost1: ArrayLike<number>,
    /** When given, only the variables on the cheapest path are written here (and `values` is empty). */
    pathOnly?: Int8Array,
  ): { cost: number; values: Int8Array } | undefined {
    if (f === FALSE_NODE) return undefined;
    const { memo, stamp, call } = this.costTables();
    const go = (n: number): number => {
      if (n === TRUE_NODE) return 0;
      if (n === FALSE_NODE) return Infinity;
      if (stamp[n] === call) return memo[n]!;
      const v = this.level[n]!;
      const r = Math.min(cost0[v]! + go(this.low[n]!), cost1[v]! + go(this.high[n]!));
      memo[n] = r;
      stamp[n] = call;
      return r;
    };
    const cost = go(f);
    const values = pathOnly ?? new Int8Array(this.nextVar);
    if (!pathOnly) for (let v = 0; v < this.nextVar; v++) values[v] = cost1[v]! === 0 && cost0[v]! !== 0 ? 1 : 0;
    let n = f;
    while (n > 1) {
      const v = this.level[n]!;
      const viaLow = cost0[v]! + go(this.low[n]!);
      const viaHigh = cost1[v]! + go(this.high[n]!);
      if (viaLow <= viaHigh) {
        values[v] = 0;
        n = this.low[n]!;
      } else {
        values[v] = 1;
        n = this.high[n]!;
      }
    }
    return { cost, values: pathOnly ? new Int8Array(0) : values };
  }

  /**
   * `cheapest(restrict(f, fixed), cost0, cost1)` without making the restricted diagram: a walk of f
   * that follows the fixed variables (0 or 1; -1 leaves one free) and chooses the others as `cheapest`
   * does. Fixed variables cost nothing and keep their default in `values`, as in the restricted diagram.
   */
  cheapestWithin(
    f: number,
    fixed: ArrayLike<number>,
    cost0: ArrayLike<number>,
    cost1: ArrayLike<number>,
  ): { cost: number; values: Int8Array } | undefined {
    const { memo, stamp, call } = this.costTables();
    const valueOf = (v: number) => (v < fixed.length ? fixed[v]! : -1);
    const go = (n: number): number => {
      if (n === TRUE_NODE) return 0;
      if (n === FALSE_NODE) return Infinity;
      if (stamp[n] === call) return memo[n]!;
      const v = this.level[n]!;
      const x = valueOf(v);
      const r =
        x === 0 ? go(this.low[n]!) : x === 1 ? go(this.high[n]!) : Math.min(cost0[v]! + go(this.low[n]!), cost1[v]! + go(this.high[n]!));
      memo[n] = r;
      stamp[n] = call;
      return r;
    };
    const cost = go(f);
    if (cost === Infinity) return undefined;
    const values = new Int8Array(this.nextVar);
    for (let v = 0; v < this.nextVar; v++) values[v] = cost1[v]! === 0 && cost0[v]! !== 0 ? 1 : 0;
    let n = f;
    while (n > 1) {
      const v = this.level[n]!;
      const x = valueOf(v);
      if (x === 0) n = this.low[n]!;
      else if (x === 1) n = this.high[n]!;
      else {
        const lo = go(this.low[n]!);
        const hi = go(this.high[n]!);
        // A variable whose two branches are the same once the fixed ones are followed is not in the
        // restricted diagram: it keeps its default, and the walk goes on along either branch.
        if (cost0[v]! + lo <= cost1[v]! + hi) {
          values[v] = 0;
          n = this.low[n]!;
        } else {
          values[v] = 1;
          n = this.high[n]!;
        }
      }
    }
    return { cost, values };
  }

  /**
   * Whether f has a satisfying assignment that agrees with a partial one (0, 1, or -1 for free):
   * a walk of f that follows fixed variables, without building any diagram.
   */
  satisfiableWith(f: number, partial: ArrayLike<number>): boolean {
    if (this.walkSeen.length < this.size) this.walkSeen = new Int32Array(this.level.length);
    const seen = this.walkSeen;
    const call = ++this.walkCall;
    const go = (n: number): boolean => {
      if (n === TRUE_NODE) return true;
      if (n === FALSE_NODE || seen[n] === call) return false;
      seen[n] = call;
      const x = partial[this.level[n]!];
      if (x === 0) return go(this.low[n]!);
      if (x === 1) return go(this.high[n]!);
      return go(this.low[n]!) || go(this.high[n]!);
    };
    return go(f);
  }

  /**
   * A full assignment that satisfies f and agrees with a partial one (-1 for free variables, which
   * are filled in preferring their default), or undefined when there is none.
   */
  completion(f: number, partial: ArrayLike<number>, prefer: ArrayLike<number>): Int8Array | undefined {
    if (this.walkSeen.length < this.size) this.walkSeen = new Int32Array(this.level.length);
    const dead = this.walkSeen;
    const call = ++this.walkCall;
    const values = new Int8Array(this.nextVar);
    for (let v = 0; v < this.nextVar; v++) values[v] = partial[v] === 0 || partial[v] === 1 ? partial[v]! : prefer[v]!;
    // Depth-first, remembering nodes that lead nowhere; the path found fixes the variables on it.
    const go = (n: number): boolean => {
      if (n === TRUE_NODE) return true;
      if (n === FALSE_NODE || dead[n] === call) return false;
      const v = this.level[n]!;
      const x = partial[v];
      const first = x === 0 || x === 1 ? x : prefer[v]!;
      values[v] = first;
      if (go(first === 1 ? this.high[n]! : this.low[n]!)) return true;
      if (x !== 0 && x !== 1) {
        values[v] = first === 1 ? 0 : 1;
        if (go(first === 1 ? this.low[n]! : this.high[n]!)) return true;
        values[v] = first;
      }
      dead[n] = call;
      return false;
    };
    return go(f) ? values : undefined;
  }

  /** The cheapest path of f as a partial assignment: variables off the path are -1. */
  cheapestPath(f: number, cost0: ArrayLike<number>, cost1: ArrayLike<number>): Int8Array | undefined {
    if (f === FALSE_NODE) return undefined;
    const path = new Int8Array(this.nextVar).fill(-1);
    if (f === TRUE_NODE) return path;
    this.cheapest(f, cost0, cost1, path);
    return path;
  }

  /**
   * The paths of f to true, as disjoint cubes over `vars` (a variable outside the path is -1).
   * Stops after `limit` cubes; `complete` says whether every path was listed.
   */
  cubes(f: number, limit = Infinity): { cubes: Cube[]; complete: boolean } {
    const out: Cube[] = [];
    const cur = new Int8Array(this.nextVar).fill(-1);
    let complete = true;
    const go = (n: number): void => {
      if (!complete || n === FALSE_NODE) return;
      if (n === TRUE_NODE) {
        if (out.length >= limit) {
          complete = false;
          return;
        }
        out.push(cur.slice());
        return;
      }
      const v = this.level[n]!;
      cur[v] = 0;
      go(this.low[n]!);
      cur[v] = 1;
      go(this.high[n]!);
      cur[v] = -1;
    };
    go(f);
    return { cubes: out, complete };
  }

  /** Evaluates f on a full assignment. */
  evaluate(f: number, values: ArrayLike<number>): boolean {
    let n = f;
    while (n > 1) n = values[this.level[n]!] === 1 ? this.high[n]! : this.low[n]!;
    return n === TRUE_NODE;
  }
}
