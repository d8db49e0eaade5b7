// A worker that inflates one part of a workbook with the browser's own raw DEFLATE decoder, so that
// the simulation worker reads rows while this thread inflates (in Chromium, inflating ICE's
// million-row sheet takes some 3.3 s, about as long as reading its rows). It reads the part's
// compressed bytes from the File itself, and posts the inflated bytes in pieces of a megabyte (the
// decoder gives 64 KB pieces, and each message between threads has its cost), each in a buffer of
// its own, transferred, not copied. It posts no more than CREDITS pieces the reader has not taken.

/// <reference lib="webworker" />

import type { InflateRequest, InflateMessage } from './inflate-thread';

const PIECE_BYTES = 1 << 20;
const CREDITS = 8;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let credits = CREDITS;
let wake: (() => void) | undefined;

/** The decoder's pieces joined into pieces of PIECE_BYTES (the last may be shorter). */
function joined(): TransformStream<Uint8Array, Uint8Array> {
  let buffer = new Uint8Array(PIECE_BYTES);
  let used = 0;
  return new TransformStream({
    transform(piece, controller) {
      let at = 0;
      while (at < piece.length) {
        const n = Math.min(piece.length - at, buffer.length - used);
        buffer.set(piece.subarray(at, at + n), used);
        used += n;
        at += n;
        if (used === buffer.length) {
          controller.enqueue(buffer);
          buffer = new Uint8Array(PIECE_BYTES);
          used = 0;
        }
      }
    },
    flush(controller) {
      if (used > 0) controller.enqueue(buffer.slice(0, used));
    },
  });
}

const post = (message: InflateMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

async function inflate(request: InflateRequest): Promise<void> {
  const { file, offset, length } = request;
  try {
    const reader = file
      .slice(offset, offset + length)
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'))
      .pipeThrough(joined())
      .getReader();
    for (;;) {
      while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
      const { done, value } = await reader.read();
      if (done) break;
      credits--;
      post({ kind: 'piece', piece: value }, [value.buffer]);
    }
    post({ kind: 'end' });
  } catch (e) {
    post({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

scope.onmessage = (event: MessageEvent<InflateRequest | { kind: 'taken' }>) => {
  const m = event.data;
  if (m.kind === 'taken') {
    credits++;
    wake?.();
    wake = undefined;
  } else void inflate(m);
};
