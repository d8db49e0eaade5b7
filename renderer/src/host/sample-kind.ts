// What kind of document a bundled sample is, from its file name or folder.

import type { DocumentKind } from '../../../host/contract';

export function sampleKind(name: string): DocumentKind {
  const lower = name.toLowerCase();
  if (/\.ordinance\.ya?ml$/.test(lower) || lower.startsWith('ordinances/')) return 'ordinance';
  if (/\.scenario\.ya?ml$/.test(lower) || lower.startsWith('scenarios/')) return 'scenario';
  return 'cases';
}
