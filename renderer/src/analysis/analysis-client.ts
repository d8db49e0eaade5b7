// The renderer's side of the analysis worker. Requests coalesce: while the worker is busy only the
// newest text waits, so a burst of keystrokes costs one extra analysis, not one per key.

import AnalysisWorker from './analysis.worker?worker';
import type { AnalysisResponse, AnalyzeRequest } from './protocol';

export class AnalysisClient {
  private readonly worker = new AnalysisWorker();
  private busy = false;
  private waiting: AnalyzeRequest | null = null;

  constructor(onResult: (result: AnalysisResponse) => void) {
    this.worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
      this.busy = false;
      const next = this.waiting;
      this.waiting = null;
      if (next) this.post(next);
      // A result already superseded by waiting text is still shown: it is the newest one there is.
      onResult(event.data);
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.busy = false;
      onResult({ kind: 'analysis-failed', version: -1, error: event.message || 'the analysis worker stopped' });
    };
  }

  private post(request: AnalyzeRequest): void {
    this.busy = true;
    this.worker.postMessage(request);
  }

  analyze(version: number, text: string): void {
    const request: AnalyzeRequest = { kind: 'analyze', version, text };
    if (this.busy) this.waiting = request;
    else this.post(request);
  }

  dispose(): void {
    this.worker.terminate();
  }
}
