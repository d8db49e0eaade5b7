// Installers: the electron-builder configuration is valid against electron-builder's own schema and
// complete for Linux, Windows and macOS; the icons are well-formed PNG, ICO and ICNS files; and the
// configuration packs an unpacked app with only the bundles inside. Packing uses ELECTRON_DIST (an
// unpacked Electron folder) where one is given, and a stand-in folder otherwise: no Electron download.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './helpers';
import { readFuses, standInFuseWire, WANTED_FUSES } from './fuse-wire';

const require = createRequire(import.meta.url);
const configFile = path.join(repoRoot, 'build', 'electron-builder.yml');
const config = YAML.parse(fs.readFileSync(configFile, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

interface Png {
  width: number;
  height: number;
  colourType: number;
}

/** Reads a PNG strictly: signature, every chunk's CRC, IHDR, and IDAT that inflates to the right size. */
function readPng(data: Buffer): Png {
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let ihdr: Png | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('ascii', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    const crc = data.readUInt32BE(offset + 8 + length);
    expect(zlib.crc32(data.subarray(offset + 4, offset + 8 + length)), `${type} CRC`).toBe(crc);
    if (type === 'IHDR') ihdr = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), colourType: body[9]! };
    if (type === 'IDAT') idat.push(body);
    if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  expect(ended).toBe(true);
  expect(ihdr).toBeDefined();
  const raw = zlib.inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((ihdr!.width * 4 + 1) * ihdr!.height);
  return ihdr!;
}

describe('electron-builder configuration', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = require('app-builder-lib/scheme.json') as object;
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addKeyword({ keyword: 'typeof' });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 1)).toBe(true);
    // and the schema does reject a misspelt key, so passing means something
    expect(validate({ ...config, linux: { ...config.linux, targets: ['deb'] } })).toBe(false);
  });

  it('names the app and builds AppImage and deb, NSIS, and dmg', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/);
    expect(config.productName).toBe('Detainer Policy Studio');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.category).toBe('Office');
    expect(config.mac.category).toBe('public.app-category.productivity');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs');
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('packs only the bundles and the built pages, never sources or node_modules', () => {
    expect(config.files).toEqual([
      'package.json',
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/web/**/*',
      '!**/*.map',
      '!node_modules/**/*',
    ]);
    expect(config.extraResources).toEqual([{ from: 'samples', to: 'samples', filter: ['**/*.yaml', '**/*.yml', '**/*.json', '**/*.csv'] }]);
    expect(fs.existsSync(path.join(repoRoot, 'samples'))).toBe(true);
  });

  it('associates *.ordinance.yaml with a MIME type and a desktop entry on Linux, and offers "Open with" elsewhere', () => {
    expect(config.linux.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'ordinance.yaml', mimeType: 'application/x-detainer-ordinance+yaml', role: 'Editor' }),
    ]);
    expect(config.linux.mimeTypes).toContain('application/x-detainer-ordinance+yaml');
    expect(config.linux.desktop.entry).toMatchObject({ Name: 'Detainer Policy Studio', Categories: 'Office;WordProcessor;' });
    expect(config.mac.fileAssociations[0]).toMatchObject({ ext: ['yaml', 'yml'], rank: 'Alternate', role: 'Editor' });
    const nsh = fs.readFileSync(path.join(repoRoot, config.nsis.include as string), 'utf8');
    expect(nsh).toMatch(/!macro customInstall[\s\S]*\.yaml\\OpenWithProgids[\s\S]*!macroend/);
    expect(nsh).toMatch(/!macro customUnInstall[\s\S]*DeleteRegKey[\s\S]*!macroend/);
  });

  it('has real icons for every platform', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      const png = readPng(fs.readFileSync(path.join(repoRoot, 'build', 'icons', `${size}x${size}.png`)));
      expect(png, `${size}px`).toEqual({ width: size, height: size, colourType: 6 });
    }
    expect(readPng(fs.readFileSync(path.join(repoRoot, 'build', 'icon.png')))).toEqual({ width: 1024, height: 1024, colourType: 6 });

    const ico = fs.readFileSync(path.join(repoRoot, config.win.icon as string));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const icoSizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      const size = ico[e] || 256;
      const png = readPng(ico.subarray(ico.readUInt32LE(e + 12), ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8)));
      expect(png.width).toBe(size);
      icoSizes.push(size);
    }
    expect(icoSizes).toEqual([16, 24, 32, 48, 64, 128, 256]);

    const icns = fs.readFileSync(path.join(repoRoot, config.mac.icon as string));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let offset = 8; offset < icns.length;) {
      const type = icns.toString('ascii', offset, offset + 4);
      const length = icns.readUInt32BE(offset + 4);
      readPng(icns.subarray(offset + 8, offset + length));
      types.push(type);
      offset += length;
    }
    expect(types).toEqual(expect.arrayContaining(['icp4', 'ic07', 'ic08', 'ic09', 'ic10']));
  });

  it('draws the icons reproducibly from scripts/make-icons.mjs', async () => {
    const { encodePng, renderIcon } = (await import('../../scripts/make-icons.mjs' as string)) as {
      encodePng: (w: number, h: number, rgba: Uint8Array) => Buffer;
      renderIcon: (size: number) => Uint8Array;
    };
    expect(encodePng(16, 16, renderIcon(16)).equals(fs.readFileSync(path.join(repoRoot, 'build', 'icons', '16x16.png')))).toBe(true);
    expect(encodePng(32, 32, renderIcon(32)).equals(fs.readFileSync(path.join(repoRoot, 'build', 'icons', '32x32.png')))).toBe(true);
  });
});

describe('packing an unpacked app (linux --dir)', () => {
  const electronDist = process.env.ELECTRON_DIST;

  /** A project folder as `npm run dist` sees it: the bundles, the pages, the samples, the config. */
  function stageProject(): string {
    const project = tempDir('ds-pack-');
    fs.copyFileSync(path.join(repoRoot, 'package.json'), path.join(project, 'package.json'));
    fs.cpSync(path.join(repoRoot, 'build'), path.join(project, 'build'), { recursive: true });
    fs.cpSync(path.join(repoRoot, 'samples'), path.join(project, 'samples'), { recursive: true });
    fs.mkdirSync(path.join(project, 'scripts'));
    fs.copyFileSync(path.join(repoRoot, 'scripts', 'electron-fuses.mjs'), path.join(project, 'scripts', 'electron-fuses.mjs'));
    // as in the repository: dependencies installed, and the configuration must keep them out of app.asar
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(project, 'node_modules'), 'junction');
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-electron.mjs')], {
      env: { ...process.env, ELECTRON_OUT_DIR: path.join(project, 'dist', 'electron') },
      stdio: 'pipe',
    });
    const builtWeb = path.join(repoRoot, 'dist', 'web');
    if (fs.existsSync(path.join(builtWeb, 'index.html'))) fs.cpSync(builtWeb, path.join(project, 'dist', 'web'), { recursive: true });
    else {
      fs.mkdirSync(path.join(project, 'dist', 'web'), { recursive: true });
      fs.writeFileSync(path.join(project, 'dist', 'web', 'index.html'), '<!doctype html><title>Detainer Policy Studio</title>');
    }
    return project;
  }

  /**
   * An Electron folder's shape (the executable, its licence, the version) for when none is available. The
   * executable carries a fuse wire as Electron ships it (RunAsNode, NODE_OPTIONS, --inspect and file://
   * privileges on), so packing must set the fuses.
   */
  function standInElectron(): string {
    const dir = tempDir('ds-electron-dist-');
    fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), standInFuseWire()]), { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'version'), `v${pkg.devDependencies.electron}`);
    fs.copyFileSync(require.resolve('electron/LICENSE'), path.join(dir, 'LICENSE'));
    fs.mkdirSync(path.join(dir, 'resources'));
    return dir;
  }

  it(
    `packs app.asar with only the bundles${electronDist ? ` (ELECTRON_DIST=${electronDist})` : ' (stand-in Electron folder; set ELECTRON_DIST for a real one)'}`,
    { timeout: 180_000 },
    async () => {
      if (!electronDist)
        console.log(
          'installers: ELECTRON_DIST not set; packing with a stand-in Electron folder (checks the app.asar and layout, not Electron)',
        );
      const project = stageProject();
      const builder = path.join(repoRoot, 'node_modules', '.bin', 'electron-builder');
      const pack = (args: string[]) => {
        try {
          execFileSync(builder, args, {
            cwd: project,
            stdio: 'pipe',
            env: { ...process.env, ELECTRON_BUILDER_CACHE: tempDir('ds-eb-cache-') },
          });
        } catch (e) {
          const { stdout, stderr } = e as { stdout?: Buffer; stderr?: Buffer };
          throw new Error(`electron-builder failed:\n${String(stdout ?? '').slice(-2000)}\n${String(stderr ?? '').slice(-2000)}`, {
            cause: e,
          });
        }
      };
      pack([
        '--config',
        'build/electron-builder.yml',
        '--linux',
        'dir',
        `-c.electronDist=${electronDist ? path.resolve(electronDist) : standInElectron()}`,
        `-c.electronVersion=${pkg.devDependencies.electron}`,
      ]);
      const unpacked = path.join(project, 'out', 'installers', 'linux-unpacked');
      expect(fs.existsSync(path.join(unpacked, 'detainer-policy-studio'))).toBe(true);
      const asar = require('@electron/asar') as { listPackage(file: string): string[]; extractFile(file: string, inner: string): Buffer };
      const archive = path.join(unpacked, 'resources', 'app.asar');
      const listed = asar.listPackage(archive).map((f) => f.replace(/\\/g, '/'));
      expect(listed).toEqual(
        expect.arrayContaining(['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/web/index.html']),
      );
      expect(listed.filter((f) => /node_modules|\.map$|\/electron\/[^/]+\.ts$|\/src\//.test(f))).toEqual([]);
      const packed = JSON.parse(asar.extractFile(archive, 'package.json').toString()) as { main: string; desktopName: string };
      expect(packed.main).toBe('dist/electron/main.cjs');
      expect(packed.desktopName).toBe('detainer-policy-studio.desktop');
      expect(fs.existsSync(path.join(unpacked, 'resources', 'samples', 'ordinances', 'connecticut-trust-act-2014.ordinance.yaml'))).toBe(
        true,
      );
      // the afterPack hook set every fuse in the packed executable
      const fuses = await readFuses(path.join(unpacked, 'detainer-policy-studio'));
      expect(fuses).toEqual(WANTED_FUSES);
    },
  );
});
