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
    // On the escape itself, not at the value's start.
    const at = hostile.indexOf('\\u200B');
    expect(d.line).toBe(lineOf(hostile, '\\u200B'));
    expect(d.column).toBe(at - hostile.lastIndexOf('\n', at));
    expect([d.endLine, d.endColumn]).toEqual([d.line, d.column + 6]);
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

  it('placed on the character written as it is, past an escaped backslash, or on a later line of a long text', () => {
    const finding = boston.match(/\n {2}- text: ([^\n]+)/)![1]!;
    const cases: [string, string][] = [
      // A plain value, the character written as it is.
      [`- text: ${finding}`, `- text: ${finding.slice(0, 20)}\u200B${finding.slice(20)}`],
      // A double-quoted value: "\\u200B" is a backslash and "u200B", the character is the escape after it.
      [`- text: ${finding}`, `- text: "${finding.slice(0, 10)}\\\\u200B ${finding.slice(10, 20)}\\u2060${finding.slice(20)}"`],
      // A folded block: the character on its third line.
      [`- text: ${finding}`, `- text: >-\n      one line\n      two line\n      three\u200Bline`],
    ];
    for (const [from, to] of cases) {
      const hostile = boston.replace(from, to);
      const d = checkDocument(hostile, { examples: false }).diagnostics.find((x) => x.code === 'invisible-character')!;
      const at = Math.max(hostile.indexOf('\u200B'), hostile.indexOf('\\u2060'));
      expect(d, to).toBeDefined();
      expect([d.line, d.column], to).toEqual([hostile.slice(0, at).split('\n').length, at - hostile.lastIndexOf('\n', at)]);
      const fixed = applyQuickFix(hostile, d.fixes![0]!);
      expect(checkDocument(fixed, { examples: false }).diagnostics.filter((x) => x.code === 'invisible-character')).toEqual([]);
    }
  });

  it('a control character is an error placed on its escape', () => {
    const hostile = boston.replace('  - term: civil immigration detainer', '  - term: "civil immigration\\e[31m detainer"');
    const d = checkDocument(hostile, { examples: false }).diagnostics.find((x) => x.code === 'unsafe-character')!;
    const at = hostile.indexOf('\\e[31m');
    expect([d.line, d.column, d.endColumn]).toEqual([
      lineOf(hostile, '\\e[31m'),
      at - hostile.lastIndexOf('\n', at),
      at - hostile.lastIndexOf('\n', at) + 2,
    ]);
  });

  it('a Persian term spelt with a non-joiner, a Hindi one with a joiner and an emoji sequence are not warned of', () => {
    const hostile = boston
      .replace('  - term: civil immigration detainer', '  - term: "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"')
      .replace(/\n {2}- heading: [^\n]+/, (h) => `${h.slice(0, -3)} क्\u200Dष 👨\u200D👩\u200D👧`);
    expect(hostile).toContain('\u200c');
    expect(checkDocument(hostile, { examples: false }).diagnostics.filter((x) => x.code === 'invisible-character')).toEqual([]);
  });

  it('a document without them has no such warning', () => {
    expect(checkDocument(boston, { examples: false }).diagnostics.filter((x) => x.code === 'invisible-character')).toEqual([]);
  });
});
