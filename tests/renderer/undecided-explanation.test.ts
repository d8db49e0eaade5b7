// The app on a case the records leave undecided: the explanation panel and the Deciding-conviction
// tooltip say each outcome it could have with the provisions that would give it, in the changed
// cases' words, and single out no provision (not the first that may apply) as deciding it.

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { caseTable, compile, explainCase, loadOrdinance, prepareCase, settledDecidingConvictions } from '../../engine/index';
import { decidingCell } from '../../renderer/src/simulation/deciding';
import { DecisionBlock } from '../../renderer/src/simulation/Explanation';
import { twoHoldsText } from '../engine/two-holds';

const twoHolds = loadOrdinance(twoHoldsText('{ hours: 24 }', { headings: true })).ordinance!;
const rape = { offense: 'rape', class: 'felony', degree: 1, categories: ['violent'], convictedOn: '2018-02-01' };
const table = caseTable(
  [
    // Neither warrant is in the records: § 2(a) or § 2(b) may hold it, or neither applies and § 2(c) declines it.
    {
      id: 'both-open',
      age: 45,
      bookedAt: '2024-03-01T09:00',
      eligibleForReleaseAt: '2024-03-02T10:00',
      detainer: { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00' },
      convictions: [rape],
      unknown: ['judicialWarrant', 'administrativeWarrant'],
    },
  ].map((c, i) => {
    const r = prepareCase(c as never, i);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.prepared;
  }),
);
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');

describe('the explanation panel', () => {
  const explained = explainCase({ ordinance: twoHolds, cases: table, index: 0 });
  const decision = explained.decision;
  const provisions = [
    { id: 'felony-and-warrant', citation: '§ 2(a)', heading: "Felony with a judge's warrant" },
    { id: 'admin-warrant', citation: '§ 2(b)', heading: 'Administrative warrant' },
  ];
  // The panel names the detainer as the draft's text does (its reasons do too).
  const detainer = explained.detainerTerms.decision;
  const html = renderToStaticMarkup(createElement(DecisionBlock, { decision, title: 'This draft', provisions, detainer }));

  it('says each outcome it could have under the provisions that would give it, not the first provision', () => {
    const verdict = text(/<p class="verdict outcome-review" data-testid="undecided">[\s\S]*?<\/p>/.exec(html)![0]);
    expect(verdict).toBe(
      'Undecided: these records cannot settle it. It turns on whether the civil immigration detainer is supported by a judicial warrant; whether an ICE administrative warrant (form I-200 or I-205) accompanies the civil immigration detainer. ' +
        "It is undecided on these records: hold under § 2(a), Felony with a judge's warrant or § 2(b), Administrative warrant, or decline under the otherwise clause (§ 2(c)); no one provision is named as deciding it.",
    );
    expect(html).not.toContain('first provision');
  });

  it('reads the otherwise clause as explain does: "no provision above applies", not known, since those above are open', () => {
    const line = /<li class="reason depth-0">(?:(?!<li)[\s\S])*?no provision above applies[\s\S]*?<\/li>/.exec(html);
    expect(line).not.toBeNull();
    expect(line![0]).toContain('aria-label="not known from these records, or a person’s finding"');
    expect(text(line![0])).toBe('? no provision above applies');
    expect(html).not.toContain('if no provision above applies');
  });

  it('marks each provision that may give it "may decide", none "decided"', () => {
    expect(html).not.toContain('class="deciding"');
    expect(html).not.toContain('<span class="badge">decided</span>');
    expect(html.match(/<span class="badge muted">may decide<\/span>/g)).toHaveLength(3);
  });
});

describe('the explanation panel, the request unknown', () => {
  it('says how an unknown request is read (a hold, notice, or both; never nothing requested)', () => {
    const unknownRequest = caseTable(
      [
        {
          id: 'request-unknown',
          age: 45,
          bookedAt: '2024-03-01T09:00',
          eligibleForReleaseAt: '2024-03-02T10:00',
          detainer: { requests: [], issuedAt: '2024-03-01T12:00', judicialWarrant: true },
          convictions: [rape],
          unknown: ['requests'],
        },
      ].map((c, i) => {
        const r = prepareCase(c as never, i);
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
        return r.prepared;
      }),
    );
    const explained = explainCase({ ordinance: twoHolds, cases: unknownRequest, index: 0, compare: { kind: 'baseline' } });
    const html = renderToStaticMarkup(createElement(DecisionBlock, { decision: explained.decision, title: 'This draft' }));
    expect(text(html)).toContain(
      'It is undecided on these records: hold or notify under § 2(a); no one provision is named as deciding it. What ICE asked for is not in these records: it is read as a hold, notice, or both, never as nothing requested',
    );
    // The baseline's rules by their words alone, and never its otherwise clause (nothing requested to honor).
    const baseline = text(renderToStaticMarkup(createElement(DecisionBlock, { decision: explained.other!, title: 'Baseline' })));
    expect(baseline).toContain(
      'It is undecided on these records: hold under honor all: hold as requested, or notify under honor all: notify as requested; no one provision is named as deciding it.',
    );
  });
});

describe('the Deciding-conviction tooltip', () => {
  it('says the outcomes it could have as the Decided-by cell does, naming no first provision', () => {
    const found = settledDecidingConvictions(compile(twoHolds), table, [0])[0]!;
    const cell = decidingCell(found);
    expect(cell.text).toBe('not settled');
    expect(cell.title).toBe(
      'No conviction is named: these records cannot settle the decision, so nothing has decided it (undecided on these records: hold under § 2(a) or § 2(b), or decline under the otherwise clause (§ 2(c))). Explain shows the facts it turns on',
    );
    expect(cell.title).not.toContain('first provision');
  });
});

describe('the explanation panel: a fact that changes only which provision decides', () => {
  // § 2(a) holds a felon with both warrants, § 2(b) anyone with an administrative warrant, under the
  // same limit: whether the judge's warrant is there changes only which of them holds.
  const sameLimit = loadOrdinance(
    twoHoldsText('{ hours: 48, excludingWeekendsAndHolidays: true }', { headings: true }).replace(
      '{ judicialWarrant: true } ]',
      '{ judicialWarrant: true }, { administrativeWarrant: true } ]',
    ),
  ).ordinance!;
  const explained = explainCase({ ordinance: sameLimit, cases: table, index: 0 });
  const html = renderToStaticMarkup(
    createElement(DecisionBlock, {
      decision: explained.decision,
      title: 'This draft',
      provisions: [],
      detainer: explained.detainerTerms.decision,
    }),
  );
  const verdict = text(/<p class="verdict outcome-review" data-testid="undecided">[\s\S]*?<\/p>/.exec(html)![0]);

  it('turns on the administrative warrant alone, and says apart what the judge’s warrant changes', () => {
    expect(verdict).toContain(
      'It turns on whether an ICE administrative warrant (form I-200 or I-205) accompanies the civil immigration detainer. It is undecided',
    );
    expect(verdict).toContain(
      'Which provision decides it also turns on whether the civil immigration detainer is supported by a judicial warrant, but that does not change the outcome or how long a hold may last.',
    );
    expect(verdict).not.toMatch(/whether a judicial warrant supports/);
  });
});
