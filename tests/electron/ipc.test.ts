// Every IPC handler as a plain function: foreign senders are refused, malformed arguments are refused
// with a message naming the argument, failures come back as Results, and nothing throws across IPC.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../host/contract';
import { EVENT_CHANNELS, INVOKE_CHANNELS, SEND_CHANNELS, type InvokeChannel } from '../../host/ipc-channels';
import { FileService } from '../../electron/files';
import { createDirtyHandler, createInvokeHandlers, registerIpc, senderFrameOf, type HostServices } from '../../electron/ipc';
import { APP_ENTRY_URL } from '../../electron/security';
import { ScriptedDialogs, samplesRoot, tempDir } from './helpers';

const appPage = { url: APP_ENTRY_URL, isMainFrame: true };

function setup(dialogs = new ScriptedDialogs()) {
  const userDataDir = tempDir('ds-ipc-');
  const files = new FileService({ userDataDir, samplesDir: samplesRoot, dialogs, documentsDir: userDataDir });
  const printed: string[] = [];
  const services: HostServices = {
    files,
    info: () => ({ kind: 'electron', platform: 'linux', appVersion: '0.1.0' }),
    printToPdf: (html) => {
      printed.push(html);
      return Promise.resolve(new TextEncoder().encode('%PDF-1.7'));
    },
  };
  return { handlers: createInvokeHandlers(services), files, dialogs, printed, userDataDir };
}

/** One valid argument list per channel, so each can be checked against foreign senders. */
function validArgs(channel: InvokeChannel, docs: string): unknown[] {
  switch (channel) {
    case 'host:info':
    case 'host:recent-files':
    case 'host:list-samples':
    case 'host:read-recovery':
      return [];
    case 'host:open-file':
      return ['ordinance'];
    case 'host:read-file':
      return [path.join(docs, 'x.ordinance.yaml')];
    case 'host:save-file':
      return [{ path: null, suggestedName: 'x.ordinance.yaml', text: 't', expectedMtimeMs: null }];
    case 'host:export-file':
      return [{ suggestedName: 'x.md', data: '# x', mimeType: 'text/markdown' }];
    case 'host:read-sample':
      return ['ordinances/connecticut-trust-act-2014.ordinance.yaml'];
    case 'host:write-recovery':
      return [{ docId: 'untitled-1', name: 'Untitled', text: 't', savedAtMs: 1 }];
    case 'host:clear-recovery':
      return ['untitled-1'];
    case 'host:print-to-pdf':
      return ['<p>x</p>'];
  }
}

describe('sender check', () => {
  const foreign = [
    { name: 'no frame (destroyed)', sender: null },
    { name: 'a web page', sender: { url: 'https://attacker.example/index.html', isMainFrame: true } },
    { name: 'a file: page', sender: { url: 'file:///tmp/evil.html', isMainFrame: true } },
    { name: 'an iframe inside the app', sender: { url: APP_ENTRY_URL, isMainFrame: false } },
    { name: 'the print origin', sender: { url: 'app://print/0123456789abcdef0123456789abcdef.html', isMainFrame: true } },
    { name: 'a look-alike host', sender: { url: 'app://studio.evil/index.html', isMainFrame: true } },
    { name: 'credentials in the URL', sender: { url: 'app://user:pw@studio/index.html', isMainFrame: true } },
    { name: 'a data: URL', sender: { url: 'data:text/html,<script>1</script>', isMainFrame: true } },
  ];

  for (const { name, sender } of foreign) {
    it(`refuses every channel from ${name}, touching nothing`, async () => {
      const docs = tempDir();
      const { handlers, dialogs, printed, userDataDir } = setup();
      for (const channel of INVOKE_CHANNELS) {
        const handler = handlers[channel] as (s: typeof sender, a: unknown[]) => Promise<Result<unknown>>;
        const result = await handler(sender, validArgs(channel, docs));
        expect(result, channel).toMatchObject({ ok: false, code: 'untrusted-sender' });
      }
      expect(dialogs.asked).toEqual([]);
      expect(printed).toEqual([]);
      expect(fs.existsSync(path.join(userDataDir, 'recovery'))).toBe(false);
    });
  }

  it('accepts the app page at its root or index, with a query or fragment', async () => {
    const { handlers } = setup();
    for (const url of ['app://studio/', 'app://studio/index.html', 'app://studio/index.html?x=1#problems']) {
      expect(await handlers['host:info']({ url, isMainFrame: true }, [])).toEqual({
        ok: true,
        value: { kind: 'electron', platform: 'linux', appVersion: '0.1.0' },
      });
    }
  });

  it('reads the sender from the IPC event, and treats a vanished frame as foreign', () => {
    expect(senderFrameOf({ senderFrame: { url: APP_ENTRY_URL, parent: null } } as never)).toEqual(appPage);
    expect(senderFrameOf({ senderFrame: { url: APP_ENTRY_URL, parent: {} } } as never)).toEqual({ url: APP_ENTRY_URL, isMainFrame: false });
    expect(senderFrameOf({ senderFrame: null } as never)).toBeNull();
    const throwing = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(senderFrameOf(throwing as never)).toBeNull();
  });
});

describe('argument validation', () => {
  const bad: [InvokeChannel, unknown[], RegExp][] = [
    ['host:info', ['extra'], /expected 0 arguments/],
    ['host:open-file', [], /expected 1 argument/],
    ['host:open-file', ['passwords'], /kind must be "ordinance", "cases", "scenario" or "mapping"/],
    ['host:read-file', ['relative/path.yaml'], /path must be an absolute path/],
    ['host:read-file', [42], /path must be a string/],
    ['host:read-file', ['/tmp/a\0b'], /NUL/],
    ['host:read-file', ['/' + 'a'.repeat(5000)], /longer than/],
    ['host:save-file', [null], /request must be an object/],
    ['host:save-file', [[]], /request must be an object/],
    ['host:save-file', [{ path: null, suggestedName: 'x', text: 't' }], /request.expectedMtimeMs is missing/],
    ['host:save-file', [{ path: null, suggestedName: 'x', text: 5, expectedMtimeMs: null }], /request.text must be a string/],
    ['host:save-file', [{ path: null, suggestedName: 'x', text: 't', expectedMtimeMs: 'now' }], /expectedMtimeMs must be a finite number/],
    ['host:save-file', [{ path: null, suggestedName: 'x', text: 't', expectedMtimeMs: Infinity }], /finite number/],
    ['host:save-file', [{ path: null, suggestedName: 'x', text: 't', expectedMtimeMs: null, force: 'yes' }], /force must be true or false/],
    ['host:save-file', [{ path: null, suggestedName: 'x', text: 't', expectedMtimeMs: null, shell: 'rm -rf' }], /unknown field "shell"/],
    ['host:save-file', [{ path: 'x.yaml', suggestedName: 'x', text: 't', expectedMtimeMs: null }], /request.path must be an absolute path/],
    ['host:export-file', [{ suggestedName: 'x', data: 42, mimeType: 'text/plain' }], /request.data must be text or bytes/],
    ['host:export-file', [{ suggestedName: 'x', data: 'd', mimeType: 'not a type' }], /mimeType is not a media type/],
    ['host:export-file', [{ suggestedName: 'x', data: 'd' }], /mimeType is missing/],
    ['host:read-sample', [''], /name must not be empty/],
    ['host:write-recovery', [{ docId: '', name: 'n', text: 't', savedAtMs: 1 }], /entry.docId must not be empty/],
    ['host:write-recovery', [{ docId: 'd', name: 'n', text: 't', savedAtMs: NaN }], /savedAtMs must be a finite number/],
    [
      'host:write-recovery',
      [{ docId: 'd', name: 'n', text: 't', savedAtMs: 1, session: { right: 'shell' } }],
      /session.right must be one of/,
    ],
    ['host:write-recovery', [{ docId: 'd', name: 'n', text: 't', savedAtMs: 1, session: { script: 'x' } }], /unknown field "script"/],
    [
      'host:write-recovery',
      [{ docId: 'd', name: 'n', text: 't', savedAtMs: 1, session: { mapping: { name: 'county.csv', text: 5 } } }],
      /session.mapping.text must be a string/,
    ],
    ['host:clear-recovery', [{}], /docId must be a string/],
    ['host:print-to-pdf', [new Uint8Array(3)], /html must be a string/],
  ];

  for (const [channel, args, message] of bad) {
    it(`${channel} refuses ${JSON.stringify(args, (_k, v: unknown) => (typeof v === 'string' && v.length > 20 ? v.slice(0, 20) + '…' : v))}`, async () => {
      const { handlers, dialogs, printed } = setup();
      const handler = handlers[channel] as (s: typeof appPage, a: unknown[]) => Promise<Result<unknown>>;
      const result = await handler(appPage, args);
      expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
      expect(result.ok ? '' : result.error).toMatch(message);
      expect(result.ok ? '' : result.error.startsWith(channel)).toBe(true);
      expect(dialogs.asked).toEqual([]);
      expect(printed).toEqual([]);
    });
  }

  it('refuses objects that are not plain (class instances, prototype tricks)', async () => {
    const { handlers } = setup();
    class Sneaky {
      path = null;
      suggestedName = 'x';
      text = 't';
      expectedMtimeMs = null;
    }
    expect(await handlers['host:save-file'](appPage, [new Sneaky()])).toMatchObject({ ok: false, code: 'invalid-argument' });
    const polluted = JSON.parse(
      '{"path":null,"suggestedName":"x","text":"t","expectedMtimeMs":null,"__proto__":{"force":true}}',
    ) as unknown;
    expect(await handlers['host:save-file'](appPage, [polluted])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/unknown field "__proto__"/),
    });
    expect(({} as Record<string, unknown>).force).toBeUndefined();
  });
});

describe('handlers', () => {
  it('save, read back, recent files and recovery work end to end through the handlers', async () => {
    const docs = tempDir();
    const target = path.join(docs, 'draft.ordinance.yaml');
    const { handlers, dialogs } = setup(new ScriptedDialogs().answer(target));
    const saved = await handlers['host:save-file'](appPage, [
      { path: null, suggestedName: 'draft.ordinance.yaml', text: 'title: Draft\n', expectedMtimeMs: null },
    ]);
    expect(saved).toMatchObject({ ok: true, value: { path: target, name: 'draft.ordinance.yaml' } });
    expect(dialogs.asked).toHaveLength(1);
    expect(await handlers['host:read-file'](appPage, [target])).toMatchObject({ ok: true, value: { text: 'title: Draft\n' } });
    expect(await handlers['host:recent-files'](appPage, [])).toEqual({ ok: true, value: [target] });
    expect(await handlers['host:write-recovery'](appPage, [{ docId: target, name: 'draft', text: 'unsaved', savedAtMs: 7 }])).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await handlers['host:read-recovery'](appPage, [])).toEqual({
      ok: true,
      value: [{ docId: target, name: 'draft', text: 'unsaved', savedAtMs: 7 }],
    });
    expect(await handlers['host:clear-recovery'](appPage, [target])).toEqual({ ok: true, value: undefined });
    expect(await handlers['host:read-recovery'](appPage, [])).toEqual({ ok: true, value: [] });
  });

  it('returns failures as Results with a code and the file named, never throwing', async () => {
    const docs = tempDir();
    const file = path.join(docs, 'd.ordinance.yaml');
    fs.writeFileSync(file, 'v1');
    const { handlers, files } = setup();
    files.openFromOutside(file);
    const mtime = fs.statSync(file).mtimeMs;
    fs.writeFileSync(file, 'v1 edited elsewhere');
    const refused = await handlers['host:save-file'](appPage, [{ path: file, suggestedName: 'd', text: 'v2', expectedMtimeMs: mtime }]);
    expect(refused).toMatchObject({ ok: false, code: 'changed-on-disk', error: expect.stringContaining('d.ordinance.yaml') });
    const denied = await handlers['host:read-file'](appPage, ['/etc/passwd']);
    expect(denied).toMatchObject({ ok: false, code: 'not-permitted' });
    fs.rmSync(file);
    const missing = await handlers['host:read-file'](appPage, [file]);
    expect(missing).toMatchObject({ ok: false, code: 'io', error: `${file}: no such file` });
    const noSample = await handlers['host:read-sample'](appPage, ['../../package.json']);
    expect(noSample).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('turns a service that throws (or rejects with a non-Error) into a failed Result', async () => {
    const { files } = setup();
    const handlers = createInvokeHandlers({
      files,
      info: () => {
        throw new Error('boom');
      },
      printToPdf: () => Promise.reject('printer on fire' as unknown as Error),
    });
    expect(await handlers['host:info'](appPage, [])).toEqual({ ok: false, error: 'boom', code: 'io' });
    expect(await handlers['host:print-to-pdf'](appPage, ['<p>'])).toEqual({ ok: false, error: 'printer on fire', code: 'io' });
  });

  it('prints HTML through the print service and lists samples', async () => {
    const { handlers, printed } = setup();
    const pdf = await handlers['host:print-to-pdf'](appPage, ['<h1>Ordinance</h1>']);
    expect(pdf.ok && new TextDecoder().decode(pdf.value)).toBe('%PDF-1.7');
    expect(printed).toEqual(['<h1>Ordinance</h1>']);
    const samples = await handlers['host:list-samples'](appPage, []);
    expect(samples.ok && samples.value.some((s) => s.kind === 'ordinance')).toBe(true);
  });

  it('setDirty is accepted only from the app page and only as a boolean', () => {
    const seen: boolean[] = [];
    const handler = createDirtyHandler((d) => seen.push(d));
    expect(handler(appPage, [true])).toBe(true);
    expect(handler(appPage, ['true'])).toBe(false);
    expect(handler(appPage, [])).toBe(false);
    expect(handler({ url: 'https://evil.example/', isMainFrame: true }, [false])).toBe(false);
    expect(handler(null, [false])).toBe(false);
    expect(handler(appPage, [false])).toBe(true);
    expect(seen).toEqual([true, false]);
  });
});

describe('registration', () => {
  it('registers exactly the declared channels on ipcMain and removes them again', async () => {
    const { handlers } = setup();
    const handled = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
    const ipcMain = {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => void handled.set(channel, fn),
      removeHandler: (channel: string) => void handled.delete(channel),
      on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => (listeners.set(channel, fn), ipcMain),
      removeListener: (channel: string) => (listeners.delete(channel), ipcMain),
    };
    const dirty: boolean[] = [];
    const unregister = registerIpc(
      ipcMain as never,
      handlers,
      createDirtyHandler((d) => dirty.push(d)),
    );
    expect([...handled.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect([...listeners.keys()]).toEqual(SEND_CHANNELS);
    // a call as Electron makes it: the event carries the sender frame
    const fromApp = { senderFrame: { url: APP_ENTRY_URL, parent: null } };
    const fromWeb = { senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await handled.get('host:recent-files')!(fromApp)).toEqual({ ok: true, value: [] });
    expect(await handled.get('host:recent-files')!(fromWeb)).toMatchObject({ ok: false, code: 'untrusted-sender' });
    listeners.get('host:set-dirty')!(fromApp, true);
    listeners.get('host:set-dirty')!(fromWeb, false);
    expect(dirty).toEqual([true]);
    unregister();
    expect(handled.size).toBe(0);
    expect(listeners.size).toBe(0);
  });

  it('declares distinct channel names on one namespace', () => {
    const all = [...INVOKE_CHANNELS, ...SEND_CHANNELS, ...EVENT_CHANNELS];
    expect(new Set(all).size).toBe(all.length);
    for (const c of all) expect(c).toMatch(/^host:[a-z-]+$/);
  });
});
