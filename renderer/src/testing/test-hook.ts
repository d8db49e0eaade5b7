// Installs the test-only hook when the page is opened with `?e2e` (or in a test build): tests drive
// Monaco through its model, never by typing, and wait on named app events, never on fixed sleeps.

import type { MenuCommand } from '../../../host/contract';
import type { EditorSession } from '../editor/editor-session';
import { events } from '../lib/app-events';
import { monaco } from '../editor/monaco';
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

export function installTestHook(session: () => EditorSession | null, actions: HookActions): void {
  if (!hookEnabled()) return;
  const need = () => {
    const s = session();
    if (!s) throw new Error('the editor is not ready yet');
    return s;
  };
  const hook: DetainerStudioHook = {
    setText(text) {
      const s = need();
      s.replaceAll(text);
      return s.version;
    },
    getText: () => need().text,
    insertAt(line, column, text) {
      const s = need();
      s.editor.executeEdits('test', [{ range: new monaco.Range(line, column, line, column), text }]);
      return s.version;
    },
    version: () => need().version,
    markers: () => need().markers(),
    allMarkers: () =>
      monaco.editor
        .getModelMarkers({ resource: need().editor.getModel()!.uri })
        .map((m) => ({ owner: m.owner, line: m.startLineNumber, message: m.message })),
    cursor: () => need().cursor(),
    setCursor: (line, column) => {
      need();
      actions.reveal(line, column);
    },
    menu: (command, argument) => actions.menu(command as MenuCommand, argument),
    undo: () => need().undo(),
    events: () => events().map((e) => ({ ...e, detail: { ...e.detail } })),
    now: () => performance.now(),
  };
  (window as unknown as Record<string, unknown>)[HOOK_GLOBAL] = hook;
}
