// The case table's words for a charge or a conviction name the offense as the file holds it, with a
// direction override or a character that does not show written as an escape: a jail's export may
// carry one in an offense name, which the readers keep (it is the offense's key).

import { describe, expect, it } from 'vitest';
import { offenseWords } from '../../renderer/src/simulation/case-rows';
import { CLASS_BY_RANK } from '../../engine/vocabulary';

describe('offense words', () => {
  const felony = CLASS_BY_RANK.indexOf('felony');
  it('an offense name with a zero-width space or an override is shown with escapes; a Persian name as it is', () => {
    expect(offenseWords(['rob\u200Bbery', 'x\u202Eyz', '\u0645\u06cc\u200c\u062e'], 0, felony)).toBe('rob\\u200bbery (felony)');
    expect(offenseWords(['rob\u200Bbery', 'x\u202Eyz', '\u0645\u06cc\u200c\u062e'], 1, felony)).toBe('x\\u202eyz (felony)');
    expect(offenseWords(['rob\u200Bbery', 'x\u202Eyz', '\u0645\u06cc\u200c\u062e'], 2, felony)).toBe('\u0645\u06cc\u200c\u062e (felony)');
  });
});
