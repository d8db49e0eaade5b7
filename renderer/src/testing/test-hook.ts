// Installs the test-only hook when the page is opened with `?e2e` (or in a test build): tests drive
// the document through its text (the form's buffer, or Monaco's model once the YAML editor has it),
// never by typing into Monaco, and wait on named app events, never on fixed sleeps.

import type { MenuCommand } from '../../../host/contract';
import type { DocumentText } from '../app/document-buffer';
import type { EditorSession } from '../editor/editor-session';
import { events } from '../lib/app-events';
import { HOOK_GLOBAL, type DetainerStudioHook } from './test-hook-api';

export function hookEnabled(): boolean {
  return import.meta.env.MODE === 'test' || new URLSearchParams(location.search).has('e2e');
}

export interface HookActions {
  /** Shows a line in the YAML editor (switching to it) and puts the cursor there. */
  reveal(line: number, column: number): void;
  /** Runs a command as the desktop menu sends it (with its argument, e.g. a template). */
  menu(command: MenuCommand, argument?: string): void;
}

export function installTestHook(document: DocumentText, yamlEditor: () => EditorSession | null, actions: HookActions): void {
  if (!hookEnabled()) return;
  const editor = () => {
    const s = yamlEditor();
    if (!s) throw new Error('the YAML editor is not open yet');
    return s;
  };
  const hook: DetainerStudioHook = {
    setText(text) {
      document.replaceAll(text);
      return document.version;
    },
    getText: () => document.text,
    insertAt(line, column, text) {
      document.type(line, column, text);
      return document.version;
    },
    version: () => document.version,
    markers: () => editor().markers(),
    allMarkers: () => editor().allMarkers(),
    cursor: () => editor().cursor(),
    setCursor: (line, column) => actions.reveal(line, column),
    menu: (command, argument) => actions.menu(command as MenuCommand, argument),
    undo: () => document.undo(),
    events: () => events().map((e) => ({ ...e, detail: { ...e.detail } })),
    now: () => performance.now(),
  };
  (window as unknown as Record<string, unknown>)[HOOK_GLOBAL] = hook;
}
