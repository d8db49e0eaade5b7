// Every lint rule fires where it should and stays quiet where it should not; quick fixes resolve what
// they claim to; findings can be silenced with a reason, in the document or in a comment.

import { describe, expect, it } from 'vitest';
import { applyQuickFix, checkDocument, silenceFix, type CheckedDiagnostic, type LintDiagnostic } from '../../engine/analysis/index';
import { messageWithCitation, type Scenario } from '../../engine/index';
import { ordinanceYaml, readRepoFile } from './helpers';
import { orderConflictMessage } from '../../engine/analysis/lint';

function check(text: string, scenario?: Scenario): CheckedDiagnostic[] {
  const r = checkDocument(text, scenario ? { scenario } : {});
  const errors = r.diagnostics.filter(
    (d) =>
      d.severity === 'error' &&
      ![
        'hold-exceeds-federal-maximum',
        'state-bars-holds',
        'state-requires-honoring-detainers',
        'state-limits-notification',
        'state-bars-287g',
      ].includes(d.code),
  );
  if (errors.length) throw new Error(`test document invalid: ${errors.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return r.diagnostics;
}

function findings(text: string, code: string, scenario?: Scenario): CheckedDiagnostic[] {
  return check(text, scenario).filter((d) => d.code === code && !d.suppressed);
}

/** Applies the finding's first fix (or the one whose title matches) and checks the finding is gone. */
function fixResolves(text: string, code: string, title?: RegExp, scenario?: Scenario): string {
  const d = findings(text, code, scenario)[0];
  expect(d, `no ${code} to fix`).toBeDefined();
  const fix = title ? d!.fixes!.find((f) => title.test(f.title)) : d!.fixes![0];
  expect(fix, `no fix for ${code}`).toBeDefined();
  const fixed = applyQuickFix(text, fix!);
  expect(findings(fixed, code, scenario).filter((x) => x.provision === d!.provision)).toEqual([]);
  return fixed;
}

const hold = `\n        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }`;
const provision = (id: string, when: string, outcome = 'hold') =>
  `      - id: ${id}\n        when: ${when}\n        outcome: ${outcome}${outcome === 'hold' ? hold : ''}\n`;
const noMinors = provision('no-minors', '{ age: { under: 18 } }', 'decline');
const doc = (provisions: string, extra = '', otherwise = 'decline') => ordinanceYaml(provisions, extra, otherwise);

describe('logic', () => {
  it('provision-never-applies: a condition no case meets, because a violent felony is a felony', () => {
    const text = doc(
      noMinors + provision('impossible', '{ all: [{ conviction: { term: violent felony } }, { not: { conviction: { term: felony } } }] }'),
    );
    const [d] = findings(text, 'provision-never-applies');
    expect(d?.provision).toBe('impossible');
    expect(d?.line).toBe(text.split('\n').findIndex((l) => l.includes('id: impossible')) + 2);
    fixResolves(text, 'provision-never-applies');
    expect(
      findings(
        doc(noMinors + provision('possible', '{ all: [{ conviction: { term: violent felony } }, { not: { record: gangDatabase } }] }')),
        'provision-never-applies',
      ),
    ).toEqual([]);
  });

  it('provision-shadowed: every case it covers is decided earlier', () => {
    const text = doc(
      noMinors +
        provision('felon', '{ conviction: { term: felony } }') +
        provision('violent', '{ conviction: { term: violent felony } }', 'notify'),
    );
    const [d] = findings(text, 'provision-shadowed');
    expect(d?.provision).toBe('violent');
    expect(d?.message).toContain('§ 2(b)');
    expect(d?.example?.facts.join('; ')).toContain('violent felony');
    // A conviction's date is given beside the date a look-back window would count back from; the example
    // names the detainer as the ordinance's text does (it defines no term: "civil immigration detainer").
    const facts = d!.example!.facts;
    const arrested = facts.find((f) => f.startsWith('arrested and civil immigration detainer issued '));
    expect(arrested).toMatch(/^arrested and civil immigration detainer issued \d{4}-\d{2}-\d{2}$/);
    expect(facts.indexOf(arrested!)).toBeLessThan(facts.findIndex((f) => f.startsWith('conviction: ')));
    const moved = fixResolves(text, 'provision-shadowed', /^Move/);
    expect(moved.indexOf('id: violent')).toBeLessThan(moved.indexOf('id: felon'));
    expect(
      findings(
        doc(
          noMinors +
            provision('violent', '{ conviction: { term: violent felony } }', 'notify') +
            provision('felon', '{ conviction: { term: felony } }'),
        ),
        'provision-shadowed',
      ),
    ).toEqual([]);
  });

  it('condition-never-true: an alternative no case meets', () => {
    const text = doc(
      noMinors + provision('odd', '{ any: [{ record: gangDatabase }, { all: [{ age: { under: 18 } }, { age: { atLeast: 21 } }] }] }'),
    );
    const [d] = findings(text, 'condition-never-true');
    expect(d?.path).toEqual(['sections', 0, 'provisions', 1, 'when', 'any', 1]);
    fixResolves(text, 'condition-never-true');
    expect(
      findings(doc(noMinors + provision('fine', '{ any: [{ record: gangDatabase }, { age: { atLeast: 21 } }] }')), 'condition-never-true'),
    ).toEqual([]);
  });

  it('condition-always-true: a requirement every case meets', () => {
    const text = doc(
      noMinors +
        provision(
          'redundant',
          '{ all: [{ conviction: { term: felony } }, { any: [{ judicialWarrant: true }, { judicialWarrant: false }] }] }',
        ),
    );
    const [d] = findings(text, 'condition-always-true');
    expect(d?.severity).toBe('info');
    fixResolves(text, 'condition-always-true');
    expect(
      findings(
        doc(noMinors + provision('plain', '{ all: [{ conviction: { term: felony } }, { judicialWarrant: true }] }')),
        'condition-always-true',
      ),
    ).toEqual([]);
  });

  it('order-conflict: a protection placed after the rule it should limit', () => {
    const text = doc(provision('felon', '{ conviction: { term: felony } }') + noMinors);
    const [d] = findings(text, 'order-conflict');
    expect(d).toMatchObject({ severity: 'warning', provision: 'no-minors' });
    expect(d?.example?.case.age).toBeLessThan(18);
    // Both provisions by name, which comes first, what it does to which cases, and what to do; then the example.
    expect(d?.message).toMatch(
      /^order matters: § 2\(a\) \[no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice\] comes before § 2\(b\) \[no heading; declines the civil immigration detainer\], so some cases § 2\(b\) would decline are held or answered with notice of release only under it instead; to make § 2\(b\) an exception to it, move it before § 2\(a\)\. For example: age 1[0-7]/,
    );
    expect(d?.explanation).toMatch(
      /are decided first, by § 2\(a\) \[[^\]]*\] \(held or answered with notice of release only\)\. If it is meant/,
    );
    expect(d?.explanation).toContain('move it before § 2(a).');
    fixResolves(text, 'order-conflict');
    // The exception first is the usual drafting: no finding.
    expect(findings(doc(noMinors + provision('felon', '{ conviction: { term: felony } }')), 'order-conflict')).toEqual([]);
  });

  it('order-conflict says what the earlier provision does under the request, not what it allows', () => {
    // Only on requests for a hold: the minors' cases are held, never answered with notice.
    const holdsAsked = doc(provision('felon', '{ all: [{ conviction: { term: felony } }, { requested: hold }] }') + noMinors);
    const [d] = findings(holdsAsked, 'order-conflict');
    expect(d?.message).toContain('so some cases § 2(b) would decline are held under it instead;');
    expect(d?.explanation).toMatch(/are decided first, by § 2\(a\) \[[^\]]*\] \(held\)\./);
    // Only on requests for notice alone: a hold provision there gives notice, which the minors' provision
    // would decline: said so, not "held".
    const noticeOnly = doc(
      provision('felon', '{ all: [{ conviction: { term: felony } }, { requested: notify }, { not: { requested: hold } }] }') + noMinors,
    );
    const [n] = findings(noticeOnly, 'order-conflict');
    expect(n?.message).toContain('so some cases § 2(b) would decline are answered with notice of release only under it instead;');
    expect(n?.example?.case).toBeDefined();
    // A notice provision after that hold provision decides those cases as it would: no conflict to report.
    const noticeAfter = doc(
      provision('felon', '{ all: [{ conviction: { term: felony } }, { requested: notify }, { not: { requested: hold } }] }') +
        provision('notice', '{ conviction: { term: felony } }', 'notify'),
    );
    expect(findings(noticeAfter, 'order-conflict')).toEqual([]);
  });

  it('order-conflict reads as a solicitor reads it: both provisions in words, which comes first, what it does, what to do', () => {
    const felonies = { name: '§ 2(b) Serious felonies', citation: '§ 2(b)', outcome: 'hold' as const };
    const warrant = { name: '§ 2(a) Judicial warrant', citation: '§ 2(a)', outcome: 'notify' as const };
    expect(
      orderConflictMessage([felonies], { name: '§ 2(c) No holds for minors', citation: '§ 2(c)', outcome: 'decline' }, ['age 17']),
    ).toBe(
      'order matters: § 2(b) Serious felonies comes before § 2(c) No holds for minors, so some cases § 2(c) would decline are held under it instead; ' +
        'to make § 2(c) an exception to it, move it before § 2(b). For example: age 17',
    );
    expect(orderConflictMessage([warrant, felonies], { name: '§ 2(c) Otherwise', citation: '§ 2(c)', outcome: 'decline' })).toBe(
      'order matters: § 2(a) Judicial warrant and § 2(b) Serious felonies come before § 2(c) Otherwise, so some cases § 2(c) would decline are ' +
        'held or answered with notice of release only under them instead; to make § 2(c) an exception to them, move it before § 2(a).',
    );
    expect(orderConflictMessage([felonies], { name: '§ 2(c) Notice', citation: '§ 2(c)', outcome: 'notify' })).toBe(
      'order matters: § 2(b) Serious felonies comes before § 2(c) Notice, so some cases § 2(c) would answer with notice of release only are held ' +
        'under it instead; that is usual where the earlier provision is about more serious facts: check that it is intended.',
    );
  });

  it('discretion-only: a hold that only a discretionary finding triggers', () => {
    const ct = readRepoFile('samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');
    expect(findings(ct, 'discretion-only').map((d) => d.provision)).toEqual(['public-safety-risk']);
    expect(
      findings(doc(noMinors + provision('review', "{ discretion: { finding: 'the person is dangerous' } }", 'review')), 'discretion-only'),
    ).toEqual([]);
  });

  it('outcome-exceeds-request: a hold on requests for notice only, a notice on requests for nothing', () => {
    const notifyOnly = doc(noMinors + provision('notice-only', '{ all: [{ requested: notify }, { not: { requested: hold } }] }'));
    expect(findings(notifyOnly, 'outcome-exceeds-request').map((d) => d.message)).toEqual([expect.stringContaining('can only notify')]);
    const fixed = fixResolves(notifyOnly, 'outcome-exceeds-request');
    expect(fixed).not.toContain('maxHold: { hours: 48, excludingWeekendsAndHolidays: true }\notherwise');
    const nothing = doc(
      noMinors + provision('nothing', '{ all: [{ not: { requested: notify } }, { not: { requested: hold } }] }', 'notify'),
    );
    expect(findings(nothing, 'outcome-exceeds-request').map((d) => d.message)).toEqual([expect.stringContaining('always declines')]);
    expect(findings(doc(noMinors + provision('notice', '{ requested: notify }')), 'outcome-exceeds-request')).toEqual([]);
  });

  it('unused-term: a definition nothing uses', () => {
    const text = doc(noMinors + provision('felon', '{ all: [{ conviction: { term: felony } }, { judicialWarrant: true }] }'));
    expect(findings(text, 'unused-term').map((d) => d.message)).toEqual([expect.stringContaining('"violent felony"')]);
    fixResolves(text, 'unused-term');
    const used = doc(
      noMinors +
        provision('felon', '{ all: [{ conviction: { term: felony } }, { judicialWarrant: true }] }') +
        '      - id: words\n        type: other\n        text: Nothing here changes how a violent felony is prosecuted.\n',
    );
    expect(findings(used, 'unused-term')).toEqual([]);
  });

  it('unused-term: a term only the generated words use is used, whatever the drafters wrote before', () => {
    const withTerm = (text: string, finding: string) =>
      text
        .replace(
          'definitions:\n',
          'definitions:\n  - term: judicial warrant\n    meaning: a warrant a judge signed\n    covers:\n      - classes: [felony]\n',
        )
        .replace('sections:\n', `findings:\n  - text: ${finding}\nsections:\n`);
    const generated = withTerm(
      doc(noMinors + provision('felon', '{ all: [{ conviction: { term: violent felony } }, { judicialWarrant: true }] }')),
      'the council met',
    );
    const unused = (text: string) => findings(text, 'unused-term').map((d) => d.message.match(/"([^"]+)"/)![1]);
    // No condition names "judicial warrant" and no drafter wrote it, but the generated words of the warrant test say it.
    expect(unused(generated)).toEqual([]);
    // Without the warrant test: reported; written in a finding, not; the finding edited away, reported again.
    const none = withTerm(doc(noMinors + provision('felon', '{ conviction: { term: violent felony } }')), 'the council met');
    expect(unused(none)).toEqual(['judicial warrant']);
    const inFinding = withTerm(
      doc(noMinors + provision('felon', '{ conviction: { term: violent felony } }')),
      'a judicial warrant protects everyone',
    );
    expect(unused(inFinding)).toEqual([]);
    expect(unused(none)).toEqual(['judicial warrant']);
    expect(unused(generated)).toEqual([]);
  });

  it('wording-differs: a provision worded as a choice, or with another hold, than its logic decides', () => {
    const worded = (id: string, when: string, outcome: string, text: string, maxHold = hold) =>
      `      - id: ${id}\n        when: ${when}\n        outcome: ${outcome}${outcome === 'hold' ? maxHold : ''}\n        text: ${text}\n`;
    const felon = (text: string, maxHold = hold, when = '{ all: [{ conviction: { term: felony } }, { judicialWarrant: true }] }') =>
      doc(noMinors + worded('felon', when, 'hold', text, maxHold));
    const messages = (text: string) => findings(text, 'wording-differs').map((d) => [d.provision, d.message]);

    // A choice in the words, none in the logic: every such case is held, and the simulation counts them so.
    const may = felon('The officer may honor the detainer for no more than 48 hours, excluding Saturdays, Sundays and holidays.');
    expect(messages(may)).toEqual([
      ['felon', expect.stringContaining('leaves a choice ("may honor"), but its logic holds every case it reaches')],
    ]);
    expect(findings(may, 'wording-differs')[0]!.path).toEqual(['sections', 0, 'provisions', 1, 'text']);
    // Quiet when the words command, forbid, or the logic leaves the choice to an officer (review).
    expect(
      messages(felon('The officer shall honor the detainer for no more than 48 hours, excluding Saturdays, Sundays and holidays.')),
    ).toEqual([]);
    expect(messages(felon('The officer may not hold anyone longer than 48 hours, excluding Saturdays, Sundays and holidays.'))).toEqual([]);
    const discretion = '{ all: [{ judicialWarrant: true }, { discretion: { by: officer, finding: the person is a danger } }] }';
    expect(messages(felon('The officer may honor the detainer for 48 hours, excluding weekends.', hold, discretion))).toEqual([]);
    const declined = doc(
      noMinors + worded('decline-all', '{ conviction: { term: felony } }', 'decline', 'The sheriff may decline such detainers.'),
    );
    expect(messages(declined)).toEqual([['decline-all', expect.stringContaining('its logic declines every case it reaches')]]);

    // A length in the words that the logic does not hold for; the fix holds for the words' length.
    const longer = felon('The officer shall honor the detainer for no more than seventy-two (72) hours, excluding weekends.');
    expect(messages(longer)).toEqual([
      ['felon', expect.stringContaining('says "seventy-two (72) hours", but its logic holds for at most 48 hours excluding')],
    ]);
    expect(fixResolves(longer, 'wording-differs')).toContain('maxHold: { hours: 72, excludingWeekendsAndHolidays: true }');
    // Working days in the words, calendar hours in the logic, and the other way round; each fix follows the words.
    const calendar = `\n        maxHold: { hours: 48, excludingWeekendsAndHolidays: false }`;
    const weekdays = felon('The officer shall honor the detainer for 48 hours, excluding Saturdays, Sundays and holidays.', calendar);
    expect(messages(weekdays)).toEqual([
      ['felon', expect.stringContaining('counts the hold\'s hours on working days only ("excluding Saturdays")')],
    ]);
    fixResolves(weekdays, 'wording-differs');
    const plain = felon('The officer shall honor the detainer for 48 hours after the person would be released.');
    expect(messages(plain)).toEqual([
      ['felon', expect.stringContaining('without leaving out weekends ("48 hours"), but its logic counts 48 hours excluding')],
    ]);
    expect(fixResolves(plain, 'wording-differs')).toContain('excludingWeekendsAndHolidays: false');
    expect(messages(felon('The officer shall honor the detainer for 48 hours after the person would be released.', calendar))).toEqual([]);

    // The wording is read again after every edit, though the other findings are kept: edited in, edited out.
    const shall = felon('The officer shall honor the detainer for 48 hours, excluding Saturdays, Sundays and holidays.');
    expect(messages(shall)).toEqual([]);
    expect(messages(may)).toHaveLength(1);
    expect(messages(shall)).toEqual([]);
    // Silenced with a reason above the provision, like any finding.
    const silenced = may.replace('      - id: felon', "      # lint-ignore wording-differs: the statute's own words\n      - id: felon");
    expect(
      check(silenced)
        .filter((d) => d.code === 'wording-differs')
        .map((d) => d.suppressed),
    ).toEqual(["the statute's own words"]);
  });

  it('otherwise-coverage: says what the otherwise clause decides', () => {
    const text = doc(noMinors + provision('felon', '{ conviction: { term: felony } }'));
    expect(findings(text, 'otherwise-coverage')).toEqual([expect.objectContaining({ severity: 'info', path: ['otherwise'] })]);
  });
});

describe('law', () => {
  it('hold-without-judicial-warrant: every hold that does not need a judicial warrant, on an I-200, a charge or a conviction', () => {
    const text = doc(noMinors + provision('admin', '{ administrativeWarrant: true }'));
    const [d] = findings(text, 'hold-without-judicial-warrant');
    expect(d?.citation).toMatch(
      /Galarza v\. Szalczyk, 745 F\.3d 634 \(3d Cir\. 2014\).*Miranda-Olivares v\. Clackamas County, No\. 3:12-cv-02317-ST \(D\. Or\. Apr\. 11, 2014\).*Morales v\. Chadbourne, 793 F\.3d 208/,
    );
    // The message names each case where it says what the case held; the editor's marker does not list them again.
    expect(messageWithCitation(d!)).toBe(d!.message);
    expect(d?.explanation).toMatch(/pending charges/);
    expect(d?.explanation).toMatch(/City of El Cenizo v\. Texas, 890 F\.3d 164/);
    expect(d?.example?.case.detainer.judicialWarrant).toBe(false);
    fixResolves(text, 'hold-without-judicial-warrant', /judicial warrant/);
    expect(
      findings(
        doc(noMinors + provision('judicial', '{ all: [{ administrativeWarrant: true }, { judicialWarrant: true }] }')),
        'hold-without-judicial-warrant',
      ),
    ).toEqual([]);
    // The cases the rule cites were holds of people with pending charges; a conviction supplies no
    // probable cause of removability either. (The rule used to stay quiet on both.)
    expect(findings(doc(noMinors + provision('felon', '{ conviction: { term: felony } }')), 'hold-without-judicial-warrant')).toHaveLength(
      1,
    );
    expect(
      findings(doc(noMinors + provision('charged', '{ charge: { classes: [felony] } }')), 'hold-without-judicial-warrant'),
    ).toHaveLength(1);
    expect(findings(doc(noMinors, '', 'hold'), 'hold-without-judicial-warrant').map((d) => d.provision)).toEqual(['default']);
  });

  it('hold-exceeds-federal-maximum: more than 48 hours excluding weekends and holidays', () => {
    const long = (hours: number, excl: boolean) =>
      doc(
        noMinors +
          `      - id: long\n        when: { conviction: { term: felony } }\n        outcome: hold\n        maxHold:\n          hours: ${hours}\n          excludingWeekendsAndHolidays: ${excl}\n`,
      );
    const [error] = findings(long(72, true), 'hold-exceeds-federal-maximum');
    expect(error).toMatchObject({ severity: 'error', citation: '8 CFR 287.7(d)' });
    expect(error?.line).toBe(
      long(72, true)
        .split('\n')
        .findIndex((l) => l.includes('hours: 72')) + 1,
    );
    // 72 calendar hours from a Monday release run to Thursday: 72 working hours, past the regulation's 48.
    const calendar = findings(long(72, false), 'hold-exceeds-federal-maximum')[0];
    expect(calendar?.severity).toBe('error');
    // The message ends with its citation: the editor's marker does not add it a second time.
    for (const d of [error!, calendar!]) {
      expect(d.message).toMatch(/\(8 CFR 287\.7\(d\)\)$/);
      expect(messageWithCitation(d)).toBe(d.message);
    }
    expect(messageWithCitation({ message: 'a finding', citation: '8 CFR 287.7(d)' })).toBe('a finding (8 CFR 287.7(d))');
    expect(messageWithCitation({ message: 'a finding' })).toBe('a finding');
    // A citation of several authorities: those the message already names are not listed again.
    expect(
      messageWithCitation({
        message: 'held in A v. B, 1 F.3d 2 (2014), and C v. D, 3 F.3d 4 (2015)',
        citation: 'A v. B, 1 F.3d 2 (2014); C v. D, 3 F.3d 4 (2015)',
      }),
    ).toBe('held in A v. B, 1 F.3d 2 (2014), and C v. D, 3 F.3d 4 (2015)');
    expect(messageWithCitation({ message: 'held in A v. B, 1 F.3d 2 (2014)', citation: 'A v. B, 1 F.3d 2 (2014); 8 CFR 287.7(d)' })).toBe(
      'held in A v. B, 1 F.3d 2 (2014) (8 CFR 287.7(d))',
    );
    fixResolves(long(72, true), 'hold-exceeds-federal-maximum');
    expect(findings(long(48, true), 'hold-exceeds-federal-maximum')).toEqual([]);
    expect(findings(long(48, false), 'hold-exceeds-federal-maximum')).toEqual([]);
  });

  it('state-bars-holds: Massachusetts holds on civil detainers after Lunn', () => {
    const ma = (date: string, when = '{ conviction: { term: felony } }') =>
      doc(noMinors + provision('felon', when)).replace('  state: CT\n', `  state: MA\neffectiveDate: ${date}\n`);
    expect(findings(ma('2018-01-01'), 'state-bars-holds')).toEqual([
      expect.objectContaining({ severity: 'error', citation: 'Lunn v. Commonwealth, 477 Mass. 517 (2017)', authority: 'ma-lunn' }),
    ]);
    expect(findings(ma('2014-01-01'), 'state-bars-holds')[0]).toMatchObject({
      severity: 'warning',
      message: expect.stringMatching(/cannot be applied now/),
    });
    // The exception is the ruling's, by name: "the exception it allows" could be read as the provision's.
    const [lunn] = findings(ma('2018-01-01'), 'state-bars-holds');
    expect(lunn!.message).toContain('outside the exception Lunn v. Commonwealth allows (the detainer is supported by a judicial warrant)');
    expect(lunn!.message).not.toMatch(/\bit allows\b/);
    fixResolves(ma('2018-01-01'), 'state-bars-holds', /Notify/);
    expect(
      findings(ma('2018-01-01', '{ all: [{ conviction: { term: felony } }, { judicialWarrant: true }] }'), 'state-bars-holds'),
    ).toEqual([]);
    // Officers designated under a 287(g) agreement hold on federal authority, which Lunn does not reach.
    expect(findings(ma('2018-01-01') + 'agreement287g: jail-enforcement\n', 'state-bars-holds')).toEqual([
      expect.objectContaining({ severity: 'info', message: expect.stringMatching(/287\(g\)/) }),
    ]);
  });

  it('no-minimum-age: a person under 18 can be held without a judicial warrant', () => {
    const text = doc(provision('felon', '{ conviction: { term: felony } }'));
    expect(findings(text, 'no-minimum-age')).toHaveLength(1);
    // A hold that needs a judicial warrant rests on a judge's order, not on a minimum age (it used to be flagged).
    expect(findings(doc(provision('judicial', '{ judicialWarrant: true }')), 'no-minimum-age')).toEqual([]);
    const fixed = fixResolves(text, 'no-minimum-age');
    expect(fixed.indexOf('id: no-minors')).toBeLessThan(fixed.indexOf('id: felon'));
    expect(findings(doc(noMinors + provision('felon', '{ conviction: { term: felony } }')), 'no-minimum-age')).toEqual([]);
    expect(
      findings(doc(provision('adults', '{ all: [{ age: { atLeast: 18 } }, { conviction: { term: felony } }] }')), 'no-minimum-age'),
    ).toEqual([]);
  });

  it('hold-without-conviction: holds of people never convicted, against findings aimed at serious offenders', () => {
    const aims = 'findings:\n  - text: the City reserves detainers for serious offenders\n    aims: serious-offenders\n';
    const text = doc(noMinors + provision('gang', '{ record: gangDatabase }'), aims);
    const [d] = findings(text, 'hold-without-conviction');
    expect(d?.message).toMatch(/line \d+/);
    expect(d?.example?.case.convictions).toBeUndefined();
    fixResolves(text, 'hold-without-conviction');
    expect(
      findings(
        doc(noMinors + provision('gang', '{ all: [{ record: gangDatabase }, { conviction: { classes: [felony, misdemeanor] } }] }'), aims),
        'hold-without-conviction',
      ),
    ).toEqual([]);
    // A civil infraction is not a conviction (a conviction of any class used to count).
    expect(
      findings(
        doc(noMinors + provision('gang', '{ all: [{ record: gangDatabase }, { conviction: {} }] }'), aims),
        'hold-without-conviction',
      ),
    ).toHaveLength(1);
    // A hold on a federal judicial warrant is not a hold of someone with "no conviction" to answer for.
    expect(findings(doc(noMinors + provision('judicial', '{ judicialWarrant: true }'), aims), 'hold-without-conviction')).toEqual([]);
    // An offense named by its kind is a crime whatever class the record gives it.
    expect(
      findings(doc(noMinors + provision('homicide', '{ conviction: { categories: [homicide] } }'), aims), 'hold-without-conviction'),
    ).toEqual([]);
    expect(findings(doc(noMinors + provision('gang', '{ record: gangDatabase }')), 'hold-without-conviction')).toEqual([]);
  });

  it('agreement-not-in-force: holds that need an agreement the scenario lacks', () => {
    const cook = readRepoFile('tests/analysis/fixtures/cook-county-46-37.ordinance.yaml');
    const [d] = findings(cook, 'agreement-not-in-force', { name: 'FY2012', reimbursementAgreement: false });
    expect(d?.message).toContain('every hold is declined');
    expect(d?.line).toBe(cook.split('\n').findIndex((l) => l.includes('reimbursementAgreement: true')) + 1);
    expect(findings(cook, 'agreement-not-in-force')).toEqual([]);
    expect(findings(cook, 'agreement-not-in-force', { reimbursementAgreement: true })).toEqual([]);
  });
});

describe('silencing a finding with a reason', () => {
  const base = doc(provision('felon', '{ conviction: { term: felony } }') + provision('gang', '{ record: gangDatabase }'));

  it('in the document, for a code everywhere or one provision', () => {
    const all = base + 'suppress:\n  - code: no-minimum-age\n    reason: the county holds no minors and the jail takes none\n';
    const d = check(all).find((x) => x.code === 'no-minimum-age');
    expect(d?.suppressed).toBe('the county holds no minors and the jail takes none');
    const one =
      base + 'suppress:\n  - code: hold-without-judicial-warrant\n    provision: gang\n    reason: the state statute requires it\n';
    const admin = check(one).filter((x) => x.code === 'hold-without-judicial-warrant');
    expect(admin.map((x) => [x.provision, x.suppressed])).toEqual([
      ['felon', undefined],
      ['gang', 'the state statute requires it'],
    ]);
    // A rule's former name still silences it.
    const old = base + 'suppress:\n  - code: hold-on-administrative-warrant\n    provision: gang\n    reason: as before\n';
    expect(check(old).find((x) => x.code === 'hold-without-judicial-warrant' && x.provision === 'gang')?.suppressed).toBe('as before');
  });

  it('reports an entry that silences nothing', () => {
    const stale = base + 'suppress:\n  - code: agreement-not-in-force\n    reason: old\n';
    expect(check(stale).filter((x) => x.code === 'unused-suppression')).toEqual([expect.objectContaining({ path: ['suppress', 0] })]);
  });

  it('with a comment on or above the line, or above the provision', () => {
    const above = base.replace(
      '      - id: gang\n',
      '      # lint-ignore hold-without-judicial-warrant: required by state statute\n      - id: gang\n',
    );
    expect(check(above).find((x) => x.code === 'hold-without-judicial-warrant' && x.provision === 'gang')?.suppressed).toBe(
      'required by state statute',
    );
    const onLine = base.replace(
      /(id: gang\n {8}when: \{ record: gangDatabase \}\n {8}outcome: hold)/,
      '$1  # lint-ignore hold-without-judicial-warrant: statute',
    );
    expect(check(onLine).find((x) => x.code === 'hold-without-judicial-warrant' && x.provision === 'gang')?.suppressed).toBe('statute');
  });

  it('with the quick fix that asks for the reason', () => {
    const loaded = checkDocument(base);
    const d = loaded.diagnostics.find((x) => x.code === 'hold-without-judicial-warrant' && x.provision === 'gang')!;
    const fixed = applyQuickFix(base, silenceFix(d as LintDiagnostic, 'required by state statute', loaded.source));
    expect(fixed).toContain('      # lint-ignore hold-without-judicial-warrant: required by state statute\n      - id: gang\n');
    expect(check(fixed).find((x) => x.code === 'hold-without-judicial-warrant' && x.provision === 'gang')?.suppressed).toBe(
      'required by state statute',
    );
    expect(() => silenceFix(d as LintDiagnostic, '  ', loaded.source)).toThrow(/reason/);
  });

  it('not without a reason', () => {
    const bare = base.replace('      - id: gang\n', '      # lint-ignore hold-without-judicial-warrant\n      - id: gang\n');
    const all = check(bare);
    expect(all.find((x) => x.code === 'hold-without-judicial-warrant' && x.provision === 'gang')?.suppressed).toBeUndefined();
    expect(all.filter((x) => x.code === 'suppression-without-reason')).toHaveLength(1);
  });
});

describe('quick fixes for the validator', () => {
  it('replaces a misspelt term with the defined one', () => {
    const text = doc(noMinors + provision('felon', '{ conviction: { term: felonny } }'));
    const r = checkDocument(text);
    const d = r.diagnostics.find((x) => x.code === 'undefined-term');
    expect(d?.fixes?.map((f) => f.title)).toEqual(['Use the defined term "felony"', 'Define "felonny"']);
    for (const f of d!.fixes!) expect(checkDocument(applyQuickFix(text, f)).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('offers the value meant for a misspelt choice ("did you mean hold?")', () => {
    const text = doc(noMinors + '      - id: felon\n        when: { conviction: { term: felony } }\n        outcome: hodl\n');
    const d = checkDocument(text).diagnostics.find((x) => x.code === 'not-allowed');
    expect(d?.message).toMatch(/did you mean "hold"/);
    expect(d?.fixes?.map((f) => f.title)).toEqual(['Change it to "hold"']);
    const fixed = applyQuickFix(text, d!.fixes![0]!);
    expect(fixed).toContain('        outcome: hold\n');
    expect(checkDocument(fixed).diagnostics.filter((x) => x.code === 'not-allowed')).toEqual([]);
  });

  it('renames a misspelt key to the key meant ("did you mean outcome?"), keeping its value and comment', () => {
    const text = doc(noMinors + '      - id: felon\n        when: { conviction: { term: felony } }\n        outcom: decline # for now\n');
    const d = checkDocument(text).diagnostics.find((x) => x.code === 'unknown-key');
    expect(d?.message).toMatch(/did you mean "outcome"/);
    expect(d?.fixes?.map((f) => f.title)).toEqual(['Rename "outcom" to "outcome"']);
    const fixed = applyQuickFix(text, d!.fixes![0]!);
    expect(fixed).toBe(text.replace('outcom: decline # for now', 'outcome: decline # for now'));
    expect(checkDocument(fixed).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    // A map that has the key meant as well: which of the two the author meant is theirs to say.
    const both = doc(
      noMinors + '      - id: felon\n        when: { conviction: { term: felony } }\n        outcome: hold\n        outcom: decline\n',
    );
    const twice = checkDocument(both).diagnostics.find((x) => x.code === 'unknown-key');
    expect(twice?.message).toMatch(/did you mean "outcome"/);
    expect(twice?.fixes ?? []).toEqual([]);
  });

  it('adds the federal maximum to a hold without one', () => {
    const text = doc(noMinors + '      - id: felon\n        when: { conviction: { term: felony } }\n        outcome: hold\n');
    const d = checkDocument(text).diagnostics.find((x) => x.code === 'hold-without-maximum');
    expect(checkDocument(applyQuickFix(text, d!.fixes![0]!)).ordinance).toBeDefined();
  });

  it('keeps comments and the rest of the document', () => {
    const text =
      '# the drafters keep this note\n' +
      doc(
        noMinors +
          provision('felon', '{ conviction: { term: felony } }') +
          provision('violent', '{ conviction: { term: violent felony } }', 'notify'),
      );
    const d = checkDocument(text).diagnostics.find((x) => x.code === 'provision-shadowed')!;
    const fixed = applyQuickFix(text, d.fixes![0]!);
    expect(fixed.startsWith('# the drafters keep this note\n')).toBe(true);
    expect(fixed).toContain('title: Test Ordinance');
    expect(fixed).not.toContain('id: violent');
  });
});
