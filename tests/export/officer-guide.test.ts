// The officer guide is derived from the compiled policy and decides exactly as the policy does,
// even though its checklist puts the facts in the order an officer meets them.

import { describe, expect, it } from 'vitest';
import { officerGuide, officerGuideBodyHtml, renderOfficerGuideHtml } from '../../engine/export/index';
import { decisionTable } from '../../engine/analysis/table';
import { clampOutcome, compile, OUTCOME_CODE, UNKNOWN, FALSE, TRUE } from '../../engine/compile';
import { caseTable } from '../../engine/case-table';
import { checkDocument, OUTCOMES, type Ordinance, type Outcome } from '../../engine/index';
import { escapeHtml } from '../../engine/export/html';
import { allOrdinanceFiles, ctFile, felonyHoldText, generatedCases, loadFile, ordinanceFrom, rivertonFile, root } from './helpers';
import { ordinanceText } from '../../engine/text-model';
import path from 'node:path';

/** Decides each case by walking the guide's steps and checks in the guide's order. */
function decideByGuide(o: Ordinance, cases: ReturnType<typeof generatedCases>): Outcome[] {
  const policy = compile(o);
  const guide = officerGuide(o);
  const table = caseTable(cases);
  const tests = new Map(policy.provisions.map((p) => [p.id, p.condition ? p.condition.bind(table) : () => TRUE]));
  return cases.map((_, i) => {
    for (const step of guide.steps) {
      for (const check of step.checks) {
        const v = tests.get(check.provision)!(i);
        if (v === FALSE) continue;
        return OUTCOMES[clampOutcome(OUTCOME_CODE[v === UNKNOWN ? 'review' : step.outcome], table.flags[i]!)]!;
      }
    }
    return OUTCOMES[clampOutcome(OUTCOME_CODE[guide.otherwise!.outcome], table.flags[i]!)]!;
  });
}

/** The section an officer writes down: that of the first check, going down the guide's steps in order, that applies. */
function sectionByGuide(o: Ordinance, cases: ReturnType<typeof generatedCases>): string[] {
  const policy = compile(o);
  const guide = officerGuide(o);
  const table = caseTable(cases);
  const tests = new Map(policy.provisions.map((p) => [p.id, p.condition ? p.condition.bind(table) : () => TRUE]));
  return cases.map((_, i) => {
    for (const step of guide.steps) for (const check of step.checks) if (tests.get(check.provision)!(i) !== FALSE) return check.citation;
    return guide.otherwise!.citation;
  });
}

const reordering = ordinanceFrom(`
title: Ordinance whose checklist is reordered
jurisdiction: { name: Testville, state: MA }
sections:
  - heading: Detainers
    provisions:
      - id: history
        when: { conviction: { classes: [felony], within: { years: 5 } } }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }
      - id: young
        when: { age: { under: 21 } }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }
      - id: judgment
        when: { discretion: { by: supervisor, finding: the person is dangerous } }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }
      - id: records
        when: { any: [ { record: gangDatabase }, { judicialWarrant: true } ] }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }
      - id: paperwork
        when: { administrativeWarrant: true }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }
      - id: charges
        when: { charge: { bondPosted: false } }
        outcome: notify
      - id: warrant
        when: { warrant: { kind: criminal } }
        outcome: notify
otherwise: decline
`);

describe('officer guide', () => {
  const cases = generatedCases(3000, 11);

  for (const [name, o] of [
    ...allOrdinanceFiles().map((f) => [path.basename(f), loadFile(f)] as const),
    ['a policy whose checklist is reordered', reordering] as const,
  ]) {
    it(`${name}: the checklist decides every case as the policy does`, () => {
      const policy = compile(o);
      const expected = cases.map((c) => OUTCOMES[policy.decideCode(c) & 3]!);
      expect(decideByGuide(o, cases)).toEqual(expected);
    });

    it(`${name}: the first check that applies gives the section the engine cites`, () => {
      const policy = compile(o);
      const guide = officerGuide(o);
      // The printed order is the order the policy reads its provisions.
      expect(guide.steps.flatMap((s) => s.checks.map((c) => c.provision))).toEqual(policy.provisions.map((p) => p.id));
      const expected = cases.map((c) => policy.citationOf(policy.decideCode(c) >> 2));
      expect(sectionByGuide(o, cases)).toEqual(expected);
    });
  }

  it('says to go down the provisions of a step in order, but the lines within one in any order, as the engine reads them', () => {
    const g = officerGuide(reordering);
    const html = officerGuideBodyHtml(g);
    expect(html).toContain(
      'If any one of these applies (go down them in this order; the first that applies gives the section to write down):',
    );
    // § 2(d)'s lines are sorted into the order the facts arrive (the warrant on the form before the gang
    // database), not the ordinance's: the guide says so, as the first-that-applies rule is the provisions'.
    const records = g.steps[0]!.checks.find((c) => c.provision === 'records')!;
    expect(records.check!.items!.map((i) => i.text)).toEqual([
      'The civil immigration detainer is supported by a judicial warrant',
      'The person is listed in a gang database',
    ]);
    expect(html).toContain(
      `<li class="group">At least one of these is true (check these in any order): <span class="cite">(${records.citation})</span>`,
    );
    // What makes that true: the engine gives every case the same outcome and section whatever the order of the lines.
    const reversed = structuredClone(reordering);
    for (const s of reversed.sections)
      for (const p of s.provisions ?? []) if (p.id === 'records' && p.when && 'any' in p.when) p.when = { any: [...p.when.any].reverse() };
    const [a, b] = [compile(reordering), compile(reversed)];
    expect(cases.map((c) => b.decideCode(c))).toEqual(cases.map((c) => a.decideCode(c)));
    // A step of one provision makes no claim of order, and its lines say nothing of it.
    const one = officerGuideBodyHtml(officerGuide(loadFile(rivertonFile)));
    expect(one).not.toContain('(check these in any order)');
  });

  it('says the lines of a nested group, too, may be checked in any order, as the engine reads them', () => {
    const nestedText = `
title: Ordinance with a nested condition
jurisdiction: { name: Testville, state: MA }
sections:
  - heading: Detainers
    provisions:
      - id: warrant
        when: { judicialWarrant: true }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }
      - id: nested
        when: { all: [ { age: { atLeast: 18 } }, { any: [ { record: gangDatabase }, { conviction: { classes: [felony] } } ] } ] }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }
otherwise: decline
`;
    const o = ordinanceFrom(nestedText);
    const html = officerGuideBodyHtml(officerGuide(o));
    expect(html).toMatch(/All of these are true \(check these, and the lines under them, in any order\):/);
    expect(html).not.toContain('All of these are true (check these in any order):');
    // True of the engine: the nested lines reversed, and the outer ones, decide every case the same.
    const reversed = structuredClone(o);
    const p = reversed.sections[0]!.provisions!.find((x) => x.id === 'nested')!;
    if (p.when && 'all' in p.when) {
      const inner = p.when.all[1]!;
      p.when = { all: [{ any: 'any' in inner ? [...inner.any].reverse() : [inner] }, p.when.all[0]!] };
    }
    const [a, b] = [compile(o), compile(reversed)];
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(o));
    expect(cases.map((c) => b.decideCode(c))).toEqual(cases.map((c) => a.decideCode(c)));
  });

  it('gathers facts in the order an officer meets them, but lists the checks in the order the policy reads them', () => {
    const g = officerGuide(reordering);
    expect(g.steps.map((s) => [s.outcome, s.checks.map((c) => c.provision)])).toEqual([
      ['hold', ['history', 'young', 'judgment', 'records', 'paperwork']],
      ['notify', ['charges', 'warrant']],
    ]);
    expect(g.steps[0]!.checks.find((c) => c.provision === 'judgment')!.check).toEqual({
      text: 'The supervisor finds that the person is dangerous',
      decidedBy: 'a supervisor',
    });
    expect(g.facts[0]).toContain('The civil immigration detainer (the form ICE sends): what it asks for');
    expect(g.facts.findIndex((f) => f.startsWith('The booking record'))).toBeLessThan(
      g.facts.findIndex((f) => f.startsWith('Criminal history')),
    );
  });

  it('prints no otherwise step where no case reaches one, and no section the ordinance does not print', () => {
    const texts = new Map<string, string>();
    for (const f of allOrdinanceFiles()) {
      const o = loadFile(f);
      const g = officerGuide(o);
      const printed = new Set(Object.values(ordinanceText(o).provisions).map((p) => p.citation));
      for (const s of g.steps) for (const c of s.checks) expect(printed, `${path.basename(f)} ${c.citation}`).toContain(c.citation);
      if (g.otherwise) expect(ordinanceText(o).provisions.default?.citation, path.basename(f)).toBe(g.otherwise.citation);
      texts.set(path.basename(f), renderOfficerGuideHtml(o));
    }
    // An unconditional last provision leaves the ordinance without an otherwise clause.
    const minors = loadFile(path.join(root, 'samples/ordinances/never-minors-or-unconvicted-2012.ordinance.yaml'));
    expect(ordinanceText(minors).provisions.default).toBeUndefined();
    expect(officerGuide(minors).otherwise).toBeNull();
    const html = texts.get('never-minors-or-unconvicted-2012.ordinance.yaml')!;
    expect(html).not.toContain('Otherwise,');
    expect(html).not.toContain('If no step above applies');
    expect(html).not.toContain('the otherwise clause decides');
    expect(html).toMatch(/Step 3\. Hold for up to 48 hours/);
    // Two provisions that between them decide every case leave the printed otherwise clause unreached.
    const complementary = ordinanceFrom(`
title: Complementary provisions
jurisdiction: { name: Testville, state: MA }
sections:
  - heading: Detainers
    provisions:
      - id: minors
        when: { age: { under: 18 } }
        outcome: decline
      - id: adults
        when: { not: { age: { under: 18 } } }
        outcome: hold
        maxHold: { hours: 48 }
otherwise: decline
`);
    expect(ordinanceText(complementary).provisions.default).toBeDefined();
    expect(officerGuide(complementary).otherwise).toBeNull();
    expect(renderOfficerGuideHtml(complementary)).not.toContain('If no step above applies');
    // A finding of no risk lets a TRUST Act case through to the otherwise clause: that step stays.
    expect(officerGuide(loadFile(ctFile)).otherwise).toMatchObject({ outcome: 'decline', citation: '§ 3(b)' });
  });

  it('explains skipping weekends and holidays only where some hold skips them', () => {
    let calendarOnly = 0;
    for (const f of allOrdinanceFiles()) {
      const o = loadFile(f);
      const g = officerGuide(o);
      const html = renderOfficerGuideHtml(o);
      const skips = g.steps.some((s) => s.maxHold?.excludingWeekendsAndHolidays === true);
      if (g.holds && !skips) calendarOnly++;
      expect(html.includes('the clock stops at midnight'), path.basename(f)).toBe(skips);
      expect(/Holidays are the observed|No holidays are skipped/.test(html), path.basename(f)).toBe(skips);
      expect(g.holds?.counting !== undefined, path.basename(f)).toBe(skips);
    }
    expect(calendarOnly).toBeGreaterThan(0);
    const reimbursement = officerGuide(loadFile(path.join(root, 'samples/ordinances/reimbursement-required-2012.ordinance.yaml')));
    expect(reimbursement.holds!.rules.map((r) => r.words)).toEqual(['48 hours']);
    expect(reimbursement.holds!.counting).toBeUndefined();
    expect(reimbursement.holds!.calendar).toBeUndefined();
  });

  it('says plain "decline" where ICE asks for nothing, since no finding can change that', () => {
    for (const f of allOrdinanceFiles()) {
      const t = officerGuide(loadFile(f)).table;
      for (const r of t?.rows ?? []) expect(r.outcome, path.basename(f)).not.toMatch(/^decline \(a finding decides\)/);
    }
    const ct = officerGuide(loadFile(ctFile)).table!;
    const byFinding = ct.rows.filter((r) => r.provision === 'public-safety-risk');
    expect(byFinding.map((r) => [r.facts[0], r.outcome])).toEqual([
      ['notice only', 'review (a finding decides)'],
      ['hold (with or without notice)', 'review (a finding decides)'],
      ['nothing', 'decline'],
    ]);
  });

  it('sorts the parts of a condition into the same order', () => {
    const g = officerGuide(loadFile(rivertonFile));
    const step = g.steps.find((s) => s.checks.some((c) => c.provision === 'violent-history'))!;
    const check = step.checks[0]!.check!;
    expect(check.text).toBe('All of these are true:');
    expect(check.items!.map((i) => i.text)).toEqual([
      'At least one of these is true:',
      'No criminal charge on which bond has been posted is pending against the person',
      'The person has been convicted of a violent felony within the ten years before the date of the civil immigration detainer, counting from release from the sentence (from the conviction where no release is recorded)',
    ]);
    expect(step.action).toBe('Hold for up to 24 hours past release time');
  });

  it('explains the maximum hold with examples worked out on the holiday calendar', () => {
    const g = officerGuide(loadFile(ctFile));
    expect(g.holds!.rules).toHaveLength(1);
    const rule = g.holds!.rules[0]!;
    expect(rule.words).toBe('48 hours, not counting Saturdays, Sundays and holidays');
    expect(rule.citations).toEqual(['§ 3(a)(1)', '§ 3(a)(2)', '§ 3(a)(3)', '§ 3(a)(4)', '§ 3(a)(5)', '§ 3(a)(6)', '§ 3(a)(7)']);
    expect(rule.examples).toEqual([
      {
        release: 'Friday, January 3, 2014, 4:00 p.m.',
        end: 'Tuesday, January 7, 2014, 4:00 p.m.',
        note: 'Saturday and Sunday are not counted.',
      },
      {
        release: 'Friday, January 17, 2014, 4:00 p.m.',
        end: 'Wednesday, January 22, 2014, 4:00 p.m.',
        note: 'Saturday, Sunday and the Birthday of Martin Luther King, Jr. (Monday) are not counted.',
      },
    ]);
    const noHolidays = officerGuide(loadFile(ctFile), { holidays: 'none' });
    expect(noHolidays.holds!.rules[0]!.examples).toHaveLength(1);
    expect(noHolidays.holds!.calendar).toContain('No holidays are skipped');
  });

  it("names the officer who makes a finding without parentheses inside the finding's own", () => {
    const html = renderOfficerGuideHtml(loadFile(ctFile));
    expect(html).toContain('(a finding you, the officer, must make, in writing)');
    // No parenthesis opens inside the decider's note before it closes.
    for (const note of html.match(/<span class="decider">[^<]*<\/span>/g) ?? [])
      expect(note).toMatch(/^<span class="decider">\([^()]*\)<\/span>$/);
  });

  it('lists what to do on each outcome the policy can give, and its standing duties', () => {
    const g = officerGuide(loadFile(rivertonFile));
    expect(g.outcomes.map((o) => o.outcome)).toEqual(['hold', 'notify', 'review', 'decline']);
    expect(g.duties.map((d) => d.citation)).toEqual(['§ 3', '§ 5(a)', '§ 5(b)']);
    const noHolds = officerGuide(
      ordinanceFrom(
        'title: T\njurisdiction: { name: X, state: CA }\nsections:\n  - heading: D\n    provisions:\n      - id: n\n        when: { judicialWarrant: true }\n        outcome: notify\notherwise: decline\n',
      ),
    );
    expect(noHolds.holds).toBeNull();
    expect(noHolds.outcomes.map((o) => o.outcome)).toEqual(['notify', 'decline']);
  });

  it("prints every provision of kind other in the ordinance's words, and names those it leaves out with why", () => {
    // Chicago's § 3(b) and Cook County's § 3(b) bar on-duty communications with ICE: an officer must read them.
    const chicago = loadFile(path.join(root, 'samples/ordinances/chicago-welcoming-city-2012.ordinance.yaml'));
    const g = officerGuide(chicago);
    expect(g.others.map((d) => d.citation)).toEqual(['§ 3(b)', '§ 4(a)']);
    expect(g.leftOut).toEqual([{ citation: '§ 4(b)', what: 'severability' }]);
    const html = renderOfficerGuideHtml(chicago);
    expect(html).toContain('spend time responding to inquiries of U.S. Immigration and Customs Enforcement');
    expect(html).toContain('<span class="cite">(§ 3(b))</span>');
    expect(html).toContain('this guide cannot tell which of them directs you');
    expect(html).toContain('Not printed here, as it does not direct an officer on a detainer: § 4(b) (severability).');
    const cook = renderOfficerGuideHtml(loadFile(path.join(root, 'samples/ordinances/cook-county-46-37-2011.ordinance.yaml')));
    expect(cook).toContain('County personnel shall not spend their time while on duty responding to ICE inquiries');
    expect(cook).toContain('<span class="cite">(§ 3(b))</span>');
  });

  it('prints the fingerprint, short and full, and escapes the policy text', () => {
    const o = loadFile(rivertonFile);
    const html = renderOfficerGuideHtml(o);
    const g = officerGuide(o);
    expect(html).toContain(g.fingerprint);
    expect(html).toContain(g.fingerprint.slice(7, 19));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('the facts to gather', () => {
  const policyWith = (when: string) =>
    ordinanceFrom(
      `title: T\njurisdiction: { name: T, state: PA, level: city }\neffectiveDate: 2020-01-01\nsections:\n  - heading: D\n    provisions:\n      - id: p\n        when: ${when}\n        outcome: hold\n        maxHold: { hours: 48 }\notherwise: decline\n`,
    );
  it("names every fact the steps read: the request's date, the current arrest's date, custody on a conviction, a probable-cause finding", () => {
    const facts = officerGuide(
      policyWith(
        '{ any: [ { conviction: { classes: [felony], within: { years: 10 } } }, { conviction: { classes: [felony], within: { years: 5, of: arrest } } }, { conviction: { classes: [felony], current: true } }, { charge: { classes: [felony], probableCauseFinding: true } } ] }',
      ),
    ).facts.join('\n');
    expect(facts).toMatch(
      /^The civil immigration detainer \(the form ICE sends\): what it asks for \(hold, notice of release, or both\) and its date\./m,
    );
    expect(facts).toMatch(/The booking record: the date of the current arrest/);
    expect(facts).toMatch(/and whether a judge has found probable cause/);
    expect(facts).toMatch(/and whether the person is in custody now on that conviction/);
  });
  it('asks for none of them where no step reads them', () => {
    const facts = officerGuide(policyWith('{ conviction: { classes: [felony] } }')).facts.join('\n');
    expect(facts).not.toMatch(/its date|current arrest|probable cause|in custody now/);
  });
});

describe('the decision-table appendix', () => {
  it('prints every row of the decision table with its outcome and section', () => {
    for (const file of allOrdinanceFiles()) {
      const o = loadFile(file);
      const table = decisionTable(o);
      const g = officerGuide(o);
      expect(g.table, path.basename(file)).not.toBeNull();
      expect(g.table!.rowCount).toBe(table.rows.length);
      expect(g.table!.complete).toBe(true);
      expect(g.table!.rows.map((r) => r.citation)).toEqual(table.rows.map((r) => r.citation));
      const html = renderOfficerGuideHtml(o);
      for (const r of g.table!.rows) expect(html).toContain(`<td class="section">${r.citation}</td>`);
    }
  });
});

describe('the law the guide was checked against', () => {
  const il = (date: string) => ordinanceFrom(felonyHoldText('IL', date, 'Illinois city'));
  it('lists later law that has since ended, with its dates, before the law that replaced it', () => {
    expect(officerGuide(il('2012-01-01')).law.state).toEqual([
      'Illinois TRUST Act (PA 100-463) (5 ILCS 805/15), from August 28, 2017 to August 1, 2021',
      'Illinois Way Forward Act (PA 102-234) (5 ILCS 805/15), from August 2, 2021',
    ]);
  });
  it('leaves out law that ended before the ordinance took effect', () => {
    expect(officerGuide(il('2022-01-01')).law.state).toEqual(['Illinois Way Forward Act (PA 102-234) (5 ILCS 805/15)']);
  });
  it('says that law taken effect since the date was checked too, so a 2012 guide listing 2017 law does not read as law of 2012', () => {
    const early = officerGuide(il('2012-01-01')).law;
    expect(early.asOf).toMatch(
      /^Illinois, as of January 1, 2012 \(the effective date\), and as the law has stood since, through [A-Z][a-z]+ \d{1,2}, \d{4} \(an authority marked "from" took effect after January 1, 2012\)$/,
    );
    expect(early.summary).toContain('as of January 1, 2012 (the effective date), and as it has stood since;');
    // Nothing has taken effect since a date after every authority: the date alone.
    const late = officerGuide(il('2026-01-01')).law;
    expect(late.asOf).toBe('Illinois, as of January 1, 2026 (the effective date)');
    expect(late.summary).not.toContain('since');
  });
});

describe('the decision table appendix', () => {
  it('counts its rows in words that fit: "This one row covers", "These 3 rows cover"', () => {
    const html = renderOfficerGuideHtml(loadFile(path.join(root, 'samples/ordinances/berkeley-2012.ordinance.yaml')));
    expect(html).toContain('This one row covers all');
    expect(html).not.toMatch(/These 1 rows/);
  });
});

describe('a law whose date the data could not verify', () => {
  // Florida SB 168 (July 1, 2019) and Montana HB 200 (March 31, 2021) are marked effectiveUnverified.
  const city = (state: string, date: string) => ordinanceFrom(felonyHoldText(state, date));
  it('is printed with its date, in the lint\'s words: "(a date not verified)"', () => {
    const cases: Array<[string, string, string]> = [
      [
        'FL',
        '2019-09-01',
        'Florida SB 168 (2019), federal immigration enforcement (Fla. Stat. §§ 908.103-908.105), since July 1, 2019 (a date not verified)',
      ],
      [
        'FL',
        '2019-03-01',
        'Florida SB 168 (2019), federal immigration enforcement (Fla. Stat. §§ 908.103-908.105), from July 1, 2019 (a date not verified)',
      ],
      [
        'MT',
        '2021-06-01',
        'Montana HB 200 (2021), sanctuary policies prohibited (Mont. Code Ann. § 2-1-602), since March 31, 2021 (a date not verified)',
      ],
      [
        'MT',
        '2020-06-01',
        'Montana HB 200 (2021), sanctuary policies prohibited (Mont. Code Ann. § 2-1-602), from March 31, 2021 (a date not verified)',
      ],
    ];
    for (const [state, date, line] of cases) {
      const o = city(state, date);
      expect(officerGuide(o).law.state, `${state} ${date}`).toContain(line);
      expect(renderOfficerGuideHtml(o)).toContain(escapeHtml(line));
    }
  });
  it('the lint says the same of the same date', () => {
    const messages = checkDocument(`
title: A city
jurisdiction: { name: Testville, state: FL, level: city }
effectiveDate: 2019-03-01
sections:
  - heading: Detainers
    provisions:
      - { id: never, outcome: decline }
otherwise: decline
`).diagnostics.map((d) => d.message);
    expect(messages.some((m) => m.includes('July 1, 2019 (a date not verified)'))).toBe(true);
  });
  it('a verified date stays as it was', () => {
    expect(officerGuide(city('LA', '2025-01-01')).law.state.join('\n')).not.toContain('not verified');
  });
});

describe('the officer guide says hours are hours that pass where the clocks change', () => {
  const ordinance = (zone: string, hold: string) =>
    ordinanceFrom(
      `title: A county\njurisdiction: { name: Testville, state: PA, level: county${zone ? `, timeZone: ${zone}` : ''} }\nsections:\n  - heading: Detainers\n    provisions:\n      - id: felony\n        when: { conviction: { classes: [felony] } }\n        outcome: hold\n        maxHold: ${hold}\notherwise: decline\n`,
    );
  const guide = (zone: string, hold: string) => officerGuide(ordinance(zone, hold));
  const calendar = '{ hours: 48, excludingWeekendsAndHolidays: false }';
  it('a calendar-hour hold in a zone that changes its clocks: an hour later in spring, earlier in fall, as the simulation counts', () => {
    const g = guide('America/Chicago', calendar);
    expect(g.holds!.clock).toBe(
      'Hours are hours that pass (Central time): if the clocks go forward during a hold (spring), it ends one hour later on the clock; if they go back (fall), one hour earlier.',
    );
    expect(renderOfficerGuideHtml(ordinance('America/Chicago', calendar))).toContain('Hours are hours that pass (Central time)');
  });
  it('no such line without a zone, in a zone without daylight saving time, or for holds that skip weekends (the clocks change on a Sunday)', () => {
    expect(guide('', calendar).holds!.clock).toBeUndefined();
    expect(guide('America/Phoenix', calendar).holds!.clock).toBeUndefined();
    expect(guide('America/Chicago', '{ hours: 48, excludingWeekendsAndHolidays: true }').holds!.clock).toBeUndefined();
  });
});

describe("the officer guide's footers say the date once where the version is that date", () => {
  const cook = () => loadFile(path.join(root, 'samples/ordinances/cook-county-46-37-2011.ordinance.yaml'));
  it('Cook County (version 2011-09-07, effective 2011-09-07): "Version 2011-09-07 · Fingerprint", in the page footer and the closing line', () => {
    const html = renderOfficerGuideHtml(cook());
    expect(html).not.toContain('2011-09-07 · 2011-09-07');
    expect(html).toContain('Officer guide · Version 2011-09-07 · Fingerprint ');
    expect(html).toMatch(/<footer class="doc-footer"><p>[^<]* · Version 2011-09-07 · Fingerprint /);
  });
  it('a version apart from the date keeps both', () => {
    const o = loadFile(ctFile);
    const g = officerGuide(o);
    expect(g.version).not.toBe(g.date);
    const html = renderOfficerGuideHtml(o);
    // The date as the header says it ("Effective January 1, 2014"), never the ISO form beside it.
    expect(g.date).toBe('2014-01-01');
    expect(html).toContain(`Officer guide · Version ${escapeHtml(g.version)} · Effective January 1, 2014 · Fingerprint `);
    expect(html).toContain(`Version ${escapeHtml(g.version)} · Effective January 1, 2014 · Fingerprint <span class="fingerprint">`);
    expect(html).not.toContain('2014-01-01');
  });
});

describe("the officer guide's decision table decides as its steps do on the reimbursement agreement", () => {
  const cook = () => loadFile(path.join(root, 'samples/ordinances/cook-county-46-37-2011.ordinance.yaml'));
  it('a scenario that does not say whether an agreement is in force (the command line without --reimbursement): the agreement is a column, as the steps and facts ask about it', () => {
    for (const scenario of [undefined, {}]) {
      const g = officerGuide(cook(), scenario);
      expect(g.steps.some((s) => s.outcome === 'hold')).toBe(true);
      expect(g.table!.columns.join('|')).toMatch(/agreement/i);
      expect(g.table!.rows.some((r) => r.outcome.startsWith('hold') && r.citation === '§ 2(a)')).toBe(true);
      expect(g.table!.rows.some((r) => r.outcome === 'decline' && r.citation === '§ 2(b)')).toBe(true);
      expect(g.otherwise?.citation).toBe('§ 2(b)');
      expect(renderOfficerGuideHtml(cook(), scenario)).not.toContain('as the scenario says');
    }
  });
  it('a scenario that says none is in force: every row declines under § 2(b), and the table says why', () => {
    const g = officerGuide(cook(), { reimbursementAgreement: false });
    expect(g.table!.rows.map((r) => `${r.outcome} ${r.citation}`)).toEqual(['decline § 2(b)']);
    expect(renderOfficerGuideHtml(cook(), { reimbursementAgreement: false })).toContain(
      'With no written reimbursement agreement in force, as the scenario says: this one row covers all 4 combinations',
    );
    expect(renderOfficerGuideHtml(cook(), { reimbursementAgreement: true })).toContain(
      'With a written reimbursement agreement in force, as the scenario says: these 3 rows cover all 4 combinations',
    );
  });
});

describe('an authority whose name already says its citation', () => {
  it('is printed once, by its name: no "(8 U.S.C. 1373)" after "8 U.S.C. § 1373"', () => {
    const g = officerGuide(loadFile(path.join(root, 'samples/ordinances/berkeley-2012.ordinance.yaml')));
    expect(g.law.federal).toContain('8 U.S.C. § 1373 (IIRIRA § 642)');
    expect(g.law.state[0]).toMatch(/^California Gov\. Code § 7282\.5, the grounds for notice and transfer \(as amended by SB 54\), from /);
    // A citation that says more than the name is kept: its subsection, or its sections and year.
    expect(g.law.federal).toContain('8 C.F.R. § 287.7, detainers (8 CFR 287.7(d))');
  });

  it('follows the name after a comma where the citation has brackets of its own', () => {
    const g = officerGuide(loadFile(path.join(root, 'samples/ordinances/berkeley-2012.ordinance.yaml')));
    expect(g.law.state.find((x) => x.startsWith('California TRUST Act'))).toMatch(
      /^California TRUST Act \(AB 4, 2013\), Cal\. Gov\. Code §§ 7282, 7282\.5 \(2014 text\), from January 1, 2014 /,
    );
  });
});
