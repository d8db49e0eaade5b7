// The documented CSV columns of a case file, how a header (optionally renamed by a column mapping)
// is planned onto them, and the reference reading of one row into a contract-form case.

import { unguardedCell } from '../csv';
import { didYouMean, nearCandidates } from '../diagnostics';
import { CHARGE_UNKNOWNS, CONVICTION_UNKNOWNS, RECORD_KEYS, type OffenseClass } from '../model';
import { MINUTES_PER_DAY, packedCivilFromDays, parseDate, parseDateTime, unrealDateProblem } from '../time';
import { RECORD_BITS } from '../prepared';
import type { ColumnMapping, DateOrder } from './mapping';
import type { CaseMend } from '../cases';

/** The documented CSV columns (see docs/case-files.md). Numbered groups: charge1..., conviction1..., warrant1.... */
export const CSV_CASE_COLUMNS: readonly string[] = [
  'id',
  'age',
  'bookedAt',
  'eligibleForReleaseAt',
  'requests',
  'issuedAt',
  'judicialWarrant',
  'administrativeWarrant',
  ...RECORD_KEYS,
];
export const CSV_GROUP_COLUMNS: Record<'charge' | 'conviction' | 'warrant', string[]> = {
  charge: ['offense', 'class', 'degree', 'categories', 'bondPosted', 'bondable', 'probableCauseFinding'],
  conviction: ['offense', 'class', 'degree', 'categories', 'convictedOn', 'releasedOn', 'incarceratedDays', 'current', 'juvenile'],
  warrant: ['kind', 'jurisdiction', 'felony'],
};
/** Columns every case file needs: without them every row would fail the same way. */
export const CSV_REQUIRED_COLUMNS: readonly string[] = ['id', 'age', 'bookedAt', 'eligibleForReleaseAt'];
/** Columns that stand in for a required one, each winning over it when both are there: a date of birth gives age at booking. */
const REQUIRED_STAND_INS: Readonly<Record<string, readonly string[]>> = { age: ['dateOfBirth'] };

/** The columns that may give a required column, in the order the import prefers them: its stand-ins, then itself. */
export function requiredGivers(required: string): readonly string[] {
  return [...(REQUIRED_STAND_INS[required] ?? []), required];
}
/** Highest number of a charge, conviction or warrant group. */
export const MAX_GROUP_NUMBER = 99;

export type GroupName = keyof typeof CSV_GROUP_COLUMNS;
export const GROUP_LIST: Record<GroupName, 'currentCharges' | 'convictions' | 'warrants'> = {
  charge: 'currentCharges',
  conviction: 'convictions',
  warrant: 'warrants',
};

// Column kinds, for the fast reader's switch: an enum, so that the bundler writes each case as its number
// (a switch over literal numbers compiles to a jump; over property reads, to a chain of comparisons).
export enum K {
  id = 1,
  age = 2,
  bookedAt = 3,
  eligibleForReleaseAt = 4,
  requests = 5,
  issuedAt = 6,
  judicialWarrant = 7,
  administrativeWarrant = 8,
  record = 9,
  dateOfBirth = 10,
  chargeOffense = 20,
  chargeClass = 21,
  chargeDegree = 22,
  chargeCategories = 23,
  chargeBondPosted = 24,
  chargeBondable = 25,
  chargeProbableCause = 26,
  chargeLevel = 27,
  convictionOffense = 30,
  convictionClass = 31,
  convictionDegree = 32,
  convictionCategories = 33,
  convictionConvictedOn = 34,
  convictionReleasedOn = 35,
  convictionIncarceratedDays = 36,
  convictionCurrent = 37,
  convictionJuvenile = 38,
  convictionLevel = 39,
  warrantKind = 40,
  warrantJurisdiction = 41,
  warrantFelony = 42,
}

const GROUP_KIND_BASE: Record<GroupName, number> = { charge: 20, conviction: 30, warrant: 40 };

export interface PlannedColumn {
  /** 0-based position in the row. */
  index: number;
  /** The column's name in the file. */
  name: string;
  /** The documented column it fills, e.g. `bookedAt` or `conviction2.convictedOn`. */
  target: string;
  kind: number;
  /** For group columns: the 0-based group number; for record columns: the record bit. */
  slot: number;
  group?: GroupName;
  field: string;
  /** Their values to ours, when the mapping gives a value map for this column. */
  values?: ValueMap;
  /** What an empty cell reads as, when the mapping says (`blanks`): `unknown` or a value in our terms. */
  blank?: string;
}

/** A value map: exact match first, then a match ignoring case. */
export class ValueMap {
  private readonly exact = new Map<string, string>();
  private readonly folded = new Map<string, string>();

  constructor(entries: ReadonlyArray<readonly [string, string]>) {
    const clash = new Set<string>();
    for (const [from, to] of entries) {
      this.exact.set(from, to);
      const f = from.toLowerCase();
      if (this.folded.has(f) && this.folded.get(f) !== to) clash.add(f);
      this.folded.set(f, to);
    }
    for (const f of clash) this.folded.delete(f);
  }

  map(value: string): string {
    return this.exact.get(value) ?? this.folded.get(value.toLowerCase()) ?? value;
  }
}

export interface ColumnPlan {
  columns: PlannedColumn[];
  /** Columns in the header, planned or ignored. */
  width: number;
  /** Highest group number used, per group (0 when none). */
  groups: Record<GroupName, number>;
  /** The mapping's order of slashed dates, when it gives one. */
  dates?: DateOrder;
  /**
   * The groups a row gives one item of (a mapping's `charge.class`, with no number): a booking is the
   * run of rows with its id, each row adding its charge (conviction, warrant). Read as group 1.
   */
  rowItems?: GroupName[];
}

export function allDocumentedColumns(groupCount = 1): string[] {
  const out = [...CSV_CASE_COLUMNS];
  for (const [g, fields] of Object.entries(CSV_GROUP_COLUMNS))
    for (let n = 1; n <= groupCount; n++) for (const f of fields) out.push(`${g}${n}.${f}`);
  return out;
}

/**
 * Columns read into the case without being one of its facts: a date of birth (age at booking is
 * counted from it) and a charge's or conviction's level, class and degree in one cell ("F1", "M").
 * Read, never written (the case CSV the project writes keeps `age`, `class` and `degree`).
 */
export const CSV_READ_ONLY_COLUMNS: readonly string[] = ['dateOfBirth', 'chargeN.level', 'convictionN.level'];

/** What a documented column name means, or undefined when it is not one. */
type TargetMeaning = Pick<PlannedColumn, 'target' | 'kind' | 'slot' | 'group' | 'field'>;

export function parseTarget(target: string): TargetMeaning | string {
  if (target === 'dateOfBirth') return { target, kind: K.dateOfBirth, slot: 0, field: target };
  const level = /^(charge|conviction)(\d+)\.level$/.exec(target);
  if (level) {
    const n = Number(level[2]);
    if (n < 1 || n > MAX_GROUP_NUMBER) return `${level[1]} numbers run from 1 to ${MAX_GROUP_NUMBER}, not ${level[2]}`;
    const group = level[1] as 'charge' | 'conviction';
    return {
      target: `${group}${n}.level`,
      kind: group === 'charge' ? K.chargeLevel : K.convictionLevel,
      slot: n - 1,
      group,
      field: 'level',
    };
  }
  if (CSV_CASE_COLUMNS.includes(target)) {
    if ((RECORD_KEYS as readonly string[]).includes(target))
      return { target, kind: K.record, slot: RECORD_BITS[target as keyof typeof RECORD_BITS], field: target };
    return { target, kind: K[target as keyof typeof K], slot: 0, field: target };
  }
  const m = /^(charge|conviction|warrant)(\d+)\.([A-Za-z]+)$/.exec(target);
  if (m) {
    const group = m[1] as GroupName;
    const n = Number(m[2]);
    const fields = CSV_GROUP_COLUMNS[group];
    const f = fields.indexOf(m[3]!);
    if (f < 0) {
      const guess = didYouMean(m[3]!, group === 'warrant' ? fields : [...fields, 'level']);
      return `"${m[3]}" is not a ${group} column${guess ? `; did you mean "${group}${n}.${guess}"?` : `; ${group} columns are ${fields.join(', ')}`}`;
    }
    if (n < 1 || n > MAX_GROUP_NUMBER) return `${group} numbers run from 1 to ${MAX_GROUP_NUMBER}, not ${m[2]}`;
    return { target: `${group}${n}.${m[3]}`, kind: GROUP_KIND_BASE[group] + f, slot: n - 1, group, field: m[3]! };
  }
  const guess = didYouMean(target, DOCUMENTED);
  return `"${target}" is not a case column${guess ? `; did you mean "${guess}"?` : ''}`;
}

/** Whether parseTarget may read the name as one of ours; when not, it says why (a string). */
function mightBeTarget(name: string): boolean {
  return name === 'dateOfBirth' || CSV_CASE_COLUMNS.includes(name) || /^(charge|conviction|warrant)\d+\.[A-Za-z]+$/.test(name);
}
const NOT_OURS = 'not a case column';

/** A mapping's group field without a number (`charge.class`, `warrant.kind`): the row's own item. */
const ROW_ITEM = /^(charge|conviction|warrant)\.([A-Za-z]+)$/;

/**
 * What a mapping's target means: one of ours (`parseTarget`), or a group field without a number
 * (`charge.class`), which reads the row's one charge, conviction or warrant (as group 1, `rowItem`).
 */
export function parseMappedTarget(target: string): (TargetMeaning & { rowItem?: true }) | string {
  const m = ROW_ITEM.exec(target);
  if (!m) return parseTarget(target);
  const meaning = parseTarget(`${m[1]}1.${m[2]}`);
  if (typeof meaning === 'string') return meaning.replace(`${m[1]}1.`, `${m[1]}.`);
  return { ...meaning, target: `${m[1]}.${m[2]}`, rowItem: true };
}

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
const DOCUMENTED = [...allDocumentedColumns(), 'dateOfBirth', 'charge1.level', 'conviction1.level'];
/** Unknown columns listed one by one; past this a header is not a case file at all, and the rest are counted. */
const MAX_LISTED_COLUMNS = 50;

/**
 * How an unknown column of a header read with a mapping file is told to be mapped, on the command line:
 * the file's keys. The app's Map columns panel says its own list instead (mapping-panel-words.ts).
 */
export const UNKNOWN_COLUMN_IN_THE_MAPPING_FILE = '; map it under "columns" or list it under "ignore" in the mapping';
/** How an unknown column of a header read with no mapping is told it can be mapped, on the command line. */
export const UNKNOWN_COLUMN_WITHOUT_A_MAPPING = '; a column mapping can rename it';

/**
 * The documented column a header's unknown column name is likely a slip of, or undefined. A jail's
 * export names its columns in its own words, which are not typos of ours: a short name is two letters
 * from several of ours without being like any (JW, a judicial warrant, is not "id"; NAME and RACE are
 * not "age"), so a guess takes at most one wrong letter in three of the shorter name (one at least).
 */
function likeColumn(name: string, candidates: readonly string[]): string | undefined {
  return nearCandidates(name, candidates, { limitOf: 'shorter' })[0];
}

/**
 * likeColumn of our documented columns, kept by name: the Map columns panel plans the same header again
 * at each choice, and a header of thousands of columns took most of a second to liken each time.
 */
const likeness = new Map<string, string | null>();
const LIKENESS_KEPT = 20_000;
function likeDocumented(name: string): string | undefined {
  let like = likeness.get(name);
  if (like === undefined) {
    if (likeness.size >= LIKENESS_KEPT) likeness.clear();
    like = likeColumn(name, DOCUMENTED) ?? null;
    likeness.set(name, like);
  }
  return like ?? undefined;
}

/** How the refusal of a header with none of the case columns says to map it, on the command line. */
export const MAP_ON_THE_COMMAND_LINE =
  'Map the columns with a mapping file on the command line (--mapping FILE; docs/case-files.md), or rename them in the file';

/** How a level the import does not read is told to be mapped, on the command line: the mapping file's key. */
export const LEVEL_CODES_ON_THE_COMMAND_LINE = `; map the export's codes under "values"`;

/**
 * How a repeated id whose rows come one after another (a jail's export of one row per charge) is
 * told to be read on the command line: as one booking, through a mapping of the charge's columns
 * with no number. The app says the panel's way instead (problemInTheApp, from the problem's `mend`).
 */
export const ONE_ROW_PER_CHARGE_ON_THE_COMMAND_LINE =
  'to read each run of rows with one id as one booking, map the charge\'s columns with no number in a column mapping (CHG_LVL: charge.level, CHG_DESC: charge.offense; --mapping FILE; docs/case-files.md, "One row per charge")';

/**
 * A problem of a header (read with a column mapping, or with none), as data: what it is, the column it
 * is about (1-based) and its name. Each face words it: the import and the command line with
 * `columnProblemText`, the app's Map columns panel in its own words.
 */
export type ColumnProblem =
  /** A column with no name. */
  | { kind: 'unnamed'; column: number; mapped: boolean }
  /** A column that is not one of ours and that no mapping names; `like` is the documented column its name is likely a slip of. */
  | { kind: 'unknown'; column: number; name: string; like?: string; mapped: boolean }
  /** The mapping sends a column to a target that is not one of ours; `why` says how. */
  | { kind: 'bad-target'; column: number; name: string; why: string }
  /** Two columns give the same case column. */
  | { kind: 'doubled'; first: number; firstName: string; column: number; name: string; target: string }
  /** Columns past the listed problems, not read (the header names `width` columns). */
  | { kind: 'unlisted'; count: number; width: number }
  /** The mapping reads one item of a group per row and a column gives a numbered one. */
  | { kind: 'row-items-and-numbered'; group: GroupName; name: string }
  /** A column the mapping reads that the header does not name; `like` is a header name it is likely a slip of. */
  | { kind: 'mapped-column-absent'; name: string; target: string; like?: string }
  /** No column gives a required column (nor one of `or`, its stand-ins). */
  | { kind: 'required'; target: string; or: string[]; mapped: boolean; width: number }
  /** A header with none of the case columns, read with no mapping: its first names (`found`, cut), of `count`. */
  | { kind: 'no-case-columns'; found: string[]; count: number };

/** Names of a header with none of the case columns said in its problem, at most. */
const FOUND = 8;

/** How an unknown column is told it can be mapped: with a mapping (`mapped`), and without one. */
export interface UnknownColumnWords {
  mapped: string;
  unmapped: string;
  /** How a header with none of the case columns is told to be mapped. */
  noCaseColumns: string;
}

/** The command line's: the mapping file's keys. */
const UNKNOWN_COLUMN_ON_THE_COMMAND_LINE: UnknownColumnWords = {
  mapped: UNKNOWN_COLUMN_IN_THE_MAPPING_FILE,
  unmapped: UNKNOWN_COLUMN_WITHOUT_A_MAPPING,
  noCaseColumns: MAP_ON_THE_COMMAND_LINE,
};

/** A header problem as the import and the command line say it (the app gives its own words for an unknown column). */
export function columnProblemText(p: ColumnProblem, unknownWords: UnknownColumnWords = UNKNOWN_COLUMN_ON_THE_COMMAND_LINE): string {
  switch (p.kind) {
    case 'unnamed':
      return p.mapped
        ? `column ${p.column} has no name; name it in the file or leave the column out`
        : `column ${p.column} has no name; the first row names the columns (id, age, bookedAt, ...)`;
    case 'unknown':
      return (
        `unknown column "${p.name}" (column ${p.column})${p.like ? `; did you mean "${p.like}"?` : ''}` +
        (p.mapped ? unknownWords.mapped : unknownWords.unmapped)
      );
    case 'bad-target':
      return `the mapping sends column "${p.name}" (column ${p.column}) to ${p.why}`;
    case 'doubled':
      return `columns ${p.first} ("${p.firstName}") and ${p.column} ("${p.name}") both give "${p.target}"`;
    case 'unlisted':
      return `... and ${p.count} more columns not read (the header names ${p.width} columns)`;
    case 'row-items-and-numbered':
      return `the mapping reads one ${p.group} per row (${p.group}.field, with no number) and column "${p.name}" gives a numbered ${p.group}; a file gives its ${p.group}s one way or the other`;
    case 'mapped-column-absent':
      return (
        `the mapping reads "${p.target}" from column "${p.name}", which the header does not name` +
        (p.like ? `; did you mean "${p.like}"?` : '') +
        '; every case would read it as empty. Correct the name, or take the entry out of the mapping'
      );
    case 'required':
      return (
        `no column gives "${p.target}"${p.or.length ? ` (or ${p.or.map((t) => `"${t}"`).join(', ')})` : ''}, which every case needs` +
        (p.mapped ? '; map one of the columns to it' : ` (the header names ${p.width} columns)`)
      );
    case 'no-case-columns': {
      const shown = (h: string) => (h.length > 40 ? `${h.slice(0, 40)}...` : h);
      const found = p.found.map(shown).join(', ') + (p.count > p.found.length ? `, ... (${p.count} columns)` : '');
      return (
        `the header has none of the case columns (${CSV_REQUIRED_COLUMNS.join(', ')}, ...); found ${found}. ` + unknownWords.noCaseColumns
      );
    }
  }
}

/**
 * Plans how each header column fills a case, through the mapping when one is given. Unknown and
 * doubled columns are reported, never ignored silently; the plan is undefined when there are any.
 * Past 50 problems the rest of the header is counted, not read, unless `every` (the app's panel,
 * which reads a sample's header and says a long list briefly in its own words).
 */
export function planColumns(
  header: readonly string[],
  mapping?: ColumnMapping,
  opts: { every?: boolean } = {},
): { plan?: ColumnPlan; problems: ColumnProblem[] } {
  const problems: ColumnProblem[] = [];
  const columns: PlannedColumn[] = [];
  const taken = new Map<string, number>();
  const ignored = new Set(mapping?.ignore ?? []);
  const renames = mapping?.columns ?? {};
  const mapped = mapping !== undefined;
  const groups: Record<GroupName, number> = { charge: 0, conviction: 0, warrant: 0 };
  // Groups read one item per row (`charge.class` in the mapping), and those read in numbered columns.
  const rowItems = new Set<GroupName>();
  const numberedBy = new Map<GroupName, string>();
  let unlisted = 0;
  header.forEach((raw, index) => {
    if (problems.length >= MAX_LISTED_COLUMNS && !opts.every) {
      unlisted++;
      return;
    }
    const name = raw.trim();
    const column = index + 1;
    if (name === '' && mapping === undefined) {
      problems.push({ kind: 'unnamed', column, mapped });
      return;
    }
    if (ignored.has(name)) return;
    let target = name;
    if (own(renames, name)) target = String(renames[name]);
    else if (mapping && name === '') {
      problems.push({ kind: 'unnamed', column, mapped });
      return;
    }
    // A name that is none of ours is said unknown without parseTarget's wording of why (its guess, unused here).
    const meaning = target !== name ? parseMappedTarget(target) : mightBeTarget(name) ? parseTarget(target) : NOT_OURS;
    if (typeof meaning === 'string') {
      if (target !== name) problems.push({ kind: 'bad-target', column, name, why: meaning });
      else {
        const like = likeDocumented(name);
        problems.push({ kind: 'unknown', column, name, ...(like ? { like } : {}), mapped });
      }
      return;
    }
    // A level gives a class and a degree: it takes both columns' places.
    const numbered = 'rowItem' in meaning ? '' : String(meaning.slot + 1);
    const gives =
      meaning.field === 'level' ? [`${meaning.group}${numbered}.class`, `${meaning.group}${numbered}.degree`] : [meaning.target];
    for (const t of gives) {
      const first = taken.get(t);
      if (first !== undefined) {
        problems.push({ kind: 'doubled', first: first + 1, firstName: header[first]!.trim(), column, name, target: t });
        return;
      }
    }
    for (const t of gives) taken.set(t, index);
    if (meaning.group) {
      groups[meaning.group] = Math.max(groups[meaning.group], meaning.slot + 1);
      if ('rowItem' in meaning) rowItems.add(meaning.group);
      else if (!numberedBy.has(meaning.group)) numberedBy.set(meaning.group, name);
    }
    // Every column gets the same keys, in the same order: the reader's loop over them stays fast.
    columns.push({
      index,
      name,
      // A row's own item is named as the mapping names it (`charge.class`), not as group 1.
      target: meaning.target,
      kind: meaning.kind,
      slot: meaning.slot,
      group: meaning.group,
      field: meaning.field,
      values: valueMapFor(mapping, name, meaning.target, meaning.group, meaning.field),
      blank: blankFor(mapping, name, meaning.target, meaning.group, meaning.field),
    });
  });
  if (unlisted) problems.push({ kind: 'unlisted', count: unlisted, width: header.length });
  for (const g of rowItems) if (numberedBy.has(g)) problems.push({ kind: 'row-items-and-numbered', group: g, name: numberedBy.get(g)! });
  // A column the mapping names that the header lacks (a misspelt name, an export that changed) would
  // leave its fact empty on every case, read as the empty cell's default: said, never passed over.
  if (mapping?.columns && unlisted === 0) {
    const names = header.map((h) => h.trim());
    for (const theirs of Object.keys(renames)) {
      if (names.includes(theirs)) continue;
      const like = didYouMean(theirs, names);
      problems.push({ kind: 'mapped-column-absent', name: theirs, target: String(renames[theirs]), ...(like ? { like } : {}) });
    }
  }
  for (const required of CSV_REQUIRED_COLUMNS) {
    // A date of birth gives age at booking.
    const givers = requiredGivers(required);
    if (!givers.some((t) => taken.has(t)) && unlisted === 0)
      problems.push({ kind: 'required', target: required, or: givers.filter((t) => t !== required), mapped, width: header.length });
  }
  // A header with none of the case columns is another kind of file (a jail's own export, a file
  // opened by mistake): said first, in one line, before the column-by-column problems.
  const named = header.map((h) => h.trim()).filter((h) => h !== '');
  // (A header too long to list in full already says so, as the required columns are left unsaid then.)
  if (!mapping && columns.length === 0 && named.length > 0 && unlisted === 0) {
    // Each column is not one of ours, and no column gives a required one: the line says it once. What
    // it does not say stays: a column that looks like a slip of one of ours, a column with no name.
    const rest = problems.filter((p) => !(p.kind === 'required' || (p.kind === 'unknown' && !p.like)));
    problems.length = 0;
    problems.push({ kind: 'no-case-columns', found: named.slice(0, FOUND), count: named.length }, ...rest);
  }
  if (problems.length) return { problems };
  return {
    plan: {
      columns,
      width: header.length,
      groups,
      ...(mapping?.dates ? { dates: mapping.dates } : {}),
      ...(rowItems.size ? { rowItems: [...rowItems] } : {}),
    },
    problems,
  };
}

function valueMapFor(mapping: ColumnMapping | undefined, name: string, target: string, group: GroupName | undefined, field: string) {
  const values = mapping?.values;
  if (!values) return undefined;
  const key = [name, target, group ? `${group}.${field}` : undefined].find((k) => k !== undefined && own(values, k));
  if (key === undefined) return undefined;
  const map = values[key]!;
  return new ValueMap(Object.keys(map).map((from) => [from, String(map[from])] as const));
}

function blankFor(mapping: ColumnMapping | undefined, name: string, target: string, group: GroupName | undefined, field: string) {
  const blanks = mapping?.blanks;
  if (!blanks) return undefined;
  const key = [name, target, group ? `${group}.${field}` : undefined].find((k) => k !== undefined && own(blanks, k));
  if (key === undefined) return undefined;
  const to = String(blanks[key]);
  // `unknown` in any case, as a cell; `true`/`false` as the yes/no words they are.
  return isUnknownCell(to) ? 'unknown' : to;
}

/** Columns whose empty cell can't be given a meaning: every case needs their fact as it is. */
const NO_BLANK_FIELDS = new Set(['id', 'age', 'dateOfBirth']);

/**
 * Why an empty cell of the column `target` (one of ours, or a group field such as `charge.bondPosted`)
 * can't read as `value`; undefined when it can, or when `target` names no column of ours (said elsewhere).
 */
export function blankProblem(target: string, value: string): string | undefined {
  let field: string;
  let group: GroupName | undefined;
  const g = ROW_ITEM.exec(target);
  if (g) {
    group = g[1] as GroupName;
    field = g[2]!;
    if (!CSV_GROUP_COLUMNS[group].includes(field) && !(field === 'level' && group !== 'warrant')) return undefined;
  } else {
    const meaning = parseTarget(target);
    if (typeof meaning === 'string') return undefined;
    group = meaning.group;
    field = meaning.field;
  }
  if (NO_BLANK_FIELDS.has(field))
    return `an empty "${target}" can't be read as a value: every case needs its own ${field === 'id' ? 'id' : field === 'age' ? 'age' : 'date of birth (or age)'}`;
  if (isUnknownCell(value)) {
    const can = group ? UNKNOWN_GROUP_FIELDS[group][field === 'level' ? 'class' : field] : UNKNOWN_CELL_FACTS[field];
    if (!can)
      return `"${target}" can't be unknown in the case format; columns that can: bookedAt, eligibleForReleaseAt, requests, judicialWarrant, administrativeWarrant, the records checks, a charge's class (or level), bondPosted, bondable, probableCauseFinding, a conviction's class (or level), convictedOn, releasedOn, incarceratedDays, current`;
    return undefined;
  }
  if (BOOLEAN_FIELDS.has(field) && typeof csvValue(field, value) !== 'boolean')
    return `an empty "${target}" must mean yes, no or unknown, not "${value}"`;
  if (NUMBER_FIELDS.has(field) && typeof csvValue(field, value) !== 'number')
    return `an empty "${target}" must mean a whole number or unknown, not "${value}"`;
  if (field === 'level' && levelOf(value) === undefined)
    return `an empty "${target}" must mean a level such as F1, M or unknown, not "${value}"`;
  return undefined;
}

// ---- the reference reading of a row ----

export const NUMBER_FIELDS: ReadonlySet<string> = new Set(['age', 'degree', 'incarceratedDays']);
export const BOOLEAN_FIELDS: ReadonlySet<string> = new Set([
  'judicialWarrant',
  'administrativeWarrant',
  ...RECORD_KEYS,
  'bondPosted',
  'bondable',
  'probableCauseFinding',
  'current',
  'juvenile',
  'felony',
]);

/** A CSV cell as the contract's value: numbers and yes/no words converted, lists split. */
export function csvValue(field: string, raw: string): unknown {
  if (NUMBER_FIELDS.has(field)) return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (BOOLEAN_FIELDS.has(field)) {
    const v = raw.toLowerCase();
    if (v === 'true' || v === 'yes' || v === 'y' || v === '1') return true;
    if (v === 'false' || v === 'no' || v === 'n' || v === '0') return false;
    return raw;
  }
  if (field === 'categories') return splitCategories(raw);
  return raw;
}

export function splitCategories(raw: string): string[] {
  return raw.split(/[;|\s]+/).filter(Boolean);
}

export function splitRequests(raw: string): string[] {
  return raw.split(/[;|\s/]+/).filter(Boolean);
}

export const DATE_FIELDS: ReadonlySet<string> = new Set([
  'bookedAt',
  'eligibleForReleaseAt',
  'issuedAt',
  'convictedOn',
  'releasedOn',
  'dateOfBirth',
]);
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;
const two = (n: string) => n.padStart(2, '0');

/**
 * A slashed date (`09/07/2025`, `9/7/2025 2:30 PM`) as the ISO text the case format reads, in the
 * order given; anything else as it is (an ISO date, or a value the checker reports). A year of two
 * digits is left as it is: its century is a guess.
 */
export function isoFromSlashed(raw: string, order: DateOrder): string {
  const m = SLASHED.exec(raw);
  if (!m) return raw;
  const [month, day] = order === 'month/day/year' ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  const date = `${m[3]}-${two(month)}-${two(day)}`;
  if (m[4] === undefined) return date;
  let hour = Number(m[4]);
  if (m[7]) {
    // 12 AM is midnight, 12 PM noon; an hour past 12 with AM or PM is left for the checker to report.
    if (hour < 1 || hour > 12) return raw;
    hour = (hour % 12) + (m[7].toLowerCase() === 'p' ? 12 : 0);
  }
  return `${date}T${two(String(hour))}:${m[5]}${m[6] ? `:${m[6]}` : ''}`;
}

/** The cell that says the records don't give a fact: `unknown`, in any case. */
export function isUnknownCell(raw: string): boolean {
  return raw.length === 7 && raw.toLowerCase() === 'unknown';
}

/** The facts of a case a cell may give as unknown, by column (the contract's names in `unknown`). */
const UNKNOWN_CELL_FACTS: Record<string, string> = {
  bookedAt: 'bookedAt',
  eligibleForReleaseAt: 'eligibleForReleaseAt',
  requests: 'requests',
  judicialWarrant: 'judicialWarrant',
  administrativeWarrant: 'administrativeWarrant',
  ...Object.fromEntries(RECORD_KEYS.map((k) => [k, `records.${k}`])),
};
/** The facts of a charge or conviction a cell may give as unknown (`incarceratedDays` goes with `releasedOn`). */
const UNKNOWN_GROUP_FIELDS: Record<GroupName, Record<string, string>> = {
  charge: Object.fromEntries(CHARGE_UNKNOWNS.map((f) => [f, f])),
  conviction: { ...Object.fromEntries(CONVICTION_UNKNOWNS.map((f) => [f, f])), incarceratedDays: 'releasedOn' },
  warrant: {},
};

/** Whether a cell of this documented column (`bookedAt`, `charge2.class`) may say `unknown`: the fact it gives may be left open. */
export function mayBeUnknown(target: string): boolean {
  const meaning = parseMappedTarget(target);
  if (typeof meaning === 'string') return false;
  // A level's unknown is its class's.
  const field = meaning.field === 'level' ? 'class' : meaning.field;
  return meaning.group ? UNKNOWN_GROUP_FIELDS[meaning.group][field] !== undefined : UNKNOWN_CELL_FACTS[field] !== undefined;
}

export interface RowCase {
  /** The case in contract form, for the checker. */
  value: Record<string, unknown>;
  /** For each list, the group number (0-based) of each item: gaps in the numbering close up. */
  slots: Record<'currentCharges' | 'convictions' | 'warrants', number[]>;
  /** Problems of the reading itself (a date of birth after the booking, a level it can't read), by the file's column. */
  problems?: Array<{ field: string; message: string; mend?: CaseMend }>;
  /**
   * The date cells read through the mapping's slashed order, by the file's column as problems name it:
   * the cell as written and the ISO text the case format was given, so that a problem can quote the cell.
   */
  written?: Map<string, { cell: string; read: string }>;
}

/**
 * A problem's message with the value it quotes as the case format read it ("9999-12-31") put back as
 * the cell was written ("12/31/9999"), when the column's cell was a slashed date the mapping converted.
 */
export function quotedAsWritten(written: RowCase['written'], field: string, message: string): string {
  const w = written?.get(field);
  if (!w) return message;
  const read = JSON.stringify(w.read);
  const at = message.indexOf(read);
  return at < 0 ? message : `${message.slice(0, at)}${JSON.stringify(w.cell)}${message.slice(at + read.length)}`;
}

const LEVEL_CLASSES: Record<string, OffenseClass> = {
  f: 'felony',
  felony: 'felony',
  m: 'misdemeanor',
  misdemeanor: 'misdemeanor',
  i: 'infraction',
  infraction: 'infraction',
};
const LEVEL = /^([A-Za-z]+)[\s/-]*([1-9])?$/;

/** A level cell ("F1", "M", "felony 2", any case) as its class and degree; undefined when it is none. */
export function levelOf(raw: string): { class: OffenseClass; degree?: number } | undefined {
  const m = LEVEL.exec(raw);
  const cls = m ? LEVEL_CLASSES[m[1]!.toLowerCase()] : undefined;
  if (!cls) return undefined;
  return m![2] ? { class: cls, degree: Number(m![2]) } : { class: cls };
}

/**
 * Age in whole years on the booking day of someone born on `birth` (both packed as packYmd): a year
 * older on each birthday, so someone born on 29 February is a year older on 1 March in other years.
 * That is the rule Md. Code, Gen. Prov. § 1-303 states in words; the common law's day-before rule, and
 * the other statutes read, are in docs/case-files.md ("Age at booking").
 */
export function ageOnDay(birth: number, booked: number): number {
  return (booked >> 9) - (birth >> 9) - ((booked & 511) < (birth & 511) ? 1 : 0);
}

/** Builds a booking case from one CSV record: the reference reading the fast reader must agree with. */
export function caseFromRow(plan: ColumnPlan, fields: readonly string[]): RowCase {
  const c: Record<string, unknown> = {};
  const detainer: Record<string, unknown> = {};
  const records: Record<string, unknown> = {};
  const groups: Record<string, Array<Record<string, unknown> | undefined>> = { currentCharges: [], convictions: [], warrants: [] };
  const unknown: string[] = [];
  const problems: Array<{ field: string; message: string; mend?: CaseMend }> = [];
  let birth: { col: PlannedColumn; raw: string; cell: string } | undefined;
  let blankItems: PlannedColumn[] | undefined;
  let written: RowCase['written'];
  const named = (col: PlannedColumn) => (col.name !== col.target ? `${col.name} (${col.target})` : col.target);
  const put = (col: PlannedColumn & { group: GroupName }, raw: string) => {
    const list = groups[GROUP_LIST[col.group]]!;
    const item = (list[col.slot] ??= {});
    const fact = isUnknownCell(raw) ? UNKNOWN_GROUP_FIELDS[col.group][col.field === 'level' ? 'class' : col.field] : undefined;
    if (fact) {
      const facts = (item.unknown ??= []) as string[];
      if (!facts.includes(fact)) facts.push(fact);
    } else if (col.field === 'level') {
      const level = levelOf(raw);
      if (level) {
        item.class = level.class;
        if (level.degree !== undefined) item.degree = level.degree;
      } else {
        // Placed as a class, so the group stays filled; the problem says what the cell should hold.
        item.class = 'felony';
        problems.push({
          field: named(col),
          message: `a level is a class letter or word with an optional degree (F, F1, M2, I, felony 2), not "${raw}"${LEVEL_CODES_ON_THE_COMMAND_LINE}`,
          mend: { kind: 'level-codes', after: 0 },
        });
      }
    } else item[col.field] = csvValue(col.field, raw);
  };
  for (const col of plan.columns) {
    // A cell this project wrote with an apostrophe before a formula's first character reads without it.
    let raw = unguardedCell((fields[col.index] ?? '').trim());
    if (raw !== '' && col.values) raw = col.values.map(raw);
    if (raw === '') {
      if (col.blank === undefined) continue;
      // In a group, the blank's meaning applies only to a charge, conviction or warrant the row has.
      if (col.group) {
        (blankItems ??= []).push(col);
        continue;
      }
      raw = col.blank;
    }
    const cell = raw;
    if (plan.dates && DATE_FIELDS.has(col.field)) {
      raw = isoFromSlashed(raw, plan.dates);
      if (raw !== cell) (written ??= new Map()).set(named(col), { cell, read: raw });
    }
    if (col.group) {
      put(col as PlannedColumn & { group: GroupName }, raw);
      continue;
    }
    if (isUnknownCell(raw) && UNKNOWN_CELL_FACTS[col.field]) {
      unknown.push(UNKNOWN_CELL_FACTS[col.field]!);
      continue;
    }
    switch (col.field) {
      case 'requests':
        detainer.requests = splitRequests(raw);
        break;
      case 'issuedAt':
        detainer.issuedAt = raw;
        break;
      case 'judicialWarrant':
      case 'administrativeWarrant':
        detainer[col.field] = csvValue(col.field, raw);
        break;
      case 'dateOfBirth':
        birth = { col, raw, cell };
        break;
      default:
        if (col.kind === K.record) records[col.field] = csvValue(col.field, raw);
        else c[col.field] = csvValue(col.field, raw);
    }
  }
  if (blankItems)
    for (const col of blankItems)
      if (groups[GROUP_LIST[col.group!]]![col.slot] !== undefined) put(col as PlannedColumn & { group: GroupName }, col.blank!);
  // Age at booking from the date of birth, which wins over an age column (often age at the export).
  if (birth) {
    const born = parseDate(birth.raw);
    const where = named(birth.col);
    const bookedText = typeof c.bookedAt === 'string' ? c.bookedAt : undefined;
    const booked = bookedText === undefined ? NaN : Math.floor(parseDateTime(bookedText) / MINUTES_PER_DAY);
    if (Number.isNaN(born))
      problems.push({
        field: where,
        message: `a date of birth is a date, YYYY-MM-DD${plan.dates ? ` or ${plan.dates}` : ''}; ${JSON.stringify(birth.cell)} ${unrealDateProblem(birth.raw, false) ?? 'is not one'}`,
      });
    else if (bookedText === undefined)
      problems.push({
        field: where,
        message: 'age at booking is counted from the date of birth and the booking date; this row has no booking date to count it on',
      });
    else if (!Number.isNaN(booked)) {
      if (born > booked)
        problems.push({ field: where, message: `the date of birth, ${birth.raw}, is after the booking, ${bookedText.slice(0, 10)}` });
      else c.age = ageOnDay(packedCivilFromDays(born), packedCivilFromDays(booked));
    }
    // A placeholder (a bad booking date is the checker's to report): the row's problem is the date of birth's or the booking's, not a missing age.
    if (c.age === undefined) c.age = 0;
  }
  if (!('requests' in detainer)) detainer.requests = [];
  c.detainer = detainer;
  if (Object.keys(records).length > 0) c.records = records;
  if (unknown.length) c.unknown = unknown;
  const slots: RowCase['slots'] = { currentCharges: [], convictions: [], warrants: [] };
  for (const list of ['currentCharges', 'convictions', 'warrants'] as const) {
    const items = groups[list]!;
    const kept: Array<Record<string, unknown>> = [];
    for (let n = 0; n < items.length; n++) {
      if (items[n] === undefined) continue;
      kept.push(items[n]!);
      slots[list].push(n);
    }
    if (kept.length) c[list] = kept;
  }
  const read: RowCase = problems.length ? { value: c, slots, problems } : { value: c, slots };
  if (written) read.written = written;
  return read;
}

/** A date and time (bookedAt...) is compared as the minute it names; a date (dateOfBirth...) as its day. */
const DAY_FIELDS: ReadonlySet<string> = new Set(['dateOfBirth', 'convictedOn', 'releasedOn']);
/** The reading of a cell the value map empties and no blank meaning fills: unlike any cell's. */
const EMPTIED = '\u0000empty';

/**
 * What a case's own cell gives the case, as text to compare two rows of one booking by (one row per
 * charge): the cell trimmed, its value map applied (a cell it empties reads as the blank meaning, if
 * the mapping gives one), a slashed date read in the mapping's order, then read as its column reads
 * it: `unknown` in any case, a yes/no word as yes or no, a number as its value, a date or time as
 * the day or minute it names, requests in any order. Cells the reading can't read compare as written.
 * "Y" and "yes", or 2025-03-01 09:30 and 2025-03-01T09:30:00, read the same; "Y" and "N" do not.
 */
export function cellReading(plan: ColumnPlan, col: PlannedColumn, cell: string): string {
  let raw = unguardedCell(cell.trim());
  if (raw !== '' && col.values) raw = col.values.map(raw);
  if (raw === '') {
    if (col.blank === undefined) return EMPTIED;
    raw = col.blank;
  }
  if (plan.dates && DATE_FIELDS.has(col.field)) raw = isoFromSlashed(raw, plan.dates);
  if (isUnknownCell(raw)) return 'unknown';
  if (BOOLEAN_FIELDS.has(col.field) || NUMBER_FIELDS.has(col.field)) {
    const v = csvValue(col.field, raw);
    return typeof v === 'boolean' ? (v ? 'yes' : 'no') : typeof v === 'number' ? `number ${v}` : raw;
  }
  if (DATE_FIELDS.has(col.field)) {
    const at = DAY_FIELDS.has(col.field) ? parseDate(raw) : parseDateTime(raw);
    return Number.isNaN(at) ? raw : `at ${at}`;
  }
  if (col.field === 'requests') return `requests ${splitRequests(raw).sort().join(';')}`;
  return raw;
}

const LIST_GROUP: Record<string, GroupName> = { currentCharges: 'charge', convictions: 'conviction', warrants: 'warrant' };

/**
 * The column a checker's field path refers to (`convictions[0].convictedOn` -> `conviction2.convictedOn`
 * when the first conviction came from group 2), named as in the file when a mapping renamed it.
 */
export function columnOfField(plan: ColumnPlan, slots: RowCase['slots'], field: string): string {
  let target = field;
  const m = /^(currentCharges|convictions|warrants)\[(\d+)\](?:\.([A-Za-z]+))?/.exec(field);
  if (m) {
    const n = slots[m[1] as keyof RowCase['slots']][Number(m[2])];
    const group = LIST_GROUP[m[1]!]!;
    // A group read one item per row has no number (`charge.class`).
    const numberOf = plan.rowItems?.includes(group) ? '' : String((n ?? 0) + 1);
    target = m[3] ? `${group}${numberOf}.${m[3]}` : `${group}${numberOf}`;
  } else {
    const d = /^(?:detainer|records)\.([A-Za-z]+)/.exec(field);
    if (d) target = d[1]!;
  }
  // A class or degree read from a level column; an age counted from a date of birth.
  const level = /^(charge|conviction)(\d*)\.(?:class|degree)$/.exec(target);
  const col =
    plan.columns.find((c) => c.target === target) ??
    (level ? plan.columns.find((c) => c.target === `${level[1]}${level[2]}.level`) : undefined) ??
    (target === 'age' ? plan.columns.find((c) => c.target === 'dateOfBirth') : undefined);
  return col && col.name !== target ? `${col.name} (${col.target})` : target;
}
