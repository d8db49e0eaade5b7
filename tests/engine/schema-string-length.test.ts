// The generated validators count a string's length in code points, as JSON Schema does: scripts/build.mjs
// reads `minLength: 1` as "not empty" and counts code points with its own loop (not the iterator).

import { describe, expect, it } from 'vitest';
import { caseValidator, ordinanceValidator } from '../../engine/generated/validators.js';

/** The keywords of the errors a validator gives at one path. */
function keywordsAt(validate: typeof caseValidator, data: unknown, path: string): string[] {
  validate(data);
  return (validate.errors ?? []).filter((e) => e.instancePath === path).map((e) => e.keyword);
}

const withId = (id: string) => ({ id });

describe('string lengths in the generated validators', () => {
  it('rejects an empty string where minLength is 1, and only an empty one', () => {
    expect(keywordsAt(caseValidator, withId(''), '/id')).toEqual(['minLength']);
    expect(keywordsAt(caseValidator, withId('B'), '/id')).toEqual([]);
    expect(keywordsAt(caseValidator, withId(' '), '/id')).toEqual([]);
    expect(keywordsAt(caseValidator, withId('\u{1F600}'), '/id')).toEqual([]);
    expect(keywordsAt(caseValidator, withId('\uD800'), '/id')).toEqual([]);
    const term = (t: string) => ({ title: 'T', definitions: [{ term: t, meaning: 'm' }] });
    expect(keywordsAt(ordinanceValidator, term(''), '/definitions/0/term')).toEqual(['minLength']);
    expect(keywordsAt(ordinanceValidator, term('a'), '/definitions/0/term')).toEqual([]);
  });

  it('counts a surrogate pair as one character and a lone surrogate as one (maxLength 200)', () => {
    const astral = '\u{1F600}';
    expect(keywordsAt(caseValidator, withId(astral.repeat(200)), '/id')).toEqual([]);
    expect(keywordsAt(caseValidator, withId(astral.repeat(201)), '/id')).toEqual(['maxLength']);
    expect(keywordsAt(caseValidator, withId('\uD800'.repeat(200)), '/id')).toEqual([]);
    expect(keywordsAt(caseValidator, withId('\uDC00'.repeat(201)), '/id')).toEqual(['maxLength']);
    // A low surrogate before a high one is two characters; the high one then pairs with what follows.
    expect(keywordsAt(caseValidator, withId(`\uDC00\uD800${'x'.repeat(198)}`), '/id')).toEqual([]);
    expect(keywordsAt(caseValidator, withId(`\uDC00${astral}${'x'.repeat(198)}`), '/id')).toEqual([]);
    expect(keywordsAt(caseValidator, withId(`\uDC00\uD800${'x'.repeat(199)}`), '/id')).toEqual(['maxLength']);
    expect(keywordsAt(caseValidator, withId('x'.repeat(200)), '/id')).toEqual([]);
    expect(keywordsAt(caseValidator, withId('x'.repeat(201)), '/id')).toEqual(['maxLength']);
  });
});
