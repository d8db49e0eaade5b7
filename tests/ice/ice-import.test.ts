// ICE's released detainer records: the fixture workbook and its CSV form (written by ice-records.ts,
// in the layout of the release) read into the same booking cases, each fact the records carry read,
// each one they don't left unknown, and every unreadable row reported by its number.

import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bookingCaseAt,
  CaseImporter,
  caseFormatOf,
  chooseCases,
  compile,
  facilitiesOf,
  formatCaseProblem,
  importWorkbook,
  importWorkbookSync,
  periodOf,
  readCaseContent,
  readCaseSet,
  selectCases,
  simulate,
  time,
  type CaseSet,
  caseId,
} from '../../engine/index';
import { unzipSync, zipSync } from 'fflate';
import { cellDateTime, ICE_COLUMN } from '../../engine/import/ice-detainers';
import { jsInflater, readXlsx, readXlsxSync, XlsxError, type InflateStream } from '../../engine/import/xlsx';
import { nodeInflater, threadedInflaterFrom } from '../../host/inflate.node';
import { iceCsv, iceWorkbook, ICE_COLUMNS, TITLE_ROWS, workbookOf } from './ice-records';

const FIXTURE = { count: 400, seed: 14 };
const fixtureFile = (ext: string) => new URL(`./fixtures/ice-detainers-fixture.${ext}`, import.meta.url);

/** The decoder the app hands in: the platform's DecompressionStream (Node has it as the browser does). */
const webInflate: InflateStream = (compressed) =>
  compressed.pipeThrough(new DecompressionStream('deflate-raw') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);

function workbookCases(bytes: Uint8Array): CaseSet {
  return importWorkbookSync(bytes.length, (o, n) => bytes.subarray(o, o + n));
}

describe('the fixture', () => {
  it('is what the generator writes (regenerate with UPDATE_FIXTURES=1)', () => {
    const xlsx = iceWorkbook(FIXTURE);
    const csv = iceCsv(FIXTURE);
    if (process.env.UPDATE_FIXTURES) {
      fs.mkdirSync(new URL('./fixtures/', import.meta.url), { recursive: true });
      fs.writeFileSync(fixtureFile('xlsx'), xlsx);
      fs.writeFileSync(fixtureFile('csv'), csv);
    }
    expect(Buffer.compare(fs.readFileSync(fixtureFile('xlsx')), Buffer.from(xlsx))).toBe(0);
    expect(fs.readFileSync(fixtureFile('csv'), 'utf8')).toBe(csv);
  });

  it('has the release layout: six title rows, then the 65 columns, then one detainer per row', () => {
    const bytes = fs.readFileSync(fixtureFile('xlsx'));
    const rows: string[][] = [];
    readXlsxSync(bytes.length, (o, n) => bytes.subarray(o, o + n), { onRow: (r) => void rows.push([...r.values]) });
    expect(rows.slice(0, 6).map((r) => r[0])).toEqual(TITLE_ROWS);
    expect(rows[6]).toEqual([...ICE_COLUMNS]);
    expect(rows).toHaveLength(7 + FIXTURE.count);
    expect(rows.slice(7).some((r) => r.includes('(b)(6), (b)(7)(C)'))).toBe(true);
  });
});

describe('the mapping of the release (docs/ice-detainer-records.md)', () => {
  // Read with its line breaks as spaces: a name may be wrapped.
  const doc = fs.readFileSync(new URL('../../docs/ice-detainer-records.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  it('says what becomes of every column of the release, and names each column the importer reads', () => {
    const missing = ICE_COLUMNS.filter((c) => !doc.includes(c));
    expect(missing).toEqual([]);
    expect(Object.values(ICE_COLUMN).filter((c) => !doc.includes(c))).toEqual([]);
  });
});

describe('ICE detainer records as cases', () => {
  let xlsxSet: CaseSet;
  let csvSet: CaseSet;
  beforeAll(() => {
    xlsxSet = workbookCases(fs.readFileSync(fixtureFile('xlsx')));
    csvSet = readCaseSet(fs.readFileSync(fixtureFile('csv'), 'utf8'));
  });

  it('read the workbook and its CSV form into the same cases, without problems', () => {
    for (const set of [xlsxSet, csvSet]) {
      expect(set.problems).toEqual([]);
      expect(set.source).toBe('ice-detainers');
      expect(set.table.length).toBe(FIXTURE.count);
      expect(set.titleRows).toEqual(TITLE_ROWS);
    }
    for (let i = 0; i < FIXTURE.count; i++) expect(bookingCaseAt(csvSet.table, i)).toEqual(bookingCaseAt(xlsxSet.table, i));
    expect(caseFormatOf('ERO Detainers.xlsx')).toBe('xlsx');
  });

  it('take the request date, facility, request and age range from the record, and leave the rest unknown', () => {
    const t = xlsxSet.table;
    const first = bookingCaseAt(t, 0);
    // Row 8: the first record under the header (the generator's first draw).
    expect(first.id).toBe('row-8');
    expect(first.detainer.issuedAt).toBe('2024-05-21T21:54');
    expect(first.facility).toBe('LAKE HARBOR CITY JAIL (LAKE HARBOR, IL)');
    expect(first.detainer.requests).toEqual(['hold', 'notify']);
    expect([first.age, first.ageAtMost]).toEqual([48, 49]);
    expect(first.bookedAt).toBeUndefined();
    expect(first.eligibleForReleaseAt).toBeUndefined();
    expect(first.unknown).toEqual(
      expect.arrayContaining([
        'bookedAt',
        'eligibleForReleaseAt',
        'judicialWarrant',
        'administrativeWarrant',
        'warrants',
        'convictions',
        'records.sexOffenderRegistry',
      ]),
    );
    // The most serious conviction is redacted in this record: an offense of unknown kind, dated.
    expect(first.convictions![0]).toMatchObject({ convictedOn: '2017-12-23', unknown: ['class', 'releasedOn', 'current'] });
    const notification = bookingCaseAt(t, 1);
    expect(notification.detainer.requests).toEqual(['notify']);
    expect(notification.convictions![0]).toMatchObject({
      offense: 'SHOPLIFTING (NCIC 2303)',
      categories: ['property'],
      convictedOn: '2016-01-09',
    });
    expect(facilitiesOf(t).map((f) => f.name)).toEqual([
      'RIVERTON COUNTY JAIL (RIVERTON, MA)',
      'NORTH FORK COUNTY CORRECTIONAL CENTER (NORTH FORK, TX)',
      'LAKE HARBOR CITY JAIL (LAKE HARBOR, IL)',
      'SAN ISIDRO COUNTY JAIL (SAN ISIDRO, CA)',
    ]);
    expect(xlsxSet.notes.join('\n')).toMatch(/most serious convictions are redacted/);
  });

  it('reads a pending charge and "other immigration violator" as the records say them', () => {
    const t = csvSet.table;
    const pending = bookingCaseAt(t, 2);
    expect(pending.currentCharges).toEqual([{ categories: [], unknown: ['class', 'bondPosted', 'bondable', 'probableCauseFinding'] }]);
    expect(pending.convictions).toBeUndefined();
    expect(pending.unknown).toContain('currentCharges');
    expect(pending.unknown).not.toContain('convictions');
    const none = bookingCaseAt(t, 4);
    expect(none.convictions).toBeUndefined();
    expect(none.currentCharges).toBeUndefined();
    expect(none.unknown).not.toContain('convictions');
    expect(none.unknown).not.toContain('currentCharges');
  });

  it('selects one facility and period', () => {
    const t = csvSet.table;
    const r = selectCases(t, {
      facility: 'riverton county jail',
      fromDay: time.daysFromCivil(2024, 1, 1),
      toDay: time.daysFromCivil(2024, 12, 31),
    });
    if (!r.ok) throw new Error(r.problem);
    expect(r.facility).toBe('RIVERTON COUNTY JAIL (RIVERTON, MA)');
    expect(r.table.length).toBeGreaterThan(50);
    for (let i = 0; i < r.table.length; i++) expect(r.table.issuedYmd[i]! >> 9).toBe(2024);
    const wrong = selectCases(t, { facility: 'RIVERTON CITY JAIL' });
    expect(wrong).toEqual({
      ok: false,
      problem: expect.stringMatching(/no facility named "RIVERTON CITY JAIL"; did you mean "RIVERTON COUNTY JAIL \(RIVERTON, MA\)"/),
    });
  });

  it('is chosen in a form: facility and dates as words, the period the file covers, a choice with no request refused', () => {
    const t = csvSet.table;
    expect(periodOf(t)).toEqual({ first: '2023-10-01', last: '2025-03-30' });
    const chosen = chooseCases(t, { facility: 'RIVERTON COUNTY JAIL (RIVERTON, MA)', from: '2024-01-01', to: '2024-12-31' });
    const same = selectCases(t, {
      facility: 'RIVERTON COUNTY JAIL (RIVERTON, MA)',
      fromDay: time.daysFromCivil(2024, 1, 1),
      toDay: time.daysFromCivil(2024, 12, 31),
    });
    if (!chosen.ok || !same.ok) throw new Error('not chosen');
    expect(chosen.table.length).toBe(same.table.length);
    expect(chooseCases(t, { facility: null, from: '', to: null })).toEqual({ ok: true, table: t });
    expect(chooseCases(t, { facility: null, from: '2024-02-30', to: null })).toEqual({
      ok: false,
      problem: 'the first date must be a date, YYYY-MM-DD, not "2024-02-30"',
    });
    expect(chooseCases(t, { facility: null, from: '2024-05-01', to: '2024-04-01' })).toEqual({
      ok: false,
      problem: 'the last date is before the first',
    });
    expect(chooseCases(t, { facility: 'RIVERTON COUNTY JAIL', from: '2030-01-01', to: null })).toEqual({
      ok: false,
      problem: 'no request at RIVERTON COUNTY JAIL (RIVERTON, MA) from 2030-01-01 in this set',
    });
  });

  it('reads a text held whole in slices when progress is asked for, to the same cases', () => {
    const text = iceCsv({ count: 9000, seed: 3 });
    expect(text.length).toBeGreaterThan(4 << 20);
    const reads: number[] = [];
    const sliced = readCaseSet(text, undefined, { onProgress: (p) => reads.push(p.read) });
    const whole = readCaseSet(text);
    expect(reads.length).toBeGreaterThan(2);
    expect(reads.at(-1)).toBe(text.length);
    expect(sliced.table.length).toBe(whole.table.length);
    expect(sliced.problems).toEqual(whole.problems);
    for (const i of [0, 4321, 8999]) expect(bookingCaseAt(sliced.table, i)).toEqual(bookingCaseAt(whole.table, i));
  });

  it('reads a workbook held whole as the app holds it, as the CSV of the same records', () => {
    const bytes = new Uint8Array(fs.readFileSync(fixtureFile('xlsx')));
    const held = readCaseContent({ bytes });
    expect(held.source).toBe('ice-detainers');
    expect(held.total).toBe(csvSet.total);
    expect(held.table.length).toBe(csvSet.table.length);
    expect(bookingCaseAt(held.table, 7)).toEqual(bookingCaseAt(csvSet.table, 7));
  });

  it('simulates with open decisions, ranges, and the fact that makes the difference', () => {
    const o = {
      title: 'Hold only on a judicial warrant or a violent felony',
      jurisdiction: { name: 'Riverton', state: 'MA' },
      sections: [
        {
          heading: 'Detainers',
          provisions: [
            { id: 'warrant', when: { judicialWarrant: true }, outcome: 'hold' as const },
            { id: 'violent', when: { conviction: { classes: ['felony' as const], categories: ['violent'] } }, outcome: 'hold' as const },
          ],
        },
      ],
      otherwise: 'decline' as const,
    };
    const r = simulate(compile(o), xlsxSet.table);
    const u = r.summary.unknowns!;
    expect(u.undetermined).toBe(r.summary.outcomes.review);
    expect(u.range.hold.atLeast).toBeLessThan(u.range.hold.atMost);
    expect(u.range.decline.atLeast + u.undetermined).toBeGreaterThanOrEqual(u.range.decline.atMost);
    // Every undecided case but one turns on the judge's warrant. That one has a violent felony and no
    // request in the records: held or notified as ICE asked, the warrant changing only whether § 2(a)(1)
    // or § 2(a)(2) decides, so it turns on the request alone.
    expect(u.facts[0]).toMatchObject({ fact: 'judicialWarrant', decisions: u.undetermined - 1 });
    expect(u.facts.find((f) => f.fact === 'requests')!.decisions).toBeGreaterThan(0);
    // Holds have no known end: the records give no release time.
    expect(r.summary.holdHours).toBe(0);
    expect(u.holdsOfUnknownLength).toBe(u.range.hold.atLeast);
    expect(r.breakdown.byYear.map((y) => y.key)).toEqual(['2023', '2024', '2025']);
    expect(r.breakdown.byFacility).toHaveLength(4);
    expect(r.breakdown.byYear.reduce((n, y) => n + y.total, 0)).toBe(FIXTURE.count);
  });
});

describe('unreadable records and files', () => {
  const header = ICE_COLUMNS.join(',');
  const row = (over: Record<string, string>) => ICE_COLUMNS.map((c) => over[c] ?? '').join(',');
  const csv = (...rows: string[]) => ['ERO Detainers' + ','.repeat(64), header, ...rows].join('\n') + '\n';

  it('reports every unreadable row by its number and reads the rest', () => {
    const set = readCaseSet(
      csv(
        row({ 'Detainer Prepare Date': '2024-02-30', 'Birth Year': '1980' }),
        row({ 'Detainer Prepare Date': '2024-03-01', 'Birth Year': 'nineteen' }),
        row({ 'Detainer Prepare Date': '3/2/2024 1:15 PM', 'Birth Year': '1980', 'MSC Charge Code': '5404', 'MSC Sentence Days': 'ten' }),
        row({ 'Detainer Prepare Date': '', 'Birth Year': '1970' }),
        row({ 'Detainer Prepare Date': '2024-03-05', 'Birth Year': '1990' }),
      ),
    );
    expect(set.problems.map((p) => formatCaseProblem('d.csv', p))).toEqual([
      'd.csv: row 3 (row-3): error: Detainer Prepare Date: not a date: "2024-02-30"',
      'd.csv: row 4 (row-4): error: Birth Year: not a year: "nineteen"',
      'd.csv: row 5 (row-5): error: MSC Sentence Days: not a number of days: "ten"',
      'd.csv: row 6 (row-6): error: Detainer Prepare Date: the date the detainer was prepared is missing: it is the date of the request',
    ]);
    expect(set.table.length).toBe(1);
    expect(caseId(set.table, 0)).toBe('row-7');
  });

  it('refuses a date after 2199 (a placeholder for no date), in the fast reading and the cell reading alike', () => {
    const set = readCaseSet(
      csv(
        row({ 'Detainer Prepare Date': '9999-12-31 00:00:00', 'Birth Year': '1980' }),
        row({ 'Detainer Prepare Date': '12/31/9999', 'Birth Year': '1980' }),
        row({ 'Detainer Prepare Date': '2199-12-31 23:59:00', 'Birth Year': '2150' }),
        row({ 'Detainer Prepare Date': '2958465', 'Birth Year': '1980' }),
      ),
    );
    expect(set.problems.map((p) => formatCaseProblem('d.csv', p))).toEqual([
      'd.csv: row 3 (row-3): error: Detainer Prepare Date: "9999-12-31 00:00:00" is after 2199, later than any real record (an export\'s placeholder for "no date"?): give the real date, or leave it out or mark it unknown where the case format allows',
      'd.csv: row 4 (row-4): error: Detainer Prepare Date: "12/31/9999" is after 2199, later than any real record (an export\'s placeholder for "no date"?): give the real date, or leave it out or mark it unknown where the case format allows',
      // A spreadsheet's date serial, as written, with the day Excel shows for it.
      'd.csv: row 6 (row-6): error: Detainer Prepare Date: "2958465" (a spreadsheet date: 9999-12-31) is after 2199, later than any real record (an export\'s placeholder for "no date"?): give the real date, or leave it out or mark it unknown where the case format allows',
    ]);
    expect(set.table.length).toBe(1);
  });

  it('reads US dates with a time, Excel serial numbers, and codes that lost their leading zero', () => {
    const set = readCaseSet(
      csv(
        row({
          'Detainer Prepare Date': '3/2/2024 1:15 PM',
          'MSC Charge Code': '301',
          'Most Serious Conviction (MSC) Charge': 'ILLEGAL ENTRY',
        }),
        row({ 'Detainer Prepare Date': '45353.5' }),
      ),
    );
    expect(set.problems).toEqual([]);
    expect(bookingCaseAt(set.table, 0).detainer.issuedAt).toBe('2024-03-02T13:15');
    expect(bookingCaseAt(set.table, 0).convictions![0]!.offense).toBe('ILLEGAL ENTRY (NCIC 0301)');
    expect(bookingCaseAt(set.table, 1).detainer.issuedAt).toBe('2024-03-02T12:00');
  });

  it('refuses a table without the release header, and a workbook that is not one', () => {
    const set = readCaseSet('Title\nDetainer Prepare Date,Birth Year\n', 'csv', { source: 'ice-detainers' });
    // the header alone is read, and an empty table is said to be one
    expect(set.problems.map((p) => p.message)).toEqual(['the file holds no cases: no records after the header']);
    const none = readCaseSet('a,b,c\n1,2,3\n', 'csv', { source: 'ice-detainers' });
    expect(none.problems.map((p) => p.message)).toEqual([expect.stringMatching(/no header row naming "Detainer Prepare Date"/)]);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0, ...new Array(40).fill(0)]);
    expect(workbookCases(xls).problems[0]!.message).toMatch(/Excel 97-2003 workbook \(\.xls\)/);
    const cut = iceWorkbook({ count: 5 }).subarray(0, 2000);
    expect(workbookCases(cut).problems[0]!.message).toMatch(/cut short|damaged|no directory/);
    expect(() => readXlsxSync(4, () => new Uint8Array(4), { onRow: () => undefined })).toThrow(XlsxError);
  });

  it('reads characters of two to four bytes cut anywhere between the pieces it inflates or reads', () => {
    const words = ['Montréal détention', '中文设施', 'emoji 😀 jail', '\ufeffmark inside'];
    const deflated = workbookOf(
      '\ufeff<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row><c t="inlineStr"><is><t>Ärztin — “quoted” 𝔸</t></is></c><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>' +
        '<row><c t="s"><v>2</v></c><c t="s"><v>3</v></c></row>' +
        '</sheetData></worksheet>',
      words,
    );
    // Stored without compression too, so the pieces are exactly the bytes asked for.
    const stored = zipSync(unzipSync(deflated), { level: 0 });
    const expected = [
      ['Ärztin — “quoted” 𝔸', words[0], words[1]],
      [words[2], words[3]],
    ];
    // Through the decoder in JavaScript and through Node's zlib (the command line's), which inflates into one reused buffer.
    for (const inflater of [jsInflater, nodeInflater, threadedInflaterFrom(0)])
      for (const bytes of [deflated, stored])
        for (const chunkBytes of [1, 2, 3, 5, 7, 64]) {
          const rows: string[][] = [];
          readXlsxSync(bytes.length, (o, n) => bytes.subarray(o, o + n), {
            chunkBytes,
            inflater,
            onRow: (r) => void rows.push([...r.values]),
          });
          expect(rows).toEqual(expected);
        }
  });

  it('reads ISO dates with and without a time, and refuses days that are not in the calendar', () => {
    const minutes = (iso: string) => Date.parse(`${iso}Z`) / 60000;
    expect(cellDateTime('2024-02-29', false, false)).toBe(minutes('2024-02-29T00:00'));
    expect(cellDateTime('2024-02-29 23:59', false, false)).toBe(minutes('2024-02-29T23:59'));
    expect(cellDateTime('2024-02-29T07:05:59', false, false)).toBe(minutes('2024-02-29T07:05'));
    expect(cellDateTime('2024-02-29 7:05', false, false)).toBe(minutes('2024-02-29T07:05'));
    expect(cellDateTime('2024-02-29 07:05:59.250', false, false)).toBe(minutes('2024-02-29T07:05'));
    for (const bad of [
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-01-01 24:00',
      '2024-01-01 23:60:00',
      '2024-01-01 12:00:0',
      '2024-1-01',
      '2024/01/01',
    ])
      expect(cellDateTime(bad, false, false)).toBeNaN();
  });

  it('reads the CSV as bytes in pieces of any size exactly as it reads its text', () => {
    const lines = iceCsv({ count: 6, seed: 3 }).split('\n');
    const header = lines.findIndex((l) => l.startsWith('Detainer Prepare Date'));
    const width = lines[header]!.split(',').length;
    const row = (cells: Record<number, string>) => Array.from({ length: width }, (_, k) => cells[k] ?? '').join(',');
    // Quoted fields across lines, doubled quotes, text after a closing quote, characters of 2-4 bytes, a
    // lone CR, a blank line, a row of spaces, a bad date, LF and CRLF ends, after a byte-order mark.
    const text =
      '\ufeff' +
      [
        ...lines.slice(0, header + 3),
        row({ 0: '2024-05-01', 8: '"Montréal ""North""\nAnnex 😀"', 10: 'Zürich', 1: 'NY' }),
        '',
        row({ 0: '2024-05-02', 8: '"中文设施"x', 18: '"DRIVING, UNDER INFLUENCE"' }) + '\r' + row({ 0: 'not a date', 8: 'Jail' }),
        row({ 3: '   ' }),
        ...lines.slice(header + 3),
      ].join('\n') +
      '\r\n' +
      row({ 0: '2024-06-01', 8: '"open quote' });
    const bytes = new TextEncoder().encode(text);
    const digest = (set: CaseSet) =>
      JSON.stringify([set.problems, set.notes, set.total, Array.from({ length: set.table.length }, (_, i) => bookingCaseAt(set.table, i))]);
    const fromText = readCaseSet(text, 'csv');
    expect(fromText.problems.length).toBeGreaterThan(0);
    expect(fromText.table.length).toBeGreaterThan(5);
    const expected = digest(fromText);
    for (const size of [1, 2, 3, 5, 7, 13, 64, 1 << 20]) {
      const importer = new CaseImporter({});
      for (let at = 0; at < bytes.length; at += size) importer.push(bytes.subarray(at, at + size));
      expect(digest(importer.finish())).toBe(expected);
    }
  });

  it("reads a workbook through the host's own streaming decoder (the app's) to the same cases, with progress to its end", async () => {
    const bytes = new Uint8Array(fs.readFileSync(fixtureFile('xlsx')));
    const reads: number[] = [];
    const syncReads: number[] = [];
    const sync = importWorkbookSync(bytes.length, (o, n) => bytes.subarray(o, o + n), { onProgress: (p) => syncReads.push(p.read) });
    const set = await importWorkbook(bytes.length, async (o, n) => bytes.slice(o, o + n), {
      inflateStream: webInflate,
      onProgress: (p) => reads.push(p.read),
    });
    expect(set.problems).toEqual([]);
    expect(set.table.length).toBe(FIXTURE.count);
    for (let i = 0; i < FIXTURE.count; i++) expect(bookingCaseAt(set.table, i)).toEqual(bookingCaseAt(sync.table, i));
    // Progress counts the sheet's compressed bytes, as the synchronous reading does, to the last.
    expect(reads.at(-1)).toBe(syncReads.at(-1));
    expect(reads.length).toBeGreaterThan(1);
    for (let i = 1; i < reads.length; i++) expect(reads[i]!).toBeGreaterThanOrEqual(reads[i - 1]!);
  });

  it("reads a sheet cut into pieces of any size through the host's decoder, and stops inflating when the reader stops", async () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      Array.from(
        { length: 300 },
        (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>${r % 3}</v></c><c r="B${r + 1}"><v>${r}</v></c></row>`,
      ).join('') +
      '</sheetData></worksheet>';
    const bytes = workbookOf(xml, ['one', 'twö', '😀']);
    const expected = Array.from({ length: 300 }, (_, r) => [['one', 'twö', '😀'][r % 3], String(r)]);
    for (const chunkBytes of [1, 3, 7, 64, 1 << 20]) {
      const rows: string[][] = [];
      await readXlsx(bytes.length, async (o, n) => bytes.slice(o, o + n), {
        chunkBytes,
        inflateStream: webInflate,
        onRow: (r) => void rows.push([...r.values]),
      });
      expect(rows).toEqual(expected);
    }
    // A reader that has what it needs stops: the rest is not inflated, and reading ends.
    let asked = 0;
    const first: string[][] = [];
    await readXlsx(bytes.length, async (o, n) => (asked++, bytes.slice(o, o + n)), {
      chunkBytes: 16,
      inflateStream: webInflate,
      onRow: (r) => (first.push([...r.values]), first.length < 2),
    });
    expect(first).toEqual(expected.slice(0, 2));
    expect(asked * 16).toBeLessThan(bytes.length);
  });

  it('says a sheet whose compressed bytes are damaged does not inflate, through either decoder', async () => {
    const bytes = iceWorkbook({ count: 50 }).slice();
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    let at = -1;
    for (let i = 0; i < bytes.length && at < 0; i++) if (name.every((c, k) => bytes[i + k] === c)) at = i + name.length;
    // The first occurrence of the name is the entry's local header; its compressed data follows.
    bytes.fill(0xff, at + 40, at + 200);
    for (const inflater of [jsInflater, nodeInflater, threadedInflaterFrom(0)]) {
      const set = importWorkbookSync(bytes.length, (o, n) => bytes.subarray(o, o + n), { inflater });
      expect(set.problems.map((p) => p.message)).toEqual([expect.stringMatching(/xl\/worksheets\/sheet1.xml does not inflate/)]);
    }
    // The host's streaming decoder (the app's), and one whose data stops short of the part's end.
    const streamed = await importWorkbook(bytes.length, async (o, n) => bytes.slice(o, o + n), { inflateStream: webInflate });
    expect(streamed.problems.map((p) => p.message)).toEqual([expect.stringMatching(/xl\/worksheets\/sheet1.xml does not inflate/)]);
  });

  it('reads inline strings, rich text runs, escaped characters and rows without cell references', () => {
    const bytes = workbookOf(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row><c t="inlineStr"><is><t>Detainer Prepare Date</t></is></c><c t="s"><v>0</v></c></row>' +
        '<row r="5"><c r="A5"><v>45353</v></c><c r="B5" t="s"><v>1</v></c></row>' +
        '</sheetData></worksheet>',
      ['Detention Facility', 'A & B <JAIL>'],
    );
    const rows: string[][] = [];
    readXlsxSync(bytes.length, (o, n) => bytes.subarray(o, o + n), { onRow: (r) => void rows.push([...r.values]) });
    expect(rows).toEqual([
      ['Detainer Prepare Date', 'Detention Facility'],
      ['45353', 'A & B <JAIL>'],
    ]);
    const set = workbookCases(bytes);
    expect(set.problems).toEqual([]);
    expect(bookingCaseAt(set.table, 0)).toMatchObject({
      id: 'row-5',
      facility: 'A & B <JAIL>',
      detainer: { issuedAt: '2024-03-02T00:00' },
    });
  });
});
