// A case id is how results, comparisons and expected decisions find a case: one that holds a character
// that does not show (a zero-width space, a joiner, a direction mark, U+FEFF) would look like another
// case's id. It is refused where it enters, with its place and the character named, on every reader
// (JSON, YAML, CSV fast and reference readers), and the problem quotes it with the character shown.

import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { casesToCsv } from '../../engine/case-csv';
import { generateCases } from '../../engine/generate';
import { CaseImporter, readCaseSet } from '../../engine/index';
import { invisibleCharacterIndex } from '../../engine/text-safety';

describe('case ids that hold characters that do not show', () => {
  it('are refused on every reader, named and located, quoted with the character as an escape', () => {
    const cases = generateCases({ count: 40, seed: 11 });
    const twin = cases[1]!.id;
    cases[2]!.id = `${twin.slice(0, 2)}\u200b${twin.slice(2)}`;
    cases[5]!.id = `${cases[5]!.id}\u2060`;
    cases[7]!.id = `${cases[7]!.id.slice(0, 1)}\ufeff${cases[7]!.id.slice(1)}`;
    cases[9]!.id = `${cases[9]!.id}\u200f`;
    const sets = {
      json: readCaseSet(JSON.stringify(cases, null, 2), 'json'),
      yaml: readCaseSet(stringify(cases), 'yaml'),
      csv: readCaseSet(casesToCsv(cases), 'csv'),
    };
    const words = (set: (typeof sets)['json']) => set.problems.map((p) => `${p.id ?? ''} ${p.field} ${p.message}`);
    expect(words(sets.yaml)).toEqual(words(sets.json));
    expect(sets.csv.problems.map((p) => p.message)).toEqual(sets.json.problems.map((p) => p.message));
    const json = sets.json;
    expect(json.problems.map((p) => p.field)).toEqual(['id', 'id', 'id', 'id']);
    expect(json.problems[0]!.message).toBe(
      '"id" holds U+200B ZERO WIDTH SPACE (character 3), which does not show: the text looks the same as without it, but is not; remove it',
    );
    expect(json.problems[0]!.id).toBe(`${twin.slice(0, 2)}\\u200b${twin.slice(2)}`);
    expect(json.problems.map((p) => p.message.match(/U\+\w+ [A-Z -]+/)![0].trim())).toEqual([
      'U+200B ZERO WIDTH SPACE',
      'U+2060 WORD JOINER',
      'U+FEFF ZERO WIDTH NO-BREAK SPACE',
      'U+200F RIGHT-TO-LEFT MARK',
    ]);
    for (const set of Object.values(sets)) {
      expect(set.cases).toHaveLength(36);
      expect(set.cases.some((c) => invisibleCharacterIndex(c.id) >= 0)).toBe(false);
    }
    // The importers' byte readers (their fast paths take an id's bytes as they come) say the same.
    for (const [format, text] of [
      ['json', JSON.stringify(cases)],
      ['csv', casesToCsv(cases)],
    ] as const) {
      const importer = new CaseImporter({ format });
      importer.push(new TextEncoder().encode(text));
      const set = importer.finish();
      expect(
        set.problems.map((p) => p.message),
        format,
      ).toEqual(json.problems.map((p) => p.message));
      expect(set.rejected, format).toBe(4);
    }
  });
});
