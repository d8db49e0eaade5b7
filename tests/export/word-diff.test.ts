// The difference algorithms under the redline: an edit script that really turns one sequence into
// the other, as short as the longest common subsequence allows, and readable word-level changes.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSequences, diffWords, tokenize } from '../../engine/export/index';

function lcsLength(a: readonly number[], b: readonly number[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

describe('diffSequences', () => {
  it('gives an edit script that rebuilds both sequences and keeps a longest common subsequence', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 }),
        (a, b) => {
          const steps = diffSequences(a, b);
          expect(steps.filter((s) => s.op !== 'insert').map((s) => a[s.a])).toEqual(a);
          expect(steps.filter((s) => s.op !== 'delete').map((s) => b[s.b])).toEqual(b);
          for (const s of steps) if (s.op === 'equal') expect(a[s.a]).toBe(b[s.b]);
          expect(steps.filter((s) => s.op === 'equal').length).toBe(lcsLength(a, b));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('handles long sequences with a short difference quickly', () => {
    const a = Array.from({ length: 20000 }, (_, i) => i % 97);
    const b = [...a.slice(0, 9000), 1000, ...a.slice(9001)];
    const t0 = performance.now();
    const steps = diffSequences(a, b);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(steps.filter((s) => s.op !== 'equal')).toEqual([
      { op: 'delete', a: 9000, b: 9000 },
      { op: 'insert', a: 9001, b: 9000 },
    ]);
  });
});

describe('diffWords', () => {
  it('keeps words such as "I-200", "54-192h" and "U.S" whole', () => {
    expect(tokenize('form I-200 under 54-192h, U.S. law').filter((t) => t.trim())).toEqual([
      'form',
      'I-200',
      'under',
      '54-192h',
      ',',
      'U.S',
      '.',
      'law',
    ]);
  });

  it('rebuilds both texts from its segments', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('hold', 'the', 'person', 'for', '48', 'hours,', 'notify', 'ICE', '(a)'), { maxLength: 30 }),
        fc.array(fc.constantFrom('hold', 'the', 'person', 'for', '24', 'hours,', 'decline', '(b)'), { maxLength: 30 }),
        (x, y) => {
          const before = x.join(' ');
          const after = y.join(' ');
          const segments = diffWords(before, after);
          expect(
            segments
              .filter((s) => s.op !== 'insert')
              .map((s) => s.text)
              .join(''),
          ).toBe(before);
          expect(
            segments
              .filter((s) => s.op !== 'delete')
              .map((s) => s.text)
              .join(''),
          ).toBe(after);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a change of several nearby words as one deletion and one insertion', () => {
    expect(
      diffWords(
        'may honor a civil immigration detainer by holding the person',
        'shall decline a civil immigration detainer and shall not hold the person',
      ),
    ).toEqual([
      { op: 'delete', text: 'may honor' },
      { op: 'insert', text: 'shall decline' },
      { op: 'equal', text: ' a civil immigration detainer ' },
      { op: 'delete', text: 'by holding' },
      { op: 'insert', text: 'and shall not hold' },
      { op: 'equal', text: ' the person' },
    ]);
  });
});
