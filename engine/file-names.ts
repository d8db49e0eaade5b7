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

/** "trust-act-2014": the short title (else the title) and the version. */
export function policyBaseName(o: Pick<Ordinance, 'title' | 'shortTitle' | 'version'>): string {
  const name = slug(o.shortTitle ?? o.title);
  return o.version ? `${name}-${slug(o.version)}` : name;
}
