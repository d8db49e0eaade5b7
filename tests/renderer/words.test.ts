// The words the form shows for coded values.
import { describe, expect, it } from 'vitest';
import { choiceWords, words } from '../../renderer/src/lib/words';

describe('choiceWords', () => {
  it('reads a code as words with a capital', () => {
    expect(choiceWords('gangDatabase')).toBe('Listed in the gang database');
    expect(choiceWords('later-of-conviction-and-release')).toBe('Whichever is later');
    expect(choiceWords('some-new-code')).toBe('Some new code');
  });

  it('keeps a time zone as it is written, its underscores read as spaces', () => {
    expect(choiceWords('America/New_York')).toBe('America/New York');
    expect(choiceWords('Pacific/Honolulu')).toBe('Pacific/Honolulu');
    expect(choiceWords('America/Indiana/Indianapolis')).toBe('America/Indiana/Indianapolis');
    expect(words('America/New_York')).toBe('america/new_york');
  });
});
