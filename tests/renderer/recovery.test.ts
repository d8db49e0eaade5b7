// When recovery copies of unsaved work are written: after a pause, at least every few seconds while
// typing goes on, at once on a flush (window hidden or closing), never for a saved document.
import { describe, expect, it } from 'vitest';
import type { RecoveryEntry, Result } from '../../host/contract';
import { RecoveryKeeper, type RecoveryTimers } from '../../renderer/src/app/recovery';

/** A clock that moves only when told, with the timers due by then run in order. */
class ManualClock implements RecoveryTimers {
  private t = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; run: () => void }>();
  now = () => this.t;
  setTimeout = (run: () => void, ms: number) => {
    const id = this.next++;
    this.due.set(id, { at: this.t + ms, run });
    return id;
  };
  clearTimeout = (handle: unknown) => void this.due.delete(handle as number);
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      const first = [...this.due.entries()].filter(([, d]) => d.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!first) break;
      this.due.delete(first[0]);
      this.t = first[1].at;
      first[1].run();
      await Promise.resolve();
    }
    this.t = end;
    await new Promise((r) => setTimeout(r, 0));
  }
}

function setup(opts: { dirty?: () => boolean; fail?: boolean; session?: () => RecoveryEntry['session'] } = {}) {
  const clock = new ManualClock();
  let text = 'title: A';
  const written: Array<{ at: number; text: string }> = [];
  const keeper = new RecoveryKeeper({
    timers: clock,
    idleMs: 1000,
    maxWaitMs: 3000,
    snapshot: () =>
      (opts.dirty?.() ?? true)
        ? { docId: 'unsaved-1', name: 'a.ordinance.yaml', text, savedAtMs: clock.now(), session: opts.session?.() }
        : null,
    write: async (entry: RecoveryEntry): Promise<Result<void>> => {
      if (opts.fail) return { ok: false, error: 'disk full' };
      written.push({ at: clock.now(), text: entry.text });
      return { ok: true, value: undefined };
    },
  });
  const type = (s: string) => {
    text += s;
    keeper.changed();
  };
  return { clock, keeper, type, written, text: () => text };
}

describe('recovery copies', () => {
  it('are written once typing pauses', async () => {
    const { clock, type, written } = setup();
    type('b');
    await clock.advance(900);
    expect(written).toEqual([]);
    await clock.advance(200);
    expect(written).toEqual([{ at: 1000, text: 'title: Ab' }]);
  });

  it('never fall more than the maximum wait behind steady typing', async () => {
    const { clock, type, written, text } = setup();
    // Ten seconds of typing, a key every 150 ms: the pause never comes.
    for (let t = 0; t < 10_000; t += 150) {
      type('x');
      await clock.advance(150);
    }
    expect(written.length).toBeGreaterThanOrEqual(3);
    const gaps = written.map((w, i) => w.at - (i ? written[i - 1]!.at : 0));
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(3000);
    // The last copy is at most three seconds of typing behind the text.
    const last = written[written.length - 1]!;
    expect(text().length - last.text.length).toBeLessThanOrEqual(Math.ceil(3000 / 150) + 1);
  });

  it('are written at once on a flush, and not again for the same text', async () => {
    const { clock, keeper, type, written } = setup();
    type('b');
    await keeper.flush();
    expect(written.map((w) => w.text)).toEqual(['title: Ab']);
    await clock.advance(5000);
    expect(written).toHaveLength(1);
    await keeper.flush();
    expect(written).toHaveLength(1);
  });

  it('are not written for a document with nothing unsaved', async () => {
    const { clock, type, written } = setup({ dirty: () => false });
    type('b');
    await clock.advance(5000);
    expect(written).toEqual([]);
  });

  it('stop waiting when the document is saved', async () => {
    const { clock, keeper, type, written } = setup();
    type('b');
    keeper.reset();
    await clock.advance(5000);
    expect(written).toEqual([]);
  });

  it('report a failed write and try again on the next edit', async () => {
    const errors: string[] = [];
    const clock = new ManualClock();
    let ok = false;
    const written: string[] = [];
    const keeper = new RecoveryKeeper({
      timers: clock,
      snapshot: () => ({ docId: 'd', name: 'd', text: 'same text', savedAtMs: 0 }),
      write: async (e) => (ok ? (written.push(e.text), { ok: true, value: undefined }) : { ok: false, error: 'quota exceeded' }),
      onFailed: (e) => errors.push(e),
    });
    keeper.changed();
    await clock.advance(5000);
    expect(errors).toEqual(['quota exceeded']);
    ok = true;
    keeper.changed();
    await clock.advance(5000);
    expect(written).toEqual(['same text']);
  });

  it('are written again when only what goes with the text changed (a column mapping being made), and not when nothing did', async () => {
    let session: RecoveryEntry['session'] = { caseSet: 'file:county.csv' };
    const { clock, keeper, type, written } = setup({ session: () => session });
    type('b');
    await clock.advance(1000);
    expect(written).toHaveLength(1);
    keeper.changed();
    await clock.advance(1000);
    expect(written).toHaveLength(1);
    session = { ...session, mapping: { name: 'county.csv', text: 'columns:\n  BOOKING_NO: id\n' } };
    keeper.changed();
    await clock.advance(1000);
    expect(written).toHaveLength(2);
  });
});
