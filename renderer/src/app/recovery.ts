// When the recovery copy of unsaved work is written: shortly after typing pauses, but never more than
// a few seconds behind while typing goes on, and at once when the window is hidden or closed, so a
// crash or a killed browser loses at most the last few seconds of typing. Plain TypeScript: the
// timers are passed in, so the rules are tested in Node.

import type { RecoveryEntry, Result } from '../../../host/contract';

export interface RecoveryTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const BROWSER_TIMERS: RecoveryTimers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface RecoveryOptions {
  /** The copy as it should be written now, or null when there is nothing unsaved to keep. */
  snapshot(): RecoveryEntry | null;
  write(entry: RecoveryEntry): Promise<Result<void>>;
  /** A copy was written, and why then. */
  onWritten?(entry: RecoveryEntry, reason: RecoveryReason): void;
  onFailed?(error: string): void;
  /** Quiet time after the last edit before a copy is written. */
  idleMs?: number;
  /** Longest time an edit waits for its copy while typing goes on. */
  maxWaitMs?: number;
  timers?: RecoveryTimers;
}

/** Why a copy was written: typing paused, typing went on too long, the window was hidden or is closing. */
export type RecoveryReason = 'idle' | 'max-wait' | 'hidden' | 'closing';

export const RECOVERY_IDLE_MS = 1000;
export const RECOVERY_MAX_WAIT_MS = 3000;

export class RecoveryKeeper {
  private readonly idleMs: number;
  private readonly maxWaitMs: number;
  private readonly timers: RecoveryTimers;
  private timer: unknown = null;
  /** When the oldest edit not yet in a copy was made; null when every edit is kept. */
  private pendingSince: number | null = null;
  /** The last text written, so an unchanged document is not written again. */
  private lastWritten: string | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: RecoveryOptions) {
    this.idleMs = options.idleMs ?? RECOVERY_IDLE_MS;
    this.maxWaitMs = options.maxWaitMs ?? RECOVERY_MAX_WAIT_MS;
    this.timers = options.timers ?? BROWSER_TIMERS;
  }

  /** The document changed: a copy follows after a pause, or when the oldest unkept edit gets too old. */
  changed(): void {
    const now = this.timers.now();
    if (this.pendingSince === null) this.pendingSince = now;
    const idle = now + this.idleMs;
    const latest = this.pendingSince + this.maxWaitMs;
    this.schedule(Math.max(0, Math.min(idle, latest) - now), idle <= latest ? 'idle' : 'max-wait');
  }

  /** Writes a copy now if an edit is waiting for one (the window is being hidden or closed). */
  flush(reason: RecoveryReason = 'closing'): Promise<void> {
    if (this.pendingSince === null) return this.writing;
    return this.writeNow(reason);
  }

  /** The document was saved, closed or replaced: nothing waits for a copy any more. */
  reset(): void {
    this.cancelTimer();
    this.pendingSince = null;
    this.lastWritten = null;
  }

  dispose(): void {
    this.cancelTimer();
    this.pendingSince = null;
  }

  private schedule(ms: number, reason: RecoveryReason): void {
    this.cancelTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.writeNow(reason);
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private writeNow(reason: RecoveryReason): Promise<void> {
    this.cancelTimer();
    this.pendingSince = null;
    const entry = this.options.snapshot();
    // A copy is written when the text or what goes with it (the case set, scenario, column mapping...) changed.
    const kept = entry ? `${JSON.stringify(entry.session ?? null)}\n${entry.text}` : null;
    if (!entry || kept === this.lastWritten) return this.writing;
    this.lastWritten = kept;
    // Copies are written one after another, so an older one never lands after a newer one.
    this.writing = this.writing.then(async () => {
      const result = await this.options.write(entry).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
      if (result.ok) this.options.onWritten?.(entry, reason);
      else {
        if (this.lastWritten === kept) this.lastWritten = null;
        this.options.onFailed?.(result.error);
      }
    });
    return this.writing;
  }
}
