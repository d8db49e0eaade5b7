// Canonical JSON and the policy fingerprint: SHA-256 of the document with keys sorted and no
// whitespace, so formatting and comments never change it and any change of content does.

import { sha256Hex } from './sha256';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return value === undefined ? 'null' : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined && k !== '$schema')
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** `sha256:` followed by 64 hex digits. */
export function fingerprint(value: unknown): string {
  return `sha256:${sha256Hex(canonicalJson(value))}`;
}

/** The first 12 hex digits, as printed on pages. */
export function shortFingerprint(fp: string): string {
  return fp.replace(/^sha256:/, '').slice(0, 12);
}
