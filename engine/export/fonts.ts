// The typefaces every printed document uses, shipped with the project (Tinos, Arimo and Cousine from
// the npm registry, SIL Open Font License 1.1; metric-compatible with Times New Roman, Arial and
// Courier New, as Liberation Serif, Sans and Mono are) and embedded in each HTML, PDF and chart export
// by @font-face, so a page lays out the same on any machine whatever fonts it has installed.

import { FONT_FILES, SHIPPED_FONT_NAMES, type ShippedFontFile } from '../generated/fonts.js';

/** The PostScript names of every shipped face: the only fonts a printed PDF may hold. */
export { SHIPPED_FONT_NAMES };

export type ShippedFamily = 'Tinos' | 'Arimo' | 'Cousine';

/** CSS font-family values. The shipped family comes first; the rest only serve an HTML file viewed where a glyph is missing. */
export const SERIF = 'Tinos, "Liberation Serif", "Times New Roman", Times, serif';
export const SANS = 'Arimo, "Liberation Sans", Arial, Helvetica, sans-serif';
export const MONO = 'Cousine, "Liberation Mono", "Courier New", monospace';

export interface DocumentFace {
  family: ShippedFamily;
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

const face = (family: ShippedFamily, weight: 400 | 700 = 400, style: 'normal' | 'italic' = 'normal'): DocumentFace => ({
  family,
  weight,
  style,
});

/** The CSS font-family value that puts a shipped family first. */
export function fontStack(family: ShippedFamily): string {
  return family === 'Tinos' ? SERIF : family === 'Arimo' ? SANS : MONO;
}

/**
 * The faces of a serif document (ordinance, redline): text in regular, bold (headings, table headers,
 * defined terms) and italic (subtitle, plain readings); the fingerprint in Cousine. The first face's
 * family also prints the page margins: a face used only there would never load (the print engine
 * loads a web font when the page's own text needs it).
 */
export const SERIF_DOCUMENT_FACES: readonly DocumentFace[] = [
  face('Tinos'),
  face('Tinos', 700),
  face('Tinos', 400, 'italic'),
  face('Cousine'),
];

/** The impact report's faces: a serif document's, and Arimo for the charts' labels. */
export const REPORT_FACES: readonly DocumentFace[] = [...SERIF_DOCUMENT_FACES, face('Arimo')];

/** The faces of a sans-serif document (the officer guide): regular and bold text, the fingerprint in Cousine. */
export const SANS_DOCUMENT_FACES: readonly DocumentFace[] = [face('Arimo'), face('Arimo', 700), face('Cousine')];

function covers(file: ShippedFontFile, code: number): boolean {
  const r = file.ranges;
  // Binary search over the flattened [first, last] pairs.
  let lo = 0;
  let hi = r.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (code < r[mid * 2]!) hi = mid - 1;
    else if (code > r[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

function filesOf(f: DocumentFace): ShippedFontFile[] {
  return FONT_FILES.filter((x) => x.family === f.family && x.weight === f.weight && x.style === f.style);
}

/** The distinct code points of a text, outside the ASCII range every face covers. */
function wideCodePoints(text: string): number[] {
  const seen = new Set<number>();
  // By code unit, reading a code point only off the ASCII path: pages are mostly ASCII (and base64).
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) <= 0x7e) continue;
    const c = text.codePointAt(i)!;
    if (c > 0xffff) i++;
    seen.add(c);
  }
  return [...seen].sort((a, b) => a - b);
}

function unicodeRange(file: ShippedFontFile): string {
  const parts: string[] = [];
  for (let i = 0; i < file.ranges.length; i += 2) {
    const [a, b] = [file.ranges[i]!, file.ranges[i + 1]!];
    const hex = (n: number) => n.toString(16).toUpperCase();
    parts.push(a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`);
  }
  return parts.join(',');
}

/**
 * `@font-face` rules embedding the faces a document uses, as data: URLs (the export fetches nothing).
 * Each face's Latin file is always included; its Latin Extended and Vietnamese files only when `text`
 * (the document) holds a character that only they cover, which keeps the usual export small.
 */
export function fontFaceCss(faces: readonly DocumentFace[], text: string): string {
  const wide = wideCodePoints(text);
  const rules: string[] = [];
  for (const f of faces) {
    const files = filesOf(f);
    const latin = files.find((x) => x.subset === 'latin');
    const needed = files.filter((x) => x === latin || wide.some((c) => covers(x, c) && !(latin && covers(latin, c))));
    // In a composite face the rule defined last is tried first: the Latin file goes last, so the
    // characters several files share come from it.
    needed.sort((a, b) => Number(a === latin) - Number(b === latin));
    for (const x of needed) {
      rules.push(
        `@font-face { font-family: "${x.family}"; font-style: ${x.style}; font-weight: ${x.weight}; ` +
          `src: url(data:font/woff2;base64,${x.woff2}) format("woff2"); unicode-range: ${unicodeRange(x)}; }`,
      );
    }
  }
  return rules.join('\n');
}

/** One character of a document that no shipped file of a family covers. */
export interface UncoveredCharacter {
  character: string;
  /** "U+2192" */
  codePoint: string;
}

/**
 * Characters of `text` that the shipped files of `family` don't draw (control characters aside, which
 * print nothing). A PDF holding them would print them in a substitute font, or not at all.
 */
export function uncoveredCharacters(text: string, family: ShippedFamily): UncoveredCharacter[] {
  const files = FONT_FILES.filter((x) => x.family === family && x.weight === 400 && x.style === 'normal');
  const out: UncoveredCharacter[] = [];
  for (const c of wideCodePoints(text)) {
    if (c < 0xa0 || (c >= 0xd800 && c <= 0xdfff)) continue; // C1 controls print nothing
    if (files.some((x) => covers(x, c))) continue;
    out.push({ character: String.fromCodePoint(c), codePoint: `U+${c.toString(16).toUpperCase().padStart(4, '0')}` });
  }
  return out;
}

/** What the shipped typefaces draw, in words, for messages. */
export const SHIPPED_COVERAGE =
  'Tinos, Arimo and Cousine as shipped: Latin letters with Western and Central European accents and Vietnamese, and common punctuation';
