// The main process's IPC handlers: each checks that the message comes from the app's own page,
// checks its arguments, runs, and answers with a Result; nothing is ever thrown back across IPC.
// Handlers are plain functions of (sender, arguments), so Node tests call them without Electron.

import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { HostErrorCode, HostInfo, Result } from '../host/contract';
import { INVOKE_CHANNELS, type InvokeArgs, type InvokeChannel, type InvokeChannels, type InvokeResult } from '../host/ipc-channels';
import { FileError } from '../host/files.node';
import { HostError, type FileService } from './files';
import { checkDirtyArgument, checkInvokeArguments } from './ipc-arguments';
import { isTrustedSender, type SenderFrame } from './security';

/** What the handlers need from the rest of the main process. */
export interface HostServices {
  files: FileService;
  info(): HostInfo;
  printToPdf(html: string): Promise<Uint8Array>;
}

export type InvokeHandler<C extends InvokeChannel> = (sender: SenderFrame | null, args: unknown[]) => Promise<InvokeResult<C>>;
export type InvokeHandlers = { [C in InvokeChannel]: InvokeHandler<C> };

function failure(code: HostErrorCode, error: string): { ok: false; error: string; code: HostErrorCode } {
  return { ok: false, error, code };
}

/** Turns anything thrown by a service into a Result with a message a person can act on. */
export function failureFrom(e: unknown): { ok: false; error: string; code: HostErrorCode } {
  if (e instanceof HostError) return failure(e.code, e.message);
  if (e instanceof FileError) return failure('io', `${e.file}: ${e.message}`);
  const message = e instanceof Error ? e.message : String(e);
  return failure('io', message || 'the operation failed');
}

type Implementations = {
  [C in InvokeChannel]: (...args: InvokeArgs<C>) => InvokeChannels[C]['result'] | Promise<InvokeChannels[C]['result']>;
};

function implementations(services: HostServices): Implementations {
  const { files } = services;
  return {
    'host:info': () => services.info(),
    'host:open-file': (kind) => files.openWithDialog(kind),
    'host:read-file': (file) => files.readGranted(file),
    'host:save-file': (request) => files.save(request),
    'host:export-file': (request) => files.exportFile(request),
    'host:recent-files': () => files.recentFiles(),
    'host:list-samples': () => files.listSamples(),
    'host:read-sample': (name) => files.readSample(name),
    'host:write-recovery': (entry) => files.writeRecovery(entry),
    'host:read-recovery': () => files.readRecovery(),
    'host:clear-recovery': (docId) => files.clearRecovery(docId),
    'host:print-to-pdf': (html) => services.printToPdf(html),
  };
}

function guarded<C extends InvokeChannel>(channel: C, run: Implementations[C]): InvokeHandler<C> {
  return async (sender, args) => {
    if (!isTrustedSender(sender)) {
      return failure('untrusted-sender', `${channel}: refused, the message did not come from the app's own page`);
    }
    const checked = checkInvokeArguments(channel, args);
    if (!checked.ok) return failure('invalid-argument', `${channel}: ${checked.error}`);
    try {
      const value = await (run as (...a: InvokeArgs<C>) => InvokeChannels[C]['result'] | Promise<InvokeChannels[C]['result']>)(
        ...checked.value,
      );
      return { ok: true, value } as Result<InvokeChannels[C]['result']>;
    } catch (e) {
      return failureFrom(e);
    }
  };
}

/** Every invoke handler, guarded. */
export function createInvokeHandlers(services: HostServices): InvokeHandlers {
  const impl = implementations(services);
  const handlers = {} as Record<InvokeChannel, InvokeHandler<InvokeChannel>>;
  for (const channel of INVOKE_CHANNELS) {
    handlers[channel] = guarded(channel, impl[channel] as Implementations[typeof channel]) as InvokeHandler<InvokeChannel>;
  }
  return handlers as InvokeHandlers;
}

/** Handler for the one-way `setDirty` message; ignores anything not from the app's page. */
export function createDirtyHandler(setDirty: (dirty: boolean) => void): (sender: SenderFrame | null, args: unknown[]) => boolean {
  return (sender, args) => {
    if (!isTrustedSender(sender)) return false;
    const checked = checkDirtyArgument(args);
    if (!checked.ok) return false;
    setDirty(checked.value);
    return true;
  };
}

/** The sender of an IPC event as the security check sees it. */
export function senderFrameOf(event: Pick<IpcMainInvokeEvent | IpcMainEvent, 'senderFrame'>): SenderFrame | null {
  let frame: IpcMainEvent['senderFrame'];
  try {
    // Reading senderFrame throws if the frame navigated or was destroyed meanwhile.
    frame = event.senderFrame;
  } catch {
    return null;
  }
  if (!frame) return null;
  return { url: frame.url, isMainFrame: frame.parent === null };
}

/** Registers the handlers on Electron's ipcMain; returns a function that removes them. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>,
  handlers: InvokeHandlers,
  onDirty: (sender: SenderFrame | null, args: unknown[]) => boolean,
): () => void {
  for (const channel of INVOKE_CHANNELS) {
    const handler = handlers[channel] as InvokeHandler<InvokeChannel>;
    ipcMain.handle(channel, (event, ...args: unknown[]) => handler(senderFrameOf(event), args));
  }
  const dirtyListener = (event: IpcMainEvent, ...args: unknown[]) => {
    onDirty(senderFrameOf(event), args);
  };
  ipcMain.on('host:set-dirty', dirtyListener);
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
    ipcMain.removeListener('host:set-dirty', dirtyListener);
  };
}
