// Decides what closing the window does when there is unsaved work: ask first; "Save" asks the page
// to save and closes once it reports the document clean; "Don't Save" closes; "Cancel" stays.

export type CloseChoice = 'save' | 'discard' | 'cancel';

/** What the window should do now. */
export type CloseAction = { kind: 'close'; discarded: boolean } | { kind: 'ask' } | { kind: 'save-then-close' } | { kind: 'stay' };

export class CloseGuard {
  private dirty = false;
  private closingAfterSave = false;
  private closeApproved = false;
  private discarded = false;

  get isDirty(): boolean {
    return this.dirty;
  }

  /** The window is about to close (close button, Quit, Ctrl+W on the window). */
  onCloseRequested(): CloseAction {
    if (this.closeApproved || !this.dirty) return { kind: 'close', discarded: this.discarded };
    return { kind: 'ask' };
  }

  /** The person answered the "unsaved changes" question. */
  onAnswer(choice: CloseChoice): CloseAction {
    if (choice === 'cancel') {
      this.closingAfterSave = false;
      return { kind: 'stay' };
    }
    if (choice === 'discard') {
      this.closeApproved = true;
      this.discarded = true;
      return { kind: 'close', discarded: true };
    }
    this.closingAfterSave = true;
    return { kind: 'save-then-close' };
  }

  /**
   * The page reported its document clean or dirty. After "Save", a clean report means the save
   * went through, so the window closes; if the person edits again instead, the close is forgotten.
   */
  onDirtyChanged(dirty: boolean): CloseAction {
    this.dirty = dirty;
    if (dirty) {
      this.closingAfterSave = false;
      return { kind: 'stay' };
    }
    if (this.closingAfterSave) {
      this.closingAfterSave = false;
      this.closeApproved = true;
      return { kind: 'close', discarded: false };
    }
    return { kind: 'stay' };
  }

  /** The page reloaded or crashed: whatever it said about unsaved work no longer holds. */
  reset(): void {
    this.dirty = false;
    this.closingAfterSave = false;
    this.closeApproved = false;
    this.discarded = false;
  }
}
