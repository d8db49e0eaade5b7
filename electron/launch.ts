// How the app was started: which documents the command line names, where the built web bundle and
// the samples are, and whether this is a development run. Plain functions, tested in Node.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ENTRY_URL } from './security';

/** File names the app opens when given on the command line or double-clicked. */
export const DOCUMENT_PATTERN = /\.(ordinance\.ya?ml|ya?ml|json|csv)$/i;

/**
 * Documents named on a command line: arguments that are not switches, have a document's extension,
 * and are existing files, resolved against the folder the command ran in (or given as file:// URLs). The executable, the app
 * folder (`electron .`) and the main script are skipped because they are not documents.
 */
export function documentsFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !DOCUMENT_PATTERN.test(arg)) continue;
    let file: string;
    try {
      // Linux desktops pass a double-clicked file as a file:// URL (the desktop entry's %U).
      file = arg.startsWith('file://') ? fileURLToPath(arg) : path.resolve(cwd, arg);
    } catch {
      continue;
    }
    try {
      if (fs.statSync(file).isFile() && !files.includes(file)) files.push(file);
    } catch {
      // not a file: a stray argument, not a document
    }
  }
  return files;
}

export interface LaunchEnvironment {
  env: Record<string, string | undefined>;
  /** app.getAppPath(): the project root in development, resources/app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath (packaged app), where extra resources such as samples live. */
  resourcesPath: string;
  isPackaged: boolean;
}

/** Environment variable naming another folder to load the web bundle from (e.g. a fresh `vite build`). */
export const WEB_DIR_VARIABLE = 'DETAINER_STUDIO_WEB_DIR';
/** Environment variable naming another userData folder (tests run each launch in a fresh one). */
export const USER_DATA_VARIABLE = 'DETAINER_STUDIO_USER_DATA';

/** Environment variable that turns on the page's test hook (end-to-end tests drive the editor's model). */
export const E2E_VARIABLE = 'DETAINER_STUDIO_E2E';

/** The switches a development run or a test takes from the environment; a packaged app ignores them all. */
export const DEVELOPMENT_SWITCHES = [WEB_DIR_VARIABLE, USER_DATA_VARIABLE, E2E_VARIABLE] as const;

/**
 * A development switch's value, or undefined in a packaged app: there another web folder would run any
 * JavaScript as the trusted app page with the whole IPC, and the test hook would drive the editor.
 */
export function developmentSwitch(
  launch: Pick<LaunchEnvironment, 'env' | 'isPackaged'>,
  name: (typeof DEVELOPMENT_SWITCHES)[number],
): string | undefined {
  return launch.isPackaged ? undefined : launch.env[name] || undefined;
}

/** Folder of the built renderer: `dist/web` in the app, unless DETAINER_STUDIO_WEB_DIR names another (from source only). */
export function webBundleDir(launch: LaunchEnvironment): string {
  const override = developmentSwitch(launch, WEB_DIR_VARIABLE);
  if (override) return path.resolve(override);
  return path.join(launch.appPath, 'dist', 'web');
}

/** Folder of the bundled samples: beside app.asar when packaged, the project's samples/ otherwise. */
export function samplesDir(launch: LaunchEnvironment): string {
  return launch.isPackaged ? path.join(launch.resourcesPath, 'samples') : path.join(launch.appPath, 'samples');
}

/** Developer tools and reload are offered only when running from source; a packaged app never offers them. */
export function isDevelopmentRun(launch: LaunchEnvironment): boolean {
  return !launch.isPackaged;
}

/** The page the window loads: the app's entry, asking for the test hook when tests set E2E_VARIABLE (from source only). */
export function entryUrl(launch: Pick<LaunchEnvironment, 'env' | 'isPackaged'>): string {
  return developmentSwitch(launch, E2E_VARIABLE) === '1' ? `${APP_ENTRY_URL}?e2e` : APP_ENTRY_URL;
}
