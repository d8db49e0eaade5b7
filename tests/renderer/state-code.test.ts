// The form's State field takes what a person types for a state: its name as well as its code.
import { describe, expect, it } from 'vitest';
import { STATE_NAMES, stateCodeOf } from '../../engine/states';

describe('stateCodeOf', () => {
  it('reads every state, DC and territory by its name, in any case and with or without its "the"', () => {
    for (const [code, name] of Object.entries(STATE_NAMES)) {
      expect(stateCodeOf(name)).toBe(code);
      expect(stateCodeOf(` ${name.toUpperCase()} `)).toBe(code);
      expect(stateCodeOf(name.replace(/^the /, ''))).toBe(code);
    }
    expect(stateCodeOf('Oregon')).toBe('OR');
    expect(stateCodeOf('new  jersey')).toBe('NJ');
    expect(stateCodeOf('District of Columbia')).toBe('DC');
  });

  it('keeps a code, upper-cased, and leaves anything else for the schema to refuse', () => {
    expect(stateCodeOf('or')).toBe('OR');
    expect(stateCodeOf('NJ')).toBe('NJ');
    expect(stateCodeOf('Oregonia')).toBe('OREGONIA');
    expect(stateCodeOf('')).toBe('');
  });
});
