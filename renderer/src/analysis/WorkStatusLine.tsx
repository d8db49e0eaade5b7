// The line that says a whole-policy analysis is being worked out (with Cancel), was stopped (with
// "again") or failed. Progress shows only after a moment, so quick runs on every edit don't flicker.

import { useEffect, useState } from 'react';
import type { WorkStatus } from './use-draft-analysis';

const SHOW_PROGRESS_AFTER_MS = 400;

function useLate(status: WorkStatus): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    setLate(false);
    if (status.kind !== 'running') return;
    const timer = setTimeout(() => setLate(true), Math.max(0, status.since + SHOW_PROGRESS_AFTER_MS - performance.now()));
    return () => clearTimeout(timer);
  }, [status]);
  return late && status.kind === 'running';
}

export function WorkStatusLine({
  status,
  what,
  onCancel,
  onAgain,
}: {
  status: WorkStatus;
  /** "the decision table", "the difference". */
  what: string;
  onCancel: () => void;
  onAgain: () => void;
}) {
  const late = useLate(status);
  if (late) {
    return (
      <p className="work-line" role="status">
        <span className="spinner" aria-hidden="true" /> Working out {what}…{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    );
  }
  if (status.kind === 'cancelled') {
    return (
      <p className="work-line" role="status">
        Stopped: {what} shown below, if any, is of an earlier version of the draft.{' '}
        <button type="button" onClick={onAgain}>
          Work it out again
        </button>
      </p>
    );
  }
  if (status.kind === 'error') {
    return (
      <p className="notice error" role="alert">
        Could not work out {what}: {status.message}
      </p>
    );
  }
  return null;
}
