// Build step for the typefaces every printed document uses: reads the WOFF2 files of the npm font
// packages (Tinos, Arimo, Cousine: metric-compatible with Times New Roman / Liberation Serif, Arial /
// Liberation Sans and Courier New / Liberation Mono), reads each file's character map and PostScript
// name, and writes engine/generated/fonts.js: the files as base64 with what they cover, so the engine
// (which has no file system) can embed them in HTML and PDF exports by @font-face.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The faces documents use, by family; each is shipped in these Unicode subsets of the packages. */
export const SHIPPED_FAMILIES = [
  { family: 'Tinos', pkg: '@fontsource/tinos', faces: ['400-normal', '700-normal', '400-italic', '700-italic'] },
  { family: 'Arimo', pkg: '@fontsource/arimo', faces: ['400-normal', '700-normal', '400-italic', '700-italic'] },
  { family: 'Cousine', pkg: '@fontsource/cousine', faces: ['400-normal', '700-normal'] },
];
/** Latin script in full: Western and Central European letters, Vietnamese, and the punctuation of legal text. */
export const SHIPPED_SUBSETS = ['latin', 'latin-ext', 'vietnamese'];

const KNOWN_TAGS =
  'cmap head hhea hmtx maxp name OS/2 post cvt  fpgm glyf loca prep CFF  VORG EBDT EBLC gasp hdmx kern LTSH PCLT VDMX vhea vmtx BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL SVG  sbix acnt avar bdat bloc bsln cvar fdsc feat fmtx fvar gvar hsty just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill'
    .match(/.{4} ?/g)
    .map((t) => t.slice(0, 4));

/** The uncompressed tables of a WOFF2 file (glyf and loca stay in their transformed form, unused here). */
export function woff2Tables(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== 0x774f4632) throw new Error('not a WOFF2 file');
  const numTables = view.getUint16(12);
  const compressedLength = view.getUint32(20);
  let at = 48;
  const base128 = () => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const b = bytes[at++];
      value = value * 128 + (b & 0x7f);
      if (!(b & 0x80)) return value;
    }
    throw new Error('bad UIntBase128');
  };
  const entries = [];
  for (let i = 0; i < numTables; i++) {
    const flags = bytes[at++];
    let tag;
    if ((flags & 0x3f) === 63) {
      tag = String.fromCharCode(...bytes.subarray(at, at + 4));
      at += 4;
    } else tag = KNOWN_TAGS[flags & 0x3f];
    const version = flags >> 6;
    const length = base128();
    const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : version !== 0;
    entries.push({ tag, length: transformed ? base128() : length });
  }
  const data = zlib.brotliDecompressSync(bytes.subarray(at, at + compressedLength));
  const tables = new Map();
  let offset = 0;
  for (const e of entries) {
    tables.set(e.tag, data.subarray(offset, offset + e.length));
    offset += e.length;
  }
  return tables;
}

/** Code points a cmap table maps to a glyph, as sorted [first, last] ranges. */
export function cmapRanges(cmap) {
  const v = new DataView(cmap.buffer, cmap.byteOffset, cmap.byteLength);
  const records = [];
  for (let i = 0; i < v.getUint16(2); i++) {
    records.push({ platform: v.getUint16(4 + i * 8), encoding: v.getUint16(6 + i * 8), offset: v.getUint32(8 + i * 8) });
  }
  const pick =
    records.find((r) => r.platform === 3 && r.encoding === 10 && v.getUint16(r.offset) === 12) ??
    records.find((r) => (r.platform === 3 && r.encoding === 1) || r.platform === 0);
  if (!pick) throw new Error('no Unicode cmap');
  const codes = [];
  const format = v.getUint16(pick.offset);
  if (format === 12) {
    const n = v.getUint32(pick.offset + 12);
    for (let i = 0; i < n; i++) {
      const g = pick.offset + 16 + i * 12;
      for (let c = v.getUint32(g); c <= v.getUint32(g + 4); c++) codes.push(c);
    }
  } else if (format === 4) {
    const o = pick.offset;
    const segs = v.getUint16(o + 6) / 2;
    const ends = o + 14;
    const starts = ends + segs * 2 + 2;
    const deltas = starts + segs * 2;
    const rangeOffsets = deltas + segs * 2;
    for (let s = 0; s < segs; s++) {
      const end = v.getUint16(ends + s * 2);
      const start = v.getUint16(starts + s * 2);
      const delta = v.getInt16(deltas + s * 2);
      const ro = v.getUint16(rangeOffsets + s * 2);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph;
        if (ro === 0) glyph = (c + delta) & 0xffff;
        else {
          const g = v.getUint16(rangeOffsets + s * 2 + ro + (c - start) * 2);
          glyph = g === 0 ? 0 : (g + delta) & 0xffff;
        }
        if (glyph !== 0) codes.push(c);
      }
    }
  } else throw new Error(`cmap format ${format} not read`);
  codes.sort((a, b) => a - b);
  const ranges = [];
  for (const c of codes) {
    const last = ranges[ranges.length - 1];
    if (last && c <= last[1] + 1) last[1] = Math.max(last[1], c);
    else ranges.push([c, c]);
  }
  return ranges;
}

/** The PostScript name (name ID 6) of a font. */
export function postScriptName(name) {
  const v = new DataView(name.buffer, name.byteOffset, name.byteLength);
  const count = v.getUint16(2);
  const strings = v.getUint16(4);
  for (let i = 0; i < count; i++) {
    const r = 6 + i * 12;
    if (v.getUint16(r + 6) !== 6) continue;
    const platform = v.getUint16(r);
    const length = v.getUint16(r + 8);
    const start = strings + v.getUint16(r + 10);
    const raw = name.subarray(start, start + length);
    if (platform === 3 || platform === 0) {
      let s = '';
      for (let k = 0; k + 1 < raw.length; k += 2) s += String.fromCharCode((raw[k] << 8) | raw[k + 1]);
      return s;
    }
    if (platform === 1) return String.fromCharCode(...raw);
  }
  throw new Error('no PostScript name');
}

/** Every shipped font file: family, weight, style, subset, PostScript name, coverage and the file. */
export function shippedFontFiles(root) {
  const files = [];
  for (const f of SHIPPED_FAMILIES) {
    const dir = path.join(root, 'node_modules', f.pkg);
    const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
    for (const face of f.faces) {
      const [weight, style] = face.split('-');
      for (const subset of SHIPPED_SUBSETS) {
        const file = path.join(dir, 'files', `${f.pkg.split('/')[1]}-${subset}-${face}.woff2`);
        const bytes = fs.readFileSync(file);
        const tables = woff2Tables(bytes);
        files.push({
          family: f.family,
          weight: Number(weight),
          style,
          subset,
          postScriptName: postScriptName(tables.get('name')),
          ranges: cmapRanges(tables.get('cmap')),
          source: `${f.pkg}@${version}/files/${path.basename(file)}`,
          bytes,
        });
      }
    }
  }
  return files;
}

/** Writes engine/generated/fonts.js and its declarations. */
export function generateFonts(root) {
  const outDir = path.join(root, 'engine', 'generated');
  const files = shippedFontFiles(root);
  const entries = files.map(
    (f) =>
      `  { family: ${JSON.stringify(f.family)}, weight: ${f.weight}, style: ${JSON.stringify(f.style)}, subset: ${JSON.stringify(f.subset)}, ` +
      `postScriptName: ${JSON.stringify(f.postScriptName)}, source: ${JSON.stringify(f.source)}, ` +
      `ranges: ${JSON.stringify(f.ranges.flat())},\n    woff2: "${f.bytes.toString('base64')}" },\n`,
  );
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(
    path.join(outDir, 'fonts.js'),
    '// Generated by scripts/fonts.mjs from the @fontsource packages (SIL Open Font License 1.1). Do not edit.\n' +
      '/* eslint-disable */\n' +
      `export const SHIPPED_FONT_NAMES = ${JSON.stringify([...new Set(files.map((f) => f.postScriptName))].sort())};\n` +
      `export const FONT_FILES = [\n${entries.join('')}];\n`,
  );
  fs.writeFileSync(
    path.join(outDir, 'fonts.d.ts'),
    '// Generated by scripts/fonts.mjs. Do not edit.\n' +
      'export interface ShippedFontFile {\n' +
      '  family: string;\n  weight: number;\n  style: "normal" | "italic";\n  subset: string;\n' +
      '  postScriptName: string;\n  source: string;\n' +
      '  /** Covered code points as flattened [first, last] pairs. */\n  ranges: number[];\n' +
      '  /** The WOFF2 file, base64. */\n  woff2: string;\n}\n' +
      '/** The PostScript names of every shipped face: the only fonts a printed PDF may hold. */\n' +
      'export declare const SHIPPED_FONT_NAMES: readonly string[];\n' +
      'export declare const FONT_FILES: readonly ShippedFontFile[];\n',
  );
  return files;
}
