// A row of controls marked role="toolbar" as the WAI-ARIA toolbar pattern has it: one Tab stop for the
// whole row (the control last used), arrow keys, Home and End to move along it. Tab then passes a
// toolbar of a dozen buttons in one step, and every button stays reachable from the keyboard.

import { useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';

const CONTROLS = 'button:not([disabled]), select:not([disabled]), input:not([disabled]):not([type="hidden"]), a[href]';

function controls(toolbar: HTMLElement): HTMLElement[] {
  return [...toolbar.querySelectorAll<HTMLElement>(CONTROLS)].filter((el) => el.getClientRects().length > 0);
}

/** Makes `stop` the toolbar's only control in the Tab order. */
function setStop(toolbar: HTMLElement, stop: HTMLElement | undefined): void {
  for (const el of controls(toolbar)) el.tabIndex = el === stop ? 0 : -1;
}

/** The toolbar's props (`ref`, `onFocus`, `onKeyDown`), to spread on the element marked role="toolbar". */
export function useRovingToolbar<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  // After every render: a control may have come (a Recent list) or gone; the stop stays where it was,
  // or moves to the first control when its own is gone. Controls React adds carry no tabindex yet.
  useLayoutEffect(() => {
    const toolbar = ref.current;
    if (!toolbar) return;
    const list = controls(toolbar);
    setStop(toolbar, list.find((el) => el.getAttribute('tabindex') === '0') ?? list[0]);
  });
  const onFocus = (e: FocusEvent<T>) => {
    // Clicked or reached by arrow key: Tab comes back to this control next time.
    if (ref.current && e.target !== ref.current && e.target instanceof HTMLElement) setStop(ref.current, e.target);
  };
  const onKeyDown = (e: KeyboardEvent<T>) => {
    const toolbar = ref.current;
    if (!toolbar || e.altKey || e.ctrlKey || e.metaKey) return;
    // A text box keeps its arrow keys for its caret.
    if (e.target instanceof HTMLInputElement && !['button', 'checkbox', 'radio'].includes(e.target.type)) return;
    const list = controls(toolbar);
    const at = list.indexOf(e.target as HTMLElement);
    if (at < 0) return;
    const next =
      e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? list.length - 1 : null;
    if (next === null) return;
    // Also keeps a list box from changing its choice (choosing a sample opens it) on Left and Right.
    e.preventDefault();
    const target = list[(next + list.length) % list.length]!;
    setStop(toolbar, target);
    target.focus();
  };
  return { ref, onFocus, onKeyDown };
}
