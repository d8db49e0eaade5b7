// One command table for every face of a command: the desktop menu's accelerators, the browser's
// shortcuts, the tooltips and the Help dialog can't disagree, because each reads the table.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMANDS, commandTitle, keyLabel, keysOf, shortcutOf } from '../../host/commands';
import type { MenuEvent } from '../../host/contract';
import { buildMenuTemplate } from '../../electron/menu';
import { browserShortcuts, commandFor } from '../../renderer/src/host/shortcuts';
import { keyboardHelp } from '../../renderer/src/app/keyboard-help';

function menuItems(platform: NodeJS.Platform): Array<{ item: MenuItemConstructorOptions; event: MenuEvent }> {
  const sent: MenuEvent[] = [];
  const template = buildMenuTemplate({
    platform,
    appName: 'Detainer Policy Studio',
    development: false,
    templates: [{ id: 'ordinances/berkeley-2012.ordinance.yaml', label: 'Berkeley' }],
    recentFiles: [],
    send: (e) => sent.push(e),
    openRecent: () => undefined,
    clearRecent: () => undefined,
  });
  const flat = (xs: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    xs.flatMap((x) => [x, ...(Array.isArray(x.submenu) ? flat(x.submenu) : [])]);
  return flat(template)
    .filter((item) => typeof item.click === 'function')
    .map((item) => {
      (item.click as () => void)();
      return { item, event: sent.pop()! };
    })
    .filter((x) => x.event);
}

describe('the command table', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`gives the desktop menu its accelerators, and the tooltips show those same keys (${platform})`, () => {
      const items = menuItems(platform);
      for (const command of COMMAND_IDS) {
        const own = items.filter((x) => x.event.command === command && x.item.accelerator);
        const key = keysOf(command, 'electron', platform)[0];
        if (!key) {
          expect(own, command).toEqual([]);
          continue;
        }
        expect(
          own.map((x) => x.item.accelerator),
          command,
        ).toEqual([key]);
        expect(shortcutOf(command, 'electron', platform), command).toBe(keyLabel(String(own[0]!.item.accelerator), platform));
      }
    });
  }

  it('puts every command in the desktop menu', () => {
    const commands = new Set(menuItems('linux').map((x) => x.event.command));
    expect(COMMAND_IDS.filter((c) => !commands.has(c))).toEqual([]);
  });

  it('gives the browser the keys its tooltips and Help show, and each key runs its command', () => {
    const shortcuts = browserShortcuts('Linux x86_64');
    for (const command of COMMAND_IDS) {
      const keys = keysOf(command, 'browser', 'linux');
      for (const s of shortcuts.filter((x) => x.command === command)) {
        expect(keys.map((k) => keyLabel(k, 'linux'))).toContain(s.label);
        expect(commandFor({ code: s.code, ctrlKey: s.ctrl, metaKey: false, shiftKey: s.shift, altKey: s.alt }, shortcuts)).toBe(command);
      }
      expect(shortcuts.filter((x) => x.command === command)).toHaveLength(keys.length);
    }
  });

  it('uses the same keys in both hosts wherever the browser allows', () => {
    expect(shortcutOf('file.export', 'electron', 'linux')).toBe('Ctrl+Shift+E');
    expect(shortcutOf('file.export', 'browser', 'linux')).toBe('Ctrl+Shift+E');
    expect(shortcutOf('view.form', 'electron', 'linux')).toBe(shortcutOf('view.form', 'browser', 'linux'));
    expect(shortcutOf('file.print', 'browser', 'linux')).toBe('Ctrl+P');
    expect(commandTitle('file.export', 'browser', 'darwin')).toBe('Export… (Cmd+Shift+E)');
  });

  it('gives Help one line per command in plain words, with the keys of the host in use', () => {
    const lines = keyboardHelp('electron', 'linux');
    const exportLine = lines.find((l) => l.label === 'Export…')!;
    expect(exportLine.keys).toEqual(['Ctrl+Shift+E']);
    expect(exportLine.does).toBe(COMMANDS['file.export'].does);
    // No internal command names ("file.export") reach the reader.
    for (const l of lines) expect(`${l.label} ${l.does}`).not.toMatch(/\b(file|view|edit|simulate|help)\.[a-z]/);
    const browser = keyboardHelp('browser', 'linux');
    expect(browser.find((l) => l.label === 'Run Simulation')!.keys).toEqual(['F5', 'Ctrl+Shift+Enter']);
    expect(browser.find((l) => l.label === 'Close')).toBeUndefined();
  });
});
