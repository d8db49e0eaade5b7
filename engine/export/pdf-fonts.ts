// Reads the fonts a printed PDF holds and refuses a PDF that would mislead: one printed without any
// font (its pages carry no words), one whose text is set in a font the project does not ship (the
// print engine substituted a font of the machine), or one whose font is not embedded.

import { SHIPPED_FONT_NAMES } from './fonts';

export interface PdfFont {
  /** The PostScript name, without the subset tag ("Tinos-Regular" for "/AAAAAA+Tinos-Regular"). */
  name: string;
  /** The font program is in the file (FontFile, FontFile2 or FontFile3). */
  embedded: boolean;
}

export interface PdfFontList {
  fonts: PdfFont[];
  /** Type 3 fonts: glyphs drawn as shapes, which a print engine uses for a font it could not embed. */
  type3: number;
}

export class PdfFontError extends Error {}

const SUBSET_TAG = /^[A-Z]{6}\+/;

/**
 * The fonts of a PDF, read from its font descriptors (names and embedded programs) and font
 * dictionaries. Reads uncompressed objects, as Chromium's PDF writer stores them.
 */
export function pdfFonts(pdf: Uint8Array): PdfFontList {
  const text = new TextDecoder('latin1').decode(pdf);
  const byName = new Map<string, PdfFont>();
  // Font descriptors hold no nested dictionaries: `<< ... /Type /FontDescriptor ... >>`.
  for (const m of text.matchAll(/<<((?:(?!<<|>>)[\s\S])*?\/Type\s*\/FontDescriptor(?:(?!<<|>>)[\s\S])*?)>>/g)) {
    const body = m[1]!;
    const name = /\/FontName\s*\/([^\s/<>[\]()]+)/.exec(body)?.[1];
    if (!name) continue;
    const clean = name.replace(SUBSET_TAG, '');
    const embedded = /\/FontFile[23]?\s+\d+\s+\d+\s+R/.test(body);
    const prior = byName.get(clean);
    byName.set(clean, { name: clean, embedded: embedded && (prior?.embedded ?? true) });
  }
  // A font dictionary without a descriptor (the 14 standard fonts) is never embedded.
  for (const m of text.matchAll(/\/BaseFont\s*\/([^\s/<>[\]()]+)/g)) {
    const clean = m[1]!.replace(SUBSET_TAG, '');
    if (!byName.has(clean)) byName.set(clean, { name: clean, embedded: false });
  }
  const type3 = [...text.matchAll(/\/Subtype\s*\/Type3\b/g)].length;
  return { fonts: [...byName.values()].sort((a, b) => a.name.localeCompare(b.name)), type3 };
}

/**
 * Throws PdfFontError unless the PDF sets its text in the shipped typefaces, embedded: a PDF with no
 * font printed no words, and one with another font printed in whatever the machine had.
 */
export function checkPdfFonts(pdf: Uint8Array): PdfFontList {
  const list = pdfFonts(pdf);
  if (list.fonts.length === 0 && list.type3 === 0) {
    throw new PdfFontError(
      'the printed PDF holds no fonts, so its pages carry no text: the print engine did not load the embedded typefaces (Tinos, Arimo, Cousine); nothing was saved',
    );
  }
  const foreign = list.fonts.filter((f) => !SHIPPED_FONT_NAMES.includes(f.name)).map((f) => f.name);
  if (foreign.length > 0) {
    throw new PdfFontError(
      `the printed PDF sets text in ${foreign.join(', ')}, which the app does not ship: the print engine substituted a font of this machine, so the layout would differ elsewhere; nothing was saved`,
    );
  }
  const loose = list.fonts.filter((f) => !f.embedded).map((f) => f.name);
  if (loose.length > 0) throw new PdfFontError(`the printed PDF names ${loose.join(', ')} without embedding it; nothing was saved`);
  if (list.type3 > 0) {
    throw new PdfFontError(
      `the printed PDF draws ${list.type3} font${list.type3 === 1 ? '' : 's'} as shapes (Type 3) instead of embedding it; nothing was saved`,
    );
  }
  return list;
}
