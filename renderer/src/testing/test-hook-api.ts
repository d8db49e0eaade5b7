// What the test-only hook (`window.__detainerStudio`) offers end-to-end tests and measurement scripts.
// Types only, shared by the renderer and the Playwright tests.

export interface HookEvent {
  name: string;
  detail: Record<string, unknown>;
  at: number;
}

export interface HookMarker {
  line: number;
  column: number;
  message: string;
  severity: string;
  code: string;
}

export interface DetainerStudioHook {
  /** Replaces the document through the editor model, as one undoable edit; returns the new version. */
  setText(text: string): number;
  getText(): string;
  /** Inserts text at a position through the model, as a keystroke would. */
  insertAt(line: number, column: number, text: string): number;
  version(): number;
  markers(): HookMarker[];
  /** Every marker on the document, whoever set it (the engine should be the only one). */
  allMarkers(): Array<{ owner: string; line: number; message: string }>;
  cursor(): { line: number; column: number };
  /** Shows the YAML editor, puts the cursor there and focuses the editor. */
  setCursor(line: number, column: number): void;
  /** Sends a command as the desktop menu does, e.g. ("file.new", "ordinances/berkeley-2012.ordinance.yaml"). */
  menu(command: string, argument?: string): void;
  undo(): void;
  events(): HookEvent[];
  /** Milliseconds since navigation started, on the page's clock. */
  now(): number;
}

export const HOOK_GLOBAL = '__detainerStudio';
