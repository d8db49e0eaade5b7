// Garbage is refused where it enters, with its place: cases whose dates contradict each other (custody
// ending before it begins, a conviction dated after the custody ends, one before the person was born),
// control and bidirectional-override characters in ids, offense names and any ordinance text, empty
// case sets, implausible ordinance dates. The same rules hold on every reader (JSON, YAML, CSV fast and
// reference readers).

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { casesToCsv } from '../../engine/case-csv';
import { generateCases } from '../../engine/generate';
import { unsafeCharacterIndex } from '../../engine/text-safety';
import { formatCaseProblem, loadOrdinance, readCaseSet, type BookingCase } from '../../engine/index';

const root = path.resolve(__dirname, '../..');
const sample = fs.readFileSync(path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml'), 'utf8');

function good(): BookingCase[] {
  return generateCases({ count: 40, seed: 11 });
}

/** The set read as JSON, YAML and CSV: the problems (field and message) each reader reports. */
function problemsEverywhere(cases: BookingCase[]) {
  const json = readCaseSet(JSON.stringify(cases, null, 2), 'json');
  const yaml = readCaseSet(stringify(cases), 'yaml');
  const csv = readCaseSet(casesToCsv(cases), 'csv');
  const words = (set: typeof json) => set.problems.map((p) => `${p.id ?? ''} ${p.message}`);
  expect(words(yaml)).toEqual(words(json));
  expect(words(csv)).toEqual(words(json));
  return { json, yaml, csv };
}

describe('case chronology', () => {
  it('a generated set keeps every rule', () => {
    const cases = generateCases({ count: 20_000, seed: 4 });
    expect(readCaseSet(casesToCsv(cases), 'csv').problems).toEqual([]);
  });

  it('release 22 years before booking: located on eligibleForReleaseAt in JSON and YAML, by row in CSV', () => {
    const cases = good();
    cases[7]!.eligibleForReleaseAt = '1990-03-01T12:00';
    const { json, csv } = problemsEverywhere(cases);
    expect(json.problems).toHaveLength(1);
    const p = json.problems[0]!;
    expect(p).toMatchObject({ index: 7, field: 'eligibleForReleaseAt' });
    expect(p.message).toMatch(
      /"eligibleForReleaseAt" \(1990-03-01T12:00\) is before "bookedAt" \(.*\): custody can't end before it begins/,
    );
    const text = JSON.stringify(cases, null, 2);
    expect(text.split('\n')[p.line! - 1]).toContain('"eligibleForReleaseAt": "1990-03-01T12:00"');
    expect(csv.problems[0]).toMatchObject({ row: 9 });
    expect(formatCaseProblem('c.csv', csv.problems[0]!)).toMatch(/^c\.csv: row 9/);
    expect(json.cases).toHaveLength(39);
  });

  it("a time after 2199 (an export's 9999-12-31 for 'no date') is refused on every reader, never read as another century", () => {
    // Times are kept as minutes in 32 bits: read, 9999-12-31 wrapped round to 1833 and a hold ended then.
    const cases = good();
    cases[3]!.eligibleForReleaseAt = '9999-12-31T00:00';
    cases[5]!.detainer.issuedAt = '9999-12-31';
    cases[6]!.eligibleForReleaseAt = '2199-12-31T23:59';
    const { json, csv } = problemsEverywhere(cases);
    expect(json.problems.map((p) => [p.index, p.field])).toEqual([
      [3, 'eligibleForReleaseAt'],
      [5, 'detainer.issuedAt'],
    ]);
    expect(json.problems[0]!.message).toBe(
      '"9999-12-31T00:00" is after 2199, later than any real record (an export\'s placeholder for "no date"?): give the real date, or leave it out or mark it unknown where the case format allows',
    );
    expect(csv.problems.map((p) => p.row)).toEqual([5, 7]);
    // The last minute of 2199 is a time like any other.
    expect(json.cases.find((c) => c.id === cases[6]!.id)!.source.eligibleForReleaseAt).toBe('2199-12-31T23:59');
  });

  it('a conviction dated 2999 is in the future of the case; one before the person was born is impossible', () => {
    const cases = good();
    const withConvictions = cases.map((c, i) => [c, i] as const).filter(([c]) => (c.convictions ?? []).length > 0);
    const [future, fi] = withConvictions[0]!;
    const [unborn, ui] = withConvictions[1]!;
    future.convictions![0]!.convictedOn = '2999-01-01';
    delete future.convictions![0]!.releasedOn;
    unborn.age = 19;
    unborn.convictions![0]!.convictedOn = '1950-06-01';
    const { json } = problemsEverywhere(cases);
    expect(json.problems.map((p) => [p.index, p.field])).toEqual([
      [fi, 'convictions[0].convictedOn'],
      [ui, 'convictions[0].convictedOn'],
    ]);
    expect(json.problems[0]!.message).toMatch(
      /"convictedOn" \(2999-01-01\) is after this custody ends \(.*\): a record can't be dated in the future/,
    );
    expect(json.problems[1]!.message).toMatch(/"convictedOn" \(1950-06-01\) is before the person was born: they were 19 when booked on/);
  });

  it('a release from prison dated after this custody ends is refused too', () => {
    const cases = good();
    const c = cases.find((x) => (x.convictions ?? []).length > 0)!;
    c.convictions![0]!.releasedOn = '2999-12-31';
    const { json } = problemsEverywhere(cases);
    expect(json.problems).toHaveLength(1);
    expect(json.problems[0]!.field).toBe('convictions[0].releasedOn');
  });

  it('an age outside 0 to 130 is one problem, not also a conviction "before birth"', () => {
    const cases = good();
    cases.find((x) => (x.convictions ?? []).length > 0)!.age = -4;
    expect(problemsEverywhere(cases).json.problems.map((p) => p.field)).toEqual(['age']);
  });
});

describe('control and bidirectional characters', () => {
  it('a NUL byte or an override in a case id or an offense is a located problem, never echoed as an id', () => {
    const cases = good();
    cases[2]!.id = 'B-\u0000-2';
    cases[3]!.id = 'B-\u202e3';
    const charged = cases.findIndex((c, i) => i > 3 && (c.currentCharges ?? []).length > 0);
    cases[charged]!.currentCharges![0]!.offense = 'theft\u001b[2J';
    const { json, csv } = problemsEverywhere(cases);
    expect(json.problems.map((p) => p.field)).toEqual(['id', 'id', 'currentCharges[0].offense']);
    expect(json.problems[0]!.message).toMatch(/"id" holds the control character U\+0000 \(character 3\)/);
    expect(json.problems[1]!.message).toMatch(/"id" holds U\+202E RIGHT-TO-LEFT OVERRIDE/);
    expect(json.problems.some((p) => /U\+001B/.test(p.message))).toBe(true);
    expect(json.cases.map((c) => c.id).some((id) => unsafeCharacterIndex(id, false) >= 0)).toBe(false);
    expect(csv.cases.length).toBe(json.cases.length);
  });
});

describe('empty case sets', () => {
  it.each([
    ['json', '[]\n'],
    ['json', '{ "cases": [] }\n'],
    ['yaml', '[]\n'],
    ['csv', 'id,age,bookedAt,eligibleForReleaseAt,requests\n'],
  ] as const)('%s %j is a file-level problem', (format, text) => {
    const set = readCaseSet(text, format);
    expect(set.cases).toEqual([]);
    expect(set.problems).toHaveLength(1);
    expect(set.problems[0]).toMatchObject({ index: -1 });
    expect(set.problems[0]!.message).toMatch(/the file holds no cases/);
    // placed as the format places its problems: CSV by row, JSON and YAML by line and column
    expect(set.problems[0]).toMatchObject(format === 'csv' ? { row: 1 } : { line: 1, column: 1 });
  });
});

describe('ordinance text and dates', () => {
  it('a bidirectional override in the title is an error located on the title line', () => {
    const text = sample.replace(/^title: (.*)$/m, 'title: "An Act \\u202eConcerning\\u202c Detainers"');
    const loaded = loadOrdinance(text);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['unsafe-character']);
    expect(text.split('\n')[errors[0]!.line - 1]).toMatch(/^title:/);
    expect(errors[0]!.message).toMatch(
      /"title" holds U\+202E RIGHT-TO-LEFT OVERRIDE \(character 8\), which makes the text display in another order/,
    );
    expect(loaded.ordinance).toBeUndefined();
  });

  it('a control character in a finding is an error; tabs and line breaks in text are not', () => {
    const bell = loadOrdinance(sample.replace(/^(\s+- text: )(.*)$/m, '$1"$2 \\a"'));
    expect(bell.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['unsafe-character']);
    const tabbed = loadOrdinance(sample.replace(/^(\s+- text: )(.*)$/m, '$1"$2\\tand\\nmore"'));
    expect(tabbed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('effective date 0000-01-01 is a real ISO date but not a plausible one', () => {
    const text = sample.replace(/^effectiveDate: .*$/m, 'effectiveDate: 0000-01-01');
    const errors = loadOrdinance(text).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['implausible-date']);
    expect(errors[0]!.message).toBe('"0000-01-01" is not a plausible date for an ordinance: give a year from 1900 to 2199');
    expect(text.split('\n')[errors[0]!.line - 1]).toMatch(/^effectiveDate:/);
  });
});
