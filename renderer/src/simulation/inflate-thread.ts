// The simulation worker's decoder for a workbook's parts: the browser's own (DecompressionStream) in a
// worker of its own, which reads the part from the File itself, so that inflating and reading rows run
// at the same time (ICE's million-row workbook in the built app: 6.6-6.9 s with the decoder in the
// simulation worker, 5.4-5.7 s with it beside; see inflate.worker.ts).

import type { InflateStream } from '../../../engine/index';
import InflateWorker from './inflate.worker?worker';
import { browserInflateStream } from './workbook-file';

/** Parts smaller than this (compressed) inflate in the simulation worker itself. */
const THREAD_FROM_BYTES = 4 << 20;

/** What the simulation worker asks of the inflating worker. */
export interface InflateRequest {
  kind: 'inflate';
  file: Blob;
  offset: number;
  length: number;
}

/** What the inflating worker answers: pieces, then the end, or an error. */
export type InflateMessage = { kind: 'piece'; piece: Uint8Array } | { kind: 'end' } | { kind: 'error'; message: string };

/**
 * A decoder that inflates each part of `file` in a worker of its own where the browser can start one;
 * else the browser's decoder in this thread, or none.
 */
export function threadedInflateStream(file: Blob): InflateStream | undefined {
  const here = browserInflateStream();
  if (!here || typeof Worker !== 'function') return here;
  return (compressed, part) => {
    // A small part (the workbook's list of sheets, most string tables) inflates here: a worker takes
    // longer to start than such a part takes to inflate.
    if (part.length < THREAD_FROM_BYTES) return here(compressed, part);
    // The worker reads the part itself: the bytes this thread would read are not needed.
    void compressed.cancel().catch(() => undefined);
    const worker = new InflateWorker();
    const arrived: InflateMessage[] = [];
    let waiting: (() => void) | undefined;
    const wakeUp = () => {
      waiting?.();
      waiting = undefined;
    };
    worker.onmessage = (event: MessageEvent<InflateMessage>) => {
      arrived.push(event.data);
      wakeUp();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      arrived.push({ kind: 'error', message: event.message || 'the inflating worker stopped' });
      wakeUp();
    };
    const request: InflateRequest = { kind: 'inflate', file, offset: part.offset, length: part.length };
    worker.postMessage(request);
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        while (arrived.length === 0) await new Promise<void>((resolve) => (waiting = resolve));
        const m = arrived.shift()!;
        if (m.kind === 'piece') {
          worker.postMessage({ kind: 'taken' });
          controller.enqueue(m.piece);
        } else {
          worker.terminate();
          if (m.kind === 'end') controller.close();
          else controller.error(new Error(m.message));
        }
      },
      cancel() {
        worker.terminate();
      },
    });
  };
}
