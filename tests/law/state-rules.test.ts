// Each law rule fires where the law of the ordinance's state applies and stays quiet where it does not,
// and its severity follows the date: an error for law in force on the ordinance's date (read in a
// primary source), a warning that the provision cannot be applied now for law that took effect later.
import { describe, expect, it } from 'vitest';
import { checkDocument, type CheckedDiagnostic } from '../../engine/analysis/index';
import { LAW } from '../../engine/law';

interface Doc {
  state: string;
  date?: string;
  level?: string;
  extra?: string;
  provisions?: string;
  otherwise?: string;
}
const hold = (id: string, when: string, hours = '{ hours: 48, excludingWeekendsAndHolidays: false }') =>
  `      - id: ${id}\n        when: ${when}\n        outcome: hold\n        maxHold: ${hours}\n`;
const notify = (id: string, when: string) => `      - id: ${id}\n        when: ${when}\n        outcome: notify\n`;

function lint(d: Doc): CheckedDiagnostic[] {
  const text =
    `title: T\njurisdiction: { name: Test, state: ${d.state}, level: ${d.level ?? 'city'}, timeZone: America/Chicago }\n` +
    (d.date ? `effectiveDate: ${d.date}\n` : '') +
    (d.extra ?? '') +
    `sections:\n  - heading: D\n` +
    (d.provisions ? `    provisions:\n${d.provisions}` : `    text: none\n`) +
    `otherwise: ${d.otherwise ?? 'decline'}\n`;
  const r = checkDocument(text, { examples: false });
  if (!r.ordinance) throw new Error(r.diagnostics.map((x) => x.message).join('; '));
  return r.diagnostics;
}
const found = (ds: CheckedDiagnostic[], code: string) => ds.filter((d) => d.code === code);

describe('state-requires-honoring-detainers', () => {
  it("Texas: an error from September 1, 2017 (read in the Legislature's enrolled bill summary), a warning before, quiet when every detainer is honored", () => {
    const after = found(lint({ state: 'TX', date: '2018-10-01' }), 'state-requires-honoring-detainers');
    expect(after).toEqual([expect.objectContaining({ severity: 'error', provision: 'default', authority: 'tx-sb4-detainer-mandate' })]);
    expect(after[0]!.message).toMatch(/art\. 2\.251.*Penalty:/);
    expect(after[0]!.message).not.toMatch(/not verified/);
    // The date was read: a policy taking effect on it, or within the year after it, is an error too.
    for (const date of ['2017-09-01', '2018-01-01']) {
      const within = found(lint({ state: 'TX', date }), 'state-requires-honoring-detainers');
      expect(within.map((x) => [x.severity, x.message.includes('since September 1, 2017 (Texas SB 4')])).toEqual([['error', true]]);
    }
    const before = found(lint({ state: 'TX', date: '2017-08-31' }), 'state-requires-honoring-detainers');
    expect(before).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/since September 1, 2017, after the effective date \(August 31, 2017\).*cannot be applied/),
      }),
    ]);
    expect(found(lint({ state: 'TX', date: '2025-06-01' }), 'state-requires-honoring-detainers')[0]!.citation).toMatch(/art\. 2A\.060/);
    const honors = hold('honor', '{ requested: hold }') + notify('notices', '{ requested: notify }');
    expect(found(lint({ state: 'TX', date: '2019-01-01', provisions: honors }), 'state-requires-honoring-detainers')).toEqual([]);
  });
  it('a judicial-warrant requirement in Tennessee is reported as forbidden, an error from January 1, 2019', () => {
    const d = found(
      lint({ state: 'TN', date: '2020-01-01', provisions: hold('judicial', '{ judicialWarrant: true }') }),
      'state-requires-honoring-detainers',
    );
    expect(d).toEqual([
      expect.objectContaining({
        severity: 'error',
        citation: 'Tenn. Code Ann. §§ 7-68-102(4), 7-68-103',
        message: expect.stringMatching(/holds only on a judicial warrant.*forbids requiring a warrant/),
      }),
    ]);
    const before = found(
      lint({ state: 'TN', date: '2018-06-01', provisions: hold('judicial', '{ judicialWarrant: true }') }),
      'state-requires-honoring-detainers',
    );
    expect(before.map((x) => x.severity)).toEqual(['warning']);
  });
  it('North Carolina reaches only the charges its statute lists, and HB 318 widened them on October 1, 2025', () => {
    const charged = hold('felony-charged', '{ charge: { classes: [felony] } }');
    // Under HB 10 (December 2024) a hold on pending felony charges is what the duty reaches; HB 318's
    // wider list is law the ordinance meets later.
    expect(found(lint({ state: 'NC', date: '2025-01-15', provisions: charged }), 'state-requires-honoring-detainers')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        authority: 'nc-hb318',
        message: expect.stringMatching(/since October 1, 2025, after the effective date.*cannot be applied now/),
      }),
    ]);
    // HB 318's text was not read (bill digests, a blog post, news): a warning, and the citation says so.
    expect(found(lint({ state: 'NC', date: '2025-11-01', provisions: charged }), 'state-requires-honoring-detainers')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        authority: 'nc-hb318',
        message: expect.stringMatching(/requires agencies to honor detainers .*§ 162-62\(b1\); read only in secondary sources\)/),
      }),
    ]);
    // The duty is the confining facility's, which may be a city jail or lockup: a city ordinance gets the
    // finding, and its explanation says whose duty it is (G.S. 162-62(b1); "local confinement facility").
    const city = found(lint({ state: 'NC', date: '2025-11-01', level: 'city' }), 'state-requires-honoring-detainers');
    expect(city.map((d) => [d.severity, d.authority])).toEqual([['warning', 'nc-hb318']]);
    expect(city[0]!.explanation).toMatch(
      /administrator of the facility where the person is confined, which may be a county, city or district jail or a local lockup/,
    );
    // Before HB 10, nothing in force; declining everything then is only a warning of the later law.
    expect(
      found(lint({ state: 'NC', date: '2024-06-01' }), 'state-requires-honoring-detainers').map((d) => [d.authority, d.severity]),
    ).toEqual([['nc-hb318', 'warning']]);
  });
  // S.L. 2024-55 (HB 10) took effect on December 1, 2024 by every source read after enactment (the School of
  // Government: "Effective for offenses committed on or after December 1, 2024"); the "July 1, 2..." of an
  // April 2024 bulletin was a Senate substitute's date, not the act's. The act's own section was not read.
  it('North Carolina HB 10 at its date: later law on November 30, 2024, in force (a date not verified) from December 1, 2024 to September 30, 2025; a county honoring every request is quiet', () => {
    const county = (date: string, provisions?: string) =>
      found(lint({ state: 'NC', date, level: 'county', provisions }), 'state-requires-honoring-detainers');
    const before = county('2024-11-30');
    expect(before.map((d) => [d.severity, d.authority])).toEqual([['warning', 'nc-hb318']]);
    expect(before[0]!.message).toMatch(
      /after the effective date \(November 30, 2024\), has required agencies to honor detainers .* since December 1, 2024 \(a date not verified\)/,
    );
    for (const date of ['2024-12-01', '2025-09-30']) {
      const during = county(date);
      expect(
        during.map((d) => [d.severity, d.authority]),
        date,
      ).toEqual([
        ['warning', 'nc-hb10'],
        ['warning', 'nc-hb318'],
      ]);
      // The duty reaches offenses committed from December 1, 2024 (the School of Government), not a person
      // jailed after that day on an earlier offense: the case record has no offense date, so the words say it.
      expect(during[0]!.message, date).toMatch(
        /requires agencies to honor detainers \(where a charge of a felony is pending against the person, for an offense committed on or after December 1, 2024\) since December 1, 2024 \(a date not verified\) \(North Carolina HB 10 \(2024\), S\.L\. 2024-55/,
      );
      expect(during[0]!.message, date).not.toMatch(/after the effective date/);
    }
    expect(county('2025-10-01').map((d) => d.authority)).toEqual(['nc-hb318']);
    // HB 318 reaches every person confined from October 1, 2025, whatever the offense's date: no such words.
    expect(county('2025-10-01')[0]!.message).not.toMatch(/offense committed/);
    // Before the date, the later law's finding names the reach as well.
    expect(before[0]!.message).toMatch(
      /honor detainers \(where a charge of a felony is pending against the person, for an offense committed on or after December 1, 2024\) since December 1, 2024/,
    );
    const honors = hold('honor', '{ requested: hold }') + notify('notices', '{ requested: notify }');
    for (const date of ['2024-11-30', '2024-12-01']) expect(county(date, honors), date).toEqual([]);
  });
  it('Texas: a hold shorter than the detainer asks does not honor it; a full hold is quiet', () => {
    const short = hold('hold-24', '{ requested: hold }', '{ hours: 24, excludingWeekendsAndHolidays: false }');
    const ds = found(
      lint({ state: 'TX', date: '2020-01-01', provisions: short, otherwise: 'notify' }),
      'state-requires-honoring-detainers',
    );
    expect(ds).toEqual([
      expect.objectContaining({
        severity: 'error',
        provision: 'hold-24',
        authority: 'tx-sb4-detainer-mandate',
        message: expect.stringMatching(
          /at most 24 calendar hours, but a detainer \(DHS Form I-247A[^)]*\) asks for a hold of 48 calendar hours/,
        ),
      }),
    ]);
    const full = hold('hold-48', '{ requested: hold }');
    expect(
      found(lint({ state: 'TX', date: '2020-01-01', provisions: full, otherwise: 'notify' }), 'state-requires-honoring-detainers'),
    ).toEqual([]);
    // In a state with no duty, a short hold is the policy's own choice.
    expect(found(lint({ state: 'PA', date: '2020-01-01', provisions: short }), 'state-requires-honoring-detainers')).toEqual([]);
  });
  it('quiet in a state with no such law', () => {
    expect(found(lint({ state: 'PA', date: '2020-01-01' }), 'state-requires-honoring-detainers')).toEqual([]);
  });
});

describe('state-bars-holds', () => {
  const felons = hold('felons', '{ conviction: { classes: [felony] } }');
  it('California: allowed under the TRUST Act in 2015, barred by the Values Act from 2018', () => {
    expect(found(lint({ state: 'CA', date: '2019-01-01', provisions: felons }), 'state-bars-holds')).toEqual([
      expect.objectContaining({ severity: 'error', authority: 'ca-values-act' }),
    ]);
    expect(found(lint({ state: 'CA', date: '2015-01-01', provisions: felons }), 'state-bars-holds')).toEqual([
      expect.objectContaining({ severity: 'warning', authority: 'ca-values-act' }),
    ]);
  });
  it('quiet for a hold that needs a judicial warrant, and in a state with no bar', () => {
    expect(
      found(lint({ state: 'CA', date: '2019-01-01', provisions: hold('j', '{ judicialWarrant: true }') }), 'state-bars-holds'),
    ).toEqual([]);
    expect(found(lint({ state: 'PA', date: '2019-01-01', provisions: felons }), 'state-bars-holds')).toEqual([]);
  });
  it("Connecticut 2014: the officer's public-safety finding covers only holds that wait for it", () => {
    const all = hold('all', '{ requested: hold }');
    // The 2019 act's narrower grounds are law the ordinance meets later: a warning beside the error.
    expect(
      found(lint({ state: 'CT', date: '2016-01-01', provisions: all }), 'state-bars-holds').map((d) => [d.authority, d.severity]),
    ).toEqual([
      ['ct-trust-act-2014', 'error'],
      ['ct-pa-19-20', 'warning'],
    ]);
    const onFinding = hold('risk', '{ discretion: { by: officer, finding: the person presents an unacceptable risk to public safety } }');
    const fromTrustAct = (provisions: string) =>
      found(lint({ state: 'CT', date: '2016-01-01', provisions }), 'state-bars-holds').filter((d) => d.authority === 'ct-trust-act-2014');
    expect(fromTrustAct(onFinding)).toEqual([]);
    expect(fromTrustAct(felons)).toEqual([]);
  });
  it('Minnesota is a warning (an unpublished ruling)', () => {
    expect(found(lint({ state: 'MN', date: '2020-01-01', provisions: felons }), 'state-bars-holds')[0]?.severity).toBe('warning');
  });
  it('Washington (RCW 10.93.160(8), read): an error from May 21, 2019, a warning of later law the day before, quiet on a judicial warrant', () => {
    const after = found(lint({ state: 'WA', date: '2019-05-21', provisions: felons }), 'state-bars-holds');
    expect(after).toEqual([expect.objectContaining({ severity: 'error', authority: 'wa-keep-washington-working' })]);
    expect(after[0]!.message).not.toMatch(/secondary/);
    expect(found(lint({ state: 'WA', date: '2019-05-20', provisions: felons }), 'state-bars-holds')).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('after the effective date (May 20, 2019)') }),
    ]);
    const judicial = hold('j', '{ judicialWarrant: true }');
    expect(found(lint({ state: 'WA', date: '2020-01-01', provisions: judicial }), 'state-bars-holds')).toEqual([]);
    // Notice of release without a court order (RCW 10.93.160(4)(b)), and a 287(g) agreement (subsection (11)): errors too.
    const notice = notify('notify-all', '{ requested: notify }');
    expect(found(lint({ state: 'WA', date: '2020-01-01', provisions: notice }), 'state-limits-notification')).toEqual([
      expect.objectContaining({ severity: 'error', authority: 'wa-keep-washington-working' }),
    ]);
    const noticeOnOrder = notify('notify-ordered', '{ all: [{ requested: notify }, { judicialWarrant: true }] }');
    expect(found(lint({ state: 'WA', date: '2020-01-01', provisions: noticeOnOrder }), 'state-limits-notification')).toEqual([]);
    expect(found(lint({ state: 'WA', date: '2019-05-20', provisions: notice }), 'state-limits-notification')).toEqual([
      expect.objectContaining({ severity: 'warning', authority: 'wa-keep-washington-working' }),
    ]);
    expect(found(lint({ state: 'WA', date: '2020-01-01', extra: 'agreement287g: jail-enforcement\n' }), 'state-bars-287g')).toEqual([
      expect.objectContaining({ severity: 'error', authority: 'wa-keep-washington-working' }),
    ]);
  });
  it("New Jersey's Immigrant Trust Directive: a hold on every detainer is a warning from March 15, 2019 (secondary sources, a date not verified), a warning of later law the day before; a hold within its grounds is quiet", () => {
    const all = hold('all', '{ requested: hold }');
    for (const level of ['city', 'county']) {
      const after = found(lint({ state: 'NJ', date: '2019-03-15', level, provisions: all }), 'state-bars-holds');
      expect(after, level).toEqual([
        expect.objectContaining({
          severity: 'warning',
          provision: 'all',
          authority: 'nj-immigrant-trust-directive-holds',
          message: expect.stringMatching(/bars such holds since March 15, 2019 \(a date not verified\).*read only in secondary sources/),
        }),
      ]);
      expect(after[0]!.message, level).not.toMatch(/cannot be applied now/);
      // Years later the date no longer matters, but the rule was read only in secondary sources: still a warning.
      expect(found(lint({ state: 'NJ', date: '2024-01-01', level, provisions: all }), 'state-bars-holds').map((d) => d.severity)).toEqual([
        'warning',
      ]);
      const before = found(lint({ state: 'NJ', date: '2019-03-14', level, provisions: all }), 'state-bars-holds');
      expect(before, level).toEqual([
        expect.objectContaining({
          severity: 'warning',
          authority: 'nj-immigrant-trust-directive-holds',
          message: expect.stringMatching(/after the effective date \(March 14, 2019\).*cannot be applied now/),
        }),
      ]);
    }
    // Holds within the grounds (a violent or serious offense charged or convicted, an indictable conviction within
    // five years, a judicial warrant) are quiet, before and after the date.
    for (const date of ['2019-03-14', '2019-03-15', '2024-01-01']) {
      for (const when of [
        '{ charge: { categories: [violent] } }',
        '{ conviction: { categories: [serious] } }',
        '{ conviction: { classes: [felony], within: { years: 5 } } }',
        '{ judicialWarrant: true }',
      ])
        expect(found(lint({ state: 'NJ', date, provisions: hold('within', when) }), 'state-bars-holds'), `${date} ${when}`).toEqual([]);
      // An old felony conviction is outside them.
      expect(
        found(lint({ state: 'NJ', date, provisions: hold('old', '{ conviction: { classes: [felony] } }') }), 'state-bars-holds').map(
          (d) => d.severity,
        ),
        date,
      ).toEqual(['warning']);
    }
  });
  it('Montana is uncertain after HB 200, not barred', () => {
    const ds = lint({ state: 'MT', date: '2021-06-01', provisions: felons });
    expect(found(ds, 'state-bars-holds')).toEqual([]);
    expect(found(ds, 'state-law-uncertain')).toEqual([expect.objectContaining({ severity: 'warning', provision: 'felons' })]);
    // Before HB 200 and HB 223 (2021), Ramon v. Short alone: barred.
    expect(found(lint({ state: 'MT', date: '2020-06-01', provisions: felons }), 'state-bars-holds')[0]?.severity).toBe('error');
  });
  it('Montana: the uncertain hold names both laws that may answer Ramon v. Short, each with its date, in the message and the citation', () => {
    const [d] = found(lint({ state: 'MT', date: '2022-06-01', provisions: felons }), 'state-law-uncertain');
    expect(d?.message).toMatch(
      /; in Montana whether such holds are lawful is uncertain: Montana courts have held there is no authority for such holds since March 25, 2020 \(Ramon v\. Short, 2020 MT 69, 399 Mont\. 254, 460 P\.3d 867\), and Montana Code § 27-16-801, [^(]*\(Mont\. Code Ann\. § 27-16-801\), since January 1, 2021 \(a date not verified\), and Montana HB 200 \(2021\), [^(]*\(Mont\. Code Ann\. § 2-1-602\), since March 31, 2021 \(a date not verified\), may say otherwise$/,
    );
    expect(d?.citation).toBe(
      'Ramon v. Short, 2020 MT 69, 399 Mont. 254, 460 P.3d 867; Mont. Code Ann. § 27-16-801; Mont. Code Ann. § 2-1-602',
    );
    expect(d?.explanation).toContain('Montana HB 200 (2021)');
  });
});

describe('state-limits-notification', () => {
  const all = notify('notify-all', '{ requested: notify }');
  it('Illinois: nothing before the Way Forward Act (August 2, 2021), an error after', () => {
    expect(found(lint({ state: 'IL', date: '2022-01-01', provisions: all }), 'state-limits-notification')[0]?.severity).toBe('error');
    expect(found(lint({ state: 'IL', date: '2019-01-01', provisions: all }), 'state-limits-notification')[0]?.severity).toBe('warning');
  });
  it("California's § 7282.5 grounds: notice for a serious or violent felony, or one within 15 years, is within them; for any felony, not", () => {
    expect(found(lint({ state: 'CA', date: '2019-01-01', provisions: all }), 'state-limits-notification')[0]?.severity).toBe('warning');
    const noticeOn = (when: string) =>
      found(lint({ state: 'CA', date: '2019-01-01', provisions: notify('felons', when) }), 'state-limits-notification');
    expect(noticeOn('{ conviction: { classes: [felony], within: { years: 15 } } }')).toEqual([]);
    expect(noticeOn('{ conviction: { classes: [felony], categories: [serious, violent] } }')).toEqual([]);
    expect(noticeOn('{ conviction: { classes: [felony] } }')).toEqual([
      expect.objectContaining({ severity: 'warning', authority: 'ca-gov-code-7282-5' }),
    ]);
  });
});

describe('status-information states and 287(g)', () => {
  it('Mississippi: a note, never an error, for declining every detainer', () => {
    const ds = lint({ state: 'MS', date: '2018-01-01' });
    expect(ds.filter((d) => d.severity !== 'info' && d.code.startsWith('state-'))).toEqual([]);
    expect(found(ds, 'state-protects-status-information')).toHaveLength(1);
  });
  it('Delaware bars 287(g) agreements (11 Del. C. § 8402B, read): an error a year after its unverified date, a warning within that year', () => {
    const jail = 'agreement287g: jail-enforcement\n';
    const late = found(lint({ state: 'DE', date: '2026-09-01', extra: jail }), 'state-bars-287g');
    expect(late).toEqual([expect.objectContaining({ severity: 'error', authority: 'de-hb182-2025' })]);
    expect(late[0]!.message).toContain('§ 8402B');
    expect(found(lint({ state: 'DE', date: '2025-09-01', extra: jail }), 'state-bars-287g')).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('(a date not verified)') }),
    ]);
  });
  it('Oregon bars 287(g) agreements (an error a year after its unverified date); Florida requires one of a county jail (from 2022)', () => {
    expect(
      found(lint({ state: 'OR', date: '2022-08-01', extra: 'agreement287g: jail-enforcement\n' }), 'state-bars-287g')[0]?.severity,
    ).toBe('error');
    expect(
      found(lint({ state: 'OR', date: '2022-01-01', extra: 'agreement287g: jail-enforcement\n' }), 'state-bars-287g')[0]?.severity,
    ).toBe('warning');
    expect(found(lint({ state: 'OR', date: '2022-01-01', extra: 'agreement287g: none\n' }), 'state-bars-287g')).toEqual([]);
    expect(
      found(lint({ state: 'FL', date: '2023-01-01', level: 'county', extra: 'agreement287g: none\n' }), 'state-requires-287g')[0]?.severity,
    ).toBe('warning');
    expect(found(lint({ state: 'FL', date: '2023-01-01', level: 'city', extra: 'agreement287g: none\n' }), 'state-requires-287g')).toEqual(
      [],
    );
  });
});

describe('knowledge-base rows verified but once not encoded', () => {
  const convicted = notify('notify-convicted', '{ all: [{ requested: notify }, { conviction: {} }] }');
  it('Alabama § 31-13-19: declining notice of release for convicted persons is an error from May 18, 2012, a warning before; it reaches persons in custody on a conviction only', () => {
    const after = found(lint({ state: 'AL', date: '2013-01-01' }), 'state-requires-honoring-detainers');
    expect(after).toEqual([
      expect.objectContaining({
        severity: 'error',
        provision: 'default',
        authority: 'al-31-13-19',
        citation: 'Ala. Code § 31-13-19',
        message: expect.stringMatching(
          /declines requests for notice of release; Alabama requires agencies to notify ICE of releases \(where the person is in custody on a conviction for an offense\) since May 18, 2012/,
        ),
      }),
    ]);
    const before = found(lint({ state: 'AL', date: '2012-05-17' }), 'state-requires-honoring-detainers');
    expect(before).toEqual([
      expect.objectContaining({
        severity: 'warning',
        authority: 'al-31-13-19',
        message: expect.stringMatching(/since May 18, 2012, after the effective date \(May 17, 2012\).*cannot be applied now/),
      }),
    ]);
    // Notice for every convicted person meets the duty, on either date; declining the rest is the policy's choice.
    for (const date of ['2012-05-17', '2012-05-18', '2020-01-01'])
      expect(found(lint({ state: 'AL', date, provisions: convicted }), 'state-requires-honoring-detainers'), date).toEqual([]);
    // Notice for persons in custody on a conviction meets it: one held before trial with an old conviction is outside it.
    const custody = notify('notify-serving', '{ all: [{ requested: notify }, { conviction: { current: true } }] }');
    expect(found(lint({ state: 'AL', date: '2020-01-01', provisions: custody }), 'state-requires-honoring-detainers')).toEqual([]);
    // Notice for felons only leaves convicted misdemeanants declined.
    const felons = notify('notify-felons', '{ all: [{ requested: notify }, { conviction: { classes: [felony] } }] }');
    expect(found(lint({ state: 'AL', date: '2020-01-01', provisions: felons }), 'state-requires-honoring-detainers')).toEqual([
      expect.objectContaining({ severity: 'error', provision: 'default' }),
    ]);
    // A notice duty is not a duty to hold: a policy that notifies and never holds is quiet.
    const notifyAll = notify('notify-all', '{ requested: notify }');
    expect(found(lint({ state: 'AL', date: '2020-01-01', provisions: notifyAll }), 'state-requires-honoring-detainers')).toEqual([]);
  });
  it('Maryland HB 444 (2026 Md. Laws ch. 2): a 287(g) agreement is an error from February 17, 2026 (the chapter read) and a warning of later law before; none is quiet', () => {
    const after = found(lint({ state: 'MD', date: '2026-02-17', extra: 'agreement287g: jail-enforcement\n' }), 'state-bars-287g');
    expect(after).toEqual([
      expect.objectContaining({
        severity: 'error',
        authority: 'md-hb444-287g-ban',
        citation: 'Md. Code, Crim. Proc. § 5-104.1 (2026 Md. Laws ch. 2, HB 444)',
        message: expect.stringMatching(/Maryland forbids local agencies to enter one since February 17, 2026 \(Maryland HB 444/),
      }),
    ]);
    // The date was read in the chapter: the finding does not say it is unverified.
    expect(after[0]!.message).not.toMatch(/not verified/);
    // A city is a unit of local government: the ban reaches it too.
    expect(
      found(lint({ state: 'MD', date: '2026-03-01', level: 'city', extra: 'agreement287g: task-force\n' }), 'state-bars-287g').map(
        (d) => d.severity,
      ),
    ).toEqual(['error']);
    const before = found(lint({ state: 'MD', date: '2026-02-16', extra: 'agreement287g: jail-enforcement\n' }), 'state-bars-287g');
    expect(before).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/after the effective date \(February 16, 2026\)/) }),
    ]);
    expect(
      found(
        lint({ state: 'MD', date: '2028-01-01', level: 'county', extra: 'agreement287g: warrant-service-officer\n' }),
        'state-bars-287g',
      ).map((d) => d.severity),
    ).toEqual(['error']);
    // Quiet with no agreement, before and after the date, and when the ordinance does not say.
    for (const date of ['2026-02-16', '2026-03-01']) {
      expect(found(lint({ state: 'MD', date, extra: 'agreement287g: none\n' }), 'state-bars-287g'), date).toEqual([]);
      expect(found(lint({ state: 'MD', date }), 'state-bars-287g'), date).toEqual([]);
    }
  });
  it('Tennessee SB 2223 (2026): a county saying it has no 287(g) agreement gets a warning from May 26, 2026 (a bill tracker, a date not verified) and a warning of later law before; an agreement, or a city, is quiet', () => {
    const after = found(lint({ state: 'TN', date: '2026-05-26', level: 'county', extra: 'agreement287g: none\n' }), 'state-requires-287g');
    expect(after).toEqual([
      expect.objectContaining({
        severity: 'warning',
        authority: 'tn-sb2223-287g',
        message: expect.stringMatching(
          /Tennessee requires the sheriff of each county to enter a 287\(g\) agreement with ICE since May 26, 2026 \(a date not verified\) \(Tennessee SB 2223.*the ordinance says the agency has none/,
        ),
      }),
    ]);
    // Whom the duty binds is said in the act's caption as read ("the sheriff of each county"), not in Texas SB 8's
    // scope (a county that operates or contracts for a jail), which nothing read about this act says.
    expect(after[0]!.message).not.toMatch(/operat/);
    const before = found(lint({ state: 'TN', date: '2026-05-25', level: 'county', extra: 'agreement287g: none\n' }), 'state-requires-287g');
    expect(before).toEqual([
      expect.objectContaining({
        severity: 'warning',
        authority: 'tn-sb2223-287g',
        message: expect.stringMatching(/after the effective date \(May 25, 2026\)/),
      }),
    ]);
    // Years later still a warning: the act was read only in a bill tracker.
    expect(
      found(lint({ state: 'TN', date: '2028-01-01', level: 'county', extra: 'agreement287g: none\n' }), 'state-requires-287g').map(
        (d) => d.severity,
      ),
    ).toEqual(['warning']);
    // A county that does not say: a note, before and after the date.
    for (const date of ['2025-06-01', '2026-08-01'])
      expect(
        found(lint({ state: 'TN', date, level: 'county' }), 'state-requires-287g').map((d) => [d.severity, d.authority]),
        date,
      ).toEqual([['info', 'tn-sb2223-287g']]);
    // Quiet for a county with an agreement of any model, before and after the date, and for a city.
    for (const date of ['2025-06-01', '2026-05-26', '2026-08-01']) {
      for (const model of ['jail-enforcement', 'warrant-service-officer', 'task-force'])
        expect(
          found(lint({ state: 'TN', date, level: 'county', extra: `agreement287g: ${model}\n` }), 'state-requires-287g'),
          `${date} ${model}`,
        ).toEqual([]);
      expect(found(lint({ state: 'TN', date, level: 'city', extra: 'agreement287g: none\n' }), 'state-requires-287g'), date).toEqual([]);
    }
  });
});

describe('hold-exceeds-request and the holidays a hold skips', () => {
  const excl = hold('h', '{ conviction: { classes: [felony] } }', '{ hours: 48, excludingWeekendsAndHolidays: true }');
  it('a hold excluding weekends outlasts the I-247A request; 48 calendar hours does not', () => {
    expect(found(lint({ state: 'PA', date: '2018-01-01', provisions: excl }), 'hold-exceeds-request')[0]?.message).toMatch(
      /up to 120 hours, 72 more/,
    );
    expect(
      found(lint({ state: 'PA', date: '2018-01-01', provisions: hold('c', '{ judicialWarrant: true }') }), 'hold-exceeds-request'),
    ).toEqual([]);
  });
  it('extra local holidays are flagged where a hold skips holidays', () => {
    expect(
      found(lint({ state: 'PA', date: '2018-01-01', provisions: excl, extra: "holidays: ['2018-03-17']\n" }), 'holidays-lengthen-hold'),
    ).toHaveLength(1);
    expect(
      found(
        lint({ state: 'PA', date: '2018-01-01', provisions: hold('c', '{ judicialWarrant: true }'), extra: "holidays: ['2018-03-17']\n" }),
        'holidays-lengthen-hold',
      ),
    ).toEqual([]);
  });
});

describe('later law that has since ended', () => {
  const felony = hold('felony', '{ conviction: { classes: [felony] } }');
  it('Illinois, 2012: one finding from the TRUST Act of August 28, 2017, replaced by the Way Forward Act', () => {
    const d = found(lint({ state: 'IL', date: '2012-01-01', provisions: felony }), 'state-bars-holds');
    expect(d).toEqual([expect.objectContaining({ severity: 'warning', authority: 'il-way-forward-act' })]);
    expect(d[0]!.message).toMatch(
      /has barred such holds since August 28, 2017, after the effective date \(January 1, 2012\) \(Illinois TRUST Act \(PA 100-463\); 5 ILCS 805\/15, replaced on August 2, 2021 by the Illinois Way Forward Act \(PA 102-234\); 5 ILCS 805\/15\), so the provision cannot be applied now/,
    );
  });
  it('California, 2012: honoring every detainer meets the TRUST Act of January 1, 2014, then the Values Act', () => {
    const d = found(lint({ state: 'CA', date: '2012-01-01', provisions: hold('all', '{ requested: hold }') }), 'state-bars-holds');
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toMatch(/has barred such holds since January 1, 2014, after the effective date/);
    expect(d[0]!.message).toMatch(
      /California TRUST Act \(AB 4, 2013\); Cal\. Gov\. Code §§ 7282, 7282\.5 \(2014 text\); read only in secondary sources, replaced on January 1, 2018 \(a date not verified\) by the California Values Act/,
    );
  });
  it('North Carolina, 2020: declining every detainer meets HB 10 of December 1, 2024, then HB 318', () => {
    const d = found(lint({ state: 'NC', date: '2020-01-01', level: 'county' }), 'state-requires-honoring-detainers');
    expect(d).toEqual([expect.objectContaining({ severity: 'warning', authority: 'nc-hb318' })]);
    expect(d[0]!.message).toMatch(
      /after the effective date \(January 1, 2020\), has required agencies to honor detainers .* since December 1, 2024 \(a date not verified\), and, since October 1, 2025, detainers \(where .*replaced on October 1, 2025 by North Carolina HB 318.*; read only in secondary sources\)/,
    );
  });
  it('no-minimum-age names the duty that reaches the minor later and has not ended (North Carolina HB 318, not the replaced HB 10), as the other findings do', () => {
    const felonyCharge = hold('charged', '{ charge: { classes: [felony] } }');
    const before = found(lint({ state: 'NC', date: '2023-06-01', level: 'county', provisions: felonyCharge }), 'no-minimum-age');
    expect(before).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(before[0]!.message).toMatch(/North Carolina HB 318 \(2025\).*forbids from that date/);
    expect(before[0]!.message).toMatch(/since October 1, 2025, after the effective date \(June 1, 2023\)/);
    expect(before[0]!.message).not.toMatch(/HB 10\b|to September 30, 2025/);
    expect(before[0]!.fixes).toEqual([]);
    // On a date HB 10 is in force, it is the law named, and the finding only informs.
    const during = found(lint({ state: 'NC', date: '2025-03-01', level: 'county', provisions: felonyCharge }), 'no-minimum-age');
    expect(during).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: expect.stringMatching(/since December 1, 2024 \(a date not verified\) \(North Carolina HB 10 \(2024\)/),
      }),
    ]);
  });
  it('stays quiet where the ended law allowed the hold, and keeps law in force on the date its own finding', () => {
    // The California TRUST Act allowed holds on a felony conviction: the bar on them began in 2018.
    const ca = found(lint({ state: 'CA', date: '2012-01-01', provisions: felony }), 'state-bars-holds');
    expect(ca).toHaveLength(1);
    expect(ca[0]!.message).toMatch(/bars such holds since January 1, 2018 \(a date not verified\), after the effective date/);
    expect(ca[0]!.message).not.toMatch(/TRUST|replaced/);
    // In 2018 the TRUST Act is the law in force (an error); the Way Forward Act is later law (a warning).
    const il = found(lint({ state: 'IL', date: '2018-01-01', provisions: felony }), 'state-bars-holds');
    expect(il.map((x) => [x.severity, x.authority])).toEqual([
      ['error', 'il-trust-act'],
      ['warning', 'il-way-forward-act'],
    ]);
    expect(il.map((x) => x.message).join('\n')).not.toMatch(/replaced on/);
  });
});

describe('state-protects-status-information', () => {
  it('Georgia, 2020: no conflict only until HB 1105 requires honoring detainers (May 1, 2024)', () => {
    const ds = lint({ state: 'GA', date: '2020-01-01', level: 'county' });
    const info = found(ds, 'state-protects-status-information');
    expect(info).toHaveLength(1);
    expect(info[0]!.message).toMatch(
      /so this policy's limits on holds do not conflict with it \(until May 1, 2024: from that date Georgia HB 1105 requires/,
    );
    expect(found(ds, 'state-requires-honoring-detainers')[0]!.message).toMatch(/since May 1, 2024/);
  });
  it('Mississippi, 2020: no later requirement, so no conflict without a date', () => {
    const info = found(lint({ state: 'MS', date: '2020-01-01' }), 'state-protects-status-information');
    expect(info).toHaveLength(1);
    expect(info[0]!.message).toMatch(/does not require honoring detainers, so this policy's limits on holds do not conflict with it$/);
  });
  it('Arizona, Idaho and Indiana bar limits on enforcement generally: the note says so, and that a court could read limits on holds as one', () => {
    for (const state of ['AZ', 'ID', 'IN']) {
      const info = found(lint({ state, date: '2020-01-01' }), 'state-protects-status-information');
      expect(info).toHaveLength(1);
      expect(info[0]!.severity).toBe('info');
      expect(info[0]!.message).not.toMatch(/sharing immigration-status information|do not conflict/);
      expect(info[0]!.message).toMatch(
        /bars local limits on the enforcement of immigration law but says nothing of honoring detainers, so this policy's limits on holds are not read as such a limit, though a court could read them so( \(until [^)]*\))?$/,
      );
      expect(info[0]!.explanation).toMatch(/no court ruling on that question is on file/);
    }
  });
});

describe('hold-without-judicial-warrant cites each ruling for what it held', () => {
  const felony = hold('felony', '{ conviction: { classes: [felony] } }');
  const message = (date: string) => found(lint({ state: 'PA', date, provisions: felony }), 'hold-without-judicial-warrant')[0]!.message;
  it('the new seizure to Miranda-Olivares and Morales, the detainer as a request to Galarza', () => {
    const m = message('2018-01-01');
    expect(m).toMatch(
      /a new seizure that needs its own probable cause \(Miranda-Olivares v\. Clackamas County, [^)]*\); Morales v\. Chadbourne, 793 F\.3d 208 \(1st Cir\. 2015\)\); a detainer is a request, not a command, so an agency that holds on one can be liable for the hold \(Galarza v\. Szalczyk, 745 F\.3d 634 \(3d Cir\. 2014\)\)$/,
    );
    expect(m).not.toMatch(/since|after the effective date/);
  });
  it('dates the rulings that came after the ordinance', () => {
    expect(message('2012-01-01')).toMatch(
      /courts have held, since April 11, 2014, after the effective date \(January 1, 2012\), that holding a person past release is a new seizure.*, and, since March 4, 2014, that a detainer is a request/,
    );
  });
  it('stays quiet on a hold that needs a judicial warrant', () => {
    expect(
      found(lint({ state: 'PA', date: '2012-01-01', provisions: hold('j', '{ judicialWarrant: true }') }), 'hold-without-judicial-warrant'),
    ).toEqual([]);
  });
});

describe('an effective date the law data could not verify', () => {
  it('Florida SB 168 and Montana HB 200: a warning saying so for an ordinance dated within a year after it', () => {
    const fl = found(lint({ state: 'FL', date: '2020-01-01', level: 'county' }), 'state-requires-honoring-detainers');
    expect(fl).toEqual([expect.objectContaining({ severity: 'warning', authority: 'fl-sb168' })]);
    expect(fl[0]!.message).toMatch(/since July 1, 2019 \(a date not verified\)/);
    const mt = found(lint({ state: 'MT', date: '2022-01-01', level: 'county' }), 'state-requires-honoring-detainers');
    expect(mt).toEqual([expect.objectContaining({ severity: 'warning', authority: 'mt-hb200' })]);
    expect(mt[0]!.message).toMatch(/since March 31, 2021 \(a date not verified\)/);
  });
  it('stays an error where the date does not matter (years later), and a verified date is not marked', () => {
    expect(found(lint({ state: 'FL', date: '2023-01-01', level: 'county' }), 'state-requires-honoring-detainers')[0]!.severity).toBe(
      'error',
    );
    const la = found(lint({ state: 'LA', date: '2024-07-01', level: 'county' }), 'state-requires-honoring-detainers');
    expect(la[0]!.severity).toBe('error');
    expect(la[0]!.message).not.toMatch(/not verified/);
  });
});

describe('a law that binds some levels of government only', () => {
  it('Arkansas: cities are bound from 2020; counties only from Act 654 of 2025, a warning of later law before it', () => {
    const city = found(lint({ state: 'AR', date: '2022-03-01', level: 'city' }), 'state-requires-honoring-detainers');
    expect(city).toEqual([expect.objectContaining({ severity: 'error', authority: 'ar-14-1-103-municipalities' })]);
    const town = found(lint({ state: 'AR', date: '2022-03-01', level: 'town' }), 'state-requires-honoring-detainers');
    expect(town).toEqual([expect.objectContaining({ severity: 'error', authority: 'ar-14-1-103-municipalities' })]);
    // The municipal statute does not reach a county: only the later act, as later law.
    const county = found(lint({ state: 'AR', date: '2022-03-01', level: 'county' }), 'state-requires-honoring-detainers');
    expect(county).toEqual([
      expect.objectContaining({
        severity: 'warning',
        authority: 'ar-act-654',
        message: expect.stringMatching(/since August 5, 2025 \(a date not verified\), after the effective date/),
      }),
    ]);
  });
  // Two acts dated by their state constitution's rule for an act without an emergency clause, not by
  // their signing or enrolment: later law before the date (a warning that the provision cannot be
  // applied now), then in force, marked "a date not verified" (a warning within a year, an error after);
  // a county that honors every request is quiet before and after.
  for (const { state, authority, since, title } of [
    {
      state: 'AR',
      authority: 'ar-act-654',
      since: 'August 5, 2025',
      title:
        'Arkansas Act 654 binds counties from August 5, 2025 (no emergency clause: ninety days after sine die), not from its signing on April 18',
    },
    {
      state: 'ND',
      authority: 'nd-44-08-25',
      since: 'August 1, 2025',
      title:
        'North Dakota 44-08-25: from August 1, 2025 (N.D. Const. art. IV, § 13; no emergency declared), not from enrolment on April 14',
    },
  ]) {
    it(title, () => {
      const county = (date: string, provisions?: string) =>
        found(lint({ state, date, level: 'county', provisions }), 'state-requires-honoring-detainers');
      const notYet = county('2025-06-01');
      expect(notYet).toEqual([expect.objectContaining({ severity: 'warning', authority })]);
      expect(notYet[0]!.message).toMatch(
        new RegExp(`since ${since} \\(a date not verified\\), after the effective date.*cannot be applied now`),
      );
      const inForce = county('2025-09-01');
      expect(inForce).toEqual([expect.objectContaining({ severity: 'warning', authority })]);
      expect(inForce[0]!.message).toContain(`since ${since} (a date not verified)`);
      expect(inForce[0]!.message).not.toMatch(/after the effective date/);
      expect(county('2026-06-01')).toEqual([expect.objectContaining({ severity: 'warning', authority })]);
      expect(county('2026-09-01')).toEqual([expect.objectContaining({ severity: 'error', authority })]);
      const honors = hold('honor', '{ requested: hold }') + notify('notices', '{ requested: notify }');
      expect(county('2025-06-01', honors)).toEqual([]);
      expect(county('2026-09-01', honors)).toEqual([]);
    });
  }
  // Ninety days after Arkansas's sine die of May 5, 2025 is Sunday, August 3; an election-law deadline on a
  // Sunday runs to the Monday (Ark. Code Ann. § 7-1-108), so the referendum deadline was August 4 and the act
  // binds from Tuesday, August 5 (the entry's notes). A county policy dated August 4 is told of it as later law.
  it('Arkansas Act 654: a county policy of August 4, 2025 is before it, one of August 5 under it', () => {
    const county = (date: string) => found(lint({ state: 'AR', date, level: 'county' }), 'state-requires-honoring-detainers');
    expect(county('2025-08-04')[0]!.message).toMatch(/since August 5, 2025 \(a date not verified\), after the effective date/);
    expect(county('2025-08-05')[0]!.message).not.toMatch(/after the effective date/);
  });
});

describe('no-state-law-on-file', () => {
  it('a real state with no law on file: a note that only federal law was checked', () => {
    // Alaska was searched (law/index.yaml): the note gives the date and what was found instead of law.
    expect(found(lint({ state: 'AK', date: '2020-01-01' }), 'no-state-law-on-file')).toEqual([
      expect.objectContaining({
        severity: 'info',
        message:
          'no state law on detainers is on file for AK (Alaska); searched on December 6, 2026: no enacted state law on detainers found ' +
          '(a bill only: HB 205 of the 30th Legislature (2017-18), a ban on municipal sanctuary policies, its outcome not read); only federal law was checked',
        explanation: expect.stringContaining('It was searched on December 6, 2026 for an Alaska statute, court ruling or order'),
      }),
    ]);
    // Delaware was such a state until its 287(g) ban (HB 182, 2025) was encoded, and is no longer one on any date.
    expect(found(lint({ state: 'DE', date: '2020-01-01' }), 'no-state-law-on-file')).toEqual([]);
    // Alabama was such a state until its notice statute (Ala. Code § 31-13-19) was encoded.
    expect(found(lint({ state: 'AL', date: '2020-01-01' }), 'no-state-law-on-file')).toEqual([]);
  });
  it('every state searched and found without law gets the search in its note; a territory never searched is "not researched"', () => {
    for (const state of ['AK', 'HI', 'KY', 'MI', 'OH', 'PA', 'WI']) {
      const [note, ...rest] = found(lint({ state, date: '2026-01-01' }), 'no-state-law-on-file');
      expect(rest, state).toEqual([]);
      expect(note!.message, state).toMatch(
        /; searched on December 6, 2026: no enacted state law on detainers found \((bills only|a bill only): .+\); only federal law was checked$/,
      );
    }
    // Guam has no law on file and no search recorded.
    expect(found(lint({ state: 'GU', date: '2026-01-01' }), 'no-state-law-on-file')).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: 'no state law on detainers is on file for GU (Guam); not researched; only federal law was checked',
        explanation: expect.stringContaining('records no search for one: its law was not researched'),
      }),
    ]);
  });
  it('a state whose law on file binds other levels only: the note says so', () => {
    // Nebraska's Executive Order 25-01 binds state agencies; a county is checked against federal law only.
    expect(found(lint({ state: 'NE', date: '2025-08-01', level: 'county' }), 'no-state-law-on-file')).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: 'no state law on detainers that binds a county is on file for NE (Nebraska); only federal law was checked',
      }),
    ]);
    expect(found(lint({ state: 'NE', date: '2025-08-01', level: 'state' }), 'no-state-law-on-file')).toEqual([]);
  });
  it('stays quiet for a state whose law is on file', () => {
    expect(found(lint({ state: 'IL', date: '2020-01-01' }), 'no-state-law-on-file')).toEqual([]);
  });
});

describe('the words of law findings', () => {
  const all = (d: Doc) =>
    lint(d)
      .map((x) => x.message)
      .join('\n');

  it('a verb agrees with a name of two acts, and an act takes "the"', () => {
    const ct = all({ state: 'CT', date: '2020-01-01', provisions: hold('any', '{ requested: hold }') });
    expect(ct).toMatch(/exceptions? Connecticut PA 19-20 and PA 19-23 allow \(/);
    expect(ct).not.toMatch(/PA 19-23 allows/);
    const il = all({ state: 'IL', date: '2022-01-01', provisions: hold('any', '{ requested: hold }') });
    expect(il).toMatch(/the exception the Illinois Way Forward Act allows \(/);
  });

  it('a required hold says its grounds once, apart from its date; a form is named once; a date clause ends in a comma', () => {
    const nc = all({ state: 'NC', date: '2025-06-01', provisions: hold('warrant', '{ judicialWarrant: true }') });
    expect(nc).toMatch(
      /honor detainers \(where a charge of a felony is pending against the person, for an offense committed on or after December 1, 2024\) since/,
    );
    expect(nc).not.toMatch(/for whom/);
    const tx = all({
      state: 'TX',
      date: '2018-01-01',
      provisions: hold('short', '{ requested: hold }', '{ hours: 24, excludingWeekendsAndHolidays: false }'),
    });
    expect(tx).toContain('a detainer (DHS Form I-247A');
    expect(tx).not.toMatch(/I-247A, DHS Form I-247A/);
    const long = all({
      state: 'CT',
      date: '2015-06-01',
      provisions: hold('long', '{ requested: hold }', '{ hours: 72, excludingWeekendsAndHolidays: true }'),
    });
    expect(long).toMatch(/since April 2, 2017, after the effective date \(June 1, 2015\), a detainer/);
  });
});

describe('what the reviewer found in the law data and its words', () => {
  it('West Virginia, Maine and Florida § 908.11: dates their own notes call unverified are printed as such, and West Virginia is a warning within a year', () => {
    // HB 2008 passed March 11, 2023 and took effect ninety days later, June 9, 2023 (secondary sources):
    // a policy of March 2023 meets it as later law; one within the year after it, a warning; later, an error.
    const wvBefore = found(lint({ state: 'WV', date: '2023-03-01' }), 'state-requires-honoring-detainers');
    expect(wvBefore.map((d) => d.severity)).toEqual(['warning']);
    expect(wvBefore[0]!.message).toMatch(/since June 9, 2023 \(a date not verified\), after the effective date \(March 1, 2023\)/);
    const wv = found(lint({ state: 'WV', date: '2024-03-01' }), 'state-requires-honoring-detainers');
    expect(wv.map((d) => d.severity)).toEqual(['warning']);
    expect(wv[0]!.message).toMatch(/since June 9, 2023 \(a date not verified\) \(/);
    expect(found(lint({ state: 'WV', date: '2024-06-09' }), 'state-requires-honoring-detainers').map((d) => d.severity)).toEqual(['error']);
    const me = found(
      lint({ state: 'ME', date: '2026-01-01', provisions: hold('felony', '{ conviction: { classes: [felony] } }') }),
      'state-bars-holds',
    );
    // LD 1971 became law on January 11, 2026 and takes effect in July 2026 (per secondary sources), not on
    // December 15, 2025 (the day the governor said she would let it become law): later law in January.
    expect(me[0]!.message).toMatch(/since July 1, 2026 \(a date not verified\), after the effective date \(January 1, 2026\)/);
    expect(me.map((d) => d.severity)).toEqual(['info']);
    const meAfter = found(
      lint({ state: 'ME', date: '2026-08-01', provisions: hold('felony', '{ conviction: { classes: [felony] } }') }),
      'state-bars-holds',
    );
    expect(meAfter.map((d) => d.severity)).toEqual(['info']);
    expect(meAfter[0]!.message).toMatch(/bars such holds since July 1, 2026 \(a date not verified\) \(/);
    // Ch. 2022-193 took effect June 17, 2022; the agreement was due by January 1, 2023 (not read in the enacted text).
    const fl = found(lint({ state: 'FL', date: '2023-06-01', level: 'county' }), 'state-requires-287g');
    expect(fl[0]!.message).toMatch(/since January 1, 2023 \(a date not verified\)/);
    expect(found(lint({ state: 'FL', date: '2022-09-01', level: 'county' }), 'state-requires-287g')[0]!.message).toMatch(
      /since January 1, 2023 \(a date not verified\), after the effective date/,
    );
  });

  it('Maryland HB 16 (2021) is not law before its veto was overridden: no note for a 2012 or 2018 ordinance, a note in 2022', () => {
    const felony = hold('felony', '{ conviction: { classes: [felony] } }');
    for (const date of ['2012-06-01', '2018-06-01'])
      expect(
        found(lint({ state: 'MD', date, provisions: felony }), 'state-law-uncertain').filter((d) => d.authority === 'md-hb16'),
      ).toEqual([]);
    const note = found(lint({ state: 'MD', date: '2022-06-01', provisions: felony }), 'state-law-uncertain');
    expect(note.map((d) => [d.severity, d.authority])).toEqual([['info', 'md-hb16']]);
  });

  it('Maryland HB 16 (2021) starts on December 6, 2021, the day the special session that overrode the veto convened: no note on December 5, a note on December 6', () => {
    const felony = hold('felony', '{ conviction: { classes: [felony] } }');
    const md = (date: string) =>
      found(lint({ state: 'MD', date, provisions: felony }), 'state-law-uncertain').filter((d) => d.authority === 'md-hb16');
    expect(md('2021-12-01')).toEqual([]);
    expect(md('2021-12-05')).toEqual([]);
    expect(md('2021-12-06').map((d) => d.severity)).toEqual(['info']);
  });

  it('California: SB 54 bars holds with no exception; a hold on a judicial warrant is one the bar does not reach, not an exception the Act allows', () => {
    const ca = found(
      lint({ state: 'CA', date: '2022-06-01', provisions: hold('felony', '{ conviction: { classes: [felony] } }') }),
      'state-bars-holds',
    );
    expect(ca[0]!.message).toMatch(
      /allows a hold on a civil detainer which the California Values Act bars with no exception \(the bar does not reach a hold where the detainer is supported by a judicial warrant\)/,
    );
    expect(ca[0]!.message).not.toMatch(/exception the California Values Act allows/);
    // The Illinois TRUST Act names its exception: the words stay.
    const il = found(
      lint({ state: 'IL', date: '2019-06-01', provisions: hold('felony', '{ conviction: { classes: [felony] } }') }),
      'state-bars-holds',
    );
    expect(il[0]!.message).toMatch(/outside the exception/);
  });
});

describe('the December 2026 audit: an error about state law rests on text read', () => {
  const felons = hold('felons', '{ conviction: { classes: [felony] } }');
  it('New Hampshire HB 511: declining a request for notice is a notice duty, named as one, and only where the detainer asks for notice', () => {
    const holdsOnly = hold('honor-holds', '{ requested: hold }');
    const d = found(lint({ state: 'NH', date: '2027-03-01', level: 'county', provisions: holdsOnly }), 'state-requires-honoring-detainers');
    expect(d).toEqual([expect.objectContaining({ severity: 'error', authority: 'nh-hb511', provision: 'default' })]);
    expect(d[0]!.message).toMatch(
      /declines requests for notice of release; New Hampshire requires agencies to notify ICE of releases when a detainer asks for notice since January 1, 2026 \(a date not verified\)/,
    );
    expect(d[0]!.message).not.toMatch(/honor/);
    // Within a year of the unverified date: a warning, in the same words.
    expect(
      found(lint({ state: 'NH', date: '2026-03-01', level: 'county', provisions: holdsOnly }), 'state-requires-honoring-detainers').map(
        (x) => x.severity,
      ),
    ).toEqual(['warning']);
    // Giving the notice asked for, and holding where a hold is asked, meets the duty: nothing found.
    const both = holdsOnly + notify('notices', '{ requested: notify }');
    expect(
      found(lint({ state: 'NH', date: '2027-03-01', level: 'county', provisions: both }), 'state-requires-honoring-detainers'),
    ).toEqual([]);
    // Declining holds too is the duty to honor detainers, in those words.
    const all = found(lint({ state: 'NH', date: '2027-03-01', level: 'county' }), 'state-requires-honoring-detainers');
    expect(all[0]!.message).toMatch(
      /declines civil immigration detainers that ask for a hold or for notice; New Hampshire requires agencies to honor them/,
    );
  });
  it("New Hampshire's notice duty rests on the regulation's definition of a detainer, cited in the entry and read in the regulation's entry", () => {
    const nh = LAW.find((a) => a.id === 'nh-hb511')!;
    expect(nh.notification).toBe('required');
    expect(nh.notes!.join(' ')).toMatch(
      /8 C\.F\.R\. § 287\.7[\s\S]*"The detainer is a request that such agency advise the\s+Service, prior to release of the alien"/,
    );
    const reg = LAW.find((a) => a.id === 'us-8-cfr-287-7')!;
    expect(
      reg.sources.some(
        (x) =>
          x.kind === 'primary' && x.quote.startsWith('The detainer is a request that such agency advise the Service, prior to release'),
      ),
    ).toBe(true);
  });
  it('dates read only in secondary sources, or not read, are printed as unverified and give warnings within a year', () => {
    const cases: Array<[Doc, string, string]> = [
      [{ state: 'AR', date: '2020-06-01' }, 'state-requires-honoring-detainers', 'January 1, 2020'],
      [{ state: 'IA', date: '2019-02-01', level: 'county' }, 'state-requires-honoring-detainers', 'July 1, 2018'],
      [{ state: 'CA', date: '2018-06-01', provisions: felons }, 'state-bars-holds', 'January 1, 2018'],
    ];
    for (const [doc, code, date] of cases) {
      const within = found(lint(doc), code);
      expect(
        within.map((x) => x.severity),
        `${doc.state} ${code}`,
      ).toEqual(['warning']);
      expect(within[0]!.message, doc.state).toContain(`${date} (a date not verified)`);
      const later = found(lint({ ...doc, date: `${Number(doc.date!.slice(0, 4)) + 2}${doc.date!.slice(4)}` }), code);
      expect(
        later.map((x) => x.severity),
        `${doc.state} ${code} two years on`,
      ).toEqual(['error']);
    }
  });
  it("Colorado HB19-1124: an error from May 28, 2019 (read in the code's history of C.R.S. 24-76.6-101), later law the day before, quiet for a hold on a judicial warrant", () => {
    for (const date of ['2019-05-28', '2019-09-01', '2020-03-01']) {
      const within = found(lint({ state: 'CO', date, provisions: felons }), 'state-bars-holds');
      expect(
        within.map((x) => [x.severity, x.authority, x.message.includes('since May 28, 2019 (Colorado HB19-1124')]),
        date,
      ).toEqual([['error', 'co-hb19-1124', true]]);
      expect(within[0]!.message).not.toMatch(/not verified/);
    }
    const before = found(lint({ state: 'CO', date: '2019-05-27', provisions: felons }), 'state-bars-holds');
    expect(before).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/since May 28, 2019, after the effective date \(May 27, 2019\).*cannot be applied/),
      }),
    ]);
    const judicial = hold('j', '{ judicialWarrant: true }');
    expect(found(lint({ state: 'CO', date: '2019-09-01', provisions: judicial }), 'state-bars-holds')).toEqual([]);
  });
  it("Vermont: Act 5's date, read in the section's history line, is printed as read (a governor-only rule is at most a warning whatever the date)", () => {
    const vt = found(lint({ state: 'VT', date: '2017-06-01', extra: 'agreement287g: task-force\n' }), 'state-bars-287g');
    expect(vt.map((x) => x.severity)).toEqual(['warning']);
    expect(vt[0]!.message).toContain('March 28, 2017');
    expect(vt[0]!.message).not.toContain('not verified');
    // Before its date: a warning of later law, with the date as read.
    expect(found(lint({ state: 'VT', date: '2017-03-01', extra: 'agreement287g: task-force\n' }), 'state-bars-287g')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('since March 28, 2017, after the effective date (March 1, 2017)'),
      }),
    ]);
  });
  it('law read only in secondary sources says so in the finding: the California TRUST Act (2014 text not read) is a warning', () => {
    const violent = hold('violent', '{ all: [{ requested: hold }, { charge: { classes: [misdemeanor] } }] }');
    const d = found(lint({ state: 'CA', date: '2015-06-01', provisions: violent }), 'state-bars-holds');
    expect(d.map((x) => [x.severity, x.authority])).toContainEqual(['warning', 'ca-trust-act']);
    expect(d.find((x) => x.authority === 'ca-trust-act')!.message).toMatch(/\(2014 text\); read only in secondary sources\)/);
    // So does a 287(g) finding: Tennessee SB 2223 was read only in a bill tracker.
    const tn = found(lint({ state: 'TN', date: '2026-06-01', level: 'county', extra: 'agreement287g: none\n' }), 'state-requires-287g');
    expect(tn[0]!.message).toMatch(/; read only in secondary sources\); the ordinance says the agency has none/);
    // Law read in a primary source carries no such words.
    const tx = found(lint({ state: 'TX', date: '2019-01-01' }), 'state-requires-honoring-detainers');
    expect(tx[0]!.message).not.toMatch(/secondary/);
  });
  it('Connecticut 2014 and Oregon: the grounds, the bar on notice and on 287(g) agreements are each quoted from a primary source', () => {
    const quotes = (id: string) =>
      LAW.find((a) => a.id === id)!
        .sources.filter((x) => x.kind === 'primary')
        .map((x) => x.quote)
        .join(' | ');
    expect(quotes('ct-trust-act-2014')).toMatch(/pending criminal charges in Connecticut where bond has not been posted/);
    expect(quotes('or-sanctuary-promise-act')).toMatch(/custody status, release date/);
    expect(quotes('or-sanctuary-promise-act')).toMatch(/may not enter into a formal or informal agreement/);
    expect(quotes('ca-values-act')).toMatch(/287\(g\) agreements/);
    expect(quotes('il-trust-act')).toMatch(/shall not detain or continue to detain/);
    expect(quotes('il-way-forward-act')).toMatch(/provide notice of release or maintain custody/);
  });
});

describe('federal law: an error rests on the words read', () => {
  const seventyTwo = hold('long', '{ requested: hold }', '{ hours: 72, excludingWeekendsAndHolidays: true }');
  it("hold-exceeds-federal-maximum is an error only while 8 C.F.R. § 287.7's hold limit is read as the regulation's words", () => {
    const reg = LAW.find((a) => a.id === 'us-8-cfr-287-7')!;
    expect(reg.sources.filter((x) => x.kind === 'primary').map((x) => x.quote)).toContainEqual(
      expect.stringContaining('not to exceed 48 hours, excluding Saturdays, Sundays, and holidays'),
    );
    // Each call a new date: a document's text already checked is answered from the cache.
    const severities = (date: string) => found(lint({ state: 'KS', date, provisions: seventyTwo }), 'hold-exceeds-federal-maximum');
    expect(severities('2020-01-01').map((x) => x.severity)).toEqual(['error']);
    // Were the regulation's words read only in secondary sources, the finding would be a warning.
    const was = reg.confidence;
    (reg as { confidence: string }).confidence = 'verified-secondary';
    try {
      expect(severities('2020-02-01').map((x) => x.severity)).toEqual(['warning']);
    } finally {
      (reg as { confidence: string }).confidence = was;
    }
  });
  it('rulings whose holding was read only in a summary are verified-secondary; dates are quoted where read', () => {
    for (const id of ['us-galarza-v-szalczyk', 'us-miranda-olivares'])
      expect(LAW.find((a) => a.id === id)!.confidence, id).toBe('verified-secondary');
    const quotes = (id: string) =>
      LAW.find((a) => a.id === id)!
        .sources.filter((x) => x.kind === 'primary')
        .map((x) => x.quote)
        .join(' | ');
    expect(quotes('us-miranda-olivares')).toContain('Filed 04/11/14');
    expect(quotes('ma-lunn')).toContain('July 24, 2017');
    expect(quotes('ma-lunn')).toMatch(/same power to arrest .* as Massachusetts police officers/);
    expect(quotes('us-8-cfr-287-7')).toContain('effective 4/1/97');
    // Florida's sanctuary policy as enacted (§ 908.102(6)), not the narrower 2019 floor amendment alone.
    expect(quotes('fl-sb168')).toContain('so as to limit such law enforcement agency in, or prohibit the agency from: (a) Complying');
  });
});

describe('the rulings on holds, searched again: what was read in the opinions and what the finding does', () => {
  const galarza = LAW.find((a) => a.id === 'us-galarza-v-szalczyk')!;
  const miranda = LAW.find((a) => a.id === 'us-miranda-olivares')!;
  const read = (a: typeof galarza, kind: 'primary' | 'secondary') =>
    a.sources
      .filter((x) => x.kind === kind)
      .map((x) => x.quote)
      .join(' | ');
  it("Galarza's date is read in the opinion's caption; its holding only as quoted in secondary sources", () => {
    expect(read(galarza, 'primary')).toContain('Opinion Filed: March 4, 2014');
    expect(galarza.effective).toBe('2014-03-04');
    expect(read(galarza, 'primary')).not.toMatch(/do not and cannot compel/);
    expect(read(galarza, 'secondary')).toContain(
      'immigration detainers do not and cannot compel a state or local law enforcement agency to detain suspected aliens subject to removal',
    );
  });
  it("Miranda-Olivares's disposition is read in the opinion; the new-seizure reasoning only in summaries", () => {
    expect(read(miranda, 'primary')).toContain('summary judgment is granted to Miranda-Olivares as to liability on the Second Claim');
    expect(read(miranda, 'primary')).not.toMatch(/new (seizure|arrest)/);
    expect(read(miranda, 'secondary')).toMatch(/new seizure/);
  });
  it('hold-without-judicial-warrant is a warning whatever the rulings are verified as (before: secondary; were they primary)', () => {
    const doc = (date: string) => lint({ state: 'KS', date, provisions: hold('any', '{ requested: hold }') });
    const severities = (date: string) => found(doc(date), 'hold-without-judicial-warrant').map((x) => x.severity);
    expect([galarza.confidence, miranda.confidence]).toEqual(['verified-secondary', 'verified-secondary']);
    expect(severities('2020-03-01')).toEqual(['warning']);
    const was = [galarza.confidence, miranda.confidence];
    (galarza as { confidence: string }).confidence = 'verified-primary';
    (miranda as { confidence: string }).confidence = 'verified-primary';
    try {
      // Each call a new date: a document's text already checked is answered from the cache.
      expect(severities('2020-04-01')).toEqual(['warning']);
    } finally {
      (galarza as { confidence: string }).confidence = was[0]!;
      (miranda as { confidence: string }).confidence = was[1]!;
    }
  });
  it("8 C.F.R. § 287.7: the 1997 rule is read in the Federal Register's heading; its § 287.7 words still in reprints", () => {
    const reg = LAW.find((a) => a.id === 'us-8-cfr-287-7')!;
    expect(read(reg, 'primary')).toContain('[Federal Register Volume 62, Number 44 (Thursday, March 6, 1997)]');
    expect(read(reg, 'primary')).toContain('[Pages 10312-10395]');
    expect(read(reg, 'primary')).toContain(
      'On March 6, 1997, INS and Executive Office of Immigration Review (EOIR) published an interim rule',
    );
    expect(reg.confidence).toBe('verified-primary');
  });
});

describe('a hold or notice the ordinance makes on a finding (the legal-judgement audit of December 7, 2026)', () => {
  // "Hold when the sheriff finds the person a danger to public safety": the cases go to review, and the
  // provision holds once the finding is made. A state's bar reaches that hold as it reaches one on the record.
  const onFinding = hold('danger', '{ discretion: { by: sheriff, finding: the person is a danger to public safety } }');
  const notifyOnFinding = notify('danger', '{ discretion: { by: sheriff, finding: the person is a danger to public safety } }');
  const bars = (state: string, date: string, provisions = onFinding, level = 'city') =>
    found(lint({ state, date, provisions, level }), 'state-bars-holds').map((d) => [d.authority, d.severity, d.provision]);
  it('Massachusetts after Lunn (July 24, 2017): an error; the day before, a warning that it cannot be applied from that date', () => {
    expect(bars('MA', '2017-07-24')).toEqual([['ma-lunn', 'error', 'danger']]);
    expect(bars('MA', '2018-09-01')).toEqual([['ma-lunn', 'error', 'danger']]);
    const before = found(lint({ state: 'MA', date: '2017-07-23', provisions: onFinding }), 'state-bars-holds');
    expect(before).toEqual([expect.objectContaining({ severity: 'warning', authority: 'ma-lunn' })]);
    expect(before[0]!.message).toMatch(/since July 24, 2017, after the effective date \(July 23, 2017\)/);
  });
  it('California (the Values Act), Illinois (the Way Forward Act) and New York (Wells): an error for a hold on a finding', () => {
    expect(bars('CA', '2019-07-01')).toEqual([['ca-values-act', 'error', 'danger']]);
    expect(bars('IL', '2022-09-01')).toEqual([['il-way-forward-act', 'error', 'danger']]);
    expect(bars('NY', '2019-12-01', onFinding, 'county')).toEqual([['ny-wells', 'error', 'danger']]);
  });
  it('quiet where the finding must come with a judicial warrant, and in a state with no bar', () => {
    const withWarrant = hold(
      'danger',
      '{ all: [{ judicialWarrant: true }, { discretion: { by: sheriff, finding: the person is a danger to public safety } }] }',
    );
    expect(bars('IL', '2022-09-01', withWarrant)).toEqual([]);
    expect(bars('MA', '2018-09-01', withWarrant)).toEqual([]);
    expect(bars('PA', '2019-01-01')).toEqual([]);
  });
  it("Connecticut 2014: the Act's own public-safety finding may be the one the sheriff makes, so no error from the 2014 Act", () => {
    expect(bars('CT', '2016-07-01').filter(([a]) => a === 'ct-trust-act-2014')).toEqual([]);
  });
  it('a notice on a finding: an error in Illinois from August 2, 2021, a warning of later law before; within the grounds, quiet', () => {
    const limits = (date: string, provisions = notifyOnFinding) =>
      found(lint({ state: 'IL', date, provisions }), 'state-limits-notification').map((d) => [d.severity, d.provision]);
    expect(limits('2022-09-01')).toEqual([['error', 'danger']]);
    expect(limits('2019-01-01')).toEqual([['warning', 'danger']]);
    expect(
      limits('2022-09-01', notify('danger', '{ all: [{ judicialWarrant: true }, { discretion: { by: sheriff, finding: dangerous } }] }')),
    ).toEqual([]);
  });
  it('a duty to give notice (Alabama, Utah) is not met by notice on a finding: the rest are declined, so it is found, worded as such', () => {
    const duty = (state: string, date: string, provisions = onFinding) =>
      found(lint({ state, date, provisions }), 'state-requires-honoring-detainers');
    for (const provisions of [onFinding, notifyOnFinding]) {
      const al = duty('AL', '2013-07-01', provisions);
      expect(al.map((d) => [d.authority, d.severity, d.provision])).toEqual([['al-31-13-19', 'error', 'danger']]);
      expect(al[0]!.message).toMatch(
        /^§ 2\(a\) \[no heading; (holds the person where|answers the)[^\]]*\] gives notice of release only as a person decides \(an officer's finding or a review\), so the ordinance itself does not give the notice; Alabama requires agencies to notify ICE of releases/,
      );
      // The fix notifies whatever the finding: it removes the finding, keeping what the provision does.
      expect((al[0]!.fixes ?? []).map((f) => f.title)).toEqual(['Notify whatever the finding: remove the finding from this provision']);
      expect(duty('AL', '2012-01-01', provisions).map((d) => d.severity)).toEqual(['warning']);
      // Utah HB 226 was read only in secondary sources: a warning.
      expect(duty('UT', '2025-09-01', provisions).map((d) => [d.authority, d.severity])).toEqual([['ut-hb226-2025', 'warning']]);
    }
    // Notice for every convicted person, whatever the finding, meets the duty: quiet.
    const convicted = notify('notify-convicted', '{ all: [{ requested: notify }, { conviction: {} }] }');
    expect(duty('AL', '2013-07-01', convicted + onFinding)).toEqual([]);
  });
  it('a duty to hold (Texas, Tennessee) that the clause leaves to review or to a finding: it holds only as a person decides, not "does not hold"', () => {
    const reviewAll = `      - id: review-all\n        outcome: review\n`;
    const duty = (state: string, date: string, provisions: string) =>
      found(lint({ state, date, provisions, level: 'county' }), 'state-requires-honoring-detainers');
    // Texas SB 4 requires holds and notice: both are left to the person who reviews.
    const [tx] = duty('TX', '2018-09-01', reviewAll);
    expect(tx!.message).toMatch(
      /^§ 2 \[no heading; leaves the civil immigration detainer to a person’s finding\] holds on civil immigration detainers that ask for a hold, and gives notice of release, only as a person decides \(an officer's finding or a review\), so the ordinance itself neither holds the person nor gives the notice; Texas requires agencies to honor them since September 1, 2017/,
    );
    expect(tx!.severity).toBe('error');
    // Tennessee requires holds only; a hold made on the sheriff's finding reads the same as a review.
    for (const provisions of [reviewAll, onFinding]) {
      const [tn] = duty('TN', '2019-07-01', provisions);
      expect(tn!.message).toMatch(
        /\] holds on civil immigration detainers that ask for a hold only as a person decides \(an officer's finding or a review\), so the ordinance itself does not hold the person; Tennessee requires agencies to honor them since January 1, 2019/,
      );
      expect(tn!.message).not.toMatch(/does not hold on/);
    }
    // A provision that only notifies (on a finding) and one that declines do not hold, whatever anyone decides.
    expect(duty('TN', '2019-07-01', notifyOnFinding)[0]!.message).toMatch(
      /\] does not hold on civil immigration detainers that ask for a hold; Tennessee requires/,
    );
    expect(duty('TX', '2018-09-01', `      - id: never\n        outcome: decline\n`)[0]!.message).toMatch(
      /\] declines civil immigration detainers that ask for a hold or for notice; Texas requires/,
    );
  });
  describe('every detainer sent to review where the state bars holds: a note that the reviewer may not hold on it', () => {
    const review = `      - id: review-all\n        when: { requested: hold }\n        outcome: review\n`;
    const notes = (state: string, date: string, level = 'county', provisions = review) =>
      found(lint({ state, date, level, provisions }), 'state-bars-holds').map((d) => [d.authority, d.severity, d.provision]);
    it('California, Illinois, Oregon, Massachusetts, New York and Colorado: a note (the ordinance holds no one), naming the law', () => {
      expect(notes('CA', '2019-07-01')).toEqual([['ca-values-act', 'info', 'review-all']]);
      expect(notes('IL', '2022-09-01')).toEqual([['il-way-forward-act', 'info', 'review-all']]);
      expect(notes('OR', '2022-09-01')).toEqual([['or-sanctuary-promise-act', 'info', 'review-all']]);
      expect(notes('MA', '2018-09-01')).toEqual([['ma-lunn', 'info', 'review-all']]);
      expect(notes('NY', '2019-12-01')).toEqual([['ny-wells', 'info', 'review-all']]);
      expect(notes('CO', '2020-07-01')).toEqual([['co-hb19-1124', 'info', 'review-all']]);
      const [ca] = found(lint({ state: 'CA', date: '2019-07-01', level: 'county', provisions: review }), 'state-bars-holds');
      expect(ca!.message).toMatch(
        /^§ 2\(a\) \[no heading; leaves the civil immigration detainer to a person’s finding\] sends civil immigration detainers that ask for a hold to review; the reviewer may not hold on the detainer unless the detainer is supported by a judicial warrant: California law bars such holds since January 1, 2018/,
      );
      expect(ca!.message).not.toMatch(/cannot be applied/);
    });
    it('at the edges of the date: from the day the law applies; the day before, a note of the later law', () => {
      expect(notes('CO', '2019-05-28')).toEqual([['co-hb19-1124', 'info', 'review-all']]);
      const before = found(lint({ state: 'CO', date: '2019-05-27', level: 'county', provisions: review }), 'state-bars-holds');
      expect(before.map((d) => d.severity)).toEqual(['info']);
      expect(before[0]!.message).toMatch(/since May 28, 2019, after the effective date \(May 27, 2019\)/);
    });
    it('quiet where the review needs a judicial warrant, in a state with no bar, and under a 287(g) agreement Lunn does not reach', () => {
      const withWarrant = `      - id: review-all\n        when: { all: [{ requested: hold }, { judicialWarrant: true }] }\n        outcome: review\n`;
      expect(notes('CA', '2019-07-01', 'county', withWarrant)).toEqual([]);
      expect(notes('PA', '2020-01-01')).toEqual([]);
      const agreement = found(
        lint({ state: 'MA', date: '2018-09-01', level: 'county', provisions: review, extra: 'agreement287g: jail-enforcement\n' }),
        'state-bars-holds',
      );
      expect(agreement).toEqual([]);
    });
    it('Montana after the laws that may answer Ramon v. Short: a note that whether the reviewer may hold is uncertain, naming each law with its date', () => {
      const uncertainNotes = (date: string, extra?: string) =>
        found(lint({ state: 'MT', date, level: 'county', provisions: review, extra }), 'state-law-uncertain');
      const [note, ...more] = uncertainNotes('2022-06-01');
      expect(more).toEqual([]);
      expect(note).toEqual(expect.objectContaining({ severity: 'info', provision: 'review-all', authority: 'mt-ramon' }));
      expect(note!.message).toMatch(
        /sends civil immigration detainers that ask for a hold to review; in Montana whether the reviewer may hold on the detainer, other than where the detainer is supported by a judicial warrant, is uncertain: Montana courts have held there is no authority for such holds since March 25, 2020 \(Ramon v\. Short, 2020 MT 69, 399 Mont\. 254, 460 P\.3d 867\), and Montana Code § 27-16-801, [^(]*\(Mont\. Code Ann\. § 27-16-801\), since January 1, 2021 \(a date not verified\), and Montana HB 200 \(2021\), [^(]*\(Mont\. Code Ann\. § 2-1-602\), since March 31, 2021 \(a date not verified\), may say otherwise$/,
      );
      expect(note!.citation).toBe(
        'Ramon v. Short, 2020 MT 69, 399 Mont. 254, 460 P.3d 867; Mont. Code Ann. § 27-16-801; Mont. Code Ann. § 2-1-602',
      );
      expect(note!.explanation).toMatch(/Until the conflict is resolved the lint reports these holds as uncertain/);
      // The law in conflict replaces the note that the reviewer may not hold (Ramon v. Short alone).
      expect(notes('MT', '2022-06-01')).toEqual([]);
      // From January 1, 2021 (§ 27-16-801's date, not verified) it names that law; HB 200 only from March 31, 2021.
      const first = uncertainNotes('2021-01-01');
      expect(first.map((d) => [d.severity, /§ 27-16-801/.test(d.message), /HB 200/.test(d.message)])).toEqual([['info', true, false]]);
      // Quiet before: Ramon v. Short alone bars such holds (in force, or later law), and the reviewer is told so.
      for (const date of ['2019-06-01', '2020-06-01', '2020-12-31']) {
        expect(uncertainNotes(date), date).toEqual([]);
        expect(notes('MT', date), date).toEqual([['mt-ramon', 'info', 'review-all']]);
      }
      // A 287(g) agreement gives federal authority the ruling does not reach: no note.
      expect(uncertainNotes('2022-06-01', 'agreement287g: jail-enforcement\n')).toEqual([]);
    });
  });
});
