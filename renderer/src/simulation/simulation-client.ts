// The renderer's side of the simulation worker: requests as promises, progress callbacks, and cancel
// by ending the worker (a running simulation can't be interrupted otherwise) and starting a fresh one
// with the same case set.

import SimulationWorker from './simulation.worker?worker';
import type { CaseChoice } from '../../../engine/index';
import { SimulationCancelled } from './simulation-session';
import { CaseFileRefused } from './case-load';
import type {
  CaseExplained,
  CaseSource,
  CasesLoaded,
  DecidingConvictionsFound,
  SimulationDone,
  SimulationRequest,
  SimulationResponse,
} from './protocol';

export { SimulationCancelled };

interface Pending {
  resolve: (r: SimulationResponse) => void;
  reject: (e: Error) => void;
  onProgress?: (done: number, total: number) => void;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export class SimulationClient {
  private workerInstance: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private source: CaseSource | null = null;
  /** The file's source with the facility and period chosen; null: the whole set. */
  private chosen: CaseSource | null = null;
  /** Set while the replacement worker reads the case set again after a cancel. */
  reloading: Promise<CasesLoaded> | null = null;

  /** Started on first use, so opening the app doesn't pay for a worker it may not need. */
  private get worker(): Worker {
    this.workerInstance ??= this.spawn();
    return this.workerInstance;
  }

  private spawn(): Worker {
    const worker = new SimulationWorker();
    worker.onmessage = (event: MessageEvent<SimulationResponse>) => {
      const message = event.data;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      if (message.kind === 'progress') {
        waiting.onProgress?.(message.done, message.total);
        return;
      }
      this.pending.delete(message.id);
      if (message.kind === 'failed')
        waiting.reject(message.mendRowItems ? new CaseFileRefused(message.error, true) : new Error(message.error));
      else waiting.resolve(message);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(`the simulation worker stopped: ${event.message || 'unknown error'}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    return worker;
  }

  private send(request: WithoutId<SimulationRequest>, onProgress?: Pending['onProgress']): Promise<SimulationResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ ...request, id });
    });
  }

  /** The case set asked for last, narrowed to the facility and period chosen (read again after a cancel; the Export dialog reads it too). */
  get caseSource(): CaseSource | null {
    return this.chosen ?? this.source;
  }

  get running(): boolean {
    return this.pending.size > 0;
  }

  async loadCases(source: CaseSource, onProgress?: (done: number, total: number) => void): Promise<CasesLoaded> {
    // A file the worker refuses leaves the set it holds, and the source it was read from.
    const loaded = (await this.send({ kind: 'load-cases', source }, onProgress)) as CasesLoaded;
    this.source = source;
    this.chosen = null;
    return loaded;
  }

  /** Narrows the loaded cases to one facility and period (nulls: all of them). */
  async chooseCases(choice: CaseChoice): Promise<CasesLoaded> {
    if (this.reloading) await this.reloading;
    const loaded = (await this.send({ kind: 'select-cases', choice })) as CasesLoaded;
    const c = loaded.choice;
    const s = this.source;
    // One object per choice: the Export dialog keeps the cases it read by the source's identity.
    this.chosen = s && s.kind !== 'synthetic' && (c.facility !== null || c.from !== null || c.to !== null) ? { ...s, choice: c } : null;
    return loaded;
  }

  async simulate(
    request: Omit<Extract<SimulationRequest, { kind: 'simulate' }>, 'id' | 'kind'>,
    onProgress?: (done: number, total: number) => void,
  ): Promise<SimulationDone> {
    if (this.reloading) await this.reloading;
    return (await this.send({ kind: 'simulate', ...request }, onProgress)) as SimulationDone;
  }

  async explain(request: Omit<Extract<SimulationRequest, { kind: 'explain' }>, 'id' | 'kind'>): Promise<CaseExplained> {
    if (this.reloading) await this.reloading;
    return (await this.send({ kind: 'explain', ...request })) as CaseExplained;
  }

  /** Which convictions decided these cases in the run named (null found: that run is gone). */
  async decidingConvictions(request: { run: string; indexes: number[] }): Promise<DecidingConvictionsFound> {
    if (this.reloading) await this.reloading;
    return (await this.send({ kind: 'deciding', ...request })) as DecidingConvictionsFound;
  }

  /** Stops whatever runs now; the case set is read again in a fresh worker. */
  cancel(): Promise<CasesLoaded> | null {
    this.workerInstance?.terminate();
    const cancelled = new SimulationCancelled();
    for (const p of this.pending.values()) p.reject(cancelled);
    this.pending.clear();
    this.workerInstance = this.spawn();
    if (!this.source) return null;
    // Read again as it was: with the facility and period chosen, if any.
    const reload = this.send({ kind: 'load-cases', source: this.caseSource! }) as Promise<CasesLoaded>;
    this.reloading = reload;
    void reload.finally(() => {
      if (this.reloading === reload) this.reloading = null;
    });
    return reload;
  }

  dispose(): void {
    this.workerInstance?.terminate();
    this.workerInstance = null;
    this.pending.clear();
  }
}
