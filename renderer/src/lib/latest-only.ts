// Runs an asynchronous job one at a time; asked again while it runs, it runs once more afterwards,
// on whatever is newest then. A burst of edits costs one extra run, not one per keystroke (the
// pattern the simulation uses for live case sets).

export class LatestOnly {
  private running = false;
  private again = false;

  /** The job reads the newest inputs itself when it starts; its failures are its own to report. */
  constructor(private readonly job: () => Promise<void>) {}

  get busy(): boolean {
    return this.running;
  }

  /** Forgets a run asked for while one was going (after a cancel: the person asked for none). */
  dropPending(): void {
    this.again = false;
  }

  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.again = false;
    void this.job()
      .catch(() => undefined)
      .then(() => {
        this.running = false;
        if (this.again) this.request();
      });
  }
}
