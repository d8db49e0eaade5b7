// What the Help dialog's keyboard page lists: every command with the keys of the host in use (from the
// command table), then the keys that work inside the YAML editor and the views.

import { COMMAND_IDS, COMMANDS, keyLabel, keysOf, type HostKind } from '../../../host/commands';

export interface KeyboardLine {
  label: string;
  does: string;
  keys: string[];
}

/** Keys the editor and views answer to themselves (not commands of the menu). */
export const IN_PLACE_KEYS: readonly KeyboardLine[] = [
  {
    label: 'Leave the YAML editor',
    does: 'Tab types an indent there; press Ctrl+M first and Tab moves on, or press F6',
    keys: ['Ctrl+M', 'F6'],
  },
  { label: 'Next problem', does: 'in the YAML editor, go to the next error or warning and read it', keys: ['F8'] },
  { label: 'Quick fix', does: 'in the YAML editor, the fixes the engine offers for the problem under the cursor', keys: ['Ctrl+.'] },
  { label: 'Go to a key', does: 'in the YAML editor, jump to any key of the document', keys: ['Ctrl+Shift+O'] },
  { label: 'Accessibility help', does: "the YAML editor's own keyboard help", keys: ['Alt+F1'] },
  { label: 'Move between tabs', does: 'in a row of tabs', keys: ['Left', 'Right', 'Home', 'End'] },
  { label: 'Explain a case', does: 'in a table of cases or decisions, after moving with the arrows', keys: ['Enter'] },
  { label: 'Close a dialog or panel', does: 'the focus goes back where it was', keys: ['Esc'] },
];

export function keyboardHelp(host: HostKind, platform: string): KeyboardLine[] {
  return COMMAND_IDS.flatMap((command) => {
    const keys = keysOf(command, host, platform);
    if (keys.length === 0) return [];
    const spec = COMMANDS[command];
    return [{ label: spec.label, does: spec.does, keys: keys.map((k) => keyLabel(k, platform)) }];
  });
}
