// The officer guide says what the law the policy was checked against says about its steps, silenced
// or not: an author silences a legal finding to keep an enacted text as enacted, and an officer who
// follows the guide must still read that state law bars the hold it describes.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { impactReport, impactReportHtml, officerGuide, renderOfficerGuideHtml } from '../../engine/export/index';
import { felonyHoldText, generatedCases, htmlText, loadFile, ordinanceFrom, root } from './helpers';

const cook = () => loadFile(path.join(root, 'samples/ordinances/cook-county-46-37-2011.ordinance.yaml'));

/** The visible text of one part of the guide's HTML, from `start` to the first `end` after it. */
function between(html: string, start: string, end: string): string {
  const i = html.indexOf(start);
  expect(i, start).toBeGreaterThanOrEqual(0);
  const j = html.indexOf(end, i);
  return htmlText(html.slice(i, j < 0 ? undefined : j), 'strong|em|span|code');
}

describe('officer guide: the law on its steps', () => {
  it("Cook County's guide names the Illinois bar at the top and at the step that holds, with the author's reason", () => {
    const g = officerGuide(cook());
    const bar = g.lawNotes.find((n) => n.code === 'state-bars-holds')!;
    expect(bar).toMatchObject({ number: 1, title: 'State law bars this hold', severity: 'warning', citations: ['§ 2(a)'] });
    expect(bar.message).toContain('Illinois law has barred such holds since August 28, 2017');
    expect(bar.message).toContain('5 ILCS 805/15');
    expect(bar.silenced).toMatch(/^the Illinois TRUST Act barred these holds from August 28, 2017/);
    expect(bar.authority).toMatchObject({ id: 'il-way-forward-act', date: 'from August 2, 2021', after: true });
    // State law first, then the federal findings; the finding with no authority of law (no minimum age) is not a law note.
    expect(g.lawNotes.map((n) => n.code)).toEqual([
      'state-bars-holds',
      'state-limits-notification',
      'hold-exceeds-request',
      'hold-without-judicial-warrant',
    ]);
    const hold = g.steps.find((s) => s.outcome === 'hold')!;
    expect(hold.lawNotes).toEqual([1, 2, 3, 4]);

    const html = renderOfficerGuideHtml(cook());
    // The notes' style is part of the guide's own (a module cycle once made it the word "undefined").
    expect(html).toContain('.law-notes {');
    expect(html).not.toContain('undefined');
    // Before the facts and the steps: the first thing after the header.
    expect(html.indexOf('id="g-law-notes"')).toBeGreaterThan(html.indexOf('</header>'));
    expect(html.indexOf('id="g-law-notes"')).toBeLessThan(html.indexOf('id="g-facts"'));
    const top = between(html, '<section class="law-notes"', '</section>');
    expect(top).toContain(
      'State law bars this hold (§ 2(a)): § 2(a) Written reimbursement agreement in force allows a hold on a civil detainer',
    );
    expect(top).toContain('Illinois law has barred such holds since August 28, 2017');
    expect(top).toContain(
      "The policy's author kept this text with the reason: ‘the Illinois TRUST Act barred these holds from August 28, 2017, and the Illinois Way Forward Act, which replaced it, from August 2, 2021; the sample keeps the 2011 text for comparison and is not a policy in force’.",
    );
    const step = between(html, `id="step-${hold.number}"`, '</section>');
    expect(step).toContain(
      "The law on this step (notes at the top of this guide, each silenced by the policy's author): 1. State law bars this hold: Illinois Way Forward Act (PA 102-234) (5 ILCS 805/15), from August 2, 2021; 2. State law limits notice to ICE",
    );
    // The step that only declines has no note.
    expect(between(html, `id="step-${hold.number + 1}"`, '</section>')).not.toContain('The law on this step');
  });

  it('a draft with no legal finding prints no law notes', () => {
    const o = loadFile(path.join(root, 'samples/ordinances/decline-everything-2012.ordinance.yaml'));
    expect(officerGuide(o).lawNotes).toEqual([]);
    const html = renderOfficerGuideHtml(o);
    expect(html).not.toContain('class="law-notes"');
    expect(html).not.toContain('id="g-law-notes"');
    expect(html).not.toContain('The law on this step');
  });

  it('a finding the author did not silence is printed too, without a reason', () => {
    const g = officerGuide(ordinanceFrom(felonyHoldText('IL', '2012-01-01')));
    const bar = g.lawNotes.find((n) => n.code === 'state-bars-holds')!;
    expect(bar.silenced).toBeUndefined();
    expect(renderOfficerGuideHtml(ordinanceFrom(felonyHoldText('IL', '2012-01-01')))).not.toContain('author kept this text');
  });

  it('dates a law note by when its authority took effect against the date the policy was checked as of', () => {
    const silenced = `${felonyHoldText('IL', '2012-01-01')}suppress:\n  - code: state-bars-holds\n    reason: kept as enacted\n`;
    const then = officerGuide(ordinanceFrom(silenced));
    const bar = then.lawNotes.find((n) => n.code === 'state-bars-holds')!;
    // Law that starts after the as-of date: "from", and the header says the policy was checked as the law has stood since.
    expect(bar.authority).toMatchObject({ date: 'from August 2, 2021', after: true });
    expect(then.law.summary).toContain('as of January 1, 2012');
    expect(then.law.summary).toContain('and as it has stood since');
    // Checked as of a later date, the same law was already in force: "since".
    const now = officerGuide(ordinanceFrom(silenced), { asOf: '2024-01-01' });
    expect(now.lawNotes.find((n) => n.code === 'state-bars-holds')!.authority).toMatchObject({
      date: 'since August 2, 2021',
      after: false,
    });
  });
});

describe('impact report: the law on the policy', () => {
  it("Cook County's report, for a council that weighs the policy, names the Illinois bar before its figures", () => {
    const r = impactReport({ ordinance: cook(), cases: generatedCases(50, 3), casesLabel: 'fifty' });
    expect(r.lawNotes.map((n) => n.code)).toEqual([
      'state-bars-holds',
      'state-limits-notification',
      'hold-exceeds-request',
      'hold-without-judicial-warrant',
    ]);
    const html = impactReportHtml(r);
    expect(html).toContain('.law-notes {');
    expect(html).not.toContain('undefined');
    expect(html.indexOf('id="r-law-notes"')).toBeGreaterThan(html.indexOf('</header>'));
    expect(html.indexOf('id="r-law-notes"')).toBeLessThan(html.indexOf('id="r-summary"'));
    const notes = between(html, '<section class="law-notes"', '</section>');
    expect(notes).toContain('What the law it was checked against says about this policy');
    expect(notes).toContain('Illinois law has barred such holds since August 28, 2017');
    expect(notes).toContain("The policy's author kept this text with the reason: ‘the Illinois TRUST Act barred these holds");
  });

  it('a draft with no legal finding has no law notes in its report', () => {
    const o = loadFile(path.join(root, 'samples/ordinances/decline-everything-2012.ordinance.yaml'));
    const r = impactReport({ ordinance: o, cases: generatedCases(20, 3), casesLabel: 'twenty' });
    expect(r.lawNotes).toEqual([]);
    expect(impactReportHtml(r)).not.toContain('id="r-law-notes"');
  });
});
