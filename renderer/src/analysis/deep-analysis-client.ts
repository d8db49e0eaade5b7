// The renderer's side of the whole-policy analyses (decision table, draft difference, expected decisions): requests as
// promises to a second instance of the analysis worker, so the squiggles never wait behind a table;
// cancel ends that instance (a running analysis can't be interrupted otherwise) and the next request
// starts a fresh one.

import AnalysisWorker from './analysis.worker?worker';
import type { FindingRef } from '../../../engine/index';
import type { DecisionTableDone, DeepRequest, DeepResponse, DiffDone, DraftLoaded, ExpectedDone, FindingExampleDone } from './protocol';

export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

interface Pending {
  resolve: (r: DeepResponse) => void;
  reject: (e: Error) => void;
}

export class DeepAnalysisClient {
  private workerInstance: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** Started on first use: most sessions never open these views. */
  private get worker(): Worker {
    this.workerInstance ??= this.spawn();
    return this.workerInstance;
  }

  private spawn(): Worker {
    const worker = new AnalysisWorker();
    worker.onmessage = (event: MessageEvent<DeepResponse>) => {
      const message = event.data;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.kind === 'deep-failed') waiting.reject(new Error(message.error));
      else waiting.resolve(message);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(`the analysis worker stopped: ${event.message || 'unknown error'}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      // A worker that failed this way may be unusable: the next request gets a new one.
      worker.terminate();
      if (this.workerInstance === worker) this.workerInstance = null;
    };
    return worker;
  }

  private send(request: WithoutId<DeepRequest>): Promise<DeepResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  async decisionTable(request: Omit<Extract<DeepRequest, { kind: 'decision-table' }>, 'id' | 'kind'>): Promise<DecisionTableDone> {
    return (await this.send({ kind: 'decision-table', ...request })) as DecisionTableDone;
  }

  async loadDraft(name: string, text: string): Promise<DraftLoaded> {
    return (await this.send({ kind: 'load-draft', name, text })) as DraftLoaded;
  }

  async diff(request: Omit<Extract<DeepRequest, { kind: 'diff' }>, 'id' | 'kind'>): Promise<DiffDone> {
    return (await this.send({ kind: 'diff', ...request })) as DiffDone;
  }

  /** The draft checked against an expected-decisions file. */
  async expected(request: Omit<Extract<DeepRequest, { kind: 'expected' }>, 'id' | 'kind'>): Promise<ExpectedDone> {
    return (await this.send({ kind: 'expected', ...request })) as ExpectedDone;
  }

  /** The example case of a finding of the text (worked out with the lint's examples, which the keystroke check leaves out). */
  async findingExample(text: string, finding: FindingRef): Promise<FindingExampleDone['example']> {
    const { code, message, path, provision } = finding;
    const done = (await this.send({
      kind: 'finding-example',
      text,
      finding: { code, message, path: [...path], ...(provision !== undefined ? { provision } : {}) },
    })) as FindingExampleDone;
    return done.example;
  }

  /** Stops whatever runs now; every waiting request fails with `AnalysisCancelled`. */
  cancel(): void {
    this.workerInstance?.terminate();
    this.workerInstance = null;
    const cancelled = new AnalysisCancelled();
    for (const p of this.pending.values()) p.reject(cancelled);
    this.pending.clear();
  }

  dispose(): void {
    this.cancel();
  }
}
