// The shipped typefaces without a browser: which font files a page embeds for its characters, which
// characters no shipped face draws (a PDF of them is refused before printing), reading a PDF's font
// list, and renumbering the tagged-PDF IDs that made two prints differ.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import {
  buildExport,
  checkPdfFonts,
  fontFaceCss,
  normalizeStructureIds,
  pdfFonts,
  PdfFontError,
  renderOrdinanceHtml,
  SANS_DOCUMENT_FACES,
  SERIF_DOCUMENT_FACES,
  SHIPPED_FONT_NAMES,
  uncoveredCharacters,
  UnprintableCharactersError,
} from '../../engine/export/index';
import { FONT_FILES } from '../../engine/generated/fonts.js';
import { ctFile, loadFile, rivertonFile, tempDir } from './helpers';

const embedded = (css: string) => [
  ...css.matchAll(/font-family: "(\w+)"; font-style: (\w+); font-weight: (\d+); src: url\(data:font\/woff2;base64,([^)]+)\)/g),
];

describe('shipped typefaces', () => {
  it('ships Tinos, Arimo and Cousine from the npm packages, with their PostScript names and coverage', () => {
    expect([...SHIPPED_FONT_NAMES].sort()).toEqual(
      [
        'Arimo-Bold',
        'Arimo-BoldItalic',
        'Arimo-Italic',
        'Arimo-Regular',
        'Cousine-Bold',
        'Cousine-Regular',
        'Tinos-Bold',
        'Tinos-BoldItalic',
        'Tinos-Italic',
        'Tinos-Regular',
      ].sort(),
    );
    for (const f of FONT_FILES) {
      expect(f.source).toMatch(/^@fontsource\/(tinos|arimo|cousine)@\d/);
      // A real WOFF2 file: its signature, decoded from the base64 the exports embed.
      expect(Buffer.from(f.woff2, 'base64').subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
  });

  it('draws what legal documents print: section signs, curly quotes, dashes, no-break spaces and accented names', () => {
    const text = '§ 2-14 “detainer” ‘hold’ – — \u00a0 … · José Núñez, François Müller, Łukasz Wałęsa, Nguyễn Thị Ánh, Ødegård';
    for (const family of ['Tinos', 'Arimo', 'Cousine'] as const) expect(uncoveredCharacters(text, family)).toEqual([]);
  });

  it('names the characters no shipped face draws', () => {
    expect(uncoveredCharacters('a → b ≤ c 中', 'Tinos').map((c) => c.codePoint)).toEqual(['U+2192', 'U+2264', 'U+4E2D']);
  });

  it('embeds only the Latin file of each face for an English text, and the other files when a name needs them', () => {
    const english = embedded(fontFaceCss(SERIF_DOCUMENT_FACES, 'The Council § 2 “finds” – that'));
    expect(english.map((m) => `${m[1]} ${m[3]} ${m[2]}`)).toEqual([
      'Tinos 400 normal',
      'Tinos 700 normal',
      'Tinos 400 italic',
      'Cousine 400 normal',
    ]);
    const polish = embedded(fontFaceCss(SANS_DOCUMENT_FACES, 'Łukasz'));
    // Latin Extended first, Latin last: in a composite face the last rule is tried first.
    expect(polish.length).toBe(SANS_DOCUMENT_FACES.length * 2);
    const vietnamese = fontFaceCss([{ family: 'Tinos', weight: 400, style: 'normal' }], 'Nguyễn');
    expect(vietnamese).toMatch(/unicode-range: [^;]*U\+1EA0-1EF9/);
  });

  it('every HTML export embeds its faces and allows fonts from data: URLs only', () => {
    const html = renderOrdinanceHtml(loadFile(ctFile));
    expect(html).toContain(`font-src data:`);
    expect(embedded(html).length).toBeGreaterThanOrEqual(4);
    // No family the page asks for first is one a machine must have installed.
    for (const m of html.matchAll(/font(?:-family)?:\s*(?:[\d.]+pt\s+)?([^;,}]+)/g)) {
      expect(['Tinos', 'Arimo', 'Cousine', 'inherit', '"Tinos"', '"Arimo"', '"Cousine"']).toContain(m[1]!.trim());
    }
  });

  it('refuses to print a PDF of a document holding a character no shipped face draws, and writes its HTML', async () => {
    const o = loadFile(rivertonFile);
    const odd = { ...o, title: `${o.title} → 中` };
    await expect(buildExport({ format: 'pdf', ordinance: odd })).rejects.toThrow(UnprintableCharactersError);
    await expect(buildExport({ format: 'pdf', ordinance: odd })).rejects.toThrow(/"→" \(U\+2192\), "中" \(U\+4E2D\)/);
    expect((await buildExport({ format: 'html', ordinance: odd })).data).toContain('→ 中');
  });

  it('the command line says where the character is typed, exits 1 and writes nothing', async () => {
    const dir = tempDir('unprintable');
    const file = path.join(dir, 'arrow.ordinance.yaml');
    const text = fs.readFileSync(rivertonFile, 'utf8').replace('title: An Ordinance Concerning', 'title: An Ordinance → Concerning');
    fs.writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('→')) + 1;
    let err = '';
    const code = await main(['export', file, '--format', 'pdf', '--out', path.join(dir, 'a.pdf')], {
      out: () => {},
      err: (t) => (err += t),
    });
    expect(code).toBe(1);
    expect(err).toContain(`${file}:${line}:21: error: the PDF can't print "→" (U+2192)`);
    expect(fs.existsSync(path.join(dir, 'a.pdf'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/** A PDF's objects as Chromium writes them (uncompressed dictionaries). */
function pdf(...objects: string[]): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.7\n${objects.map((o, i) => `${i + 1} 0 obj\n${o}\nendobj\n`).join('')}%%EOF\n`);
}
const descriptor = (name: string, file = '/FontFile2 9 0 R') =>
  `<</Type /FontDescriptor\n/FontName /${name}\n/Flags 4\n/FontBBox [0 0 1 1]\n${file}>>`;
const font = (name: string) => `<</Type /Font\n/Subtype /Type0\n/BaseFont /${name}\n/Encoding /Identity-H>>`;

describe('the fonts of a printed PDF', () => {
  it('reads names without their subset tag, and whether each is embedded', () => {
    const list = pdfFonts(pdf(descriptor('AAAAAA+Tinos-Regular'), font('AAAAAA+Tinos-Regular'), font('Helvetica')));
    expect(list.fonts).toEqual([
      { name: 'Helvetica', embedded: false },
      { name: 'Tinos-Regular', embedded: true },
    ]);
  });

  it('accepts the shipped fonts, embedded', () => {
    expect(() => checkPdfFonts(pdf(descriptor('AAAAAA+Tinos-Regular'), descriptor('BAAAAA+Cousine-Regular')))).not.toThrow();
  });

  it('refuses a PDF without fonts, one with a substitute, one naming a font it does not embed, and Type 3 glyphs', () => {
    expect(() => checkPdfFonts(pdf('<</Type /Page>>'))).toThrow(/holds no fonts, so its pages carry no text/);
    expect(() => checkPdfFonts(pdf(descriptor('AAAAAA+Tinos-Regular'), descriptor('BAAAAA+DejaVuSans')))).toThrow(
      /sets text in DejaVuSans, which the app does not ship/,
    );
    expect(() => checkPdfFonts(pdf(descriptor('AAAAAA+Arimo-Regular', '')))).toThrow(/names Arimo-Regular without embedding it/);
    expect(() => checkPdfFonts(pdf(descriptor('AAAAAA+Arimo-Regular'), '<</Type /Font /Subtype /Type3>>'))).toThrow(PdfFontError);
  });
});

describe('tagged-PDF element IDs', () => {
  it('are numbered by first appearance, keeping the length, so two prints that counted differently agree', () => {
    const a = pdf('<</S /TH /ID (node00000060)>>', '<</S /TD /Headers [(node00000060) (node00000061)]>>', '<</S /TH /ID (node00000061)>>');
    const b = pdf('<</S /TH /ID (node00000063)>>', '<</S /TD /Headers [(node00000063) (node00000064)]>>', '<</S /TH /ID (node00000064)>>');
    const na = normalizeStructureIds(a);
    expect(na.length).toBe(a.length);
    expect(Buffer.from(na).equals(Buffer.from(normalizeStructureIds(b)))).toBe(true);
    expect(new TextDecoder().decode(na)).toContain('/Headers [(node00000001) (node00000002)]');
  });

  it('re-sort the ID name tree by the new numbers, whatever order the old ones came in', () => {
    const tree = (first: string, second: string) =>
      `<</Limits [(node000000${first < second ? first : second}) (node000000${first < second ? second : first})]\n/Names [(node000000${first < second ? first : second}) ${first < second ? 7 : 8} 0 R (node000000${first < second ? second : first}) ${first < second ? 8 : 7} 0 R]>>`;
    // Run A numbered the first header cell 40, the second 41; run B the first 52, the second 51.
    const a = pdf('<</S /TH /ID (node00000040)>>', '<</S /TH /ID (node00000041)>>', tree('40', '41'));
    const b = pdf('<</S /TH /ID (node00000052)>>', '<</S /TH /ID (node00000051)>>', tree('52', '51'));
    const na = normalizeStructureIds(a);
    expect(Buffer.from(na).equals(Buffer.from(normalizeStructureIds(b)))).toBe(true);
    expect(new TextDecoder().decode(na)).toContain(
      '<</Limits [(node00000001) (node00000002)]\n/Names [(node00000001) 7 0 R (node00000002) 8 0 R]>>',
    );
  });
});
