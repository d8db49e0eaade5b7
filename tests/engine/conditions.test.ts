// Every condition kind at its boundaries, through the real compiler.
import { describe, expect, it } from 'vitest';
import { RECORD_KEYS } from '../../engine/model';
import { bookingCase, conviction, decide, holds, policyWith } from './helpers';

describe('age', () => {
  it('atLeast 18 is true at exactly 18 and false at 17', () => {
    expect(holds({ age: { atLeast: 18 } }, bookingCase({ age: 18 }))).toBe(true);
    expect(holds({ age: { atLeast: 18 } }, bookingCase({ age: 17 }))).toBe(false);
  });
  it('under 18 is false at exactly 18', () => {
    expect(holds({ age: { under: 18 } }, bookingCase({ age: 18 }))).toBe(false);
    expect(holds({ age: { under: 18 } }, bookingCase({ age: 17 }))).toBe(true);
  });
  it('a range includes its lower bound and excludes its upper', () => {
    const when = { age: { atLeast: 18, under: 65 } };
    expect([17, 18, 64, 65].map((age) => holds(when, bookingCase({ age })))).toEqual([false, true, true, false]);
  });
});

describe('detainer paperwork and requests', () => {
  it('reads the judicial and administrative warrants', () => {
    expect(holds({ judicialWarrant: true }, bookingCase({ detainer: { judicialWarrant: true } }))).toBe(true);
    expect(holds({ judicialWarrant: true }, bookingCase({ detainer: { administrativeWarrant: true } }))).toBe(false);
    expect(holds({ administrativeWarrant: false }, bookingCase())).toBe(true);
  });
  it('reads what ICE requested', () => {
    expect(holds({ requested: 'hold' }, bookingCase({ detainer: { requests: ['notify'] } }))).toBe(false);
    expect(holds({ requested: 'notify' }, bookingCase({ detainer: { requests: ['notify'] } }))).toBe(true);
  });
  it('reads the reimbursement agreement from the scenario', () => {
    expect(holds({ reimbursementAgreement: true }, bookingCase(), {}, { reimbursementAgreement: true })).toBe(true);
    expect(holds({ reimbursementAgreement: true }, bookingCase(), {}, {})).toBe(false);
  });
});

describe('convictions', () => {
  const violent = { conviction: { term: 'violent felony' } };
  it('match the defined term by class and category', () => {
    expect(holds(violent, bookingCase({ convictions: [conviction()] }))).toBe(true);
    expect(holds(violent, bookingCase({ convictions: [conviction({ categories: ['property'] })] }))).toBe(false);
    expect(holds(violent, bookingCase({ convictions: [conviction({ class: 'misdemeanor' })] }))).toBe(false);
    expect(holds(violent, bookingCase())).toBe(false);
  });
  it('match degrees', () => {
    const when = { conviction: { term: 'first- or second-degree felony' } };
    expect(holds(when, bookingCase({ convictions: [conviction({ degree: 2 })] }))).toBe(true);
    expect(holds(when, bookingCase({ convictions: [conviction({ degree: 3 })] }))).toBe(false);
    expect(holds(when, bookingCase({ convictions: [conviction({ degree: undefined })] }))).toBe(false);
  });
  it('match inline filters, and a bare conviction test means any conviction', () => {
    expect(holds({ conviction: { classes: ['misdemeanor'] } }, bookingCase({ convictions: [conviction({ class: 'misdemeanor' })] }))).toBe(
      true,
    );
    expect(holds({ conviction: {} }, bookingCase({ convictions: [conviction({ class: 'infraction', categories: [] })] }))).toBe(true);
    expect(holds({ conviction: {} }, bookingCase())).toBe(false);
  });
  it('exclude juvenile adjudications by default, count them when the ordinance says so', () => {
    const c = bookingCase({ convictions: [conviction({ juvenile: true })] });
    expect(holds(violent, c)).toBe(false);
    expect(holds(violent, c, { juvenileAdjudications: 'counted' })).toBe(true);
    expect(holds({ conviction: { term: 'violent felony', includeJuvenile: true } }, c)).toBe(true);
  });
  it('count: two or more', () => {
    const when = { conviction: { term: 'serious traffic offense', atLeast: 2 } };
    const dui = (d: string) => conviction({ offense: 'DUI', class: 'misdemeanor', categories: ['dui', 'serious-traffic'], convictedOn: d });
    expect(holds(when, bookingCase({ convictions: [dui('2010-01-01')] }))).toBe(false);
    expect(holds(when, bookingCase({ convictions: [dui('2010-01-01'), dui('2011-01-01')] }))).toBe(true);
  });
  it('the current-custody conviction', () => {
    const when = { conviction: { term: 'violent felony', current: true } };
    expect(holds(when, bookingCase({ convictions: [conviction()] }))).toBe(false);
    expect(holds(when, bookingCase({ convictions: [conviction({ current: true })] }))).toBe(true);
    const notCurrent = { conviction: { term: 'violent felony', current: false } };
    expect(holds(notCurrent, bookingCase({ convictions: [conviction({ current: true })] }))).toBe(false);
  });
});

describe('look-back windows', () => {
  // The request is 2012-06-06; ten years back is 2002-06-06.
  const within10 = { conviction: { term: 'violent felony', within: { years: 10 } } };
  it('include the last day of the window and exclude the day before', () => {
    expect(holds(within10, bookingCase({ convictions: [conviction({ convictedOn: '2002-06-06' })] }))).toBe(true);
    expect(holds(within10, bookingCase({ convictions: [conviction({ convictedOn: '2002-06-05' })] }))).toBe(false);
  });
  it('count from the current arrest when asked, not the request', () => {
    // Arrest 2012-06-01 (window from 2002-06-01); request 2012-06-06 (window from 2002-06-06).
    const ofArrest = { conviction: { term: 'violent felony', within: { years: 10, of: 'arrest' as const } } };
    const c = bookingCase({ bookedAt: '2012-06-01T09:00', convictions: [conviction({ convictedOn: '2002-06-03' })] });
    expect(holds(ofArrest, c)).toBe(true);
    expect(holds(within10, c)).toBe(false);
  });
  it('measure from release, or whichever of conviction and release is later', () => {
    const old = conviction({ convictedOn: '1998-01-01', releasedOn: '2003-01-01', incarceratedDays: 1826 });
    expect(holds(within10, bookingCase({ convictions: [old] }))).toBe(false);
    expect(
      holds(
        { conviction: { term: 'violent felony', within: { years: 10, measuredFrom: 'release' } } },
        bookingCase({ convictions: [old] }),
      ),
    ).toBe(true);
    expect(
      holds(
        { conviction: { term: 'violent felony', within: { years: 10, measuredFrom: 'later-of-conviction-and-release' } } },
        bookingCase({ convictions: [old] }),
      ),
    ).toBe(true);
    const noRelease = conviction({ convictedOn: '2001-01-01' });
    expect(
      holds(
        { conviction: { term: 'violent felony', within: { years: 10, measuredFrom: 'release' } } },
        bookingCase({ convictions: [noRelease] }),
      ),
    ).toBe(false);
  });
  it('extend the window by time incarcerated when it is excluded', () => {
    // Convicted 2000-06-06, served 1,000 days: without exclusion outside, with exclusion inside
    // (window 2002-06-06 extended back 1,000 days to 1999-09-10).
    const c = bookingCase({ convictions: [conviction({ convictedOn: '2000-06-06', releasedOn: '2003-03-03', incarceratedDays: 1000 })] });
    expect(holds(within10, c)).toBe(false);
    expect(holds({ conviction: { term: 'violent felony', within: { years: 10, excludeTimeIncarcerated: true } } }, c)).toBe(true);
    const justOutside = bookingCase({
      convictions: [conviction({ convictedOn: '1999-09-09', releasedOn: '2002-06-05', incarceratedDays: 1000 })],
    });
    expect(holds({ conviction: { term: 'violent felony', within: { years: 10, excludeTimeIncarcerated: true } } }, justOutside)).toBe(
      false,
    );
  });
});

describe('the arrest-window case worked by hand', () => {
  it('a conviction two days inside a ten-year window from the arrest counts', () => {
    const when = { conviction: { term: 'violent felony', within: { years: 10, of: 'arrest' as const } } };
    const c = bookingCase({ bookedAt: '2012-06-01T09:00', convictions: [conviction({ convictedOn: '2002-06-03' })] });
    expect(holds(when, c)).toBe(true);
    const outside = bookingCase({ bookedAt: '2012-06-01T09:00', convictions: [conviction({ convictedOn: '2002-05-31' })] });
    expect(holds(when, outside)).toBe(false);
  });
});

describe('pending charges, warrants and records', () => {
  const charge = {
    offense: 'burglary',
    class: 'felony' as const,
    categories: ['property'],
    bondPosted: false,
    bondable: true,
    probableCauseFinding: false,
  };
  it('read bond, bondability and probable cause', () => {
    expect(holds({ charge: { classes: ['felony'], bondPosted: false } }, bookingCase({ currentCharges: [charge] }))).toBe(true);
    expect(
      holds({ charge: { classes: ['felony'], bondPosted: false } }, bookingCase({ currentCharges: [{ ...charge, bondPosted: true }] })),
    ).toBe(false);
    expect(holds({ charge: { bondable: false } }, bookingCase({ currentCharges: [charge] }))).toBe(false);
    expect(
      holds({ charge: { probableCauseFinding: true } }, bookingCase({ currentCharges: [{ ...charge, probableCauseFinding: true }] })),
    ).toBe(true);
    expect(holds({ charge: {} }, bookingCase())).toBe(false);
  });
  it('treat a charge as bondable unless it says otherwise', () => {
    expect(holds({ charge: { bondable: true } }, bookingCase({ currentCharges: [{ class: 'misdemeanor' }] }))).toBe(true);
  });
  it('read warrants by kind, court and felony', () => {
    const w = { kind: 'criminal' as const, jurisdiction: 'federal' as const, felony: true };
    expect(holds({ warrant: { kind: 'criminal' } }, bookingCase({ warrants: [w] }))).toBe(true);
    expect(holds({ warrant: { jurisdictions: ['state'] } }, bookingCase({ warrants: [w] }))).toBe(false);
    expect(holds({ warrant: { felony: false } }, bookingCase({ warrants: [w] }))).toBe(false);
    expect(holds({ warrant: { kind: 'civil' } }, bookingCase({ warrants: [w] }))).toBe(false);
  });
  it('read each record', () => {
    expect(RECORD_KEYS).toContain('securityRiskGroup');
    for (const record of RECORD_KEYS) {
      expect(holds({ record }, bookingCase({ records: { [record]: true } }))).toBe(true);
      expect(holds({ record }, bookingCase({ records: {} }))).toBe(false);
    }
  });
});

describe('combinations and discretion', () => {
  const adult = { age: { atLeast: 18 } };
  const judicial = { judicialWarrant: true };
  it('all, any and not', () => {
    const c = bookingCase({ age: 40, detainer: { judicialWarrant: false } });
    expect(holds({ all: [adult, judicial] }, c)).toBe(false);
    expect(holds({ any: [adult, judicial] }, c)).toBe(true);
    expect(holds({ not: judicial }, c)).toBe(true);
    expect(holds({ not: { any: [adult, judicial] } }, c)).toBe(false);
  });
  it('a discretionary finding sends the case to review when it could decide', () => {
    const when = { all: [adult, { discretion: { finding: 'the person poses an unacceptable risk to public safety' } }] };
    expect(decide(policyWith(when), bookingCase({ age: 40 })).outcome).toBe('review');
    // ...but not when the rest of the condition is already false (Kleene logic).
    expect(decide(policyWith(when), bookingCase({ age: 16 })).outcome).toBe('decline');
    expect(decide(policyWith({ any: [adult, { discretion: { finding: 'x' } }] }), bookingCase({ age: 40 })).outcome).toBe('hold');
    expect(decide(policyWith({ not: { discretion: { finding: 'x' } } }), bookingCase()).outcome).toBe('review');
  });
});

describe('outcomes', () => {
  it('never exceed what ICE requested', () => {
    const p = policyWith(undefined);
    expect(decide(p, bookingCase({ detainer: { requests: ['notify'] } })).outcome).toBe('notify');
    expect(decide(p, bookingCase({ detainer: { requests: [] } })).outcome).toBe('decline');
    const notify = policyWith(undefined, {}, 'notify');
    expect(decide(notify, bookingCase({ detainer: { requests: ['hold'] } })).outcome).toBe('notify');
  });
  it('say why a hold became notice', () => {
    const d = decide(policyWith(undefined), bookingCase({ detainer: { requests: ['notify'] } }));
    expect(d.holdUntil).toBeNull();
    expect(d.reasons.at(-1)!.condition).toMatch(/may not exceed what ICE requested/);
  });
  it('give holdUntil only for holds, counted from release', () => {
    const d = decide(policyWith(undefined), bookingCase({ bookedAt: '2012-06-01T09:00', eligibleForReleaseAt: '2012-06-01T16:00' }));
    expect(d).toMatchObject({ outcome: 'hold', holdUntil: '2012-06-05T16:00', provision: 'rule', citation: '§ 2' });
  });
  it('cite the otherwise clause when no provision applies', () => {
    const d = decide(policyWith({ judicialWarrant: true }), bookingCase());
    expect(d).toMatchObject({ outcome: 'decline', provision: 'default', citation: '§ 2(b)' });
    expect(d.reasons[0]).toMatchObject({ provision: 'rule', value: false, facts: ['judicial warrant: no'] });
  });
  it('explain convictions with the facts they used', () => {
    const d = decide(
      policyWith({ conviction: { term: 'violent felony', within: { years: 5 } } }),
      bookingCase({ convictions: [conviction({ convictedOn: '2004-03-01', releasedOn: '2008-09-30' })] }),
    );
    expect(d.outcome).toBe('decline');
    expect(d.reasons[0]!.facts.join('\n')).toMatch(/window: .*from 2007-06-06/);
    expect(d.reasons[0]!.facts.join('\n')).toMatch(
      /robbery \(2nd-degree felony; violent, serious\), convicted 2004-03-01, released 2008-09-30: outside the window/,
    );
  });
});
