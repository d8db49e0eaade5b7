// A stand-in Electron fuse wire for tests (the real binary can't be downloaded here), and a reader of the
// fuses of a binary by name, to check what the packaging step leaves in the executable.
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

/** The marker Electron places before its fuse wire (Electron's fuse documentation). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Electron's shipped defaults, fuse by fuse: RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on. */
export const ELECTRON_DEFAULT_WIRE = '10110001';

/** Bytes holding a version-1 fuse wire as Electron ships it, between some bytes of "binary". */
export function standInFuseWire(wire = ELECTRON_DEFAULT_WIRE): Buffer {
  return Buffer.concat([
    Buffer.from('\0binary before\0'),
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, wire.length]),
    Buffer.from(wire, 'ascii'),
    Buffer.from('\0binary after\0'),
  ]);
}

/** What a packaged Detainer Policy Studio must carry. */
export const WANTED_FUSES = {
  RunAsNode: 'off',
  EnableCookieEncryption: 'on',
  EnableNodeOptionsEnvironmentVariable: 'off',
  EnableNodeCliInspectArguments: 'off',
  EnableEmbeddedAsarIntegrityValidation: 'on',
  OnlyLoadAppFromAsar: 'on',
  LoadBrowserProcessSpecificV8Snapshot: 'off',
  GrantFileProtocolExtraPrivileges: 'off',
};

/** The fuses of a binary by name: 'on', 'off' or 'removed'. */
export async function readFuses(binary: string): Promise<Record<string, string>> {
  const wire = (await getCurrentFuseWire(binary)) as unknown as Record<string, number | string>;
  const out: Record<string, string> = {};
  for (const [key, state] of Object.entries(wire)) {
    if (!/^\d+$/.test(key)) continue;
    const name = (FuseV1Options as unknown as Record<string, string>)[key] ?? `fuse ${key}`;
    out[name] = state === 0x31 ? 'on' : state === 0x30 ? 'off' : 'removed';
  }
  return out;
}
