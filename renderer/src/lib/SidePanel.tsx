// A panel beside the view that opened it (a case's explanation, a decision-table row): it stays in
// sight however far the table is scrolled, takes the keyboard when it opens, and gives it back to
// where it came from when closed (its Close button or Esc).

import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** Where side panels go: beside the view's pane, outside its scrolling body (App renders it). */
export const SIDE_PANEL_HOST = 'side-panel-host';

/** A window in which a side panel opens over the text (outline, form or YAML), not over the table: app.css's query. */
export const PANEL_OVER_THE_TEXT = '(max-width: 1279px)';

/**
 * A panel's "show it in the text" action: where the panel opens over the text, it is closed first, so
 * that what is shown is in sight and not under the panel.
 */
export function showingTheText<T>(show: (x: T) => void, close: () => void): (x: T) => void {
  return (x) => {
    if (window.matchMedia(PANEL_OVER_THE_TEXT).matches) close();
    show(x);
  };
}

export function SidePanel({
  label,
  title,
  openKey,
  onClose,
  closeLabel,
  children,
}: {
  /** The panel's accessible name, e.g. "Explanation of case B-0001". */
  label: string;
  title: ReactNode;
  /** Changes when the panel shows something else (another case): focus comes to it again. */
  openKey: string | number;
  onClose: () => void;
  closeLabel: string;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  const [host, setHost] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => setHost(document.getElementById(SIDE_PANEL_HOST)), []);

  useEffect(() => {
    if (!host) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && !host.contains(active)) cameFrom.current = active;
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, [host, openKey]);

  const close = () => {
    const back = cameFrom.current;
    onClose();
    if (back?.isConnected) back.focus();
  };

  const panel = (
    <aside
      className="side-panel explanation"
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
    >
      <div className="explanation-head">
        <h2 ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" onClick={close} aria-label={closeLabel}>
          Close
        </button>
      </div>
      {children}
    </aside>
  );
  return host ? createPortal(panel, host) : null;
}
