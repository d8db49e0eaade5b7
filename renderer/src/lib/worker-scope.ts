// A typed view of a dedicated worker's global scope (the renderer compiles against the DOM library,
// whose `self` is a window).

export interface WorkerScope<In, Out> {
  onmessage: ((event: MessageEvent<In>) => void) | null;
  postMessage(message: Out, options?: { transfer?: Transferable[] }): void;
}

export function workerScope<In, Out>(): WorkerScope<In, Out> {
  return self as unknown as WorkerScope<In, Out>;
}
