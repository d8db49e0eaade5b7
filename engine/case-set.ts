// Reading a case set from JSON, YAML or CSV text: every bad record reported with its place, the good
// ones kept.

import { didYouMean, type PathSegment } from './diagnostics';
import { prepareCase, type CaseProblem } from './cases';
import { readCsv } from './csv';
import { RECORD_KEYS } from './model';
import type { PreparedCase } from './prepared';
import { MAX_DOCUMENT_BYTES, parseSource } from './source';

export type CaseFormat = 'json' | 'yaml' | 'csv';

export interface CaseSet {
  cases: PreparedCase[];
  problems: CaseProblem[];
  /** Records read, good and bad. */
  total: number;
}

export function caseFormatOf(fileName: string): CaseFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}

/** Reads a case set; `format` defaults to a guess from the content. */
export function readCaseSet(text: string, format?: CaseFormat): CaseSet {
  const fmt = format ?? guessFormat(text);
  if (fmt === 'csv') return readCsvCases(text);
  return readStructuredCases(text, fmt);
}

function guessFormat(text: string): CaseFormat {
  const start = text.trimStart()[0];
  if (start === '[' || start === '{') return 'json';
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  return /^\s*id\s*,/.test(firstLine) ? 'csv' : 'yaml';
}

function fileProblem(message: string, where: { line?: number; column?: number; row?: number } = {}): CaseSet {
  return { cases: [], problems: [{ index: -1, field: '', message, ...where }], total: 0 };
}

function readStructuredCases(text: string, fmt: 'json' | 'yaml'): CaseSet {
  let value: unknown;
  let located: ReturnType<typeof parseSource> | undefined;
  if (fmt === 'json') {
    try {
      value = JSON.parse(text);
    } catch (e) {
      // Re-read with the YAML parser (JSON is YAML) to say where the syntax breaks.
      if (text.length <= MAX_DOCUMENT_BYTES) {
        const src = parseSource(text, 'case set');
        const d = src.diagnostics.find((x) => x.severity === 'error');
        if (d) return fileProblem(d.message, { line: d.line, column: d.column });
        value = src.value;
        located = src;
      } else {
        return fileProblem(`not valid JSON: ${(e as Error).message}`);
      }
    }
  } else {
    located = parseSource(text, 'case set');
    const d = located.diagnostics.find((x) => x.severity === 'error');
    if (d) return fileProblem(d.message, { line: d.line, column: d.column });
    value = located.value;
  }

  let list: unknown[];
  let prefix: PathSegment[] = [];
  if (Array.isArray(value)) list = value;
  else if (value && typeof value === 'object' && Array.isArray((value as { cases?: unknown }).cases)) {
    list = (value as { cases: unknown[] }).cases;
    prefix = ['cases'];
  } else {
    return fileProblem('a case set is a list of cases, or an object with a "cases" list', { line: 1, column: 1 });
  }

  const result = prepareAll(list);
  if (result.problems.length > 0) {
    if (!located && text.length <= MAX_DOCUMENT_BYTES) located = parseSource(text, 'case set');
    if (located) {
      for (const p of result.problems) {
        const pos = located.locate([...prefix, p.index, ...fieldPath(p.field)]);
        p.line = pos.line;
        p.column = pos.column;
      }
    }
  }
  return result;
}

function fieldPath(field: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const part of field.split('.')) {
    if (!part) continue;
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

function prepareAll(list: readonly unknown[], rows?: readonly number[]): CaseSet {
  const cases: PreparedCase[] = [];
  const problems: CaseProblem[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const r = prepareCase(list[i], i);
    if (!r.ok) {
      for (const p of r.problems) problems.push(rows ? { ...p, row: rows[i] } : p);
      continue;
    }
    const first = seen.get(r.prepared.id);
    if (first !== undefined) {
      problems.push({
        index: i,
        id: r.prepared.id,
        field: 'id',
        message: `the id "${r.prepared.id}" is used twice (first by case ${first + 1}${rows ? `, row ${rows[first]}` : ''})`,
        ...(rows ? { row: rows[i] } : {}),
      });
      continue;
    }
    seen.set(r.prepared.id, i);
    cases.push(r.prepared);
  }
  return { cases, problems, total: list.length };
}

// ---- CSV ----

/** The documented CSV columns (see README "Case files"). Numbered groups: charge1..., conviction1..., warrant1.... */
export const CSV_CASE_COLUMNS = [
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
const GROUP_LIST: Record<keyof typeof CSV_GROUP_COLUMNS, string> = {
  charge: 'currentCharges',
  conviction: 'convictions',
  warrant: 'warrants',
};
const NUMBER_FIELDS = new Set(['age', 'degree', 'incarceratedDays']);
const BOOLEAN_FIELDS = new Set([
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

interface ColumnPlan {
  index: number;
  group?: { list: string; n: number };
  field: string;
}

function csvValue(field: string, raw: string): unknown {
  if (NUMBER_FIELDS.has(field)) return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (BOOLEAN_FIELDS.has(field)) {
    const v = raw.toLowerCase();
    if (v === 'true' || v === 'yes' || v === 'y' || v === '1') return true;
    if (v === 'false' || v === 'no' || v === 'n' || v === '0') return false;
    return raw;
  }
  if (field === 'categories') return raw.split(/[;|\s]+/).filter(Boolean);
  return raw;
}

/** Plans how each header column fills a case; unknown columns are reported, not ignored. */
export function planCsvColumns(header: readonly string[]): { plan: ColumnPlan[]; problems: string[] } {
  const plan: ColumnPlan[] = [];
  const problems: string[] = [];
  const known = [...CSV_CASE_COLUMNS, ...Object.entries(CSV_GROUP_COLUMNS).flatMap(([g, fields]) => fields.map((f) => `${g}1.${f}`))];
  header.forEach((rawName, index) => {
    const name = rawName.trim();
    if (CSV_CASE_COLUMNS.includes(name)) {
      plan.push({ index, field: name });
      return;
    }
    const m = /^(charge|conviction|warrant)(\d+)\.(\w+)$/.exec(name);
    if (m && CSV_GROUP_COLUMNS[m[1] as keyof typeof CSV_GROUP_COLUMNS].includes(m[3]!) && Number(m[2]) >= 1) {
      plan.push({ index, group: { list: GROUP_LIST[m[1] as keyof typeof GROUP_LIST], n: Number(m[2]) - 1 }, field: m[3]! });
      return;
    }
    const guess = didYouMean(name, known);
    problems.push(`unknown column "${name}" (column ${index + 1})${guess ? `; did you mean "${guess}"?` : ''}`);
  });
  return { plan, problems };
}

/** Builds a booking case from one CSV record. */
export function caseFromCsv(plan: readonly ColumnPlan[], fields: readonly string[]): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  const detainer: Record<string, unknown> = {};
  const records: Record<string, unknown> = {};
  const groups: Record<string, Array<Record<string, unknown> | undefined>> = {};
  for (const col of plan) {
    const raw = (fields[col.index] ?? '').trim();
    if (raw === '') continue;
    if (col.group) {
      const list = (groups[col.group.list] ??= []);
      const item = (list[col.group.n] ??= {});
      item[col.field] = csvValue(col.field, raw);
      continue;
    }
    switch (col.field) {
      case 'requests':
        detainer.requests = raw.split(/[;|\s/]+/).filter(Boolean);
        break;
      case 'issuedAt':
        detainer.issuedAt = raw;
        break;
      case 'judicialWarrant':
      case 'administrativeWarrant':
        detainer[col.field] = csvValue(col.field, raw);
        break;
      default:
        if ((RECORD_KEYS as readonly string[]).includes(col.field)) records[col.field] = csvValue(col.field, raw);
        else c[col.field] = csvValue(col.field, raw);
    }
  }
  if (!('requests' in detainer)) detainer.requests = [];
  c.detainer = detainer;
  if (Object.keys(records).length > 0) c.records = records;
  for (const [list, items] of Object.entries(groups)) c[list] = items.filter((x) => x !== undefined);
  return c;
}

function readCsvCases(text: string): CaseSet {
  let plan: ColumnPlan[] | undefined;
  const list: unknown[] = [];
  const rows: number[] = [];
  let headerProblems: string[] = [];
  const err = readCsv(text, (rec) => {
    if (!plan) {
      const planned = planCsvColumns(rec.fields);
      plan = planned.plan;
      headerProblems = planned.problems;
      return;
    }
    list.push(caseFromCsv(plan, rec.fields));
    rows.push(rec.row);
  });
  if (!plan) return fileProblem('the CSV file is empty; its first row names the columns (id, age, bookedAt, ...)', { row: 1 });
  if (headerProblems.length > 0) {
    return { cases: [], problems: headerProblems.map((message) => ({ index: -1, field: '', message, row: 1 })), total: 0 };
  }
  const result = prepareAll(list, rows);
  if (err) result.problems.push({ index: list.length, field: '', message: err.message, row: err.row });
  return result;
}

/** "file.csv, row 12 (B-0011), convictions[0].convictedOn: message", or with line:column for JSON and YAML. */
export function formatCaseProblem(file: string, p: CaseProblem): string {
  const where =
    p.row !== undefined
      ? `${file}: row ${p.row}`
      : p.line !== undefined
        ? `${file}:${p.line}:${p.column ?? 1}`
        : `${file}: case ${p.index + 1}`;
  const who = p.id ? ` (${p.id})` : p.index >= 0 && p.row === undefined && p.line !== undefined ? ` (case ${p.index + 1})` : '';
  const field = p.field ? `${p.field}: ` : '';
  return `${where}${who}: error: ${field}${p.message}`;
}
