// A small, strict argument parser: unknown options are usage errors, not silently ignored.

export class UsageError extends Error {}

export interface ArgSpec {
  /** Options that take a value. */
  values?: readonly string[];
  /** Options that are switches. */
  flags?: readonly string[];
  /** Options that may repeat (their values are collected). */
  repeat?: readonly string[];
}

export interface ParsedArgs {
  positional: string[];
  values: Map<string, string>;
  repeated: Map<string, string[]>;
  flags: Set<string>;
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const out: ParsedArgs = { positional: [], values: new Map(), repeated: new Map(), flags: new Set() };
  const values = new Set([...(spec.values ?? []), ...(spec.repeat ?? [])]);
  const flags = new Set(spec.flags ?? []);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (flags.has(name)) {
        if (eq > 0) throw new UsageError(`--${name} takes no value`);
        out.flags.add(name);
        continue;
      }
      if (!values.has(name)) {
        const near = nearMiss(name, [...values, ...flags, 'help']);
        throw new UsageError(`unknown option --${name}${near ? `; did you mean --${near}?` : ''}`);
      }
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      if (spec.repeat?.includes(name)) out.repeated.set(name, [...(out.repeated.get(name) ?? []), value]);
      else {
        if (out.values.has(name)) throw new UsageError(`--${name} given twice`);
        out.values.set(name, value);
      }
      continue;
    }
    out.positional.push(arg);
  }
  return out;
}

/**
 * The one candidate a mistyped word is close to (a third of its letters wrong at most, one at least),
 * or undefined when none is or several are: a guess between two options would mislead.
 */
export function nearMiss(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > 100) return undefined;
  const limit = Math.max(1, Math.floor(word.length / 3));
  const close = [...new Set(candidates)].filter((c) => typoDistance(word.toLowerCase(), c.toLowerCase()) <= limit);
  return close.length === 1 ? close[0] : undefined;
}

/** Letters added, dropped, changed, or two neighbours swapped (`jsno` for `json` is one typo). */
function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}
