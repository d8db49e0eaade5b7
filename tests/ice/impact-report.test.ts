// The impact report on ICE's released detainer records: each outcome's range where the records
// leave decisions open, the facts that make the difference, and the figures by year, month and facility.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importWorkbookSync, loadOrdinance } from '../../engine/index';
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
    expect(html).toContain(`${u.range.hold.atLeast.toLocaleString('en-US')} to ${u.range.hold.atMost.toLocaleString('en-US')}`);
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
});
