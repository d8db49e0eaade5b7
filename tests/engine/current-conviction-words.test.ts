// A test of the conviction for the current custody says every part the logic reads: its look-back
// window (a current conviction is usually dated after the request, so outside a window that ends
// on the request's date) and its count, as a test of any conviction does.
import { describe, expect, it } from 'vitest';
import { conditionWords } from '../../engine/wording';
import { caseTable, compile } from '../../engine/index';
import { prepared, validOrdinance } from './helpers';

describe('the words of a current-custody conviction test', () => {
  const violent = { classes: ['felony' as const], categories: ['violent'], current: true };
  it('says its window and its count', () => {
    expect(conditionWords({ conviction: { ...violent, within: { years: 5, of: 'request' } } })).toBe(
      'the person is in custody on a conviction for a felony in the category violent, convicted within the five years before the date of the detainer request',
    );
    expect(conditionWords({ conviction: { ...violent, within: { years: 5, of: 'arrest' } } }, true)).toBe(
      'the person is not in custody on a conviction for a felony in the category violent, convicted within the five years before the current arrest',
    );
    expect(conditionWords({ conviction: { ...violent, atLeast: 2 } })).toBe(
      'the person is in custody on two or more convictions for felonies in the category violent',
    );
    // Without a window or a count, as before.
    expect(conditionWords({ conviction: violent })).toBe('the person is in custody on a conviction for a felony in the category violent');
  });

  it('as the engine decides: a current conviction dated after the request is not "convicted within the five years before" it', () => {
    const text = `title: T\njurisdiction: { name: Testville, state: NM, level: city }\nsections:\n  - heading: D\n    provisions:\n      - id: serving\n        when: { conviction: { classes: [felony], current: true, within: { years: 5, of: request } } }\n        outcome: notify\notherwise: decline\n`;
    const policy = compile(validOrdinance(text));
    const at = (convictedOn: string) => {
      const c = prepared({
        id: convictedOn,
        age: 40,
        bookedAt: '2024-03-01T09:00',
        eligibleForReleaseAt: '2024-06-01T10:00',
        detainer: { requests: ['notify'], issuedAt: '2024-03-02T12:00', judicialWarrant: false, administrativeWarrant: true },
        convictions: [{ offense: 'burglary', class: 'felony', convictedOn, current: true }],
      });
      return policy.explain(caseTable([c]), 0).outcome;
    };
    expect(at('2024-03-02')).toBe('notify');
    expect(at('2024-04-15')).toBe('decline');
  });
});
