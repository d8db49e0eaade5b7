// The file name a save downloads under where the browser has no save dialog: the document's own, or
// for a new document one made from its title and version; and a name as typed, made a file name.

import { isWindowsDeviceName, policyBaseName, type Ordinance } from '../../../engine/vocabulary';
import { STARTER_NAME } from './starter';
import { withoutUnsafeOrInvisible } from '../../../engine/text-safety';

/** The name suggested: the document's own, or for a new one "trust-act-2014.ordinance.yaml" from its title and version. */
export function saveNameFor(documentName: string, ordinance: Pick<Ordinance, 'title' | 'shortTitle' | 'version'> | null): string {
  if (documentName !== STARTER_NAME || !ordinance) return documentName;
  return `${policyBaseName(ordinance)}.ordinance.yaml`;
}

/**
 * A name as typed made a file name: no folder, none of the characters file systems refuse, no direction
 * override or character that does not show (the name would read otherwise than it is), no leading
 * dot, no trailing dot or space (Windows drops them), and not a name Windows keeps for a device
 * ("CON", "nul.docx"), which gets an underscore after its first word.
 */
function fileNameOf(typed: string): string {
  const name = withoutUnsafeOrInvisible(
    typed
      .trim()
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-'),
  )
    .replace(/^[.\s-]+/, '')
    .replace(/[.\s]+$/, '');
  return isWindowsDeviceName(name) ? name.replace(/^[^.]*/, '$&_') : name;
}

/**
 * An export's name as typed, as a file name ending in the suggested name's extension (".docx",
 * ".json"), added when the typed name lacks it. Null when no name is left.
 */
export function cleanExportName(typed: string, suggested: string): string | null {
  const name = fileNameOf(typed);
  if (!name) return null;
  const extension = /\.[a-z0-9]+$/i.exec(suggested)?.[0];
  return !extension || name.toLowerCase().endsWith(extension.toLowerCase()) ? name : `${name}${extension}`;
}

/**
 * A name as typed, as a file name: no folder, none of the characters file systems refuse, ending in
 * ".yaml" or ".yml" (".ordinance.yaml" added when it has neither). Null when no name is left.
 */
export function cleanSaveName(typed: string): string | null {
  const name = fileNameOf(typed);
  if (!name) return null;
  if (/\.ya?ml$/i.test(name)) return name;
  return /\.ordinance$/i.test(name) ? `${name}.yaml` : `${name}.ordinance.yaml`;
}

/**
 * What the title bar's tooltip says of the open document: its full path where it has one on disk (the
 * desktop app), else its name (a sample, a new document, or a file the browser holds by an opaque
 * handle, "browser-file:…", which means nothing to a reader).
 */
export function documentTooltip(name: string, path: string | null): string {
  return path && !path.startsWith('browser-file:') ? path : name;
}
