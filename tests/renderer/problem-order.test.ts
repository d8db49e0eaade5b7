// The Problems panel's order: errors first, then warnings, then notes, silenced findings last; each by place.
import { describe, expect, it } from 'vitest';
import { problemCounts, problemOrder } from '../../renderer/src/problems/problem-order';

type Finding = { severity: 'error' | 'warning' | 'info'; line: number; column: number; code: string; suppressed?: string };

const f = (severity: Finding['severity'], line: number, column: number, code: string, suppressed?: string): Finding => ({
  severity,
  line,
  column,
  code,
  ...(suppressed ? { suppressed } : {}),
});

describe('problemOrder', () => {
  it('lists errors before warnings before notes, whatever their lines', () => {
    const found = [
      f('warning', 3, 1, 'w3'),
      f('info', 4, 1, 'i4'),
      f('error', 9, 5, 'e9'),
      f('warning', 12, 1, 'w12'),
      f('error', 20, 1, 'e20'),
    ];
    expect(problemOrder(found).map((d) => d.code)).toEqual(['e9', 'e20', 'w3', 'w12', 'i4']);
  });

  it('keeps the document order within a severity, by line then column, and the given order on the same place', () => {
    const found = [f('error', 8, 9, 'late'), f('error', 8, 2, 'early'), f('error', 2, 40, 'first'), f('error', 8, 2, 'early-too')];
    expect(problemOrder(found).map((d) => d.code)).toEqual(['first', 'early', 'early-too', 'late']);
  });

  it('puts the findings the drafters silenced after every active one', () => {
    const found = [f('warning', 1, 1, 'silenced', 'accepted by counsel'), f('info', 30, 1, 'note'), f('warning', 10, 1, 'live')];
    expect(problemOrder(found).map((d) => d.code)).toEqual(['live', 'note', 'silenced']);
  });

  it('leaves the list it was given as it was', () => {
    const found = [f('warning', 1, 1, 'w'), f('error', 2, 1, 'e')];
    problemOrder(found);
    expect(found.map((d) => d.code)).toEqual(['w', 'e']);
  });
});

describe('problemCounts', () => {
  it('counts what is in force and says how many of each kind are silenced, so a silenced row is not read as a miscount', () => {
    // A silenced warning is listed (in italics, last) but is not one of the warnings in force.
    expect(problemCounts([f('warning', 3, 1, 'w3', 'the statute says so')])).toBe('0 errors, 0 warnings (1 silenced)');
    expect(
      problemCounts([
        f('error', 1, 1, 'e1'),
        f('warning', 2, 1, 'w2'),
        f('warning', 3, 1, 'w3', 'accepted'),
        f('warning', 4, 1, 'w4', 'accepted'),
        f('info', 5, 1, 'i5'),
        f('info', 6, 1, 'i6'),
      ]),
    ).toBe('1 error, 1 warning (2 silenced), 2 notes');
    expect(problemCounts([f('error', 1, 1, 'e1', 'accepted'), f('info', 5, 1, 'i5', 'accepted')])).toBe(
      '0 errors (1 silenced), 0 warnings, 0 notes (1 silenced)',
    );
  });

  it('names notes only when there are some, and nothing silenced when nothing is', () => {
    expect(problemCounts([])).toBe('0 errors, 0 warnings');
    expect(problemCounts([f('error', 1, 1, 'e1'), f('error', 2, 1, 'e2'), f('warning', 3, 1, 'w3')])).toBe('2 errors, 1 warning');
  });
});
