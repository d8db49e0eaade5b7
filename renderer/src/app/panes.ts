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

/** Focuses the pane's first control (in the YAML view: the editor itself). */
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
  const first = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].find(visible);
  (first ?? el).focus();
}

/**
 * Focuses the pane once its view is on screen: a view's code loads the first time it is shown, and
 * the keyboard put into the pane before would be lost when the view replaces its placeholder (given
 * up after five seconds).
 */
export function focusPaneWhenShown(pane: Pane, until = performance.now() + 5000): void {
  const loading = paneElement(pane)?.querySelector('.view-loading');
  if (loading && performance.now() < until) requestAnimationFrame(() => focusPaneWhenShown(pane, until));
  else focusPane(pane);
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
