// The streaming case importer: feed it the file in chunks (text or bytes, of any size), get prepared
// cases, every bad record with its place and field, and progress; cancel at any chunk. Pure engine
// code: the CLI feeds it from a file stream, the app from a File's stream in a Web Worker.

import type { PathSegment } from '../diagnostics';
import { prepareCase, type CaseMend, type CaseProblem } from '../cases';
import type { PreparedCase } from '../prepared';
import { CASE_SET_LIMITS, MAX_DOCUMENT_BYTES, parseSource, type ParsedSource } from '../source';
import { bookingCaseAt, caseId, CaseTableBuilder, grown, idHashesInto, idHashOf, keepRows, type CaseTable } from '../case-table';
import { ONE_ROW_PER_CHARGE_ON_THE_COMMAND_LINE } from './columns';
import { CsvCaseReader, type BlankColumn, type CaseSink } from './csv-cases';
import { type JsonElement, type LocatedMessage } from './json-split';
import { JsonCaseReader } from './json-cases';
import type { ColumnMapping } from './mapping';
import { YamlCaseSplitter, type YamlItem } from './yaml-split';
import { IceDetainerCsvReader, IceDetainerReader } from './ice-detainers';
import { requestAfterReleaseWarning } from '../request-after-release';
import { readXlsx, readXlsxSync, XlsxError, type InflateStream, type RawInflaterFactory, type WorkbookInfo } from './xlsx';

/** `xlsx`: an Excel workbook, read through `importWorkbook` (it needs the file's end first, not a stream of chunks). */
export type CaseFormat = 'json' | 'yaml' | 'csv' | 'xlsx';

/**
 * What the file's rows are: booking cases in the documented columns (`cases`), or ICE's released
 * detainer records in the layout of the release (`ice-detainers`: docs/ice-detainer-records.md).
 */
export type CaseSource = 'cases' | 'ice-detainers';

export interface CaseSet {
  /** The good cases in columns: what `simulate` and a compiled policy read, compact enough for millions. */
  table: CaseTable;
  /**
   * The good cases one by one. A set read by the importer builds them from the table the first
   * time this is read: use `table` for large sets.
   */
  cases: PreparedCase[];
  /** Problems, in file order, up to the listing limit; file-level problems have index -1. */
  problems: CaseProblem[];
  /** Records read, good and bad. */
  total: number;
  /** Records left out because they have problems. */
  rejected: number;
  /** Problems found but not listed (past the listing limit); they are counted, never dropped silently. */
  unlisted: number;
  /** What the rows were read as. */
  source: CaseSource;
  /** Facts about the file a reader should know (what the records leave out, codes not placed); not problems. */
  notes: string[];
  /**
   * What the file's good cases say that a reader should check, though they are read and simulated
   * (requests dated after the release time): each a sentence naming the cases. Not problems.
   */
  warnings: string[];
  /** For ICE's records: the title rows above the header. */
  titleRows: string[];
  /**
   * For a CSV file read through a column mapping: its yes/no columns empty on some rows and filled on
   * others, with no meaning mapped for their blanks (those rows read the column's default). The
   * simulation warns when a draft tests one.
   */
  blanks?: BlankColumn[];
}

export interface ImportProgress {
  /** Input consumed: bytes of Uint8Array chunks, characters of string chunks. */
  read: number;
  records: number;
  cases: number;
  rejected: number;
}

export interface ImportOptions {
  /** The file's format; guessed from its start when not given. */
  format?: CaseFormat;
  /** How the file's own columns and codes read as the documented CSV columns. */
  mapping?: ColumnMapping;
  /** What the rows are; a CSV file whose first rows name ICE's detainer columns is read as `ice-detainers` without being told. */
  source?: CaseSource;
  /** Called after each chunk is read. */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * The whole input's size (bytes, or characters of text), when known: once the first cases are read
   * the case table is sized for the rest, in proportion. Results are the same without it.
   */
  size?: number;
  /** Problems listed in full (default 10,000); past it they are only counted. */
  maxListedProblems?: number;
  /** Cancels the import: the next chunk throws ImportCancelled. */
  signal?: AbortSignal;
  /** A workbook's raw DEFLATE decoder: a host's native one (the CLI hands in Node's zlib); JavaScript when not given. */
  inflater?: RawInflaterFactory;
  /**
   * For `importWorkbook` (asynchronous) only: the host's streaming raw DEFLATE decoder, used instead of
   * `inflater` (the app hands in the browser's DecompressionStream('deflate-raw')).
   */
  inflateStream?: InflateStream;
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

interface Reader {
  push(text: string): void;
  /** Reads the file's bytes without their being decoded first (a reader that scans bytes itself). */
  pushBytes?(bytes: Uint8Array): void;
  finish(): void;
}

/** Where a problem in a part of the file (a JSON element, a YAML item) lands in the whole file. */
function shifted(origin: { line: number; column: number }, line: number, column: number) {
  return { line: origin.line + line - 1, column: line === 1 ? origin.column + column - 1 : column };
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

/** Position of the first U+FFFD (an undecodable byte) in text, as line and column. */
function replacementAt(text: string): { line: number; column: number } | undefined {
  const at = text.indexOf('\uFFFD');
  if (at < 0) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}

/**
 * The hashes that occur more than once in `hashes`, and those of `more` that occur in `hashes` at all:
 * one pass over the hashes into an open-addressed set of at least twice as many slots (a slot holds a
 * hash, 0 an empty slot, the hash 0 counted apart). It replaced a radix sort of the hashes (a pass to
 * count digits and three to place them, each over the whole array): a million hashes are one pass
 * here, with one random read and at most one write each.
 */
export function repeatedHashes(hashes: Uint32Array, more: readonly number[] = []): Set<number> {
  const n = hashes.length;
  let bits = 4;
  while (1 << bits < n * 2) bits++;
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  const slots = new Uint32Array(1 << bits);
  const repeated = new Set<number>();
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    const h = hashes[i]!;
    if (h === 0) {
      if (++zeros === 2) repeated.add(0);
      continue;
    }
    for (let s = Math.imul(h, 0x9e3779b1) >>> shift; ; s = (s + 1) & mask) {
      const v = slots[s]!;
      if (v === 0) {
        slots[s] = h;
        break;
      }
      if (v === h) {
        repeated.add(h);
        break;
      }
    }
  }
  for (const h of more) {
    if (h === 0) {
      if (zeros > 0) repeated.add(0);
      continue;
    }
    for (let s = Math.imul(h, 0x9e3779b1) >>> shift; ; s = (s + 1) & mask) {
      const v = slots[s]!;
      if (v === 0) break;
      if (v === h) {
        repeated.add(h);
        break;
      }
    }
  }
  return repeated;
}

/** Whether bytes start with a UTF-16 byte-order mark (FF FE or FE FF), not a UTF-8 one. */
function startsUtf16(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** Rows or lines listed in a repeated id's problem; past this they are counted. */
const LISTED_PLACES = 6;

/**
 * What a repeated id's problem says. `inRuns`: every record with the id comes right after the one
 * before (rows 6, 7, 8), as a booking's rows do in an export of one row per charge, which a column
 * mapping reads as one booking.
 */
function repeatedIdMessage(
  id: string,
  places: number[],
  csv: boolean,
  rowItems: readonly string[] | undefined,
  inRuns: boolean,
): { message: string; mend?: CaseMend } {
  const times = places.length === 2 ? 'twice' : `${places.length} times`;
  const shown = places.slice(0, LISTED_PLACES);
  const more = places.length - shown.length;
  const list = more > 0 ? `${shown.join(', ')} and ${more} more` : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  // Read one charge (conviction, warrant) per row, a booking is the rows with its id one after another.
  if (rowItems)
    return {
      message: `the id "${id}" starts ${places.length} runs of rows (at rows ${list}): no case with this id is read, as a booking's rows must come one after another; sort the export by its id`,
    };
  const head = `the id "${id}" is used ${times} (${csv ? 'rows' : 'cases'} ${list}): no case with this id is read, as the file can't say which is the case`;
  if (!csv) return { message: head };
  if (inRuns) {
    // The way to map it is data (`mend`): the app's Map columns panel says its own.
    const rest = ', or give its charges in one row, in numbered columns (charge1.*, charge2.*, ...)';
    return {
      message: `${head}; its rows come one after another, as a booking's do in an export of one row per charge: ${ONE_ROW_PER_CHARGE_ON_THE_COMMAND_LINE}${rest}`,
      mend: { kind: 'one-row-per-charge', after: rest.length },
    };
  }
  return {
    message: `${head}; one booking's several charges or convictions go in one row, in numbered columns (charge1.*, charge2.*, ...)`,
  };
}

/** Bytes of a chunk decoded to choose the reader (headCut): 65,536 characters at least, at 3 bytes each and 3 held. */
const HEAD_PEEK_BYTES = 3 * 65536 + 3;

const NOT_UTF8 = 'holds bytes that are not UTF-8 text (shown as \uFFFD); save the file as UTF-8';

/**
 * A JSON reader that reads nothing, with an importer of its own, kept from the first JSON import on.
 * The compiled code of the reader, the importer and the table builder is specialized to the shapes
 * their objects take, which live only as long as some object has them: once an import's objects are
 * collected, that code was thrown away and the next import compiled it all again, as slowly as the
 * first (about 270 ms for 100,000 cases against 180 ms). Kept alive here, the shapes stay, and so
 * does the code. Its memory: the reader's empty lookup tables (about 260 KB) and an empty table.
 */
let shapeKeeper: JsonCaseReader | undefined;

export class CaseImporter implements CaseSink {
  readonly builder = new CaseTableBuilder();
  private readonly problems: CaseProblem[] = [];
  /** File row or line of each record, by record index. */
  private places = new Int32Array(0);
  /** Record index of each case kept, by row of the table. */
  private caseIndex = new Int32Array(0);
  /**
   * The lengths of places and of caseIndex, kept as numbers: once a stream has detached
   * a buffer, reading a typed array's length checks its buffer, and these are compared for every case.
   */
  private placesRoom = 0;
  private casesRoom = 0;
  /**
   * True while every case kept so far is the record of its own number (table row k, record k) at
   * place index + placeShift (a CSV file of good cases, one row each): places and caseIndex are then
   * not written, a million rows' 8 MB of stores (and new memory) saved, and read through placeOf and
   * recordOfRow. The first case that breaks it writes them out (writeOut).
   */
  private plain = true;
  private placeShift = 0;
  /** The ids of bad records that have one, with their record index and place: a good case with the same id is not read either. */
  private badIds: string[] = [];
  private badIdIndex: number[] = [];
  private badIdPlace: number[] = [];
  private table: CaseTable | undefined;
  private readonly maxListed: number;
  private reader: Reader | undefined;
  private format: CaseFormat | undefined;
  private decoder: TextDecoder | undefined;
  private head = '';
  private records = 0;
  private rejected = 0;
  private unlisted = 0;
  private read = 0;
  private cancelled = false;
  private finished = false;
  private ice: IceDetainerReader | undefined;
  private csv: CsvCaseReader | undefined;
  /** The first text, while the reader is chosen. */
  private pendingHead = '';
  /** The bytes read while the reader is chosen (undefined once text chunks came): a byte reader is handed them. */
  private headBytes: Uint8Array[] | undefined = [];
  /** Byte chunks go to the reader as they are. */
  private bytesDirect = false;
  /** Whether the case table was sized for the whole input (options.size). */
  private reserved = false;
  /** Set when a problem with the file as a whole stopped reading. */
  stopped = false;

  constructor(private readonly options: ImportOptions = {}) {
    this.format = options.format;
    this.maxListed = options.maxListedProblems ?? 10_000;
    options.signal?.addEventListener('abort', () => this.cancel(), { once: true });
    if (options.signal?.aborted) this.cancelled = true;
  }

  get progress(): ImportProgress {
    return { read: this.read, records: this.records, cases: this.builder.length, rejected: this.rejected };
  }

  cancel(): void {
    this.cancelled = true;
  }

  /** Reads a chunk of the file. Throws ImportCancelled once cancelled. */
  push(chunk: string | Uint8Array): void {
    if (this.cancelled) throw new ImportCancelled();
    if (this.finished) throw new Error('the import is finished');
    this.read += chunk.length;
    if (!this.reader && typeof chunk !== 'string' && this.read === chunk.length && startsUtf16(chunk)) {
      // Read as UTF-8, UTF-16 text is a NUL between every letter: a header of unknown columns and rows of
      // nonsense. Said for what it is, at once.
      const csv = this.format === 'csv' || this.options.mapping !== undefined;
      const message = `the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8${csv ? ' (in Excel: Save As, "CSV UTF-8")' : ''}`;
      this.fail([{ index: -1, field: '', message, ...(csv ? { row: 1 } : { line: 1, column: 1 }) }]);
      this.reader = { push: () => undefined, pushBytes: () => undefined, finish: () => undefined };
      this.bytesDirect = true;
      this.headBytes = undefined;
      return;
    }
    if (!this.reader && typeof chunk !== 'string' && this.headBytes?.length === 0 && this.startsJson(chunk)) {
      // A JSON file's bytes go to its reader as they are: its start need not be decoded to tell the format.
      this.format = 'json';
      this.headBytes = undefined;
      this.reader = this.makeReader('json');
      this.bytesDirect = true;
    }
    if (this.bytesDirect && typeof chunk !== 'string') {
      if (!this.stopped) this.reader!.pushBytes!(chunk);
      this.reserve();
      this.options.onProgress?.(this.progress);
      return;
    }
    let text: string;
    if (typeof chunk === 'string') {
      text = chunk;
      if (!this.reader) this.headBytes = undefined;
    } else {
      this.decoder ??= new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
      const cut = this.headCut(chunk);
      if (cut < chunk.length) {
        // The reader is chosen from the head's first bytes; a reader of bytes is then handed the whole
        // chunk (headBytes), and the rest of it is decoded only for a reader of text, or while none is chosen.
        this.headBytes!.push(chunk.slice());
        this.feed(this.decoder.decode(chunk.subarray(0, cut), { stream: true }), false);
        if (!this.bytesDirect) this.feed(this.decoder.decode(chunk.subarray(cut), { stream: true }), false);
        this.reserve();
        this.options.onProgress?.(this.progress);
        return;
      }
      if (!this.reader) this.headBytes?.push(chunk.slice());
      text = this.decoder.decode(chunk, { stream: true });
    }
    this.feed(text, false);
    this.reserve();
    this.options.onProgress?.(this.progress);
  }

  /**
   * While the reader is not chosen, how many of a chunk's bytes to decode to choose it: all of them,
   * unless the chunk is longer than HEAD_PEEK_BYTES and a line ends in its first HEAD_PEEK_BYTES (or
   * in the head decoded before it). Those bytes are at least 65,536 characters (a character takes at
   * most 3 bytes per UTF-16 unit; 3 more may wait for the next), all that guessFormat and
   * looksLikeIceRecords read past the first line, so the choice is the one the whole chunk gives; a
   * 4 MB piece of a million-row file is then not decoded to a string only to be dropped.
   */
  private headCut(chunk: Uint8Array): number {
    if (this.reader || !this.headBytes || chunk.length <= HEAD_PEEK_BYTES) return chunk.length;
    const lineEnded = this.head.includes('\n') || chunk.subarray(0, HEAD_PEEK_BYTES).includes(10);
    return lineEnded ? HEAD_PEEK_BYTES : chunk.length;
  }

  /**
   * Whether the first bytes read start as JSON: after a byte order mark and white space, "[" or "{"
   * (what guessFormat decides from the decoded text), with no column mapping and no other format given.
   */
  private startsJson(bytes: Uint8Array): boolean {
    if ((this.format !== undefined && this.format !== 'json') || this.options.mapping) return false;
    let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
    return bytes[i] === 0x5b || bytes[i] === 0x7b;
  }

  /** Sizes the case table for the whole input once enough cases are read to tell how many are coming. */
  private reserve(): void {
    const size = this.options.size;
    if (this.reserved || !size || this.builder.length < 1000) return;
    this.reserved = true;
    if (size <= this.read) return;
    const cases = Math.ceil((this.builder.length * size * 1.02) / this.read);
    this.builder.reserve(cases);
    // The record places and case records too, so they are not doubled and copied on the way.
    const records = Math.ceil((this.records * size * 1.02) / this.read);
    if (records > this.placesRoom) this.growPlaces(records);
    if (cases > this.casesRoom) this.growCases(cases);
  }

  /**
   * Sizes the case table for the whole input from the share of it read so far by a measure of the
   * reader's own (a workbook's sheet, by its inflated bytes: the bytes read of the file run ahead of the
   * rows read when another thread inflates them), once enough cases are read to tell; as `reserve`
   * does for a file read as a stream. Results are the same without it.
   */
  readShare(share: number): void {
    if (this.reserved || this.builder.length < 10_000 || !(share > 0) || share >= 1) return;
    this.reserved = true;
    this.builder.reserve(Math.ceil((this.builder.length * 1.02) / share));
  }

  /** Ends the input and returns what was read. */
  finish(): CaseSet {
    if (this.cancelled) throw new ImportCancelled();
    if (!this.finished) {
      this.finished = true;
      this.feed(this.decoder && !this.bytesDirect ? this.decoder.decode() : '', true);
      if (!this.stopped) this.reader!.finish();
      if (!this.stopped && this.records === 0) {
        // An empty case set is a mistake (the wrong file, an export that failed), never a simulation of nothing.
        const csv = this.format === 'csv';
        this.fail([
          {
            index: -1,
            field: '',
            message: csv ? 'the file holds no cases: no records after the header' : 'the file holds no cases: the list is empty',
            // CSV problems are placed by row, JSON and YAML ones by line and column
            ...(csv ? { row: 1 } : { line: 1, column: 1 }),
          },
        ]);
      }
      this.table = this.builder.finish();
      if (!this.ice) this.rejectRepeatedIds();
      this.options.onProgress?.(this.progress);
    }
    return new ImportedCaseSet(
      this.table!,
      this.problems,
      this.records,
      this.rejected,
      this.unlisted,
      this.ice ? 'ice-detainers' : 'cases',
      this.ice ? this.ice.notes() : [],
      this.ice ? this.ice.titleRows : [],
      this.csv?.blankCounts() ?? [],
      caseSetWarnings(this.table!),
    );
  }

  /** The reader of a workbook's rows (ICE's records): `importWorkbook` hands it each row of the first sheet. */
  workbookReader(info: WorkbookInfo): IceDetainerReader {
    if (this.reader) throw new Error('the import has started');
    this.format = 'xlsx';
    this.ice = new IceDetainerReader(this, { date1904: info.date1904 });
    const ice = this.ice;
    this.reader = { push: () => undefined, finish: () => ice.finish() };
    return ice;
  }

  /** A workbook that could not be read at all. */
  workbookFailed(message: string): void {
    if (!this.reader) this.reader = { push: () => undefined, finish: () => undefined };
    this.fail([{ index: -1, field: '', message, row: 1 }]);
  }

  /** Counts bytes read from a source the importer does not decode itself (a workbook), and reports progress. */
  readBytes(n: number): void {
    if (this.cancelled) throw new ImportCancelled();
    this.read += n;
    this.options.onProgress?.(this.progress);
  }

  private feed(text: string, final: boolean): void {
    if (this.stopped) return;
    if (!this.reader) {
      if (!this.format) {
        this.head += text;
        const decided = this.guessFormat(final);
        if (!decided) return;
        this.format = decided;
        text = this.head;
        this.head = '';
      }
      this.pendingHead = text;
      this.reader = this.makeReader(this.format);
      this.pendingHead = '';
      const head = this.headBytes;
      this.headBytes = undefined;
      if (this.reader.pushBytes && head?.length) {
        this.bytesDirect = true;
        for (const bytes of head) if (!this.stopped) this.reader.pushBytes(bytes);
        return;
      }
    }
    if (text) this.reader.push(text);
  }

  private guessFormat(final: boolean): CaseFormat | undefined {
    const start = /\S/.exec(this.head.replace(/^\uFEFF/, ''));
    if (!start) return final ? (this.options.mapping ? 'csv' : 'yaml') : undefined;
    if (start[0] === '[' || start[0] === '{') return 'json';
    if (this.options.mapping || this.options.source === 'ice-detainers') return 'csv';
    const nl = this.head.indexOf('\n');
    if (nl < 0 && !final && this.head.length < 65536) return undefined;
    const firstLine = this.head.slice(0, nl < 0 ? undefined : nl).replace(/^\uFEFF/, '');
    if (/^\s*"?id"?\s*,/.test(firstLine)) return 'csv';
    // ICE's released table: title rows, then a header naming its columns.
    if (/(^|[\n,"])\s*Detainer Prepare Date\s*("|,)/i.test(this.head.slice(0, 65536))) return 'csv';
    if (!final && this.head.length < 65536 && /,.*,.*,/.test(firstLine)) return undefined;
    return 'yaml';
  }

  private makeReader(format: CaseFormat): Reader {
    if (format === 'xlsx') {
      this.fail([{ index: -1, field: '', message: 'an Excel workbook is read with importWorkbook, not as a stream of text', row: 1 }]);
      return { push: () => undefined, finish: () => undefined };
    }
    if (format === 'csv' && (this.options.source === 'ice-detainers' || (!this.options.mapping && this.looksLikeIceRecords()))) {
      this.ice = new IceDetainerReader(this);
      return new IceDetainerCsvReader(this.ice);
    }
    if (format === 'csv') return (this.csv = new CsvCaseReader(this, this.options.mapping));
    if (this.options.mapping) {
      // A mapping renames CSV columns; reading a JSON or YAML file as if it applied would mislead.
      this.fail([
        {
          index: -1,
          field: '',
          message: `a column mapping applies to CSV files; this is a ${format.toUpperCase()} file`,
          line: 1,
          column: 1,
        },
      ]);
      return { push: () => undefined, finish: () => undefined };
    }
    const fail = (e: LocatedMessage) => this.fail([{ index: -1, field: '', message: e.message, line: e.line, column: e.column }]);
    if (format === 'json') {
      shapeKeeper ??= new JsonCaseReader(
        new CaseImporter(),
        () => undefined,
        () => undefined,
      );
      return new JsonCaseReader(
        this,
        (e) => this.jsonCase(e),
        (e) => fail(e),
      );
    }
    return new YamlCaseSplitter(
      (item) => this.yamlCase(item),
      (text) => this.yamlWhole(text),
      (e) => fail(e),
    );
  }

  /** Whether the text read so far starts like ICE's released table (title rows, then its header). */
  private looksLikeIceRecords(): boolean {
    const head = this.pendingHead.slice(0, 65536);
    return !/^\uFEFF?\s*"?id"?\s*,/.test(head) && /(^|[\n,"])\s*Detainer Prepare Date\s*("|,|\r?\n)/i.test(head);
  }

  // ---- the sink ----

  add(c: PreparedCase, index: number, place: number): void {
    this.builder.add(c);
    this.written(index, place);
  }

  written(index: number, place: number): void {
    if (index >= this.records) this.records = index + 1;
    // ICE's records are named by their row numbers ("row-12"), which never repeat: nothing to keep for finding repeated ids.
    if (this.ice) return;
    const k = this.builder.length - 1;
    if (this.plain) {
      if (k === 0) this.placeShift = place - index;
      if (k === index && place === index + this.placeShift) return;
      this.writeOut(k);
    }
    if (index >= this.placesRoom) this.growPlaces(index + 1);
    if (k >= this.casesRoom) this.growCases(k + 1);
    this.places[index] = place;
    this.caseIndex[k] = index;
  }

  /** Writes out the places and record numbers of the `rows` cases kept while they were plain (each record k at row k). */
  private writeOut(rows: number): void {
    this.plain = false;
    if (rows > this.placesRoom) this.growPlaces(rows);
    if (rows > this.casesRoom) this.growCases(rows);
    for (let k = 0; k < rows; k++) {
      this.places[k] = k + this.placeShift;
      this.caseIndex[k] = k;
    }
  }

  /** The record number of the case at row k of the table (before repeated ids are dropped). */
  private recordOfRow(k: number): number {
    return this.plain ? k : this.caseIndex[k]!;
  }

  /** The file row (CSV) or line (JSON, YAML) of a record kept as a case. */
  private placeOf(index: number): number {
    return this.plain ? index + this.placeShift : this.places[index]!;
  }

  private growPlaces(n: number): void {
    this.places = grown(this.places, n);
    this.placesRoom = this.places.length;
  }

  private growCases(n: number): void {
    this.caseIndex = grown(this.caseIndex, n);
    this.casesRoom = this.caseIndex.length;
  }

  /**
   * Rejects every case whose id another record also uses, bad records included: the file can't say
   * which of them is the case (a jail's export with one row per charge gives a booking's number on
   * each of its rows), and reading the first of them would count a case from part of its records.
   * Ids are compared through their hashes (repeatedHashes), found at the end: a Set of a million id
   * strings costs more. Only the rows whose hash is repeated have their ids compared as text.
   */
  private rejectRepeatedIds(): void {
    const table = this.table!;
    const n = table.length;
    if (n === 0 || n + this.badIds.length < 2) return;
    const hashes = new Uint32Array(n);
    idHashesInto(table, hashes);
    const badHashes = this.badIds.map(idHashOf);
    const repeated = repeatedHashes(hashes, badHashes);
    if (repeated.size === 0) return;
    // A million distinct ids share about a hundred hashes (32 bits), so this pass runs in most large
    // files. It reads each row's hash from the array above (not hashed again from the table's ids,
    // whose columns are read through the table's properties, a lookup each), and a row goes to the
    // set only when the low 16 bits of its hash are those of a repeated one: one row in several hundred.
    const low = new Uint8Array(1 << 16);
    for (const h of repeated) low[h & 0xffff] = 1;
    // The records (index, place) that use each repeated id, and the table rows of the good ones.
    const groups = new Map<string, { rows: number[]; records: Array<[number, number]> }>();
    for (let k = 0; k < n; k++) {
      const h = hashes[k]!;
      if (low[h & 0xffff] === 0 || !repeated.has(h)) continue;
      const id = caseId(table, k);
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { rows: [], records: [] }));
      g.rows.push(k);
      const index = this.recordOfRow(k);
      g.records.push([index, this.placeOf(index)]);
    }
    badHashes.forEach((h, j) => {
      if (repeated.has(h)) groups.get(this.badIds[j]!)?.records.push([this.badIdIndex[j]!, this.badIdPlace[j]!]);
    });
    const dropped = new Set<number>();
    const problems: CaseProblem[] = [];
    const csv = this.format === 'csv';
    for (const [id, g] of groups) {
      if (g.records.length < 2) continue;
      g.records.sort((a, b) => a[0] - b[0]);
      // Rows of a CSV file; cases (their numbers) of JSON or YAML, where several may share a line.
      // Records one after another: each index the one before it plus one.
      const inRuns = g.records.every((r, k) => k === 0 || r[0] === g.records[k - 1]![0] + 1);
      const { message, mend } = repeatedIdMessage(
        id,
        g.records.map((r) => (csv ? r[1] : r[0] + 1)),
        csv,
        this.csv?.rowItems,
        inRuns,
      );
      for (const k of g.rows) {
        dropped.add(k);
        const index = this.recordOfRow(k);
        const place = this.placeOf(index);
        problems.push({
          index,
          id,
          field: 'id',
          message,
          ...(mend ? { mend } : {}),
          ...(csv ? { row: place } : { line: place, column: 1 }),
        });
      }
    }
    if (dropped.size === 0) return;
    const keep = new Uint8Array(n).fill(1);
    for (const k of dropped) keep[k] = 0;
    this.table = keepRows(table, keep);
    this.rejected += dropped.size;
    this.list(problems);
    // Keep the listing in file order; problems with the file itself stay last.
    const order = (p: CaseProblem) => (p.index < 0 ? Infinity : p.index);
    this.problems.sort((a, b) => order(a) - order(b));
  }

  reject(index: number, problems: CaseProblem[], id?: { id: string; place: number }): void {
    if (index >= this.records) this.records = index + 1;
    this.rejected++;
    if (id && id.id !== '' && !this.ice) {
      this.badIds.push(id.id);
      this.badIdIndex.push(index);
      this.badIdPlace.push(id.place);
    }
    this.list(problems);
  }

  fail(problems: CaseProblem[]): void {
    this.stopped = true;
    this.list(problems);
  }

  private list(problems: CaseProblem[]): void {
    for (const p of problems) {
      if (this.problems.length < this.maxListed || p.index < 0) this.problems.push(p);
      else this.unlisted++;
    }
  }

  // ---- JSON and YAML cases ----

  /**
   * Prepares one case; its problems are located through `source` (parsed only when there are
   * problems), in a part of the file that starts at `origin` (or in the whole file when it is null).
   */
  private prepare(
    value: unknown,
    index: number,
    at: { line: number; column: number },
    source: () => ParsedSource | undefined,
    prefix: PathSegment[],
    origin: { line: number; column: number } | null,
  ): void {
    const r = prepareCase(value, index);
    if (r.ok) {
      this.add(r.prepared, index, at.line);
      return;
    }
    const src = source();
    for (const p of r.problems) {
      const pos = src?.locate([...prefix, ...fieldPath(p.field)]);
      const place = !pos ? at : origin ? shifted(origin, pos.line, pos.column) : { line: pos.line, column: pos.column };
      p.line = place.line;
      p.column = place.column;
    }
    const id = value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
    this.reject(index, r.problems, typeof id === 'string' ? { id, place: at.line } : undefined);
  }

  private jsonCase(e: JsonElement): void {
    const index = this.records;
    const at = { line: e.line, column: e.column };
    const bad = replacementAt(e.text);
    if (bad) {
      this.reject(index, [{ index, field: '', message: `case ${index + 1} ${NOT_UTF8}`, ...shifted(at, bad.line, bad.column) }]);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(e.text);
    } catch (err) {
      const src = e.text.length <= MAX_DOCUMENT_BYTES ? parseSource(e.text, 'case') : undefined;
      const d = src?.diagnostics.find((x) => x.severity === 'error');
      const message = `case ${index + 1} is not valid JSON: ${d ? d.message : (err as Error).message}`;
      this.reject(index, [{ index, field: '', message, ...(d ? shifted(at, d.line, d.column) : at) }]);
      return;
    }
    this.prepare(value, index, at, () => (e.text.length <= MAX_DOCUMENT_BYTES ? parseSource(e.text, 'case') : undefined), [], at);
  }

  private yamlCase(item: YamlItem): void {
    const index = this.records;
    const at = { line: item.line, column: 1 };
    const src = item.text.length <= MAX_DOCUMENT_BYTES ? parseSource(item.text, 'case') : undefined;
    const d = src
      ? src.diagnostics.find((x) => x.severity === 'error')
      : { message: `case ${index + 1} is longer than 5 MB`, line: 1, column: 1 };
    if (d || !src) {
      this.reject(index, [{ index, field: '', message: d!.message, ...shifted(at, d!.line, d!.column) }]);
      return;
    }
    const value = src.value;
    this.prepare(Array.isArray(value) ? value[0] : value, index, at, () => src, [0], at);
  }

  private yamlWhole(text: string): void {
    const src = parseSource(text, 'case set', CASE_SET_LIMITS);
    const d = src.diagnostics.find((x) => x.severity === 'error');
    if (d) {
      const message = d.code === 'empty-file' ? 'the file is empty; a case set is a list of cases (- id: ...)' : d.message;
      return this.fail([{ index: -1, field: '', message, line: d.line, column: d.column }]);
    }
    const value = src.value;
    let list: unknown[];
    let prefix: PathSegment[] = [];
    if (Array.isArray(value)) list = value;
    else if (value && typeof value === 'object' && Array.isArray((value as { cases?: unknown }).cases)) {
      list = (value as { cases: unknown[] }).cases;
      prefix = ['cases'];
    } else {
      return this.fail([
        { index: -1, field: '', message: 'a case set is a list of cases, or an object with a "cases" list', line: 1, column: 1 },
      ]);
    }
    for (let i = 0; i < list.length; i++) {
      const index = this.records;
      const pos = src.locate([...prefix, i]);
      this.prepare(list[i], index, { line: pos.line, column: pos.column }, () => src, [...prefix, i], null);
    }
  }
}

/** A case set whose cases are made from its table when first asked for. */
class ImportedCaseSet implements CaseSet {
  private made: PreparedCase[] | undefined;

  constructor(
    readonly table: CaseTable,
    readonly problems: CaseProblem[],
    readonly total: number,
    readonly rejected: number,
    readonly unlisted: number,
    readonly source: CaseSource,
    readonly notes: string[],
    readonly titleRows: string[],
    readonly blanks: BlankColumn[] = [],
    readonly warnings: string[] = [],
  ) {}

  get cases(): PreparedCase[] {
    if (!this.made) {
      const out: PreparedCase[] = new Array(this.table.length);
      for (let i = 0; i < this.table.length; i++) {
        const r = prepareCase(bookingCaseAt(this.table, i), i);
        if (!r.ok) throw new Error(`case ${caseId(this.table, i)} does not read back from its table`);
        out[i] = r.prepared;
      }
      this.made = out;
    }
    return this.made;
  }
}

/** The same case set with its cases narrowed to `table` (a facility, a period): problems and notes kept. */
export function narrowCaseSet(set: CaseSet, table: CaseTable): CaseSet {
  return new ImportedCaseSet(
    table,
    set.problems,
    set.total,
    set.rejected,
    set.unlisted,
    set.source,
    set.notes,
    set.titleRows,
    set.blanks,
    set.warnings,
  );
}

/** The warnings of a case set's good cases (see `CaseSet.warnings`). */
export function caseSetWarnings(table: CaseTable): string[] {
  const late = requestAfterReleaseWarning(table);
  return late ? [late] : [];
}

/** Reads a whole case set from chunks (a Node stream, a File's stream, an array of strings), yielding between chunks. */
export async function importCases(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: ImportOptions = {},
): Promise<CaseSet> {
  const importer = new CaseImporter(options);
  for await (const chunk of chunks) {
    importer.push(chunk);
    if (importer.stopped) break;
  }
  return importer.finish();
}

/**
 * Reads ICE's released detainer records from an Excel workbook: the zip's directory from the end of
 * the file, then the first sheet's rows as they inflate. `read` answers byte ranges of the file.
 */
export function importWorkbookSync(
  size: number,
  read: (offset: number, length: number) => Uint8Array,
  options: ImportOptions = {},
): CaseSet {
  const importer = new CaseImporter({ ...options, format: 'xlsx' });
  let rows: IceDetainerReader | undefined;
  let last = 0;
  try {
    readXlsxSync(size, read, {
      inflater: options.inflater,
      onWorkbook: (info) => (rows = importer.workbookReader(info)),
      onCells: (c) => rows!.sheetCells(c),
      onSheetRead: (inflated, total) => importer.readShare(inflated / total),
      onProgress: (done) => {
        importer.readBytes(done - last);
        last = done;
      },
    });
  } catch (e) {
    if (!(e instanceof XlsxError)) throw e;
    importer.workbookFailed(e.message);
  }
  return importer.finish();
}

/** importWorkbookSync for an asynchronous source (a File in the app), yielding between chunks. */
export async function importWorkbook(
  size: number,
  read: (offset: number, length: number) => Promise<Uint8Array>,
  options: ImportOptions = {},
): Promise<CaseSet> {
  const importer = new CaseImporter({ ...options, format: 'xlsx' });
  let rows: IceDetainerReader | undefined;
  let last = 0;
  try {
    await readXlsx(size, read, {
      inflater: options.inflater,
      inflateStream: options.inflateStream,
      onWorkbook: (info) => (rows = importer.workbookReader(info)),
      onCells: (c) => rows!.sheetCells(c),
      onSheetRead: (inflated, total) => importer.readShare(inflated / total),
      onProgress: (done) => {
        importer.readBytes(done - last);
        last = done;
      },
    });
  } catch (e) {
    if (!(e instanceof XlsxError)) throw e;
    importer.workbookFailed(e.message);
  }
  return importer.finish();
}
