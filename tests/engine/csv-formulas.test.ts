// A cell that starts with = + - or @ (or a tab or return) is run as a formula by Excel and LibreOffice
// Calc: every CSV the project writes puts an apostrophe before such a cell, and the project's own CSV
// reader takes it away again, so a case set written and read back holds what it held.

import { describe, expect, it } from 'vitest';
import { casesToCsv } from '../../engine/case-csv';
import { csvField, readCsv, unguardedCell } from '../../engine/csv';
import { generateCases } from '../../engine/generate';
import { readCaseSet, type BookingCase } from '../../engine/index';

const HOSTILE = ['=HYPERLINK("http://x","y")', '@SUM(1)', "+1+cmd|' /C calc'!A0", '-2+3', '=1+1', "'=already", "''@twice"];

function cellsOf(csv: string): string[] {
  const cells: string[] = [];
  readCsv(csv, (r) => cells.push(...r.fields));
  return cells;
}

describe('CSV cells a spreadsheet would run as formulas', () => {
  it('are written after an apostrophe, quoted where they must be', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField("'=x")).toBe("''=x");
  });

  it('leave plain numbers and ordinary text as they are', () => {
    for (const v of ['-5', '+1.5', '-0.25e3', '12', 'plain', "it's", "'quoted'", '', 'a=b', 'x-1']) expect(csvField(v)).toBe(v);
  });

  it('read back as written: unguardedCell undoes csvField', () => {
    for (const v of [...HOSTILE, '-5', "'plain", 'text']) expect(unguardedCell(cellsOf(csvField(v))[0]!)).toBe(v);
  });

  it('in a case set: no cell starts a formula, and the set reads back the same', () => {
    const base = generateCases({ count: 8, seed: 3 });
    const cases: BookingCase[] = base.map((c, i) => {
      const text = HOSTILE[i % HOSTILE.length]!;
      return {
        ...c,
        id: `${text}#${i}`,
        currentCharges: (c.currentCharges ?? []).map((ch) => ({ ...ch, offense: text })),
        convictions: (c.convictions ?? []).map((cv) => ({ ...cv, offense: `${text} conviction` })),
      };
    });
    const csv = casesToCsv(cases);
    for (const cell of cellsOf(csv)) expect(/^[=+\-@\t\r]/.test(cell) && !/^[+-]?[\d.]+$/.test(cell), cell).toBe(false);
    const again = readCaseSet(csv, 'csv');
    expect(again.problems).toEqual([]);
    expect(again.cases).toHaveLength(8);
    const plain = readCaseSet(JSON.stringify(cases), 'json');
    expect(again.cases.map((c) => c.id)).toEqual(plain.cases.map((c) => c.id));
    expect(JSON.stringify(again.cases)).toBe(JSON.stringify(plain.cases));
  });
});
