// The Problems panel's order: errors first, then warnings, then notes, silenced findings last; each by place.
import { describe, expect, it } from 'vitest';
import { problemOrder } from '../../renderer/src/problems/problem-order';

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
