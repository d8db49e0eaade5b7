// The zero-width non-joiner and joiner are invisible characters only where they join nothing: between
// two letters of a script spelt with them (Persian, Hindi) or, the joiner, between two emoji, they are
// part of the text, kept by every export, not warned of, and shown as they are where text is quoted.

import { describe, expect, it } from 'vitest';
import { escapeUnsafe, invisibleCharacterIndex, terminalText, visibleText, withoutInvisible } from '../../engine/text-safety';
import { xmlSafe } from '../../engine/xml-safe';

const persian = 'می\u200Cخواهم';
const hindi = 'क्\u200Dष';
const family = '👨\u200D👩\u200D👧';
const judge = '👩\u200D⚖️';

describe('joiners', () => {
  it('a joiner between letters of Persian or Hindi, or between emoji, is kept and not flagged', () => {
    for (const s of [persian, hindi, 'क्\u200Cष', family, judge, '👩🏽\u200D💻', `${persian} ${family}`]) {
      expect(invisibleCharacterIndex(s), s).toBe(-1);
      expect(withoutInvisible(s)).toBe(s);
      expect(xmlSafe(s)).toBe(s);
      expect(visibleText(s)).toBe(s);
      expect(escapeUnsafe(s)).toBe(s);
    }
  });

  it('a joiner in Latin text, at an edge, between two scripts or (the non-joiner) between emoji is invisible', () => {
    for (const [s, at, without] of [
      ['fel\u200Dony', 3, 'felony'],
      ['\u200Cمی', 0, 'می'],
      ['می\u200C', 2, 'می'],
      ['م\u200Cक', 1, 'مक'],
      ['👨\u200C👩', 2, '👨👩'],
      ['a\u200D👩', 1, 'a👩'],
      ['می\u200C\u200Cخ', 2, 'میخ'],
    ] as const) {
      expect(invisibleCharacterIndex(s), s).toBe(at);
      expect(withoutInvisible(s)).toBe(without);
      expect(xmlSafe(s)).toBe(without);
      expect(terminalText(s)).toMatch(/\\u200[cd]/);
    }
  });

  it('xmlSafe replaces the unsafe characters text-safety defines, lone surrogates and U+FFFE, and keeps tab, line breaks and pairs', () => {
    expect(xmlSafe('a\u0001b\u007fc\u0085d\u202Ee\u2069f\uFFFEg\uD800h\uDC00i')).toBe(
      'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh\uFFFDi',
    );
    expect(xmlSafe('a\tb\nc\r\nd 😀 \u05e9')).toBe('a\tb\nc\r\nd 😀 \u05e9');
    expect(xmlSafe('x\u200By\uFEFF')).toBe('xy');
  });
});
