// The terminal's character set is the engine's (engine/text-safety.ts), defined once: every character
// the engine calls unsafe or invisible is printed as an escape, every other is printed as it is.

import { describe, expect, it } from 'vitest';
import { terminalText } from '../../cli/output';
import { escapeUnsafe, isInvisibleCharCode, isUnsafeCharCode } from '../../engine/text-safety';

describe('terminalText', () => {
  it('escapes exactly the characters the engine calls unsafe or invisible (tab and line feed kept)', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c === 0x0d || (c >= 0xd800 && c <= 0xdfff)) continue;
      const ch = String.fromCharCode(c);
      const want = isUnsafeCharCode(c, true) || isInvisibleCharCode(c) ? `\\u${c.toString(16).padStart(4, '0')}` : ch;
      if (terminalText(`a${ch}b`) !== `a${want}b`) differ.push(c);
    }
    expect(differ.map((c) => c.toString(16))).toEqual([]);
  });

  it('shows the zero-width characters and the direction marks that hide in a name', () => {
    expect(terminalText('vio\u200blent fel\u200dony\u2060 \u200e\u200f\ufeff\u200c')).toBe(
      'vio\\u200blent fel\\u200dony\\u2060 \\u200e\\u200f\\ufeff\\u200c',
    );
  });

  it('keeps a carriage return before a line feed or at the end, escapes one that writes over a line', () => {
    expect(terminalText('a\r\nb\r')).toBe('a\r\nb\r');
    expect(terminalText('safe\rEVIL')).toBe('safe\\u000dEVIL');
  });

  it('quotes as messages do: the same escapes', () => {
    const s = 'id\u200b-\u202e-\u001b';
    expect(terminalText(s)).toBe(escapeUnsafe(s));
  });
});
