// Keyboard shortcuts of the browser build, standing in for the native menu's accelerators. Keys the
// browser keeps for itself (Ctrl+N, Ctrl+W, Ctrl+1..8) are avoided.

import type { MenuCommand } from '../../../host/contract';

export interface Shortcut {
  command: MenuCommand;
  /** `KeyboardEvent.code`, so Shift doesn't change the key's name. */
  code: string;
  ctrl?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** As shown to people, e.g. "Ctrl+Shift+S". */
  label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'file.new', code: 'KeyN', ctrl: true, alt: true, label: 'Ctrl+Alt+N' },
  { command: 'file.open', code: 'KeyO', ctrl: true, label: 'Ctrl+O' },
  { command: 'file.save', code: 'KeyS', ctrl: true, label: 'Ctrl+S' },
  { command: 'file.saveAs', code: 'KeyS', ctrl: true, shift: true, label: 'Ctrl+Shift+S' },
  { command: 'file.export', code: 'KeyE', ctrl: true, shift: true, label: 'Ctrl+Shift+E' },
  { command: 'edit.format', code: 'KeyF', shift: true, alt: true, label: 'Shift+Alt+F' },
  { command: 'view.editor', code: 'Digit1', ctrl: true, shift: true, label: 'Ctrl+Shift+1' },
  { command: 'view.form', code: 'Digit2', ctrl: true, shift: true, label: 'Ctrl+Shift+2' },
  { command: 'view.preview', code: 'Digit3', ctrl: true, shift: true, label: 'Ctrl+Shift+3' },
  { command: 'view.simulation', code: 'Digit4', ctrl: true, shift: true, label: 'Ctrl+Shift+4' },
  { command: 'view.compare', code: 'Digit5', ctrl: true, shift: true, label: 'Ctrl+Shift+5' },
  { command: 'view.decisionTable', code: 'Digit6', ctrl: true, shift: true, label: 'Ctrl+Shift+6' },
  { command: 'view.drafts', code: 'Digit7', ctrl: true, shift: true, label: 'Ctrl+Shift+7' },
  { command: 'simulate.run', code: 'F5', label: 'F5' },
  { command: 'simulate.run', code: 'Enter', ctrl: true, shift: true, label: 'Ctrl+Shift+Enter' },
];

export interface KeyPress {
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The command a key press means, if any. Cmd counts as Ctrl, as on a Mac. */
export function commandFor(e: KeyPress): MenuCommand | undefined {
  const ctrl = e.ctrlKey || e.metaKey;
  return SHORTCUTS.find((s) => s.code === e.code && !!s.ctrl === ctrl && !!s.shift === e.shiftKey && !!s.alt === e.altKey)?.command;
}

export function shortcutLabel(command: MenuCommand): string | undefined {
  return SHORTCUTS.find((s) => s.command === command)?.label;
}
