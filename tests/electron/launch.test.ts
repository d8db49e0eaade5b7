// Documents named on the command line (or by a second launch, or a double-click on Windows and
// Linux) are found among Electron's own arguments; the web bundle and samples are found where they are.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEVELOPMENT_SWITCHES,
  developmentSwitch,
  documentsFromArgv,
  entryUrl,
  isDevelopmentRun,
  samplesDir,
  webBundleDir,
} from '../../electron/launch';
import { isAppPageUrl, isNavigationAllowed } from '../../electron/security';
import { tempDir } from './helpers';

describe('command line', () => {
  it('takes existing documents, resolved against the folder the command ran in', () => {
    const dir = tempDir('ds-argv-');
    fs.writeFileSync(path.join(dir, 'a.ordinance.yaml'), 'a');
    fs.writeFileSync(path.join(dir, 'cases.csv'), 'id');
    fs.mkdirSync(path.join(dir, 'folder.yaml'));
    const argv = [
      '/opt/Detainer Policy Studio/detainer-policy-studio',
      '--no-sandbox',
      '--user-data-dir=/tmp/x',
      'a.ordinance.yaml',
      './cases.csv',
      'missing.ordinance.yaml',
      'folder.yaml',
      'a.ordinance.yaml',
      'notes.txt',
    ];
    expect(documentsFromArgv(argv, dir)).toEqual([path.join(dir, 'a.ordinance.yaml'), path.join(dir, 'cases.csv')]);
  });

  it('takes the file:// URLs a Linux desktop passes for a double-clicked file', () => {
    const dir = tempDir('ds-argv-');
    const file = path.join(dir, 'county draft #2.ordinance.yaml');
    fs.writeFileSync(file, 'x');
    const url = pathToFileURL(file).href;
    expect(url).toContain('%20');
    expect(
      documentsFromArgv(['/opt/app/detainer-policy-studio', '--no-sandbox', url, 'file://remote-host/share/x.ordinance.yaml'], '/'),
    ).toEqual([file]);
  });

  it('skips the app folder and main script of a development run', () => {
    const dir = tempDir('ds-argv-');
    fs.writeFileSync(path.join(dir, 'draft.ordinance.yaml'), 'd');
    expect(documentsFromArgv(['electron', '.', 'draft.ordinance.yaml'], dir)).toEqual([path.join(dir, 'draft.ordinance.yaml')]);
    expect(documentsFromArgv(['electron', 'dist/electron/main.cjs'], dir)).toEqual([]);
    expect(documentsFromArgv(['electron'], dir)).toEqual([]);
  });
});

describe('where things are', () => {
  const base = { env: {}, appPath: '/repo', resourcesPath: '/opt/app/resources', isPackaged: false };

  it('loads the web bundle from dist/web, or from DETAINER_STUDIO_WEB_DIR', () => {
    expect(webBundleDir(base)).toBe(path.join('/repo', 'dist', 'web'));
    expect(webBundleDir({ ...base, appPath: '/opt/app/resources/app.asar', isPackaged: true })).toBe(
      '/opt/app/resources/app.asar/dist/web',
    );
    expect(webBundleDir({ ...base, env: { DETAINER_STUDIO_WEB_DIR: '/tmp/fresh-build' } })).toBe('/tmp/fresh-build');
  });

  it('finds samples in the project, or beside app.asar when packaged', () => {
    expect(samplesDir(base)).toBe('/repo/samples');
    expect(samplesDir({ ...base, isPackaged: true })).toBe('/opt/app/resources/samples');
  });

  it('offers developer tools only in development', () => {
    expect(isDevelopmentRun(base)).toBe(true);
    expect(isDevelopmentRun({ ...base, isPackaged: true })).toBe(false);
    expect(isDevelopmentRun({ ...base, isPackaged: true, env: { DETAINER_STUDIO_DEV: '1' } })).toBe(false);
  });

  it('ignores every development switch in a packaged app: its own pages, its own profile, no test hook', () => {
    const switches = { DETAINER_STUDIO_WEB_DIR: '/tmp/evil', DETAINER_STUDIO_USER_DATA: '/tmp/other', DETAINER_STUDIO_E2E: '1' };
    const packaged = { ...base, appPath: '/opt/app/resources/app.asar', isPackaged: true, env: switches };
    expect(webBundleDir(packaged)).toBe('/opt/app/resources/app.asar/dist/web');
    expect(entryUrl(packaged)).toBe('app://studio/index.html');
    for (const name of DEVELOPMENT_SWITCHES) {
      expect(developmentSwitch(packaged, name)).toBeUndefined();
      expect(developmentSwitch({ ...packaged, isPackaged: false }, name)).toBe(switches[name]);
    }
  });

  it('loads the entry page, with the test hook only when the end-to-end tests ask for it', () => {
    expect(entryUrl({ env: {}, isPackaged: false })).toBe('app://studio/index.html');
    expect(entryUrl({ env: { DETAINER_STUDIO_E2E: '1' }, isPackaged: false })).toBe('app://studio/index.html?e2e');
    // still the app's own page: trusted for IPC, and reloadable
    expect(isAppPageUrl(entryUrl({ env: { DETAINER_STUDIO_E2E: '1' }, isPackaged: false }))).toBe(true);
    expect(isNavigationAllowed(entryUrl({ env: { DETAINER_STUDIO_E2E: '1' }, isPackaged: false }))).toBe(true);
  });
});
