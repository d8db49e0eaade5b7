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
      if (!values.has(name)) throw new UsageError(`unknown option --${name}`);
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
