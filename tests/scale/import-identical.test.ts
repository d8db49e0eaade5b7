// The case importer's results held to results stored from an earlier reader: the sample case sets
// (CSV and JSON) and seeded random CSV and JSON files with quoted fields, CR LF, a byte order mark,
// multi-byte UTF-8, undecodable bytes and bad rows, read whole and in chunks of every size 1..64
// (bytes and text). Every case (every column of the table) and every problem (row or line, column,
// field, message) must be the same. `UPDATE_IMPORT_EXPECTED=1` rewrites the stored results: only when
// a change of results is meant, and said so in the commit.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseImporter, sha256Hex, type BookingCase, type CaseSet, type ImportOptions } from '../../engine/index';
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
  problems: unknown[];
}

function resultOf(set: CaseSet): Result {
  return {
    total: set.total,
    rejected: set.rejected,
    unlisted: set.unlisted,
    cases: set.table.length,
    rows: sha256Hex(JSON.stringify(tableRows(set.table))),
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
  return list;
}

describe('import results stay identical', () => {
  const all = inputs();
  const stored: Record<string, Result> = fs.existsSync(expectedFile) ? JSON.parse(fs.readFileSync(expectedFile, 'utf8')) : {};

  it('matches the stored results, read whole, with the format given and guessed', () => {
    const now: Record<string, Result> = {};
    for (const input of all) {
      const whole = resultOf(importChunks([input.data], { format: input.format }));
      now[input.name] = whole;
      if (!update) {
        expect(whole, input.name).toEqual(stored[input.name]);
        expect(resultOf(importChunks([input.data], {})), `${input.name}, format guessed`).toEqual(whole);
      }
    }
    if (update) {
      fs.mkdirSync(path.dirname(expectedFile), { recursive: true });
      fs.writeFileSync(expectedFile, JSON.stringify(now, null, 1) + '\n');
    }
  });

  it('gives the same results in chunks of every size from 1 to 64, as bytes and as text', { timeout: 300_000 }, () => {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    for (const input of all) {
      const want = stored[input.name];
      if (!want) throw new Error(`no stored result for ${input.name}`);
      const text = decoder.decode(input.data);
      for (let size = 1; size <= 64; size++) {
        expect(resultOf(importChunks(sliced(input.data, size), { format: input.format })), `${input.name}, ${size}-byte chunks`).toEqual(
          want,
        );
        // Text chunks: an undecodable byte is already U+FFFD in the text, which the reader reports the same way.
        if (size % 7 === 1 || size <= 4)
          expect(resultOf(importChunks(sliced(text, size), { format: input.format })), `${input.name}, ${size}-character chunks`).toEqual(
            want,
          );
      }
    }
  });
});
