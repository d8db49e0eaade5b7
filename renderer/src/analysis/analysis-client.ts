// The renderer's side of the analysis worker. Requests coalesce: while the worker is busy only the
// newest text waits, so a burst of keystrokes costs one extra analysis, not one per key.

import AnalysisWorker from './analysis.worker?worker';
import type { QuickFix, TextEdit, CheckedDiagnostic } from '../../../engine/index';
import type { AnalysisResponse, AnalysisWorkerMessage, AnalyzeRequest, FixRequest } from './protocol';

/** A request before it gets its id (distributed over the union). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface AnalysisClientOptions {
  /**
   * 'now' starts the worker at once; 'after-paint' once the window has painted the next frame (the
   * first paint of the editable document is not kept waiting by the worker's script and the engine's
   * first check). Requests made before then wait, the newest text only.
   */
  start?: 'now' | 'after-paint';
}

export class AnalysisClient {
  private worker: Worker | null = null;
  private disposed = false;
  private busy = false;
  private waiting: AnalyzeRequest | null = null;
  private nextId = 1;
  private readonly fixes = new Map<number, { resolve: (e: TextEdit) => void; reject: (e: Error) => void }>();
  /** Fix and silence requests made before the worker started. */
  private readonly early: FixRequest[] = [];

  constructor(
    private readonly onResult: (result: AnalysisResponse) => void,
    options: AnalysisClientOptions = {},
  ) {
    if (options.start === 'after-paint') {
      // A frame, then a task after it: the frame that shows the editor is painted first.
      requestAnimationFrame(() => setTimeout(() => this.start(), 0));
      this.busy = true;
    } else this.start();
  }

  /** Whether the worker has been started. */
  get started(): boolean {
    return this.worker !== null;
  }

  private start(): void {
    if (this.worker || this.disposed) return;
    const worker = new AnalysisWorker();
    this.worker = worker;
    const onResult = this.onResult;
    worker.onmessage = (event: MessageEvent<AnalysisWorkerMessage>) => {
      const message = event.data;
      if (message.kind === 'fix-edit' || message.kind === 'fix-failed') {
        const waiting = this.fixes.get(message.id);
        this.fixes.delete(message.id);
        if (message.kind === 'fix-edit') waiting?.resolve(message.edit);
        else waiting?.reject(new Error(message.error));
        return;
      }
      // The whole-policy analyses answer their own client (another instance of this worker).
      if (message.kind !== 'analysis' && message.kind !== 'analysis-failed') return;
      this.busy = false;
      const next = this.waiting;
      this.waiting = null;
      if (next) this.post(next);
      // A result already superseded by waiting text is still shown: it is the newest one there is.
      onResult(message);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.busy = false;
      onResult({ kind: 'analysis-failed', version: -1, error: event.message || 'the analysis worker stopped' });
    };
    this.busy = false;
    const first = this.waiting;
    this.waiting = null;
    if (first) this.post(first);
    for (const message of this.early.splice(0)) worker.postMessage(message);
  }

  private post(request: AnalyzeRequest): void {
    this.busy = true;
    this.worker!.postMessage(request);
  }

  analyze(version: number, text: string): void {
    const request: AnalyzeRequest = { kind: 'analyze', version, text };
    if (this.busy) this.waiting = request;
    else this.post(request);
  }

  private edit(request: WithoutId<FixRequest>): Promise<TextEdit> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.fixes.set(id, { resolve, reject });
      const message = { ...request, id } as FixRequest;
      if (this.worker) this.worker.postMessage(message);
      else this.early.push(message);
    });
  }

  /** The text edit that applies a quick fix to this text. */
  fixEdit(text: string, fix: QuickFix): Promise<TextEdit> {
    return this.edit({ kind: 'fix', text, fix });
  }

  /** The text edit that silences a finding, with the drafters' reason, by a `lint-ignore` comment. */
  silenceEdit(text: string, diagnostic: CheckedDiagnostic, reason: string): Promise<TextEdit> {
    return this.edit({ kind: 'silence', text, diagnostic, reason });
  }

  dispose(): void {
    this.disposed = true;
    this.worker?.terminate();
  }
}
