// What every command gets: output streams and helpers to load documents with located errors.

import fs from 'node:fs';
import {
  CaseImporter,
  importWorkbookSync,
  narrowCaseSet,
  selectCases,
  type CaseSelection,
  type CaseSource,
  time,
  caseFormatOf,
  compile,
  fingerprint,
  formatCaseProblem,
  blockingErrors,
  checkDocument,
  AnalysisTooLarge,
  analysisTooLargeDiagnostic,
  formatDiagnostic,
  loadColumnMapping,
  loadOrdinance,
  type CaseSet,
  type ColumnMapping,
  type CompiledPolicy,
  type Diagnostic,
  type Ordinance,
  type ParsedSource,
  type PathSegment,
  type Scenario,
} from '../engine/index';
import { UsageError } from './args';
import { count, num } from './format';
import { OVERWRITE_LINE, Reported, stdio, type Output } from './output';
import { printDiagnostics, readOrReport } from './documents';
import { FileError, openInput } from '../host/files.node';
import { threadedInflater } from '../host/inflate.node';

export { Reported, stdio, type Output } from './output';
export { MAX_DOCUMENT_BYTES, loadScenarioOrReport, readOrReport, readOrSkip, reimbursementOverride } from './documents';

/** Largest case file read (streamed in chunks into a compact table, never held whole). */
export const MAX_CASE_FILE_BYTES = 4 * 1024 * 1024 * 1024;

export interface LoadedPolicy {
  file: string;
  ordinance: Ordinance;
  fingerprint: string;
  /** Where a path of the document is in the file, for located messages about it. */
  locate: (path: readonly PathSegment[]) => Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>;
  /** The parsed document, for locating what later steps report. */
  source?: ParsedSource;
}

/**
 * Loads an ordinance or reports its errors (exit 1). Warnings are not printed here. With `lint`, the
 * legal lint's errors (not silenced) also stop it: what is exported for a council or the police must
 * pass the same checks as in the app.
 */
export function loadPolicyOrReport(io: Output, file: string, opts: { lint?: boolean } = {}): LoadedPolicy {
  const text = readOrReport(io, file);
  const loaded = opts.lint ? checkDocument(text) : loadOrdinance(text);
  const errors = blockingErrors(loaded.diagnostics);
  if (!loaded.ordinance || errors.length > 0) {
    printDiagnostics(io, file, errors);
    throw new Reported(1);
  }
  const source = loaded.source;
  return { file, ordinance: loaded.ordinance, fingerprint: fingerprint(loaded.ordinance), locate: (p) => source.locate([...p]), source };
}

/**
 * Runs an analysis of a policy (decision table, draft difference). One too large to analyse exactly
 * is reported as one located error line, and the command exits with `exitCode`.
 */
export function analyseOrReport<T>(io: Output, policy: LoadedPolicy, what: string, exitCode: number, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof AnalysisTooLarge) {
      io.err(formatDiagnostic(policy.file, analysisTooLargeDiagnostic(e, policy.source, what)) + '\n');
      throw new Reported(exitCode);
    }
    throw e;
  }
}

export interface CaseLoading {
  /** Continue without bad records (they are still listed). */
  skipBad: boolean;
  /** A column mapping file (YAML or JSON) for a CSV export with its own column names and codes. */
  mapping?: string;
  /** Print a progress line on stderr: true, false, or 'auto' (only when stderr is a terminal). */
  progress?: boolean | 'auto';
  /** What the rows are (`ice-detainers`: ICE's released records); guessed from the file when not given. */
  source?: CaseSource;
  /** Only the cases of one facility and period. */
  select?: CaseSelection;
  /** What is done with the good cases when bad ones are skipped (default "simulating N"). */
  skipping?: (good: string) => string;
}

/** Reads a column mapping or reports its errors (exit 1); warnings are printed and reading goes on. */
export function loadMappingOrReport(io: Output, file: string): ColumnMapping {
  const { mapping, diagnostics } = loadColumnMapping(readOrReport(io, file));
  printDiagnostics(io, file, diagnostics);
  if (!mapping) throw new Reported(1);
  return mapping;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Loads a case set, streaming the file in chunks so a file of any size is never held whole. Bad
 * records are reported one per line (the first 200, then a count); unless `skipBad`, any bad record
 * fails (exit 1). File-level problems (unreadable header, unclosed quote, broken JSON) always fail.
 */
export function loadCasesOrReport(io: Output, file: string, loading: boolean | CaseLoading): CaseSet {
  const opts: CaseLoading = typeof loading === 'boolean' ? { skipBad: loading } : loading;
  const mapping = opts.mapping ? loadMappingOrReport(io, opts.mapping) : undefined;
  let fd: number;
  let size: number;
  try {
    ({ fd, size } = openInput(file, MAX_CASE_FILE_BYTES));
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    io.err(`${file}: error: ${e.message}\n`);
    throw new Reported(2);
  }
  const progress = opts.progress === 'auto' ? io === stdio && Boolean(process.stderr.isTTY) : opts.progress === true;
  const meter = progress ? progressMeter(io, file, size, io === stdio && Boolean(process.stderr.isTTY)) : undefined;
  const format = caseFormatOf(file);
  const options = { format, mapping, source: opts.source, size };
  let set: CaseSet;
  try {
    if (format === 'xlsx') {
      // A workbook is read from its end (the zip's directory) and then by parts: by position.
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      set = importWorkbookSync(
        size,
        (offset, length) => {
          const into = length <= buffer.length ? buffer : Buffer.allocUnsafe(length);
          let got = 0;
          while (got < length) {
            const n = fs.readSync(fd, into, got, length - got, offset + got);
            if (n === 0) break;
            got += n;
          }
          return into.subarray(0, got);
        },
        { ...options, inflater: threadedInflater, onProgress: (p) => meter?.(p.read, p.records, p.rejected, false) },
      );
    } else {
      const importer = new CaseImporter(options);
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      for (;;) {
        const n = fs.readSync(fd, buffer, 0, buffer.length, null);
        if (n === 0) break;
        importer.push(buffer.subarray(0, n));
        meter?.(importer.progress.read, importer.progress.records, importer.progress.rejected, false);
        if (importer.stopped) break;
      }
      set = importer.finish();
    }
    meter?.(size, set.total, set.rejected, true);
  } catch (e) {
    io.err(`${file}: error: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    throw new Reported(2);
  } finally {
    fs.closeSync(fd);
  }
  for (const note of set.notes) io.err(`${file}: note: ${note}\n`);
  for (const warning of set.warnings) io.err(`${file}: warning: ${warning}\n`);
  reportCaseProblems(io, file, set, opts.skipBad, opts.skipping);
  if (opts.select) {
    const picked = selectCases(set.table, opts.select);
    if (!picked.ok) {
      io.err(`${file}: error: ${picked.problem}\n`);
      throw new Reported(1);
    }
    if (picked.table.length === 0) {
      io.err(`${file}: error: no case of this set is of the facility and period asked for\n`);
      throw new Reported(1);
    }
    return narrowCaseSet(set, picked.table);
  }
  return set;
}

/** How many of a case set's problems are listed one per line; the rest are counted. */
export const LISTED_PROBLEMS = 200;

/** Prints a case set's problems and decides whether to go on without the bad records. */
export function reportCaseProblems(
  io: Output,
  file: string,
  set: CaseSet,
  skipBad: boolean,
  skipping: (good: string) => string = (good) => `simulating ${good}`,
): void {
  if (set.problems.length === 0) return;
  const shown = set.problems.slice(0, LISTED_PROBLEMS);
  for (const p of shown) io.err(formatCaseProblem(file, p) + '\n');
  const more = set.problems.length - shown.length + set.unlisted;
  if (more > 0) io.err(`${file}: ... and ${count(more, 'more problem')}\n`);
  const fileLevel = set.problems.some((p) => p.index < 0);
  // The table's length, not `cases`: that would build every case as an object.
  const good = set.table.length;
  if (!skipBad || fileLevel || good === 0) {
    if (!fileLevel)
      io.err(
        `${file}: ${num(set.rejected)} of ${count(set.total, 'case')} ${set.rejected === 1 ? 'has' : 'have'} problems; fix them, or pass --skip-bad to simulate the ${good.toLocaleString('en-US')} good ${good === 1 ? 'one' : 'ones'}\n`,
      );
    throw new Reported(1);
  }
  io.err(
    `${file}: warning: skipping ${set.rejected.toLocaleString('en-US')} bad ${set.rejected === 1 ? 'case' : 'cases'} of ${set.total.toLocaleString('en-US')}; ${skipping(good.toLocaleString('en-US'))}\n`,
  );
}

/**
 * A progress line on stderr: redrawn in place on a terminal (at most every 100 ms), else one line
 * about every 10% so logs stay short.
 */
function progressMeter(io: Output, file: string, size: number, terminal: boolean) {
  let lastTime = 0;
  let lastTenth = -1;
  const started = Date.now();
  return (read: number, records: number, rejected: number, done: boolean) => {
    const now = Date.now();
    const share = size > 0 ? Math.min(1, read / size) : 1;
    const tenth = Math.floor(share * 10);
    if (!done && (terminal ? now - lastTime < 100 : tenth === lastTenth || tenth === 10)) return;
    lastTime = now;
    lastTenth = tenth;
    const seconds = ((now - started) / 1000).toFixed(1);
    const line = `${file}: ${done ? 'read' : 'reading'} ${(share * 100).toFixed(0)}%, ${count(records, 'record')}${rejected ? `, ${num(rejected)} with problems` : ''}, ${seconds} s`;
    if (terminal) io.err(`${OVERWRITE_LINE}${line}${done ? '\n' : ''}`);
    else io.err(line + '\n');
  };
}

/** `--source`: what the case file's rows are. */
export function caseSourceOf(value: string | undefined): CaseSource | undefined {
  if (value === undefined) return undefined;
  if (value === 'ice-detainers' || value === 'cases') return value;
  throw new UsageError("--source must be ice-detainers (ICE's released detainer records) or cases");
}

/** `--facility NAME --from DATE --to DATE`: the cases of one facility and period (by the date of the request). */
export function caseSelectionOf(values: ReadonlyMap<string, string>): CaseSelection | undefined {
  const day = (name: string): number | undefined => {
    const v = values.get(name);
    if (v === undefined) return undefined;
    const t = time.parseDate(v);
    if (Number.isNaN(t)) throw new UsageError(`--${name} must be a date, YYYY-MM-DD, not ${JSON.stringify(v)}`);
    return t;
  };
  const facility = values.get('facility');
  const fromDay = day('from');
  const toDay = day('to');
  if (fromDay !== undefined && toDay !== undefined && toDay < fromDay) throw new UsageError('--to is before --from');
  if (facility === undefined && fromDay === undefined && toDay === undefined) return undefined;
  return {
    ...(facility !== undefined ? { facility } : {}),
    ...(fromDay !== undefined ? { fromDay } : {}),
    ...(toDay !== undefined ? { toDay } : {}),
  };
}

export function compileOrReport(policy: LoadedPolicy, scenario: Scenario): CompiledPolicy {
  return compile(policy.ordinance, scenario);
}
