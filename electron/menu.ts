// The native menu bar as data: File, Edit, View, Simulate, Help. Each command's words and accelerator
// come from the command table (host/commands.ts) that the page's tooltips and Help read too. Items that
// act on the document send a MenuEvent to the page; the page owns the document and its undo history.

import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, keysOf } from '../host/commands';
import type { MenuCommand, MenuEvent } from '../host/contract';

export interface MenuTemplateEntry {
  /** Sample name (e.g. "ordinances/connecticut-trust-act-2014.ordinance.yaml") or "blank". */
  id: string;
  label: string;
}

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  /** Developer tools and reload appear only in development runs. */
  development: boolean;
  /** Ordinances offered under File > New from Template. */
  templates: MenuTemplateEntry[];
  recentFiles: string[];
  /** Sends a command to the focused page. */
  send(event: MenuEvent): void;
  /** Opens a recent file (the main process reads it and hands it to the page). */
  openRecent(file: string): void;
  clearRecent(): void;
}

export const BLANK_TEMPLATE_ID = 'blank';

/** Menu labels escape "&", which Windows and Linux read as a mnemonic marker. */
function menuLabel(text: string): string {
  return text.replace(/&/g, '&&');
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  /** A command's item: its words and its desktop accelerator from the command table. */
  const command = (
    cmd: MenuCommand,
    label = COMMANDS[cmd].label,
    argument?: string,
    accelerator?: string | null,
  ): MenuItemConstructorOptions => {
    const key = accelerator === undefined ? keysOf(cmd, 'electron', ctx.platform)[0] : accelerator;
    return {
      label,
      ...(key ? { accelerator: key } : {}),
      click: () => ctx.send(argument === undefined ? { command: cmd } : { command: cmd, argument }),
    };
  };

  const newFromTemplate: MenuItemConstructorOptions[] = [
    command('file.new', 'Blank Ordinance', BLANK_TEMPLATE_ID, null),
    ...(ctx.templates.length ? [{ type: 'separator' } as const] : []),
    ...ctx.templates.map((t) => command('file.new', menuLabel(t.label), t.id, null)),
  ];

  const recent: MenuItemConstructorOptions[] = ctx.recentFiles.length
    ? [
        ...ctx.recentFiles.map((file, i) => ({
          label: `${i < 9 ? `&${i + 1} ` : ''}${menuLabel(path.basename(file))}`,
          sublabel: file,
          toolTip: file,
          click: () => ctx.openRecent(file),
        })),
        { type: 'separator' },
        { label: 'Clear Recent', click: () => ctx.clearRecent() },
      ]
    : [{ label: 'No Recent Files', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('file.new', 'New…'),
      { label: 'New from Template', submenu: newFromTemplate },
      command('file.open'),
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      command('file.save'),
      command('file.saveAs'),
      command('file.export'),
      command('file.print'),
      { type: 'separator' },
      command('file.close'),
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Exit', accelerator: 'Ctrl+Q' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo', accelerator: 'CmdOrCtrl+Z' },
      { role: 'redo', accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Y' },
      { type: 'separator' },
      { role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      { type: 'separator' },
      command('edit.find'),
      command('edit.replace'),
      command('edit.format'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      command('view.editor'),
      command('view.form'),
      command('view.preview'),
      command('view.simulation'),
      command('view.compare'),
      command('view.decisionTable'),
      command('view.drafts'),
      { type: 'separator' },
      command('view.nextPane'),
      command('view.previousPane'),
      { type: 'separator' },
      command('view.toggleTheme', 'Toggle Dark Theme'),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(ctx.development
        ? [
            { type: 'separator' } as const,
            { role: 'reload' } as const,
            { role: 'forceReload' } as const,
            { role: 'toggleDevTools' } as const,
          ]
        : []),
    ],
  };

  const simulate: MenuItemConstructorOptions = {
    label: '&Simulate',
    submenu: [command('simulate.run'), command('simulate.chooseCases'), command('simulate.compare'), command('simulate.expected')],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      command('help.reference'),
      command('help.keyboard', 'Keyboard Shortcuts'),
      ...(mac ? [] : [command('help.about', `About ${ctx.appName}`)]),
    ],
  };

  const template: MenuItemConstructorOptions[] = [file, edit, view, simulate, help];
  if (mac) {
    template.unshift({
      label: ctx.appName,
      submenu: [
        command('help.about', `About ${ctx.appName}`),
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  return template;
}
