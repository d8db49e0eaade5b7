// The case importer's results held to results stored from an earlier reader: the sample case sets
// (CSV and JSON) and seeded random CSV and JSON files with quoted fields, CR LF, a byte order mark,
// multi-byte UTF-8, undecodable bytes and bad rows, read whole and in chunks of every size 1..64
// (bytes and text). Every case (every column of the table) and every problem (row or line, column,
// field, message) must be the same. JSON files are also written awkwardly (escapes, surrogate pairs,
// numbers in exponent form, whitespace between every token, keys shuffled or given twice, nulls,
// missing and unknown fields, odd nesting, a byte order mark, bytes that are not UTF-8, cut short,
// text after the end) and read in larger slices too, and through the app's File reader. `UPDATE_IMPORT_EXPECTED=1` rewrites the stored results: only when
// a change of results is meant, and said so in the commit.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseImporter, type BookingCase, type CaseSet, type CaseTable, type ImportOptions } from '../../engine/index';
import { importCaseFile } from '../../renderer/src/simulation/workbook-file';
import { casesToCsv } from '../../engine/case-csv';
import { generateCases, seededRandom } from '../../engine/generate';
import { tableRows } from './helpers';

const root = path.resolve(__dirname, '../..');
const expectedFile = path.join(__dirname, 'fixtures/import-results.json');
const update = process.env.UPDATE_IMPORT_EXPECTED === '1';

interface Result {
  total: number;
  rejected: number;
  unlisted: number;
  cases: number;
  /** sha256 of every column of every row of the table, strings resolved. */
  rows: string;
  /** sha256 of the columns `rows` leaves out (age range, unknown facts, facility, form, sources, the per-case ORs). */
  more: string;
  problems: unknown[];
}

/**
 * The table's columns tableRows leaves out, strings resolved; for JSON, the table's strings in order
 * too (the string ids: a reader that interns them in another order gives other ids).
 */
function moreColumns(t: CaseTable, format: Input['format']): unknown {
  const rows = Array.from({ length: t.length }, (_, i) => [
    t.ageHi[i],
    t.unknown[i],
    t.strings[t.facility[i]!],
    t.detainerForm[i],
    t.convClsAny[i],
    t.convCatsAny[i],
    t.chargeClsAny[i],
    t.chargeCatsAny[i],
  ]);
  const sources = Array.from(t.convSource, (s) => t.strings[s]);
  return { hasUnknown: t.hasUnknown, rows, sources, warrants: t.warrantStart.length, ...(format === 'json' ? { strings: t.strings } : {}) };
}

/**
 * SHA-256 of the text's UTF-8 bytes in hex, as the engine's sha256Hex gives it (the stored results were
 * written with that), by Node's native hash: the test hashes every import's table twice, some 20,000
 * times a run, and the engine's hash in JavaScript took about 6 s of the file's CPU time.
 */
function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function resultOf(set: CaseSet, format: Input['format']): Result {
  return {
    total: set.total,
    rejected: set.rejected,
    unlisted: set.unlisted,
    cases: set.table.length,
    rows: sha256Hex(JSON.stringify(tableRows(set.table))),
    more: sha256Hex(JSON.stringify(moreColumns(set.table, format))),
    problems: set.problems.map((p) => ({ ...p })),
  };
}

function importChunks(chunks: Iterable<string | Uint8Array>, options: ImportOptions): CaseSet {
  const importer = new CaseImporter(options);
  for (const c of chunks) importer.push(c);
  return importer.finish();
}

function* sliced<T extends string | Uint8Array>(data: T, size: number): Generator<T> {
  for (let at = 0; at < data.length; at += size) yield data.slice(at, at + size) as T;
}

const rng = seededRandom;

const OFFENSES = [
  'vol à main armée',
  'robo con violencia',
  'agressão 😠 grave',
  '殴打',
  'larceny over $1,200',
  'theft "petty"',
  ' trespass ',
  '\u00a0assault\u00a0',
];
const GARBAGE = [
  '',
  'x',
  '-3',
  '2019-02-30',
  '2019-13-01',
  '2020-01-01T25:00',
  'TRUE',
  'maybe',
  '12.5',
  '1e3',
  '0131',
  ' 42 ',
  '\u0007',
  'hold;maybe',
  'NOTIFY',
];

function quote(v: string): string {
  return `"${v.replace(/"/g, '""')}"`;
}

/** A seeded random CSV case file as bytes: valid cases, then edits that make it awkward or wrong. */
export function randomCsv(seed: number): Uint8Array {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const cases = generateCases({ count: 20 + Math.floor(r() * 40), seed });
  const text = casesToCsv(cases).replace(/\n$/, '');
  const lines = text.split('\n');
  const header = lines[0]!;
  const width = header.split(',').length;
  const out: Array<string | Uint8Array> = [];
  const eol = r() < 0.4 ? '\r\n' : '\n';
  if (r() < 0.3) out.push(new Uint8Array([0xef, 0xbb, 0xbf]));
  out.push(header + eol);
  for (let i = 1; i < lines.length; i++) {
    // Fields split the simple way: the generated file quotes only values with commas, quotes or breaks.
    const fields = lines[i]!.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, ''));
    while (fields.length > width) fields.pop();
    // Awkward but valid: offense names in other scripts, quoted, padded; then, on some rows, mistakes.
    header.split(',').forEach((name, k) => {
      if (fields[k] && name.endsWith('.offense') && r() < 0.3)
        fields[k] = r() < 0.5 ? quote(pick(OFFENSES)) : pick(OFFENSES).replace(/[",]/g, '');
      else if (fields[k] && r() < 0.03) fields[k] = r() < 0.5 ? quote(fields[k]!.replace(/^"|"$/g, '')) : ` ${fields[k]} `;
    });
    const edits = r() < 0.65 ? 0 : 1 + Math.floor(r() * 2);
    let tail = '';
    let bytes: Uint8Array | undefined;
    for (let e = 0; e < edits; e++) {
      const k = Math.floor(r() * width);
      const what = r();
      if (what < 0.2) fields[k] = quote(pick(OFFENSES));
      else if (what < 0.3) fields[k] = pick(OFFENSES).replace(/[",]/g, '');
      else if (what < 0.45) fields[k] = pick(GARBAGE);
      else if (what < 0.55) fields[k] = quote((fields[k] ?? '').replace(/^"|"$/g, ''));
      else if (what < 0.6) fields[k] = `"multi\nline ${k}"`;
      else if (what < 0.65) fields[k] = `"closed"stray`;
      else if (what < 0.7) tail = ',extra';
      else if (what < 0.72) tail = ',';
      else if (what < 0.76) fields.length = Math.max(1, k);
      else if (what < 0.8)
        fields[0] = `${lines[1]!.split(',')[0]}`; // a repeated id
      else if (what < 0.84)
        bytes = new Uint8Array([0xff, 0xc3]); // not UTF-8
      else if (what < 0.88) fields[k] = `mid"quote`;
      else if (what < 0.92) fields[k] = `  ${fields[k] ?? ''}\t`;
      else if (what < 0.96) fields[k] = quote(`a\r\nb`);
      else fields[k] = '\u202egnp.exe';
    }
    const line = fields.join(',') + tail;
    if (bytes) {
      const at = Math.floor(r() * line.length);
      out.push(line.slice(0, at), bytes, line.slice(at));
    } else out.push(line);
    const end = r();
    out.push(end < 0.05 ? '\r' : end < 0.1 ? eol + eol : end < 0.12 ? eol + '   ' + eol : eol);
  }
  if (r() < 0.2) out.pop(); // no line break at the end
  if (r() < 0.08) out.push('"an unclosed quote,1,2');
  const enc = new TextEncoder();
  const parts = out.map((p) => (typeof p === 'string' ? enc.encode(p) : p));
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** A seeded random JSON case file: generated cases, some edited into wrong ones, formatted one of several ways. */
export function randomJson(seed: number): string {
  const r = rng(seed);
  const cases = generateCases({ count: 10 + Math.floor(r() * 30), seed }) as Array<BookingCase & Record<string, unknown>>;
  const values: unknown[] = cases.map((c) => {
    const x = r();
    if (x < 0.1) return { ...c, age: -1 };
    if (x < 0.15) return { ...c, bookedAt: '2019-02-30' };
    if (x < 0.2) return { ...c, id: OFFENSES[Math.floor(r() * OFFENSES.length)] };
    if (x < 0.23) return { ...c, extra: true };
    if (x < 0.26) return { ...c, detainer: { ...c.detainer, requests: ['hold', 'maybe'] } };
    if (x < 0.3) return 'not a case';
    return c;
  });
  const indent = r() < 0.3 ? undefined : r() < 0.5 ? 2 : '\t';
  let text = JSON.stringify(r() < 0.2 ? { cases: values } : values, null, indent);
  if (r() < 0.1) text = text.replace('"age": ', '"age": 0').replace('"age":', '"age":0');
  if (r() < 0.1) text = text.slice(0, Math.floor(text.length * 0.8));
  if (r() < 0.2) text = '\uFEFF' + text;
  return text;
}

/** JSON text of a value, written awkwardly but validly: white space between tokens, keys shuffled, characters as escapes, numbers spelled other ways. */
function awkwardStringify(
  value: unknown,
  r: () => number,
  style: { space: number; escape: number; numbers: number; shuffle: boolean },
): string {
  const ws = () => (r() < style.space ? [' ', '\t', '\n', '\r\n', ' \n\t ', '  '][Math.floor(r() * 6)]! : '');
  const str = (s: string): string => {
    let out = '"';
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      const hex = (u: number) => {
        const h = u.toString(16).padStart(4, '0');
        return `\\u${r() < 0.5 ? h : h.toUpperCase()}`;
      };
      if (ch === '"' || ch === '\\') out += '\\' + ch;
      else if (c < 0x20) out += { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' }[c] ?? hex(c);
      else if (ch === '/' && r() < 0.5) out += '\\/';
      else if (r() < style.escape) out += c > 0xffff ? hex(ch.charCodeAt(0)) + hex(ch.charCodeAt(1)) : hex(c);
      else out += ch;
    }
    return out + '"';
  };
  const num = (n: number): string => {
    if (!Number.isInteger(n) || r() >= style.numbers) return JSON.stringify(n);
    const forms = [`${n}.0`, `${n}e0`, `${n}E+0`, `${n * 10}e-1`, `${n}.000`, n === 0 ? '-0' : `${n / 1}E0`];
    return forms[Math.floor(r() * forms.length)]!;
  };
  const walk = (v: unknown): string => {
    if (v === null || v === undefined || typeof v === 'boolean') return String(v ?? null);
    if (typeof v === 'number') return num(v);
    if (typeof v === 'string') return str(v);
    if (Array.isArray(v)) return `[${ws()}${v.map((x) => walk(x)).join(`${ws()},${ws()}`)}${ws()}]`;
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (style.shuffle)
      for (let i = entries.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [entries[i], entries[j]] = [entries[j]!, entries[i]!];
      }
    return `{${ws()}${entries.map(([k, x]) => `${str(k)}${ws()}:${ws()}${walk(x)}`).join(`${ws()},${ws()}`)}${ws()}}`;
  };
  return walk(value);
}

/* eslint-disable @typescript-eslint/no-explicit-any -- cases edited freely, as test data */
/** One way (of many) to make a case awkward or wrong: what the reader must read, or reject with the same problems. */
const JSON_EDITS: Array<(c: Record<string, any>, r: () => number) => unknown> = [
  (c) => ({ ...c, facility: null }),
  (c) => ({ ...c, facility: 'County Jail \u00e9 \ud83d\ude20' }),
  (c) => ({ ...c, facility: '' }),
  (c) => ({ ...c, age: null }),
  (c) => ({ ...c, age: 20.5 }),
  (c) => ({ ...c, age: 1e3 }),
  (c) => ({ ...c, age: '20' }),
  (c) => ({ ...c, ageAtMost: c.age + 5 }),
  (c) => ({ ...c, ageAtMost: c.age - 1 }),
  (c) => ({ ...c, detainer: null }),
  (c) => {
    const { detainer: _d, ...rest } = c;
    return rest;
  },
  (c) => {
    const { age: _a, ...rest } = c;
    return rest;
  },
  (c) => ({ ...c, detainer: { ...c.detainer, issuedAt: null } }),
  (c) => ({ ...c, detainer: { ...c.detainer, requests: ['hold', 'hold'] } }),
  (c) => ({ ...c, detainer: { ...c.detainer, requests: [] } }),
  (c) => ({ ...c, detainer: { ...c.detainer, requests: 'hold' } }),
  (c) => ({ ...c, detainer: { ...c.detainer, requests: ['HOLD'] } }),
  (c) => ({ ...c, detainer: { ...c.detainer, form: 'I-247N' } }),
  (c) => ({ ...c, detainer: { ...c.detainer, form: 'I-247A', requests: ['notify'] } }),
  (c) => ({ ...c, detainer: { ...c.detainer, judicialWarrant: 'true' } }),
  (c) => ({ ...c, detainer: { ...c.detainer, judicialWarrant: null, administrativeWarrant: true } }),
  (c) => ({ ...c, detainer: { ...c.detainer, extra: 1 } }),
  (c) => ({ ...c, convictons: [] }),
  (c) => ({ ...c, extra: { nested: [1, [2, { three: null }]] } }),
  (c) => ({ ...c, convictions: null, warrants: null, records: null, currentCharges: null }),
  (c) => ({ ...c, records: [] }),
  (c) => ({ ...c, records: { gangDatabase: true, finalRemovalOrder: false } }),
  (c) => ({ ...c, records: { gangDatabase: 1 } }),
  (c) => ({ ...c, currentCharges: c.currentCharges?.[0] ?? {} }),
  (c) => ({ ...c, convictions: [c.convictions ?? []] }),
  (c) => ({ ...c, currentCharges: (c.currentCharges ?? []).map((h: any) => ({ ...h, categories: [h.categories] })) }),
  (c) => ({ ...c, currentCharges: (c.currentCharges ?? []).map((h: any) => ({ ...h, categories: [] })) }),
  (c) => ({ ...c, currentCharges: (c.currentCharges ?? []).map((h: any) => ({ ...h, degree: 0 })) }),
  (c) => ({ ...c, currentCharges: (c.currentCharges ?? []).map((h: any) => ({ ...h, degree: 3, bondable: null })) }),
  (c) => ({ ...c, currentCharges: (c.currentCharges ?? []).map((h: any) => ({ ...h, class: undefined, unknown: ['class'] })) }),
  (c) => ({ ...c, currentCharges: (c.currentCharges ?? []).map((h: any) => ({ ...h, offense: 12 })) }),
  (c) => ({ ...c, currentCharges: (c.currentCharges ?? []).map((h: any) => ({ ...h, offense: 'theft \u202e' })) }),
  (c) => ({ ...c, currentCharges: (c.currentCharges ?? []).map((h: any) => ({ ...h, offense: 'tab\there' })) }),
  (c) => ({ ...c, currentCharges: (c.currentCharges ?? []).map((h: any) => ({ ...h, offense: '"quoted" \\ back/slash' })) }),
  (c) => ({ ...c, convictions: (c.convictions ?? []).map((v: any) => ({ ...v, offense: 'agressão 😠 grave', classes: ['felony'] })) }),
  (c) => ({ ...c, convictions: (c.convictions ?? []).map((v: any) => ({ ...v, offense: '殴打', source: 'court records' })) }),
  (c) => ({ ...c, convictions: (c.convictions ?? []).map((v: any) => ({ ...v, releasedOn: '1990-01-01' })) }),
  (c) => ({ ...c, convictions: (c.convictions ?? []).map((v: any) => ({ ...v, convictedOn: '2019-02-29' })) }),
  (c) => ({ ...c, convictions: (c.convictions ?? []).map((v: any) => ({ ...v, convictedOn: '2099-01-01' })) }),
  (c) => ({ ...c, convictions: (c.convictions ?? []).map((v: any) => ({ ...v, incarceratedDays: 1.5e3, current: false })) }),
  (c) => ({ ...c, convictions: (c.convictions ?? []).map((v: any) => ({ ...v, incarceratedDays: -1 })) }),
  (c) => ({ ...c, convictions: (c.convictions ?? []).map((v: any) => ({ ...v, unknown: ['releasedOn'], releasedOn: undefined })) }),
  (c) => ({ ...c, convictions: (c.convictions ?? []).map((v: any) => ({ ...v, categories: ['Violent'] })) }),
  (c) => ({ ...c, unknown: ['bookedAt'], bookedAt: undefined }),
  (c) => ({ ...c, unknown: ['records.gangDatabase'] }),
  (c) => ({ ...c, warrants: [{ kind: 'criminal', jurisdiction: 'federal', felony: true }, { kind: 'civil' }] }),
  (c) => ({ ...c, warrants: [{ kind: 'criminal', jurisdiction: 'mars' }] }),
  (c) => ({ ...c, bookedAt: `${c.bookedAt.slice(0, 10)} ${c.bookedAt.slice(11)}` }),
  (c) => ({ ...c, bookedAt: `${c.bookedAt}:30` }),
  (c) => ({ ...c, bookedAt: c.bookedAt.slice(0, 10) }),
  (c) => ({ ...c, bookedAt: '2019-01-01T24:00' }),
  (c) => ({ ...c, bookedAt: c.eligibleForReleaseAt, eligibleForReleaseAt: c.bookedAt }),
  (c) => ({ ...c, id: 42 }),
  (c) => ({ ...c, id: 'x'.repeat(201) }),
  (c) => ({ ...c, id: '' }),
  (c) => ({ ...c, id: `${c.id}-\u00e9\ud83d\ude20\u4e00` }),
  (c) => ({ ...c, id: `${c.id}\u0007` }),
  (c) => ({ ...c, id: `${c.id}\ufffd` }),
  (c) => ({ ...c, id: `${c.id}\ud800` }),
  () => 'not a case',
  () => 42,
  () => null,
  () => [],
  () => ({}),
];

/** A seeded awkward JSON case file as bytes: cases edited (or not) and written awkwardly, in one of several forms, some of them broken. */
export function awkwardJson(seed: number): Uint8Array {
  const r = rng(seed * 7919);
  const cases = generateCases({ count: 8 + Math.floor(r() * 20), seed: seed + 100 }) as unknown as Array<Record<string, any>>;
  const values: unknown[] = cases.map((c) => (r() < 0.4 ? JSON_EDITS[Math.floor(r() * JSON_EDITS.length)]!(c, r) : c));
  if (r() < 0.3) values.push({ ...(cases[0] as object) }); // a repeated id
  const style = {
    space: [0, 0.1, 0.6, 1][Math.floor(r() * 4)]!,
    escape: [0, 0.05, 0.3][Math.floor(r() * 3)]!,
    numbers: r() < 0.5 ? 0 : 0.5,
    shuffle: r() < 0.5,
  };
  let items = values.map((v) => awkwardStringify(v, r, style));
  // The same key twice: the first value is overwritten (JSON.parse keeps the last).
  if (r() < 0.4) items = items.map((t) => (t.startsWith('{') && r() < 0.3 ? `{"age": "twice", "detainer": 1,${t.slice(1)}` : t));
  const sep = () => (style.space ? ['\n', ' ', '\r\n', ''][Math.floor(r() * 4)]! : '');
  let text = `[${sep()}${items.join(`,${sep()}`)}${sep()}]`;
  const form = r();
  if (form < 0.15) text = `{"cases": ${text}}`;
  else if (form < 0.25) text = `{ "meta": {"made": [1, 2, {"x": "y"}], "by": "\\u00e9"}, "cases" :${text}, "more": null }`;
  else if (form < 0.28) text = `{"cases": ${text}, "cases": []}`;
  else if (form < 0.31) text = `${text} trailing`;
  else if (form < 0.34) text = `${text}]`;
  else if (form < 0.37) text = text.replace(/\]$/, ',]');
  else if (form < 0.4) text = text.replace('},', '},,');
  else if (form < 0.43) text = text.replace('},', '}');
  else if (form < 0.5) text = text.slice(0, Math.floor(text.length * r()));
  if (r() < 0.2) text = '\uFEFF' + text;
  let bytes = new TextEncoder().encode(text);
  if (r() < 0.15) {
    // Bytes that are not UTF-8: inside a string, or between tokens.
    const at =
      r() < 0.7 ? bytes.indexOf(0x22, Math.floor(bytes.length * r())) + 1 : bytes.indexOf(0x2c, Math.floor(bytes.length * r())) + 1;
    if (at > 0) bytes = new Uint8Array([...bytes.subarray(0, at), 0xff, 0xc3, ...bytes.subarray(at)]);
  }
  return bytes;
}

/* eslint-enable @typescript-eslint/no-explicit-any */

/** Short JSON files, each awkward or broken in one way. */
const SMALL_JSON: Array<[string, string]> = [
  ['empty', ''],
  ['white space only', ' \n\t '],
  ['empty list', '[ ]'],
  ['empty object', '{}'],
  ['object without cases', '{"data": []}'],
  ['cases not a list', '{"cases": {}}'],
  ['a number', '42'],
  ['unclosed list', '[{"id": "a"}'],
  ['unclosed case', '[{"id": "a", "age": 3'],
  ['unclosed string', '[{"id": "a'],
  ['stray bracket', '[{"id": "a"}]]'],
  ['closing bracket first', '[}]'],
  ['a scalar case', '[1, tru, "x", nul]'],
  ['a list as a case', '[[{"id": "a"}]]'],
  ['escaped quote before the end', '[{"id": "a\\\\", "age": 1}]'],
  [
    'key with escapes',
    '[{"\\u0069d": "k1", "age": 30, "bookedAt": "2020-01-01T10:00", "eligibleForReleaseAt": "2020-01-05T10:00", "detainer": {"requests": ["hold"]}}]',
  ],
  ['bad escape', '[{"id": "a\\q", "age": 1}]'],
  ['raw control character in a string', '[{"id": "a\tb", "age": 1}]'],
  [
    'lone surrogate escapes',
    '[{"id": "\\ud800x", "age": 30, "bookedAt": "2020-01-01T10:00", "eligibleForReleaseAt": "2020-01-05T10:00", "detainer": {"requests": ["hold"]}}]',
  ],
  ['leading zero', '[{"id": "a", "age": 030}]'],
  ['plus sign', '[{"id": "a", "age": +30}]'],
  ['comment', '[/* no */ {"id": "a"}]'],
  ['single quotes', "[{'id': 'a'}]"],
];

interface Input {
  name: string;
  data: Uint8Array;
  format: 'csv' | 'json';
}

function inputs(): Input[] {
  const list: Input[] = [
    {
      name: 'samples/cases/synthetic-200.cases.csv',
      data: fs.readFileSync(path.join(root, 'samples/cases/synthetic-200.cases.csv')),
      format: 'csv',
    },
    {
      name: 'samples/cases/synthetic-200.cases.json',
      data: fs.readFileSync(path.join(root, 'samples/cases/synthetic-200.cases.json')),
      format: 'json',
    },
  ];
  for (let seed = 1; seed <= 40; seed++) list.push({ name: `random csv ${seed}`, data: randomCsv(seed), format: 'csv' });
  const enc = new TextEncoder();
  for (let seed = 1; seed <= 20; seed++) list.push({ name: `random json ${seed}`, data: enc.encode(randomJson(seed)), format: 'json' });
  for (let seed = 1; seed <= 40; seed++) list.push({ name: `awkward json ${seed}`, data: awkwardJson(seed), format: 'json' });
  for (const [name, text] of SMALL_JSON) list.push({ name: `json: ${name}`, data: enc.encode(text), format: 'json' });
  return list;
}

describe('import results stay identical', () => {
  const all = inputs();
  const stored: Record<string, Result> = fs.existsSync(expectedFile) ? JSON.parse(fs.readFileSync(expectedFile, 'utf8')) : {};

  it('matches the stored results, read whole, with the format given and guessed', () => {
    const now: Record<string, Result> = {};
    for (const input of all) {
      const whole = resultOf(importChunks([input.data], { format: input.format }), input.format);
      now[input.name] = whole;
      if (!update) {
        expect(whole, input.name).toEqual(stored[input.name]);
        // A file that does not start with "[" or "{" is guessed to be YAML: not a JSON result to compare.
        if (input.format === 'csv' || /^\uFEFF?\s*[[{]/.test(new TextDecoder().decode(input.data)))
          expect(resultOf(importChunks([input.data], {}), input.format), `${input.name}, format guessed`).toEqual(whole);
      }
    }
    if (update) {
      fs.mkdirSync(path.dirname(expectedFile), { recursive: true });
      fs.writeFileSync(expectedFile, JSON.stringify(now, null, 1) + '\n');
    }
  });

  it('gives the same results in chunks of every size from 1 to 64, as bytes and as text', { timeout: 900_000 }, () => {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    for (const input of all) {
      const want = stored[input.name];
      if (!want) throw new Error(`no stored result for ${input.name}`);
      const text = decoder.decode(input.data);
      for (let size = 1; size <= 64; size++) {
        expect(
          resultOf(importChunks(sliced(input.data, size), { format: input.format }), input.format),
          `${input.name}, ${size}-byte chunks`,
        ).toEqual(want);
        // Text chunks: an undecodable byte is already U+FFFD in the text, which the reader reports the same way.
        if (size % 7 === 1 || size <= 4)
          expect(
            resultOf(importChunks(sliced(text, size), { format: input.format }), input.format),
            `${input.name}, ${size}-character chunks`,
          ).toEqual(want);
      }
    }
  });

  it("gives the same JSON results in larger slices, and through the app worker's File reader", { timeout: 900_000 }, async () => {
    for (const input of all) {
      if (input.format !== 'json') continue;
      const want = stored[input.name]!;
      for (const size of [65, 100, 127, 256, 1000, 4093, 65536]) {
        expect(resultOf(importChunks(sliced(input.data, size), { format: 'json' }), 'json'), `${input.name}, ${size}-byte chunks`).toEqual(
          want,
        );
      }
      for (const slice of [1, 13, 500, 4 << 20]) {
        if (slice === 1 && input.data.length > 20_000) continue;
        const got = await importCaseFile(new Blob([new Uint8Array(input.data)]), { format: 'json' }, { slice });
        expect(resultOf(got, 'json'), `${input.name}, File in ${slice}-byte slices`).toEqual(want);
      }
    }
  });
});
