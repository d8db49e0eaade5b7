// The impact report with a request dated after the release time: its outcome rows count the requests
// that came in time, with a row of their own for those after release, and the tables by year a column,
// so every row a committee adds up comes to the cases.
import { describe, expect, it } from 'vitest';
import { renderImpactReportHtml } from '../../engine/export/index';
import { caseRequestedAt as at, DECLINE_ALL as declineAll, preparedAll } from '../engine/after-release-cases';

// B-3 is asked for four hours after its release.
const cases = preparedAll([at('B-1', '2012-06-06T11:00'), at('B-2', '2012-06-06T12:00'), at('B-3', '2012-06-06T20:00')]);

describe('the impact report and a request after release', () => {
  const html = renderImpactReportHtml({ ordinance: declineAll, cases, casesLabel: 'three cases' });

  it('counts the declines in time, and the request after release in a row of its own, on both sides', () => {
    // This policy declines B-1 and B-2; the baseline holds them (its hold on B-3 is not served either).
    expect(html).toMatch(/<tr><th scope="row">decline<\/th><td class="num">2<\/td><td class="num">66\.7%<\/td><td class="num">0<\/td>/);
    expect(html).toMatch(/<tr><th scope="row">hold<\/th><td class="num">0<\/td><td class="num">0\.0%<\/td><td class="num">2<\/td>/);
    expect(html).toContain(
      '<tr><th scope="row">request after release (no one held or reported)</th><td class="num">1</td><td class="num">33.3%</td><td class="num">1</td><td class="num">±0</td></tr>',
    );
  });

  it('says the coverage table counts its decision as the provision decides it', () => {
    expect(html).toContain('<p>The cases each provision decided include the 1 request that came after release, as it decides it,');
  });

  it('gives the tables by year a column for it', () => {
    expect(html).toContain('<th scope="col" class="num">Request after release</th>');
    expect(html).toContain(
      '<tr><th scope="row">2012</th><td class="num">3</td><td class="num">0</td><td class="num">0</td><td class="num">0</td><td class="num">2</td><td class="num">1</td></tr>',
    );
  });
});
