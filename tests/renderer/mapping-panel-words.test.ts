// The Map columns panel's list of what the mapping still leaves wrong, in its own words from the column
// planning's data: a column the mapping does not name is "not chosen yet" (never the import's "unknown
// column", never the mapping file's "columns" and "ignore"); a required case column no column gives is
// said once (the panel's "Every case needs" already names it); a long header is said in one short line.
import { describe, expect, it } from 'vitest';
import { mappingIssues, type ColumnMapping } from '../../engine/index';
import { dropLabel, panelProblemItems, panelProblems, refusedHeaderText } from '../../renderer/src/simulation/mapping-panel-words';
import { dropEntry } from '../../renderer/src/simulation/ColumnMappingPanel';

const said = (header: string[], m: ColumnMapping = { columns: {} }) => panelProblems(mappingIssues(header, m));

describe('the Map columns panel’s problems', () => {
  it('says one column not chosen yet alone, several in one line with how to choose said once', () => {
    expect(said(['id', 'age', 'bookedAt', 'eligibleForReleaseAt', 'JW'])).toEqual([
      '“JW” (column 5) is not chosen yet: choose the case column it fills in its “Reads as” list, or “Leave out”',
    ]);
    expect(said(['JW', 'agee', 'id', 'age', 'bookedAt', 'eligibleForReleaseAt', 'RACE'])).toEqual([
      '3 columns are not chosen yet: “JW” (column 1), “agee” (column 2; its name is like “age”), “RACE” (column 7). ' +
        'Choose the case column each fills in its “Reads as” list, or “Leave out”',
    ]);
    // A name with quotes or the panel's own words is a name, not a problem of another kind.
    expect(said(['id', 'age', 'bookedAt', 'eligibleForReleaseAt', 'x" (column 9); did you mean "id"?'])[0]).toBe(
      '“x" (column 9); did you mean "id"?” (column 5) is not chosen yet: choose the case column it fills in its “Reads as” list, or “Leave out”',
    );
  });

  it('shows the file’s names with their unsafe and invisible characters as escapes, so none reverses or hides the line', () => {
    const lines = said(['id', 'age', 'bookedAt', 'eligibleForReleaseAt', 'abc\u202edef', 'J\u200bW']);
    expect(lines).toEqual([
      '2 columns are not chosen yet: “abc\\u202edef” (column 5), “J\\u200bW” (column 6). ' +
        'Choose the case column each fills in its “Reads as” list, or “Leave out”',
    ]);
  });

  it('says the required case columns no column gives once, by where the panel names them, not one line each', () => {
    const lines = said(['BOOKING_NO', 'INMATE_NAME', 'BOOK_DT']);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      '4 case columns every case needs have no column yet (marked “no column chosen” under “Every case needs” above): ' +
        'choose each in the “Reads as” list of the column that holds it',
    );
    expect(lines.join('\n')).not.toMatch(/no column gives/);
    expect(said(['id', 'age', 'bookedAt'])).toEqual([
      'A case column every case needs has no column yet (marked “no column chosen” under “Every case needs” above): ' +
        'choose it in the “Reads as” list of the column that holds it',
    ]);
  });

  it('says a header of more than 50 columns not chosen in one line: how many, where, and those whose names are like ours', () => {
    const header = [
      'id',
      'age',
      'bookedAt',
      'eligibleForReleaseAt',
      'BOOKEDAT2',
      ...Array.from({ length: 60 }, (_, i) => `FIELD_${i + 1}`),
    ];
    const lines = said(header);
    expect(lines).toEqual([
      '61 columns are not chosen yet, from “BOOKEDAT2” (column 5) to “FIELD_60” (column 65), each marked “— choose —” in the table’s ' +
        '“Reads as” column; “BOOKEDAT2” (column 5) is like “bookedAt”. Choose the case column of those that hold one, then ' +
        '“Leave out every column not chosen” above',
    ]);
    expect(lines.join('\n')).not.toContain('FIELD_30');
    expect(lines.join('\n')).not.toContain('more columns not read');
  });

  it('says two columns read as one case column in the panel’s words', () => {
    expect(said(['A', 'B', 'age', 'bookedAt', 'eligibleForReleaseAt'], { columns: { A: 'id', B: 'id' } })).toEqual([
      '“A” (column 1) and “B” (column 2) both read as id: choose another case column for one of them, or “Leave out”',
    ]);
  });
});

describe('a column the mapping reads that the file lacks', () => {
  const header = ['BOOKING_NO', 'AGE', 'BOOK_DT', 'REL_DT'];
  const mapping: ColumnMapping = {
    columns: { BOOKING_NO: 'id', AGE: 'age', BOOK_DT: 'bookedAt', REL_DT: 'eligibleForReleaseAt', JW_FLAG: 'judicialWarrant' },
  };

  it('is said in the panel’s words, with a button that takes its entry out, not the command line’s “take the entry out of the mapping”', () => {
    const items = panelProblemItems(mappingIssues(header, mapping));
    expect(items).toEqual([
      {
        text:
          'the mapping reads judicialWarrant from “JW_FLAG”, a column this file does not have: every case would read judicialWarrant as empty. ' +
          'Take it out of the mapping (the button after this line), then choose judicialWarrant in the “Reads as” list of the column that holds it, if the file has one',
        drop: 'JW_FLAG',
      },
    ]);
    expect(dropLabel('JW_FLAG')).toBe('Take “JW_FLAG” out of the mapping');
  });

  it('is gone once the button takes its entry out, the rest of the mapping kept', () => {
    const dropped = dropEntry(mapping, 'JW_FLAG');
    expect(dropped.columns).toEqual({ BOOKING_NO: 'id', AGE: 'age', BOOK_DT: 'bookedAt', REL_DT: 'eligibleForReleaseAt' });
    expect(mappingIssues(header, dropped)).toEqual([]);
  });
});

describe('a file refused for its header, said above the Map columns panel', () => {
  it('says what is wrong once and briefly, and that the panel below is where it is mapped, never the import’s words', () => {
    const header = ['BOOKING_NO', 'INMATE_NAME', 'AGE_AT_BOOKING', 'BOOK_DT', 'REL_ELIG_DT', 'ICE_REQ', 'JW'];
    const said = refusedHeaderText('county.csv', mappingIssues(header, undefined));
    expect(said).toBe(
      'county.csv was not loaded: its header names none of the case columns. ' +
        'Map its columns in the Map columns panel below, which lists what is still to do.',
    );
    const mapped = refusedHeaderText(
      'county.csv',
      mappingIssues(header, { columns: { BOOKING_NO: 'id', AGE_AT_BOOKING: 'age', BOOK_DTT: 'bookedAt' } }),
    );
    expect(mapped).toBe(
      'county.csv was not loaded: its header has 5 columns not chosen yet, lacks a column the mapping reads and has no column for 2 case columns every case needs. ' +
        'Map its columns in the Map columns panel below, which lists what is still to do.',
    );
    expect(mapped).not.toMatch(/row 1|error:|unknown column|did you mean/);
    expect(refusedHeaderText('x.csv', mappingIssues(['id', 'age', 'bookedAt', 'eligibleForReleaseAt', 'JW'], undefined))).toBe(
      'x.csv was not loaded: its header has a column not chosen yet. Map its columns in the Map columns panel below, which lists what is still to do.',
    );
  });

  it('says a column is “not chosen yet” as the panel’s list does, and names the button that opens the panel when it is closed', () => {
    const issues = mappingIssues(['id', 'age', 'bookedAt', 'eligibleForReleaseAt', 'JW'], undefined);
    expect(panelProblems(issues)[0]).toContain('is not chosen yet');
    expect(refusedHeaderText('x.csv', issues)).toContain('a column not chosen yet');
    expect(refusedHeaderText('x.csv', issues)).not.toContain('not mapped yet');
    expect(refusedHeaderText('x.csv', issues, false)).toBe(
      'x.csv was not loaded: its header has a column not chosen yet. Map its columns in the Map columns panel (Map columns…), which lists what is still to do.',
    );
  });
});
