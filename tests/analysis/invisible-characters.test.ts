// Characters that do not show (zero-width spaces and joiners, the word joiner, U+FEFF, the direction
// marks) in a name, a defined term or a heading: two names that differ by one look the same, and a
// term can look defined when it is not. The check warns where the character is, with a quick fix that
// removes it; a term reference that is a defined term but for them is said to be so, its quoted
// name showing them as escapes.

import { describe, expect, it } from 'vitest';
import { applyQuickFix, checkDocument } from '../../engine/analysis/index';
import { readRepoFile } from './helpers';

const boston = readRepoFile('samples/ordinances/boston-serious-felony-partition-2011.ordinance.yaml');

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('invisible characters in names and terms', () => {
  it('a heading holding U+200B: a warning at its line, fixed by removing it', () => {
    const heading = boston.match(/\n {2}- heading: ([^\n]+)/)![1]!;
    const hostile = boston.replace(`- heading: ${heading}`, `- heading: "${heading.slice(0, 3)}\\u200B${heading.slice(3)}"`);
    const check = checkDocument(hostile, { examples: false });
    const found = check.diagnostics.filter((d) => d.code === 'invisible-character');
    expect(found).toHaveLength(1);
    const d = found[0]!;
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('U+200B ZERO WIDTH SPACE (character 4)');
    expect(d.line).toBe(lineOf(hostile, '\\u200B'));
    expect(d.column).toBeGreaterThan(1);
    expect(check.ordinance).toBeDefined();
    const fixed = applyQuickFix(hostile, d.fixes![0]!);
    expect(fixed).not.toMatch(/\u200b|\\u200B/);
    expect(checkDocument(fixed, { examples: false }).diagnostics.filter((x) => x.code === 'invisible-character')).toEqual([]);
  });

  it('each invisible character is named, in any text (a defined term, a meaning)', () => {
    for (const [c, name] of [
      ['\u200c', 'ZERO WIDTH NON-JOINER'],
      ['\u200d', 'ZERO WIDTH JOINER'],
      ['\u200e', 'LEFT-TO-RIGHT MARK'],
      ['\u200f', 'RIGHT-TO-LEFT MARK'],
      ['\u2060', 'WORD JOINER'],
      ['\ufeff', 'ZERO WIDTH NO-BREAK SPACE'],
    ] as const) {
      const esc = `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`;
      const hostile = boston.replace('  - term: civil immigration detainer', `  - term: "civil${esc} immigration detainer"`);
      const d = checkDocument(hostile, { examples: false }).diagnostics.find((x) => x.code === 'invisible-character');
      expect(d?.message, name).toContain(name);
      expect(d?.path).toEqual(['definitions', 1, 'term']);
    }
  });

  it('a term used that is a defined term but for a zero-width space: said so, its name shown with \\u200b, fixed to the term', () => {
    const at = boston.indexOf('conviction: { term: serious felony }');
    const hostile =
      boston.slice(0, at) +
      'conviction: { term: "serious\\u200B felony" }' +
      boston.slice(at + 'conviction: { term: serious felony }'.length);
    const check = checkDocument(hostile, { examples: false });
    const d = check.diagnostics.find((x) => x.code === 'undefined-term')!;
    expect(d.message).toBe(
      '"serious\\u200b felony" is not a defined term: it holds characters that do not show, and without them it is "serious felony"; remove them',
    );
    expect(d.fixes![0]!.title).toBe('Use the defined term "serious felony"');
    const fixed = applyQuickFix(hostile, d.fixes![0]!);
    expect(fixed).toBe(boston.replace('conviction: { term: serious felony }', 'conviction: { term: "serious felony" }'));
    expect(checkDocument(fixed, { examples: false }).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('a document without them has no such warning', () => {
    expect(checkDocument(boston, { examples: false }).diagnostics.filter((x) => x.code === 'invisible-character')).toEqual([]);
  });
});
