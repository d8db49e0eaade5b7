// Text any XML or HTML document may carry: the one character check every export (and the Markdown
// text, and the decision table's CSV) makes. Outside engine/export/, apart from the page shell, so it
// loads without the typefaces, and `validate`, whose decision table (analysis/table.ts) reads it, loads
// no exporter.

import { isInvisibleAt, isUnsafeCharCode } from './text-safety';

/**
 * A character replaced with U+FFFD: one XML 1.0 forbids (C0 controls other than tab, newline and
 * return, U+FFFE, U+FFFF; lone surrogates are found below), or one no document here may show as it is
 * (text-safety.ts's unsafe characters: DEL, the C1 controls and the Unicode bidirectional embeddings,
 * overrides and isolates, which make a name or a clause display in another order than it reads;
 * text-safety.ts refuses all of them where an ordinance is loaded, but one built in code reaches the
 * exports without the loader). A carriage return XML allows, and it stays.
 */
function replaced(c: number): boolean {
  return c === 0xfffe || c === 0xffff || (c !== 0x0d && isUnsafeCharCode(c, true));
}

// Any character but tab, line breaks and printable ASCII.
const BEYOND_PLAIN_ASCII = /[^\t\n\r\x20-\x7e]/;

/** What `xmlSafe` does to the character at `i`: keep it, replace it (U+FFFD), or drop it. */
function action(s: string, i: number): 'keep' | 'replace' | 'drop' | 'pair' {
  const c = s.charCodeAt(i);
  if (c < 0x20) return c === 0x09 || c === 0x0a || c === 0x0d ? 'keep' : 'replace';
  if (c < 0x7f) return 'keep';
  if (c >= 0xd800 && c <= 0xdfff) {
    const next = s.charCodeAt(i + 1);
    return c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 'pair' : 'replace';
  }
  if (replaced(c)) return 'replace';
  return isInvisibleAt(s, i) ? 'drop' : 'keep';
}

/**
 * Replaces characters that no XML or HTML document may carry (or show as they are) with U+FFFD, so they
 * show rather than break the file, and removes those that do not show at all (zero-width spaces, the
 * word joiner, U+FEFF, the direction marks, and the non-joiner and joiner where they join nothing:
 * text-safety.ts's invisible characters, which the loader warns of in an ordinance and refuses in a
 * case id; the joiners Persian, the Indic scripts and emoji sequences are spelt with stay). A printed
 * name or term is then the same wherever it is printed, and never two that look alike but differ; a
 * definition and the text that uses its term lose the same characters.
 */
export function xmlSafe(text: string): string {
  // Text of printable ASCII and line breaks only, most of any document, is kept as it is.
  let i = text.search(BEYOND_PLAIN_ASCII);
  if (i < 0) return text;
  for (; i < text.length; i++) {
    const a = action(text, i);
    if (a === 'pair') i++;
    else if (a !== 'keep') break;
  }
  if (i >= text.length) return text;
  let out = '';
  let from = 0;
  for (; i < text.length; i++) {
    const a = action(text, i);
    if (a === 'pair') i++;
    else if (a !== 'keep') {
      out += text.slice(from, i) + (a === 'replace' ? '\uFFFD' : '');
      from = i + 1;
    }
  }
  return out + text.slice(from);
}
