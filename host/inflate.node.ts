// A workbook's raw DEFLATE decoder on Node: zlib's, native, fed piece by piece and inflating into one
// reused buffer, for the command line and Electron's main process. Node offers no public synchronous
// streaming inflate, so this drives the zlib handle the way Node's own *Sync functions do; where that
// handle is not there (another runtime), the engine's decoder in JavaScript is used instead.

import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import zlib from 'node:zlib';
import { indexSheetRows, jsInflater, type RawInflater, type RawInflaterFactory } from '../engine/index';

/** Bytes inflated at a time into the reused buffer. */
const OUT_BYTES = 1 << 20;

interface ZlibHandle {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  onerror: (this: unknown, message: string, errno: number, code?: string) => void;
}

function nativeInflater(): RawInflater | undefined {
  const stream = zlib.createInflateRaw() as unknown as {
    _handle?: ZlibHandle;
    _writeState?: Uint32Array;
    on: (e: string, f: () => void) => void;
  };
  const handle = stream._handle;
  const state = stream._writeState;
  if (!handle || typeof handle.writeSync !== 'function' || !(state instanceof Uint32Array)) return undefined;
  // Errors arrive through the handle's callback during writeSync; the stream then closes itself.
  let error: Error | undefined;
  const onerror = handle.onerror;
  handle.onerror = function (message, errno, code) {
    error = new Error(message);
    onerror.call(this, message, errno, code);
  };
  stream.on('error', () => undefined);
  const out = new Uint8Array(OUT_BYTES);
  let ended = false;
  return {
    push(compressed, final, emit) {
      if (ended) {
        if (compressed.length) throw new Error('data after the end of the compressed stream');
        return;
      }
      let inOff = 0;
      let inLen = compressed.length;
      for (;;) {
        handle.writeSync(final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH, compressed, inOff, inLen, out, 0, OUT_BYTES);
        if (error) throw error;
        const outLeft = state[0]!;
        const inLeft = state[1]!;
        if (outLeft < OUT_BYTES) emit(out.subarray(0, OUT_BYTES - outLeft));
        inOff += inLen - inLeft;
        inLen = inLeft;
        // A full buffer may leave output inside zlib: ask again until it has room to spare.
        if (outLeft > 0) break;
      }
      if (final) ended = true;
    },
  };
}

/** Node's native raw inflater, or the engine's in JavaScript where zlib's handle cannot be driven. */
export const nodeInflater: RawInflaterFactory = (compressedSize) => nativeInflater() ?? jsInflater(compressedSize);

/** Parts smaller than this (compressed) are inflated in this thread: a thread takes some 30 ms to start. */
const THREAD_FROM_BYTES = 4 << 20;
/**
 * Slots of the memory both threads share, each holding one inflated piece (up to OUT_BYTES) and the
 * index of its rows: the thread inflates into a free slot and the reader reads the piece where it lies.
 */
const SLOTS = 8;
/** Ints of a slot's index: more than the index of any piece the size of a slot takes. */
const INDEX_INTS = OUT_BYTES >> 1;
/** Compressed pieces handed to a thread and not yet inflated by it. */
const INPUT_AHEAD = 4;
/**
 * Slots of shared memory the compressed pieces are handed over in (a larger piece than a slot holds is
 * sent as a copy of its own): one more than may be waiting at once, and a spare. A slot holds a piece
 * as large as the reader asks for by default.
 */
const INPUT_SLOTS = INPUT_AHEAD + 2;
const INPUT_BYTES = 1 << 20;

// The state both threads share, by index: pieces posted by the thread, pieces taken by the reader,
// compressed pieces the thread has inflated.
const POSTED = 0;
const TAKEN = 1;
const INPUT_TAKEN = 2;
/** Set by the thread as it ends, however it ends (a crash that skips this is caught by SILENCE_MS). */
const GONE = 3;
/** Set by the thread once it has posted the last piece of the part. */
const ENDED = 4;
/** Set by the thread when it fails, after it posts the error's message to the reader's port. */
const FAILED = 5;
/**
 * Counts everything the thread does that the reader may wait for (a piece posted, a compressed piece
 * inflated, the end, a failure): the reader waits on it from the count it saw before it looked, so that
 * no word from the thread is missed.
 */
const SIGNAL = 6;
/** How long the reader waits for a thread that neither posts nor ends before it gives up. */
const SILENCE_MS = 60_000;

/**
 * When a sheet's rows are read, whether the thread indexes the rows of a piece (indexSheetRows) for the
 * reader: `auto` does when the reader has not yet taken the pieces posted before (INDEX_BACKLOG of
 * them), so that the two threads share the work by how far each is behind; the tests ask for `always`
 * and `never`.
 */
export type RowIndexing = 'auto' | 'always' | 'never';
/** Pieces waiting for the reader from which the thread indexes the next (`auto`). */
const INDEX_BACKLOG = 1;

/**
 * The thread's code (a script, so that the bundle needs no file of its own): zlib's raw inflater,
 * driven as nativeInflater drives it, inflating each compressed piece the reader sends straight into
 * the shared slots, a slot posted once it is full (or the part ends); it waits while every slot is
 * posted and not yet taken. For a sheet's rows it may index the rows of a slot's piece into the slot's
 * index, with the engine's indexSheetRows, whose text the script holds. Nothing is allocated per piece
 * and nothing handed over is copied: the pieces of a sheet come to some 1.5 GB, which as buffers of
 * their own made page faults and collections of some 1 s of CPU time.
 */
const THREAD_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
const { port, state, meta, bytes, index, indexing } = workerData;
const indexRows = indexing === 'never' ? undefined : (${indexSheetRows.toString()});
const ring = new Uint8Array(bytes);
const slotIndex = [];
for (let s = 0; s < ${SLOTS}; s++) slotIndex.push(new Int32Array(index, s * ${INDEX_INTS} * 4, ${INDEX_INTS}));
let failed = false;
const fail = (message) => {
  if (failed) return;
  failed = true;
  port.postMessage({ error: message });
  Atomics.store(state, ${FAILED}, 1);
  signal();
};
const signal = () => {
  Atomics.add(state, ${SIGNAL}, 1);
  Atomics.notify(state, ${SIGNAL});
};
const stream = zlib.createInflateRaw();
const handle = stream._handle;
const writeState = stream._writeState;
let error;
const onerror = handle.onerror;
handle.onerror = function (message, errno, code) {
  error = message;
  onerror.call(this, message, errno, code);
};
stream.on('error', () => undefined);
let posted = 0;
/** Bytes inflated into the slot being filled (slot posted % SLOTS). */
let filled = 0;
let ended = false;
const post = () => {
  const s = posted % ${SLOTS};
  let ints = 0;
  if (indexRows && (indexing === 'always' || posted - Atomics.load(state, ${TAKEN}) >= ${INDEX_BACKLOG})) {
    const into = slotIndex[s];
    const made = indexRows(ring.subarray(s * ${OUT_BYTES}, s * ${OUT_BYTES} + filled), filled, into);
    // An index that outgrew the slot's (indexSheetRows made a bigger array) is copied in when it fits.
    if (made === into || made[0] <= ${INDEX_INTS}) {
      if (made !== into) into.set(made.subarray(0, made[0]));
      ints = made[0];
    }
  }
  meta[s * 2] = filled;
  meta[s * 2 + 1] = ints;
  filled = 0;
  Atomics.store(state, ${POSTED}, ++posted);
  signal();
};
process.on('uncaughtException', (e) => fail(String(e && e.message ? e.message : e)));
process.on('exit', () => {
  Atomics.store(state, ${GONE}, 1);
  signal();
});
// A compressed piece counts as taken once it is inflated, not as it arrives (the port would queue every
// piece the reader sends): the reader reads no further ahead of the inflating than INPUT_AHEAD pieces,
// whichever thread is behind, and its progress, told by the bytes it reads, keeps to the rows read.
const taken = () => {
  Atomics.add(state, ${INPUT_TAKEN}, 1);
  signal();
};
const input = new Uint8Array(workerData.input);
parentPort.on('message', ({ bytes, slot, length, final }) => {
  if (slot !== undefined) bytes = input.subarray(slot * ${INPUT_BYTES}, slot * ${INPUT_BYTES} + length);
  if (failed) return taken();
  if (ended) {
    if (bytes.length) fail('data after the end of the compressed stream');
    return taken();
  }
  let inOff = 0;
  let inLen = bytes.length;
  for (;;) {
    // A slot of its own for each piece: wait while all are posted and not yet taken.
    for (let t = Atomics.load(state, ${TAKEN}); posted - t >= ${SLOTS}; t = Atomics.load(state, ${TAKEN})) Atomics.wait(state, ${TAKEN}, t, 1000);
    const at = (posted % ${SLOTS}) * ${OUT_BYTES} + filled;
    handle.writeSync(final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH, bytes, inOff, inLen, ring, at, ${OUT_BYTES} - filled);
    if (error) {
      fail(error);
      return taken();
    }
    const outLeft = writeState[0];
    const inLeft = writeState[1];
    filled = ${OUT_BYTES} - outLeft;
    inOff += inLen - inLeft;
    inLen = inLeft;
    // A full slot may leave output inside zlib: post it and ask again.
    if (outLeft > 0) break;
    post();
  }
  if (final) {
    if (filled > 0) post();
    ended = true;
    Atomics.store(state, ${ENDED}, 1);
    signal();
  }
  taken();
});
`;

/** Whether zlib's handle can be driven here (nativeInflater): the thread drives it as that does. */
let drivable: boolean | undefined;

/**
 * zlib's raw inflater in a thread of its own, for large parts: the sheet of a million rows inflates
 * (some 700 ms here) while this thread reads the rows of what has already come; of a sheet whose rows
 * are read, the thread also indexes the rows of the pieces this thread is behind on (\`auto\`). Its
 * pieces are handed to \`out\` as they arrive, from the memory the threads share; the last push waits
 * for the rest. Smaller parts, and a Node without threads, inflate in this thread (\`nodeInflater\`).
 */
export const threadedInflater: RawInflaterFactory = (compressedSize, part) =>
  inflaterFor(compressedSize, THREAD_FROM_BYTES, part?.sheetRows ? 'auto' : 'never');

/**
 * `threadedInflater` with parts from `fromBytes` (compressed) inflated in a thread, and a sheet's rows
 * indexed there as `indexing` says: the tests give 0 and each way of indexing.
 */
export function threadedInflaterFrom(fromBytes: number, indexing: RowIndexing = 'auto'): RawInflaterFactory {
  return (compressedSize, part) => inflaterFor(compressedSize, fromBytes, part?.sheetRows ? indexing : 'never');
}

function inflaterFor(compressedSize: number, fromBytes: number, indexing: RowIndexing): RawInflater {
  drivable ??= nativeInflater() !== undefined;
  if (compressedSize < fromBytes || !drivable) return nodeInflater(compressedSize);
  let thread: InflateThread | undefined;
  try {
    thread = new InflateThread(indexing);
  } catch {
    return nodeInflater(compressedSize);
  }
  return thread;
}

class InflateThread implements RawInflater {
  private readonly state = new Int32Array(new SharedArrayBuffer(8 * 4));
  /** Each slot's piece: its length, and the ints of its index (0: not indexed). */
  private readonly meta = new Int32Array(new SharedArrayBuffer(SLOTS * 2 * 4));
  private readonly bytes = new Uint8Array(new SharedArrayBuffer(SLOTS * OUT_BYTES));
  private readonly index = new Int32Array(new SharedArrayBuffer(SLOTS * INDEX_INTS * 4));
  private readonly input = new Uint8Array(new SharedArrayBuffer(INPUT_SLOTS * INPUT_BYTES));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  /** Compressed pieces sent to the thread. */
  private sent = 0;
  private taken = 0;
  private done = false;

  constructor(indexing: RowIndexing) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: {
        port: port2,
        state: this.state,
        meta: this.meta,
        bytes: this.bytes.buffer,
        index: this.index.buffer,
        input: this.input.buffer,
        indexing,
      },
      transferList: [port2],
    });
    // Neither keeps the process alive: the reader waits for them itself.
    this.worker.unref();
    this.port.unref();
  }

  push(compressed: Uint8Array, final: boolean, out: (bytes: Uint8Array, rows?: Int32Array) => void): void {
    if (this.done) {
      if (compressed.length) throw new Error('data after the end of the compressed stream');
      return;
    }
    try {
      // A copy (the reader reads into its buffer again), in the next input slot: the slot's last piece
      // is inflated, as the wait below keeps at most INPUT_AHEAD + 1 pieces not yet inflated.
      if (compressed.length <= INPUT_BYTES) {
        const slot = this.sent % INPUT_SLOTS;
        this.input.set(compressed, slot * INPUT_BYTES);
        this.worker.postMessage({ slot, length: compressed.length, final });
      } else {
        // Not slice(), which on a Node Buffer shares its memory.
        const bytes = new Uint8Array(compressed);
        this.worker.postMessage({ bytes, final }, [bytes.buffer]);
      }
      this.sent++;
      this.take(out, false);
      // Not too far ahead of the thread: wait (taking what it inflates meanwhile).
      while (!this.done && this.sent - Atomics.load(this.state, INPUT_TAKEN) > INPUT_AHEAD) this.take(out, true, true);
      while (final && !this.done) this.take(out, true);
    } catch (e) {
      this.close();
      throw e;
    }
  }

  /**
   * Hands the pieces that have arrived to \`out\`, each read where it lies in its slot and the slot
   * then given back; with \`wait\`, first waits for one (or, with \`once\`, for anything the thread
   * does, so that the caller can look again).
   */
  private take(out: (bytes: Uint8Array, rows?: Int32Array) => void, wait: boolean, once = false): void {
    let silentSince = -1;
    for (;;) {
      // The count first, then what the thread did: anything it does after this wakes the wait below.
      // Its end and failure come after the pieces it posted before them, so they are read before those.
      const signal = Atomics.load(this.state, SIGNAL);
      const ended = Atomics.load(this.state, ENDED);
      const failed = Atomics.load(this.state, FAILED);
      if (this.taken === Atomics.load(this.state, POSTED)) {
        if (failed) {
          const m = receiveMessageOnPort(this.port)?.message as { error: string } | undefined;
          throw new Error(m?.error ?? 'the inflating thread failed');
        }
        if (ended) {
          this.close();
          return;
        }
        if (!wait) return;
        if (Atomics.load(this.state, GONE)) throw new Error('the inflating thread stopped');
        const now = performance.now();
        if (silentSince < 0) silentSince = now;
        else if (now - silentSince > SILENCE_MS) throw new Error('the inflating thread stopped answering');
        Atomics.wait(this.state, SIGNAL, signal, 100);
        if (once) wait = false;
        continue;
      }
      silentSince = -1;
      const s = this.taken % SLOTS;
      const length = this.meta[s * 2]!;
      const ints = this.meta[s * 2 + 1]!;
      out(
        this.bytes.subarray(s * OUT_BYTES, s * OUT_BYTES + length),
        ints > 0 ? this.index.subarray(s * INDEX_INTS, s * INDEX_INTS + ints) : undefined,
      );
      // The piece is read: its slot is the thread's again.
      Atomics.store(this.state, TAKEN, ++this.taken);
      Atomics.notify(this.state, TAKEN);
      // The thread is not to run dry while this thread reads the pieces it has: once it has room for
      // more compressed bytes, the caller hands it the next before the rest are read. (Read to the
      // last, the thread would wait for input, and the piece it inflates first after that, posted with
      // none waiting, would come without its rows indexed.)
      if (this.sent - Atomics.load(this.state, INPUT_TAKEN) < INPUT_AHEAD) return;
      wait = false;
    }
  }

  close(): void {
    this.done = true;
    void this.worker.terminate();
    this.port.close();
  }
}
