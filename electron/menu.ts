// The native menu bar as data: File, Edit, View, Simulate, Help with the usual accelerators. Items that
// act on the document send a MenuEvent to the page; the page owns the document and its undo history.

import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
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
  const command = (label: string, cmd: MenuCommand, accelerator?: string, argument?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => ctx.send(argument === undefined ? { command: cmd } : { command: cmd, argument }),
  });

  const newFromTemplate: MenuItemConstructorOptions[] = [
    command('Blank Ordinance', 'file.new', 'CmdOrCtrl+N', BLANK_TEMPLATE_ID),
    ...(ctx.templates.length ? [{ type: 'separator' } as const] : []),
    ...ctx.templates.map((t) => command(menuLabel(t.label), 'file.new', undefined, t.id)),
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
      { label: 'New from Template', submenu: newFromTemplate },
      command('Open…', 'file.open', 'CmdOrCtrl+O'),
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      command('Save', 'file.save', 'CmdOrCtrl+S'),
      command('Save As…', 'file.saveAs', 'CmdOrCtrl+Shift+S'),
      command('Export…', 'file.export', 'CmdOrCtrl+E'),
      { type: 'separator' },
      command('Close', 'file.close', 'CmdOrCtrl+W'),
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
      command('Find…', 'edit.find', 'CmdOrCtrl+F'),
      command('Replace…', 'edit.replace', mac ? 'Cmd+Alt+F' : 'Ctrl+H'),
      command('Format Document', 'edit.format', 'Shift+Alt+F'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      command('Editor', 'view.editor', 'CmdOrCtrl+1'),
      command('Form', 'view.form', 'CmdOrCtrl+2'),
      command('Preview', 'view.preview', 'CmdOrCtrl+3'),
      command('Simulation', 'view.simulation', 'CmdOrCtrl+4'),
      command('Comparison', 'view.compare', 'CmdOrCtrl+5'),
      command('Decision Table', 'view.decisionTable', 'CmdOrCtrl+6'),
      command('Drafts Compared', 'view.drafts', 'CmdOrCtrl+7'),
      { type: 'separator' },
      command('Toggle Dark Theme', 'view.toggleTheme'),
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
    submenu: [
      command('Run Simulation', 'simulate.run', 'F5'),
      command('Choose Case Set…', 'simulate.chooseCases', 'CmdOrCtrl+Alt+O'),
      command('Compare with…', 'simulate.compare', 'CmdOrCtrl+Shift+D'),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      command('Ordinance Schema Reference', 'help.reference', 'F1'),
      ...(mac ? [] : [command(`About ${ctx.appName}`, 'help.about')]),
    ],
  };

  const template: MenuItemConstructorOptions[] = [file, edit, view, simulate, help];
  if (mac) {
    template.unshift({
      label: ctx.appName,
      submenu: [
        command(`About ${ctx.appName}`, 'help.about'),
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
