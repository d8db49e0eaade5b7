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
/** Inflated pieces a thread may have ready before the reader takes them (of up to 1 MiB each). */
const PIECES_AHEAD = 16;
/** Compressed pieces handed to a thread and not yet inflated by it. */
const INPUT_AHEAD = 4;

// The state both threads share, by index: pieces posted by the thread, pieces taken by the reader,
// compressed pieces the thread has inflated.
const POSTED = 0;
const TAKEN = 1;
const INPUT_TAKEN = 2;
/** Set by the thread as it ends, however it ends (a crash that skips this is caught by SILENCE_MS). */
const GONE = 3;
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
 * The thread's code (a script, so that the bundle needs no file of its own): zlib's raw inflater as a
 * stream, each inflated piece posted to the reader's port; it waits while PIECES_AHEAD are not taken.
 * For a sheet's rows it may post a piece with the index of its rows, made by the engine's
 * indexSheetRows, whose text the script holds.
 */
const THREAD_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
const { port, state, ahead, indexing } = workerData;
const indexRows = indexing === 'never' ? undefined : (${indexSheetRows.toString()});
let scratch = new Int32Array(1 << 16);
const inflate = zlib.createInflateRaw({ chunkSize: ${OUT_BYTES} });
const post = (message, transfer) => {
  port.postMessage(message, transfer);
  Atomics.add(state, ${POSTED}, 1);
  Atomics.notify(state, ${POSTED});
};
let ended = false;
inflate.on('data', (piece) => {
  // A piece that fills a buffer of its own (a full chunk: zlib takes a new buffer for the next) is
  // handed over as it is; any other (zlib writes on after it in its buffer) is copied here, in this
  // thread, into a buffer of its own that is handed over, not copied again.
  const own = piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength ? piece : new Uint8Array(piece);
  if (indexRows && (indexing === 'always' || Atomics.load(state, ${POSTED}) - Atomics.load(state, ${TAKEN}) >= ${INDEX_BACKLOG})) {
    scratch = indexRows(own, own.length, scratch);
    const rows = scratch.slice(0, scratch[0]);
    post({ bytes: own, rows }, [own.buffer, rows.buffer]);
  } else post(own, [own.buffer]);
  for (let taken = Atomics.load(state, ${TAKEN}); Atomics.load(state, ${POSTED}) - taken > ahead; taken = Atomics.load(state, ${TAKEN}))
    Atomics.wait(state, ${TAKEN}, taken, 1000);
});
inflate.on('end', () => {
  ended = true;
  post({ end: true });
});
inflate.on('error', (e) => post({ error: e.message }));
process.on('uncaughtException', (e) => post({ error: String(e && e.message ? e.message : e) }));
process.on('exit', () => {
  Atomics.store(state, ${GONE}, 1);
  Atomics.notify(state, ${POSTED});
});
// A compressed piece counts as taken once zlib has inflated it, not as it arrives (the stream would
// queue every piece the reader sends): the reader reads no further ahead of the inflating than
// INPUT_AHEAD pieces, whichever thread is behind, and its progress, told by the bytes it reads, keeps
// to the rows read.
const taken = () => {
  Atomics.add(state, ${INPUT_TAKEN}, 1);
  Atomics.notify(state, ${POSTED});
};
parentPort.on('message', ({ bytes, final }) => {
  if (ended) {
    taken();
    if (bytes.length) post({ error: 'data after the end of the compressed stream' });
    return;
  }
  if (bytes.length) inflate.write(bytes, taken);
  else taken();
  if (final) inflate.end();
});
`;

/**
 * zlib's raw inflater in a thread of its own, for large parts: the sheet of a million rows inflates
 * (some 700 ms here) while this thread reads the rows of what has already come; of a sheet whose rows
 * are read, the thread also indexes the rows of the pieces this thread is behind on (\`auto\`). Its
 * pieces are handed to \`out\` as they arrive; the last push waits for the rest. Smaller parts, and a
 * Node without threads, inflate in this thread (\`nodeInflater\`).
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
  if (compressedSize < fromBytes) return nodeInflater(compressedSize);
  let thread: InflateThread | undefined;
  try {
    thread = new InflateThread(indexing);
  } catch {
    return nodeInflater(compressedSize);
  }
  return thread;
}

class InflateThread implements RawInflater {
  private readonly state = new Int32Array(new SharedArrayBuffer(16));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private posted = 0;
  private done = false;

  constructor(indexing: RowIndexing) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: { port: port2, state: this.state, ahead: PIECES_AHEAD, indexing },
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
      // A copy (not slice(), which on a Node Buffer shares its memory): the reader reads into its buffer again.
      const bytes = new Uint8Array(compressed);
      this.worker.postMessage({ bytes, final }, [bytes.buffer]);
      this.posted++;
      this.take(out, false);
      // Not too far ahead of the thread: wait (taking what it inflates meanwhile).
      while (!this.done && this.posted - Atomics.load(this.state, INPUT_TAKEN) > INPUT_AHEAD) this.take(out, true, true);
      while (final && !this.done) this.take(out, true);
    } catch (e) {
      this.close();
      throw e;
    }
  }

  /**
   * Hands the pieces that have arrived to \`out\`; with \`wait\`, first waits for one (or, with
   * \`once\`, for anything the thread does, so that the caller can look again).
   */
  private take(out: (bytes: Uint8Array, rows?: Int32Array) => void, wait: boolean, once = false): void {
    let silentSince = -1;
    for (;;) {
      const posted = Atomics.load(this.state, POSTED);
      const received = receiveMessageOnPort(this.port);
      if (!received) {
        if (!wait) return;
        if (Atomics.load(this.state, GONE)) throw new Error('the inflating thread stopped');
        const now = performance.now();
        if (silentSince < 0) silentSince = now;
        else if (now - silentSince > SILENCE_MS) throw new Error('the inflating thread stopped answering');
        Atomics.wait(this.state, POSTED, posted, 100);
        if (once) wait = false;
        continue;
      }
      silentSince = -1;
      Atomics.add(this.state, TAKEN, 1);
      Atomics.notify(this.state, TAKEN);
      const m = received.message as Uint8Array | { bytes: Uint8Array; rows: Int32Array } | { end: true } | { error: string };
      if (m instanceof Uint8Array || 'bytes' in m) {
        if (m instanceof Uint8Array) out(m);
        else out(m.bytes, m.rows);
        wait = false;
        continue;
      }
      if ('error' in m) throw new Error(m.error);
      this.done = true;
      this.close();
      return;
    }
  }

  close(): void {
    this.done = true;
    void this.worker.terminate();
    this.port.close();
  }
}
