// Benchmark case data: a seeded 1,000,000-row CSV case file, written once in batches (so writing it
// needs little memory) and kept in the system's temporary folder, and reading it with the importer.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CaseImporter, CSV_CASE_COLUMNS, type BookingCase, type CaseSet, type ImportOptions } from '../engine/index';
import { csvField } from '../engine/csv';
import { sha256Hex } from '../engine/sha256';
import { generateCases } from '../engine/generate';

const GROUPS: Array<[string, number, string[]]> = [
  ['charge', 2, ['offense', 'class', 'degree', 'categories', 'bondPosted', 'bondable', 'probableCauseFinding']],
  ['conviction', 6, ['offense', 'class', 'degree', 'categories', 'convictedOn', 'releasedOn', 'incarceratedDays', 'current', 'juvenile']],
  ['warrant', 1, ['kind', 'jurisdiction', 'felony']],
];
const HEADER = [
  ...CSV_CASE_COLUMNS,
  ...GROUPS.flatMap(([g, n, fields]) => Array.from({ length: n }, (_, i) => fields.map((f) => `${g}${i + 1}.${f}`)).flat()),
];

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  return csvField(Array.isArray(v) ? v.join(';') : String(v));
}

function row(c: BookingCase): string {
  const out: string[] = [];
  for (const column of HEADER) {
    const m = /^(charge|conviction|warrant)(\d+)\.(\w+)$/.exec(column);
    if (m) {
      const list = (m[1] === 'charge' ? c.currentCharges : m[1] === 'conviction' ? c.convictions : c.warrants) as
        Array<Record<string, unknown>> | undefined;
      out.push(cell(list?.[Number(m[2]) - 1]?.[m[3]!]));
    } else if (column === 'requests') out.push(cell(c.detainer.requests));
    else if (column === 'issuedAt' || column === 'judicialWarrant' || column === 'administrativeWarrant')
      out.push(cell(c.detainer[column]));
    else if (column in c) out.push(cell((c as unknown as Record<string, unknown>)[column]));
    else out.push(cell(c.records?.[column as keyof NonNullable<BookingCase['records']>]));
  }
  return out.join(',');
}

/** Path of a seeded CSV case file with `count` rows, written the first time it is asked for. */
export function benchCaseFile(count: number, seed = 2012, log: (s: string) => void = console.log): string {
  const dir = path.join(os.tmpdir(), 'detainer-studio-bench');
  // The name carries a hash of the header and of the first batch of generated cases, so a change to the
  // generator makes a new file (a change that leaves the first case alone changed later ones before).
  const first = generateCases({ count: Math.min(count, 20_000), seed, idPrefix: 'B0-' });
  const stamp = sha256Hex(HEADER.join(',') + '\n' + first.map(row).join('\n')).slice(0, 8);
  const file = path.join(dir, `cases-${count}-seed${seed}-${stamp}.csv`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  log(`writing ${count.toLocaleString('en-US')} synthetic cases to ${file} (once; kept for later runs)...`);
  writeThroughTemporary(file, (fd) => {
    fs.writeSync(fd, HEADER.join(',') + '\n');
    const batch = 20_000;
    for (let b = 0; b * batch < count; b++) {
      const n = Math.min(batch, count - b * batch);
      const cases = generateCases({ count: n, seed: seed + b, idPrefix: `B${b}-` });
      fs.writeSync(fd, cases.map(row).join('\n') + '\n');
    }
  });
  return file;
}

/** Writes a bench fixture through a temporary file beside it, renamed into place only when whole. */
export function writeThroughTemporary(file: string, write: (fd: number) => void): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    write(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Imports a case file the way the CLI does: 1 MB chunks of bytes into the streaming importer. */
export function importFile(file: string, options: ImportOptions = {}): CaseSet {
  const fd = fs.openSync(file, 'r');
  const importer = new CaseImporter({ size: fs.fstatSync(fd).size, ...options });
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      importer.push(buffer.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return importer.finish();
}
