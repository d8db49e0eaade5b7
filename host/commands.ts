// The app's commands, declared once: what each is called, what argument it takes, the keys that run
// it in the desktop app and in the browser, and what it does in a sentence. The desktop menu bar
// (electron/menu.ts), the browser's keyboard shortcuts, the toolbar's tooltips and the Help dialog all
// read this table, so none of them can promise a key another doesn't honour.

import type { MenuCommand } from './contract';

export type HostKind = 'electron' | 'browser';

/** What a command's argument is, when it takes one. */
export type CommandArgument = 'template' | 'path';

export interface CommandKey {
  /** In Electron's accelerator syntax: "CmdOrCtrl+Shift+E", "F5", "Shift+Alt+F". */
  accelerator: string;
  /** Only in these hosts (default: both). Browsers keep Ctrl+N, Ctrl+W and Ctrl+1..8 for themselves. */
  hosts?: readonly HostKind[];
  /** Only on these platforms, or everywhere but them (`!darwin`). */
  platforms?: readonly string[];
}

export interface CommandSpec {
  /** The menu's words for it, e.g. "Export…". */
  label: string;
  /** What it does, in a sentence fragment for tooltips and Help: "export the ordinance, …". */
  does: string;
  menu: 'File' | 'Edit' | 'View' | 'Simulate' | 'Help';
  argument?: CommandArgument;
  /** The first key available in a host is the one its menu and tooltips show. */
  keys: readonly CommandKey[];
}

const onlyDesktop = ['electron'] as const;

export const COMMANDS: Readonly<Record<MenuCommand, CommandSpec>> = {
  'file.new': {
    label: 'New',
    does: 'start a new ordinance, blank or from a sample',
    menu: 'File',
    argument: 'template',
    keys: [{ accelerator: 'CmdOrCtrl+N', hosts: onlyDesktop }, { accelerator: 'CmdOrCtrl+Alt+N' }],
  },
  'file.open': { label: 'Open…', does: 'open an ordinance file', menu: 'File', argument: 'path', keys: [{ accelerator: 'CmdOrCtrl+O' }] },
  'file.save': { label: 'Save', does: 'save the ordinance', menu: 'File', keys: [{ accelerator: 'CmdOrCtrl+S' }] },
  'file.saveAs': {
    label: 'Save As…',
    does: 'save the ordinance under another name',
    menu: 'File',
    keys: [{ accelerator: 'CmdOrCtrl+Shift+S' }],
  },
  'file.export': {
    label: 'Export…',
    does: 'export the ordinance, officer guide, policy bundle, impact report or redline',
    menu: 'File',
    keys: [{ accelerator: 'CmdOrCtrl+Shift+E' }],
  },
  'file.print': {
    label: 'Print…',
    does: 'print the ordinance, or the simulation report when a simulation is shown',
    menu: 'File',
    keys: [{ accelerator: 'CmdOrCtrl+P' }],
  },
  'file.close': { label: 'Close', does: 'close the ordinance', menu: 'File', keys: [{ accelerator: 'CmdOrCtrl+W', hosts: onlyDesktop }] },
  'edit.find': { label: 'Find…', does: 'find text in the YAML', menu: 'Edit', keys: [{ accelerator: 'CmdOrCtrl+F' }] },
  'edit.replace': {
    label: 'Replace…',
    does: 'find and replace text in the YAML',
    menu: 'Edit',
    keys: [
      { accelerator: 'Cmd+Alt+F', platforms: ['darwin'] },
      { accelerator: 'Ctrl+H', platforms: ['!darwin'] },
    ],
  },
  'edit.format': { label: 'Format Document', does: 'lay the YAML out evenly', menu: 'Edit', keys: [{ accelerator: 'Shift+Alt+F' }] },
  'view.editor': { label: 'YAML', does: 'edit the ordinance as YAML', menu: 'View', keys: [{ accelerator: 'CmdOrCtrl+Shift+1' }] },
  'view.form': { label: 'Form', does: 'edit the ordinance in the form', menu: 'View', keys: [{ accelerator: 'CmdOrCtrl+Shift+2' }] },
  'view.preview': {
    label: 'Preview',
    does: 'read the ordinance as it will print',
    menu: 'View',
    keys: [{ accelerator: 'CmdOrCtrl+Shift+3' }],
  },
  'view.simulation': {
    label: 'Simulation',
    does: 'see what the draft does to a set of booking cases',
    menu: 'View',
    keys: [{ accelerator: 'CmdOrCtrl+Shift+4' }],
  },
  'view.compare': {
    label: 'Comparison',
    does: 'compare the draft with honoring every detainer or another draft',
    menu: 'View',
    keys: [{ accelerator: 'CmdOrCtrl+Shift+5' }],
  },
  'view.decisionTable': {
    label: 'Decision Table',
    does: 'list every combination of facts and the decision the draft gives it',
    menu: 'View',
    keys: [{ accelerator: 'CmdOrCtrl+Shift+6' }],
  },
  'view.drafts': {
    label: 'Drafts Compared',
    does: 'find the smallest cases two drafts decide differently',
    menu: 'View',
    keys: [{ accelerator: 'CmdOrCtrl+Shift+7' }],
  },
  'view.nextPane': {
    label: 'Next Pane',
    does: 'move the keyboard to the next part of the window (toolbar, editor, problems, view)',
    menu: 'View',
    keys: [{ accelerator: 'F6' }],
  },
  'view.previousPane': {
    label: 'Previous Pane',
    does: 'move the keyboard to the previous part of the window',
    menu: 'View',
    keys: [{ accelerator: 'Shift+F6' }],
  },
  'view.toggleTheme': { label: 'Dark Theme', does: 'switch between the light and dark themes', menu: 'View', keys: [] },
  'simulate.run': {
    label: 'Run Simulation',
    does: 'simulate the draft on the chosen case set',
    menu: 'Simulate',
    keys: [{ accelerator: 'F5' }, { accelerator: 'CmdOrCtrl+Shift+Enter', hosts: ['browser'] }],
  },
  'simulate.chooseCases': {
    label: 'Choose Case Set…',
    does: 'choose the booking cases to simulate',
    menu: 'Simulate',
    keys: [{ accelerator: 'CmdOrCtrl+Alt+O' }],
  },
  'simulate.compare': {
    label: 'Compare with…',
    does: 'choose what to compare the draft with',
    menu: 'Simulate',
    keys: [{ accelerator: 'CmdOrCtrl+Shift+D' }],
  },
  'simulate.expected': {
    label: 'Check Expected Decisions…',
    does: 'check the draft against a file of cases with the decision each must get, as `detainer-studio test` does',
    menu: 'Simulate',
    keys: [],
  },
  'help.reference': {
    label: 'Ordinance Format Reference',
    does: 'every field of the ordinance format, with its meaning',
    menu: 'Help',
    keys: [{ accelerator: 'F1' }],
  },
  'help.keyboard': { label: 'Keyboard', does: 'every key the app answers to', menu: 'Help', keys: [] },
  'help.about': { label: 'About', does: 'the version and what the app does', menu: 'Help', keys: [] },
};

export const COMMAND_IDS = Object.keys(COMMANDS) as MenuCommand[];

function onPlatform(key: CommandKey, platform: string): boolean {
  if (!key.platforms) return true;
  return key.platforms.some((p) => (p.startsWith('!') ? p.slice(1) !== platform : p === platform));
}

/** The keys of a command in one host on one platform, the one the menu shows first. */
export function keysOf(command: MenuCommand, host: HostKind, platform: string): string[] {
  return COMMANDS[command].keys.filter((k) => (!k.hosts || k.hosts.includes(host)) && onPlatform(k, platform)).map((k) => k.accelerator);
}

/** A key as people read it: "Ctrl+Shift+E" (or "Cmd+Shift+E" on a Mac), "F5". */
export function keyLabel(accelerator: string, platform: string): string {
  const mac = platform === 'darwin' || /^mac/i.test(platform);
  return accelerator
    .split('+')
    .map((part) => (part === 'CmdOrCtrl' ? (mac ? 'Cmd' : 'Ctrl') : part === 'Alt' && mac ? 'Option' : part))
    .join('+');
}

/** The key a tooltip shows for a command in this host, if it has one. */
export function shortcutOf(command: MenuCommand, host: HostKind, platform: string): string | undefined {
  const first = keysOf(command, host, platform)[0];
  return first ? keyLabel(first, platform) : undefined;
}

/** A tooltip: "Export… (Ctrl+Shift+E)". */
export function commandTitle(command: MenuCommand, host: HostKind, platform: string, label = COMMANDS[command].label): string {
  const key = shortcutOf(command, host, platform);
  return key ? `${label} (${key})` : label;
}

/** `aria-keyshortcuts` wants "Control+Shift+E", "Meta+O". */
export function ariaKeys(command: MenuCommand, host: HostKind, platform: string): string | undefined {
  const mac = platform === 'darwin' || /^mac/i.test(platform);
  const keys = keysOf(command, host, platform).map((a) =>
    a
      .split('+')
      .map((p) => (p === 'CmdOrCtrl' ? (mac ? 'Meta' : 'Control') : p === 'Ctrl' ? 'Control' : p === 'Cmd' ? 'Meta' : p))
      .join('+'),
  );
  return keys.length ? keys.join(' ') : undefined;
}

export interface KeyChord {
  /** `KeyboardEvent.code`: "KeyE", "Digit1", "F5", "Enter". */
  code: string;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
}

/** An accelerator as the key press that matches it (Cmd and Ctrl both count as Ctrl). */
export function chordOf(accelerator: string): KeyChord {
  const parts = accelerator.split('+');
  const key = parts.pop()!;
  const mods = new Set(parts);
  const code = /^[A-Z]$/.test(key) ? `Key${key}` : /^[0-9]$/.test(key) ? `Digit${key}` : key === '.' ? 'Period' : key;
  return {
    code,
    ctrl: mods.has('CmdOrCtrl') || mods.has('Ctrl') || mods.has('Cmd'),
    shift: mods.has('Shift'),
    alt: mods.has('Alt'),
  };
}
