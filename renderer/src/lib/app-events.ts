// A log of named app events (document opened, analysis applied, simulation shown, ...). End-to-end
// tests wait on these instead of sleeping; the budget measurements read their times.

export interface AppEvent {
  name: string;
  detail: Record<string, unknown>;
  /** performance.now() when it happened. */
  at: number;
}

const MAX_EVENTS = 2000;
const log: AppEvent[] = [];
const listeners = new Set<(e: AppEvent) => void>();

export function emit(name: string, detail: Record<string, unknown> = {}): void {
  const event = { name, detail, at: performance.now() };
  log.push(event);
  if (log.length > MAX_EVENTS) log.splice(0, log.length - MAX_EVENTS);
  for (const l of listeners) l(event);
}

export function events(): readonly AppEvent[] {
  return log;
}

export function onEvent(listener: (e: AppEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
