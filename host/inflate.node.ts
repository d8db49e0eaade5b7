// A workbook's raw DEFLATE decoder on Node: zlib's, native, fed piece by piece and inflating into one
// reused buffer, for the command line and Electron's main process. Node offers no public synchronous
// streaming inflate, so this drives the zlib handle the way Node's own *Sync functions do; where that
// handle is not there (another runtime), the engine's decoder in JavaScript is used instead.

import zlib from 'node:zlib';
import { jsInflater, type RawInflater, type RawInflaterFactory } from '../engine/index';

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
export const nodeInflater: RawInflaterFactory = () => nativeInflater() ?? jsInflater();
