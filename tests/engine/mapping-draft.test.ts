// The app's column-mapping panel's engine side: the mapping it writes is the file the command line
// reads, to the same object, whatever the export's column names and codes; guesses only plain names;
// the picker offers every documented column; values a map is needed for are found.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  exportSample,
  guessMapping,
  guessTarget,
  loadColumnMapping,
  mappingProblems,
  mappingTargets,
  mappingYaml,
  readCaseSet,
  readsAsIs,
  sampleValues,
  type ColumnMapping,
} from '../../engine/index';

const COUNTY = {
  description: 'Example County nightly export',
  columns: {
    BOOKING_NO: 'id',
    AGE_AT_BOOKING: 'age',
    BOOK_DT: 'bookedAt',
    REL_ELIG_DT: 'eligibleForReleaseAt',
    CHG1_LVL: 'charge1.class',
    JW: 'judicialWarrant',
  },
  values: { CHG1_LVL: { F: 'felony', M: 'misdemeanor', 'N/A': 'unknown' }, JW: { Y: true, N: false } },
  ignore: ['INMATE_NAME', 'yes', '#', 'a: b'],
  dates: 'month/day/year',
} satisfies ColumnMapping;

describe('the mapping written as YAML', () => {
  it('reads back, through the loader the command line uses, as the same mapping', () => {
    const text = mappingYaml(COUNTY, 'made for county.csv\nsecond line');
    expect(text.startsWith('# made for county.csv\n# second line\ndescription:')).toBe(true);
    const { mapping, diagnostics } = loadColumnMapping(text);
    expect(diagnostics).toEqual([]);
    expect(mapping).toEqual(COUNTY);
  });

  it('keeps hostile names and values as themselves (quotes, YAML words, line breaks, long keys)', () => {
    const name = fc.string({ unit: 'binary', maxLength: 30 });
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 6 }), fc.array(name, { maxLength: 4 }), (names, values) => {
        const m: ColumnMapping = {
          columns: Object.fromEntries(names.map((n, i) => [n, i === 0 ? 'bookedAt' : `charge${i}.class`])),
          values: Object.fromEntries(names.map((n) => [n, Object.fromEntries(values.map((v) => [v, v]))])),
          ignore: values,
        };
        const { mapping, diagnostics } = loadColumnMapping(mappingYaml(m, names.join('\n')));
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(mapping).toEqual(m);
      }),
      // A name or value that is U+FFFD itself, as a run once found: written raw, it read back as a byte that was not UTF-8.
      {
        numRuns: 300,
        examples: [
          [[''], ['\uFFFD']],
          [['\uFFFD'], []],
        ],
      },
    );
    const long = 'X'.repeat(1500);
    expect(loadColumnMapping(mappingYaml({ columns: { [long]: 'id' }, values: { [long]: { [long]: 'y' } } })).mapping).toEqual({
      columns: { [long]: 'id' },
      values: { [long]: { [long]: 'y' } },
    });
  });
});

describe('the panel’s guesses and choices', () => {
  it('guesses only a name that is one of ours but for case and separators', () => {
    expect(guessTarget('BOOKED_AT')).toBe('bookedAt');
    expect(guessTarget('Booked At')).toBe('bookedAt');
    expect(guessTarget('ID')).toBe('id');
    expect(guessTarget('CHARGE1_CLASS')).toBe('charge1.class');
    expect(guessTarget('conviction2.convictedOn')).toBe('conviction2.convictedOn');
    expect(guessTarget('AGE_AT_BOOKING')).toBeUndefined();
    expect(guessTarget('BOOK_DT')).toBeUndefined();
    expect(guessTarget('charge0.class')).toBeUndefined();
    expect(guessMapping(['Age', 'AGE', 'name'])).toEqual({ columns: { Age: 'age' } });
  });

  it('offers every documented column, the required ones marked, and groups a loaded mapping names', () => {
    const targets = mappingTargets({}, ['charge7.class']);
    const names = targets.map((t) => t.target);
    for (const t of ['id', 'age', 'bookedAt', 'eligibleForReleaseAt', 'requests', 'charge1.class', 'charge7.class', 'warrant1.kind'])
      expect(names).toContain(t);
    expect(targets.filter((t) => t.required).map((t) => t.target)).toEqual(['id', 'age', 'bookedAt', 'eligibleForReleaseAt']);
    expect(targets.find((t) => t.target === 'charge7.class')?.section).toBe('Charge 7');
  });

  it('tells the values a value map is for from those read as they are', () => {
    expect(readsAsIs('charge1.class', 'F')).toBe(false);
    expect(readsAsIs('charge1.class', 'Felony')).toBe(true);
    expect(readsAsIs('charge1.class', 'unknown')).toBe(true);
    expect(readsAsIs('judicialWarrant', 'Y')).toBe(true);
    expect(readsAsIs('judicialWarrant', 'N/A')).toBe(false);
    expect(readsAsIs('bookedAt', '09/07/2025 14:30')).toBe(true);
    expect(readsAsIs('bookedAt', 'N/A')).toBe(false);
    expect(readsAsIs('age', 'unknown')).toBe(false);
    expect(readsAsIs('requests', 'HOLD;notify')).toBe(true);
    expect(readsAsIs('requests', 'H')).toBe(false);
  });

  it('samples the start of an export, a record cut short left out, and lists the problems the mapping leaves', () => {
    const text = 'BOOKING_NO,AGE,LVL\n1,30,F\n2,40,F\n3,50,M\n4,6';
    const cut = exportSample(text, false)!;
    expect(cut.header).toEqual(['BOOKING_NO', 'AGE', 'LVL']);
    expect(cut.rows).toHaveLength(3);
    expect(sampleValues(cut, 2)).toEqual([
      { value: 'F', count: 2 },
      { value: 'M', count: 1 },
    ]);
    expect(exportSample(text, true)!.rows).toHaveLength(4);
    const problems = mappingProblems(cut.header, guessMapping(cut.header));
    expect(problems.join('\n')).toMatch(/unknown column "BOOKING_NO"/);
    expect(problems.join('\n')).toMatch(/no column gives "id"/);
    const done: ColumnMapping = { columns: { BOOKING_NO: 'id', AGE: 'age', LVL: 'charge1.class' }, values: { LVL: { F: 'felony' } } };
    expect(mappingProblems(cut.header, done).join('\n')).toMatch(/no column gives "bookedAt"/);
  });

  it('reads a county export through a written mapping as through the object', () => {
    const csv =
      'BOOKING_NO,AGE_AT_BOOKING,BOOK_DT,REL_ELIG_DT,CHG1_LVL,JW,INMATE_NAME,yes,#,a: b\n' +
      'X1,30,09/07/2025 14:30,09/20/2025,F,N,Doe,,,\n';
    const direct = readCaseSet(csv, 'csv', { mapping: COUNTY });
    const written = readCaseSet(csv, 'csv', { mapping: loadColumnMapping(mappingYaml(COUNTY)).mapping });
    expect(direct.problems).toEqual(written.problems);
    expect(written.table.length).toBe(1);
  });
});
