// The "did you mean" helper both the engine's messages (one guess) and `fix --code` (up to three codes)
// use: closest first, at most N, within the typo limit, with a candidate containing the word as an option.
import { describe, expect, it } from 'vitest';
import { didYouMean, nearCandidates } from '../../engine/diagnostics';

describe('nearCandidates', () => {
  const codes = ['provision-shadowed', 'hold-without-maximum', 'hold-without-judicial-warrant', 'hold-without-conviction'];
  it('gives the closest first, ties in the candidates’ order, at most the number asked', () => {
    // 'outcome' is one edit away, 'outcomes' and 'outcme' two (a tie, in the order given), 'income' four (beyond the limit).
    const candidates = ['income', 'outcomes', 'outcme', 'outcome'];
    expect(nearCandidates('outcom', candidates, { max: 4 })).toEqual(['outcome', 'outcomes', 'outcme']);
    expect(nearCandidates('outcom', candidates, { max: 2 })).toEqual(['outcome', 'outcomes']);
    expect(nearCandidates('outcom', candidates)).toEqual(['outcome']);
    expect(nearCandidates('outcom', [])).toEqual([]);
  });
  it('ignores case and keeps the candidate as written', () => {
    expect(nearCandidates('CASES', ['Case', 'cases'])).toEqual(['cases']);
    expect(nearCandidates('facilty', ['North Facility', 'Facility'])).toEqual(['Facility']);
  });
  it('a candidate containing the word (3 letters or more) is nearest of all only when asked', () => {
    expect(nearCandidates('shadowed', codes, { max: 3, containing: true })).toEqual(['provision-shadowed']);
    expect(nearCandidates('shadowed', codes, { max: 3 })).toEqual([]);
    expect(nearCandidates('hold-without', codes, { max: 3, containing: true })).toEqual(codes.slice(1));
    // Two letters are not a word a code is known by.
    expect(nearCandidates('ho', codes, { max: 3, containing: true })).toEqual([]);
  });
  it('the typo limit is a third of the longer of word and candidate, or of the word alone', () => {
    // 'hold-maximum' is 8 edits from 'hold-without-maximum', beyond a third of its 20 letters (6).
    expect(nearCandidates('hold-maximum', codes, { max: 3 })).toEqual([]);
    // 'hld-wthut-mxmm' (14 letters) is 6 edits away: within a third of the code's 20 letters, not of its own 14 (4).
    expect(nearCandidates('hld-wthut-mxmm', codes)).toEqual(['hold-without-maximum']);
    expect(nearCandidates('hld-wthut-mxmm', codes, { limitOf: 'word' })).toEqual([]);
    // Two letters wrong at least, however short the word.
    expect(nearCandidates('ab', ['xy', 'xyz'], { max: 2, limitOf: 'word' })).toEqual(['xy']);
  });
  it('names nothing for a word of more than 200 characters', () => {
    expect(nearCandidates('a'.repeat(201), ['a'.repeat(201)])).toEqual([]);
    expect(nearCandidates('a'.repeat(200), ['a'.repeat(200)])).toEqual(['a'.repeat(200)]);
  });
  it('didYouMean is its one closest candidate', () => {
    expect(didYouMean('outcom', ['income', 'outcome'])).toBe('outcome');
    expect(didYouMean('zzzzzz', ['outcome'])).toBeUndefined();
  });
});
