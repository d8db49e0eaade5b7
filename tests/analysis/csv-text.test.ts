// Hostile text in the CSV the app and the command line write. The decision table is a report: its
// cells are the ordinance's words as every export prints them (no character that does not show, no
// direction override), as in the officer guide. A case set is data read back: an offense keeps every
// character, so the same file read again gives the same keys.

import { describe, expect, it } from 'vitest';
import { decisionTable, decisionTableCsv } from '../../engine/analysis/index';
import { casesToCsv } from '../../engine/case-csv';
import { bookingCaseAt } from '../../engine/case-table';
import { readCaseSet, type Ordinance } from '../../engine/index';
import { generateCases } from '../../engine/generate';
import { loadFile, rivertonFile } from '../export/helpers';

const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u2060\uFEFF]/;

describe('CSV text', () => {
  it('the decision table CSV removes the characters that do not show and replaces overrides, as the officer guide does', () => {
    const riverton = loadFile(rivertonFile);
    const hostile = (t: string) => t.replaceAll('violent felony', 'vio\u200Blent\u2060 \u202Efelony\u202C');
    const o: Ordinance = {
      ...riverton,
      definitions: riverton.definitions!.map((d) => ({ ...d, term: hostile(d.term) })),
      sections: JSON.parse(hostile(JSON.stringify(riverton.sections))) as Ordinance['sections'],
    };
    const csv = decisionTableCsv(decisionTable(o));
    expect(JSON.stringify(o)).toMatch(HIDDEN);
    expect(csv).toContain('Convictions: violent \uFFFDfelony\uFFFD');
    expect(csv).not.toMatch(HIDDEN);
  });

  it('a case set written as CSV keeps every character of an offense, and reads back the same', () => {
    const cases = generateCases({ count: 3, seed: 7 });
    const hostile = cases.map((c, i) => ({
      ...c,
      currentCharges: (c.currentCharges ?? []).map((ch) => ({
        ...ch,
        offense: i === 0 ? `Assa\u200Bult\uFEFF 3rd` : `\u0645\u06cc\u200c\u062e ${ch.offense}`,
      })),
    }));
    const set = readCaseSet(casesToCsv(hostile), 'csv');
    const again = { cases: Array.from({ length: set.table.length }, (_, i) => bookingCaseAt(set.table, i)) };
    const offenses = (set: { cases: readonly { currentCharges?: readonly { offense?: string }[] }[] }) =>
      set.cases.flatMap((c) => (c.currentCharges ?? []).map((ch) => ch.offense));
    expect(offenses(again)).toEqual(offenses({ cases: hostile }));
    expect(offenses(again).join()).toContain('Assa\u200Bult\uFEFF 3rd');
  });
});
