// Import benchmark for ICE's released detainer records: 1,000,000 invented records in the release's
// layout (tests/ice/ice-records.ts), as CSV and as the .xlsx workbook, each imported the way the CLI
// reads it and timed against a plain read of the same file (its bytes read, and for CSV decoded as
// text; for the workbook, also its sheet only inflated — the floor under any reader of it — and its
// cells parsed). Both forms are judged by the CSV budget. Passes alternate; the median counts.
// BENCH_ICE_ROWS changes the row count.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importWorkbookSync, type CaseSet } from '../engine/index';
import { readXlsxSync } from '../engine/import/xlsx';
import { sha256Hex } from '../engine/sha256';
import { nodeInflater, threadedInflater } from '../host/inflate.node';
import { iceCsvChunks, writeIceWorkbook, ICE_COLUMNS } from '../tests/ice/ice-records';
import { importFile, writeThroughTemporary } from './case-data';
import { median } from './timing';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;
const CSV_BUDGET_MS = 2500;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** A seeded file of `count` ICE records, written once to the temporary folder (its name carries a hash of the layout). */
function iceBenchFile(count: number, kind: 'csv' | 'xlsx'): string {
  const dir = path.join(os.tmpdir(), 'detainer-studio-bench');
  const stamp = sha256Hex(ICE_COLUMNS.join(',') + [...iceCsvChunks({ count: 3, seed: 2025 })].join('')).slice(0, 8);
  const file = path.join(dir, `ice-detainers-${count}-${stamp}.${kind}`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  console.log(`writing ${fmt(count)} invented ICE records to ${file} (once; kept for later runs)...`);
  writeThroughTemporary(file, (fd) => {
    if (kind === 'csv') for (const chunk of iceCsvChunks({ count, seed: 2025 }, 20_000)) fs.writeSync(fd, chunk);
    else writeIceWorkbook({ count, seed: 2025 }, (bytes) => fs.writeSync(fd, bytes));
  });
  return file;
}

/** Reads the file in 1 MB chunks; `decode` also decodes them as UTF-8 text. Returns a checksum so the work is not skipped. */
function plainRead(file: string, decode: boolean): number {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const decoder = new TextDecoder();
  let sum = 0;
  try {
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      sum += decode ? decoder.decode(buffer.subarray(0, n), { stream: true }).length : buffer[n - 1]!;
    }
  } finally {
    fs.closeSync(fd);
  }
  return sum;
}

function readAt(file: string): { size: number; read: (offset: number, length: number) => Uint8Array; close: () => void } {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  return {
    size: fs.fstatSync(fd).size,
    read: (offset, length) => {
      const into = length <= buffer.length ? buffer : Buffer.allocUnsafe(length);
      const n = fs.readSync(fd, into, 0, length, offset);
      return into.subarray(0, n);
    },
    close: () => fs.closeSync(fd),
  };
}

/** The workbook imported as the CLI imports it: its sheet inflated (and its rows indexed, as the reader falls behind) in a thread of its own while its rows are read. */
function importWorkbookFile(file: string): CaseSet {
  const f = readAt(file);
  try {
    return importWorkbookSync(f.size, f.read, { inflater: threadedInflater });
  } finally {
    f.close();
  }
}

/**
 * The workbook's sheet inflated and its cells parsed, no cases made: what any reader of the workbook must
 * do. The cells are handed over as the import reads them (SheetCells: a shared string's index, a number's
 * digits), their text not made.
 */
function inflateWorkbook(file: string): number {
  const f = readAt(file);
  let rows = 0;
  try {
    readXlsxSync(f.size, f.read, { inflater: nodeInflater, onCells: () => void rows++ });
  } finally {
    f.close();
  }
  return rows;
}

/** The workbook's shared strings read and its sheet only inflated (native zlib), its XML not looked at: the floor under any reader of the workbook. */
function inflateOnly(file: string): number {
  const f = readAt(file);
  let bytes = 0;
  try {
    readXlsxSync(f.size, f.read, { inflater: nodeInflater, onRow: () => undefined, onSheetBytes: (xml) => void (bytes += xml.length) });
  } finally {
    f.close();
  }
  return bytes;
}

interface Timing {
  wall: number;
  cpu: number;
}

function timed(run: () => unknown): Timing {
  gc();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** The median of `passes` for each contender (wall and CPU time each), their passes alternating. */
function alternate(passes: number, contenders: Array<() => unknown>): Timing[] {
  const runs = contenders.map(() => [] as Timing[]);
  for (let p = 0; p < passes; p++) contenders.forEach((run, k) => runs[k]!.push(timed(run)));
  return runs.map((ts) => ({ wall: median(ts.map((t) => t.wall)), cpu: median(ts.map((t) => t.cpu)) }));
}

const ms = (t: Timing) => `${fmt(t.wall)} ms (CPU ${fmt(t.cpu)} ms)`;

export function iceImportBench(): void {
  const rows = Number(process.env.BENCH_ICE_ROWS ?? 1_000_000);
  const csv = iceBenchFile(rows, 'csv');
  const xlsx = iceBenchFile(rows, 'xlsx');
  console.log(`\n== import: ${fmt(rows)} ICE detainer records in the release layout ==`);
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores`,
  );

  const check = (set: CaseSet, form: string) => {
    if (set.table.length !== rows || set.problems.length) throw new Error(`${form}: read ${set.table.length} of ${rows} records`);
  };
  console.log(`CSV ${mb(fs.statSync(csv).size)}`);
  const [bytes, text, csvImport] = alternate(3, [
    () => plainRead(csv, false),
    () => plainRead(csv, true),
    () => check(importFile(csv), 'CSV'),
  ]);
  console.log(`  plain read (bytes)               ${ms(bytes!)}`);
  console.log(`  plain read, decoded as text      ${ms(text!)}`);
  console.log(`  import (the CLI's reading)       ${ms(csvImport!)}   ${fmt(rows / (csvImport!.wall / 1000))} records/s`);
  const ratio = csvImport!.wall / text!.wall;
  console.log(
    `  ratio to a plain read: ${ratio.toFixed(1)}x (decoded), ${(csvImport!.wall / bytes!.wall).toFixed(1)}x (bytes); CPU ${(csvImport!.cpu / text!.cpu).toFixed(1)}x`,
  );
  console.log(
    `  budget: <= ${fmt(CSV_BUDGET_MS)} ms: ${csvImport!.wall <= CSV_BUDGET_MS ? 'met' : 'NOT met'}; <= 2x a plain read: ${ratio <= 2 ? 'met' : 'NOT met'}`,
  );

  console.log(`workbook (.xlsx) ${mb(fs.statSync(xlsx).size)}`);
  const [wbBytes, floor, inflate, wbImport] = alternate(3, [
    () => plainRead(xlsx, false),
    () => inflateOnly(xlsx),
    () => inflateWorkbook(xlsx),
    () => check(importWorkbookFile(xlsx), 'workbook'),
  ]);
  console.log(`  plain read (bytes)               ${ms(wbBytes!)}`);
  console.log(`  sheet only inflated (the floor)  ${ms(floor!)}   ${mb(inflateOnly(xlsx))} of sheet XML`);
  console.log(`  sheet inflated, cells parsed     ${ms(inflate!)}   (in one thread)`);
  console.log(
    `  import (the CLI's reading)       ${ms(wbImport!)}   ${fmt(rows / (wbImport!.wall / 1000))} records/s (the sheet inflated, and its rows indexed, in a second thread; CPU counts both)`,
  );
  const wbRatio = wbImport!.wall / floor!.wall;
  console.log(
    `  ratio: ${wbRatio.toFixed(1)}x inflating its sheet (CPU ${(wbImport!.cpu / floor!.cpu).toFixed(1)}x), ${(wbImport!.wall / wbBytes!.wall).toFixed(1)}x a plain read of its bytes, ${(wbImport!.wall / inflate!.wall).toFixed(1)}x parsing its sheet; ${(wbImport!.wall / csvImport!.wall).toFixed(1)}x the CSV import`,
  );
  console.log(
    `  budget (the same as the CSV's): <= ${fmt(CSV_BUDGET_MS)} ms: ${wbImport!.wall <= CSV_BUDGET_MS ? 'met' : 'NOT met'}; <= 2x its floor (inflating the sheet): ${wbRatio <= 2 ? 'met' : 'NOT met'}`,
  );
}
