// Every IPC channel between Electron's main process and the preload, with its arguments and result:
// both sides type-check against this one file, so a channel can't be renamed or reshaped on one side only.

import type {
  DocumentKind,
  ExportRequest,
  HostInfo,
  MenuEvent,
  OpenedFile,
  RecoveryEntry,
  Result,
  SampleEntry,
  SavedFile,
  SaveRequest,
} from './contract';

/** Request/response channels (`ipcRenderer.invoke` / `ipcMain.handle`); every result is a Result. */
export interface InvokeChannels {
  'host:info': { args: []; result: HostInfo };
  'host:open-file': { args: [kind: DocumentKind]; result: OpenedFile | null };
  'host:read-file': { args: [path: string]; result: OpenedFile };
  'host:save-file': { args: [request: SaveRequest]; result: SavedFile | null };
  'host:export-file': { args: [request: ExportRequest]; result: SavedFile | null };
  'host:recent-files': { args: []; result: string[] };
  'host:list-samples': { args: []; result: SampleEntry[] };
  'host:read-sample': { args: [name: string]; result: OpenedFile };
  'host:write-recovery': { args: [entry: RecoveryEntry]; result: void };
  'host:read-recovery': { args: []; result: RecoveryEntry[] };
  'host:clear-recovery': { args: [docId: string]; result: void };
  'host:print-to-pdf': { args: [html: string]; result: Uint8Array };
}

export type InvokeChannel = keyof InvokeChannels;
export type InvokeArgs<C extends InvokeChannel> = InvokeChannels[C]['args'];
export type InvokeResult<C extends InvokeChannel> = Result<InvokeChannels[C]['result']>;

/** One-way messages from the renderer (`ipcRenderer.send` / `ipcMain.on`). */
export interface SendChannels {
  'host:set-dirty': [dirty: boolean];
}

export type SendChannel = keyof SendChannels;

/** Events from the main process to the renderer (`webContents.send` / `ipcRenderer.on`). */
export interface EventChannels {
  'host:menu': MenuEvent;
  'host:opened-externally': OpenedFile;
  'host:file-changed': string;
}

export type EventChannel = keyof EventChannels;

/** Runtime lists, checked against the types above so a new channel can't be left unregistered. */
const invokeChannelSet: { [C in InvokeChannel]: true } = {
  'host:info': true,
  'host:open-file': true,
  'host:read-file': true,
  'host:save-file': true,
  'host:export-file': true,
  'host:recent-files': true,
  'host:list-samples': true,
  'host:read-sample': true,
  'host:write-recovery': true,
  'host:read-recovery': true,
  'host:clear-recovery': true,
  'host:print-to-pdf': true,
};
export const INVOKE_CHANNELS = Object.keys(invokeChannelSet) as InvokeChannel[];

const eventChannelSet: { [C in EventChannel]: true } = {
  'host:menu': true,
  'host:opened-externally': true,
  'host:file-changed': true,
};
export const EVENT_CHANNELS = Object.keys(eventChannelSet) as EventChannel[];

export const SEND_CHANNELS: SendChannel[] = ['host:set-dirty'];
