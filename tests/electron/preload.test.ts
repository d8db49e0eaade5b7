// The built preload bundle, run the way a sandboxed preload runs: a CommonJS script whose `require`
// knows only 'electron'. Electron's contextBridge and ipcRenderer are stood in for by recorders, since
// no Electron binary runs here; the script under test is the real dist bundle.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOST_GLOBAL, type Host, type MenuEvent, type OpenedFile } from '../../host/contract';
import { INVOKE_CHANNELS } from '../../host/ipc-channels';
import { repoRoot, tempDir } from './helpers';

let bundle = '';
let mainBundle = '';

beforeAll(() => {
  const out = tempDir('ds-preload-build-');
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-electron.mjs')], {
    env: { ...process.env, ELECTRON_OUT_DIR: out },
    stdio: 'pipe',
  });
  bundle = fs.readFileSync(path.join(out, 'preload.cjs'), 'utf8');
  mainBundle = fs.readFileSync(path.join(out, 'main.cjs'), 'utf8');
});

type Listener = (event: unknown, payload: unknown) => void;

function loadPreload(answer: (channel: string, args: unknown[]) => Promise<unknown> = (c) => Promise.resolve({ ok: true, value: c })) {
  const exposed: { name: string; api: unknown }[] = [];
  const invoked: { channel: string; args: unknown[] }[] = [];
  const sent: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.push({ name, api }) },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return answer(channel, args);
      },
      send: (channel: string, ...args: unknown[]) => void sent.push({ channel, args }),
      on: (channel: string, fn: Listener) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(fn);
      },
      removeListener: (channel: string, fn: Listener) => void listeners.get(channel)?.delete(fn),
    },
  };
  const module = { exports: {} };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found in a sandboxed preload: ${name}`);
  };
  vm.runInNewContext(
    bundle,
    { require: sandboxRequire, module, exports: module.exports, setTimeout, console },
    { filename: 'preload.cjs' },
  );
  const emit = (channel: string, payload: unknown) => {
    for (const fn of listeners.get(channel) ?? []) fn({ sender: 'ipc event object that must not leak' }, payload);
  };
  return { exposed, invoked, sent, listeners, required, emit, host: exposed[0]?.api as Host };
}

describe('preload bundle', () => {
  it('runs in a sandbox that offers only require("electron"), and exposes exactly one object', () => {
    const { exposed, required } = loadPreload();
    expect(required).toEqual(['electron']);
    expect(exposed.map((e) => e.name)).toEqual([HOST_GLOBAL]);
    expect(Object.keys(exposed[0]!.api as object).sort()).toEqual(
      [
        'info',
        'openFile',
        'readFile',
        'saveFile',
        'exportFile',
        'recentFiles',
        'listSamples',
        'readSample',
        'writeRecovery',
        'readRecovery',
        'clearRecovery',
        'setDirty',
        'printToPdf',
        'onMenu',
        'onOpenFile',
        'onFileChanged',
      ].sort(),
    );
  });

  it('maps every contract call to its declared channel with the same arguments', async () => {
    const { host, invoked, sent } = loadPreload();
    const save = { path: null, suggestedName: 'x.ordinance.yaml', text: 't', expectedMtimeMs: null };
    const exp = { suggestedName: 'x.md', data: '# x', mimeType: 'text/markdown' };
    const entry = { docId: 'd', name: 'n', text: 't', savedAtMs: 1 };
    await host.openFile('cases');
    await host.readFile('/docs/a.ordinance.yaml');
    await host.saveFile(save);
    await host.exportFile(exp);
    await host.recentFiles();
    await host.listSamples();
    await host.readSample('ordinances/a.ordinance.yaml');
    await host.writeRecovery(entry);
    await host.readRecovery();
    await host.clearRecovery('d');
    await host.printToPdf('<p>x</p>');
    await host.info();
    host.setDirty(true);
    expect(invoked).toEqual([
      { channel: 'host:open-file', args: ['cases'] },
      { channel: 'host:read-file', args: ['/docs/a.ordinance.yaml'] },
      { channel: 'host:save-file', args: [save] },
      { channel: 'host:export-file', args: [exp] },
      { channel: 'host:recent-files', args: [] },
      { channel: 'host:list-samples', args: [] },
      { channel: 'host:read-sample', args: ['ordinances/a.ordinance.yaml'] },
      { channel: 'host:write-recovery', args: [entry] },
      { channel: 'host:read-recovery', args: [] },
      { channel: 'host:clear-recovery', args: ['d'] },
      { channel: 'host:print-to-pdf', args: ['<p>x</p>'] },
      { channel: 'host:info', args: [] },
    ]);
    expect(new Set(invoked.map((i) => i.channel))).toEqual(new Set(INVOKE_CHANNELS));
    expect(sent).toEqual([{ channel: 'host:set-dirty', args: [true] }]);
  });

  it('turns a missing handler into a failed Result instead of a rejection', async () => {
    const { host } = loadPreload(() => Promise.reject(new Error("No handler registered for 'host:recent-files'")));
    expect(await host.recentFiles()).toEqual({
      ok: false,
      error: "host:recent-files: No handler registered for 'host:recent-files'",
      code: 'io',
    });
    expect(await host.info()).toEqual({ kind: 'electron', platform: 'unknown', appVersion: 'unknown' });
  });

  it('passes event payloads to listeners without the IPC event, and unsubscribes', () => {
    const { host, emit, listeners } = loadPreload();
    const menus: unknown[] = [];
    const changed: unknown[] = [];
    const off = host.onMenu((e: MenuEvent) => menus.push(e));
    host.onFileChanged((p) => changed.push(p));
    emit('host:menu', { command: 'file.save' });
    emit('host:file-changed', '/docs/a.ordinance.yaml');
    off();
    emit('host:menu', { command: 'file.open' });
    expect(menus).toEqual([{ command: 'file.save' }]);
    expect(changed).toEqual(['/docs/a.ordinance.yaml']);
    expect(listeners.get('host:menu')!.size).toBe(0);
  });

  it('keeps documents opened from outside until the page listens, so none is lost', async () => {
    const { host, emit } = loadPreload();
    const file: OpenedFile = { path: '/docs/a.ordinance.yaml', name: 'a.ordinance.yaml', text: 'title: A', mtimeMs: 1 };
    emit('host:opened-externally', file);
    const got: OpenedFile[] = [];
    host.onOpenFile((f) => got.push(f));
    await new Promise((r) => setTimeout(r, 5));
    expect(got).toEqual([file]);
    const second = { ...file, path: '/docs/b.ordinance.yaml' };
    emit('host:opened-externally', second);
    expect(got).toEqual([file, second]);
  });

  it('sends setDirty only as a boolean', () => {
    const { host, sent } = loadPreload();
    (host.setDirty as (v: unknown) => void)('yes');
    expect(sent).toEqual([{ channel: 'host:set-dirty', args: [false] }]);
  });

  it('bundles the main process with only Electron and Node built-ins left to require', () => {
    const required = [...mainBundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(required).toContain('electron');
    expect(required.filter((r) => r !== 'electron' && !r.startsWith('node:'))).toEqual([]);
  });
});
