// `otherwise: hold` carries its own maximum hold (otherwiseMaxHold), as a provision's `maxHold` does:
// the text states it, the engine holds for it, the officer guide and the bundle say it, and the lint's
// "hold exceeds request" finding on the otherwise clause has a quick fix that writes it. Without it the
// otherwise clause holds for the federal maximum (48 hours excluding Saturdays, Sundays and holidays).

import { describe, expect, it } from 'vitest';
import { applyQuickFix, checkDocument } from '../../engine/analysis/index';
import { officerGuide } from '../../engine/export/officer-guide';
import { policyBundle } from '../../engine/export/policy-bundle';
import { compile, loadOrdinance, ordinanceText, prepareCase, type Ordinance } from '../../engine/index';

const draft = (otherwiseLines: string) => `title: Otherwise test
jurisdiction: { name: Testville, state: NM }
effectiveDate: 2024-01-01
sections:
  - heading: Detainers
    provisions:
      - id: minors
        when: { age: { under: 18 } }
        outcome: decline
${otherwiseLines}`;

const federal = draft('otherwise: hold\n');
const own = draft('otherwise: hold\notherwiseMaxHold: { hours: 48, excludingWeekendsAndHolidays: false }\n');

function load(text: string): Ordinance {
  const l = loadOrdinance(text);
  if (!l.ordinance) throw new Error(l.diagnostics.map((d) => d.message).join('; '));
  return l.ordinance;
}

const otherwiseText = (o: Ordinance) =>
  ordinanceText(o)
    .sections.flatMap((s) => s.clauses)
    .find((c) => c.provision === 'default')!.text;

/** An adult released at 10:00 on Friday, March 1, 2024, on a detainer asking for a hold. */
function holdUntil(o: Ordinance): string | null {
  const r = prepareCase(
    {
      id: 'A-1',
      age: 30,
      bookedAt: '2024-02-28T09:00',
      eligibleForReleaseAt: '2024-03-01T10:00',
      detainer: { requests: ['hold', 'notify'], issuedAt: '2024-02-28T12:00', judicialWarrant: false, administrativeWarrant: true },
    },
    0,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const d = compile(o).decide(r.prepared);
  expect(d.outcome).toBe('hold');
  expect(d.provision).toBe('default');
  return d.holdUntil;
}

describe('otherwise: hold with its own maximum', () => {
  it('the text states the hold the engine applies', () => {
    expect(otherwiseText(load(own))).toBe(
      'In every case to which § 2(a) does not apply, the law enforcement agency shall honor the civil immigration detainer by holding the person for no longer than 48 hours after the time the person would otherwise be released.',
    );
    // 48 calendar hours from Friday 10:00: Sunday 10:00.
    expect(holdUntil(load(own))).toBe('2024-03-03T10:00');
  });

  it('without one, the federal maximum, in words and in the engine', () => {
    expect(otherwiseText(load(federal))).toContain(
      'by holding the person for no longer than 48 hours, excluding Saturdays, Sundays and holidays, after the time',
    );
    // 48 working hours from Friday 10:00: 14 on Friday, none on the weekend, 24 on Monday, 10 on Tuesday.
    expect(holdUntil(load(federal))).toBe('2024-03-05T10:00');
  });

  it('"hold exceeds request" on the otherwise clause has a fix, and the fixed draft has no such finding', () => {
    const finding = checkDocument(federal).diagnostics.find((d) => d.code === 'hold-exceeds-request');
    expect(finding).toBeDefined();
    expect(finding!.provision).toBe('default');
    expect(finding!.fixes).toHaveLength(1);
    expect(finding!.fixes![0]!.title).toBe("Limit the otherwise clause's hold to 48 calendar hours");
    const fixed = applyQuickFix(federal, finding!.fixes![0]!);
    expect(fixed).toBe(own);
    expect(checkDocument(fixed).diagnostics.filter((d) => d.code === 'hold-exceeds-request')).toEqual([]);
  });

  it('a stated maximum past the federal one is found at otherwiseMaxHold, with a fix', () => {
    const text = draft('otherwise: hold\notherwiseMaxHold: { hours: 72, excludingWeekendsAndHolidays: true }\n');
    const d = checkDocument(text).diagnostics.find((x) => x.code === 'hold-exceeds-federal-maximum')!;
    expect(d.message).toContain('The otherwise clause (§ 2(b)) allows a hold of 72 hours excluding Saturdays, Sundays and holidays');
    expect(d.path).toEqual(['otherwiseMaxHold', 'hours']);
    // The form in use asks for 48 calendar hours: that limit first, the regulation's cap second.
    expect(d.fixes!.map((f) => f.edits)).toEqual([
      [{ op: 'set', path: ['otherwiseMaxHold'], value: { hours: 48, excludingWeekendsAndHolidays: false } }],
      [{ op: 'set', path: ['otherwiseMaxHold'], value: { hours: 48, excludingWeekendsAndHolidays: true } }],
    ]);
  });

  it("before the I-247A (April 2, 2017) the regulation's cap is the only fix; after it, the fix that also clears hold-exceeds-request comes first", () => {
    const at = (date: string) =>
      checkDocument(
        draft('otherwise: hold\notherwiseMaxHold: { hours: 72, excludingWeekendsAndHolidays: true }\n').replace(
          /^effectiveDate: .*$/m,
          `effectiveDate: ${date}`,
        ),
      )
        .diagnostics.find((x) => x.code === 'hold-exceeds-federal-maximum')!
        .fixes!.map((f) => f.title);
    expect(at('2016-01-01')).toEqual(['Limit the hold to 48 hours excluding Saturdays, Sundays and holidays']);
    expect(at('2018-01-01')).toEqual([
      "Limit the otherwise clause's hold to 48 calendar hours",
      'Limit the hold to 48 hours excluding Saturdays, Sundays and holidays',
    ]);
  });

  it('is a warning where the otherwise clause does not hold', () => {
    const d = checkDocument(draft('otherwise: decline\notherwiseMaxHold: { hours: 24 }\n')).diagnostics.filter(
      (x) => x.code === 'unused-maximum',
    );
    expect(d.map((x) => [x.severity, x.path, x.message])).toEqual([
      ['warning', ['otherwiseMaxHold'], 'otherwiseMaxHold has no effect: the otherwise clause does not hold (otherwise: decline)'],
    ]);
  });

  it("state law's 'honor detainers no provision covers' fix holds as ICE asks, so no 'hold exceeds request' follows", () => {
    const texas = `title: Texas county
jurisdiction: { name: Test County, state: TX, level: county }
effectiveDate: 2018-01-01
sections:
  - heading: Detainers
    provisions:
      - id: warrant
        when: { judicialWarrant: true }
        outcome: hold
        maxHold: { hours: 48 }
otherwise: decline
`;
    const honor = checkDocument(texas).diagnostics.find(
      (d) => d.code === 'state-requires-honoring-detainers' && d.provision === 'default',
    )!;
    expect(honor.fixes!.map((f) => f.title)).toEqual([
      'Honor civil immigration detainers no provision covers: hold as ICE asks (48 calendar hours)',
    ]);
    const fixed = applyQuickFix(texas, honor.fixes![0]!);
    expect(fixed).toContain('otherwise: hold\notherwiseMaxHold: { hours: 48, excludingWeekendsAndHolidays: false }\n');
    const after = checkDocument(fixed).diagnostics;
    expect(after.filter((d) => d.code === 'hold-exceeds-request')).toEqual([]);
    expect(after.filter((d) => d.code === 'state-requires-honoring-detainers')).toEqual([]);
  });

  it('the officer guide and the policy bundle state it', () => {
    const o = load(own);
    const g = officerGuide(o);
    expect(g.otherwise!.action).toBe('Hold for up to 48 hours past release time');
    expect(g.holds!.rules.map((r) => [r.words, r.citations])).toEqual([['48 hours', ['§ 2(b)']]]);
    expect(officerGuide(load(federal)).otherwise!.action).toBe(
      'Hold for up to 48 hours past release time (Saturdays, Sundays and holidays not counted)',
    );
    expect(policyBundle(o).decisionLogic.otherwise).toEqual({
      citation: '§ 2(b)',
      outcome: 'hold',
      maxHold: { hours: 48, excludingWeekendsAndHolidays: false },
    });
    expect(policyBundle(load(draft('otherwise: decline\n'))).decisionLogic.otherwise).toEqual({ citation: '§ 2(b)', outcome: 'decline' });
  });
});
