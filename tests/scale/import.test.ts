// The streaming case importer: CSV (documented columns and mapped ones), JSON and YAML; chunking
// never changes the result; the fast CSV reader agrees with the reference reading; bad records are
// reported by row (or line and column) and field; progress and cancel.

import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import {
  caseTable,
  compile,
  HONOR_ALL,
  simulate,
  CaseImporter,
  ImportCancelled,
  importCases,
  loadColumnMapping,
  prepareCase,
  readCaseSet,
  formatCaseProblem,
  type BookingCase,
  type CaseSet,
  caseId,
  type CaseTable,
} from '../../engine/index';
import { casesToCsv } from '../../engine/case-csv';
import { repeatedHashes } from '../../engine/import/importer';
import { CsvCaseReader, dateTimeAt } from '../../engine/import/csv-cases';
import { parseDateTime } from '../../engine/time';
import { generateCases } from '../../engine/generate';
import { YamlCaseSplitter, type YamlItem } from '../../engine/import/yaml-split';
import { badRows, facts, fuzzTimeout, importInChunks, referenceCsv, runs, tableRows } from './helpers';

// More than 2,048 cases, so the table's columns grow several times while they are written.
const sample = generateCases({ count: 2600, seed: 42 });
const sampleCsv = casesToCsv(sample);

function expectSameSet(a: CaseSet, b: CaseSet): void {
  expect(a.total).toBe(b.total);
  expect(a.rejected).toBe(b.rejected);
  expect(tableRows(a.table)).toEqual(tableRows(b.table));
  expect(a.problems).toEqual(b.problems);
}

describe('CSV in the documented columns', () => {
  it('reads every generated case exactly as prepareCase reads the case itself, into the same table', () => {
    const set = readCaseSet(sampleCsv, 'csv');
    expect(set.problems).toEqual([]);
    expect(set.total).toBe(sample.length);
    const prepared = sample.map((c, i) => {
      const r = prepareCase(c, i);
      if (!r.ok) throw new Error('generator made a bad case');
      return r.prepared;
    });
    expect(set.cases.map(facts)).toEqual(prepared.map(facts));
    // Every column a compiled policy reads, including the ones worked out while reading.
    expect(tableRows(set.table)).toEqual(tableRows(caseTable(prepared)));
    const json = readCaseSet(JSON.stringify(sample), 'json');
    expect(tableRows(json.table)).toEqual(tableRows(caseTable(prepared)));
  });

  it('rebuilds each case in contract form, and the rebuilt case reads back to the same facts', () => {
    const set = readCaseSet(sampleCsv, 'csv');
    for (const c of set.cases.slice(0, 200)) {
      const again = prepareCase(c.source, 0);
      expect(again.ok).toBe(true);
      if (again.ok) expect(facts(again.prepared)).toEqual(facts(c));
    }
    const first = set.cases[1]!.source;
    expect(first.id).toBe(sample[1]!.id);
    expect(first.currentCharges?.[0]?.offense).toBe(sample[1]!.currentCharges?.[0]?.offense);
  });

  it(
    'gives the same result whatever the chunk sizes, for text and for bytes',
    () => {
      const whole = readCaseSet(sampleCsv, 'csv');
      const bytes = new TextEncoder().encode(sampleCsv);
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 3, max: 5000 }), { minLength: 1, maxLength: 8 }), (sizes) => {
          expectSameSet(importInChunks(sampleCsv, sizes, { format: 'csv' }), whole);
          expectSameSet(importInChunks(bytes, sizes, { format: 'csv' }), whole);
        }),
        { numRuns: runs(10), seed: 1 },
      );
    },
    fuzzTimeout,
  );

  it('reads files with Windows line ends (CR LF) and blank lines the same', () => {
    const text = casesToCsv(sample.slice(0, 300));
    const crlf = text.replace(/\n/g, '\r\n').replace(/\r\n(B-0100)/, '\r\n\r\n$1');
    const a = readCaseSet(text, 'csv');
    const b = readCaseSet(crlf, 'csv');
    expect(b.problems).toEqual([]);
    expect(tableRows(b.table)).toEqual(tableRows(a.table));
  });

  it('chooses the same reader from a first chunk of megabytes as from the whole text, for CSV and YAML', () => {
    // The importer decodes only the first 196,611 bytes of a large first chunk to choose its reader
    // (when a line ends in them); a reader of text is then given the rest decoded.
    const yaml = stringify(sample.slice(0, 700));
    // A first line longer than those bytes: the whole chunk is decoded, as before.
    const longLine = `# ${'x'.repeat(250_000)}\n${yaml}`;
    for (const text of [sampleCsv, yaml, longLine]) {
      const bytes = new TextEncoder().encode(text);
      expect(bytes.length).toBeGreaterThan(3 * 65536 + 3);
      const whole = importInChunks(text, [0]);
      expect(whole.problems).toEqual([]);
      expect(whole.table.length).toBe(text === sampleCsv ? sample.length : 700);
      for (const sizes of [[0], [1 << 20], [300_000, 7], [5, 1 << 20]]) expectSameSet(importInChunks(bytes, sizes), whole);
    }
  });

  it('writes the cases into a compact table that simulates the same as the cases one by one', () => {
    const set = readCaseSet(sampleCsv, 'csv');
    const t = set.table;
    expect(t.length).toBe(2600);
    expect(Array.from({ length: t.length }, (_, i) => caseId(t, i))).toEqual(sample.map((c) => c.id));
    // Offense names and category lists are stored once, however many cases share them.
    expect(t.strings.length).toBeLessThan(60);
    expect(t.convStart[t.length]).toBe(sample.reduce((n, c) => n + (c.convictions?.length ?? 0), 0));
    const policy = compile(HONOR_ALL, {});
    const fromTable = simulate(policy, t);
    const fromCases = simulate(policy, set.cases);
    expect(fromTable.summary).toEqual(fromCases.summary);
    expect([...fromTable.codes]).toEqual([...fromCases.codes]);
  });
});

// ---- the fast reader against the reference reading ----

const HEADER_POOL = [
  'age',
  'bookedAt',
  'eligibleForReleaseAt',
  'requests',
  'issuedAt',
  'judicialWarrant',
  'administrativeWarrant',
  'gangDatabase',
  'finalRemovalOrder',
  'charge1.offense',
  'charge1.class',
  'charge1.degree',
  'charge1.categories',
  'charge1.bondPosted',
  'charge1.bondable',
  'charge3.class',
  'charge3.probableCauseFinding',
  'conviction1.class',
  'conviction1.convictedOn',
  'conviction1.releasedOn',
  'conviction1.incarceratedDays',
  'conviction1.juvenile',
  'conviction1.categories',
  'conviction2.class',
  'conviction2.convictedOn',
  'conviction2.current',
  'conviction2.degree',
  'warrant1.kind',
  'warrant1.jurisdiction',
  'warrant1.felony',
];

/** Cell values: valid ones of every kind, near misses, odd spacing and case, and junk. */
const cell = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '30',
    '017',
    '-0',
    '131',
    '1e2',
    '2012-06-01',
    '2012-06-01T09:30',
    '2012-06-01 09:30:59',
    '2012-06-01T24:00',
    '2012-02-30',
    '2012-6-1',
    ' 2012-06-01T09:30 ',
    '\u00a02012-06-01\u00a0',
    'hold',
    'notify',
    'hold;notify',
    'hold;notify ',
    'notify;hold',
    'NOTIFY',
    'hold / notify',
    'Hold',
    'hold;;',
    'true',
    'FALSE',
    'Y',
    'n',
    '1',
    '0',
    'yes',
    'maybe',
    'felony',
    'misdemeanor',
    'Felony',
    'infraction',
    'criminal',
    'civil',
    'state',
    'other-state',
    'federal',
    'local',
    'Local',
    'locals',
    'violent;serious',
    'violent serious',
    'Violent',
    '3',
    '0',
    '10',
    'robbery',
    '"quoted, value"',
    '"say ""hi"""',
    '"multi\nline"',
  ),
  fc.string({ maxLength: 6 }).map((s) => s.replace(/[",\r\n]/g, '')),
);

describe('the fast CSV reader', () => {
  it(
    'accepts exactly the rows the reference reading accepts, with the same facts',
    () => {
      fc.assert(
        fc.property(
          fc.shuffledSubarray(HEADER_POOL, { minLength: 3, maxLength: 14 }),
          fc.array(fc.array(cell, { minLength: 14, maxLength: 14 }), { minLength: 1, maxLength: 12 }),
          fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 4 }),
          (columns, rows, sizes) => {
            const header = [
              'id',
              'age',
              'bookedAt',
              'eligibleForReleaseAt',
              ...columns.filter((c) => !['age', 'bookedAt', 'eligibleForReleaseAt'].includes(c)),
            ];
            const lines = [header.join(',')];
            rows.forEach((r, i) => lines.push([`C-${i}`, ...header.slice(1).map((_, k) => r[k % r.length]!)].join(',')));
            const text = lines.join('\n') + '\n';
            const ref = referenceCsv(text);
            const got = importInChunks(text, sizes, { format: 'csv' });
            const refGood = ref.rows.filter((r) => r.ok);
            expect(got.cases.map(facts)).toEqual(refGood.map((r) => r.facts));
            expect(badRows(got)).toEqual(ref.rows.filter((r) => !r.ok).map((r) => r.row));
            // Every problem has its row and names a column.
            for (const p of got.problems) {
              expect(p.row).toBeGreaterThanOrEqual(2);
              expect(p.message.length).toBeGreaterThan(0);
            }
          },
        ),
        { numRuns: runs(300), seed: 7 },
      );
    },
    fuzzTimeout,
  );

  it('reads every spelling of requests and every warrant jurisdiction as the reference reading does', () => {
    const requests = ['hold', 'notify', 'hold;notify', 'notify;hold', 'Hold;Notify', 'hold / notify', 'hold|notify', 'notify ', 'holds'];
    const jurisdictions = ['state', 'federal', 'other-state', 'local', 'Local', 'STATE', 'locals', 'other state'];
    const lines = ['id,age,bookedAt,eligibleForReleaseAt,requests,warrant1.kind,warrant1.jurisdiction,warrant1.felony'];
    let i = 0;
    for (const r of requests)
      for (const j of jurisdictions) lines.push(`W-${i++},40,2024-01-02T03:04,2024-01-05T03:04,${r},criminal,${j},${i % 2 ? 'yes' : 'no'}`);
    const text = lines.join('\n') + '\n';
    const ref = referenceCsv(text);
    const got = importInChunks(text, [], { format: 'csv' });
    expect(got.cases.map(facts)).toEqual(ref.rows.filter((r) => r.ok).map((r) => r.facts));
    expect(badRows(got)).toEqual(ref.rows.filter((r) => !r.ok).map((r) => r.row));
    // Both readings accept some of each, so the comparison has something to compare.
    expect(new Set(got.cases.map((c) => c.warrants[0]!.jurisdiction)).size).toBe(4);
    expect(badRows(got).length).toBeGreaterThan(0);
  });

  it('reads a date seen before, an impossible date and every spelling of true and false as the reference reading does', () => {
    // The fast reader keeps the day numbers of dates it has read: 2018-01-40 and 2018-02-08 pack to
    // the same number, 2019-02-29 is no date though 2020-02-29 is, and a date read again is the same day.
    const dates = [
      '2018-02-08',
      '2018-01-40',
      '2018-02-08',
      '2020-02-29',
      '2019-02-29',
      '2020-02-29',
      '2018-13-01',
      '2018-00-10',
      '2018-02-00',
    ];
    const flags = [
      'true',
      'TRUE',
      'True',
      'tRuE',
      'false',
      'FALSE',
      'fAlSe',
      'tru',
      'trve',
      'fals',
      'falsy',
      'yes',
      'no',
      'Y',
      'n',
      '1',
      '0',
    ];
    const lines = ['id,age,bookedAt,eligibleForReleaseAt,judicialWarrant,conviction1.class,conviction1.convictedOn,conviction1.current'];
    let i = 0;
    for (const d of dates)
      for (const f of flags)
        lines.push(`D-${i++},40,${d}T03:04,2024-01-05T03:04,${f},felony,${dates[i % dates.length]},${flags[i % flags.length]}`);
    const text = lines.join('\n') + '\n';
    const ref = referenceCsv(text);
    for (const sizes of [[], [13]]) {
      const got = importInChunks(text, sizes, { format: 'csv' });
      expect(got.cases.map(facts)).toEqual(ref.rows.filter((r) => r.ok).map((r) => r.facts));
      expect(badRows(got)).toEqual(ref.rows.filter((r) => !r.ok).map((r) => r.row));
      // The same problems, worded alike (the importer names the file's columns where the reference names fields).
      expect(got.problems.map((p) => [p.row, p.message])).toEqual(
        ref.rows.flatMap((r) => (r.ok ? [] : r.problems!.map((p) => [r.row, p.message]))),
      );
    }
    // Both readings accept some rows and refuse others, so the comparison has something to compare.
    expect(ref.rows.filter((r) => r.ok).length).toBeGreaterThan(0);
    expect(ref.rows.filter((r) => !r.ok).length).toBeGreaterThan(0);
  });

  it('reads every date of four centuries, and every impossible one, as time.parseDateTime does', () => {
    // The fast reader works out a date in 1800-2199 from tables of years and months, and others as parseDateTime does.
    const enc = new TextEncoder();
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (let y = 1790; y <= 2210; y++)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T12:30`;
          const bytes = enc.encode(text);
          const got = dateTimeAt(bytes, 0, bytes.length);
          const want = parseDateTime(text);
          if (!Object.is(got, want)) expect({ text, got }).toEqual({ text, got: want });
        }
  });

  it(
    'reads slashed dates, in the order a mapping names, as the reference reading does, in any chunking',
    () => {
      // Jail exports write dates as 09/07/2025 or 9/7/2025 2:30 PM. The fast reader reads them itself;
      // whatever it does not accept, the reference reading (isoFromSlashed, then the case format) reads or reports.
      const pad2 = (n: number) => String(n).padStart(2, '0');
      // Near misses and odd spellings, in any column.
      const oddDate = fc.oneof(
        fc
          .tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 1790, max: 2210 }), fc.boolean())
          .map(([a, b, y, padded]) => (padded ? `${pad2(a)}/${pad2(b)}/${y}` : `${a}/${b}/${y}`)),
        fc.constantFrom(
          '2/29/2024',
          '2/29/2023',
          '29/2/2024',
          '4/31/2025',
          '31/4/2025',
          '12/31/9999',
          '1/1/0000',
          '1/2/25',
          '1/2/02025',
          '1//2025',
          '/1/2025',
          '1/2/2025/',
          '2025-09-07',
          '2025/09/07',
        ),
      );
      const oddTime = fc.oneof(
        fc
          .tuple(
            fc.constantFrom(' ', 'T', '  ', ' T', '\t', ''),
            fc.integer({ min: 0, max: 25 }),
            fc.integer({ min: 0, max: 61 }),
            fc.boolean(),
            fc.option(fc.integer({ min: 0, max: 61 })),
            fc.constantFrom('', ' AM', ' PM', 'am', 'pm', ' a.m.', ' P.M.', ' p.m', '  Pm.', ' PX', ' A', ' AMM', '\tPM', 'M'),
          )
          .map(([gap, h, mi, padded, sec, ap]) => `${gap}${padded ? pad2(h) : h}:${pad2(mi)}${sec === null ? '' : `:${pad2(sec)}`}${ap}`),
        fc.constantFrom(' 1:5', ' 123:00', ' 10:00:5', ' 10:00 :00', ' 10:0', ' 10'),
      );
      // Mostly good dates, in years that keep a row's dates in order (born, convicted, released from
      // prison, booked, detainer issued, eligible for release), so that both readings accept many rows.
      const dateIn = (dayFirst: boolean, from: number, to: number) =>
        fc.oneof(
          {
            weight: 20,
            arbitrary: fc
              .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: from, max: to }), fc.boolean())
              .map(([m, d, y, padded]) => {
                const [a, b] = dayFirst ? [d, m] : [m, d];
                return padded ? `${pad2(a)}/${pad2(b)}/${y}` : `${a}/${b}/${y}`;
              }),
          },
          { weight: 1, arbitrary: oddDate },
        );
      const timeOf = (usually: number) =>
        fc.oneof(
          { weight: usually, arbitrary: fc.constant('') },
          {
            weight: 8,
            arbitrary: fc
              .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom(' AM', ' PM', 'pm', ' a.m.', ''))
              .map(([h, mi, ap]) => ` ${h}:${pad2(mi)}${ap}`),
          },
          { weight: 1, arbitrary: oddTime },
        );
      const edge = fc.constantFrom('', '', '', '', ' ', '\u00a0');
      const cellOf = (dayFirst: boolean, from: number, to: number, usually: number) =>
        fc.tuple(edge, dateIn(dayFirst, from, to), timeOf(usually)).map(([e, d, t]) => `${e}${d}${t}${e}`);
      const rowOf = (dayFirst: boolean) =>
        fc.tuple(
          cellOf(dayFirst, 1950, 1990, 200),
          cellOf(dayFirst, 2020, 2020, 2),
          cellOf(dayFirst, 2022, 2022, 2),
          cellOf(dayFirst, 2021, 2021, 2),
          cellOf(dayFirst, 1991, 2000, 200),
          cellOf(dayFirst, 2001, 2010, 200),
        );
      const header = 'id,DOB,BOOKED,RELEASED,ISSUED,conviction1.class,CONV_DT,REL_DT';
      let good = 0;
      let all = 0;
      fc.assert(
        fc.property(
          fc
            .constantFrom('month/day/year', 'day/month/year')
            .chain((order) => fc.tuple(fc.constant(order), fc.array(rowOf(order === 'day/month/year'), { minLength: 1, maxLength: 10 }))),
          fc.array(fc.integer({ min: 1, max: 61 }), { minLength: 1, maxLength: 3 }),
          ([order, rows], sizes) => {
            const { mapping, diagnostics } = loadColumnMapping(
              `columns: { DOB: dateOfBirth, BOOKED: bookedAt, RELEASED: eligibleForReleaseAt, ISSUED: issuedAt, CONV_DT: conviction1.convictedOn, REL_DT: conviction1.releasedOn }\ndates: ${order}\n`,
            );
            expect(diagnostics).toEqual([]);
            const text =
              [
                header,
                ...rows.map(
                  ([dob, booked, released, issued, conv, rel], i) => `S-${i},${dob},${booked},${released},${issued},felony,${conv},${rel}`,
                ),
              ].join('\n') + '\n';
            const ref = referenceCsv(text, mapping);
            const got = importInChunks(text, sizes, { format: 'csv', mapping });
            expect(got.cases.map(facts)).toEqual(ref.rows.filter((r) => r.ok).map((r) => r.facts));
            expect(badRows(got)).toEqual(ref.rows.filter((r) => !r.ok).map((r) => r.row));
            good += got.table.length;
            all += rows.length;
          },
        ),
        {
          numRuns: runs(300),
          seed: 11,
          examples: [
            [
              ['month/day/year', [['2/29/2004', '9/7/2025 2:30 PM', '9/8/2025 12:05 a.m.', '09/07/2025T14:30:59', '3/7/2014', '3/7/2015']]],
              [61],
            ],
          ],
        },
      );
      // Both readings accept a good share of the rows, so the comparison has something to compare.
      expect(good).toBeGreaterThan(all / 3);
    },
    fuzzTimeout,
  );

  it('reads common slashed dates without the reference reading', () => {
    const { mapping } = loadColumnMapping(
      'columns: { DOB: dateOfBirth, BOOKED: bookedAt, RELEASED: eligibleForReleaseAt, CONV_DT: conviction1.convictedOn }\ndates: month/day/year\n',
    );
    const text =
      'id,DOB,BOOKED,RELEASED,conviction1.class,CONV_DT\n' +
      'U1,02/29/2004,09/07/2025 14:30,9/8/2025 2:05 PM,felony,3/7/2014\n' +
      'U2,12/1/1990,9/7/2025,09/08/2025 12:00 AM,misdemeanor,2014-03-07\n';
    const slow = vi.spyOn(CsvCaseReader.prototype as unknown as { slowCase: () => void }, 'slowCase');
    try {
      const got = importInChunks(text, [], { format: 'csv', mapping });
      expect(got.problems).toEqual([]);
      expect(slow).not.toHaveBeenCalled();
      expect(
        got.cases.map((c) => [c.source.age, c.source.bookedAt, c.source.eligibleForReleaseAt, c.source.convictions?.[0]?.convictedOn]),
      ).toEqual([
        [21, '2025-09-07T14:30', '2025-09-08T14:05', '2014-03-07'],
        [34, '2025-09-07T00:00', '2025-09-08T00:00', '2014-03-07'],
      ]);
    } finally {
      slow.mockRestore();
    }
  });

  it('keeps an id read from a quoted or mapped cell when later cells of the row are quoted or mapped too', () => {
    // The reader keeps an id as a range of the bytes it reads; a quoted cell with doubled quotes and a
    // mapped value are read from scratch buffers the next such cell writes over.
    const header =
      'id,age,bookedAt,eligibleForReleaseAt,charge1.offense,charge1.class,conviction1.offense,conviction1.class,conviction1.convictedOn';
    const row = (id: string, i: number) =>
      `${id},${30 + i},2024-03-0${i + 1}T10:00,2024-03-0${i + 2}T10:00,"says ""hi""",F,"a ""long"" name ${i}",misdemeanor,2019-05-01`;
    const text = [header, row('"A""1"', 0), row('"B""22"', 1), row('plain-3', 2)].join('\n') + '\n';
    const { mapping } = loadColumnMapping(
      ['values:', '  id: { "X": "mapped-id-long-enough" }', '  charge1.class: { F: felony }', ''].join('\n'),
    );
    for (const sizes of [[], [1], [7, 3]]) {
      const set = importInChunks(text, sizes, { format: 'csv', mapping });
      expect(set.problems).toEqual([]);
      expect(Array.from({ length: set.table.length }, (_, i) => caseId(set.table, i))).toEqual(['A"1', 'B"22', 'plain-3']);
      expect(set.cases.map((c) => c.source.currentCharges?.[0]?.offense)).toEqual(['says "hi"', 'says "hi"', 'says "hi"']);
    }
    const mapped = importInChunks(text.replace('plain-3', 'X'), [5], { format: 'csv', mapping });
    expect(caseId(mapped.table, 2)).toBe('mapped-id-long-enough');
  });
});

describe('repeated ids', () => {
  // Ids that differ only in case, in composition, in a surrogate half, or as a prefix of another.
  const awkward = ['A', 'a', 'É', 'E\u0301', 'B-1', 'B-10', '\u{1F600}', '\uD83D', '\uDE00'];
  const json = (ids: string[]) =>
    JSON.stringify(
      ids.map((id) => ({
        id,
        age: 30,
        bookedAt: '2020-01-01T10:00',
        eligibleForReleaseAt: '2020-01-05T10:00',
        detainer: { requests: ['hold'] },
      })),
    );
  const idsOf = (t: CaseTable) => Array.from({ length: t.length }, (_, i) => caseId(t, i));

  it('keeps only the ids used once and reports every case of a repeated one, ids compared as text', () => {
    const once = (list: string[]) => list.filter((id) => list.indexOf(id) === list.lastIndexOf(id));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...awkward), { minLength: 1, maxLength: 40 }), (ids) => {
        const set = readCaseSet(json(ids), 'json');
        expect(idsOf(set.table)).toEqual(once(ids));
        expect(set.rejected).toBe(ids.length - once(ids).length);
        // CSV holds UTF-8 text: the surrogate halves are left out there.
        const text = ids.filter((id) => !/^[\uD800-\uDFFF]$/.test(id));
        const csv = readCaseSet(
          'id,age,bookedAt,eligibleForReleaseAt,requests\n' +
            text.map((id) => `${id},30,2020-01-01T10:00,2020-01-05T10:00,hold\n`).join(''),
          'csv',
        );
        expect(idsOf(csv.table)).toEqual(once(text));
      }),
      { numRuns: runs(200) },
    );
  });

  it('finds a repeat among a hundred thousand ids, and the repeated hashes that counting them finds', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `C-${i}`);
    ids.push('C-99999');
    const set = readCaseSet(json(ids), 'json');
    expect(set.table.length).toBe(99_999);
    const message =
      'the id "C-99999" is used twice (cases 100000 and 100001): no case with this id is read, as the file can\'t say which is the case';
    expect(set.problems.map((p) => p.message)).toEqual([message, message]);
    // Hashes that land on the same slots of the set (equal high bits), each value one to three times, 0 among them.
    const hashes = Uint32Array.from({ length: 50_000 }, (_, i) => (Math.imul((i * 7) % 20_011, 0x9e3779b1) >>> 0) & 0xfff0ffff);
    hashes.set([0, 0xffffffff, 0x80000000, 0xffff, 0x10000, 0, 0xffffffff], 0);
    const more = [0x10000, 0xabcdef01, 0, 0x80000000];
    const counts = new Map<number, number>();
    for (const h of hashes) counts.set(h, (counts.get(h) ?? 0) + 1);
    const expected = [...counts].filter(([, c]) => c > 1).map(([h]) => h);
    for (const h of more) if (counts.has(h)) expected.push(h);
    const found = repeatedHashes(hashes, more);
    expect([...found].sort((a, b) => a - b)).toEqual([...new Set(expected)].sort((a, b) => a - b));
    expect(found.has(0x10000) && found.has(0x80000000) && found.has(0) && !found.has(0xabcdef01)).toBe(true);
    expect(repeatedHashes(new Uint32Array([5, 6, 7])).size).toBe(0);
  });
});

describe('bad CSV rows', () => {
  const header =
    'id,age,bookedAt,eligibleForReleaseAt,requests,conviction1.class,conviction1.convictedOn,conviction2.class,conviction2.convictedOn\n';

  it('are reported by row number and column, and the good rows are kept', () => {
    const text =
      header +
      'A,30,2012-01-01T10:00,2012-01-02T10:00,hold;notify,felony,2010-01-01,,\n' +
      'B,300,2012-01-01,2012-01-02,hold,,,felony,2010-13-01\n' +
      'A,31,2012-01-01,2012-01-02,,,,,\n' +
      'D,1\n' +
      'E,40,2012-01-01,2012-01-02,hold,misdemeanor,2011-01-01,,,extra\n' +
      'F,41,2012-01-01,2012-01-02,hold,,,,\n';
    const set = readCaseSet(text, 'csv');
    expect(set.cases.map((c) => c.id)).toEqual(['F']);
    expect(set.total).toBe(6);
    expect(set.rejected).toBe(5);
    const lines = set.problems.map((p) => formatCaseProblem('in.csv', p));
    expect(lines).toContain('in.csv: row 3 (B): error: age: must be between 0 and 130, not 300');
    expect(lines).toContain('in.csv: row 3 (B): error: conviction2.convictedOn: "2010-13-01" is not a real date (there is no month 13)');
    const twice =
      'error: id: the id "A" is used twice (rows 2 and 4): no case with this id is read, as the file can\'t say which is the case; ' +
      "one booking's several charges or convictions go in one row, in numbered columns (charge1.*, charge2.*, ...)";
    expect(lines).toContain(`in.csv: row 2 (A): ${twice}`);
    expect(lines).toContain(`in.csv: row 4 (A): ${twice}`);
    expect(lines.some((l) => l.startsWith('in.csv: row 5 (D): error: the row has 2 fields but the header names 9 columns'))).toBe(true);
    expect(lines.some((l) => l.startsWith('in.csv: row 6 (E): error: the row has 10 fields'))).toBe(true);
  });

  it('leave out a good row whose id a bad row also uses, and every row of a booking given one row per charge', () => {
    // A jail export with one row per charge: the booking number on each row; the first row of C is bad.
    const text =
      'id,age,bookedAt,eligibleForReleaseAt,requests,charge1.offense,charge1.class\n' +
      'A,30,2012-01-01,2012-01-02,hold,trespass,misdemeanor\n' +
      'A,30,2012-01-01,2012-01-02,hold,robbery,felony\n' +
      'B,31,2012-01-01,2012-01-02,hold,robbery,felony\n' +
      'C,N/A,2012-01-01,2012-01-02,hold,trespass,misdemeanor\n' +
      'C,32,2012-01-01,2012-01-02,hold,robbery,felony\n';
    const set = readCaseSet(text, 'csv');
    expect(set.cases.map((c) => c.id)).toEqual(['B']);
    expect(set.rejected).toBe(4);
    const lines = set.problems.map((p) => formatCaseProblem('in.csv', p));
    expect(lines.filter((l) => l.includes('the id "A" is used twice (rows 2 and 3)')).map((l) => l.slice(0, 17))).toEqual([
      'in.csv: row 2 (A)',
      'in.csv: row 3 (A)',
    ]);
    expect(lines).toContain('in.csv: row 5 (C): error: age: must be a whole number, not "N/A"');
    expect(lines.some((l) => l.startsWith('in.csv: row 6 (C): error: id: the id "C" is used twice (rows 5 and 6)'))).toBe(true);
    // A's rows come one after another, as an export of one row per charge gives them: said, with how to read them so.
    expect(lines).toContain(
      'in.csv: row 3 (A): error: id: the id "A" is used twice (rows 2 and 3): no case with this id is read, as the file can\'t say which is the case; ' +
        "its rows come one after another, as a booking's do in an export of one row per charge: to read each run of rows with one id as one booking, " +
        'map the charge\'s columns with no number in a column mapping (CHG_LVL: charge.level, CHG_DESC: charge.offense; --mapping FILE; docs/case-files.md, "One row per charge"), ' +
        'or give its charges in one row, in numbered columns (charge1.*, charge2.*, ...)',
    );
  });

  it('say a repeated id of rows apart is no run of one booking, nor one that is also apart from a run', () => {
    const text =
      'id,age,bookedAt,eligibleForReleaseAt,requests,charge1.class\n' +
      'A,30,2012-01-01,2012-01-02,hold,felony\n' +
      'A,30,2012-01-01,2012-01-02,hold,felony\n' +
      'B,31,2012-01-01,2012-01-02,hold,felony\n' +
      'A,30,2012-01-01,2012-01-02,hold,felony\n';
    const lines = readCaseSet(text, 'csv').problems.map((p) => formatCaseProblem('in.csv', p));
    expect(lines.filter((l) => l.includes('the id "A" is used 3 times (rows 2, 3 and 5)'))).toHaveLength(3);
    for (const l of lines) expect(l).not.toContain('one row per charge');
    expect(lines[0]).toContain("one booking's several charges or convictions go in one row, in numbered columns");
  });

  it('refuse a file saved as UTF-16 at once, saying so, rather than read a header of unknown columns', () => {
    const text = 'id,age,bookedAt,eligibleForReleaseAt\r\nA,30,2012-01-01,2012-01-02\r\n';
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i);
      be[3 + 2 * i] = text.charCodeAt(i);
    }
    for (const [bytes, sizes] of [
      [le, []],
      [be, [3]],
    ] as const) {
      const set = importInChunks(bytes, sizes, { format: 'csv' });
      expect(set.table.length).toBe(0);
      expect(set.problems.map((p) => formatCaseProblem('export.csv', p))).toEqual([
        'export.csv: row 1: error: the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8 (in Excel: Save As, "CSV UTF-8")',
      ]);
    }
    // A UTF-8 byte-order mark is read as before.
    const utf8 = new TextEncoder().encode('\uFEFF' + text);
    expect(importInChunks(utf8, [], { format: 'csv' }).table.length).toBe(1);
  });

  it('count rows by line even when a quoted value spans lines', () => {
    const text = header + 'A,30,2012-01-01,2012-01-02,"hold\nnotify",,,,\nB,x,2012-01-01,2012-01-02,,,,,\n';
    const set = readCaseSet(text, 'csv');
    expect(set.cases.map((c) => [c.id, c.reqHold, c.reqNotify])).toEqual([['A', true, true]]);
    expect(set.problems[0]).toMatchObject({ row: 4, field: 'age' });
  });

  it('an unclosed quote stops reading with the row and the column where it opened', () => {
    const set = readCaseSet(header + 'A,30,2012-01-01,2012-01-02,,,,,\nB,30,2012-01-01,2012-01-02,"hold,,,,\n', 'csv');
    expect(set.problems).toEqual([{ index: -1, field: 'requests', row: 3, message: 'a quoted field is not closed' }]);
  });

  it('an endless quoted field is cut off at a megabyte instead of buffering the whole file', () => {
    const importer = new CaseImporter({ format: 'csv' });
    importer.push(header + 'A,30,2012-01-01,2012-01-02,"');
    const junk = 'x'.repeat(1 << 16);
    let pushes = 0;
    while (!importer.stopped && pushes < 100) {
      importer.push(junk);
      pushes++;
    }
    expect(importer.stopped).toBe(true);
    expect(pushes).toBeLessThan(40);
    expect(importer.finish().problems[0]!.message).toMatch(/runs past 1,048,576 characters/);
  });

  it('bytes that are not UTF-8 are reported on their row and column, not read as text silently', () => {
    const enc = new TextEncoder();
    const head = enc.encode(
      'id,age,bookedAt,eligibleForReleaseAt,charge1.offense,charge1.class\nA,30,2012-01-01,2012-01-02,theft,felony\nB,30,2012-01-01,2012-01-02,sh',
    );
    const tail = enc.encode('plifting,misdemeanor\n');
    const bytes = new Uint8Array([...head, 0xff, 0xfe, ...tail]);
    const set = importInChunks(bytes, [50, 3], { format: 'csv' });
    expect(set.cases.map((c) => c.id)).toEqual(['A']);
    expect(set.problems).toHaveLength(1);
    expect(set.problems[0]).toMatchObject({ row: 3, field: 'charge1.offense' });
    expect(set.problems[0]!.message).toMatch(/not UTF-8/);
  });

  it('unknown and missing columns are reported at the header, with a suggestion', () => {
    const set = readCaseSet('id,agee,bookedAt,eligibleForReleaseAt,charge1.clas,charge100.class\n1,2,3,4,5,6\n', 'csv');
    expect(set.cases).toEqual([]);
    const messages = set.problems.map((p) => p.message);
    expect(messages).toContain('unknown column "agee" (column 2); did you mean "age"?; a column mapping can rename it');
    expect(messages.some((m) => m.includes('"charge1.clas"') && m.includes('charge1.class'))).toBe(true);
    expect(messages.some((m) => m.includes('charge100.class'))).toBe(true);
    expect(messages).toContain('no column gives "age" (or "dateOfBirth"), which every case needs (the header names 6 columns)');
    expect(set.problems.every((p) => p.row === 1 && p.index === -1)).toBe(true);
  });
});

describe('column mappings', () => {
  const mappingText = [
    '# A county export',
    'columns:',
    '  BOOKING_NO: id',
    '  AGE_AT_BOOKING: age',
    '  BOOK_DT: bookedAt',
    '  REL_DT: eligibleForReleaseAt',
    '  ICE_REQ: requests',
    '  CHG1_LVL: charge1.class',
    '  CHG1_BOND: charge1.bondPosted',
    '  PRIOR1_LVL: conviction1.class',
    '  PRIOR1_DT: conviction1.convictedOn',
    'values:',
    '  ICE_REQ: { H: hold, N: notify, B: "hold;notify" }',
    '  charge.class: { F: felony, M: misdemeanor }',
    '  conviction1.class: { F: felony, M: misdemeanor }',
    '  CHG1_BOND: { Y: true, N: false }',
    'ignore: [INMATE_NAME]',
  ].join('\n');

  it('reads a county export through the mapping: renamed columns, coded values, ignored columns', () => {
    const { mapping, diagnostics } = loadColumnMapping(mappingText);
    expect(diagnostics).toEqual([]);
    const csv =
      'BOOKING_NO,INMATE_NAME,AGE_AT_BOOKING,BOOK_DT,REL_DT,ICE_REQ,CHG1_LVL,CHG1_BOND,PRIOR1_LVL,PRIOR1_DT\n' +
      'X1,Doe,34,2015-03-02T10:00,2015-03-04T12:00,B,F,y,M,2010-05-05\n' +
      'X2,Roe,19,2015-03-02T10:00,2015-03-04T12:00,N,m,N,,\n' +
      'X3,Poe,19,2015-03-02T10:00,2015-03-04T12:00,Q,M,N,,\n';
    const set = readCaseSet(csv, undefined, { mapping });
    expect(set.cases.map((c) => c.source)).toEqual<BookingCase[]>([
      {
        id: 'X1',
        age: 34,
        bookedAt: '2015-03-02T10:00',
        eligibleForReleaseAt: '2015-03-04T12:00',
        detainer: { requests: ['hold', 'notify'], issuedAt: '2015-03-02T10:00', judicialWarrant: false, administrativeWarrant: false },
        currentCharges: [{ class: 'felony', categories: [], bondPosted: true, bondable: true, probableCauseFinding: false }],
        convictions: [{ class: 'misdemeanor', categories: [], convictedOn: '2010-05-05' }],
      },
      {
        id: 'X2',
        age: 19,
        bookedAt: '2015-03-02T10:00',
        eligibleForReleaseAt: '2015-03-04T12:00',
        detainer: { requests: ['notify'], issuedAt: '2015-03-02T10:00', judicialWarrant: false, administrativeWarrant: false },
        currentCharges: [{ class: 'misdemeanor', categories: [], bondPosted: false, bondable: true, probableCauseFinding: false }],
      },
    ]);
    // A code the map does not know is read as it is, and reported under the file's own column name.
    expect(set.problems.map((p) => formatCaseProblem('export.csv', p))).toEqual([
      'export.csv: row 4 (X3): error: ICE_REQ (requests): a request is "hold" or "notify", not "Q"',
    ]);
  });

  it('reads a cell "unknown" (or a code mapped to it) as a fact the records leave open, as a JSON case lists it', () => {
    const { mapping } = loadColumnMapping(
      ['columns:', '  JUD: judicialWarrant', '  LVL: charge1.class', 'values:', '  JUD: { Y: yes, N: no, N/A: unknown }', ''].join('\n'),
    );
    const csv =
      'id,age,bookedAt,eligibleForReleaseAt,requests,issuedAt,JUD,gangDatabase,LVL,charge1.bondPosted,conviction1.class,conviction1.convictedOn,conviction1.incarceratedDays\n' +
      'U1,30,2025-03-01 10:00,2025-03-05 10:00,hold,,N/A,,felony,,,,\n' +
      'U2,31,2025-03-01 10:00,Unknown,hold,,N,UNKNOWN,unknown,unknown,felony,unknown,unknown\n' +
      'U3,32,unknown,2025-03-05 10:00,unknown,2025-03-01 11:00,Y,,,,unknown,2019-01-01,\n';
    const set = importInChunks(csv, [7], { format: 'csv', mapping });
    expect(set.problems).toEqual([]);
    const base: BookingCase['detainer'] = { requests: ['hold'], judicialWarrant: false, administrativeWarrant: false };
    const json: BookingCase[] = [
      {
        id: 'U1',
        age: 30,
        bookedAt: '2025-03-01T10:00',
        eligibleForReleaseAt: '2025-03-05T10:00',
        detainer: { requests: ['hold'], administrativeWarrant: false },
        currentCharges: [{ class: 'felony' }],
        unknown: ['judicialWarrant'],
      },
      {
        id: 'U2',
        age: 31,
        bookedAt: '2025-03-01T10:00',
        detainer: base,
        currentCharges: [{ unknown: ['class', 'bondPosted'] }],
        convictions: [{ class: 'felony', unknown: ['convictedOn', 'releasedOn'] }],
        unknown: ['eligibleForReleaseAt', 'records.gangDatabase'],
      },
      {
        id: 'U3',
        age: 32,
        eligibleForReleaseAt: '2025-03-05T10:00',
        detainer: { requests: [], issuedAt: '2025-03-01T11:00', judicialWarrant: true, administrativeWarrant: false },
        convictions: [{ unknown: ['class'], convictedOn: '2019-01-01' }],
        unknown: ['bookedAt', 'requests'],
      },
    ];
    const expected = readCaseSet(JSON.stringify(json), 'json');
    expect(expected.problems).toEqual([]);
    expect(set.cases.map((c) => c.source)).toEqual(expected.cases.map((c) => c.source));
    expect(tableRows(set.table)).toEqual(tableRows(expected.table));
    expect(Array.from(set.table.unknown)).toEqual(Array.from(expected.table.unknown));
    // Where the contract has no unknown (an id, an age, a warrant's kind), the word is a value like any other, and reported.
    const bad = readCaseSet('id,age,bookedAt,eligibleForReleaseAt\nB1,unknown,2025-03-01,2025-03-02\n', 'csv');
    expect(bad.problems.map((p) => p.message)).toEqual(['must be a whole number, not "unknown"']);
  });

  it('reads slashed dates in the order the mapping gives, and refuses an order it does not know', () => {
    const header = 'id,age,BOOKED,RELEASED,conviction1.class,PRIOR_DT\n';
    const csv =
      header +
      'D1,30,09/07/2025 05:00,10/01/2025 12:00,felony,3/7/2014\n' +
      'D2,30,9/7/2025 2:30 PM,9/8/2025 12:05 am,felony,2014-03-07\n' +
      'D3,30,2025-09-07T05:00,9/8/2025 12:00 PM,felony,03/07/14\n';
    const read = (dates: string) => {
      const { mapping, diagnostics } = loadColumnMapping(
        `columns: { BOOKED: bookedAt, RELEASED: eligibleForReleaseAt, PRIOR_DT: conviction1.convictedOn }\ndates: ${dates}\n`,
      );
      expect(diagnostics).toEqual([]);
      return importInChunks(csv, [5], { format: 'csv', mapping });
    };
    const us = read('month/day/year');
    expect(us.cases.map((c) => [c.id, c.source.bookedAt, c.source.eligibleForReleaseAt, c.source.convictions?.[0]?.convictedOn])).toEqual([
      ['D1', '2025-09-07T05:00', '2025-10-01T12:00', '2014-03-07'],
      ['D2', '2025-09-07T14:30', '2025-09-08T00:05', '2014-03-07'],
    ]);
    // A year of two digits is not read: its century would be a guess.
    expect(us.problems.map((p) => formatCaseProblem('x.csv', p))).toEqual([
      'x.csv: row 4 (D3): error: PRIOR_DT (conviction1.convictedOn): must be a date (YYYY-MM-DD), not "03/07/14"',
    ]);
    // Read day first, D1's release (10 January) comes before its booking (9 July): reported, not read.
    const eu = read('day/month/year');
    expect(eu.cases.map((c) => [c.id, c.source.bookedAt, c.source.convictions?.[0]?.convictedOn])).toEqual([
      ['D2', '2025-07-09T14:30', '2014-03-07'],
    ]);
    expect(eu.problems[0]!.message).toMatch(/^"eligibleForReleaseAt" \(2025-01-10T12:00\) is before "bookedAt" \(2025-07-09T05:00\)/);
    // Without the order, a slashed date is reported, never read one way or the other.
    const none = readCaseSet(csv, 'csv', {
      mapping: loadColumnMapping('columns: { BOOKED: bookedAt, RELEASED: eligibleForReleaseAt, PRIOR_DT: conviction1.convictedOn }\n')
        .mapping,
    });
    expect(none.table.length).toBe(0);
    expect(none.problems[0]!.message).toBe('must be a local date and time (YYYY-MM-DDTHH:MM), not "09/07/2025 05:00"');
    const wrong = loadColumnMapping('dates: MM/DD/YYYY\n');
    expect(wrong.mapping).toBeUndefined();
    expect(wrong.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      `1:8 "dates" is "month/day/year" or "day/month/year": the order of the export's slashed dates`,
    ]);
  });

  it('is refused for JSON and YAML files rather than ignored', () => {
    const { mapping } = loadColumnMapping(mappingText);
    const set = readCaseSet('[]', 'json', { mapping });
    expect(set.problems).toEqual([
      { index: -1, field: '', message: 'a column mapping applies to CSV files; this is a JSON file', line: 1, column: 1 },
    ]);
  });

  it('reports unmapped columns with where to put them', () => {
    const { mapping } = loadColumnMapping(mappingText);
    const set = readCaseSet('BOOKING_NO,AGE_AT_BOOKING,BOOK_DT,REL_DT,ICE_REQ,CHG1_LVL,CHG1_BOND,PRIOR1_LVL,PRIOR1_DT,SSN\n', 'csv', {
      mapping,
    });
    expect(set.problems.map((p) => p.message)).toEqual([
      'unknown column "SSN" (column 10); map it under "columns" or list it under "ignore" in the mapping',
    ]);
  });

  it('refuses a file whose header lacks a column the mapping reads, rather than read the fact as empty on every case', () => {
    const { mapping } = loadColumnMapping(mappingText);
    // This export has no bond column, and names the prior conviction's date otherwise.
    const set = readCaseSet(
      'BOOKING_NO,AGE_AT_BOOKING,BOOK_DT,REL_DT,ICE_REQ,CHG1_LVL,PRIOR1_LVL,PRIOR1_DATE\n' +
        'X1,34,2015-03-02T10:00,2015-03-04T12:00,B,F,M,2010-05-05\n',
      'csv',
      { mapping },
    );
    expect(set.table.length).toBe(0);
    expect(set.problems.map((p) => p.message)).toEqual([
      'unknown column "PRIOR1_DATE" (column 8); map it under "columns" or list it under "ignore" in the mapping',
      'the mapping reads "charge1.bondPosted" from column "CHG1_BOND", which the header does not name; every case would read it as empty. Correct the name, or take the entry out of the mapping',
      'the mapping reads "conviction1.convictedOn" from column "PRIOR1_DT", which the header does not name; did you mean "PRIOR1_DATE"?; every case would read it as empty. Correct the name, or take the entry out of the mapping',
    ]);
  });

  it('locates mistakes in the mapping file itself', () => {
    const r = loadColumnMapping('columns:\n  BOOK_DT: bookedOn\n  AGE: 3\nvalues:\n  X: [1]\nextra: 1\n');
    expect(r.mapping).toBeUndefined();
    const at = r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
    expect(at).toEqual(expect.arrayContaining(['2:12 unknown-column', '3:8 wrong-type', '5:6 wrong-type', '6:1 unknown-key']));
    expect(r.diagnostics.find((d) => d.code === 'unknown-column')!.message).toMatch(/did you mean "bookedAt"/);
  });

  it('keys such as __proto__ in a mapping are plain names and pollute nothing', () => {
    const r = loadColumnMapping('columns:\n  __proto__: id\n  constructor: age\nvalues:\n  age: { __proto__: "5", toString: "6" }\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const set = readCaseSet(
      '__proto__,constructor,bookedAt,eligibleForReleaseAt\nP1,__proto__,2012-01-01,2012-01-02\nP2,toString,2012-01-01,2012-01-02\nP3,hasOwnProperty,2012-01-01,2012-01-02\n',
      'csv',
      {
        mapping: r.mapping,
      },
    );
    expect(set.cases.map((c) => [c.id, c.age])).toEqual([
      ['P1', 5],
      ['P2', 6],
    ]);
    expect(set.problems[0]).toMatchObject({ row: 4, field: 'constructor (age)' });
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });
});

describe('JSON case sets', () => {
  const json = JSON.stringify(sample.slice(0, 50), null, 2);

  it('are read case by case in any chunking, as a list or an object with "cases"', () => {
    const whole = readCaseSet(json, 'json');
    expect(whole.problems).toEqual([]);
    expect(whole.cases).toHaveLength(50);
    expectSameSet(importInChunks(json, [1, 13, 200], { format: 'json' }), whole);
    const wrapped = JSON.stringify({ description: 'x', generator: { seed: 1 }, cases: sample.slice(0, 50) });
    expect(readCaseSet(wrapped).cases.map(facts)).toEqual(whole.cases.map(facts));
  });

  it('locate each problem at its line and column, and keep the good cases', () => {
    const list: unknown[] = sample.slice(0, 3).map((c) => ({ ...c }));
    (list[1] as Record<string, unknown>).age = 'old';
    const text = JSON.stringify(list, null, 2).replace('"old"', '"old", "__proto__": {"polluted": true}');
    const set = readCaseSet(text, 'json');
    expect(set.cases).toHaveLength(2);
    const lines = text.split('\n');
    for (const p of set.problems) {
      expect(p.line).toBeGreaterThan(1);
      const at = lines[p.line! - 1]!.slice(p.column! - 1);
      if (p.field === 'age') expect(at.startsWith('"old"')).toBe(true);
      if (p.field === '__proto__') expect(at.startsWith('{"polluted"')).toBe(true);
    }
    expect(set.problems.map((p) => p.field).sort()).toEqual(['__proto__', 'age']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a case with a syntax error is reported where it breaks and reading goes on', () => {
    const text =
      '[\n  {"id": "A", "age": 30, "bookedAt": "2012-01-01", "eligibleForReleaseAt": "2012-01-02", "detainer": {"requests": []}},\n  {"id": "B", "age": 3,, "x": 1},\n  {"id": "C", "age": 30, "bookedAt": "2012-01-01", "eligibleForReleaseAt": "2012-01-02", "detainer": {"requests": []}}\n]';
    const set = readCaseSet(text, 'json');
    expect(set.cases.map((c) => c.id)).toEqual(['A', 'C']);
    expect(set.problems).toHaveLength(1);
    expect(set.problems[0]).toMatchObject({ index: 1, line: 3 });
    expect(set.problems[0]!.message).toMatch(/^case 2 is not valid JSON/);
  });

  it('structural mistakes stop reading with a located message', () => {
    const cases: Array<[string, string, number, number]> = [
      ['[{"id": 1} {"id": 2}]', 'expected a comma or "]" after case 1', 1, 12],
      ['[{"id": 1},]', 'a comma before "]" is not allowed in JSON', 1, 12],
      ['[\n{"id": 1},\n{"id": 2', 'the file ends inside case 2, which starts at line 3', 3, 9],
      ['[] x', 'text after the end of the case set', 1, 4],
      ['{"other": []}', 'the object has no "cases" list', 1, 14],
      ['{"cases": {}}', '"cases" must be a list: "cases": [ ... ]', 1, 11],
      ['', 'the file is empty; a JSON case set is a list of cases: [ { "id": ... }, ... ]', 1, 1],
    ];
    for (const [text, message, line, column] of cases) {
      const set = readCaseSet(text, 'json');
      expect(
        set.problems.find((p) => p.index < 0),
        text,
      ).toEqual({ index: -1, field: '', message, line, column });
    }
  });
});

describe('YAML case sets', () => {
  it('small files are read whole, anchors and all, with problems located', () => {
    const text =
      'cases:\n  - &a\n    id: A\n    age: 30\n    bookedAt: 2012-01-01\n    eligibleForReleaseAt: 2012-01-02\n    detainer: {requests: [hold]}\n  - id: B\n    age: 30\n    bookedAt: 2012-01-01\n    eligibleForReleaseAt: 2012-13-02\n    detainer: {requests: [hold]}\n';
    const set = readCaseSet(text, 'yaml');
    expect(set.cases.map((c) => c.id)).toEqual(['A']);
    expect(set.problems).toEqual([expect.objectContaining({ index: 1, id: 'B', field: 'eligibleForReleaseAt', line: 11, column: 27 })]);
  });

  it('files over 5 MB are read case by case, and locate problems on the same lines', () => {
    const many = generateCases({ count: 1000, seed: 3 });
    (many[850] as unknown as Record<string, unknown>).age = -4;
    // A long comment takes the file over the limit for reading whole without making the test slow.
    const text = '# exported nightly\n'.repeat(300_000) + stringify(many);
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
    const set = importInChunks(text, [1 << 16], { format: 'yaml' });
    expect(set.cases).toHaveLength(999);
    expect(set.problems).toHaveLength(1);
    const p = set.problems[0]!;
    expect(text.split('\n')[p.line! - 1]!.slice(p.column! - 1)).toBe('-4');
  });
});

describe('the YAML splitter', () => {
  function split(text: string, chunk: number) {
    const items: YamlItem[] = [];
    const errors: string[] = [];
    const splitter = new YamlCaseSplitter(
      (item) => items.push(item),
      () => errors.push('read whole'),
      (e) => errors.push(`${e.line}:${e.column} ${e.message}`),
      0,
    );
    for (let at = 0; at < text.length; at += chunk) splitter.push(text.slice(at, at + chunk));
    splitter.finish();
    return { items, errors };
  }

  it('finds each case of a list, or of a "cases:" list among other keys, in any chunking', () => {
    const list = '# cases\n---\n- id: A\n  age: 1\n\n# B next\n- id: B\n  convictions:\n    - class: felony\n';
    for (const chunk of [1, 5, 1000]) {
      expect(split(list, chunk)).toEqual({
        items: [
          { text: '- id: A\n  age: 1\n\n# B next', line: 3 },
          { text: '- id: B\n  convictions:\n    - class: felony', line: 7 },
        ],
        errors: [],
      });
    }
    const wrapped = 'description: |\n  many\n  - not a case\ncases:\n  - id: A\n  - id: B\n    age: 2\ngenerator:\n  seed: 1\n';
    expect(split(wrapped, 3)).toEqual({
      items: [
        { text: '  - id: A', line: 5 },
        { text: '  - id: B\n    age: 2', line: 6 },
      ],
      errors: [],
    });
  });

  it('stops with a located message where the layout is not one it can split', () => {
    expect(split('[{id: A}]\n', 4).errors).toEqual([
      '1:1 a YAML case file larger than 5 MB must use block style (- id: ...), not [ ] or { }',
    ]);
    expect(split('- id: A\nage: 3\n', 4).errors).toEqual(['2:1 expected "- " at the start of the next case']);
    expect(split('cases: [1, 2]\n', 4).errors[0]).toMatch(/^1:7 in a YAML case file larger than 5 MB/);
    expect(split('- id: A\n---\n- id: B\n', 4).errors).toEqual(['2:1 a case file holds one YAML document; this starts another']);
    expect(split('other: 1\n', 4).errors).toEqual(['1:1 the file has no "cases:" list']);
  });
});

describe('progress and cancel', () => {
  it('reports progress after each chunk, and a cancelled import throws ImportCancelled', async () => {
    const seen: number[] = [];
    const set = importInChunks(sampleCsv, [10_000], { format: 'csv', onProgress: (p) => seen.push(p.records) });
    expect(set.cases).toHaveLength(2600);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toBe(2600);

    const controller = new AbortController();
    async function* chunks() {
      for (let at = 0; at < sampleCsv.length; at += 5000) {
        if (at > 20_000) controller.abort();
        yield sampleCsv.slice(at, at + 5000);
      }
    }
    await expect(importCases(chunks(), { format: 'csv', signal: controller.signal })).rejects.toBeInstanceOf(ImportCancelled);
  });
});
