// The Simulation headline says as held only the holds that are served: a request dated after the
// release time holds no one, and the headline counts it apart, on both sides of a comparison.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { compile, HONOR_ALL, simulate } from '../../engine/index';
import { caseRequestedAt as at, DECLINE_ALL as declineAll, preparedAll } from '../engine/after-release-cases';
import { FiguresByPeriod } from '../../renderer/src/simulation/CaseRecordViews';
import { headline } from '../../renderer/src/simulation/committee';

const cases = preparedAll([at('B-1', '2012-06-06T11:00'), at('B-2', '2012-06-06T20:00')]);

describe('the headline and a request after release', () => {
  it('holds only the case asked for in time, and says the other apart', () => {
    const s = simulate(compile(HONOR_ALL), cases).summary;
    expect(headline({ summary: s })).toBe(
      'Of these 2 detainers, the jail would have held 1 under this draft, for 48 hours past release at a cost of $286. ' +
        'Under this draft it would decline none. ' +
        'One request came after the person’s release time, so no one is held or reported on it: the holds, reports, declines, hours and cost above count none of it (this draft would hold it).',
    );
  });

  it('beside the baseline, each side holds only what it serves', () => {
    const r = simulate(compile(HONOR_ALL), cases, { compare: { policy: compile(HONOR_ALL), title: 'honor all' } });
    expect(
      headline({ summary: r.summary, other: { label: 'if every detainer had been honored', summary: r.comparison!.otherSummary } }),
    ).toContain('the jail would have held 1 under this draft, the same number as if every detainer had been honored, at the same cost.');
  });
});

describe('the counts a reader adds up, with a request after release', () => {
  it('the headline declines only the request that came in time, and says the late one apart', () => {
    const s = simulate(compile(declineAll), cases).summary;
    expect(headline({ summary: s })).toContain('Under this draft it would decline 1. One request came after the person’s release time');
  });

  it('the table by year has a column for it, so each row adds up to its detainers', () => {
    const r = simulate(compile(HONOR_ALL), cases);
    const html = renderToStaticMarkup(
      createElement(FiguresByPeriod, { byYear: r.breakdown.byYear, byMonth: r.breakdown.byMonth, byFacility: [], open: false }),
    );
    expect(html).toContain('After release</th>');
    // 2012: 2 detainers, 1 held, none notified, reviewed or declined, 1 after release.
    expect(html).toContain(
      '<th scope="row">2012</th><td class="num">2</td><td class="num">1</td><td class="num">0</td><td class="num">0</td><td class="num">0</td><td class="num">1</td>',
    );
  });
});
