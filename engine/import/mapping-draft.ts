// What the app's "Map columns" panel builds a column mapping from: the documented columns a column of
// a county's export can fill (each checked by parseTarget, so a column the importer learns is offered
// without a change here), a first guess only where a name plainly is one of ours, our values for the
// coded columns, a sample of the export's first rows, the problems the mapping still leaves, and the
// mapping written back as the YAML file the command line reads with --mapping FILE.

import { readCsv } from '../csv';
import {
  blankProblem,
  BOOLEAN_FIELDS,
  CSV_CASE_COLUMNS,
  CSV_GROUP_COLUMNS,
  CSV_READ_ONLY_COLUMNS,
  CSV_REQUIRED_COLUMNS,
  csvValue,
  DATE_FIELDS,
  isUnknownCell,
  levelOf,
  LEVEL_CODES_ON_THE_COMMAND_LINE,
  ONE_ROW_PER_CHARGE_ON_THE_COMMAND_LINE,
  MAX_GROUP_NUMBER,
  mayBeUnknown,
  NUMBER_FIELDS,
  parseMappedTarget,
  parseTarget,
  planColumns,
  columnProblemText,
  requiredGivers,
  type ColumnProblem,
  type GroupName,
  type UnknownColumnWords,
} from './columns';
import type { ColumnMapping } from './mapping';
import type { CaseMend, CaseProblem } from '../cases';
import { yesNoDefault } from '../model';

export { mayBeUnknown };

/** A documented column offered in the picker. */
export interface MappingTarget {
  target: string;
  /** What it belongs to, for the picker's groups: "Case", "Charge 1", "Conviction 2", "Warrant 1". */
  section: string;
  required: boolean;
  /** What a column read but never written gives, in docs/case-files.md's words (a date of birth, a level). */
  meaning?: string;
}

const GROUP_WORDS: Record<GroupName, string> = { charge: 'Charge', conviction: 'Conviction', warrant: 'Warrant' };

/**
 * Where each column the importer reads but never writes (CSV_READ_ONLY_COLUMNS: `dateOfBirth`,
 * `chargeN.level`, ...) sits in the picker, after a column of its own kind, and what it gives.
 */
const READ_ONLY_PLACES: Record<string, { after: string; meaning: string }> = {
  dateOfBirth: { after: 'age', meaning: 'date of birth: age at booking is counted from it, and wins over age' },
  level: { after: 'degree', meaning: 'class and degree in one cell (F1, M2, F)' },
};

/** The read-only fields placed after `field` of a group (or of the case, group undefined). */
function readOnlyAfter(field: string, group?: GroupName): string[] {
  const out: string[] = [];
  for (const c of CSV_READ_ONLY_COLUMNS) {
    const m = /^(charge|conviction|warrant)N\.([A-Za-z]+)$/.exec(c);
    if ((m ? m[1] : undefined) !== group) continue;
    const f = m ? m[2]! : c;
    if (READ_ONLY_PLACES[f]?.after === field) out.push(f);
  }
  return out;
}

/** The picker's section of a group's columns read one item per row: "Charge of each row (one row per charge)". */
export function rowItemSection(group: GroupName): string {
  return `${GROUP_WORDS[group]} of each row (one row per ${group})`;
}

/**
 * The documented columns, with `groups` numbered groups of each kind (charge1..., conviction1...,
 * warrant1...), the columns read but never written in their groups (dateOfBirth by age, chargeN.level
 * by degree), and any other target in `also` the importer reads (a mapping loaded from a file may
 * name charge7.class): every one checked by parseTarget.
 */
export function mappingTargets(groups: Partial<Record<GroupName, number>> = {}, also: readonly string[] = []): MappingTarget[] {
  const out: MappingTarget[] = [];
  const seen = new Set<string>();
  const add = (target: string, section: string) => {
    const meaning = parseMappedTarget(target);
    if (typeof meaning === 'string' || seen.has(meaning.target)) return;
    seen.add(meaning.target);
    const words = READ_ONLY_PLACES[meaning.field]?.meaning;
    out.push({
      target: meaning.target,
      section,
      required: CSV_REQUIRED_COLUMNS.includes(meaning.target),
      ...(words ? { meaning: words } : {}),
    });
  };
  for (const c of CSV_CASE_COLUMNS) {
    add(c, 'Case');
    for (const f of readOnlyAfter(c)) add(f, 'Case');
  }
  const wanted: Record<GroupName, number> = { charge: 2, conviction: 3, warrant: 1 };
  for (const t of also) {
    const meaning = parseMappedTarget(t);
    if (typeof meaning !== 'string' && meaning.group) wanted[meaning.group] = Math.max(wanted[meaning.group], meaning.slot + 1);
  }
  for (const g of Object.keys(CSV_GROUP_COLUMNS) as GroupName[]) {
    const n = Math.min(MAX_GROUP_NUMBER, Math.max(wanted[g], groups[g] ?? 0));
    for (let k = 1; k <= n; k++)
      for (const f of CSV_GROUP_COLUMNS[g]) {
        add(`${g}${k}.${f}`, `${GROUP_WORDS[g]} ${k}`);
        for (const r of readOnlyAfter(f, g)) add(`${g}${k}.${r}`, `${GROUP_WORDS[g]} ${k}`);
      }
  }
  // An export of one row per charge (conviction, warrant): the row's own, with no number.
  for (const g of Object.keys(CSV_GROUP_COLUMNS) as GroupName[])
    for (const f of CSV_GROUP_COLUMNS[g]) {
      add(`${g}.${f}`, rowItemSection(g));
      for (const r of readOnlyAfter(f, g)) add(`${g}.${r}`, rowItemSection(g));
    }
  for (const t of also) add(t, 'Other');
  return out;
}

/** A required case column, and the column of their export that gives it (through our column `as`), if any. */
export interface RequiredColumn {
  target: string;
  /** Columns that may give it instead (age: dateOfBirth). */
  or: string[];
  from?: { name: string; as: string };
}

/**
 * The columns every case needs, each with the column of the header that gives it under the mapping, by
 * the import's own rule (requiredGivers: a date of birth gives age, and wins over an age column). A
 * column not mapped and not left out is read as itself when its name is one of ours, as the import does.
 */
export function requiredColumns(header: readonly string[], mapping: ColumnMapping | undefined): RequiredColumn[] {
  const given = new Map<string, string>();
  const ignored = new Set(mapping?.ignore ?? []);
  const renames = mapping?.columns ?? {};
  for (const raw of header) {
    const name = raw.trim();
    if (ignored.has(name)) continue;
    const meaning = parseMappedTarget(Object.prototype.hasOwnProperty.call(renames, name) ? String(renames[name]) : name);
    if (typeof meaning !== 'string' && !given.has(meaning.target)) given.set(meaning.target, name);
  }
  return CSV_REQUIRED_COLUMNS.map((target) => {
    const givers = requiredGivers(target);
    const as = givers.find((t) => given.has(t));
    return { target, or: givers.filter((t) => t !== target), ...(as ? { from: { name: given.get(as)!, as } } : {}) };
  });
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
  const direct = [...CSV_CASE_COLUMNS, ...CSV_READ_ONLY_COLUMNS].find((c) => squeeze(c) === s);
  if (direct) return direct;
  const m = /^(charge|conviction|warrant)(\d+)\.?([a-z]+)$/.exec(s);
  if (!m) return undefined;
  const fields = [
    ...CSV_GROUP_COLUMNS[m[1] as GroupName],
    ...CSV_READ_ONLY_COLUMNS.filter((c) => c.startsWith(`${m[1]}N.`)).map((c) => c.slice(c.indexOf('.') + 1)),
  ];
  const field = fields.find((f) => f.toLowerCase() === m[3]);
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
  const meaning = parseMappedTarget(target);
  if (typeof meaning === 'string') return undefined;
  const f = meaning.field;
  if (BOOLEAN_FIELDS.has(f)) return [true, false];
  if (f === 'class') return ['felony', 'misdemeanor', 'infraction'];
  if (f === 'level') return LEVEL_CODES;
  if (f === 'requests') return ['hold', 'notify', 'hold;notify'];
  if (meaning.group === 'warrant' && f === 'kind') return ['criminal', 'civil'];
  if (meaning.group === 'warrant' && f === 'jurisdiction') return ['state', 'federal', 'other-state', 'local'];
  return undefined;
}

/** Levels in the letters exports use: a class letter, then a degree 1 to 9 or none (levelOf reads each). */
const LEVEL_CODES: readonly string[] = ['F', 'M', 'I'].flatMap((c) => [c, ...Array.from({ length: 9 }, (_, i) => `${c}${i + 1}`)]);

/** A level's code in LEVEL_CODES' letters: F1 for felony of the first degree, M for a misdemeanor with no degree. */
function levelCode(level: { class: string; degree?: number }): string {
  return `${level.class[0]!.toUpperCase()}${level.degree ?? ''}`;
}

/** A code that names its class by a word or its start (Fel-1, MISD 2, FELONY CLASS B), with a degree where it gives one. */
const LEVEL_WORD = /^\s*(fel(?:ony)?|misd?(?:emeanor)?|inf(?:raction)?|[fmi])(?![a-z])[^1-9]*([1-9])?/i;

/**
 * The level codes offered first in the value map for one of a level column's values, in place of all
 * 30: the code its own text points to (Fel-1: F1, then F; MISD: M), the codes the column's other
 * values already read as (F2, M in the file), and the one it is mapped to now, each once; `rest` holds
 * the other codes, offered behind "more levels". A value that points nowhere, in a column none of whose
 * values read as a level, has no first codes: every code is offered at once.
 */
export function levelChoices(value: string, columnValues: readonly string[], now?: string): { first: string[]; rest: string[] } {
  const first: string[] = [];
  const add = (code: string | undefined) => {
    if (code !== undefined && LEVEL_CODES.includes(code) && !first.includes(code)) first.push(code);
  };
  const word = LEVEL_WORD.exec(value);
  if (word) {
    const letter = word[1]![0]!.toUpperCase();
    if (word[2]) add(`${letter}${word[2]}`);
    add(letter);
  }
  for (const v of columnValues) {
    const level = levelOf(v.trim());
    if (level) add(levelCode(level));
  }
  if (now !== undefined) {
    const level = levelOf(now);
    add(level ? levelCode(level) : now);
  }
  return { first, rest: LEVEL_CODES.filter((c) => !first.includes(c)) };
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
  const meaning = parseMappedTarget(target);
  if (typeof meaning === 'string') return true;
  if (v.toLowerCase() === 'unknown') return mayBeUnknown(target);
  const f = meaning.field;
  if (BOOLEAN_FIELDS.has(f)) return YES_NO.has(v.toLowerCase());
  if (NUMBER_FIELDS.has(f)) return /^-?\d+$/.test(v);
  if (DATE_FIELDS.has(f)) return ISO_DATE.test(v) || SLASHED_DATE.test(v);
  if (f === 'requests') return v.split(/[;|\s/]+/).every((r) => r === '' || r.toLowerCase() === 'hold' || r.toLowerCase() === 'notify');
  // A level is read by the import's own reading of one ("F1", "felony 2", "M-1"); another code ("Fel-1") is refused row by row.
  if (f === 'level') return levelOf(v) !== undefined;
  const ours = ourValues(target);
  return !ours || ours.some((o) => String(o) === v.toLowerCase());
}

// ---- what an empty cell means (`blanks`) ----

/** A meaning an empty cell of a yes/no column may be given: yes, no or unknown. */
export type BlankMeaning = boolean | 'unknown';

/** One choice of the panel's "an empty cell reads as" for a yes/no column. */
export interface BlankChoice {
  value: BlankMeaning;
  /** Whether it is what an empty cell reads as without an entry (no; a charge's bondable: yes). */
  isDefault: boolean;
}

/**
 * What an empty cell of this yes/no column (ours: `judicialWarrant`, `charge2.bondPosted`) may be said to
 * mean, as the import accepts it (blankProblem: a warrant's felony flag can't be unknown); undefined for
 * a column that is not yes/no.
 */
export function blankChoices(target: string): BlankChoice[] | undefined {
  const meaning = parseMappedTarget(target);
  if (typeof meaning === 'string' || !BOOLEAN_FIELDS.has(meaning.field)) return undefined;
  // The contract's default for a fact not given (a charge is bondable unless said otherwise; docs/case-files.md).
  const byDefault = yesNoDefault(meaning.field);
  return (['unknown', false, true] as const)
    .filter((v) => blankProblem(meaning.target, String(v)) === undefined)
    .map((value) => ({ value, isDefault: value === byDefault }));
}

/**
 * The `blanks` entry the import applies to their column `name` read as our `target`: its own, our
 * column's, or its group field's (`charge.bondPosted`), the first it finds, as the import looks; with
 * its meaning as yes, no or unknown (undefined when it is none of these).
 */
export function blankOf(
  mapping: ColumnMapping,
  name: string,
  target: string,
): { key: string; value: BlankMeaning | undefined } | undefined {
  const blanks = mapping.blanks;
  if (!blanks) return undefined;
  const meaning = parseMappedTarget(target);
  const group = typeof meaning !== 'string' && meaning.group ? `${meaning.group}.${meaning.field}` : undefined;
  const key = [name, target, group].find((k) => k !== undefined && Object.prototype.hasOwnProperty.call(blanks, k));
  if (key === undefined) return undefined;
  const raw = String(blanks[key]);
  if (isUnknownCell(raw)) return { key, value: 'unknown' };
  const v = typeof meaning === 'string' ? raw : csvValue(meaning.field, raw);
  return { key, value: typeof v === 'boolean' ? v : undefined };
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

/** How the app's refusal of a header with none of the case columns says to map it: in the Map columns panel below it. */
export const MAP_IN_THE_APP =
  'Map the columns in the Map columns panel below (saved, the mapping is the file the command line reads with --mapping FILE), or rename them in the file';

/** How the app says to read an export of one row per charge: with the panel's targets of each row. */
export const ONE_ROW_PER_CHARGE_IN_THE_APP = `to read each run of rows with one id as one booking, map the charge's columns in the Map columns panel (Map columns…) to its targets under “${rowItemSection('charge')}”`;

/** How the app says it: where in the Map columns panel a code is given its level. */
export const LEVEL_CODES_IN_THE_APP =
  '; in the Map columns panel (Map columns…), under “Their values”, choose the level each of the export’s codes stands for';

/** How the Map columns panel says to map a column not yet chosen: in its own list, not under the mapping file's "columns". */
export const UNKNOWN_COLUMN_IN_THE_PANEL =
  '; in the Map columns panel, choose the case column it fills in its “Reads as” list, or “Leave out”';
/** How the app says a column of a file read with no mapping can be mapped: in the panel. */
export const UNKNOWN_COLUMN_IN_THE_APP = '; the Map columns panel (Map columns…) can say which case column it fills, or leave it out';

/** How the app tells an unknown column of a refused header it can be mapped: in the panel (given to columnProblemText, as data). */
export const UNKNOWN_COLUMN_WORDS_IN_THE_APP: UnknownColumnWords = {
  mapped: UNKNOWN_COLUMN_IN_THE_PANEL,
  unmapped: UNKNOWN_COLUMN_IN_THE_APP,
  noCaseColumns: MAP_IN_THE_APP,
};

/** Each way to mend a problem (`CaseMend`), as the command line says it in the problem and as the app says it. */
const MEND_WORDS: Record<CaseMend['kind'], { commandLine: string; app: string }> = {
  'one-row-per-charge': { commandLine: ONE_ROW_PER_CHARGE_ON_THE_COMMAND_LINE, app: ONE_ROW_PER_CHARGE_IN_THE_APP },
  'level-codes': { commandLine: LEVEL_CODES_ON_THE_COMMAND_LINE, app: LEVEL_CODES_IN_THE_APP },
};

/**
 * A case file's problem as the app says it, from the problem's data: a header's problem (`header`) worded
 * for the Map columns panel, and the way to mend it (`mend`) the panel's way, not the command line's.
 * Any other problem is returned as it is.
 */
export function problemInTheApp(p: CaseProblem): CaseProblem {
  if (p.header) return { ...p, message: columnProblemText(p.header, UNKNOWN_COLUMN_WORDS_IN_THE_APP) };
  if (!p.mend) return p;
  const words = MEND_WORDS[p.mend.kind];
  const end = p.message.length - p.mend.after;
  const start = end - words.commandLine.length;
  // The place is the problem's own; a message not built as its mend says is left as the import said it.
  if (start < 0 || p.message.slice(start, end) !== words.commandLine) return p;
  return { ...p, message: `${p.message.slice(0, start)}${words.app}${p.message.slice(end)}` };
}

/** A date cell written with slashes ("03/04/2024", "3/4/24 8:00 PM") quoted in a problem. */
const QUOTED_SLASHED_DATE = /not "\d{1,2}\/\d{1,2}\/\d{2,4}\b[^"]*"/;

/** Where the app's Map columns panel says the order of slashed dates (the label of its choice). */
export const SLASHED_DATES_CHOICE = 'Slashed dates (like 09/07/2025) are';

/**
 * A CSV row's problem with a date written with slashes, as the app says it: such a date is read only once
 * the Map columns panel is told its order (day or month first), and the problem says where. Other problems
 * are returned as they are.
 */
export function slashedDateInTheApp(problem: string): string {
  if (!QUOTED_SLASHED_DATE.test(problem)) return problem;
  return `${problem}: a date written with slashes is read only once its order is chosen, in the Map columns panel (Map columns…) at “${SLASHED_DATES_CHOICE}”`;
}

/** What the mapping (or no mapping) still leaves wrong for this header, as the import would say it (nothing: it reads). */
export function mappingProblems(header: readonly string[], mapping: ColumnMapping | undefined): string[] {
  return planColumns(header, mapping).problems.map((p) => columnProblemText(p));
}

/**
 * What the mapping (or no mapping) still leaves wrong for this header, as data (each column's problem, the whole
 * header's, past any count), for the Map columns panel to say in its own words.
 */
export function mappingIssues(header: readonly string[], mapping: ColumnMapping | undefined): ColumnProblem[] {
  return planColumns(header, mapping, { every: true }).problems;
}

// ---- the mapping as a YAML file ----

const KEY_ORDER = ['description', 'columns', 'values', 'blanks', 'ignore', 'dates'];
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
