// A case file the browser hands over as a File is read in pieces of bytes (never decoded to one
// string), from its byte stream into two buffers taking turns, or in slices where the stream is not
// a byte stream: the same cases and problems as its text read whole, whatever the piece size, and
// the fingerprint the command line prints for the same bytes.

import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCaseSet, Sha256, type CaseSet } from '../../engine/index';
import { filePieces, fingerprintOfFile, importCaseFile } from '../../renderer/src/simulation/workbook-file';
import { tableRows } from '../scale/helpers';

const root = path.resolve(__dirname, '../..');

function resultOf(set: CaseSet) {
  return {
    total: set.total,
    rejected: set.rejected,
    source: set.source,
    notes: set.notes,
    rows: tableRows(set.table),
    problems: set.problems.map((p) => ({ ...p })),
  };
}

const files: Array<[string, Buffer]> = [
  ...['synthetic-200.cases.csv', 'synthetic-200.cases.json', 'illustrative.cases.yaml'].map(
    (f) => [f, fs.readFileSync(path.join(root, 'samples/cases', f))] as [string, Buffer],
  ),
  ['ice-detainers-fixture.csv', fs.readFileSync(path.join(root, 'tests/ice/fixtures/ice-detainers-fixture.csv'))],
  ['awkward.csv', awkwardCsv()],
];

/** The sample's first rows with a byte order mark, CR LF, quoted fields with a comma, a doubled quote, a line break and multi-byte characters, and a bad row. */
function awkwardCsv(): Buffer {
  const lines = fs.readFileSync(path.join(root, 'samples/cases/synthetic-200.cases.csv'), 'utf8').split('\n').slice(0, 6);
  const header = lines[0]!.split(',');
  const offense = header.indexOf('charge1.offense');
  const age = header.indexOf('age');
  const rows = lines.slice(1).map((l) => l.split(','));
  rows[0]![offense] = '"robo con violencia, ""armado"" 殴打 😠"';
  rows[1]![offense] = '"agressão\ngrave"';
  rows[2]![age] = 'not an age';
  return Buffer.from('\uFEFF' + [header, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n');
}

describe('a case file read from a File in slices', () => {
  for (const [name, bytes] of files) {
    it(`${name}: the same cases and problems as its text read whole, in slices of 1 to 4 MB`, async () => {
      const whole = resultOf(readCaseSet(new TextDecoder().decode(bytes)));
      expect(whole.total).toBeGreaterThan(0);
      if (name === 'awkward.csv') expect(whole.problems.length).toBeGreaterThan(0);
      for (const slice of [1, 7, 64, 4096, 4 << 20]) {
        const got = resultOf(await importCaseFile(new Blob([new Uint8Array(bytes)]), {}, { slice }));
        expect(got, `slices of ${slice} bytes`).toEqual(whole);
      }
    });
  }

  it('reads a file whose stream is not a byte stream in slices, with the same results', async () => {
    // A File from somewhere that gives a plain stream: no BYOB reader, so the slices are read instead.
    class PlainStreamBlob extends Blob {
      override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
        throw new TypeError('no byte stream here');
      }
    }
    for (const [, bytes] of files) {
      for (const slice of [7, 4 << 20]) {
        const plain = resultOf(await importCaseFile(new PlainStreamBlob([new Uint8Array(bytes)]), {}, { slice }));
        expect(plain).toEqual(resultOf(await importCaseFile(new Blob([new Uint8Array(bytes)]), {}, { slice })));
      }
      expect(await fingerprintOfFile(new PlainStreamBlob([new Uint8Array(bytes)]))).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('gives the bytes in order, in pieces of at most the slice size', async () => {
    const bytes = files[0]![1];
    for (const slice of [1, 5, 4096, 4 << 20]) {
      const copies: Uint8Array[] = [];
      for await (const piece of filePieces(new Blob([new Uint8Array(bytes)]), slice)) {
        expect(piece.length).toBeGreaterThan(0);
        expect(piece.length).toBeLessThanOrEqual(slice);
        // A piece is the caller's until it asks for the next (its buffer is then read into again).
        copies.push(piece.slice());
      }
      expect(Buffer.concat(copies).equals(bytes)).toBe(true);
    }
  });

  it('fills each piece when the stream gives less a read (Node gives 64 KB): all but the last are the slice size', async () => {
    const bytes = Buffer.alloc(1_000_003);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) & 255;
    // A file made of many small parts: its stream gives a part or 64 KB a read.
    const parts: Uint8Array<ArrayBuffer>[] = [];
    for (let at = 0; at < bytes.length; at += 10_000) parts.push(new Uint8Array(bytes.subarray(at, at + 10_000)));
    const slice = 256 << 10;
    const lengths: number[] = [];
    const copies: Uint8Array[] = [];
    for await (const piece of filePieces(new Blob(parts), slice)) {
      lengths.push(piece.length);
      copies.push(piece.slice());
    }
    expect(lengths.slice(0, -1).every((n) => n === slice)).toBe(true);
    expect(lengths.length).toBe(Math.ceil(bytes.length / slice));
    expect(Buffer.concat(copies).equals(bytes)).toBe(true);
  });

  it('reports progress in bytes up to the file size', async () => {
    const bytes = files[0]![1];
    const seen: number[] = [];
    await importCaseFile(new Blob([new Uint8Array(bytes)]), { onProgress: (p) => seen.push(p.read) }, { slice: 1000 });
    expect(seen.length).toBeGreaterThan(2);
    expect(Math.max(...seen)).toBe(bytes.length);
  });

  it('hashes the whole file as it imports it, also when a bad header stops the import', async () => {
    const bad = Buffer.from('not,a,case,header\n' + '1,2,3,4\n'.repeat(2000));
    for (const bytes of [files[0]![1], bad]) {
      const hash = new Sha256();
      const set = await importCaseFile(new Blob([new Uint8Array(bytes)]), {}, { slice: 1000, hash });
      expect(hash.hex()).toBe(createHash('sha256').update(bytes).digest('hex'));
      if (bytes === bad) expect(set.problems.length).toBeGreaterThan(0);
    }
  });

  it('fingerprints the file as the command line does (SHA-256 of its bytes)', async () => {
    const bytes = files[4]![1];
    expect(await fingerprintOfFile(new Blob([new Uint8Array(bytes)]))).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
