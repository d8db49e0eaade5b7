// The app's column-mapping panel's engine side: the mapping it writes is the file the command line
// reads, to the same object, whatever the export's column names and codes; guesses only plain names;
// the picker offers every documented column; values a map is needed for are found.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  blankChoices,
  blankOf,
  exportSample,
  formatCaseProblem,
  guessMapping,
  guessTarget,
  problemInTheApp,
  levelChoices,
  loadColumnMapping,
  mappingIssues,
  mappingProblems,
  mappingTargets,
  mappingYaml,
  prepareCase,
  readCaseSet,
  readsAsIs,
  requiredColumns,
  sampleValues,
  slashedDateInTheApp,
  yesNoDefault,
  type ColumnMapping,
  columnProblemText,
  UNKNOWN_COLUMN_WORDS_IN_THE_APP,
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

describe('the mapping’s newer keys in the panel', () => {
  it('offers dateOfBirth by age and each charge’s and conviction’s level by its degree, in docs/case-files.md’s words', () => {
    const targets = mappingTargets();
    const names = targets.map((t) => t.target);
    expect(names.indexOf('dateOfBirth')).toBe(names.indexOf('age') + 1);
    expect(names.indexOf('charge1.level')).toBe(names.indexOf('charge1.degree') + 1);
    expect(names.indexOf('conviction3.level')).toBe(names.indexOf('conviction3.degree') + 1);
    expect(names.some((n) => /^warrant\d+\.level$/.test(n))).toBe(false);
    const dob = targets.find((t) => t.target === 'dateOfBirth')!;
    expect(dob).toMatchObject({ section: 'Case', required: false });
    expect(dob.meaning).toMatch(/age at booking is counted from it, and wins over age/);
    expect(targets.find((t) => t.target === 'conviction2.level')).toMatchObject({
      section: 'Conviction 2',
      meaning: /class and degree in one cell/,
    });
    // A loaded mapping's level in a later charge gives that charge's section, not "Other".
    expect(mappingTargets({}, ['charge5.level']).find((t) => t.target === 'charge5.level')?.section).toBe('Charge 5');
    expect(guessTarget('Date_Of_Birth')).toBe('dateOfBirth');
    expect(guessTarget('CHARGE1_LEVEL')).toBe('charge1.level');
    expect(guessTarget('WARRANT1_LEVEL')).toBeUndefined();
  });

  it('counts age as given where a date of birth is mapped, as the import does (the date of birth winning)', () => {
    const header = ['BOOKING_NO', 'DOB', 'AGE_NOW', 'BOOK_DT', 'REL_DT'];
    const m: ColumnMapping = {
      columns: { BOOKING_NO: 'id', DOB: 'dateOfBirth', BOOK_DT: 'bookedAt', REL_DT: 'eligibleForReleaseAt' },
      ignore: ['AGE_NOW'],
    };
    const req = requiredColumns(header, m);
    expect(req.map((r) => r.target)).toEqual(['id', 'age', 'bookedAt', 'eligibleForReleaseAt']);
    expect(req.find((r) => r.target === 'age')).toEqual({ target: 'age', or: ['dateOfBirth'], from: { name: 'DOB', as: 'dateOfBirth' } });
    expect(mappingProblems(header, m)).toEqual([]);
    // Both mapped: the date of birth gives it.
    const both: ColumnMapping = { columns: { ...m.columns, AGE_NOW: 'age' } };
    expect(requiredColumns(header, both).find((r) => r.target === 'age')?.from).toEqual({ name: 'DOB', as: 'dateOfBirth' });
    // Neither: missing, as the import says.
    const none: ColumnMapping = {
      columns: { BOOKING_NO: 'id', BOOK_DT: 'bookedAt', REL_DT: 'eligibleForReleaseAt' },
      ignore: ['DOB', 'AGE_NOW'],
    };
    expect(requiredColumns(header, none).find((r) => r.target === 'age')?.from).toBeUndefined();
    expect(mappingProblems(header, none)).toEqual([expect.stringMatching(/no column gives "age" \(or "dateOfBirth"\)/)]);
    // A column named as ours and not mapped is read as itself.
    expect(requiredColumns(['id', 'age'], undefined).map((r) => r.from?.name)).toEqual(['id', 'age', undefined, undefined]);
  });

  it('offers for an empty yes/no cell only what the import accepts, and reads a loaded blanks entry as the import looks it up', () => {
    expect(blankChoices('judicialWarrant')).toEqual([
      { value: 'unknown', isDefault: false },
      { value: false, isDefault: true },
      { value: true, isDefault: false },
    ]);
    expect(blankChoices('charge2.bondable')).toContainEqual({ value: true, isDefault: true });
    // The case format has no unknown for a warrant's felony flag or a conviction's juvenile flag.
    expect(blankChoices('warrant1.felony')!.map((c) => c.value)).toEqual([false, true]);
    expect(blankChoices('conviction1.juvenile')!.map((c) => c.value)).toEqual([false, true]);
    expect(blankChoices('age')).toBeUndefined();
    expect(blankChoices('charge1.class')).toBeUndefined();
    // Every choice offered loads back without a problem through the command line's loader.
    for (const target of [
      'judicialWarrant',
      'gangDatabase',
      'charge3.bondPosted',
      'conviction2.current',
      'conviction2.juvenile',
      'warrant1.felony',
    ])
      for (const c of blankChoices(target)!) {
        const text = mappingYaml({ columns: { THEIRS: target }, blanks: { THEIRS: c.value } });
        expect(loadColumnMapping(text)).toEqual({ mapping: { columns: { THEIRS: target }, blanks: { THEIRS: c.value } }, diagnostics: [] });
      }
    const m: ColumnMapping = { blanks: { 'charge.bondPosted': 'Unknown', JW: 'N', judicialWarrant: 'yes' } };
    expect(blankOf(m, 'BOND1', 'charge1.bondPosted')).toEqual({ key: 'charge.bondPosted', value: 'unknown' });
    expect(blankOf(m, 'JW', 'judicialWarrant')).toEqual({ key: 'JW', value: false });
    expect(blankOf(m, 'OTHER', 'judicialWarrant')).toEqual({ key: 'judicialWarrant', value: true });
    expect(blankOf(m, 'X', 'administrativeWarrant')).toBeUndefined();
    expect(
      mappingYaml({ columns: { JW: 'judicialWarrant' }, values: { JW: { YES1: true } }, blanks: { JW: 'unknown' }, ignore: ['A'] }),
    ).toBe('columns:\n  JW: judicialWarrant\nvalues:\n  JW:\n    YES1: true\nblanks:\n  JW: unknown\nignore:\n  - A\n');
  });

  it('offers as each yes/no column’s default what a case reads when the fact is not given, from the one place it is written', () => {
    // A case that gives none of its yes/no facts: what the checker reads for each.
    const r = prepareCase(
      {
        id: 'A',
        age: 30,
        bookedAt: '2025-01-01T10:00',
        eligibleForReleaseAt: '2025-01-02T10:00',
        detainer: { requests: ['hold'] },
        currentCharges: [{ class: 'felony' }],
        convictions: [{ class: 'felony', convictedOn: '2020-01-01' }],
        warrants: [{ kind: 'criminal' }],
      },
      0,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const c = r.prepared;
    const read: Record<string, boolean> = {
      judicialWarrant: c.judicial,
      administrativeWarrant: c.admin,
      'charge1.bondPosted': c.charges[0]!.bondPosted,
      'charge1.bondable': c.charges[0]!.bondable,
      'charge1.probableCauseFinding': c.charges[0]!.probableCause,
      'conviction1.current': c.convictions[0]!.current,
      'conviction1.juvenile': c.convictions[0]!.juvenile,
      'warrant1.felony': c.warrants[0]!.felony,
    };
    for (const [target, value] of Object.entries(read)) {
      const field = target.replace(/^[a-z]+\d\./, '');
      expect(yesNoDefault(field), target).toBe(value);
      expect(blankChoices(target)!.find((x) => x.isDefault)!.value, target).toBe(value);
    }
    expect(yesNoDefault('bondable')).toBe(true);
  });

  it('points the app’s refusal of a county header to the panel, not to --mapping on the command line', () => {
    const [first] = mappingProblems(['BOOKING_NO', 'AGE_AT_BOOKING'], undefined);
    expect(first).toMatch(/--mapping FILE; docs\/case-files.md/);
    // The app words it from the problem's data (the header's problem), not by rewriting the command line's words.
    const [problem] = readCaseSet('BOOKING_NO,AGE_AT_BOOKING\n1,30\n', 'csv').problems;
    expect(problem!.header).toMatchObject({ kind: 'no-case-columns' });
    expect(formatCaseProblem('county.csv', problem!)).toContain('--mapping FILE');
    const said = formatCaseProblem('county.csv', problemInTheApp(problem!));
    expect(said).toMatch(/^county.csv: row 1: error: the header has none of the case columns/);
    expect(said).toContain('Map the columns in the Map columns panel below');
    expect(said).not.toContain('on the command line (--mapping');
    const plain = { index: 1, field: 'age', message: 'age is not a number', row: 2 };
    expect(problemInTheApp(plain)).toBe(plain);
  });

  it('guesses a documented column for an unknown one only where the names are alike: JW is a judicial warrant, not "id"', () => {
    const header = ['id', 'age', 'bookedAt', 'eligibleForReleaseAt', 'JW', 'NAME', 'RACE', 'agee', 'BOOKEDAT2'];
    const said = mappingProblems(header, { columns: {} });
    const of = (name: string) => said.find((p) => p.startsWith(`unknown column "${name}"`));
    for (const name of ['JW', 'NAME', 'RACE']) expect(of(name), name).not.toContain('did you mean');
    expect(of('agee')).toContain('did you mean "age"?');
    expect(of('BOOKEDAT2')).toContain('did you mean "bookedAt"?');
    // Read with no mapping, the same likeness.
    expect(mappingProblems(['id', 'age', 'bookedAt', 'eligibleForReleaseAt', 'JW'], undefined).join('\n')).not.toContain('did you mean');
  });

  it('says in the panel’s words how to map an unknown column, never the mapping file’s "columns" and "ignore"', () => {
    const header = ['id', 'age', 'bookedAt', 'eligibleForReleaseAt', 'JW'];
    const [withMapping] = mappingProblems(header, { columns: {} });
    // The command line, whose user writes the mapping file, keeps the file's words.
    expect(withMapping).toBe('unknown column "JW" (column 5); map it under "columns" or list it under "ignore" in the mapping');
    // The app says it from the problem's data, in its words, not by rewriting the command line's.
    const [mappedIssue] = mappingIssues(header, { columns: {} });
    expect(columnProblemText(mappedIssue!, UNKNOWN_COLUMN_WORDS_IN_THE_APP)).toBe(
      'unknown column "JW" (column 5); in the Map columns panel, choose the case column it fills in its “Reads as” list, or “Leave out”',
    );
    const [without] = mappingProblems(header, undefined);
    expect(without).toBe('unknown column "JW" (column 5); a column mapping can rename it');
    const [withoutIssue] = mappingIssues(header, undefined);
    expect(columnProblemText(withoutIssue!, UNKNOWN_COLUMN_WORDS_IN_THE_APP)).toBe(
      'unknown column "JW" (column 5); the Map columns panel (Map columns…) can say which case column it fills, or leave it out',
    );
  });

  it('gives the header’s problems as data, worded for the command line as the import always said them', () => {
    const header = ['JW', 'agee', 'id', 'bookedAt', 'eligibleForReleaseAt', 'RACE'];
    expect(mappingIssues(header, { columns: {} })).toEqual([
      { kind: 'unknown', column: 1, name: 'JW', mapped: true },
      { kind: 'unknown', column: 2, name: 'agee', like: 'age', mapped: true },
      { kind: 'unknown', column: 6, name: 'RACE', mapped: true },
      { kind: 'required', target: 'age', or: ['dateOfBirth'], mapped: true, width: 6 },
    ]);
    expect(mappingProblems(header, { columns: {} })).toEqual([
      'unknown column "JW" (column 1); map it under "columns" or list it under "ignore" in the mapping',
      'unknown column "agee" (column 2); did you mean "age"?; map it under "columns" or list it under "ignore" in the mapping',
      'unknown column "RACE" (column 6); map it under "columns" or list it under "ignore" in the mapping',
      'no column gives "age" (or "dateOfBirth"), which every case needs; map one of the columns to it',
    ]);
    // The panel's plan lists every column of a long header; the import's stops at 50 and counts the rest.
    const wide = ['id', ...Array.from({ length: 60 }, (_, i) => `X${i + 1}`)];
    expect(mappingIssues(wide, { columns: {} }).filter((p) => p.kind === 'unknown')).toHaveLength(60);
    expect(mappingProblems(wide, { columns: {} }).at(-1)).toBe('... and 10 more columns not read (the header names 61 columns)');
  });

  it('points the app’s repeated id of one row per charge to the panel’s targets of each row, not to --mapping', () => {
    const set = readCaseSet(
      'id,age,bookedAt,eligibleForReleaseAt,charge1.class\nA,30,2012-01-01,2012-01-02,felony\nA,30,2012-01-01,2012-01-02,misdemeanor\n',
      'csv',
    );
    const [first] = set.problems.map((p) => formatCaseProblem('jail.csv', p));
    expect(first).toContain('--mapping FILE');
    expect(set.problems[0]!.mend).toEqual({ kind: 'one-row-per-charge', after: expect.any(Number) });
    const said = formatCaseProblem('jail.csv', problemInTheApp(set.problems[0]!));
    expect(said).toMatch(/^jail.csv: row 2 \(A\): error: id: the id "A" is used twice \(rows 2 and 3\)/);
    expect(said).toContain(
      "its rows come one after another, as a booking's do in an export of one row per charge: to read each run of rows with one id as one booking, " +
        "map the charge's columns in the Map columns panel (Map columns…) to its targets under “Charge of each row (one row per charge)”",
    );
    expect(said).not.toContain('--mapping');
    // The command line's words after the way to map it stay.
    expect(said).toMatch(/, or give its charges in one row, in numbered columns \(charge1\.\*, charge2\.\*, \.\.\.\)$/);
    // The words name the panel's own section, as its picker shows it.
    expect(mappingTargets().some((t) => t.section === 'Charge of each row (one row per charge)')).toBe(true);
  });

  it('says in the app’s words where to give an unknown level code its level, never the mapping file’s key "values"', () => {
    const set = readCaseSet(
      'id,age,bookedAt,eligibleForReleaseAt,requests,charge1.offense,charge1.level\nA,30,2012-01-01T08:00,2012-01-02T08:00,hold,theft,Q9\n',
      'csv',
    );
    const [first] = set.problems.map((p) => formatCaseProblem('jail.csv', p));
    expect(first).toContain('map the export\'s codes under "values"');
    expect(set.problems[0]!.mend).toEqual({ kind: 'level-codes', after: 0 });
    const said = formatCaseProblem('jail.csv', problemInTheApp(set.problems[0]!));
    expect(said).toBe(
      'jail.csv: row 2 (A): error: charge1.level: a level is a class letter or word with an optional degree (F, F1, M2, I, felony 2), not "Q9"; ' +
        'in the Map columns panel (Map columns…), under “Their values”, choose the level each of the export’s codes stands for',
    );
  });

  it('says where to choose the order of a CSV’s dates written with slashes, in a row’s problem', () => {
    const set = readCaseSet('id,age,bookedAt,eligibleForReleaseAt,requests\nA,30,03/04/2012 08:00,2012-03-05T08:00,hold\n', 'csv');
    const [first] = set.problems.map((p) => formatCaseProblem('jail.csv', p));
    expect(slashedDateInTheApp(first!)).toBe(
      `${first}: a date written with slashes is read only once its order is chosen, in the Map columns panel (Map columns…) at “Slashed dates (like 09/07/2025) are”`,
    );
    expect(slashedDateInTheApp('row 2: error: bookedAt: must be a local date and time (YYYY-MM-DDTHH:MM), not "2012-13-01"')).toBe(
      'row 2: error: bookedAt: must be a local date and time (YYYY-MM-DDTHH:MM), not "2012-13-01"',
    );
  });

  it('offers first, for a level code it can’t read, the levels its text and the file point to, the rest after', () => {
    const file = ['Fel-1', 'F2', 'm', 'CLASS B FELONY', 'felony 3'];
    expect(levelChoices('Fel-1', file)).toEqual({
      first: ['F1', 'F', 'F2', 'M', 'F3'],
      rest: [
        'F4',
        'F5',
        'F6',
        'F7',
        'F8',
        'F9',
        'M1',
        'M2',
        'M3',
        'M4',
        'M5',
        'M6',
        'M7',
        'M8',
        'M9',
        'I',
        ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => `I${d}`),
      ],
    });
    expect(levelChoices('MISD 2', []).first).toEqual(['M2', 'M']);
    expect(levelChoices('Infraction', []).first).toEqual(['I']);
    // Where it is mapped now is offered, to show the choice; a code that points nowhere in a file of none: all 30.
    expect(levelChoices('CLASS B FELONY', [], 'M9').first).toEqual(['M9']);
    const none = levelChoices('CLASS B FELONY', ['X', 'Q']);
    expect(none.first).toEqual([]);
    expect(none.rest).toHaveLength(30);
    // Every code offered is one the import reads as it is.
    for (const c of [...levelChoices('Fel-1', file).first, ...none.rest]) expect(readsAsIs('charge1.level', c)).toBe(true);
  });

  it('lists a level code the import refuses (Fel-1) as needing a value map, and reads F1, felony 2, M-1 and unknown as they are', () => {
    for (const v of ['F1', 'f', 'M2', 'felony 2', 'M-1', 'I', 'unknown']) expect(readsAsIs('charge1.level', v)).toBe(true);
    for (const v of ['Fel-1', 'FA', 'CLASS B FELONY', 'X1']) expect(readsAsIs('conviction2.level', v)).toBe(false);
    // What the panel says reads as it is, the import reads without a problem; what it lists, the import refuses.
    const csv = (lvl: string) => `id,age,bookedAt,eligibleForReleaseAt,charge1.level\nA,30,2025-09-07,2025-09-20,${lvl}\n`;
    for (const v of ['F1', 'Fel-1', 'M-1', 'FA', 'unknown'])
      expect(readCaseSet(csv(v), 'csv').problems.length === 0, v).toBe(readsAsIs('charge1.level', v));
  });
});
