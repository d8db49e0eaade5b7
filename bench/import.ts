// Import benchmark: a 1,000,000-row CSV case file read by the streaming importer beside a plain read
// of the same file (CPU time, alternating passes, the ratio), the memory the case table keeps, the
// first import in fresh processes, the real CLI in a fresh process (time and peak RSS), and JSON
// (beside JSON.parse; its first import beside the floor of any first import: the file read and the
// table's memory written) and YAML rates. Run with `npm run bench -- import`; BENCH_IMPORT_ROWS changes the row count.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { compile, HONOR_ALL, loadOrdinance, simulate, type CaseSet, type CaseTable } from '../engine/index';
import { DERIVED_COLUMNS } from '../engine/case-table';
import { filePieces, importCaseFile } from '../renderer/src/simulation/workbook-file';
import { generateCases } from '../engine/generate';
import { benchCaseFile, importFile } from './case-data';
import { iceImportBench } from './ice-import';
import { alternating, cpuMs, inFreshProcesses, median } from './timing';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs the CLI bundle in a fresh process on the file: its own time, its import time, and its peak RSS. */
function cliRun(file: string): { ms: number; importSeconds: number | undefined; maxRss: number; code: number } | string {
  const root = process.cwd();
  const cli = path.join(root, 'dist/cli.mjs');
  const policy = path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');
  if (!fs.existsSync(cli) || !fs.existsSync(policy)) return 'skipped: run from the repository root after `npm run build`';
  const script = `
    const { main } = await import(${JSON.stringify(pathToFileURL(cli).href)});
    let err = '';
    const t0 = performance.now();
    const code = await main(['simulate', ${JSON.stringify(policy)}, '--cases', ${JSON.stringify(file)}, '--baseline', 'honor-all', '--progress'],
      { out: () => {}, err: (t) => { err += t; } });
    const ms = performance.now() - t0;
    process.stdout.write(JSON.stringify({ code, ms, maxRss: process.resourceUsage().maxRSS * 1024, err: err.slice(-400) }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) return `failed: ${r.stderr.slice(-400)}`;
  const out = JSON.parse(r.stdout) as { code: number; ms: number; maxRss: number; err: string };
  const m = /read 100%, [\d,]+ records.*?, ([\d.]+) s/.exec(out.err);
  return { ms: out.ms, importSeconds: m ? Number(m[1]) : undefined, maxRss: out.maxRss, code: out.code };
}

/**
 * In a child: the first import of the file in this process (nothing compiled yet), as JSON: CPU ms,
 * cases, the CPU ms of the process's other threads (where the JavaScript engine compiles optimized
 * code and its garbage collector's helpers run; undefined off Linux) and the pages of memory touched
 * for the first time (minor page faults).
 */
const FIRST_IMPORT = 'DETAINER_STUDIO_BENCH_FIRST_IMPORT';
/**
 * In a child: the floor of a first import (firstImportFloor), for the file, the table's bytes and the
 * byte each record starts or ends with, given as `file|bytes|byte`.
 */
const FIRST_FLOOR = 'DETAINER_STUDIO_BENCH_FIRST_FLOOR';

interface FirstImport {
  cpu: number;
  cases: number;
  others?: number;
  pages: number;
  /** After the import: the CPU ms and new pages of the first read of each derived column (DERIVED_COLUMNS order). */
  derivedCpu: number[];
  derivedPages: number[];
}

interface FirstImportFloor {
  cpu: number;
  objects: number;
  written: number;
  pages: number;
}

/** CPU ms of the calling thread, from Linux's /proc/thread-self/stat (utime and stime, in 1/100 s); undefined elsewhere. */
function threadCpuMs(): number | undefined {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

function pageFaults(): number {
  return process.resourceUsage().minorPageFault;
}

/**
 * The file's bytes in 1 MB chunks, as importFile reads them (open, reads into one buffer, close): each
 * chunk is the caller's until the next read. The plain read, the bytes-only read and the first
 * import's floor all read the file through it, so they read it alike.
 */
function forEachChunk(file: string, use: (chunk: Buffer) => void): void {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      use(buffer.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * What any first import of the file pays in a fresh process, reading nothing into cases: the file
 * read in 1 MB chunks as importFile reads it, each chunk searched once for `mark` (a JSON file's "{",
 * a CSV file's line feed), and `tableBytes` of typed arrays (1 MB each) allocated and every element
 * written once, as the case table's columns are. CPU ms, the marks counted, the elements written and
 * the pages touched for the first time.
 */
function firstImportFloor(file: string, tableBytes: number, mark: number): FirstImportFloor {
  const f0 = pageFaults();
  const t0 = cpuMs();
  let objects = 0;
  forEachChunk(file, (chunk) => {
    for (let i = chunk.indexOf(mark); i >= 0; i = chunk.indexOf(mark, i + 1)) objects++;
  });
  // Each column is kept until the time is taken, and the elements written are counted.
  const columns: Int32Array[] = [];
  let written = 0;
  for (let left = tableBytes; left > 0; left -= 1 << 20) {
    const column = new Int32Array(Math.min(left, 1 << 20) >> 2);
    for (let i = 0; i < column.length; i++) column[i] = i;
    columns.push(column);
    written += column.length;
  }
  return { cpu: cpuMs() - t0, objects, written, pages: pageFaults() - f0 };
}

/**
 * Bytes of the table's typed-array columns (the rows it holds, not the room its buffers have); a
 * column that is another's array (the builder's columns that repeat another) counted once. The
 * columns the table derives when first read (DERIVED_COLUMNS) are not read here, so not made: an
 * import does not write them.
 */
function tableBytes(set: CaseSet): number {
  let bytes = 0;
  const stored = Object.values(Object.getOwnPropertyDescriptors(set.table)).map((d) => d.value as unknown);
  for (const v of new Set(stored)) if (ArrayBuffer.isView(v)) bytes += v.byteLength;
  return bytes;
}

/**
 * The derived columns (DERIVED_COLUMNS) a simulate of the Connecticut sample, compared with honoring
 * every detainer, reads from the table: found by simulating once through a view of the table that
 * notes them (the table itself is left as it was: its derived columns not made).
 */
function derivedReadBySimulate(table: CaseTable): string[] | string {
  const file = path.join(process.cwd(), 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');
  if (!fs.existsSync(file)) return 'skipped: run from the repository root';
  const ordinance = loadOrdinance(fs.readFileSync(file, 'utf8')).ordinance;
  if (!ordinance) return `skipped: ${file} does not validate`;
  const derived = new Set<string>(DERIVED_COLUMNS);
  const read = new Set<string>();
  const noted = new Proxy(table, {
    get(target, key) {
      if (typeof key === 'string' && derived.has(key)) read.add(key);
      // Read from the table itself, so that a column it makes when first read is made on it.
      return Reflect.get(target, key, target) as unknown;
    },
  });
  const scenario = { reimbursementAgreement: false };
  simulate(compile(ordinance, scenario), noted, { compare: { policy: compile(HONOR_ALL, scenario), title: 'honor every detainer' } });
  return DERIVED_COLUMNS.filter((k) => read.has(k));
}

export async function importBench(): Promise<void> {
  const first = process.env[FIRST_IMPORT];
  if (first) {
    const main0 = threadCpuMs();
    const f0 = pageFaults();
    const t0 = cpuMs();
    const set = importFile(first);
    const cpu = cpuMs() - t0;
    const pages = pageFaults() - f0;
    const main1 = threadCpuMs();
    const others = main0 === undefined || main1 === undefined ? undefined : Math.max(0, cpu - (main1 - main0));
    // What the import left to the table's first reader: each derived column made, in this process's new memory.
    const derivedCpu: number[] = [];
    const derivedPages: number[] = [];
    for (const key of DERIVED_COLUMNS) {
      const p0 = pageFaults();
      const c0 = cpuMs();
      void set.table[key].length;
      derivedCpu.push(cpuMs() - c0);
      derivedPages.push(pageFaults() - p0);
    }
    process.stdout.write(
      `${JSON.stringify({ cpu, cases: set.table.length, others, pages, derivedCpu, derivedPages } satisfies FirstImport)}\n`,
    );
    return;
  }
  const floor = process.env[FIRST_FLOOR];
  if (floor) {
    const [mark, bytes, ...file] = floor.split('|').reverse();
    process.stdout.write(`${JSON.stringify(firstImportFloor(file.reverse().join('|'), Number(bytes), Number(mark)))}\n`);
    return;
  }
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
  const file = benchCaseFile(rows);
  const size = fs.statSync(file).size;
  console.log(`\n== import: ${fmt(rows)}-row CSV case file (${mb(size)}) ==`);

  // Held in an object so each pass can drop the previous pass's cases before reading again.
  const held: { set?: CaseSet } = {};
  // Typed arrays live outside the JavaScript heap: count both.
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  gc();
  const heapBefore = used();
  // The limit: reading the same file in the same 1 MB chunks, decoded as UTF-8, its lines counted.
  const plainRead = () => {
    const decoder = new TextDecoder();
    let lines = 0;
    forEachChunk(file, (chunk) => {
      const text = decoder.decode(chunk, { stream: true });
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    });
    if (lines !== rows + 1) throw new Error(`plain read counted ${lines} lines`);
  };
  // Beside it, the floor under any reader of the bytes: the same chunks with no text made, the line
  // feeds counted in the bytes. The budget's ratio is to the read above (a plain read of a text file
  // makes its text); this one says how much of that read is the decoding the importer does not do.
  const byteRead = () => {
    let lines = 0;
    forEachChunk(file, (chunk) => {
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    });
    if (lines !== rows + 1) throw new Error(`the byte read counted ${lines} lines`);
  };
  const wall: number[] = [];
  const ms = await alternating(
    3,
    {
      plain: plainRead,
      bytes: byteRead,
      importer: () => {
        const t0 = performance.now();
        held.set = importFile(file);
        wall.push(performance.now() - t0);
      },
    },
    // The last pass's cases dropped and collected before each pass, untimed: a pass pays for its own work only.
    () => {
      delete held.set;
      gc();
    },
  );
  gc();
  const retained = used() - heapBefore;
  const read = held.set!;
  if (read.table.length !== rows || read.problems.length) throw new Error(`import read ${read.table.length} of ${rows} rows`);
  const importMs = ms.importer!;
  console.log(`CPU time, median of 3 alternating passes after a warm-up each`);
  console.log(`plain read (1 MB chunks, UTF-8, lines)   ${fmt(ms.plain!)} ms   ${fmt(size / 1024 / 1024 / (ms.plain! / 1000), 1)} MB/s`);
  console.log(
    `streaming importer, 1 MB chunks         ${fmt(importMs)} ms   ${fmt(rows / (importMs / 1000))} rows/s   ${fmt(size / 1024 / 1024 / (importMs / 1000), 1)} MB/s   (wall ${fmt(median(wall))} ms)`,
  );
  console.log(`ratio importer / plain read: ${(importMs / ms.plain!).toFixed(2)}x`);
  console.log(
    `(beside the bytes alone, 1 MB chunks, no text made, line feeds counted: ${fmt(ms.bytes!)} ms; the importer takes ${(importMs / ms.bytes!).toFixed(1)}x it, the plain read ${(ms.plain! / ms.bytes!).toFixed(1)}x)`,
  );
  console.log(
    `budget: ${fmt(rows)} rows <= 2.5 s: ${importMs <= 2500 * (rows / 1_000_000) ? 'met' : 'NOT met'} (${fmt(importMs / 1000, 2)} s); <= 2x a plain read: ${importMs <= 2 * ms.plain! ? 'met' : 'NOT met'}`,
  );
  console.log(`memory kept by the case table   ${mb(retained)}   (${fmt(retained / rows)} bytes per case, heap and typed arrays)`);
  const csvTableBytes = tableBytes(read);
  const readBySimulate = derivedReadBySimulate(read.table);
  delete held.set;
  gc();

  // What the CLI and the app's worker pay: one import in a process that has compiled nothing and
  // whose case table is written to memory it has not used before.
  {
    const runs = inFreshProcesses<FirstImport>('import', { [FIRST_IMPORT]: file }, 5);
    if (runs.some((r) => r.cases !== rows)) throw new Error('a first-import child read a different number of rows');
    const first = median(runs.map((r) => r.cpu));
    console.log(
      `CSV, first import in a fresh process (median of 5)   ${fmt(first)} ms CPU (min ${fmt(Math.min(...runs.map((r) => r.cpu)))})   ${fmt(rows / (first / 1000))} rows/s   ratio to the plain read ${(first / ms.plain!).toFixed(2)}x`,
    );
    console.log(
      `budget (first import): ${fmt(rows)} rows <= 2.5 s: ${first <= 2500 * (rows / 1_000_000) ? 'met' : 'NOT met'} (${fmt(first / 1000, 2)} s); <= 2x a plain read: ${first <= 2 * ms.plain! ? 'met' : 'NOT met'}`,
    );
    // The derived columns (case-table.ts DERIVED_COLUMNS), which the import does not write: what their
    // first reader pays, in the same fresh processes, and which of them a simulate reads.
    const derived = DERIVED_COLUMNS.map((key, k) => ({
      key,
      cpu: median(runs.map((r) => r.derivedCpu[k]!)),
      pages: median(runs.map((r) => r.derivedPages[k]!)),
    }));
    const sum = (keys: readonly string[]) =>
      derived
        .filter((d) => keys.includes(d.key))
        .reduce((a, d) => ({ cpu: a.cpu + d.cpu, pages: a.pages + d.pages }), { cpu: 0, pages: 0 });
    const all = sum(DERIVED_COLUMNS);
    console.log(
      `derived columns' first read after that import (median of the same 5): ${derived.map((d) => `${d.key} ${fmt(d.cpu)} ms (${fmt(d.pages)} pages)`).join(', ')}; all ${fmt(all.cpu)} ms CPU, ${fmt(all.pages)} pages`,
    );
    if (typeof readBySimulate === 'string') console.log(`derived columns a simulate reads: ${readBySimulate}`);
    else {
      const sim = sum(readBySimulate);
      console.log(
        `a simulate (the Connecticut sample compared with honoring every detainer) reads ${readBySimulate.join(', ') || 'none of them'}: its first run pays ${fmt(sim.cpu)} ms CPU (${fmt(sim.pages)} pages) for them`,
      );
    }
    // Its floor, as for JSON below: the file read and a table's worth of new memory written, no case read.
    const floors = inFreshProcesses<FirstImportFloor>('import', { [FIRST_FLOOR]: `${file}|${csvTableBytes}|10` }, 5);
    const floorMs = median(floors.map((r) => r.cpu));
    console.log(
      `CSV first import's floor in a fresh process (median of 5): the file read in 1 MB chunks and its line feeds counted, and the case table's ${mb(csvTableBytes)} of columns written to new memory   ${fmt(floorMs)} ms CPU (${fmt(median(floors.map((r) => r.pages)))} pages of new memory; the first import: ${fmt(median(runs.map((r) => r.pages)))})   ratio to the plain read ${(floorMs / ms.plain!).toFixed(2)}x; the first import takes ${(first / floorMs).toFixed(2)}x it`,
    );
  }

  // The app's workers are handed the file itself (the browser's File) and read it through
  // importCaseFile (renderer/src/simulation/workbook-file.ts): from its byte stream into two buffers
  // taking turns. Here the File is a Blob backed by the file on disk, whose stream Node gives in
  // 64 KB pieces through its own web streams: this line times the app's code in Node, not the app.
  // The app itself (Chromium) is timed by `npm run bench:renderer`.
  {
    const blob = await fs.openAsBlob(file);
    let got: CaseSet | undefined;
    // Its limit: the same File read the same way (filePieces), decoded as UTF-8, its lines counted.
    const streamRead = async () => {
      const decoder = new TextDecoder();
      let lines = 0;
      for await (const piece of filePieces(blob)) {
        const text = decoder.decode(piece, { stream: true });
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
      }
      if (lines !== rows + 1) throw new Error(`the stream read counted ${lines} lines`);
    };
    const app = await alternating(
      3,
      {
        'stream read': streamRead,
        'worker path': async () => {
          got = await importCaseFile(blob, { onProgress: () => undefined });
        },
      },
      () => {
        got = undefined;
        gc();
      },
    );
    if (got!.table.length !== rows || got!.problems.length) throw new Error(`the worker path read ${got!.table.length} of ${rows} rows`);
    const ms = app['worker path']!;
    const stream = app['stream read']!;
    console.log(`plain read of the File's byte stream (filePieces, UTF-8, lines)   ${fmt(stream)} ms CPU`);
    console.log(
      `app worker path in Node (importCaseFile: the File's byte stream, 64 KB pieces in Node, progress)   ${fmt(ms)} ms CPU   ${fmt(rows / (ms / 1000))} rows/s   ratio to the stream's plain read ${(ms / stream).toFixed(2)}x`,
    );
    console.log(
      `budget (the app's worker code, in Node): ${fmt(rows)} rows <= 2.5 s: ${ms <= 2500 * (rows / 1_000_000) ? 'met' : 'NOT met'} (${fmt(ms / 1000, 2)} s; in the app, Chromium: npm run bench:renderer); <= 2x the stream's plain read: ${ms <= 2 * stream ? 'met' : 'NOT met'}`,
    );
  }
  gc();

  const cli = cliRun(file);
  if (typeof cli === 'string') console.log(`CLI in a fresh process: ${cli}`);
  else {
    console.log(
      `CLI simulate --cases (fresh process)   import ${cli.importSeconds ?? '?'} s, import + simulate + report ${fmt(cli.ms)} ms, peak RSS ${mb(cli.maxRss)}`,
    );
    const cliImportMs = (cli.importSeconds ?? Infinity) * 1000;
    console.log(
      `budget (fresh process, wall): ${fmt(rows)} rows imported <= 2.5 s: ${cliImportMs <= 2500 * (rows / 1_000_000) ? 'met' : 'NOT met'}; <= 1 GB: ${cli.maxRss <= 1024 ** 3 ? 'met' : 'NOT met'}`,
    );
  }

  // JSON and YAML, smaller: they go through JSON.parse and the YAML parser case by case.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-bench-'));
  try {
    const jsonRows = Number(process.env.BENCH_JSON_ROWS ?? 100_000);
    const jsonFile = path.join(dir, 'cases.json');
    fs.writeFileSync(jsonFile, JSON.stringify(generateCases({ count: jsonRows, seed: 5 })));
    // The limit for JSON: the same bytes through JSON.parse (what a reader of the whole file would do).
    let json: CaseSet | undefined;
    const j = await alternating(
      3,
      {
        'JSON.parse': () => void JSON.parse(fs.readFileSync(jsonFile, 'utf8')),
        importer: () => {
          json = importFile(jsonFile);
        },
      },
      () => {
        // The passes run JSON.parse then the importer, so the last pass leaves `json` set.
        json = undefined;
        gc();
      },
    );
    const jsonRate = json!.table.length / (j.importer! / 1000);
    console.log(
      `JSON ${fmt(json!.table.length)} cases   ${fmt(j.importer!)} ms   ${fmt(jsonRate)} cases/s   (JSON.parse of the file: ${fmt(j['JSON.parse']!)} ms, ratio ${(j.importer! / j['JSON.parse']!).toFixed(2)}x)`,
    );
    console.log(`budget: JSON >= 400,000 cases/s: ${jsonRate >= 400_000 ? 'met' : 'NOT met'}`);
    // What a user waits for: the file imported once by a process that has compiled nothing yet (the
    // passes above are timed after a warm-up, when the reader's code is already optimized).
    {
      const runs = inFreshProcesses<FirstImport>('import', { [FIRST_IMPORT]: jsonFile }, 5);
      const ms = median(runs.map((r) => r.cpu));
      if (runs.some((r) => r.cases !== json!.table.length)) throw new Error('a first-import child read a different number of cases');
      const rate = json!.table.length / (ms / 1000);
      const others = runs.every((r) => r.others !== undefined)
        ? `CPU on other threads (the JavaScript engine's optimizing compiler, its garbage collector's helpers) ${fmt(median(runs.map((r) => r.others!)))} ms, `
        : '';
      console.log(
        `JSON, first import in a fresh process (median of 5)   ${fmt(ms)} ms CPU (min ${fmt(Math.min(...runs.map((r) => r.cpu)))})   ${fmt(rate)} cases/s   (of it: ${others}${fmt(median(runs.map((r) => r.pages)))} pages of new memory)`,
      );
      console.log(`budget (first import): JSON >= 400,000 cases/s: ${rate >= 400_000 ? 'met' : 'NOT met'}`);
      // Its floor: what a fresh process pays to read the file and to fill a table's worth of new
      // memory, before reading any case. The budget's rate is not reachable where this alone costs more.
      const bytes = tableBytes(json!);
      const floors = inFreshProcesses<FirstImportFloor>('import', { [FIRST_FLOOR]: `${jsonFile}|${bytes}|123` }, 5);
      const floorMs = median(floors.map((r) => r.cpu));
      console.log(
        `JSON first import's floor in a fresh process (median of 5): the file read in 1 MB chunks and searched once for "{", and the case table's ${mb(bytes)} of columns written to new memory   ${fmt(floorMs)} ms CPU (${fmt(median(floors.map((r) => r.pages)))} pages of new memory)   at most ${fmt(json!.table.length / (floorMs / 1000))} cases/s; the first import takes ${(ms / floorMs).toFixed(2)}x it`,
      );
    }
    // The app's worker reads a JSON file as it reads a CSV one: the File's bytes piece by piece, with
    // progress; timed beside a read of the same File's byte stream that does nothing with the bytes
    // (the part of the worker path's time that is Node's stream, not the reader).
    {
      const blob = await fs.openAsBlob(jsonFile);
      let got: CaseSet | undefined;
      const app = await alternating(
        3,
        {
          'stream read': async () => {
            let bytes = 0;
            for await (const piece of filePieces(blob)) bytes += piece.length;
            if (bytes !== blob.size) throw new Error(`the stream read gave ${bytes} of ${blob.size} bytes`);
          },
          'worker path': async () => {
            got = await importCaseFile(blob, { onProgress: () => undefined });
          },
        },
        () => {
          got = undefined;
          gc();
        },
      );
      if (got!.table.length !== json!.table.length)
        throw new Error(`the worker path read ${got!.table.length} of ${json!.table.length} cases`);
      const ms = app['worker path']!;
      const rate = got!.table.length / (ms / 1000);
      console.log(
        `JSON, app worker path in Node (importCaseFile: the File's byte stream, progress)   ${fmt(ms)} ms CPU   ${fmt(rate)} cases/s   (the same File's stream read alone, through filePieces: ${fmt(app['stream read']!)} ms)`,
      );
      console.log(`budget (the app's worker code, in Node): JSON >= 400,000 cases/s: ${rate >= 400_000 ? 'met' : 'NOT met'}`);
    }
    const yamlFile = path.join(dir, 'cases.yaml');
    fs.writeFileSync(yamlFile, stringify(generateCases({ count: 5000, seed: 6 })));
    const t0 = performance.now();
    const yaml = importFile(yamlFile);
    const ms = performance.now() - t0;
    console.log(`YAML ${fmt(yaml.table.length)} cases   ${fmt(ms)} ms   ${fmt(yaml.table.length / (ms / 1000))} cases/s`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // ICE's released detainer records: the same budget, as CSV; the workbook measured and stated.
  iceImportBench();
}
