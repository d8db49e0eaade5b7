// A synthetic case set written in pieces is byte for byte the set written whole, and the CSV columns
// chosen before the first row always have room for every generated case.
import { describe, expect, it } from 'vitest';
import { casesToCsv, csvGroupCounts } from '../../engine/case-csv';
import { generateCases, generatedCases, GENERATED_GROUP_LIMITS } from '../../engine/generate';
import { generatedCasesText } from '../../engine/index';

describe('generatedCasesText', () => {
  it.each([1, 2, 40, 5000, 5001, 12_000])('%i cases: the same bytes as the whole set, in CSV and JSON', (count) => {
    const cases = generateCases({ count, seed: count });
    expect([...generatedCasesText({ count, seed: count }, 'csv')].join('')).toBe(casesToCsv(cases));
    expect([...generatedCasesText({ count, seed: count }, 'json')].join('')).toBe(
      JSON.stringify(cases, null, count > 5000 ? undefined : 2) + '\n',
    );
  });

  it('no generated case has more charges, convictions or warrants than the limits the columns assume', () => {
    for (const seed of [1, 2012, 99]) {
      const counts = csvGroupCounts(generatedCases({ count: 60_000, seed }));
      expect(counts).toEqual(GENERATED_GROUP_LIMITS);
    }
  });

  it('makes the cases as they are written', () => {
    const pieces = generatedCasesText({ count: 10_000_000, seed: 3 }, 'csv');
    const header = pieces.next().value!;
    expect(header).toMatch(/^id,age,/);
    expect(header).toContain('conviction6.');
    expect(header).not.toContain('conviction7.');
    expect(pieces.next().value).toMatch(/^B-00000001,/);
  });
});
