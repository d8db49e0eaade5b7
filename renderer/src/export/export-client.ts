// The Export dialog's side of the export worker: requests as promises, the case set sent once and
// then referred to, and cancel by ending the worker (a running export can't be interrupted otherwise).

import ExportWorker from './export.worker?worker';
import type { CaseSource } from '../simulation/protocol';
import type { Built, BuildRequest, DraftRead, ExportWorkerRequest, ExportWorkerResponse, PdfFinished } from './protocol';

export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled');
  }
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export type BuildOptions = Omit<BuildRequest, 'id' | 'kind' | 'cases'> & { cases: CaseSource | null };

const sourceKeys = new WeakMap<CaseSource, string>();
let keyCount = 0;

function keyOf(source: CaseSource): string {
  let key = sourceKeys.get(source);
  if (!key) {
    key = `cases-${++keyCount}`;
    sourceKeys.set(source, key);
  }
  return key;
}

export class ExportClient {
  private workerInstance: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: ExportWorkerResponse) => void; reject: (e: Error) => void }>();
  /** The case set the worker holds, by key. */
  private heldKey: string | null = null;

  /** Started on the first export: the worker carries the exporters and the Word library. */
  private get worker(): Worker {
    this.workerInstance ??= this.spawn();
    return this.workerInstance;
  }

  private spawn(): Worker {
    const worker = new ExportWorker();
    worker.onmessage = (event: MessageEvent<ExportWorkerResponse>) => {
      const message = event.data;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.kind === 'failed') waiting.reject(new Error(message.error));
      else waiting.resolve(message);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(`the export worker stopped: ${event.message || 'unknown error'}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      this.heldKey = null;
    };
    return worker;
  }

  private send(request: WithoutId<ExportWorkerRequest>): Promise<ExportWorkerResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  async build(options: BuildOptions): Promise<Built> {
    const { cases, ...rest } = options;
    let sent: BuildRequest['cases'] = { kind: 'none' };
    if (cases) {
      const key = keyOf(cases);
      sent = this.heldKey === key ? { kind: 'kept', key } : { kind: 'source', key, source: cases };
      this.heldKey = key;
    }
    try {
      return (await this.send({ kind: 'build', ...rest, cases: sent })) as Built;
    } catch (e) {
      // A failed read leaves the worker without the set: send it again next time.
      if (sent.kind === 'source') this.heldKey = null;
      throw e;
    }
  }

  async readDraft(name: string, text: string): Promise<DraftRead> {
    return (await this.send({ kind: 'read-draft', name, text })) as DraftRead;
  }

  /** A PDF the host printed, with its dates made the document's own (the engine's `finishPdf`). */
  async finishPdf(pdf: Uint8Array, documentDate: string | undefined): Promise<Uint8Array> {
    const done = (await this.send({ kind: 'finish-pdf', pdf, ...(documentDate !== undefined ? { documentDate } : {}) })) as PdfFinished;
    return done.pdf;
  }

  /** Stops whatever is being built; the next request starts a fresh worker. */
  cancel(): void {
    if (!this.workerInstance) return;
    this.workerInstance.terminate();
    this.workerInstance = null;
    this.heldKey = null;
    const cancelled = new ExportCancelled();
    for (const p of this.pending.values()) p.reject(cancelled);
    this.pending.clear();
  }

  dispose(): void {
    this.workerInstance?.terminate();
    this.workerInstance = null;
    this.pending.clear();
    this.heldKey = null;
  }
}
