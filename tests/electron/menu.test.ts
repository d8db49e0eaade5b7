// The menu bar: every command with its accelerator from the command table, and no accelerator used twice.

import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuEvent } from '../../host/contract';
import { buildMenuTemplate, type MenuContext } from '../../electron/menu';

function context(overrides: Partial<MenuContext> = {}) {
  const sent: MenuEvent[] = [];
  const opened: string[] = [];
  let cleared = 0;
  const ctx: MenuContext = {
    platform: 'linux',
    appName: 'Detainer Policy Studio',
    development: false,
    templates: [{ id: 'ordinances/connecticut-trust-act-2014.ordinance.yaml', label: 'TRUST Act & friends' }],
    recentFiles: ['/home/counsel/draft.ordinance.yaml', '/home/counsel/older.ordinance.yaml'],
    send: (e) => sent.push(e),
    openRecent: (f) => opened.push(f),
    clearRecent: () => cleared++,
    ...overrides,
  };
  return { ctx, sent, opened, cleared: () => cleared };
}

function flatten(items: MenuItemConstructorOptions[], trail: string[] = []): { path: string; item: MenuItemConstructorOptions }[] {
  return items.flatMap((item) => {
    const label = (item.label ?? item.role ?? '').replace(/&(?!&)/g, '');
    const here = [...trail, label];
    const sub = Array.isArray(item.submenu) ? flatten(item.submenu, here) : [];
    return [{ path: here.join(' > '), item }, ...sub];
  });
}

function find(items: MenuItemConstructorOptions[], menuPath: string): MenuItemConstructorOptions {
  const hit = flatten(items).find((e) => e.path === menuPath);
  if (!hit)
    throw new Error(
      `no menu item ${menuPath}; have ${flatten(items)
        .map((e) => e.path)
        .join(', ')}`,
    );
  return hit.item;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('menu bar', () => {
  it('has File, Edit, View, Simulate and Help', () => {
    const { ctx } = context();
    expect(buildMenuTemplate(ctx).map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Simulate', '&Help']);
  });

  const expected: [string, string | undefined, MenuEvent | undefined][] = [
    ['File > New…', 'CmdOrCtrl+N', { command: 'file.new' }],
    ['File > New from Template > Blank Ordinance', undefined, { command: 'file.new', argument: 'blank' }],
    ['File > Open…', 'CmdOrCtrl+O', { command: 'file.open' }],
    ['File > Save', 'CmdOrCtrl+S', { command: 'file.save' }],
    ['File > Save As…', 'CmdOrCtrl+Shift+S', { command: 'file.saveAs' }],
    ['File > Export…', 'CmdOrCtrl+Shift+E', { command: 'file.export' }],
    ['File > Print…', 'CmdOrCtrl+P', { command: 'file.print' }],
    ['File > Close', 'CmdOrCtrl+W', { command: 'file.close' }],
    ['Edit > Find…', 'CmdOrCtrl+F', { command: 'edit.find' }],
    ['Edit > Replace…', 'Ctrl+H', { command: 'edit.replace' }],
    ['Edit > Format Document', 'Shift+Alt+F', { command: 'edit.format' }],
    ['View > YAML', 'CmdOrCtrl+Shift+1', { command: 'view.editor' }],
    ['View > Form', 'CmdOrCtrl+Shift+2', { command: 'view.form' }],
    ['View > Preview', 'CmdOrCtrl+Shift+3', { command: 'view.preview' }],
    ['View > Simulation', 'CmdOrCtrl+Shift+4', { command: 'view.simulation' }],
    ['View > Comparison', 'CmdOrCtrl+Shift+5', { command: 'view.compare' }],
    ['View > Decision Table', 'CmdOrCtrl+Shift+6', { command: 'view.decisionTable' }],
    ['View > Drafts Compared', 'CmdOrCtrl+Shift+7', { command: 'view.drafts' }],
    ['View > Next Pane', 'F6', { command: 'view.nextPane' }],
    ['View > Previous Pane', 'Shift+F6', { command: 'view.previousPane' }],
    ['View > Toggle Dark Theme', undefined, { command: 'view.toggleTheme' }],
    ['Simulate > Run Simulation', 'F5', { command: 'simulate.run' }],
    ['Simulate > Choose Case Set…', 'CmdOrCtrl+Alt+O', { command: 'simulate.chooseCases' }],
    ['Simulate > Compare with…', 'CmdOrCtrl+Shift+D', { command: 'simulate.compare' }],
    ['Help > Ordinance Format Reference', 'F1', { command: 'help.reference' }],
    ['Help > Keyboard Shortcuts', undefined, { command: 'help.keyboard' }],
    ['Help > About Detainer Policy Studio', undefined, { command: 'help.about' }],
  ];
  for (const [menuPath, accelerator, event] of expected) {
    it(`${menuPath} ${accelerator ? `(${accelerator}) ` : ''}sends ${event?.command}`, () => {
      const { ctx, sent } = context();
      const item = find(buildMenuTemplate(ctx), menuPath);
      expect(item.accelerator).toBe(accelerator);
      click(item);
      expect(sent).toEqual([event]);
    });
  }

  it('uses the standard roles for undo, redo and the clipboard', () => {
    const { ctx } = context();
    const edit = buildMenuTemplate(ctx)[1]!.submenu as MenuItemConstructorOptions[];
    expect(edit.filter((i) => i.role).map((i) => [i.role, i.accelerator])).toEqual([
      ['undo', 'CmdOrCtrl+Z'],
      ['redo', 'Ctrl+Y'],
      ['cut', 'CmdOrCtrl+X'],
      ['copy', 'CmdOrCtrl+C'],
      ['paste', 'CmdOrCtrl+V'],
      ['selectAll', 'CmdOrCtrl+A'],
    ]);
  });

  it('offers the sample ordinances as templates, with "&" shown literally', () => {
    const { ctx, sent } = context();
    click(find(buildMenuTemplate(ctx), 'File > New from Template > TRUST Act & friends'));
    expect(sent).toEqual([{ command: 'file.new', argument: 'ordinances/connecticut-trust-act-2014.ordinance.yaml' }]);
  });

  it('lists recent files, opens one, and can clear them', () => {
    const c = context();
    const menu = buildMenuTemplate(c.ctx);
    click(find(menu, 'File > Open Recent > 1 draft.ordinance.yaml'));
    expect(c.opened).toEqual(['/home/counsel/draft.ordinance.yaml']);
    click(find(menu, 'File > Open Recent > Clear Recent'));
    expect(c.cleared()).toBe(1);
    const empty = buildMenuTemplate(context({ recentFiles: [] }).ctx);
    expect(find(empty, 'File > Open Recent > No Recent Files').enabled).toBe(false);
  });

  it('shows developer tools only in development', () => {
    const roles = (development: boolean) => flatten(buildMenuTemplate(context({ development }).ctx)).map((e) => e.item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('uses each accelerator once, on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const accelerators = flatten(buildMenuTemplate(context({ platform }).ctx))
        .map((e) => e.item.accelerator)
        .filter((a): a is string => !!a)
        .map((a) => a.replace('CmdOrCtrl', platform === 'darwin' ? 'Cmd' : 'Ctrl'));
      expect(new Set(accelerators).size, platform).toBe(accelerators.length);
    }
  });

  it('follows macOS conventions there: an app menu with About and Quit, Cmd+Shift+Z to redo', () => {
    const { ctx } = context({ platform: 'darwin' });
    const menu = buildMenuTemplate(ctx);
    expect(menu[0]!.label).toBe('Detainer Policy Studio');
    expect(flatten(menu).some((e) => e.item.role === 'quit')).toBe(true);
    expect(find(menu, 'Edit > redo').accelerator).toBe('Cmd+Shift+Z');
    expect(find(menu, 'Edit > Replace…').accelerator).toBe('Cmd+Alt+F');
  });
});
