// Reading JSON case files fast: the file's bytes are read as the case list of the documented layout
// (a list of cases, or an object whose only key before the list is "cases") and each case is read
// from its bytes straight into the case table, with no object made for it and no string but the
// first sight of each offense name, category list and facility (and an id written with escapes or
// past ASCII). A case the fast reading does not accept outright (a null, an unknown or repeated
// key, a number spelled with a fraction or an exponent, a value it does not read, a problem of any
// kind) is decoded and read by the reference reading (JsonCaseSplitter's element, JSON.parse and
// prepareCase in the importer), which decides and words the problems; anything unusual in the list
// itself (text after it, a missing comma, a case that is not an object, a file cut short) hands the
// rest of the file, decoded, to JsonCaseSplitter as it stands at that point. So the fast reading
// only has to be exact about what it accepts, and tests hold it to that
// (tests/scale/import-identical.test.ts, json-keys.test.ts, json-fast-paths.test.ts).

import { checkChronology } from '../cases';
import {
  C_CURRENT,
  C_JUVENILE,
  F_ADMIN,
  F_JUDICIAL,
  F_REQ_HOLD,
  F_REQ_NOTIFY,
  H_BONDABLE,
  H_BOND_POSTED,
  H_PROBABLE_CAUSE,
  W_CRIMINAL,
  W_FELONY,
} from '../case-table';
import { DETAINER_FORMS } from '../detainer-forms';
import { RECORD_KEYS } from '../model';
import { categoryMask, JURISDICTION_BITS, RECORD_BITS } from '../prepared';
import { invisibleCharacterIndex, unsafeCharacterIndex } from '../text-safety';
import { daysFromCivil, daysInMonth, MINUTES_PER_DAY, RECORD_MINUTES_END } from '../time';
import type { CaseSink } from './csv-cases';
import { JsonCaseSplitter, MAX_CASE_CHARS, type JsonElement, type LocatedMessage } from './json-split';

const REFUSE = -1;
/** element(): the case does not end in the bytes read so far. */
const INCOMPLETE = -2;
/** element(): the rest of the file goes to the text splitter. */
const TO_TEXT = -3;
const CATEGORY_RE = /^[a-z][a-z0-9-]*$/;

/**
 * A text seen in the file, interned in the table the first time a case that uses it is written; a
 * category list ("violent;serious", as the table keeps it) has its mask too (0 for any other text, so
 * that every one has the same shape).
 */
interface Interned {
  text: string;
  id: number;
  mask: number;
}

const EMPTY_TEXT: Interned = { text: '', id: 0, mask: 0 };
const EMPTY_BYTES = new Uint8Array(0);

/**
 * A list of n numbers, each v, as a plain array with no holes. The reader's lookup tables are plain
 * arrays, not typed arrays: once any ArrayBuffer in the process has been detached (a stream's reads
 * transfer theirs: the app's File, Node's Blob), V8's optimized code checks a typed array's buffer at
 * every access, and a plain array's reads cost no more than a typed array's did before.
 */
function packed(n: number, v: number): number[] {
  return Array.from({ length: n }, () => v);
}

/**
 * The first value of a list of words read from bytes (four at a time, as 32-bit integers): not a
 * whole number, so the list holds doubles from the start. Where V8 keeps small integers in 31 bits
 * (Chromium), some words would fit and others not, and lists of both kinds would make the code that
 * compares them slower; every value is overwritten.
 */
const WORD_LIST = 0.5;

/** Bytes compared four at a time through a DataView (little-endian words, the last one masked to the bytes that belong). */
class Words {
  readonly bytes: Uint8Array;
  /** The bytes' count, kept as a number: reading a typed array's length checks its buffer (see packed). */
  readonly length: number;
  private readonly words: number[];
  private readonly mask: number;
  /** Bytes a comparison reads: the words' whole length. */
  readonly reach: number;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.length = bytes.length;
    const count = (bytes.length + 3) >> 2;
    const padded = new Uint8Array(count * 4);
    padded.set(bytes);
    const view = new DataView(padded.buffer);
    // Kept as doubles whatever the bytes (see WORD_LIST).
    this.words = packed(count, WORD_LIST);
    for (let i = 0; i < count; i++) this.words[i] = view.getInt32(i * 4, true);
    const rest = bytes.length & 3;
    this.mask = rest === 0 ? -1 : (1 << (rest * 8)) - 1;
    this.reach = count * 4;
  }
  /** The words, the last one masked. */
  list(): readonly number[] {
    return this.words;
  }

  /** The mask of the last word: the bytes that belong. */
  get lastMask(): number {
    return this.mask;
  }

  /** Whether the bytes at p are these bytes; b and view hold the same n bytes. */
  at(view: DataView, b: Uint8Array, p: number, n: number): boolean {
    const words = this.words;
    const last = words.length - 1;
    if (p + this.reach > n) {
      // Too near the end of what is read for whole words: byte by byte.
      const bytes = this.bytes;
      if (p + this.length > n) return false;
      for (let i = 0; i < this.length; i++) if (b[p + i] !== bytes[i]) return false;
      return true;
    }
    for (let i = 0; i < last; i++) if (view.getInt32(p + 4 * i, true) !== words[i]) return false;
    return last < 0 || (view.getInt32(p + 4 * last, true) & this.mask) === words[last];
  }
}

/** Slot of a key in KeySet's table: from the first three bytes of its name (a name may be as short as "id"). */
function keySlot(word: number): number {
  return Math.imul(word & 0xffffff, 0x9e3779b1) >>> 24;
}

/**
 * The keys of one kind of object, found by their bytes: a table by the first three bytes of the name
 * gives the keys that start so (nearly always one), whose name and closing quote are then compared
 * four bytes at a time, all from flat arrays.
 */
class KeySet {
  readonly lengths: number[];
  /** Each name with its closing quote, as little-endian words (the last masked to the bytes that belong), one name after another. */
  private readonly words: number[];
  /** Index in words of each key's first and last word, and the mask of its last word. */
  private readonly first: number[];
  private readonly last: number[];
  private readonly mask: number[];
  /** The first key of each slot (-1: none), and the next key of the same slot after each key. */
  private readonly slots = packed(256, -1);
  private readonly chain: number[];
  /** The same names, for comparing near the end of the bytes. */
  private readonly keys: Words[];
  /**
   * Each key as it is most often written, in quotes and followed by its colon ('"name":', at least 5
   * bytes), compared in a few loads that may overlap: qLength[k] bytes. Of 8 bytes or more, as three
   * doubles (8 bytes each) read at 0, qSecond[k] and qLength[k] - 8 (quotedDoubles[3k...3k+2]); of
   * fewer, as two 32-bit words read at 0 and qLength[k] - 4 (quotedInts[2k], quotedInts[2k+1]). A
   * double read from the bytes equals one of these only when all 8 bytes are the same: none of them
   * is a NaN (its top bytes would be past ASCII) or zero, the only values compared equal to others.
   */
  private readonly qLength: number[];
  private readonly qSecond: number[];
  private readonly quotedDoubles: number[];
  private readonly quotedInts: number[];
  constructor(readonly names: readonly string[]) {
    const enc = new TextEncoder();
    this.lengths = names.map((k) => k.length);
    this.keys = names.map((name) => new Words(enc.encode(name + '"')));
    if (this.keys.some((k) => k.reach > 24)) throw new Error('a key read by the JSON reader is longer than 23 bytes');
    this.qLength = packed(names.length, 0);
    this.qSecond = packed(names.length, 0);
    this.quotedDoubles = packed(3 * names.length, WORD_LIST);
    this.quotedInts = packed(2 * names.length, WORD_LIST);
    names.forEach((name, k) => {
      const bytes = enc.encode(`"${name}":`);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
      const length = bytes.length;
      this.qLength[k] = length;
      if (length < 8) {
        this.quotedInts[2 * k] = view.getInt32(0, true);
        this.quotedInts[2 * k + 1] = view.getInt32(length - 4, true);
        return;
      }
      this.qSecond[k] = Math.min(8, length - 8);
      for (const [i, at] of [0, this.qSecond[k]!, length - 8].entries()) {
        const d = view.getFloat64(at, true);
        if (Number.isNaN(d) || d === 0) throw new Error(`the key ${name} is not plain ASCII`);
        this.quotedDoubles[3 * k + i] = d;
      }
    });
    const all = this.keys.map((k) => k.list());
    this.words = packed(
      all.reduce((sum, w) => sum + w.length, 0),
      WORD_LIST,
    );
    all.flat().forEach((w, i) => (this.words[i] = w));
    this.first = packed(names.length, 0);
    this.last = packed(names.length, 0);
    this.mask = packed(names.length, 0);
    this.chain = packed(names.length, -1);
    let at = 0;
    all.forEach((w, id) => {
      this.first[id] = at;
      this.last[id] = at + w.length - 1;
      this.mask[id] = this.keys[id]!.lastMask;
      at += w.length;
      // Appended to its slot's chain, so keys are tried in the order given.
      const slot = keySlot(w[0]!);
      if (this.slots[slot]! < 0) this.slots[slot] = id;
      else {
        let k = this.slots[slot]!;
        while (this.chain[k]! >= 0) k = this.chain[k]!;
        this.chain[k] = id;
      }
    });
  }
  /**
   * Whether key k is at b[p] as '"name":' (its quotes and colon, no white space): where its value
   * starts, or -1 (for anything else, or within 28 bytes of the end of the n bytes held, where match decides).
   */
  quotedAt(view: DataView, p: number, k: number, n: number): number {
    // Room for any key's bytes (the longest, 23 bytes, in quotes with its colon is 26).
    if (p + 28 > n) return -1;
    const length = this.qLength[k]!;
    if (length < 8) {
      const ints = this.quotedInts;
      return view.getInt32(p, true) === ints[2 * k] && view.getInt32(p + length - 4, true) === ints[2 * k + 1] ? p + length : -1;
    }
    const doubles = this.quotedDoubles;
    const d = 3 * k;
    return view.getFloat64(p, true) === doubles[d] &&
      view.getFloat64(p + this.qSecond[k]!, true) === doubles[d + 1] &&
      view.getFloat64(p + length - 8, true) === doubles[d + 2]
      ? p + length
      : -1;
  }

  /**
   * The key whose name starts at b[p] and is followed by its closing quote; -1 for any other (or when
   * the n bytes held end first).
   */
  match(view: DataView, b: Uint8Array, p: number, n: number): number {
    if (p + 24 > n) {
      for (let k = 0; k < this.keys.length; k++) if (this.keys[k]!.at(view, b, p, n)) return k;
      return -1;
    }
    // Room for any key's words (the longest name and its quote is 24 bytes): compared here without bounds checks.
    const w = view.getInt32(p, true);
    const words = this.words;
    for (let k = this.slots[keySlot(w)]!; k >= 0; k = this.chain[k]!) {
      const first = this.first[k]!;
      const last = this.last[k]!;
      if (first === last) {
        if ((w & this.mask[k]!) === words[first]) return k;
        continue;
      }
      if (w !== words[first]) continue;
      let i = first + 1;
      let q = p + 4;
      while (i < last && view.getInt32(q, true) === words[i]) {
        i++;
        q += 4;
      }
      if (i === last && (view.getInt32(q, true) & this.mask[k]!) === words[last]) return k;
    }
    return -1;
  }
}

/**
 * What values read as, by their bytes: an open-addressed table of byte strings compared four bytes
 * at a time. Bounded: a file of endless distinct values empties it now and then.
 */
class WordTable<T> {
  private keys: Array<Words | undefined> = new Array<Words | undefined>(1 << 12);
  private values: T[] = new Array<T>(1 << 12);
  private size = 0;

  private static slot(b: Uint8Array, a: number, e: number): number {
    const len = e - a;
    const h = Math.imul(len ^ (b[a]! << 8) ^ (b[a + (len >> 1)]! << 16) ^ (b[e - 1]! << 24), 0x9e3779b1) ^ b[a + 1]!;
    return (h ^ (h >>> 15)) & ((1 << 12) - 1);
  }

  /** The value of b[a, e) (e > a) among the n bytes held; undefined when not seen. */
  get(view: DataView, b: Uint8Array, a: number, e: number, n: number): T | undefined {
    const mask = (1 << 12) - 1;
    for (let i = WordTable.slot(b, a, e); ; i = (i + 1) & mask) {
      const key = this.keys[i];
      if (key === undefined) return undefined;
      if (key.length === e - a && key.at(view, b, a, n)) return this.values[i];
    }
  }

  set(b: Uint8Array, a: number, e: number, value: T): void {
    if (this.size >= 1 << 11) {
      this.keys = new Array<Words | undefined>(1 << 12);
      this.values = new Array<T>(1 << 12);
      this.size = 0;
    }
    const mask = (1 << 12) - 1;
    let i = WordTable.slot(b, a, e);
    while (this.keys[i] !== undefined) i = (i + 1) & mask;
    this.keys[i] = new Words(b.slice(a, e));
    this.values[i] = value;
    this.size++;
  }
}

// Keys read by the fast reading; any other key (including ones the contract allows, such as "unknown")
// sends the case to the reference reading. Every kind of object is read by one loop (object()): a
// key's slot (its kind's first slot plus its place in the kind's list) says what its value is and
// where it is kept, and what the values mean is worked out once the object is read.
const K_CASE = 0;
const K_DETAINER = 1;
const K_CHARGE = 2;
const K_CONVICTION = 3;
const K_WARRANT = 4;
const K_RECORDS = 5;
/** Slots per kind of object: no kind reads more than 16 keys (a key's bit in `seen` is its place). */
const STRIDE = 16;
/** Past the slots: where each kind's first key is remembered (JsonCaseReader.after). */
const AFTER_OPEN = 6 * STRIDE;

// What a slot's value is.
const V_ID = 0;
const V_UINT = 1;
const V_DATETIME = 2;
const V_DATE = 3;
const V_BOOL = 4;
/** One of the slot's words (WORDS), kept as its index. */
const V_WORD = 5;
/** An offense name or a conviction's source. */
const V_TEXT = 6;
const V_FACILITY = 7;
const V_CATEGORIES = 8;
const V_REQUESTS = 9;
/** An object of the slot's kind (SUB). */
const V_OBJECT = 10;
/** A list of objects of the slot's kind (SUB). */
const V_LIST = 11;

const KEYS: KeySet[] = [];
const TYPE = packed(6 * STRIDE, 0);
const SUB = packed(6 * STRIDE, 0);
/** The least and the most a whole number may be. */
const LEAST = packed(6 * STRIDE, 0);
const MOST = packed(6 * STRIDE, 0);

/**
 * The keys of a kind of object, in their places: each key's slot gets its value's type and, for a
 * whole number, the least and the most it may be, or for an object or a list, the kind of its objects.
 */
function defineKind(k: number, fields: ReadonlyArray<readonly [name: string, type: number, more?: number, most?: number]>): void {
  KEYS[k] = new KeySet(fields.map((f) => f[0]));
  fields.forEach(([, type, more = 0, most = 0], i) => {
    const slot = k * STRIDE + i;
    TYPE[slot] = type;
    if (type === V_UINT) {
      LEAST[slot] = more;
      MOST[slot] = most;
    } else SUB[slot] = more;
  });
}

function words(list: readonly string[]): KeySet {
  return new KeySet(list);
}
const CLASS_WORDS = words(['felony', 'misdemeanor', 'infraction']);
const CLASS_BIT = [1, 2, 4];
const FORM_WORDS = words(['I-247', 'I-247D', 'I-247N', 'I-247A']);
const FORM_INDEX = FORM_WORDS.names.map((name) => DETAINER_FORMS.findIndex((f) => f.form === name));
const KIND_WORDS = words(['criminal', 'civil']);
const JURISDICTION_WORDS = words(Object.keys(JURISDICTION_BITS));
const JURISDICTION_BIT = JURISDICTION_WORDS.names.map((k) => JURISDICTION_BITS[k as keyof typeof JURISDICTION_BITS]);
const RECORD_BIT_LIST = RECORD_KEYS.map((k) => RECORD_BITS[k]);

// The places of each kind's keys in its list below: their bits in `seen` and their slots.
const P_ID = 0;
const P_AGE = 1;
const P_AGE_AT_MOST = 2;
const P_BOOKED = 3;
const P_RELEASE = 4;
const P_FACILITY = 5;
const P_DETAINER = 6;
const P_RECORDS = 10;
defineKind(K_CASE, [
  ['id', V_ID],
  ['age', V_UINT, 0, 130],
  ['ageAtMost', V_UINT, 0, 130],
  ['bookedAt', V_DATETIME],
  ['eligibleForReleaseAt', V_DATETIME],
  ['facility', V_FACILITY],
  ['detainer', V_OBJECT, K_DETAINER],
  ['currentCharges', V_LIST, K_CHARGE],
  ['convictions', V_LIST, K_CONVICTION],
  ['warrants', V_LIST, K_WARRANT],
  ['records', V_OBJECT, K_RECORDS],
]);
const D_REQUESTS = 0;
const D_ISSUED = 1;
const D_JUDICIAL = 2;
const D_ADMIN = 3;
const D_FORM = 4;
defineKind(K_DETAINER, [
  ['requests', V_REQUESTS],
  ['issuedAt', V_DATETIME],
  ['judicialWarrant', V_BOOL],
  ['administrativeWarrant', V_BOOL],
  ['form', V_WORD],
]);
// A charge's first four keys are a conviction's too, in the same places (read by the same lines of item()).
const I_OFFENSE = 0;
const I_CLASS = 1;
const I_DEGREE = 2;
const I_CATEGORIES = 3;
const OFFENSE_KEYS = [
  ['offense', V_TEXT],
  ['class', V_WORD],
  ['degree', V_UINT, 1, 9],
  ['categories', V_CATEGORIES],
] as const;
const I_BOND_POSTED = 4;
const I_BONDABLE = 5;
const I_PROBABLE_CAUSE = 6;
defineKind(K_CHARGE, [...OFFENSE_KEYS, ['bondPosted', V_BOOL], ['bondable', V_BOOL], ['probableCauseFinding', V_BOOL]]);
const I_ON = 4;
const I_OFF = 5;
const I_DAYS = 6;
const I_CURRENT = 7;
const I_JUVENILE = 8;
const I_SOURCE = 9;
defineKind(K_CONVICTION, [
  ...OFFENSE_KEYS,
  ['convictedOn', V_DATE],
  ['releasedOn', V_DATE],
  ['incarceratedDays', V_UINT, 0, 50000],
  ['current', V_BOOL],
  ['juvenile', V_BOOL],
  ['source', V_TEXT],
]);
const I_KIND = 0;
const I_JURISDICTION = 1;
const I_FELONY = 2;
defineKind(K_WARRANT, [
  ['kind', V_WORD],
  ['jurisdiction', V_WORD],
  ['felony', V_BOOL],
]);
defineKind(
  K_RECORDS,
  RECORD_KEYS.map((k) => [k, V_BOOL] as const),
);
/** The words of each V_WORD slot (CLASS_WORDS elsewhere: never read). */
const WORDS: KeySet[] = Array.from({ length: 6 * STRIDE }, () => CLASS_WORDS);
WORDS[K_DETAINER * STRIDE + D_FORM] = FORM_WORDS;
WORDS[K_WARRANT * STRIDE + I_KIND] = KIND_WORDS;
WORDS[K_WARRANT * STRIDE + I_JURISDICTION] = JURISDICTION_WORDS;

/** Two digits at b[i] as a number; -1 for anything else. */
function two(b: Uint8Array, i: number): number {
  const x = b[i]! - 48;
  const y = b[i + 1]! - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

const MONTHS = 200 * 12;
const NO_DAY = -0x7fffffff;

/** UTF-16 code units of the UTF-8 text at b[a, e) (known to be well formed). */
function unitsOf(b: Uint8Array, a: number, e: number): number {
  let units = 0;
  for (let i = a; i < e; i++) {
    const c = b[i]!;
    if (c < 0x80 || c >= 0xc0) units++;
    if (c >= 0xf0) units++;
  }
  return units;
}

const enum Mode {
  /** Before the case list: deciding whether the file starts as the fast reading expects. */
  Start,
  List,
  /** After the list of an object's "cases": its closing brace. */
  AfterList,
  After,
  /** The rest of the file goes to JsonCaseSplitter. */
  Text,
}

/**
 * Bytes held past a case's start before it is first tried (unless the input has ended): the least
 * `waitFor` is. A case read from bytes that stop in its middle reads past the end of the buffer. Past
 * its end a typed array gives undefined, which the reading refuses, but the JavaScript engine throws
 * the compiled reading away at the first such read at each place and compiles it again: the first
 * 100,000 cases of a file took about 40% more CPU time for it. With this much ahead, only a case
 * longer than this reads past.
 */
const READ_AHEAD = 8192;

export class JsonCaseReader {
  private buf: Uint8Array = new Uint8Array(0);
  /** buf's bytes, read four at a time. */
  private view: DataView = new DataView(new ArrayBuffer(0));
  /** Whether buf is this reader's own (store), not a chunk handed in (which the caller may reuse once push returns). */
  private owned = false;
  private store = new Uint8Array(0);
  private n = 0;
  private pos = 0;
  /** Absolute offset of buf[0] in the file. */
  private base = 0;
  private mode = Mode.Start;
  private listDepth = 1;
  /** 0: just after "["; 1: after a case; 2: after ",". */
  private listState = 0;
  private elements = 0;
  /**
   * Bytes that must be read from a case's start before it is tried: READ_AHEAD, or more once it did not
   * end in the bytes read so far.
   */
  private waitFor = READ_AHEAD;
  // Lines: the line of the current position, the absolute offset its line starts at, and UTF-16 code
  // units minus bytes of its text read so far (columns count code units, as the text splitter does).
  private line = 1;
  private lineStart = 0;
  private adjust = 0;
  private splitter: JsonCaseSplitter | undefined;
  private decoder: TextDecoder | undefined;
  private readonly utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

  // Tables of what the file's bytes read as, by the bytes.
  private readonly texts = new WordTable<Interned | null>();
  private readonly facilities = new WordTable<Interned | null>();
  private readonly categoryLists = new WordTable<Interned | null>();
  private readonly requestLists = new WordTable<number>();
  /** Day number of the first of each month from 1900 (NO_DAY until needed). */
  private readonly monthStart = packed(MONTHS, NO_DAY);

  // The case being read. The last string's escapes and non-ASCII bytes; the last number, date and flag read.
  private esc = false;
  private high = false;
  private num = 0;
  /** Where the value of the last key read (key()) starts. */
  private at = 0;
  /** The last date read, packed (case-table packYmd). */
  private ymd = 0;
  private flag = false;
  // The case being read is kept in plain arrays, not typed arrays (see packed): each of its values
  // is stored and loaded a few times, and once a stream has detached a buffer every typed-array
  // access would check it. The lists of charges, convictions and warrants grow by appending.
  /**
   * The values read, by slot (a kind's first slot plus the key's place): whole numbers, words' indexes,
   * flags (0 or 1) and dates' day numbers, all small integers; a date and time, in minutes, in times.
   */
  private readonly vals = packed(6 * STRIDE, 0);
  private readonly times = packed(6 * STRIDE, NaN);
  /** The packed dates of date slots. */
  private readonly ymds = packed(6 * STRIDE, 0);
  /** The texts and category lists of their slots. */
  private readonly refs: Interned[] = Array.from({ length: 6 * STRIDE }, () => EMPTY_TEXT);
  /**
   * The key that came after each slot's key the last time (after the opening brace: AFTER_OPEN + the
   * kind), -1 before any did: tried before the others.
   */
  private readonly after = packed(AFTER_OPEN + 6, -1);
  /** The keys read in the last object of each kind (a bit per key). */
  private readonly seenOf = packed(6, 0);
  /** The case's id: its text when it has escapes or bytes past ASCII, else '' and where its bytes are. */
  private idText = '';
  private idFrom = 0;
  private idTo = 0;
  // Charges, convictions and warrants of the case.
  private nh = 0;
  private readonly hCls = packed(8, 0);
  private readonly hDegree = packed(8, 0);
  private readonly hFlags = packed(8, 0);
  private readonly hOffense: Interned[] = [];
  private readonly hCats: Interned[] = [];
  private nv = 0;
  private readonly vCls = packed(8, 0);
  private readonly vDegree = packed(8, 0);
  private readonly vFlags = packed(8, 0);
  private readonly vDays = packed(8, 0);
  /** Day numbers, NaN for no release: doubles from the start. */
  private readonly vOn = packed(8, NaN);
  private readonly vOnYmd = packed(8, 0);
  private readonly vOffYmd = packed(8, 0);
  private readonly vOff = packed(8, NaN);
  private readonly vOffense: Interned[] = [];
  private readonly vSource: Interned[] = [];
  private readonly vCats: Interned[] = [];
  private nw = 0;
  private readonly wFlags = packed(8, 0);
  private readonly wJurisdiction = packed(8, 0);

  constructor(
    private readonly sink: CaseSink,
    private readonly onElement: (e: JsonElement) => void,
    private readonly onError: (e: LocatedMessage) => void,
  ) {}

  /** Reads a piece of the file's text: the text splitter reads it (from here on, if bytes came before). */
  push(text: string): void {
    if (this.mode !== Mode.Text) this.toText(this.pos);
    this.splitter!.push(text);
  }

  /** Reads a piece of the file's bytes, of any size. */
  pushBytes(bytes: Uint8Array): void {
    // A plain view: slice() must copy (a Node Buffer's slice is a view of the caller's reused memory).
    if (bytes.constructor !== Uint8Array) bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    if (this.mode === Mode.Text) {
      this.splitter!.push(this.decoder!.decode(bytes, { stream: true }));
      return;
    }
    const rest = this.n - this.pos;
    const part = Math.max(1 << 16, rest * 4);
    if (rest === 0) {
      this.base += this.n;
      this.buf = bytes;
      this.owned = false;
      this.n = bytes.length;
      this.pos = 0;
    } else if (part < bytes.length) {
      // The case begun in the last chunk is read from a bridge of its bytes and the start of this
      // chunk; the rest of the chunk is read where it is, not copied.
      this.append(bytes.subarray(0, part));
      this.run(false);
      if ((this.mode as Mode) === Mode.Text) {
        this.splitter!.push(this.decoder!.decode(bytes.subarray(part), { stream: true }));
        return;
      }
      if (this.pos >= rest) {
        this.base += rest;
        this.buf = bytes;
        this.owned = false;
        this.pos -= rest;
        this.n = bytes.length;
      } else this.append(bytes.subarray(part)); // a case longer than the bridge
    } else this.append(bytes);
    this.run(false);
    // Keep what is left unread: the caller may reuse its chunk.
    if ((this.mode as Mode) !== Mode.Text && !this.owned && this.pos < this.n) this.append(EMPTY_BYTES);
  }

  /**
   * Appends bytes to what is left unread, in memory of the reader's own (room to spare, so a file
   * handed in tiny pieces is not copied again for each). buf is a view of exactly the bytes held:
   * reads past them give undefined, which the fast reading never accepts.
   */
  private append(bytes: Uint8Array): void {
    const rest = this.n - this.pos;
    const need = rest + bytes.length;
    if (this.store.length >= need) {
      // The reader's own memory, reused: what is left of it moved to the front, or what is left of
      // a chunk handed in (buf is not the store then) copied there.
      if (this.owned) {
        if (this.pos > 0) this.store.copyWithin(0, this.pos, this.n);
      } else this.store.set(this.buf.subarray(this.pos, this.n));
    } else {
      const store = new Uint8Array(Math.max(need, 2 * rest, 4096));
      store.set(this.buf.subarray(this.pos, this.n));
      this.store = store;
    }
    this.store.set(bytes, rest);
    this.base += this.pos;
    this.pos = 0;
    this.n = need;
    this.owned = true;
    this.buf = this.store.subarray(0, need);
  }

  finish(): void {
    if (this.mode !== Mode.Text) {
      this.run(true);
      const mode = this.mode as Mode;
      if (mode === Mode.After) return;
      if (mode !== Mode.Text) this.toText(this.pos);
    }
    const rest = this.decoder ? this.decoder.decode() : '';
    if (rest) this.splitter!.push(rest);
    this.splitter!.finish();
  }

  /** Hands the rest of the file from buf[p] to the text splitter, in the state the list is in there. */
  private toText(p: number): void {
    const splitter = new JsonCaseSplitter(this.onElement, this.onError);
    if (this.mode !== Mode.Start)
      splitter.resume({
        phase: this.mode === Mode.List ? 'list' : this.mode === Mode.AfterList ? 'object' : 'after',
        listDepth: this.listDepth,
        listState: this.listState,
        elements: this.elements,
        line: this.line,
        column: this.base + p - this.lineStart + this.adjust + 1,
      });
    this.mode = Mode.Text;
    this.splitter = splitter;
    this.decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const text = this.decoder.decode(this.buf.subarray(p, this.n), { stream: true });
    this.buf = new Uint8Array(0);
    this.n = this.pos = 0;
    if (text) splitter.push(text);
  }

  private run(final: boolean): void {
    const b = this.buf;
    const n = this.n;
    let p = this.pos;
    this.view = new DataView(b.buffer, b.byteOffset, n);
    for (;;) {
      if (this.mode === Mode.Start) {
        const start = this.start(b, n, final);
        if (start === INCOMPLETE) break;
        if (start < 0) return this.toText(0);
        p = start;
        this.mode = Mode.List;
      }
      p = this.ws(b, p, n);
      if (p >= n) break;
      const c = b[p]!;
      if (this.mode === Mode.List) {
        if (c === 123 && this.listState !== 1) {
          if (!final && n - p < this.waitFor) break;
          const end = this.element(b, p, n);
          if (end === INCOMPLETE && !final) {
            this.waitFor = Math.max(READ_AHEAD, 2 * (n - p));
            break;
          }
          if (end < 0) return this.toText(p);
          this.waitFor = READ_AHEAD;
          this.elements++;
          this.listState = 1;
          p = end;
        } else if (c === 44 && this.listState === 1) {
          this.listState = 2;
          p++;
        } else if (c === 93 && this.listState !== 2) {
          this.mode = this.listDepth === 1 ? Mode.After : Mode.AfterList;
          p++;
        } else return this.toText(p);
      } else if (this.mode === Mode.AfterList && c === 125) {
        this.mode = Mode.After;
        p++;
      } else return this.toText(p);
    }
    this.pos = p;
  }

  /**
   * The start of the file: a byte order mark, then "[" or `{"cases": [` with white space between.
   * The position after the "["; INCOMPLETE when the bytes so far can't tell; REFUSE for any other start.
   */
  private start(b: Uint8Array, n: number, final: boolean): number {
    let p = 0;
    if (b[0] === 0xef && (n < 3 || (b[1] === 0xbb && b[2] === 0xbf))) {
      if (n < 3) return final ? REFUSE : INCOMPLETE;
      p = 3;
    }
    this.lineStart = p;
    p = this.ws(b, p, n);
    if (p < n && b[p] === 91) {
      this.listDepth = 1;
      return p + 1;
    }
    if (p < n && b[p] === 123) {
      const cases = [34, 99, 97, 115, 101, 115, 34]; // "cases"
      p = this.ws(b, p + 1, n);
      for (let k = 0; k < cases.length && p < n; k++, p++) if (b[p] !== cases[k]) return this.notStart();
      if (p < n) p = this.ws(b, p, n);
      if (p < n && b[p] !== 58) return this.notStart();
      if (p < n) p = this.ws(b, p + 1, n);
      if (p < n && b[p] === 91) {
        this.listDepth = 2;
        return p + 1;
      }
      if (p < n) return this.notStart();
    } else if (p < n) return this.notStart();
    this.line = 1;
    this.adjust = 0;
    return final ? REFUSE : INCOMPLETE;
  }

  private notStart(): number {
    this.line = 1;
    this.adjust = 0;
    return REFUSE;
  }

  /** Skips JSON white space, counting lines. */
  private ws(b: Uint8Array, p: number, n: number): number {
    // Most values are followed by no white space at all (bytes past n read as undefined).
    if (b[p]! > 32) return p;
    while (p < n) {
      const c = b[p]!;
      if (c === 32 || c === 9 || c === 13) p++;
      else if (c === 10) {
        p++;
        this.line++;
        this.lineStart = this.base + p;
        this.adjust = 0;
      } else break;
    }
    return p;
  }

  /**
   * One case of the list, starting with "{" at b[p]: written into the table when the fast reading
   * accepts it, else its text handed to the reference reading. Where it ends, INCOMPLETE, or TO_TEXT.
   */
  private element(b: Uint8Array, p: number, n: number): number {
    const line = this.line;
    const lineStart = this.lineStart;
    const adjust = this.adjust;
    const column = this.base + p - lineStart + adjust + 1;
    const end = this.fastCase(b, p, n);
    if (end >= 0 && this.write(b, line)) return end;
    this.line = line;
    this.lineStart = lineStart;
    this.adjust = adjust;
    const close = this.valueEnd(b, p, n);
    if (close < 0) return n - p > MAX_CASE_CHARS ? TO_TEXT : INCOMPLETE;
    if (close - p > MAX_CASE_CHARS) return TO_TEXT;
    const text = this.utf8.decode(b.subarray(p, close));
    this.onElement({ text, line, column });
    // Lines and columns past the case, counted in its text.
    const last = text.lastIndexOf('\n');
    if (last < 0) this.adjust += text.length - (close - p);
    else {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.line++;
      this.lineStart = this.base + close;
      this.adjust = text.length - last - 1;
    }
    return close;
  }

  /** Where the value starting with "{" at b[p] ends, found as JsonCaseSplitter finds it; -1 when not in the bytes read. */
  private valueEnd(b: Uint8Array, p: number, n: number): number {
    let depth = 0;
    for (let i = p; i < n; i++) {
      const c = b[i]!;
      if (c === 34) {
        for (i++; i < n && b[i] !== 34; i++) if (b[i] === 92) i++;
        if (i >= n) return -1;
      } else if (c === 123 || c === 91) depth++;
      else if ((c === 125 || c === 93) && --depth === 0) return i + 1;
    }
    return -1;
  }

  // ---- the fast reading ----

  /** A string starting with its quote at b[p]: where its closing quote is, or REFUSE. Sets esc and high. */
  private str(b: Uint8Array, p: number, n: number): number {
    if (b[p] !== 34) return REFUSE;
    let q = p + 1;
    let esc = false;
    let high = false;
    // Four bytes at a time while none is a quote, a backslash, a control character, DEL or past ASCII
    // (bit 7 of a byte of the sum is set for each such byte, and never for a word without one).
    const view = this.view;
    for (; q + 4 <= n; q += 4) {
      const x = view.getInt32(q, true);
      const quote = x ^ 0x22222222;
      const slash = x ^ 0x5c5c5c5c;
      const flags =
        ((quote - 0x01010101) & ~quote) | ((slash - 0x01010101) & ~slash) | ((x - 0x20202020) & ~x) | x | ((x + 0x01010101) | 0);
      if ((flags & 0x80808080) !== 0) break;
    }
    for (;;) {
      if (q >= n) return REFUSE;
      const c = b[q]!;
      if (c === 34) break;
      if (c === 92) {
        esc = true;
        q += 2;
        continue;
      }
      if (c < 32) return REFUSE;
      // Past ASCII, or DEL (which no id may hold): read as text.
      if (c > 126) high = true;
      q++;
    }
    this.esc = esc;
    this.high = high;
    if (high) this.adjust += unitsOf(b, p + 1, q) - (q - p - 1);
    return q;
  }

  /** The value of the string whose quotes are at b[p] and b[q] (after str); undefined when it is not UTF-8 or not valid JSON. */
  private textOf(b: Uint8Array, p: number, q: number): string | undefined {
    if (!this.esc && !this.high) return this.utf8.decode(b.subarray(p + 1, q));
    const raw = this.utf8.decode(b.subarray(p, q + 1));
    // An undecodable byte (or the replacement character itself) is the reference reading's to report.
    if (this.high && raw.includes('\uFFFD')) return undefined;
    if (!this.esc) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      return undefined;
    }
  }

  /** An offense name or a conviction's source (text without unsafe characters), by its bytes; null when refused. */
  private textAt(b: Uint8Array, p: number, q: number, n: number): Interned | null {
    if (q === p + 1) return EMPTY_TEXT;
    const found = this.texts.get(this.view, b, p + 1, q, n);
    return found === undefined ? this.newText(b, p, q) : found;
  }

  // The first sight of a text, a category list or a list of requests: read, checked and kept by its
  // bytes. Each is a method of its own, called so seldom that the compiler leaves it out of the
  // lookup's optimized code (less to compile before that code runs).

  private newText(b: Uint8Array, p: number, q: number): Interned | null {
    const text = this.textOf(b, p, q);
    const found = text !== undefined && unsafeCharacterIndex(text, false) < 0 ? { text, id: -1, mask: 0 } : null;
    this.texts.set(b, p + 1, q, found);
    return found;
  }

  private newFacility(b: Uint8Array, p: number, q: number): Interned | null {
    const text = q > p + 1 ? this.textOf(b, p, q) : undefined;
    const found = text !== undefined && text.length > 0 && text.length <= 200 ? { text, id: -1, mask: 0 } : null;
    if (q > p + 1) this.facilities.set(b, p + 1, q, found);
    return found;
  }

  private newCategories(b: Uint8Array, p: number, q: number): Interned | null {
    const names = this.stringsOf(b, p, q);
    const found = names && names.every((c) => CATEGORY_RE.test(c)) ? { text: names.join(';'), id: -1, mask: categoryMask(names) } : null;
    this.categoryLists.set(b, p, q + 1, found);
    return found;
  }

  private newRequests(b: Uint8Array, p: number, q: number): number {
    const names = this.stringsOf(b, p, q);
    let found = names ? 0 : -1;
    for (const r of names ?? []) {
      if (r === 'hold') found |= F_REQ_HOLD;
      else if (r === 'notify') found |= F_REQ_NOTIFY;
      else {
        found = -1;
        break;
      }
    }
    this.requestLists.set(b, p, q + 1, found);
    return found;
  }

  /**
   * A list of plain lower-case words starting with "[" at b[p]: where its "]" is, or REFUSE. Four
   * bytes at a time while none is "]", a control character (a line break among them) or past ASCII;
   * the bytes of a list are checked when it is first seen (newCategories, newRequests), and a list
   * found again by its bytes (categoriesAt, requestsAt) is the same bytes.
   */
  private wordList(b: Uint8Array, p: number, n: number): number {
    if (b[p] !== 91) return REFUSE;
    const view = this.view;
    let q = p + 1;
    for (; q + 4 <= n; q += 4) {
      const x = view.getInt32(q, true);
      const close = x ^ 0x5d5d5d5d;
      if ((((close - 0x01010101) & ~close) | ((x - 0x20202020) & ~x) | x) & 0x80808080) break;
    }
    for (; q < n; q++) {
      const c = b[q]!;
      if (c === 93) return q;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 34 || c === 44 || c === 45 || c === 32 || c === 9 || c === 13) continue;
      if (c !== 10) return REFUSE;
      this.line++;
      this.lineStart = this.base + q + 1;
      this.adjust = 0;
    }
    return REFUSE;
  }

  /** The strings of the list at b[p, q] (its brackets included); undefined when it is not a list of strings. */
  private stringsOf(b: Uint8Array, p: number, q: number): string[] | undefined {
    let value: unknown;
    try {
      value = JSON.parse(this.utf8.decode(b.subarray(p, q + 1)));
    } catch {
      return undefined;
    }
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
  }

  private categoriesAt(b: Uint8Array, p: number, q: number, n: number): Interned | null {
    const found = this.categoryLists.get(this.view, b, p, q + 1, n);
    return found === undefined ? this.newCategories(b, p, q) : found;
  }

  private requestsAt(b: Uint8Array, p: number, q: number, n: number): number {
    const found = this.requestLists.get(this.view, b, p, q + 1, n);
    return found === undefined ? this.newRequests(b, p, q) : found;
  }

  /** A whole number of up to 9 digits, as JSON writes it, at b[p]: where it ends (num set), or REFUSE. */
  private uint(b: Uint8Array, p: number): number {
    let d = b[p]! - 48;
    if (!(d >= 0 && d <= 9)) return REFUSE;
    let v = d;
    let q = p + 1;
    if (v !== 0)
      while (((d = b[q]! - 48), d >= 0 && d <= 9)) {
        v = v * 10 + d;
        if (++q - p > 9) return REFUSE;
      }
    const c = b[q];
    // A leading zero, a fraction or an exponent: the reference reading decides.
    if (c === 46 || c === 101 || c === 69 || (c! >= 48 && c! <= 57)) return REFUSE;
    this.num = v;
    return q;
  }

  /** true or false at b[p]: where it ends (flag set), or REFUSE. */
  private bool(b: Uint8Array, p: number): number {
    const c = b[p];
    if (c === 116 && b[p + 1] === 114 && b[p + 2] === 117 && b[p + 3] === 101) {
      this.flag = true;
      return p + 4;
    }
    if (c === 102 && b[p + 1] === 97 && b[p + 2] === 108 && b[p + 3] === 115 && b[p + 4] === 101) {
      this.flag = false;
      return p + 5;
    }
    return REFUSE;
  }

  /**
   * The date YYYY-MM-DD at b[a] (time.parseDate's rule): its day number, with ymd set to it packed
   * (case-table packYmd); NaN when it is not a real date.
   */
  private day(b: Uint8Array, a: number): number {
    const y1 = two(b, a);
    const y2 = two(b, a + 2);
    const m = two(b, a + 5);
    const d = two(b, a + 8);
    if (y1 < 0 || y2 < 0 || m < 1 || m > 12 || d < 1 || b[a + 4] !== 45 || b[a + 7] !== 45) return NaN;
    const y = y1 * 100 + y2;
    // The first day of each month of 1900-2099 is looked up, not computed.
    const k = (y - 1900) * 12 + m - 1;
    let first: number;
    if (k >= 0 && k < MONTHS) {
      first = this.monthStart[k]!;
      if (first === NO_DAY) first = this.monthStart[k] = daysFromCivil(y, m, 1);
    } else first = daysFromCivil(y, m, 1);
    if (d > 28 && d > daysInMonth(y, m)) return NaN;
    this.ymd = y * 512 + m * 32 + d;
    return first + d - 1;
  }

  /** A date and time (time.parseDateTime's rule) as a string at b[p]: where it ends (num set to minutes, ymd to the date), or REFUSE. */
  private dateTime(b: Uint8Array, p: number): number {
    if (b[p] !== 34) return REFUSE;
    const a = p + 1;
    const day = this.day(b, a);
    if (Number.isNaN(day)) return REFUSE;
    let end = a + 10;
    let minutes = 0;
    if (b[end] !== 34) {
      const sep = b[end];
      const h = two(b, a + 11);
      const mi = two(b, a + 14);
      if ((sep !== 84 && sep !== 32) || b[a + 13] !== 58 || h < 0 || h > 23 || mi < 0 || mi > 59) return REFUSE;
      minutes = h * 60 + mi;
      end = a + 16;
      if (b[end] === 58) {
        const sec = two(b, end + 1);
        if (sec < 0 || sec > 59) return REFUSE;
        end += 3;
      }
      if (b[end] !== 34) return REFUSE;
    }
    this.num = day * MINUTES_PER_DAY + minutes;
    // A time later than any record (9999-12-31, "no date") is the reference reading's to report.
    if (this.num >= RECORD_MINUTES_END) return REFUSE;
    return end + 1;
  }

  /** A date (time.parseDate's rule) as a string at b[p]: where it ends (num set to the day number, ymd to the date), or REFUSE. */
  private date(b: Uint8Array, p: number): number {
    if (b[p] !== 34 || b[p + 11] !== 34) return REFUSE;
    const day = this.day(b, p + 1);
    if (Number.isNaN(day)) return REFUSE;
    this.num = day;
    return p + 12;
  }

  /** One of `set`'s words as a string at b[p]: its index (set in num) and where it ends, or REFUSE. */
  private word(b: Uint8Array, p: number, n: number, set: KeySet): number {
    if (b[p] !== 34) return REFUSE;
    const k = set.match(this.view, b, p + 1, n);
    if (k < 0) return REFUSE;
    this.num = k;
    return p + set.lengths[k]! + 2;
  }

  /** After a key's closing quote at b[q]: white space, the colon, white space; where the value starts, or REFUSE. */
  private colon(b: Uint8Array, q: number, n: number): number {
    if (b[q + 1] === 58 && b[q + 2]! > 32) return q + 2;
    let p = this.ws(b, q + 1, n);
    if (b[p] !== 58) return REFUSE;
    p = this.ws(b, p + 1, n);
    return p < n ? p : REFUSE;
  }

  /**
   * A key of `set` at b[p] (its opening quote), not among those `seen` (a bit per key): its index,
   * with `at` set to where its value starts; -1 for any other key, a repeated one, or no colon.
   */
  private key(b: Uint8Array, p: number, n: number, set: KeySet, seen: number): number {
    if (b[p] !== 34) return -1;
    const key = set.match(this.view, b, p + 1, n);
    if (key < 0 || seen & (1 << key)) return -1;
    const at = this.colon(b, p + 1 + set.lengths[key]!, n);
    if (at < 0) return -1;
    this.at = at;
    return key;
  }

  /** A case object at b[p] read into the slots; where it ends, or REFUSE. */
  private fastCase(b: Uint8Array, p: number, n: number): number {
    this.nh = this.nv = this.nw = 0;
    return this.object(b, p, n, K_CASE);
  }

  /**
   * An object of the kind at b[p]: each key's value read into its slot, the keys read in seenOf. Where
   * it ends, or REFUSE (an unknown or repeated key, a value not read).
   */
  private object(b: Uint8Array, p: number, n: number, kind: number): number {
    if (b[p] !== 123) return REFUSE;
    const set = KEYS[kind]!;
    const first = kind * STRIDE;
    const after = this.after;
    let seen = 0;
    // Where the key read last keeps the key that came after it the last time.
    let last = AFTER_OPEN + kind;
    p = this.ws(b, p + 1, n);
    if (b[p] !== 125)
      for (;;) {
        // The key that came next last time, written as it usually is, is tried first.
        let key = after[last]!;
        const at = key >= 0 && (seen & (1 << key)) === 0 ? set.quotedAt(this.view, p, key, n) : -1;
        if (at >= 0 && b[at]! > 32) this.at = at;
        else {
          key = this.key(b, p, n, set, seen);
          if (key < 0) return REFUSE;
          after[last] = key;
        }
        seen |= 1 << key;
        last = first + key;
        // The value, kept in the key's slot; v is where it ends, or REFUSE.
        let v = this.at;
        switch (TYPE[last]) {
          case V_UINT:
            v = this.uint(b, v);
            if (v < 0 || this.num < LEAST[last]! || this.num > MOST[last]!) return REFUSE;
            this.vals[last] = this.num;
            break;
          case V_BOOL:
            v = this.bool(b, v);
            this.vals[last] = this.flag ? 1 : 0;
            break;
          case V_DATE:
            v = this.date(b, v);
            this.vals[last] = this.num;
            this.ymds[last] = this.ymd;
            break;
          case V_DATETIME:
            v = this.dateTime(b, v);
            this.times[last] = this.num;
            this.ymds[last] = this.ymd;
            break;
          case V_WORD:
            v = this.word(b, v, n, WORDS[last]!);
            this.vals[last] = this.num;
            break;
          case V_TEXT: {
            const q = this.str(b, v, n);
            if (q < 0) return REFUSE;
            const found = this.textAt(b, v, q, n);
            if (found === null) return REFUSE;
            this.refs[last] = found;
            v = q + 1;
            break;
          }
          case V_CATEGORIES: {
            const q = this.wordList(b, v, n);
            if (q < 0) return REFUSE;
            const found = this.categoriesAt(b, v, q, n);
            if (found === null) return REFUSE;
            this.refs[last] = found;
            v = q + 1;
            break;
          }
          case V_REQUESTS: {
            const q = this.wordList(b, v, n);
            if (q < 0) return REFUSE;
            const found = this.requestsAt(b, v, q, n);
            if (found < 0) return REFUSE;
            this.vals[last] = found;
            v = q + 1;
            break;
          }
          case V_ID:
            v = this.idAt(b, v, n);
            break;
          case V_FACILITY: {
            const q = this.str(b, v, n);
            if (q < 0) return REFUSE;
            let found = this.facilities.get(this.view, b, v + 1, q, n);
            if (found === undefined) found = this.newFacility(b, v, q);
            if (found === null) return REFUSE;
            this.refs[last] = found;
            v = q + 1;
            break;
          }
          case V_OBJECT:
            v = this.object(b, v, n, SUB[last]!);
            break;
          default:
            v = this.list(b, v, n, SUB[last]!);
            break;
        }
        // After the value: white space (most often none), then "," or "}".
        if (v < 0) return REFUSE;
        p = b[v]! > 32 ? v : this.ws(b, v, n);
        const c = b[p];
        if (c === 125) break;
        if (c !== 44) return REFUSE;
        p = b[p + 1]! > 32 ? p + 1 : this.ws(b, p + 1, n);
      }
    this.seenOf[kind] = seen;
    return p + 1;
  }

  /**
   * The case's id at b[p]: plain ASCII (no escape, no byte past 126, so no character an id may not
   * hold) is kept as where its bytes are, any other as its text. Where it ends, or REFUSE.
   */
  private idAt(b: Uint8Array, p: number, n: number): number {
    const q = this.str(b, p, n);
    if (q < 0) return REFUSE;
    if (!this.esc && !this.high) {
      if (q === p + 1 || q - p - 1 > 200) return REFUSE;
      this.idText = '';
      this.idFrom = p + 1;
      this.idTo = q;
    } else {
      const id = this.textOf(b, p, q);
      if (
        id === undefined ||
        id.length === 0 ||
        id.length > 200 ||
        unsafeCharacterIndex(id, false) >= 0 ||
        invisibleCharacterIndex(id) >= 0
      )
        return REFUSE;
      this.idText = id;
    }
    return q + 1;
  }

  /** A list of objects of the kind (charges, convictions or warrants) at b[p]; where it ends, or REFUSE. */
  private list(b: Uint8Array, p: number, n: number, kind: number): number {
    if (b[p] !== 91) return REFUSE;
    p = this.ws(b, p + 1, n);
    if (b[p] === 93) return p + 1;
    for (;;) {
      p = this.object(b, p, n, kind);
      if (p < 0 || !this.item(kind)) return REFUSE;
      p = this.ws(b, p, n);
      const c = b[p];
      if (c === 93) return p + 1;
      if (c !== 44) return REFUSE;
      p = this.ws(b, p + 1, n);
    }
  }

  /** Keeps the charge, conviction or warrant just read for the case; false when it is refused. */
  private item(kind: number): boolean {
    const seen = this.seenOf[kind]!;
    const vals = this.vals;
    const first = kind * STRIDE;
    if (kind === K_WARRANT) {
      if (!(seen & (1 << I_KIND))) return false;
      const k = this.nw++;
      const felony = seen & (1 << I_FELONY) && vals[first + I_FELONY] === 1;
      this.wFlags[k] = (vals[first + I_KIND] === 0 ? W_CRIMINAL : 0) | (felony ? W_FELONY : 0);
      this.wJurisdiction[k] = seen & (1 << I_JURISDICTION) ? JURISDICTION_BIT[vals[first + I_JURISDICTION]!]! : 0;
      return true;
    }
    // Charges and convictions: a class is required.
    if (!(seen & (1 << I_CLASS))) return false;
    const cls = CLASS_BIT[vals[first + I_CLASS]!]!;
    const degree = seen & (1 << I_DEGREE) ? 1 << vals[first + I_DEGREE]! : 0;
    const offense = seen & (1 << I_OFFENSE) ? this.refs[first + I_OFFENSE]! : EMPTY_TEXT;
    const cats = seen & (1 << I_CATEGORIES) ? this.refs[first + I_CATEGORIES]! : NO_CATEGORIES;
    if (kind === K_CHARGE) {
      const k = this.nh++;
      // Bondable unless it says not.
      const notBondable = seen & (1 << I_BONDABLE) && vals[first + I_BONDABLE] === 0;
      this.hCls[k] = cls;
      this.hDegree[k] = degree;
      this.hFlags[k] =
        (this.yes(seen, first + I_BOND_POSTED) ? H_BOND_POSTED : 0) |
        (notBondable ? 0 : H_BONDABLE) |
        (this.yes(seen, first + I_PROBABLE_CAUSE) ? H_PROBABLE_CAUSE : 0);
      this.hOffense[k] = offense;
      this.hCats[k] = cats;
      return true;
    }
    // A conviction date is required; a release before the conviction is a problem.
    if (!(seen & (1 << I_ON))) return false;
    const on = vals[first + I_ON]!;
    const released = (seen & (1 << I_OFF)) !== 0;
    const off = released ? vals[first + I_OFF]! : NaN;
    if (off < on) return false;
    const k = this.nv++;
    this.vCls[k] = cls;
    this.vDegree[k] = degree;
    this.vFlags[k] = (this.yes(seen, first + I_CURRENT) ? C_CURRENT : 0) | (this.yes(seen, first + I_JUVENILE) ? C_JUVENILE : 0);
    this.vDays[k] = seen & (1 << I_DAYS) ? vals[first + I_DAYS]! : 0;
    this.vOn[k] = on;
    this.vOff[k] = off;
    this.vOnYmd[k] = this.ymds[first + I_ON]!;
    this.vOffYmd[k] = released ? this.ymds[first + I_OFF]! : 0;
    this.vOffense[k] = offense;
    this.vSource[k] = seen & (1 << I_SOURCE) ? this.refs[first + I_SOURCE]! : EMPTY_TEXT;
    this.vCats[k] = cats;
    return true;
  }

  /** Whether the flag of the slot (its place's bit in `seen`) was read as true. */
  private yes(seen: number, slot: number): boolean {
    return (seen & (1 << (slot % STRIDE))) !== 0 && this.vals[slot] === 1;
  }

  private interned(t: Interned): number {
    return t.id >= 0 ? t.id : (t.id = this.sink.builder.stringId(t.text));
  }

  /**
   * Writes the case read by fastCase (its bytes in b) into the table when it is whole and every rule
   * of prepareCase holds (false, nothing written, otherwise). Strings are interned in the order
   * CaseTableBuilder.add interns them, so the table's string ids are the ones the reference reading gives.
   */
  private write(b: Uint8Array, line: number): boolean {
    const seen = this.seenOf[K_CASE]!;
    const need = (1 << P_ID) | (1 << P_AGE) | (1 << P_BOOKED) | (1 << P_RELEASE) | (1 << P_DETAINER);
    if ((seen & need) !== need) return false;
    const d = this.seenOf[K_DETAINER]!;
    if (!(d & (1 << D_REQUESTS))) return false;
    const vals = this.vals;
    const dv = K_DETAINER * STRIDE;
    const age = vals[P_AGE]!;
    const ageHi = seen & (1 << P_AGE_AT_MOST) ? vals[P_AGE_AT_MOST]! : age;
    if (ageHi < age) return false;
    const requests = vals[dv + D_REQUESTS]!;
    const form = d & (1 << D_FORM) ? vals[dv + D_FORM]! : -1;
    // Form I-247N asks only for notice.
    if (form === 2 && requests & F_REQ_HOLD) return false;
    const booked = this.times[P_BOOKED]!;
    const release = this.times[P_RELEASE]!;
    if (!checkChronology(ageHi, booked, release, this.vOn, this.vOff, this.nv)) return false;
    const t = this.sink.builder;
    const given = (d & (1 << D_ISSUED)) !== 0;
    const bookedYmd = this.ymds[P_BOOKED]!;
    const flags =
      requests |
      (d & (1 << D_JUDICIAL) && vals[dv + D_JUDICIAL] === 1 ? F_JUDICIAL : 0) |
      (d & (1 << D_ADMIN) && vals[dv + D_ADMIN] === 1 ? F_ADMIN : 0);
    let records = 0;
    if (seen & (1 << P_RECORDS)) {
      const r = this.seenOf[K_RECORDS]!;
      const rv = K_RECORDS * STRIDE;
      for (let k = 0; k < RECORD_BIT_LIST.length; k++) if (r & (1 << k) && vals[rv + k] === 1) records |= RECORD_BIT_LIST[k]!;
    }
    const facility = seen & (1 << P_FACILITY) ? this.interned(this.refs[P_FACILITY]!) : 0;
    t.beginCase(
      age,
      flags,
      records,
      booked,
      bookedYmd,
      release,
      given ? this.times[dv + D_ISSUED]! : booked,
      given ? this.ymds[dv + D_ISSUED]! : bookedYmd,
      ageHi,
      0,
      facility,
      form < 0 ? -1 : FORM_INDEX[form]!,
    );
    if (this.idText === '') t.setAsciiId(b, this.idFrom, this.idTo);
    else t.setId(this.idText);
    for (let k = 0; k < this.nv; k++) {
      const on = this.vOn[k]!;
      const off = this.vOff[k]!;
      const onYmd = this.vOnYmd[k]!;
      const released = Number.isNaN(off) ? undefined : off;
      const catList = this.interned(this.vCats[k]!);
      const offense = this.interned(this.vOffense[k]!);
      const source = this.interned(this.vSource[k]!);
      t.addConviction(
        this.vCls[k]!,
        this.vDegree[k]!,
        this.vCats[k]!.mask,
        catList,
        offense,
        on,
        onYmd,
        released,
        released === undefined ? onYmd : this.vOffYmd[k]!,
        this.vDays[k]!,
        this.vFlags[k]!,
        source,
      );
    }
    for (let k = 0; k < this.nh; k++) {
      const catList = this.interned(this.hCats[k]!);
      t.addCharge(this.hCls[k]!, this.hDegree[k]!, this.hCats[k]!.mask, catList, this.interned(this.hOffense[k]!), this.hFlags[k]!);
    }
    for (let k = 0; k < this.nw; k++) t.addWarrant(this.wFlags[k]!, this.wJurisdiction[k]!);
    t.endCase();
    this.sink.written(this.elements, line);
    return true;
  }
}

const NO_CATEGORIES: Interned = { mask: 0, text: '', id: 0 };
