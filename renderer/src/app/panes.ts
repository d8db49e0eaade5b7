// Moving the keyboard between the parts of the window: the toolbar, the editor or form, the problems
// and the view beside them. F6 and Shift+F6 go round them; a view command and the skip links land in
// the pane they name, on its first control, so nobody tabs through the form to reach the case set.

export type Pane = 'toolbar' | 'left' | 'problems' | 'right';

const ORDER: readonly Pane[] = ['toolbar', 'left', 'problems', 'right'];

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function paneElement(pane: Pane): HTMLElement | null {
  if (pane === 'problems') return document.querySelector<HTMLElement>('.problems');
  return document.querySelector<HTMLElement>(`[data-pane="${pane}"]`);
}

function visible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0 && !el.closest('[hidden]');
}

/** Focuses the pane's first control (in the YAML view: the editor itself; in the form: its first field). */
export function focusPane(pane: Pane): void {
  const el = paneElement(pane);
  if (!el) return;
  if (pane === 'left') {
    const editor = el.querySelector<HTMLElement>('.editor-host:not([hidden]) textarea, .editor-host:not([hidden]) .native-edit-context');
    if (editor) {
      editor.focus();
      return;
    }
  }
  // A part of the pane may say where work starts (the form's first field, past "Start from…" and the
  // form's toolbar). Controls taken out of the Tab order (a toolbar's or a tab list's others) are passed.
  const firstIn = (root: Element | null) =>
    root ? [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].find((c) => c.tabIndex >= 0 && visible(c)) : undefined;
  const first = firstIn(el.querySelector('[data-pane-start]')) ?? firstIn(el);
  (first ?? el).focus();
}

/**
 * Runs `act` once `shown()` holds: a view's code loads the first time it is shown, so its controls
 * arrive a few frames after the command that showed it, and focus given before would be lost when
 * the view replaces its placeholder. Given up after five seconds (`act` then runs as things are).
 */
function whenShown(shown: () => boolean, act: () => void, until = performance.now() + 5000): void {
  if (!shown() && performance.now() < until) requestAnimationFrame(() => whenShown(shown, act, until));
  else act();
}

/** Focuses the pane once its view is on screen. */
export function focusPaneWhenShown(pane: Pane): void {
  whenShown(
    () => !paneElement(pane)?.querySelector('.view-loading'),
    () => focusPane(pane),
  );
}

/** Focuses an element of a view (by id) once it is on screen. */
export function focusWhenShown(id: string): void {
  whenShown(
    () => !!document.getElementById(id),
    () => document.getElementById(id)?.focus(),
  );
}

/** The pane the keyboard is in now. */
export function currentPane(): Pane | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return null;
  return ORDER.find((p) => paneElement(p)?.contains(active)) ?? null;
}

/** F6 / Shift+F6: the next or previous pane, round and round. */
export function cyclePane(step: 1 | -1): void {
  const now = currentPane();
  const at = now ? ORDER.indexOf(now) : step === 1 ? -1 : 0;
  const next = ORDER[(at + step + ORDER.length) % ORDER.length]!;
  focusPane(next);
}
