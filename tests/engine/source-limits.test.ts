// Documents past the parser's limits (size, keys, aliases written out) and line breaks of every kind:
// each limit is a located error with a message that says which, whichever reader reads the text.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCases, loadOrdinance, parseSource } from '../../engine/index';

const SAMPLE = readFileSync(new URL('../../samples/ordinances/connecticut-trust-act-2014.ordinance.yaml', import.meta.url), 'utf8');
/** A tab in a comment: the text is then read by the `yaml` library, not the block reader. */
const VIA_LIBRARY = '# read\twith the full YAML reader\n';

const keys = (n: number, indent: string, from = 0) =>
  Array.from({ length: n }, (_, i) => `${indent}k${String(i + from).padStart(6, '0')}: 1`).join('\n');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('line breaks', () => {
  it('reads a document written with carriage returns alone (old Mac files) as YAML, with lines where the editor shows them', () => {
    const cr = SAMPLE.replace(/\n/g, '\r');
    expect(loadOrdinance(cr).diagnostics).toEqual([]);
    expect(loadOrdinance(cr).ordinance).toEqual(loadOrdinance(SAMPLE).ordinance);
    const bad = cr + 'surelyNotAKey: 3\r';
    const d = loadOrdinance(bad).diagnostics.find((x) => x.code === 'unknown-key')!;
    expect(d.line).toBe(SAMPLE.split('\n').length);
    expect(d.column).toBe(1);
  });

  it('reads Windows line breaks with the same values and positions', () => {
    const crlf = SAMPLE.replace(/\n/g, '\r\n');
    expect(loadOrdinance(crlf).ordinance).toEqual(loadOrdinance(SAMPLE).ordinance);
    const a = parseSource(SAMPLE).locate(['sections', 1, 'provisions', 2, 'outcome']);
    const b = parseSource(crlf).locate(['sections', 1, 'provisions', 2, 'outcome']);
    expect(b).toEqual(a);
  });
});

describe('duplicate keys', () => {
  for (const [name, prefix, sets] of [
    ['block reader', '', 15],
    ['yaml library', VIA_LIBRARY, 5],
  ] as const) {
    it(`are located at the second key, naming the first (${name})`, () => {
      const text = prefix + SAMPLE.replace(/^otherwise: (\w+)$/m, 'otherwise: $1\notherwise: hold');
      const d = loadOrdinance(text).diagnostics;
      expect(d).toHaveLength(1);
      const line = text.split('\n').findIndex((l) => l === 'otherwise: hold') + 1;
      expect(d[0]).toMatchObject({ code: 'duplicate-key', line, column: 1, endLine: line, endColumn: 10 });
      expect(d[0]!.message).toBe(
        `the key "otherwise" is here twice (first on line ${line - 1}); a key may appear once in each set of keys`,
      );
    });

    it(`are found in linear time among ${sets * 10_000} keys (${name})`, () => {
      // Sets of 9,999 distinct keys plus one repeated key each: a quadratic check takes minutes.
      let text = prefix + SAMPLE;
      for (let m = 0; m < sets; m++) text += `\nextra${m}:\n${keys(9_999, '  ')}\n  k000000: 2`;
      const r = parseSource(text, 'ordinance');
      const dups = r.diagnostics.filter((x) => x.code === 'duplicate-key');
      expect(dups).toHaveLength(sets);
      expect(dups[0]!.line).toBe(lineOf(text, 'extra0:') + 10_000);
    });
  }
});

describe('limits on keys', () => {
  it('refuses 300,000 keys in one set (a 3.8 MB policy) at the 10,001st, with the limit in the message', () => {
    const text = SAMPLE + '\nextra:\n' + keys(300_000, '  ') + '\n';
    expect(text.length).toBeGreaterThan(3_800_000);
    const r = loadOrdinance(text);
    expect(r.ordinance).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'too-many-keys', line: lineOf(text, 'extra:') + 10_001, column: 3 });
    expect(r.diagnostics[0]!.message).toBe(
      'the ordinance has more keys here than any real ordinance (at most 10,000 in one set of keys and 200,000 in all)',
    );
  });

  it('refuses more than 200,000 keys in all at the 200,001st', () => {
    let text = SAMPLE;
    for (let m = 0; m < 25; m++) text += `\nextra${m}:\n${keys(9_000, '  ', m * 9_000)}`;
    const r = parseSource(text, 'ordinance');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.code).toBe('too-many-keys');
    // Every line from "extra0:" on holds one key: the 200,001st key overall is on a known line.
    const countKeys = (v: unknown): number =>
      Array.isArray(v)
        ? v.reduce((n: number, x) => n + countKeys(x), 0)
        : v && typeof v === 'object'
          ? Object.values(v).reduce((n: number, x) => n + 1 + countKeys(x), 0)
          : 0;
    const sampleKeys = countKeys(parseSource(SAMPLE).value);
    expect(d.line).toBe(lineOf(text, 'extra0:') + (200_001 - sampleKeys) - 1);
    expect(d.column).toBe(3);
  });

  it('applies the same limits when the yaml library reads the text', () => {
    const text = `${VIA_LIBRARY}${SAMPLE}\nextra:\n${keys(2_000, '  ')}\n`;
    const r = parseSource(text, 'ordinance', { maxKeysPerMap: 1_000, maxKeys: 100_000, maxExpandedChars: 5 * 1024 * 1024 });
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'too-many-keys', line: lineOf(text, 'extra:') + 1_001, column: 3 })]);
    const all = parseSource(text, 'ordinance', { maxKeysPerMap: 10_000, maxKeys: 1_500, maxExpandedChars: 5 * 1024 * 1024 });
    expect(all.diagnostics[0]!.code).toBe('too-many-keys');
    expect(all.diagnostics[0]!.message).toMatch(/at most 10,000 in one set of keys and 1,500 in all/);
  });

  it('refuses a case with 40,000 keys (a 430 KB case) at its 10,001st key, as YAML', async () => {
    const text = '- id: c1\n  age: 30\n' + keys(40_000, '  ') + '\n';
    const set = await importCases([text], { format: 'yaml' });
    expect(set.problems).toHaveLength(1);
    expect(set.problems[0]).toMatchObject({ line: 10_001, column: 3 });
    expect(set.problems[0]!.message).toMatch(
      /^the case set has more keys here than any real case set \(at most 10,000 in one set of keys\)$/,
    );
  });

  it('reads a JSON case with 40,000 unknown keys without stalling, reporting them against the case', async () => {
    const text = JSON.stringify([{ id: 'c1', age: 30, ...Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`k${i}`, 1])) }]);
    const set = await importCases([text], { format: 'json' });
    expect(set.problems.length).toBeGreaterThan(0);
    expect(set.problems[0]).toMatchObject({ index: 0, line: 1 });
    expect(set.problems[0]).toMatchObject({ field: 'k0', message: expect.stringMatching(/^unknown field/) });
  });
});

describe('aliases count as what they stand for', () => {
  it('refuses a 4.5 MB anchor used 99 times at the alias that passes 5 MB', () => {
    const big = 'x'.repeat(4.5 * 1024 * 1024);
    const text =
      SAMPLE.replace(/^title: .*$/m, `title: &big "${big}"`) +
      '\nrefs:\n' +
      Array.from({ length: 99 }, (_, i) => `  r${i}: *big`).join('\n') +
      '\n';
    const r = loadOrdinance(text);
    expect(r.ordinance).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'yaml-alias', line: lineOf(text, 'r0: *big'), column: 7 });
    expect(r.diagnostics[0]!.message).toBe(
      'the aliases in this ordinance make it larger than 5 MB when written out (each alias counts as what it stands for); write the values out once',
    );
  });

  it('counts aliases inside anchors as often as their anchor is used, on both readers', () => {
    const level = (k: string, prev: string) => `${k}: &${k} [${Array(10).fill(`*${prev}`).join(', ')}]`;
    // 100 characters, ten times over at each of five levels: 10 MB written out, in under 1 KB.
    const bomb = [
      'a: &a "' + 'x'.repeat(100) + '"',
      level('b', 'a'),
      level('c', 'b'),
      level('d', 'c'),
      level('e', 'd'),
      level('f', 'e'),
    ].join('\n');
    for (const text of [bomb, VIA_LIBRARY + bomb]) {
      const r = parseSource(text, 'ordinance');
      expect(r.value).toBeUndefined();
      const d = r.diagnostics.find((x) => x.code === 'yaml-alias')!;
      expect(d).toBeDefined();
      expect(d.line).toBe(text.split('\n').findIndex((l) => l.startsWith('f:')) + 1);
    }
  });

  it('keeps an anchor used a few times, with the same value as the library', () => {
    const text = SAMPLE.replace(/maxHold: (\{[^}]*\})/, 'maxHold: &federal $1').replace(/(\n\s+maxHold: )\{[^}]*\}/g, '$1*federal');
    expect(text).toContain('*federal');
    const r = loadOrdinance(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.ordinance).toEqual(loadOrdinance(SAMPLE).ordinance);
  });
});

describe('large documents', () => {
  it('refuses a document over 1 MB that only the full YAML language reads, where reading stopped', () => {
    const filler = Array.from({ length: 40_000 }, (_, i) => `  - some words to fill line ${i}`).join('\n');
    const text = `${SAMPLE}\nfiller:\n${filler}\nlate: !tagged value\n`;
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const r = loadOrdinance(text);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'unsupported-yaml', line: lineOf(text, 'late:') });
    expect(r.diagnostics[0]!.message).toMatch(/^this ordinance is 1\.\d MB; one over 1 MB must be plain YAML/);
  });

  it('reads a plain 4 MB case set whole', () => {
    const one = (i: number) =>
      `- id: c${i}\n  age: 30\n  bookedAt: 2020-01-01T10:00\n  eligibleForReleaseAt: 2020-01-03T10:00\n  detainer: { requests: [hold], issuedAt: 2020-01-01T12:00 }\n`;
    let text = '';
    for (let i = 0; text.length < 4_000_000; i++) text += one(i);
    const r = parseSource(text, 'case set', { maxKeysPerMap: 10_000, maxKeys: Infinity, maxExpandedChars: 5 * 1024 * 1024 });
    expect(r.diagnostics).toEqual([]);
    expect((r.value as unknown[]).length).toBeGreaterThan(20_000);
  });
});
