// A date written in the right form that does not exist (30 February, month 13, hour 24) is reported as
// not a real date, saying why, and not as a date in the wrong form; the field is named once, by its path.
// The CSV rows are from a reviewer's case file (row 4 is its B-0005).

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCaseSet } from '../../engine/index';
import { unrealDateProblem } from '../../engine/time';
import { runCli } from './run-in-process';

const root = path.resolve(__dirname, '../..');
const csv = path.join(__dirname, 'fixtures/bad-date.cases.csv');
const policy = path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');

describe('a date that does not exist', () => {
  it('the command line says the date is not real, and why, naming the field once', async () => {
    const r = await runCli('simulate', policy, '--cases', csv);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(`${csv}: row 4 (B-0005): error: bookedAt: "2012-02-30T09:15" is not a real date (February has no 30th)\n`);
    expect(r.err).not.toContain('must be a local date and time');
    expect(r.err).not.toMatch(/bookedAt: "bookedAt"/);
  });

  it('in CSV, JSON and YAML, for dates and dates with times', () => {
    const header = 'id,age,bookedAt,eligibleForReleaseAt,requests,conviction1.offense,conviction1.class,conviction1.convictedOn';
    const set = readCaseSet(
      [
        header,
        'A,30,2012-13-01T10:00,2012-12-02T10:00,hold,theft,felony,2010-01-01',
        'B,30,2012-12-01T10:00,2012-12-01T24:00,hold,theft,felony,2010-01-01',
        'C,30,2012-12-01T10:00,2012-12-02T10:00,hold,theft,felony,2013-02-29',
        'D,30,2012-12-01T10:00,2012-12-02T10:00,hold,theft,felony,2012-04-31',
        'E,30,12/01/2012 10:00,2012-12-02T10:00,hold,theft,felony,2010-01-01',
      ].join('\n'),
      'csv',
    );
    expect(set.problems.map((p) => [p.id, p.field, p.message])).toEqual([
      ['A', 'bookedAt', '"2012-13-01T10:00" is not a real date (there is no month 13)'],
      ['B', 'eligibleForReleaseAt', '"2012-12-01T24:00" is not a real time of day (hours run from 00 to 23, not 24)'],
      ['C', 'conviction1.convictedOn', '"2013-02-29" is not a real date (2013 is not a leap year: February has no 29th)'],
      ['D', 'conviction1.convictedOn', '"2012-04-31" is not a real date (April has no 31st)'],
      // A date in the wrong form is still told its form.
      ['E', 'bookedAt', 'must be a local date and time (YYYY-MM-DDTHH:MM), not "12/01/2012 10:00"'],
    ]);
    const json = readCaseSet(
      JSON.stringify([
        { id: 'J', age: 30, bookedAt: '2012-02-30T09:15', eligibleForReleaseAt: '2012-03-01T10:00', detainer: { requests: ['hold'] } },
      ]),
      'json',
    );
    expect(json.problems.map((p) => p.message)).toEqual(['"2012-02-30T09:15" is not a real date (February has no 30th)']);
    const yaml = readCaseSet(
      '- id: Y\n  age: 30\n  bookedAt: "2012-02-30T09:15"\n  eligibleForReleaseAt: "2012-03-01T10:00"\n  detainer: { requests: [hold] }\n',
      'yaml',
    );
    expect(yaml.problems.map((p) => p.message)).toEqual(['"2012-02-30T09:15" is not a real date (February has no 30th)']);
  });

  it('names no problem for a real date, or for text not in the form at all', () => {
    expect(unrealDateProblem('2012-02-29', false)).toBeUndefined();
    expect(unrealDateProblem('2012-02-29T23:59', true)).toBeUndefined();
    expect(unrealDateProblem('tomorrow', true)).toBeUndefined();
    expect(unrealDateProblem('2012-02-00', false)).toBe('is not a real date (there is no day 0)');
    expect(unrealDateProblem('2012-06-11T10:61', true)).toBe('is not a real time of day (minutes run from 00 to 59, not 61)');
  });
});
