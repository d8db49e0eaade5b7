// Draws the app icon from shapes (no image tools needed) and writes every format the installers use:
// PNGs for Linux (build/icons/NxN.png), build/icon.png (1024), build/icon.ico for Windows and
// build/icon.icns for macOS. ICO and ICNS are containers of PNGs, so one tiny PNG encoder serves all.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'build');

// ---- PNG ------------------------------------------------------------------------------------------

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels (width*height*4 bytes, not premultiplied) as an 8-bit truecolour+alpha PNG. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // filter "Sub" per row: smaller files for flat areas, trivial to write
    const row = y * (stride + 1);
    raw[row] = 1;
    for (let x = 0; x < stride; x++) {
      const v = rgba[y * stride + x];
      const left = x >= 4 ? rgba[y * stride + x - 4] : 0;
      raw[row + 1 + x] = (v - left) & 0xff;
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- drawing: signed distance functions, supersampled ----------------------------------------------

const NAVY = [31, 58, 95];
const NAVY_DARK = [20, 38, 64];
const PAPER = [248, 246, 240];
const INK = [120, 138, 160];
const GOLD = [214, 160, 42];
const WHITE = [255, 255, 255];

function roundedRect(px, py, cx, cy, hw, hh, r) {
  const qx = Math.abs(px - cx) - hw + r;
  const qy = Math.abs(py - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(px, py, ax, ay, bx, by, r) {
  const pax = px - ax;
  const pay = py - ay;
  const bax = bx - ax;
  const bay = by - ay;
  const h = Math.max(0, Math.min(1, (pax * bax + pay * bay) / (bax * bax + bay * bay)));
  return Math.hypot(pax - bax * h, pay - bay * h) - r;
}

/** The icon in unit coordinates (0..1): a page of ordinance text with a gold seal and a check mark. */
function colourAt(x, y) {
  // layers from back to front; each returns [distance, colour]
  const layers = [
    [roundedRect(x, y, 0.5, 0.5, 0.46, 0.46, 0.1), NAVY.map((c, i) => Math.round(c + (NAVY_DARK[i] - c) * y))],
    [roundedRect(x, y, 0.47, 0.49, 0.25, 0.32, 0.03), PAPER],
    ...[0.3, 0.39, 0.48, 0.57].map((ly, i) => [segment(x, y, 0.31, ly, i === 3 ? 0.5 : 0.63, ly, 0.018), INK]),
    [Math.hypot(x - 0.68, y - 0.72) - 0.17, GOLD],
    [Math.min(segment(x, y, 0.6, 0.72, 0.66, 0.78, 0.028), segment(x, y, 0.66, 0.78, 0.77, 0.65, 0.028)), WHITE],
  ];
  return layers;
}

/** Renders the icon at `size` pixels, with `samples`² samples per pixel for smooth edges. */
export function renderIcon(size, samples = size <= 64 ? 8 : size <= 256 ? 4 : 3) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let colour = null;
          for (const [d, c] of colourAt(x, y)) if (d <= 0) colour = c;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / (samples * samples));
      }
    }
  }
  return rgba;
}

// ---- containers ------------------------------------------------------------------------------------

/** Windows ICO holding PNG images (supported since Windows Vista); 256 is written as 0 in the directory. */
export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e[2] = 0; // no palette
    e[3] = 0;
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** ICNS element types holding PNG data, by pixel size (the @2x types share a size with the next one). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

/** Apple ICNS: 'icns' + total length, then (type, length, PNG) elements. */
export function encodeIcns(pngBySize) {
  const elements = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

export function makeIcons(outDir = buildDir) {
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s), 1024])].sort((a, b) => a - b);
  const pngBySize = new Map(sizes.map((size) => [size, encodePng(size, size, renderIcon(size))]));
  fs.mkdirSync(path.join(outDir, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) fs.writeFileSync(path.join(outDir, 'icons', `${size}x${size}.png`), pngBySize.get(size));
  fs.writeFileSync(path.join(outDir, 'icon.png'), pngBySize.get(1024));
  fs.writeFileSync(path.join(outDir, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, png: pngBySize.get(size) }))));
  fs.writeFileSync(path.join(outDir, 'icon.icns'), encodeIcns(pngBySize));
  return sizes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const sizes = makeIcons();
  process.stderr.write(
    `icons: ${sizes.join(', ')} px drawn; build/icons/*.png, icon.png, icon.ico, icon.icns written (${(performance.now() - t0).toFixed(0)} ms)\n`,
  );
}
