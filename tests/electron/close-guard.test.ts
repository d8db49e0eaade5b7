// Closing with unsaved work asks first; "Save" closes only once the page reports the document saved.

import { describe, expect, it } from 'vitest';
import { CloseGuard } from '../../electron/close-guard';

describe('closing the window', () => {
  it('closes at once when nothing is unsaved', () => {
    const guard = new CloseGuard();
    expect(guard.onCloseRequested()).toEqual({ kind: 'close', discarded: false });
    guard.onDirtyChanged(true);
    guard.onDirtyChanged(false);
    expect(guard.onCloseRequested()).toEqual({ kind: 'close', discarded: false });
  });

  it('asks when there is unsaved work, and Cancel keeps the window', () => {
    const guard = new CloseGuard();
    guard.onDirtyChanged(true);
    expect(guard.onCloseRequested()).toEqual({ kind: 'ask' });
    expect(guard.onAnswer('cancel')).toEqual({ kind: 'stay' });
    expect(guard.onCloseRequested()).toEqual({ kind: 'ask' });
  });

  it("Don't Save closes and says the work was discarded", () => {
    const guard = new CloseGuard();
    guard.onDirtyChanged(true);
    guard.onCloseRequested();
    expect(guard.onAnswer('discard')).toEqual({ kind: 'close', discarded: true });
    // the close that follows is not asked again
    expect(guard.onCloseRequested()).toEqual({ kind: 'close', discarded: true });
  });

  it('Save asks the page to save and closes when it reports the document clean', () => {
    const guard = new CloseGuard();
    guard.onDirtyChanged(true);
    guard.onCloseRequested();
    expect(guard.onAnswer('save')).toEqual({ kind: 'save-then-close' });
    expect(guard.onDirtyChanged(false)).toEqual({ kind: 'close', discarded: false });
    expect(guard.onCloseRequested()).toEqual({ kind: 'close', discarded: false });
  });

  it('a failed or cancelled save keeps the window, and editing again forgets the close', () => {
    const guard = new CloseGuard();
    guard.onDirtyChanged(true);
    guard.onCloseRequested();
    guard.onAnswer('save');
    // the save dialog was cancelled: the page stays dirty and says so again
    expect(guard.onDirtyChanged(true)).toEqual({ kind: 'stay' });
    // a later save does not close the window by surprise
    expect(guard.onDirtyChanged(false)).toEqual({ kind: 'stay' });
    guard.onDirtyChanged(true);
    expect(guard.onCloseRequested()).toEqual({ kind: 'ask' });
  });

  it('forgets what a crashed page said', () => {
    const guard = new CloseGuard();
    guard.onDirtyChanged(true);
    guard.reset();
    expect(guard.isDirty).toBe(false);
    expect(guard.onCloseRequested()).toEqual({ kind: 'close', discarded: false });
  });
});
