// A panel beside the view that opened it (a case's explanation, a decision-table row): it stays in
// sight however far the table is scrolled, takes the keyboard when it opens, and gives it back to
// where it came from when closed (its Close button or Esc).

import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** Where side panels go: beside the view's pane, outside its scrolling body (App renders it). */
export const SIDE_PANEL_HOST = 'side-panel-host';

/**
 * The narrowest view pane in which a side panel (520 pixels at most) opens beside the table: the table
 * keeps about 480 pixels, its case, outcome, deciding provision and reason. In a narrower pane (a
 * window of 1024, 1280 or 1920 pixels with the panes as they open) the panel would hide all but the
 * table's first two columns, so it opens over the text's side instead (the outline and the form or
 * YAML), and the table stays whole in sight. Said by the pane's width, not the window's: a pane
 * dragged wider has the panel beside the table again.
 */
export const PANE_WIDTH_FOR_PANEL_BESIDE = 1000;

/** Where the side panels open now: over the text, or beside the table (the host's data-place, read by app.css). */
export type PanelPlace = 'over-text' | 'beside';

function placeFor(host: HTMLElement): PanelPlace {
  const pane = host.parentElement;
  return pane && pane.getBoundingClientRect().width < PANE_WIDTH_FOR_PANEL_BESIDE ? 'over-text' : 'beside';
}

/** Whether a side panel opens over the text now (the view's pane too narrow for it beside the table). */
export function panelOverTheText(): boolean {
  const host = document.getElementById(SIDE_PANEL_HOST);
  return !!host && placeFor(host) === 'over-text';
}

/**
 * A panel's "show it in the text" action: where the panel opens over the text, it is closed first, so
 * that what is shown is in sight and not under the panel.
 */
export function showingTheText<T>(show: (x: T) => void, close: () => void): (x: T) => void {
  return (x) => {
    if (panelOverTheText()) close();
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

  // The panel's place follows the pane's width (a window resized, the splitter dragged), set before it is drawn.
  useLayoutEffect(() => {
    if (!host) return;
    const place = () => {
      const p = placeFor(host);
      if (host.dataset.place !== p) host.dataset.place = p;
    };
    place();
    const pane = host.parentElement;
    if (!pane || typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(place);
    watch.observe(pane);
    return () => watch.disconnect();
  }, [host]);

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
