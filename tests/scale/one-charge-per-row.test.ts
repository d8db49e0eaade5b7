// A jail's export with one row per charge: a mapping that names a charge's columns with no number
// (`charge.class`) reads each run of rows with the same booking number as one booking, each row
// adding its charge. Read so, the export gives the same cases as the same bookings written one row
// each in numbered columns; a booking's rows that disagree, or are not together, are located.

import { describe, expect, it } from 'vitest';
import { casesToCsv } from '../../engine/case-csv';
import { generateCases } from '../../engine/generate';
import { csvField } from '../../engine/csv';
import {
  blankChoices,
  formatCaseProblem,
  loadColumnMapping,
  mappingTargets,
  mappingYaml,
  readCaseSet,
  readsAsIs,
} from '../../engine/index';
import { importInChunks, tableRows } from './helpers';

const CHARGE_FIELDS = ['offense', 'class', 'degree', 'categories', 'bondPosted', 'bondable', 'probableCauseFinding'];

function mapped(yaml: string) {
  const r = loadColumnMapping(yaml);
  expect(r.diagnostics).toEqual([]);
  return r.mapping!;
}

/** Splits a CSV line of the project's own writing (fields quoted as csvField quotes them). */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') {
          v += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else v += line[i++];
      }
      out.push(v);
      i++;
    } else {
      const end = line.indexOf(',', i);
      const stop = end < 0 ? line.length : end;
      out.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return out;
}

/**
 * The wide file's bookings written one row per charge: every column but the charges' repeated on
 * each row, the charge's own in the CHG_* columns; a booking with no charge gets one row with them empty.
 */
function perCharge(wide: string): string {
  const [head, ...lines] = wide.trimEnd().split('\n');
  const header = head!.split(',');
  const chargeAt = header.map((h) => /^charge(\d+)\.(\w+)$/.exec(h));
  const own = header.map((_, k) => k).filter((k) => !chargeAt[k]);
  const charges = Math.max(0, ...chargeAt.map((m) => (m ? Number(m[1]) : 0)));
  const out = [[...own.map((k) => header[k]!), ...CHARGE_FIELDS.map((f) => `CHG_${f.toUpperCase()}`)].join(',')];
  for (const line of lines) {
    const cells = splitLine(line);
    const ownCells = own.map((k) => csvField(cells[k]!));
    const rows: string[][] = [];
    for (let n = 1; n <= charges; n++) {
      const item = CHARGE_FIELDS.map((f) => cells[header.indexOf(`charge${n}.${f}`)] ?? '');
      if (item.some((v) => v !== '')) rows.push(item);
    }
    if (rows.length === 0) rows.push(CHARGE_FIELDS.map(() => ''));
    for (const item of rows) out.push([...ownCells, ...item.map(csvField)].join(','));
  }
  return out.join('\n') + '\n';
}

const PER_CHARGE = mapped(`columns:\n${CHARGE_FIELDS.map((f) => `  CHG_${f.toUpperCase()}: charge.${f}`).join('\n')}\n`);

describe('one charge per row', () => {
  it('reads a booking of several rows as the same case its one row in numbered columns gives, in any chunks', () => {
    const cases = generateCases({ count: 400, seed: 23 });
    expect(cases.filter((c) => (c.currentCharges?.length ?? 0) > 1).length).toBeGreaterThan(20);
    const wide = casesToCsv(cases);
    const long = perCharge(wide);
    expect(long.split('\n').length).toBeGreaterThan(wide.split('\n').length + 100);
    const expected = readCaseSet(wide, 'csv');
    expect(expected.problems).toEqual([]);
    for (const sizes of [[0], [1], [97], [4096]]) {
      const set = importInChunks(long, sizes, { format: 'csv', mapping: PER_CHARGE });
      expect(set.problems).toEqual([]);
      expect(set.total).toBe(cases.length);
      expect(tableRows(set.table)).toEqual(tableRows(expected.table));
    }
  });

  const mapping = mapped(
    [
      'columns:',
      '  BOOKING_NO: id',
      '  AGE: age',
      '  BOOK_DT: bookedAt',
      '  REL_DT: eligibleForReleaseAt',
      '  ICE_REQ: requests',
      '  CHG_LVL: charge.level',
      '  CHG_DESC: charge.offense',
      '  BOND: charge.bondPosted',
      'ignore: [NAME]',
      'values:',
      '  BOND: { Y: yes, N: no }',
      '',
    ].join('\n'),
  );
  const head = 'BOOKING_NO,NAME,AGE,BOOK_DT,REL_DT,ICE_REQ,CHG_LVL,CHG_DESC,BOND\n';

  it('takes a booking’s own cells from its first row that fills them, and its charges in file order', () => {
    const set = readCaseSet(
      head +
        'B-1,Doe,34,2025-03-01T10:00,2025-03-02T10:00,hold,F1,burglary,Y\n' +
        'B-1,,,,,,M2,trespass,\n' +
        'B-2,Roe,40,2025-03-02T11:00,2025-03-03T09:00,hold,,,\n',
      'csv',
      { mapping },
    );
    expect(set.problems).toEqual([]);
    const asJson = (cases: unknown[]) => readCaseSet(JSON.stringify(cases), 'json').cases.map((c) => c.source);
    expect(set.cases.map((c) => c.source)).toEqual(
      asJson([
        {
          id: 'B-1',
          age: 34,
          bookedAt: '2025-03-01T10:00',
          eligibleForReleaseAt: '2025-03-02T10:00',
          detainer: { requests: ['hold'] },
          currentCharges: [
            { class: 'felony', degree: 1, offense: 'burglary', bondPosted: true },
            { class: 'misdemeanor', degree: 2, offense: 'trespass' },
          ],
        },
        { id: 'B-2', age: 40, bookedAt: '2025-03-02T11:00', eligibleForReleaseAt: '2025-03-03T09:00', detainer: { requests: ['hold'] } },
      ]),
    );
  });

  it('locates a booking’s rows that disagree, a charge it can’t read, and rows of one booking apart', () => {
    const set = readCaseSet(
      head +
        'B-1,Doe,34,2025-03-01T10:00,2025-03-02T10:00,hold,F1,burglary,Y\n' +
        'B-1,Doe,35,2025-03-01T10:00,2025-03-02T10:00,hold,Q,trespass,N\n' +
        'B-2,Roe,40,2025-03-02T11:00,2025-03-03T09:00,hold,M,theft,N\n' +
        'B-3,Poe,22,2025-03-02T11:00,2025-03-03T09:00,hold,M,theft,N\n' +
        'B-2,Roe,40,2025-03-02T11:00,2025-03-03T09:00,hold,F,robbery,N\n',
      'csv',
      { mapping },
    );
    expect(set.total).toBe(4);
    expect(set.table.length).toBe(1);
    const lines = set.problems.map((p) => formatCaseProblem('jail.csv', p));
    expect(lines).toContain(
      'jail.csv: row 3 (B-1): error: AGE (age): "35" here, but "34" on row 2 of the same booking; a booking\'s rows differ only in its charges',
    );
    expect(lines.some((l) => l.startsWith('jail.csv: row 3 (B-1): error: CHG_LVL (charge.level): a level is a class letter'))).toBe(true);
    expect(lines.filter((l) => l.includes('the id "B-2" starts 2 runs of rows (at rows 4 and 6)')).length).toBe(2);
  });

  it('compares a booking’s own cells as the case reads them: after the value map, a yes/no word, a number, a time', () => {
    const warrant = mapped(
      [
        'columns:',
        '  BOOKING_NO: id',
        '  AGE: age',
        '  BOOK_DT: bookedAt',
        '  REL_DT: eligibleForReleaseAt',
        '  ICE_REQ: requests',
        '  JW: judicialWarrant',
        '  CHG_LVL: charge.level',
        'values:',
        '  JW: { Y: yes, N: no, X: unknown }',
        '  ICE_REQ: { B: hold;notify }',
        'dates: month/day/year',
        '',
      ].join('\n'),
    );
    const wide = 'BOOKING_NO,AGE,BOOK_DT,REL_DT,ICE_REQ,JW,CHG_LVL\n';
    // Each later row says what the first says, in other words: one booking, two charges.
    const same = readCaseSet(
      wide +
        'B-1,34,03/01/2025 10:00,2025-03-02T10:00,B,Y,F1\n' +
        'B-1,034,2025-03-01 10:00:00,03/02/2025 10:00 AM,notify;hold,yes,M2\n' +
        'B-1,34,3/1/2025 10:00 AM,2025-03-02T10:00,hold notify,TRUE,M1\n',
      'csv',
      { mapping: warrant },
    );
    expect(same.problems.map((p) => formatCaseProblem('jail.csv', p))).toEqual([]);
    expect(same.table.length).toBe(1);
    const one = same.cases[0]!.source as { detainer: { judicialWarrant: boolean }; currentCharges: unknown[] };
    expect(one.detainer.judicialWarrant).toBe(true);
    expect(one.currentCharges).toHaveLength(3);
    // What the case would get differs: a later minute, a notice asked too, no and unknown against yes; each located (by column).
    const differ = readCaseSet(
      wide +
        'B-2,34,2025-03-01T10:00,2025-03-02T10:00,hold,Y,F1\n' +
        'B-2,34,2025-03-01T10:00,2025-03-02T10:00,hold,no,M2\n' +
        'B-2,34,2025-03-01T10:00,2025-03-02T10:00,hold,X,M2\n' +
        'B-2,34,2025-03-01T10:01,2025-03-02T10:00,hold notify,Y,M2\n',
      'csv',
      { mapping: warrant },
    );
    expect(differ.table.length).toBe(0);
    expect(differ.problems.map((p) => formatCaseProblem('jail.csv', p))).toEqual([
      'jail.csv: row 5 (B-2): error: BOOK_DT (bookedAt): "2025-03-01T10:01" here, but "2025-03-01T10:00" on row 2 of the same booking; a booking\'s rows differ only in its charges',
      'jail.csv: row 5 (B-2): error: ICE_REQ (requests): "hold notify" here, but "hold" on row 2 of the same booking; a booking\'s rows differ only in its charges',
      'jail.csv: row 3 (B-2): error: JW (judicialWarrant): "no" here, but "Y" on row 2 of the same booking; a booking\'s rows differ only in its charges',
      'jail.csv: row 4 (B-2): error: JW (judicialWarrant): "X" here, but "Y" on row 2 of the same booking; a booking\'s rows differ only in its charges',
    ]);
  });

  it('places a charge’s problem at the row it came from', () => {
    const set = readCaseSet(
      head +
        'B-1,Doe,34,2025-03-01T10:00,2025-03-02T10:00,hold,F1,burglary,Y\n' +
        'B-1,Doe,34,2025-03-01T10:00,2025-03-02T10:00,hold,F2,arson,maybe\n' +
        'B-1,Doe,34,2025-03-01T10:00,2025-03-02T10:00,hold,M1,trespass,N\n',
      'csv',
      { mapping },
    );
    expect(set.problems.map((p) => formatCaseProblem('jail.csv', p))).toEqual([
      'jail.csv: row 3 (B-1): error: BOND (charge.bondPosted): must be true or false, not "maybe"',
    ]);
  });

  it('refuses a mapping that reads a group both ways, and names an unknown field without a number', () => {
    const both = mapped('columns: { LVL: charge.class, LVL2: charge2.class }\n');
    const r = readCaseSet('id,age,bookedAt,eligibleForReleaseAt,LVL,LVL2\n', 'csv', { mapping: both });
    expect(r.problems.map((p) => p.message).join('\n')).toContain(
      'the mapping reads one charge per row (charge.field, with no number) and column "LVL2" gives a numbered charge',
    );
    const twice = mapped('columns: { LVL: charge.level, CLS: charge.class }\n');
    expect(readCaseSet('id,age,bookedAt,eligibleForReleaseAt,LVL,CLS\n', 'csv', { mapping: twice }).problems.map((p) => p.message)).toEqual(
      ['columns 5 ("LVL") and 6 ("CLS") both give "charge.class"'],
    );
    const bad = loadColumnMapping('columns: { LVL: charge.klass }\n');
    expect(bad.diagnostics.map((d) => [d.line, d.message])).toEqual([[1, '"klass" is not a charge column; did you mean "charge.class"?']]);
  });

  it('is offered by the Map columns panel, whose choices for it read as the import reads them', () => {
    const targets = mappingTargets();
    const row = targets.filter((t) => t.section === 'Charge of each row (one row per charge)').map((t) => t.target);
    expect(row).toEqual([
      'charge.offense',
      'charge.class',
      'charge.degree',
      'charge.level',
      'charge.categories',
      'charge.bondPosted',
      'charge.bondable',
      'charge.probableCauseFinding',
    ]);
    expect(targets.some((t) => t.target === 'warrant.kind')).toBe(true);
    expect(readsAsIs('charge.level', 'F1')).toBe(true);
    expect(readsAsIs('charge.level', 'Fel-1')).toBe(false);
    expect(blankChoices('charge.bondPosted')?.map((c) => c.value)).toEqual(['unknown', false, true]);
    const saved = loadColumnMapping(mappingYaml({ columns: { CHG_LVL: 'charge.level', BOOKING_NO: 'id' } }));
    expect(saved.diagnostics).toEqual([]);
    expect(saved.mapping!.columns).toEqual({ CHG_LVL: 'charge.level', BOOKING_NO: 'id' });
  });
});
