// The base of the file names the app and the command line suggest for a policy: its short title (or
// title) and version as lower-case words joined by hyphens, e.g. "trust-act-2014".

import type { Ordinance } from './model';

/** Lower-case ASCII words joined by hyphens, at most 60 characters cut after a whole word; "ordinance" when none. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // At most 60 characters, cut after a whole word (a single word that long is cut where it must be).
  const cut = s.length <= 60 ? s : s.slice(0, 61).replace(/-[^-]*$/, '') || s.slice(0, 60);
  return cut.replace(/-+$/, '') || 'ordinance';
}

/**
 * True for a name Windows keeps for a device, whatever ending follows it: "con.md" and
 * "nul.ordinance.yaml" cannot be saved there (they name the console and the null device).
 */
export function isWindowsDeviceName(fileName: string): boolean {
  return /^(?:con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(?:\.|$)/i.test(fileName.trimEnd());
}

/** "trust-act-2014": the short title (else the title) and the version; "con-ordinance" for a short title "CON" alone. */
export function policyBaseName(o: Pick<Ordinance, 'title' | 'shortTitle' | 'version'>): string {
  const name = slug(o.shortTitle ?? o.title);
  const base = o.version ? `${name}-${slug(o.version)}` : name;
  return isWindowsDeviceName(base) ? `${base}-ordinance` : base;
}

/** The endings of case files, longest first: a case set's title leaves them off. */
const CASE_FILE_ENDING = /\.(?:cases\.(?:json|ya?ml|csv)|ya?ml|json|csv|xlsx)$/i;

/**
 * A case file's title, as the app names a case set (and as the samples list titles its case files):
 * the file name without its folder and ending, its hyphens and underscores as spaces, a capital first.
 * "data/riverton-2019.csv" is "Riverton 2019".
 */
export function caseSetTitle(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop()!.replace(CASE_FILE_ENDING, '');
  const words = base.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Case set';
}

/**
 * How a report names the case set a file holds: its title, then the file's own name (without its
 * folder) and what narrowed the set, e.g. "Riverton 2019 (riverton-2019.csv; Jail A, 2019-01-01 to …)".
 */
export function caseSetLabel(fileName: string, narrowed?: string): string {
  const base = fileName.split(/[\\/]/).pop()!;
  return `${caseSetTitle(base)} (${base}${narrowed ? `; ${narrowed}` : ''})`;
}
