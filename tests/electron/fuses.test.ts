// Electron fuses of a packaged app: the afterPack hook in scripts/electron-fuses.mjs sets them in the
// packed executable and reads them back. Run here as plain functions on a stand-in binary carrying a fuse
// wire as Electron ships it (no Electron download); installers.test.ts runs the same hook through
// electron-builder.

import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script, no type declarations
import { afterPack, electronBinaryPath, fuseMismatches, undecidedFuses } from '../../scripts/electron-fuses.mjs';
import { ELECTRON_DEFAULT_WIRE, readFuses, standInFuseWire, WANTED_FUSES } from './fuse-wire';
import { repoRoot, tempDir } from './helpers';

type Context = {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
};

function linuxApp(wire = ELECTRON_DEFAULT_WIRE): { context: Context; binary: string } {
  const appOutDir = tempDir('ds-fuses-');
  const binary = path.join(appOutDir, 'detainer-policy-studio');
  fs.writeFileSync(binary, standInFuseWire(wire), { mode: 0o755 });
  return {
    binary,
    context: {
      appOutDir,
      electronPlatformName: 'linux',
      packager: { appInfo: { productFilename: 'Detainer Policy Studio' }, executableName: 'detainer-policy-studio' },
    },
  };
}

describe('Electron fuses', () => {
  it('electron-builder runs the fuse step after packing, for every platform', () => {
    const config = YAML.parse(fs.readFileSync(path.join(repoRoot, 'build', 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
    expect(config.afterPack).toBe('./scripts/electron-fuses.mjs');
    expect(config.asar).toBe(true);
    // electron-builder's own fuse option would flip them a second time, differently
    expect(config.electronFuses).toBeUndefined();
  });

  it('turns RunAsNode, NODE_OPTIONS, --inspect and file:// privileges off, cookie encryption, ASAR integrity and only-app.asar on', async () => {
    const { context, binary } = linuxApp();
    expect(await fuseMismatches(binary)).not.toEqual([]);
    await afterPack(context);
    expect(await readFuses(binary)).toEqual(WANTED_FUSES);
    expect(await fuseMismatches(binary)).toEqual([]);
    // the rest of the executable is untouched
    expect(fs.statSync(binary).size).toBe(standInFuseWire().length);
  });

  it('names the executable of each platform', () => {
    const { context } = linuxApp();
    expect(electronBinaryPath(context)).toBe(path.join(context.appOutDir, 'detainer-policy-studio'));
    expect(electronBinaryPath({ ...context, electronPlatformName: 'win32' })).toBe(
      path.join(context.appOutDir, 'Detainer Policy Studio.exe'),
    );
    expect(electronBinaryPath({ ...context, electronPlatformName: 'darwin' })).toBe(
      path.join(context.appOutDir, 'Detainer Policy Studio.app'),
    );
  });

  it('a fuse a later Electron adds keeps its default and is named; a binary without fuses fails the build', async () => {
    const later = linuxApp(ELECTRON_DEFAULT_WIRE + '1');
    await afterPack(later.context);
    expect(await fuseMismatches(later.binary)).toEqual([]);
    expect(await undecidedFuses(later.binary)).toEqual(['fuse 8 (on)']);

    const none = linuxApp();
    fs.writeFileSync(none.binary, '#!/bin/sh\nexit 0\n');
    await expect(afterPack(none.context)).rejects.toThrow(/sentinel/);
  });

  it('an older Electron whose wire lacks a fuse fails the build, naming it', async () => {
    const { context } = linuxApp(ELECTRON_DEFAULT_WIRE.slice(0, 6));
    await expect(afterPack(context)).rejects.toThrow(/not long enough|LoadBrowserProcessSpecificV8Snapshot/);
  });
});
