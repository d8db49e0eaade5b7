// Fuzzing case import: random and mutated CSV, JSON and YAML, fed whole and in random chunks (text
// and bytes), never crash or hang the importer; every problem is located (a row for CSV, a line and
// column for JSON and YAML); nothing is dropped silently; hostile keys and text stay data.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { readCaseSet, type CaseFormat, type CaseSet } from '../../engine/index';
import { casesToCsv } from '../../engine/case-csv';
import { generateCases } from '../../engine/generate';
import { importInChunks } from '../scale/helpers';
import { expectNoPollution, fuzzTimeout, hostileText, runs, timeBoxed } from './arbitraries';

const sample = generateCases({ count: 25, seed: 12 });
const sampleCsv = casesToCsv(sample);
const sampleJson = JSON.stringify(sample, null, 1);
const sampleYaml = stringify(sample);

/** The invariants every import keeps, whatever the input. */
function expectSound(set: CaseSet, text: string, format: CaseFormat): void {
  const lines = text.split('\n').length;
  expect(set.cases.length + set.rejected).toBeLessThanOrEqual(set.total);
  const fileLevel = set.problems.some((p) => p.index < 0);
  if (!fileLevel) expect(set.cases.length + set.rejected).toBe(set.total);
  expect(new Set(set.cases.map((c) => c.id)).size).toBe(set.cases.length);
  const badRecords = new Set(set.problems.filter((p) => p.index >= 0).map((p) => p.index));
  expect(badRecords.size).toBe(set.rejected);
  for (const p of set.problems) {
    expect(p.message.length).toBeGreaterThan(0);
    if (format === 'csv') {
      expect(p.row, p.message).toBeGreaterThanOrEqual(1);
      expect(p.row!, p.message).toBeLessThanOrEqual(lines + 1);
    } else {
      expect(p.line, p.message).toBeGreaterThanOrEqual(1);
      expect(p.line!, p.message).toBeLessThanOrEqual(lines + 1);
      expect(p.column, p.message).toBeGreaterThanOrEqual(1);
    }
  }
  for (const c of set.cases) expect(() => c.source).not.toThrow();
}

function sameResult(a: CaseSet, b: CaseSet): void {
  expect(a.total).toBe(b.total);
  expect(a.cases.map((c) => c.id)).toEqual(b.cases.map((c) => c.id));
  expect(a.problems).toEqual(b.problems);
}

const chunking = fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 5 });

function check(text: string, format: CaseFormat, sizes: number[]): void {
  const whole = timeBoxed(
    3000,
    () => `${format} input of ${text.length} characters`,
    () => readCaseSet(text, format),
  );
  expectSound(whole, text, format);
  sameResult(importInChunks(text, sizes, { format }), whole);
  expectNoPollution();
}

/** Edits that break files in the ways files break: cut, doubled, quote, comma, newline, junk bytes. */
const edit = fc.tuple(
  fc.nat(),
  fc.integer({ min: 0, max: 40 }),
  fc.oneof(
    fc.constantFrom(
      '"',
      ',',
      '\n',
      '\r\n',
      '\r',
      '""',
      '{',
      '}',
      '[',
      ']',
      ':',
      '- ',
      '  ',
      '\\',
      '\uFFFD',
      '\u0000',
      '&a ',
      '*a',
      '__proto__',
      '\uFEFF',
    ),
    fc.string({ maxLength: 6 }),
    hostileText,
  ),
);

function mutate(text: string, edits: Array<[number, number, string]>): string {
  for (const [at, cut, insert] of edits) {
    const i = at % (text.length + 1);
    text = text.slice(0, i) + insert + text.slice(i + cut);
  }
  return text;
}

describe('CSV import under fuzzing', () => {
  const columns = [
    'id',
    'age',
    'bookedAt',
    'eligibleForReleaseAt',
    'requests',
    'charge1.class',
    'conviction1.convictedOn',
    'warrant2.kind',
    '__proto__',
    'constructor',
    'x',
  ];
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('2012-01-01', '30', 'hold', 'felony', '"a,b"', '"a""b"', '"\n"', 'yes'),
    hostileText,
  );

  it(
    'random CSV files',
    () => {
      fc.assert(
        fc.property(
          fc.shuffledSubarray(columns, { minLength: 1 }),
          fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 15 }),
          chunking,
          (header, rows, sizes) => {
            const text = [header.join(','), ...rows.map((r) => r.join(','))].join('\n');
            check(text, 'csv', sizes);
          },
        ),
        { numRuns: runs(150), seed: 101 },
      );
    },
    fuzzTimeout,
  );

  it(
    'mutated valid CSV files',
    () => {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), chunking, (edits, sizes) =>
          check(mutate(sampleCsv, edits), 'csv', sizes),
        ),
        { numRuns: runs(100), seed: 102 },
      );
    },
    fuzzTimeout,
  );

  it(
    'random bytes, decoded as UTF-8 in any chunking, give the same located result',
    () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 600 }), fc.nat(), chunking, (junk, at, sizes) => {
          const bytes = new TextEncoder().encode(sampleCsv);
          const i = at % bytes.length;
          const mixed = new Uint8Array([...bytes.subarray(0, i), ...junk, ...bytes.subarray(i)]);
          const text = new TextDecoder().decode(mixed);
          const whole = readCaseSet(text, 'csv');
          expectSound(whole, text, 'csv');
          sameResult(importInChunks(mixed, sizes, { format: 'csv' }), whole);
        }),
        { numRuns: runs(80), seed: 103 },
      );
    },
    fuzzTimeout,
  );
});

describe('JSON import under fuzzing', () => {
  it(
    'random JSON values and case-like objects',
    () => {
      const caseLike = fc.array(
        fc.record(
          {
            id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
            age: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.string()),
            bookedAt: fc.constantFrom('2012-01-01', '2012-13-01', 'x'),
            eligibleForReleaseAt: fc.constantFrom('2012-01-02T10:00', ''),
            detainer: fc.oneof(
              fc.constant({ requests: ['hold'] }),
              fc.json().map((j) => JSON.parse(j) as unknown),
            ),
            __proto__: fc.constant({ polluted: true }),
            constructor: fc.constant({ prototype: { polluted: true } }),
            convictions: fc.array(
              fc.dictionary(
                fc.constantFrom('class', 'convictedOn', 'offense', '__proto__'),
                fc.json().map((j) => JSON.parse(j) as unknown),
              ),
              { maxLength: 3 },
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 6 },
      );
      fc.assert(
        fc.property(
          fc.oneof(
            fc.json(),
            caseLike.map((x) => JSON.stringify(x, null, 2)),
          ),
          chunking,
          (text, sizes) => check(text, 'json', sizes),
        ),
        { numRuns: runs(80), seed: 201 },
      );
    },
    fuzzTimeout,
  );

  it(
    'mutated valid JSON files',
    () => {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), chunking, (edits, sizes) =>
          check(mutate(sampleJson, edits), 'json', sizes),
        ),
        { numRuns: runs(80), seed: 202 },
      );
    },
    fuzzTimeout,
  );

  it('deep nesting and huge values inside a case are located, not a crash', () => {
    const deep = `[{"id": "A", "detainer": ${'['.repeat(50_000)}${']'.repeat(50_000)}}]`;
    const set = timeBoxed(
      5000,
      () => 'deep JSON',
      () => readCaseSet(deep, 'json'),
    );
    expect(set.rejected).toBe(1);
    expectSound(set, deep, 'json');
    const huge = `[{"id": "${'x'.repeat(17 << 20)}"}]`;
    const big = timeBoxed(
      5000,
      () => 'a 17 MB case',
      () => readCaseSet(huge, 'json'),
    );
    expect(big.problems[0]!.message).toMatch(/case 1 is longer than 16,777,216 characters/);
    const longId = JSON.stringify([{ ...sample[0], id: 'y'.repeat(300) }]);
    expect(readCaseSet(longId, 'json').problems[0]).toMatchObject({ field: 'id', line: 1 });
  });
});

describe('YAML import under fuzzing', () => {
  it(
    'mutated valid YAML files',
    () => {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), chunking, (edits, sizes) =>
          check(mutate(sampleYaml, edits), 'yaml', sizes),
        ),
        { numRuns: runs(30), seed: 301 },
      );
    },
    fuzzTimeout,
  );

  it('an anchor bomb or deep nesting in a case file is refused quickly and located', () => {
    const bomb = [
      '- &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `- &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
    ].join('\n');
    const set = timeBoxed(
      2000,
      () => 'anchor bomb',
      () => readCaseSet(bomb, 'yaml'),
    );
    expect(set.cases).toEqual([]);
    expect(set.problems[0]!.message).toMatch(/aliases in this case set make it larger than 5 MB when written out/);
    expectSound(set, bomb, 'yaml');
    const deep = '- ' + '['.repeat(20_000) + ']'.repeat(20_000);
    const d = timeBoxed(
      5000,
      () => 'deep YAML',
      () => readCaseSet(deep, 'yaml'),
    );
    expect(d.problems[0]!.message).toMatch(/more than 100 levels deep/);
  });
});

describe('hostile case files', () => {
  it(
    'a header of hundreds of thousands of columns, or very long names, is refused quickly',
    () => {
      for (const [n, len] of [
        [400_000, 1],
        [2_000, 400],
      ] as const) {
        const header = Array.from({ length: n }, (_, i) => `q${i}`.padEnd(len, 'z')).join(',');
        const set = timeBoxed(
          3000,
          () => `a header of ${n} columns`,
          () => readCaseSet(`${header}\n1,2\n`, 'csv'),
        );
        expect(set.problems).toHaveLength(51);
        expect(set.problems[50]!.message).toMatch(/^\.\.\. and \d+ more columns not read/);
      }
      const longValue = JSON.stringify([{ ...sample[0], age: 'x'.repeat(5_000_000), detainer: { requests: ['h'.repeat(3_000_000)] } }]);
      const set = timeBoxed(
        3000,
        () => 'huge values',
        () => readCaseSet(longValue, 'json'),
      );
      expect(set.rejected).toBe(1);
    },
    fuzzTimeout,
  );

  it('prototype keys in CSV headers, JSON and YAML cases are reported and pollute nothing', () => {
    const csv = readCaseSet(
      'id,age,bookedAt,eligibleForReleaseAt,__proto__,constructor.prototype\nA,30,2012-01-01,2012-01-02,1,2\n',
      'csv',
    );
    expect(csv.problems.map((p) => p.message).filter((m) => m.includes('__proto__') || m.includes('constructor'))).toHaveLength(2);
    const json = readCaseSet(
      JSON.stringify([{ ...sample[0], __proto__: { isAdmin: true } }]).replace(
        '"id"',
        '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"id"',
      ),
      'json',
    );
    expect(json.problems.map((p) => p.field).sort()).toEqual(['__proto__', 'constructor']);
    const yaml = readCaseSet(stringify([sample[0]]).replace('- id:', '- __proto__: { polluted: true }\n  id:'), 'yaml');
    expect(yaml.problems.map((p) => p.field)).toEqual(['__proto__']);
    expectNoPollution();
  });

  it('script in text fields stays text: kept verbatim, never run', () => {
    const script = '<script>globalThis.__ranScript = true</script>${globalThis.__ranScript = true}';
    const c = { ...sample[0]!, currentCharges: [{ offense: script, class: 'felony' as const }] };
    for (const [text, format] of [
      [casesToCsv([c]), 'csv'],
      [JSON.stringify([c]), 'json'],
      [stringify([c]), 'yaml'],
    ] as const) {
      const set = readCaseSet(text, format);
      expect(set.problems).toEqual([]);
      expect(set.cases[0]!.source.currentCharges![0]!.offense).toBe(script);
    }
    expect((globalThis as { __ranScript?: boolean }).__ranScript).toBeUndefined();
  });
});
