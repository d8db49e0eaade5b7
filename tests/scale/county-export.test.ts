// A county jail's own export read through a column mapping: what an empty cell means (`blanks`), age
// at booking counted from a date of birth, and a charge's class and degree given in one cell ("F1").
// Each is read the same by the fast reader and the reference reading, and bad values are located.

import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { CsvCaseReader } from '../../engine/import/csv-cases';
import {
  checkBlankCells,
  formatCaseProblem,
  loadColumnMapping,
  loadOrdinance,
  mappingYaml,
  readCaseSet,
  type BookingCase,
  type CaseSet,
} from '../../engine/index';
import { importInChunks, referenceCsv, runs, tableRows } from './helpers';

function mapped(yaml: string) {
  const r = loadColumnMapping(yaml);
  expect(r.diagnostics).toEqual([]);
  return r.mapping!;
}

/** The fast reader and the reference reading agree on every row, good or bad. */
function agrees(csv: string, set: CaseSet, mapping: ReturnType<typeof mapped>): void {
  const ref = referenceCsv(csv, mapping);
  const bad = ref.rows.filter((r) => !r.ok).map((r) => r.row);
  expect([...new Set(set.problems.map((p) => p.row))]).toEqual(bad);
  const good = ref.rows.filter((r) => r.ok).map((r) => readCaseSet(JSON.stringify([r.prepared!.source]), 'json').table);
  expect(tableRows(set.table)).toEqual(good.flatMap((t) => tableRows(t)));
}

const json = (cases: BookingCase[]) => readCaseSet(JSON.stringify(cases), 'json');

describe('blanks: what an empty cell means', () => {
  const mapping = mapped(
    [
      'columns: { JUD: judicialWarrant, BOND1: charge1.bondPosted, LVL1: charge1.class, LVL2: charge2.class, BOND2: charge2.bondPosted }',
      'blanks:',
      '  JUD: unknown',
      '  charge.bondPosted: No',
      '  gangDatabase: unknown',
      '',
    ].join('\n'),
  );
  const csv =
    'id,age,bookedAt,eligibleForReleaseAt,requests,JUD,gangDatabase,LVL1,BOND1,LVL2,BOND2\n' +
    'A1,30,2025-03-01 10:00,2025-03-05 10:00,hold,,,felony,,,\n' +
    'A2,31,2025-03-01 10:00,2025-03-05 10:00,hold,y,n,felony,y,misdemeanor,\n';

  it('reads an empty cell as the mapping says, and a group blank only for a charge the row has', () => {
    for (const sizes of [[0], [5], [1]]) {
      const set = importInChunks(csv, sizes, { format: 'csv', mapping });
      expect(set.problems).toEqual([]);
      const expected = json([
        {
          id: 'A1',
          age: 30,
          bookedAt: '2025-03-01T10:00',
          eligibleForReleaseAt: '2025-03-05T10:00',
          detainer: { requests: ['hold'], administrativeWarrant: false },
          currentCharges: [{ class: 'felony', bondPosted: false }],
          unknown: ['judicialWarrant', 'records.gangDatabase'],
        },
        {
          id: 'A2',
          age: 31,
          bookedAt: '2025-03-01T10:00',
          eligibleForReleaseAt: '2025-03-05T10:00',
          detainer: { requests: ['hold'], judicialWarrant: true, administrativeWarrant: false },
          currentCharges: [
            { class: 'felony', bondPosted: true },
            { class: 'misdemeanor', bondPosted: false },
          ],
          records: { gangDatabase: false },
        },
      ]);
      expect(set.cases.map((c) => c.source)).toEqual(expected.cases.map((c) => c.source));
      expect(tableRows(set.table)).toEqual(tableRows(expected.table));
      expect(Array.from(set.table.unknown)).toEqual(Array.from(expected.table.unknown));
      agrees(csv, set, mapping);
      // Columns whose blanks have a meaning are never counted as read as "no".
      expect(set.blanks).toEqual([]);
    }
  });

  it('refuses, at its line and column, a blank a column cannot take', () => {
    const r = loadColumnMapping(
      [
        'columns: { AGE_AT: age, WFEL: warrant1.felony, JUD: judicialWarrant }',
        'blanks:',
        '  AGE_AT: 30',
        '  WFEL: unknown',
        '  JUD: maybe',
        '  charge.degree: two',
        '  charge.level: unknown',
        '',
      ].join('\n'),
    );
    expect(r.mapping).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [3, 11, `an empty "age" can't be read as a value: every case needs its own age`],
      [4, 9, expect.stringMatching(/^"warrant1\.felony" can't be unknown in the case format; columns that can: /)],
      [5, 8, 'an empty "judicialWarrant" must mean yes, no or unknown, not "maybe"'],
      [6, 18, 'an empty "charge.degree" must mean a whole number or unknown, not "two"'],
    ]);
  });
});

describe('yes/no columns blank on some rows', () => {
  const policy = loadOrdinance(
    [
      'title: Judicial warrants only',
      'jurisdiction: { name: Example County, state: CT, level: county }',
      'effectiveDate: 2025-01-01',
      'sections:',
      '  - heading: Detainers',
      '    provisions:',
      '      - id: warrant',
      '        type: detainer',
      '        text: Honor a detainer supported by a judicial warrant.',
      '        when: { judicialWarrant: true }',
      '        outcome: hold',
      '        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }',
      '      - id: bond',
      '        type: detainer',
      '        text: Notify when a pending charge has its bond posted.',
      '        when: { charge: { bondPosted: true } }',
      '        outcome: notify',
      'otherwise: decline',
      '',
    ].join('\n'),
  );
  const csv =
    'id,age,bookedAt,eligibleForReleaseAt,requests,ICE_WARRANT,charge1.class,charge1.bondPosted\n' +
    'B1,30,2025-03-01 10:00,2025-03-05 10:00,hold,Y,felony,\n' +
    'B2,31,2025-03-01 10:00,2025-03-05 10:00,hold,,felony,y\n' +
    'B3,32,2025-03-01 10:00,2025-03-05 10:00,hold, ,felony,n\n' +
    'B4,33,2025-03-01 10:00,2025-03-05 10:00,hold,N,,\n' +
    // Read by the reference reading (an unknown cell): counted the same.
    'B5,34,2025-03-01 10:00,unknown,hold,,misdemeanor,\n';

  it('counts the empty cells read as the default, and the draft that tests the fact is warned, naming the column and the fix', () => {
    expect(policy.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const mapping = mapped('columns: { ICE_WARRANT: judicialWarrant }\n');
    for (const sizes of [[0], [3]]) {
      const set = importInChunks(csv, sizes, { format: 'csv', mapping });
      expect(set.problems).toEqual([]);
      expect(set.blanks).toEqual([
        { column: 'ICE_WARRANT', target: 'judicialWarrant', fact: 'judicialWarrant', blank: 3, of: 5 },
        { column: 'charge1.bondPosted', target: 'charge1.bondPosted', fact: 'bondPosted', group: 'charge', blank: 2, of: 4 },
      ]);
      const found = checkBlankCells(policy.ordinance!, set.blanks);
      expect(found.map((f) => [f.code, f.path.join('.'), f.message])).toEqual([
        [
          'case-set-blank-cells',
          'sections.0.provisions.0.when.judicialWarrant',
          'provision § 2(a) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice] tests whether a judicial warrant supports the detainer; column "ICE_WARRANT" (judicialWarrant) is empty on 3 of the 5 rows read, and each empty cell reads as "no" while the other rows give a value. ' +
            "If an empty cell means the records don't say, map blanks to unknown in the column mapping (blanks: { ICE_WARRANT: unknown }): the decisions that turn on it are then open, not guessed; if it does mean no, say so (blanks: { ICE_WARRANT: no })",
        ],
        [
          'case-set-blank-cells',
          'sections.0.provisions.1.when.charge.bondPosted',
          expect.stringContaining('column "charge1.bondPosted" is empty on 2 of the 4 rows with charge 1 read'),
        ],
      ]);
    }
    // In the app, the same warning points to the Map columns panel's Empty cells, not to the mapping file's key.
    const set = importInChunks(csv, [0], { format: 'csv', mapping });
    const inApp = checkBlankCells(policy.ordinance!, set.blanks, 'app');
    expect(inApp.map((f) => f.message)).toEqual([
      'provision § 2(a) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice] tests whether a judicial warrant supports the detainer; column "ICE_WARRANT" (judicialWarrant) is empty on 3 of the 5 rows read, and each empty cell reads as "no" while the other rows give a value. ' +
        'If an empty cell means the records don\'t say, choose unknown for "ICE_WARRANT" (judicialWarrant) under Empty cells in the Map columns panel (Map columns…): the decisions that turn on it are then open, not guessed; ' +
        'if it does mean no, choose no there',
      expect.stringContaining('choose unknown for "charge1.bondPosted" under Empty cells in the Map columns panel'),
    ]);
    for (const f of inApp) expect(f.message).not.toContain('blanks');
    // Mapped blanks, a column filled on every row or empty on every row: nothing to say.
    const said = importInChunks(csv, [0], {
      format: 'csv',
      mapping: mapped('columns: { ICE_WARRANT: judicialWarrant }\nblanks: { ICE_WARRANT: no, charge1.bondPosted: unknown }\n'),
    });
    expect(said.blanks).toEqual([]);
    expect(checkBlankCells(policy.ordinance!, said.blanks)).toEqual([]);
    // The Map columns panel's answer "no (the default)" is the column's own entry (false), not no entry:
    // read at once, or saved as the file the command line reads, it answers the warning and reads as the
    // default did, case for case.
    const chosen = { ...mapping, blanks: { ICE_WARRANT: false, 'charge1.bondPosted': false } };
    const saved = mappingYaml(chosen);
    expect(saved).toContain('blanks:\n  ICE_WARRANT: false\n  charge1.bondPosted: false\n');
    for (const m of [chosen, mapped(saved)]) {
      const answered = importInChunks(csv, [0], { format: 'csv', mapping: m });
      expect(answered.problems).toEqual([]);
      expect(answered.blanks).toEqual([]);
      expect(checkBlankCells(policy.ordinance!, answered.blanks, 'app')).toEqual([]);
      expect(tableRows(answered.table)).toEqual(tableRows(set.table));
    }
    const allEmpty = readCaseSet('id,age,bookedAt,eligibleForReleaseAt,ICE_WARRANT\nC1,30,2025-03-01,2025-03-02,\n', 'csv', { mapping });
    expect(allEmpty.blanks).toEqual([]);
    // In the documented columns, read without a mapping, an empty cell is the format's own "not given"
    // (as a key left out of a JSON case, which the project's own CSV writes that way): not counted.
    const documented = readCaseSet(csv.replace('ICE_WARRANT', 'judicialWarrant'), 'csv');
    expect(documented.problems).toEqual([]);
    expect(documented.blanks).toEqual([]);
  });
});

describe('age at booking from a date of birth', () => {
  const mapping = mapped('columns: { DOB: dateOfBirth, AGE_NOW: age, BOOKED: bookedAt }\n');
  const header = 'id,DOB,AGE_NOW,BOOKED,eligibleForReleaseAt\n';
  const rows: Array<[string, string, string, number]> = [
    // id, date of birth, booked, age at booking
    ['D1', '2008-03-02', '2026-03-01 10:00', 17], // the day before the 18th birthday
    ['D2', '2008-03-01', '2026-03-01 10:00', 18], // on it
    ['D3', '2008-02-29', '2026-02-28 23:59', 17], // born on 29 February: a year older on 1 March
    ['D4', '2008-02-29', '2026-03-01 00:00', 18],
    ['D5', '2008-02-29', '2028-02-29 08:00', 20],
    ['D6', '2026-03-01', '2026-03-01 09:00', 0],
    ['D7', '1930-12-31', '2025-01-01 09:00', 94],
  ];

  it('counts whole years on the booking day, exactly, and the date of birth wins over an age column', () => {
    // The age column gives age at the export (19 for all): never read when the date of birth is given.
    const csv =
      header +
      rows.map(([id, dob, booked]) => `${id},${dob},19,${booked},2030-12-01 10:00`).join('\n') +
      '\nD8,,19,2025-01-01,2025-01-02\n';
    for (const sizes of [[0], [4]]) {
      const set = importInChunks(csv, sizes, { format: 'csv', mapping });
      expect(set.problems).toEqual([]);
      expect(set.cases.map((c) => [c.source.id, c.source.age])).toEqual([...rows.map(([id, , , age]) => [id, age]), ['D8', 19]]);
      agrees(csv, set, mapping);
    }
  });

  it('agrees with a birthday count done another way, on any dates', () => {
    const day = fc.integer({ min: Date.UTC(1890, 0, 1) / 864e5, max: Date.UTC(2040, 11, 31) / 864e5 }).map((d) => new Date(d * 864e5));
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.array(fc.tuple(day, day), { minLength: 1, maxLength: 20 }), (pairs) => {
        const dated = pairs.map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [Date, Date]);
        const csv = 'id,DOB,BOOKED,eligibleForReleaseAt\n' + dated.map(([b, k], i) => `P${i},${iso(b)},${iso(k)},2041-01-01`).join('\n');
        const set = importInChunks(csv, [0], { format: 'csv', mapping: mapped('columns: { DOB: dateOfBirth, BOOKED: bookedAt }\n') });
        // Whole years: the year difference, less one when the booking's month and day come before the birth's.
        const expected = dated.map(([b, k]) => {
          const before = k.getUTCMonth() < b.getUTCMonth() || (k.getUTCMonth() === b.getUTCMonth() && k.getUTCDate() < b.getUTCDate());
          return k.getUTCFullYear() - b.getUTCFullYear() - (before ? 1 : 0);
        });
        const good = expected.filter((a) => a <= 130);
        expect(set.cases.map((c) => c.source.age)).toEqual(good);
        expect(set.rejected).toBe(expected.length - good.length);
      }),
      { numRuns: runs(100) },
    );
  });

  it('refuses a date of birth after the booking, or not a date, on its row and column', () => {
    const only = mapped('columns: { DOB: dateOfBirth, BOOKED: bookedAt }\ndates: month/day/year\n');
    const csv =
      'id,DOB,BOOKED,eligibleForReleaseAt\n' +
      'E1,2026-03-02,2026-03-01 10:00,2026-03-05\n' +
      'E2,02/30/2001,2026-03-01 10:00,2026-03-05\n' +
      'E3,03/01/2001,unknown,2026-03-05\n' +
      'E4,03/01/2001,03/01/2019,2026-03-05\n' +
      'E5,,2026-03-01 10:00,2026-03-05\n';
    const set = importInChunks(csv, [0], { format: 'csv', mapping: only });
    expect(set.problems.map((p) => formatCaseProblem('jail.csv', p))).toEqual([
      'jail.csv: row 2 (E1): error: DOB (dateOfBirth): the date of birth, 2026-03-02, is after the booking, 2026-03-01',
      'jail.csv: row 3 (E2): error: DOB (dateOfBirth): a date of birth is a date, YYYY-MM-DD or month/day/year; "02/30/2001" is not a real date (February has no 30th)',
      'jail.csv: row 4 (E3): error: DOB (dateOfBirth): age at booking is counted from the date of birth and the booking date; this row has no booking date to count it on',
      'jail.csv: row 4 (E3): error: issuedAt: with the booking time unknown, "detainer.issuedAt" (the request) is needed',
      'jail.csv: row 6 (E5): error: DOB (dateOfBirth): missing',
    ]);
    expect(set.cases.map((c) => [c.source.id, c.source.age])).toEqual([['E4', 18]]);
    agrees(csv, set, only);
  });
});

describe('levels: class and degree in one cell', () => {
  it('reads F1, M2, F, felony 2 into class and degree, maps other codes, and locates a level it cannot read', () => {
    const mapping = mapped(
      'columns: { CHG1: charge1.level, CHG2: charge2.level, PRIOR1: conviction1.level }\nvalues: { charge.level: { FA: F1 } }\n',
    );
    const csv =
      'id,age,bookedAt,eligibleForReleaseAt,CHG1,CHG2,PRIOR1,conviction1.convictedOn\n' +
      'L1,30,2025-03-01,2025-03-02,F1,m2,F,2019-01-01\n' +
      'L2,30,2025-03-01,2025-03-02,felony 2,FA,,\n' +
      'L3,30,2025-03-01,2025-03-02,F10,,,\n' +
      'L4,30,2025-03-01,2025-03-02,unknown,I,,\n' +
      'L5,30,2025-03-01,2025-03-02,X,,,\n';
    for (const sizes of [[0], [6]]) {
      const set = importInChunks(csv, sizes, { format: 'csv', mapping });
      expect(set.problems.map((p) => formatCaseProblem('jail.csv', p))).toEqual([
        'jail.csv: row 4 (L3): error: CHG1 (charge1.level): a level is a class letter or word with an optional degree (F, F1, M2, I, felony 2), not "F10"; map the export\'s codes under "values"',
        'jail.csv: row 6 (L5): error: CHG1 (charge1.level): a level is a class letter or word with an optional degree (F, F1, M2, I, felony 2), not "X"; map the export\'s codes under "values"',
      ]);
      const expected = json([
        {
          id: 'L1',
          age: 30,
          bookedAt: '2025-03-01',
          eligibleForReleaseAt: '2025-03-02',
          detainer: { requests: [] },
          currentCharges: [
            { class: 'felony', degree: 1 },
            { class: 'misdemeanor', degree: 2 },
          ],
          convictions: [{ class: 'felony', convictedOn: '2019-01-01' }],
        },
        {
          id: 'L2',
          age: 30,
          bookedAt: '2025-03-01',
          eligibleForReleaseAt: '2025-03-02',
          detainer: { requests: [] },
          currentCharges: [
            { class: 'felony', degree: 2 },
            { class: 'felony', degree: 1 },
          ],
        },
        {
          id: 'L4',
          age: 30,
          bookedAt: '2025-03-01',
          eligibleForReleaseAt: '2025-03-02',
          detainer: { requests: [] },
          currentCharges: [{ unknown: ['class'] }, { class: 'infraction' }],
        },
      ]);
      expect(tableRows(set.table)).toEqual(tableRows(expected.table));
      agrees(csv, set, mapping);
    }
  });

  it('refuses a level next to a class or degree column for the same charge', () => {
    const set = readCaseSet('id,age,bookedAt,eligibleForReleaseAt,LVL,charge1.degree\nA,30,2025-03-01,2025-03-02,F1,2\n', 'csv', {
      mapping: mapped('columns: { LVL: charge1.level }\n'),
    });
    expect(set.problems.map((p) => p.message)).toEqual(['columns 5 ("LVL") and 6 ("charge1.degree") both give "charge1.degree"']);
  });
});

describe('the fast reader', () => {
  it('reads a date of birth, a level and a blank given a value itself, without the reference reading', () => {
    const mapping = mapped(
      'columns: { DOB: dateOfBirth, LVL: charge1.level, JUD: judicialWarrant, BOND: charge1.bondPosted }\nblanks: { JUD: no, BOND: "yes" }\n',
    );
    const csv =
      'id,DOB,bookedAt,eligibleForReleaseAt,JUD,LVL,BOND\n' +
      'F1,2008-02-29,2026-02-28 10:00,2026-03-01,,F2,\n' +
      'F2,1990-06-01,2026-02-28 10:00,2026-03-01,y,m,n\n' +
      'F3,1990-06-01,2026-02-28 10:00,2026-03-01,,,\n';
    const slow = vi.spyOn(CsvCaseReader.prototype as unknown as { slowCase: () => void }, 'slowCase');
    try {
      const set = importInChunks(csv, [0], { format: 'csv', mapping });
      expect(set.problems).toEqual([]);
      expect(slow).not.toHaveBeenCalled();
      expect(set.cases.map((c) => [c.source.age, c.source.detainer.judicialWarrant, c.source.currentCharges])).toEqual([
        [17, false, [{ class: 'felony', degree: 2, categories: [], bondPosted: true, bondable: true, probableCauseFinding: false }]],
        [35, true, [{ class: 'misdemeanor', categories: [], bondPosted: false, bondable: true, probableCauseFinding: false }]],
        [35, false, undefined],
      ]);
      agrees(csv, set, mapping);
    } finally {
      slow.mockRestore();
    }
  });
});
