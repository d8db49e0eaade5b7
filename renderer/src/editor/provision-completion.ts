// What the YAML editor suggests inside a provision. The schema gives a provision every field of every
// provision type (one object, so the language server offers them all); which of them a provision may
// have depends on its type, as the engine checks it (engine/ordinance.ts: `type`, detainer when absent,
// and PROVISION_TYPE_FIELDS). So at a provision's key the suggestions are its own type's fields, and
// after `maxHold:` the mapping it takes. Plain functions of the text and the cursor: no Monaco here.

import { PROVISION_TYPE_FIELDS, REQUESTED_HOLD, type ProvisionType } from '../../../engine/vocabulary';
import { choicesOf, helpFor, schemaAt } from '../form/schema-info';

export interface Suggestion {
  label: string;
  /** Monaco snippet text; every line after the first carries its whole indentation (insert it as is). */
  insertText: string;
  /** The schema's title and explanation. */
  detail: string;
  documentation: string;
  /** The columns of the cursor's line (1-based, end exclusive) the suggestion replaces. */
  startColumn: number;
  endColumn: number;
  sortText: string;
}

export interface SchemaCompletion {
  /** The language server's suggestions to leave out: keys this mapping may not have or has already; `all` for every one. */
  drop: ReadonlySet<string> | 'all';
  /** Suggestions in their place. */
  suggestions: Suggestion[];
}

/** Fields every provision may have, whatever its type. */
const COMMON_FIELDS = ['id', 'type', 'heading', 'text'];
const PROVISION_PATH = 'sections[].provisions[]';

interface LineShape {
  /** Column (0-based) of the first character that is not a space. */
  indent: number;
  /** A sequence item: the line starts with `- `. */
  dash: boolean;
  /** Column of the key or item content (after `- `). */
  keyCol: number;
  key: string | null;
  /** What follows `key:` on the line, without a comment. */
  value: string;
}

const KEY = /^([A-Za-z_$][\w$-]*)[ \t]*:(?=\s|$)/;

/** A line as block YAML lays it out; null for a blank or comment line. */
function shape(text: string): LineShape | null {
  const lead = /^( *)((?:-[ \t]+)?)/.exec(text)!;
  const indent = lead[1]!.length;
  const rest = text.slice(indent);
  if (rest.trim() === '' || rest.startsWith('#')) return null;
  const keyCol = indent + lead[2]!.length;
  const m = KEY.exec(text.slice(keyCol));
  const value = m
    ? text
        .slice(keyCol + m[0].length)
        .replace(/(^|\s)#.*$/, '')
        .trim()
    : '';
  return { indent, dash: lead[2]!.length > 0 || rest === '-', keyCol, key: m ? m[1]! : null, value };
}

interface Mapping {
  /** Where the mapping sits, as schema-info names places: `sections[].provisions[]`. */
  path: string;
  /** Its keys with their values as written on the key's line. */
  keys: Map<string, string>;
}

/** The keys at column k of the mapping that line `from` belongs to, walking `step` (-1 up, 1 down); stops where the mapping ends. */
function siblings(lines: readonly string[], from: number, k: number, step: 1 | -1, into: Map<string, string>): number | null {
  for (let j = from; j >= 0 && j < lines.length; j += step) {
    const s = shape(lines[j]!);
    if (!s) continue;
    if (s.keyCol === k && s.key) {
      // Going down, an item's first key starts the next item's mapping.
      if (step === 1 && s.dash) return null;
      into.set(s.key, s.value);
      // Going up, it is where this mapping starts.
      if (s.dash) return j;
      continue;
    }
    // Deeper lines belong to a key of this mapping; so does a list written at the key's own column.
    if (s.indent > k || (s.indent === k && s.dash)) continue;
    // Text at the mapping's column that is no key: the cursor is in a scalar, not a mapping.
    if (s.indent === k) return step === -1 ? -2 : null;
    return step === -1 ? j : null;
  }
  return step === -1 ? -1 : null;
}

/** The key of the sequence whose item starts at line `item` with its dash at column d, or null. */
function sequenceKey(lines: readonly string[], item: number, d: number): { line: number; col: number; key: string } | null {
  for (let j = item - 1; j >= 0; j--) {
    const s = shape(lines[j]!);
    if (!s || s.indent > d || (s.indent === d && s.dash)) continue;
    return s.key && s.keyCol <= d && !s.dash && s.value === '' ? { line: j, col: s.keyCol, key: s.key } : null;
  }
  return null;
}

/**
 * The path of the block mapping whose keys sit at column k, line `at` being one of its lines (or the
 * line of its first key when `itemDash` gives the column of that line's `- `). Null where the text is
 * not such a mapping (a flow mapping, a block scalar, a list of scalars, text being written).
 */
function mappingPath(lines: readonly string[], at: number, k: number, itemDash?: number): string | null {
  if (k === 0) return '';
  let parentLine: number;
  let parent: LineShape | null;
  if (itemDash !== undefined) {
    parentLine = at;
    parent = { indent: itemDash, dash: true, keyCol: k, key: null, value: '' };
  } else {
    const stop = siblings(lines, at - 1, k, -1, new Map());
    if (stop === null || stop < 0) return null;
    parentLine = stop;
    parent = shape(lines[stop]!);
  }
  if (!parent) return null;
  if (parent.dash && parent.keyCol === k) {
    // The mapping is an item of a list: the list is a key's value.
    const seq = sequenceKey(lines, parentLine, parent.indent);
    if (!seq) return null;
    const above = mappingPath(lines, seq.line, seq.col);
    return above === null ? null : `${above ? `${above}.` : ''}${seq.key}[]`;
  }
  if (!parent.key || parent.keyCol >= k || parent.value !== '') return null;
  const above = mappingPath(lines, parentLine, parent.keyCol, parent.dash ? parent.indent : undefined);
  return above === null ? null : `${above ? `${above}.` : ''}${parent.key}`;
}

/** The mapping at column k around line `at`: its place and keys (the line `at` itself left out). */
function mappingAt(lines: readonly string[], at: number, k: number, itemDash?: number): Mapping | null {
  const path = mappingPath(lines, at, k, itemDash);
  if (path === null) return null;
  const keys = new Map<string, string>();
  if (itemDash === undefined) siblings(lines, at - 1, k, -1, keys);
  siblings(lines, at + 1, k, 1, keys);
  return { path, keys };
}

function unquote(v: string): string {
  return v.replace(/^(["'])(.*)\1$/, '$2');
}

/** The provision's type as the engine reads it: `type`, or detainer when there is none; null when it is no type. */
function provisionType(keys: Map<string, string>): ProvisionType | null {
  if (!keys.has('type')) return 'detainer';
  const t = unquote(keys.get('type')!);
  return Object.hasOwn(PROVISION_TYPE_FIELDS, t) ? (t as ProvisionType) : null;
}

/** Snippet text for a new key of the mapping at `path`, its keys at column k: the key and the shape its value takes. */
function keySnippet(path: string, key: string, k: number): string {
  const inner = ' '.repeat(k + 2);
  const node = schemaAt(`${path}.${key}`);
  if (key === 'maxHold') return `maxHold:${holdLines(inner)}`;
  if (key === 'hours') return `hours: \${1:${REQUESTED_HOLD.hours}}`;
  if (node?.type === 'boolean') return `${key}: \${1|false,true|}`;
  if (node?.type === 'array') return `${key}:\n${inner}- ${choice(choicesOf(node)) || '$0'}`;
  if (node?.properties) return `${key}:\n${inner}$0`;
  return `${key}: ${choice(choicesOf(node)) || '$0'}`;
}

/** A snippet choice among values, the first chosen. */
function choice(values: readonly string[]): string {
  return values.length ? `\${1|${values.map((v) => v.replace(/[|,\\$}]/g, '\\$&')).join(',')}|}` : '';
}

/** The lines of a maximum hold, the one the detainer form in use asks for, each with its indentation. */
function holdLines(inner: string): string {
  const excluding = REQUESTED_HOLD.excludingWeekendsAndHolidays === true;
  return `\n${inner}hours: \${1:${REQUESTED_HOLD.hours}}\n${inner}excludingWeekendsAndHolidays: \${2|${excluding},${!excluding}|}`;
}

/** Suggestions for the keys of `allowed` the mapping does not have yet, replacing columns start..end. */
function keySuggestions(path: string, allowed: readonly string[], present: Map<string, string>, k: number, start: number, end: number) {
  return allowed
    .filter((key) => !present.has(key))
    .map((key, i): Suggestion => {
      const help = helpFor(schemaAt(`${path}.${key}`), key);
      return {
        label: key,
        insertText: keySnippet(path, key, k),
        detail: help.label,
        documentation: help.help,
        startColumn: start,
        endColumn: end,
        sortText: String(i).padStart(3, '0'),
      };
    });
}

/**
 * What to suggest at a cursor (1-based line and column) inside a provision or its maximum hold; null
 * elsewhere, where the language server's suggestions stand as they are.
 */
export function schemaCompletion(lines: readonly string[], lineNumber: number, column: number): SchemaCompletion | null {
  const at = lineNumber - 1;
  const text = lines[at] ?? '';
  const before = text.slice(0, column - 1);
  const after = text.slice(column - 1);

  // A key being written: `  `, `  hea`, `  - ` (a new item), and nothing after the cursor but the rest of the word.
  const key = /^( *)((?:-[ \t]+)?)([A-Za-z_$][\w$-]*)?$/.exec(before);
  if (key && /^[\w$-]*\s*$/.test(after)) {
    const k = key[1]!.length + key[2]!.length;
    const typed = key[3] ?? '';
    const end = column + /^[\w$-]*/.exec(after)![0].length;
    const mapping = mappingAt(lines, at, k, key[2] ? key[1]!.length : undefined);
    if (!mapping) return null;
    if (mapping.path === PROVISION_PATH) {
      const type = provisionType(mapping.keys);
      if (!type) return null;
      const fields = new Set([...COMMON_FIELDS, ...PROVISION_TYPE_FIELDS[type]]);
      // In the schema's order, as the form and the hover list them.
      const all = Object.keys(schemaAt(PROVISION_PATH)?.properties ?? {});
      const allowed = all.filter((f) => fields.has(f));
      return { drop: new Set(all), suggestions: keySuggestions(PROVISION_PATH, allowed, mapping.keys, k, column - typed.length, end) };
    }
    if (mapping.path === `${PROVISION_PATH}.maxHold`) {
      const all = Object.keys(schemaAt(mapping.path)?.properties ?? {});
      return { drop: new Set(all), suggestions: keySuggestions(mapping.path, all, mapping.keys, k, column - typed.length, end) };
    }
    return null;
  }

  // Just after `maxHold:` in a provision: the mapping it takes, on the lines below.
  const value = /^( *)((?:-[ \t]+)?)maxHold[ \t]*:([ \t]*)$/.exec(before);
  if (value && /^\s*(#.*)?$/.test(after)) {
    const k = value[1]!.length + value[2]!.length;
    const mapping = mappingAt(lines, at, k, value[2] ? value[1]!.length : undefined);
    if (mapping?.path !== PROVISION_PATH || provisionType(mapping.keys) !== 'detainer') return null;
    const help = helpFor(schemaAt(`${PROVISION_PATH}.maxHold`), 'maxHold');
    return {
      drop: 'all',
      suggestions: [
        {
          label: `hours: ${REQUESTED_HOLD.hours}, excludingWeekendsAndHolidays: ${REQUESTED_HOLD.excludingWeekendsAndHolidays === true}`,
          // The spaces after the colon go: the mapping starts on the next line.
          insertText: holdLines(' '.repeat(k + 2)),
          detail: help.label,
          documentation: help.help,
          startColumn: column - value[3]!.length,
          endColumn: column,
          sortText: '000',
        },
      ],
    };
  }
  return null;
}
