// What the app's "Map columns" panel builds a column mapping from: the documented columns a column of
// a county's export can fill (each checked by parseTarget, so a column the importer learns is offered
// without a change here), a first guess only where a name plainly is one of ours, our values for the
// coded columns, a sample of the export's first rows, the problems the mapping still leaves, and the
// mapping written back as the YAML file the command line reads with --mapping FILE.

import { readCsv } from '../csv';
import {
  BOOLEAN_FIELDS,
  CSV_CASE_COLUMNS,
  CSV_GROUP_COLUMNS,
  CSV_REQUIRED_COLUMNS,
  DATE_FIELDS,
  MAX_GROUP_NUMBER,
  mayBeUnknown,
  NUMBER_FIELDS,
  parseTarget,
  planColumns,
  type GroupName,
} from './columns';
import type { ColumnMapping } from './mapping';

export { mayBeUnknown };

/** A documented column offered in the picker. */
export interface MappingTarget {
  target: string;
  /** What it belongs to, for the picker's groups: "Case", "Charge 1", "Conviction 2", "Warrant 1". */
  section: string;
  required: boolean;
}

const GROUP_WORDS: Record<GroupName, string> = { charge: 'Charge', conviction: 'Conviction', warrant: 'Warrant' };

/**
 * The documented columns, with `groups` numbered groups of each kind (charge1..., conviction1...,
 * warrant1...), and any other target in `also` the importer reads (a mapping loaded from a file may
 * name charge7.class): every one checked by parseTarget.
 */
export function mappingTargets(groups: Partial<Record<GroupName, number>> = {}, also: readonly string[] = []): MappingTarget[] {
  const out: MappingTarget[] = [];
  const seen = new Set<string>();
  const add = (target: string, section: string) => {
    const meaning = parseTarget(target);
    if (typeof meaning === 'string' || seen.has(meaning.target)) return;
    seen.add(meaning.target);
    out.push({ target: meaning.target, section, required: CSV_REQUIRED_COLUMNS.includes(meaning.target) });
  };
  for (const c of CSV_CASE_COLUMNS) add(c, 'Case');
  const wanted: Record<GroupName, number> = { charge: 2, conviction: 3, warrant: 1 };
  for (const t of also) {
    const meaning = parseTarget(t);
    if (typeof meaning !== 'string' && meaning.group) wanted[meaning.group] = Math.max(wanted[meaning.group], meaning.slot + 1);
  }
  for (const g of Object.keys(CSV_GROUP_COLUMNS) as GroupName[]) {
    const n = Math.min(MAX_GROUP_NUMBER, Math.max(wanted[g], groups[g] ?? 0));
    for (let k = 1; k <= n; k++) for (const f of CSV_GROUP_COLUMNS[g]) add(`${g}${k}.${f}`, `${GROUP_WORDS[g]} ${k}`);
  }
  for (const t of also) add(t, 'Other');
  return out;
}

const squeeze = (s: string) => s.toLowerCase().replace(/[^a-z0-9.]/g, '');

/**
 * The documented column a header name plainly is, or undefined: the same name but for case, spaces,
 * underscores and dashes (BOOKED_AT, Booked At -> bookedAt; CHARGE1_CLASS -> charge1.class). Nothing
 * nearer a guess than that: AGE_AT_BOOKING is left to the person.
 */
export function guessTarget(name: string): string | undefined {
  const s = squeeze(name);
  if (s === '') return undefined;
  const direct = CSV_CASE_COLUMNS.find((c) => squeeze(c) === s);
  if (direct) return direct;
  const m = /^(charge|conviction|warrant)(\d+)\.?([a-z]+)$/.exec(s);
  if (!m) return undefined;
  const field = CSV_GROUP_COLUMNS[m[1] as GroupName].find((f) => f.toLowerCase() === m[3]);
  if (!field) return undefined;
  const meaning = parseTarget(`${m[1]}${Number(m[2])}.${field}`);
  return typeof meaning === 'string' ? undefined : meaning.target;
}

/** A first mapping for a header: its plainly named columns mapped, every other left for the person to choose. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const columns: Record<string, string> = {};
  const taken = new Set<string>();
  for (const raw of header) {
    const name = raw.trim();
    const target = guessTarget(name);
    if (!target || taken.has(target) || Object.prototype.hasOwnProperty.call(columns, name)) continue;
    taken.add(target);
    Object.defineProperty(columns, name, { value: target, enumerable: true, writable: true, configurable: true });
  }
  return { columns };
}

/**
 * Our values for a coded column (the contract's words: model.ts), or undefined for a column of free
 * text, numbers or dates. Yes/no columns take true and false.
 */
export function ourValues(target: string): ReadonlyArray<string | boolean> | undefined {
  const meaning = parseTarget(target);
  if (typeof meaning === 'string') return undefined;
  const f = meaning.field;
  if (BOOLEAN_FIELDS.has(f)) return [true, false];
  if (f === 'class') return ['felony', 'misdemeanor', 'infraction'];
  if (f === 'requests') return ['hold', 'notify', 'hold;notify'];
  if (meaning.group === 'warrant' && f === 'kind') return ['criminal', 'civil'];
  if (meaning.group === 'warrant' && f === 'jurisdiction') return ['state', 'federal', 'other-state', 'local'];
  return undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?/;
const SLASHED_DATE = /^\d{1,2}\/\d{1,2}\/\d{4}\b/;
const YES_NO = new Set(['true', 'yes', 'y', '1', 'false', 'no', 'n', '0']);

/** Whether a date column's value is slashed (`09/07/2025`): its order must be said. */
export function isSlashedDate(value: string): boolean {
  return SLASHED_DATE.test(value.trim());
}

/**
 * Whether a value of their column would be read as it is in this documented column: a coded value
 * among ours (case ignored), a date, a whole number, `unknown` where the fact may be left open. A value
 * that is not (their "F", "N/A", "Y") is what a value map is for.
 */
export function readsAsIs(target: string, value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  const meaning = parseTarget(target);
  if (typeof meaning === 'string') return true;
  if (v.toLowerCase() === 'unknown') return mayBeUnknown(target);
  const f = meaning.field;
  if (BOOLEAN_FIELDS.has(f)) return YES_NO.has(v.toLowerCase());
  if (NUMBER_FIELDS.has(f)) return /^-?\d+$/.test(v);
  if (DATE_FIELDS.has(f)) return ISO_DATE.test(v) || SLASHED_DATE.test(v);
  if (f === 'requests') return v.split(/[;|\s/]+/).every((r) => r === '' || r.toLowerCase() === 'hold' || r.toLowerCase() === 'notify');
  const ours = ourValues(target);
  return !ours || ours.some((o) => String(o) === v.toLowerCase());
}

/** The start of a CSV export: its header and its first rows. */
export interface ExportSample {
  header: string[];
  rows: string[][];
}

/**
 * The header and first rows of a CSV file's start; `whole` says whether the text is the whole file
 * (when it is not, a last record cut short is dropped). Undefined when the text holds no record.
 */
export function exportSample(text: string, whole: boolean, maxRows = 200): ExportSample | undefined {
  const records: string[][] = [];
  readCsv(text, (r) => {
    if (records.length <= maxRows + 1) records.push(r.fields);
  });
  if (!whole && records.length > 1 && records.length <= maxRows + 1) records.pop();
  const [header, ...rows] = records;
  if (!header) return undefined;
  return { header, rows: rows.slice(0, maxRows) };
}

/** The distinct values of one column of the sample, most frequent first (empty cells left out). */
export function sampleValues(sample: ExportSample, index: number): Array<{ value: string; count: number }> {
  const counts = new Map<string, number>();
  for (const row of sample.rows) {
    const v = (row[index] ?? '').trim();
    if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

/** What the mapping (or no mapping) still leaves wrong for this header, as the import would say it (nothing: it reads). */
export function mappingProblems(header: readonly string[], mapping: ColumnMapping | undefined): string[] {
  return planColumns(header, mapping).problems;
}

// ---- the mapping as a YAML file ----

const KEY_ORDER = ['description', 'columns', 'values', 'ignore', 'dates'];
/** Longest key written as a plain `key:`; YAML reads no longer implicit key, so a longer one is written `? key`. */
const LONGEST_IMPLICIT_KEY = 1000;

/** Words YAML (1.1 or 1.2) may read as other than text, written quoted. */
const RESERVED = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n']);

/** Text as YAML: plain where it is a simple name (BOOK_DT, charge1.class), quoted otherwise. */
function text(s: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_./-]*$/.test(s) && !RESERVED.has(s.toLowerCase())) return s;
  // U+FFFD written as itself would read back as a byte that was not UTF-8; written as an escape it is itself.
  return JSON.stringify(s).replace(/\uFFFD/g, '\\uFFFD');
}

function scalar(v: unknown): string {
  if (typeof v === 'string') return text(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : JSON.stringify(String(v));
  if (typeof v === 'boolean') return String(v);
  return 'null';
}

function lines(v: unknown, indent: string): string[] {
  if (Array.isArray(v)) {
    if (v.length === 0) return [`${indent}[]`];
    return v.flatMap((item) => {
      if (item !== null && typeof item === 'object') {
        const inner = lines(item, `${indent}  `);
        return [`${indent}-`, ...inner];
      }
      return [`${indent}- ${scalar(item)}`];
    });
  }
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 0) return [`${indent}{}`];
    return keys.flatMap((k) => entry(k, (v as Record<string, unknown>)[k], indent));
  }
  return [`${indent}${scalar(v)}`];
}

function entry(key: string, value: unknown, indent: string): string[] {
  const k = text(key);
  const nested = value !== null && typeof value === 'object' && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);
  if (k.length > LONGEST_IMPLICIT_KEY) {
    if (!nested) return [`${indent}? ${k}`, `${indent}: ${lines(value, '')[0]}`];
    return [`${indent}? ${k}`, `${indent}:`, ...lines(value, `${indent}  `)];
  }
  if (!nested) return [`${indent}${k}: ${lines(value, '')[0]}`];
  return [`${indent}${k}:`, ...lines(value, `${indent}  `)];
}

/**
 * The mapping as the YAML file `--mapping FILE` reads: every name that is not a simple one quoted (a
 * column named `yes`, `#` or `a: b` means itself), its keys in the documented order and any other key kept after
 * them, so a mapping loaded, edited and saved loses nothing. `comment` heads the file.
 */
export function mappingYaml(mapping: ColumnMapping, comment?: string): string {
  const doc = mapping as Record<string, unknown>;
  const keys = [
    ...KEY_ORDER.filter((k) => doc[k] !== undefined),
    ...Object.keys(doc).filter((k) => !KEY_ORDER.includes(k) && doc[k] !== undefined),
  ];
  const head = comment
    ? comment
        .split(/\r\n|\r|\n/)
        // eslint-disable-next-line no-control-regex
        .map((l) => `# ${l.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\uFFFD]/g, ' ')}`.trimEnd())
    : [];
  return [...head, ...keys.flatMap((k) => entry(k, doc[k], ''))].join('\n') + '\n';
}
