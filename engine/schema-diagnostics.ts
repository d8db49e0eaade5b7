// Turns JSON Schema errors into located messages a lawyer can act on.

import { didYouMean, type Diagnostic, type PathSegment } from './diagnostics';
import type { SchemaError, SchemaValidator } from './schema-validator-type';
import type { ParsedSource } from './source';

/** Verbose ajv errors carry the schema object that holds the failing keyword. */
interface VerboseError extends SchemaError {
  parentSchema?: Record<string, unknown>;
  schema?: unknown;
  data?: unknown;
}

function decodePointer(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of keys';
  return String(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of keys';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  return typeof value === 'boolean' ? 'true or false' : typeof value;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of keys',
  null: 'empty',
};

function label(err: VerboseError, path: PathSegment[]): string {
  const title = err.parentSchema?.title;
  if (typeof title === 'string') return `"${title}"`;
  const last = path[path.length - 1];
  if (typeof last === 'number') return `item ${last + 1}`;
  return last === undefined ? 'the document' : `"${last}"`;
}

function listWords(values: readonly unknown[]): string {
  const words = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

interface Mapped {
  code: string;
  message: string;
  path: PathSegment[];
  key: boolean;
  /** The key or value probably meant (the "did you mean"). */
  suggestion?: string;
}

/**
 * The jurisdiction's name and state, missing: what a new draft leaves for the drafter to choose. The state
 * decides which state law the draft is checked against, so no draft is checked before it is chosen.
 */
const MISSING_JURISDICTION: Record<string, { code: string; message: string }> = {
  state: {
    code: 'choose-state',
    message:
      'choose the state this ordinance is for: the state decides which state law it is checked against (its two-letter postal code, e.g. MA, IL or TX)',
  },
  name: {
    code: 'choose-jurisdiction',
    message: 'name the city, town, county or state this ordinance is for (e.g. City of Boston or Cook County)',
  },
};

function describe(err: VerboseError): Mapped {
  const path = decodePointer(err.instancePath);
  const what = label(err, path);
  const p = err.params;
  switch (err.keyword) {
    case 'additionalProperties': {
      const extra = String(p.additionalProperty);
      const allowed = Object.keys((err.parentSchema?.properties as object) ?? {}).filter((k) => k !== '$schema');
      const guess = didYouMean(extra, allowed);
      const isCondition = err.parentSchema?.title === 'Condition';
      const noun = isCondition ? 'condition' : 'key';
      const where = isCondition ? '' : ` in ${what}`;
      return {
        code: 'unknown-key',
        message: `unknown ${noun} "${extra}"${where}` + (guess ? `; did you mean "${guess}"?` : `; expected one of: ${allowed.join(', ')}`),
        path: [...path, extra],
        key: true,
        ...(guess ? { suggestion: guess } : {}),
      };
    }
    case 'required': {
      const missing = String(p.missingProperty);
      // A new draft leaves its place to be chosen: say what to choose and why, not only that a key is missing.
      const own = path.length === 1 && path[0] === 'jurisdiction' ? MISSING_JURISDICTION[missing] : undefined;
      if (own) return { code: own.code, message: own.message, path, key: true };
      const props = (err.parentSchema?.properties ?? {}) as Record<string, { title?: string }>;
      const t = props[missing]?.title;
      return {
        code: 'missing-key',
        message: `${what} needs "${missing}"${t && t.toLowerCase() !== missing.toLowerCase() ? ` (${t})` : ''}`,
        path,
        key: true,
      };
    }
    case 'type': {
      const want = String(p.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t);
      return {
        code: 'wrong-type',
        message: `${what} must be ${listWords(want)}, not ${kindOf(err.data)}${err.data !== null && typeof err.data !== 'object' ? ` (${show(err.data)})` : ''}`,
        path,
        key: false,
      };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const guess = typeof err.data === 'string' ? didYouMean(err.data, allowed.map(String)) : undefined;
      return {
        code: 'not-allowed',
        message: `${what} cannot be ${show(err.data)}; ${guess ? `did you mean "${guess}"? It` : 'it'} must be ${listWords(allowed)}`,
        path,
        key: false,
        ...(guess ? { suggestion: guess } : {}),
      };
    }
    case 'const':
      return { code: 'not-allowed', message: `${what} must be ${show(p.allowedValue)}`, path, key: false };
    case 'pattern': {
      const pattern = String(p.pattern);
      let rule = `the form ${pattern}`;
      if (pattern.includes('\\d{4}-\\d{2}-\\d{2}'))
        rule = pattern.includes('T') ? 'a date or date and time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)' : 'a date (YYYY-MM-DD)';
      else if (pattern === '^[a-z][a-z0-9-]*$') rule = 'lower-case letters, digits and hyphens, starting with a letter';
      else if (pattern === '^[A-Z]{2}$') rule = 'a two-letter state code such as MA';
      return { code: 'bad-format', message: `${what} ${show(err.data)} must be ${rule}`, path, key: false };
    }
    case 'minLength':
      return { code: 'empty-value', message: `${what} must not be empty`, path, key: false };
    case 'maxLength':
      return { code: 'too-long', message: `${what} is longer than ${String(p.limit)} characters`, path, key: false };
    case 'minItems':
      return {
        code: 'empty-list',
        message: `${what} needs at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`,
        path,
        key: false,
      };
    case 'uniqueItems':
      return {
        code: 'duplicate-item',
        message: `${what} lists the same value twice (items ${Number(p.j) + 1} and ${Number(p.i) + 1})`,
        path,
        key: false,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const word =
        err.keyword === 'minimum'
          ? 'at least'
          : err.keyword === 'maximum'
            ? 'at most'
            : err.keyword === 'exclusiveMinimum'
              ? 'more than'
              : 'less than';
      return { code: 'out-of-range', message: `${what} must be ${word} ${String(p.limit)}, not ${show(err.data)}`, path, key: false };
    }
    case 'maxProperties': {
      const keys = err.data && typeof err.data === 'object' ? Object.keys(err.data) : [];
      if (err.parentSchema?.title === 'Condition') {
        return {
          code: 'condition-keys',
          message: `a condition has exactly one key, but this one has ${keys.length} (${keys.join(', ')}); combine them with "all:" or "any:"`,
          path,
          key: false,
        };
      }
      return { code: 'too-many-keys', message: `${what} has too many keys`, path, key: false };
    }
    case 'minProperties':
      return {
        code: 'empty-value',
        message:
          err.parentSchema?.title === 'Condition'
            ? 'this condition is empty; give one test such as "age:" or "conviction:"'
            : `${what} must not be empty`,
        path,
        key: false,
      };
    case 'oneOf':
    case 'anyOf':
      return { code: 'wrong-form', message: `${what} is not in any of the allowed forms`, path, key: false };
    default:
      return { code: `schema-${err.keyword}`, message: `${what} ${err.message ?? 'is not valid'}`, path, key: false };
  }
}

/** Drops the noise a oneOf produces: branch type mismatches, and the oneOf itself when a branch explains more. */
function pruneAlternatives(errors: VerboseError[]): VerboseError[] {
  const alternatives = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  if (alternatives.length === 0) return errors;
  const dropped = new Set<VerboseError>();
  for (const alt of alternatives) {
    const at = alt.instancePath;
    const branchMismatch = errors.filter((e) => e !== alt && e.instancePath === at && (e.keyword === 'type' || e.keyword === 'enum'));
    const deeper = errors.filter((e) => e !== alt && e.instancePath.startsWith(at + '/'));
    branchMismatch.forEach((e) => dropped.add(e));
    if (deeper.length > 0) dropped.add(alt);
  }
  return errors.filter((e) => !dropped.has(e));
}

/** Runs a precompiled validator and maps its errors to located diagnostics. */
export function schemaDiagnostics(source: ParsedSource, validate: SchemaValidator, value: unknown = source.value): Diagnostic[] {
  if (validate(value)) return [];
  const errors = pruneAlternatives((validate.errors ?? []) as VerboseError[]);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const err of errors) {
    const m = describe(err);
    const pos = source.locate(m.path, m.key);
    const key = `${pos.line}:${pos.column}:${m.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      severity: 'error',
      code: m.code,
      message: m.message,
      path: m.path,
      ...pos,
      ...(m.suggestion ? { suggestion: m.suggestion } : {}),
    });
  }
  return out;
}
