// Keyboard shortcuts of the browser build, standing in for the native menu's accelerators: the
// browser's keys of every command in the command table (host/commands.ts), which avoids the keys the
// browser keeps for itself (Ctrl+N, Ctrl+W, Ctrl+1..8).

import { chordOf, COMMAND_IDS, keyLabel, keysOf, type KeyChord } from '../../../host/commands';
import type { MenuCommand } from '../../../host/contract';

export interface Shortcut extends KeyChord {
  command: MenuCommand;
  /** As shown to people, e.g. "Ctrl+Shift+S". */
  label: string;
}

/** Every browser shortcut on this platform, in the command table's order. */
export function browserShortcuts(platform: string): Shortcut[] {
  return COMMAND_IDS.flatMap((command) =>
    keysOf(command, 'browser', platform).map((accelerator) => ({
      command,
      ...chordOf(accelerator),
      label: keyLabel(accelerator, platform),
    })),
  );
}

export interface KeyPress {
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The command a key press means, if any. Cmd counts as Ctrl, as on a Mac. */
export function commandFor(e: KeyPress, shortcuts: readonly Shortcut[]): MenuCommand | undefined {
  const ctrl = e.ctrlKey || e.metaKey;
  return shortcuts.find((s) => s.code === e.code && s.ctrl === ctrl && s.shift === e.shiftKey && s.alt === e.altKey)?.command;
}
