// The impact report on ICE's released detainer records: each outcome's range where the records
// leave decisions open, the facts that make the difference, and the figures by year, month and facility.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importWorkbookSync, loadOrdinance, summaryBounds } from '../../engine/index';
import { impactReport, impactReportBodyHtml } from '../../engine/export/impact-report';

describe('the impact report on ICE detainer records', () => {
  const bytes = fs.readFileSync(new URL('./fixtures/ice-detainers-fixture.xlsx', import.meta.url));
  const set = importWorkbookSync(bytes.length, (o, n) => bytes.subarray(o, o + n));
  const ordinance = loadOrdinance(
    fs.readFileSync(new URL('../../samples/ordinances/connecticut-trust-act-2014.ordinance.yaml', import.meta.url), 'utf8'),
  ).ordinance!;
  const r = impactReport({ ordinance, cases: set.table, casesLabel: 'ice-detainers-fixture.xlsx' });
  const html = impactReportBodyHtml(r);

  it('gives the range of holds and the facts that leave decisions open, never a guess', () => {
    const u = r.summary.unknowns!;
    const held = summaryBounds(r.summary).range.hold;
    expect(held.atLeast).toBe(u.range.hold.atLeast);
    expect(held.atMost).toBeGreaterThanOrEqual(u.range.hold.atMost);
    expect(html).toContain(`${held.atLeast.toLocaleString('en-US')} to ${held.atMost.toLocaleString('en-US')}`);
    expect(html).toContain('<h2 id="r-unknown">What the records leave open</h2>');
    expect(html).toContain(`<li>${u.facts[0]!.label}: ${u.facts[0]!.decisions.toLocaleString('en-US')}</li>`);
    expect(html).toMatch(/holds have no known end: the records give no release time/);
    expect(html).toContain('hours held past release (release times not in the records)');
  });

  it('has the figures by year, month and facility', () => {
    expect(html).toContain('<caption>Decisions by year of the request</caption>');
    expect(html).toContain('<caption>Decisions by month of the request</caption>');
    expect(html).toContain('<caption>Decisions by facility</caption>');
    for (const year of r.breakdown.byYear) expect(html).toContain(`<th scope="row">${year.key}</th>`);
    expect(html).toContain('<th scope="row">RIVERTON COUNTY JAIL (RIVERTON, MA)</th>');
  });

  it('under a draft that asks no one for a finding: undecided cases by name, unknown cost as a least, no pointer to figures it does not print', () => {
    const violent = loadOrdinance(
      fs.readFileSync(new URL('../../samples/ordinances/violent-convictions-only-2012.ordinance.yaml', import.meta.url), 'utf8'),
    ).ordinance!;
    const v = impactReport({ ordinance: violent, cases: set.table, casesLabel: 'ice-detainers-fixture.xlsx' });
    const page = impactReportBodyHtml(v);
    const open = v.summary.unknowns!.undetermined;
    expect(open).toBe(212);
    // Undecided apart from review: no provision of this draft asks a person for anything.
    expect(page).toContain('<tr><th scope="row">refer for review (a person’s finding)</th><td class="num">0</td>');
    expect(page).toContain('<tr><th scope="row">undecided on these records</th><td class="num">212</td>');
    expect(page).toContain(
      'This policy changes 178 of 400 decisions for certain, and may change 209 more that the records leave undecided under one of the two: 182 from hold to undecided;',
    );
    // The 3 the baseline leaves undecided for want of the request (hold or notify, never decline) that this draft declines differ for certain.
    expect(page).toContain('<tr><td>undecided</td><td>decline</td><td class="num">3</td></tr>');
    expect(page).toContain(
      '<span class="value">178 to 387</span><span class="what">decisions that differ from the baseline (44.5% to 96.8%; 209 undecided on these records under one of the two)</span>',
    );
    // An undecided case names the outcomes it could have and the provisions that would give each, not the first that may apply alone.
    expect(page).toContain(
      '<td>undecided on these records: hold under § 2(a)(1) Convicted of a homicide, at any time or § 2(a)(2) Convicted of a violent crime within ten years, or decline under § 2(b) Otherwise</td>',
    );
    expect(page).not.toContain('<td>undecided (§ 2(a)(1), homicide-any-time)</td>');
    // No release times: the table agrees with the tiles, a least, and the difference is unknown (never ±0).
    expect(page).toContain(
      '<tr><th scope="row">Hours held</th><td class="num">at least 480</td><td></td><td class="num">at least 16,560</td><td class="num">unknown</td></tr>',
    );
    expect(page).toContain('<span class="value">at least 480</span>');
    expect(page).not.toMatch(/<td class="num">\$0<\/td>|±0<\/td><\/tr>\n<tr><th scope="row">Cost/);
    // Coverage: § 2(a)(1), which gives a hold, decided 10 (held), 9 of them perhaps under a later
    // provision instead (the records do not show whether § 2(a)(1) applies). The 212 undecided are
    // decided by none: each provision that may decide them says so, and none counts them as decided.
    expect(page).toContain(
      '<td>hold</td><td class="num">10</td><td class="num">2.5%</td><td>10 hold; 9 of the settled ones perhaps by a later provision instead (the records do not show whether this one applies; the outcome is the same); may decide 212 undecided on these records</td>',
    );
    expect(page).toContain(
      '<td>hold</td><td class="num">0</td><td class="num">0.0%</td><td>none; it may be the one to decide 9 counted under an earlier provision; may decide 212 undecided on these records</td>',
    );
    expect(page).toContain(
      '<td>decline</td><td class="num">178</td><td class="num">44.5%</td><td>178 decline; may decide 211 undecided on these records</td>',
    );
    expect(page).toContain(
      '<p>400 cases: 188 decided, each counted once under the provision credited with it; 212 undecided on these records, counted as decided under no provision and as “may decide” under every provision that may decide each.</p>',
    );
    // The PDF has the months it can print and points to nothing it does not.
    expect(page).not.toContain('breakdown');
  });
});
