// The impact report: the simulation's own numbers, the comparison with the baseline or another
// draft, the changed cases and the coverage, with labelled charts.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { impactReport, impactReportHtml } from '../../engine/export/index';
import { escapeHtml } from '../../engine/export/html';
import { compile, HONOR_ALL, provisionTitle, simulate } from '../../engine/index';
import { ctFile, generatedCases, loadFile, rivertonFile } from './helpers';

const root = path.resolve(__dirname, '../..');

describe('impact report', () => {
  const ct = loadFile(ctFile);
  const riverton = loadFile(rivertonFile);
  const cases = generatedCases(500, 5);

  it('reports the simulation against the honor-every-detainer baseline by default', () => {
    const r = impactReport({
      ordinance: ct,
      cases,
      casesLabel: 'synthetic-500.json',
      scenario: { asOf: '2014-06-30', costPerInmateDay: 150 },
    });
    const sim = simulate(compile(ct, { costPerInmateDay: 150 }), cases, {
      compare: { policy: compile(HONOR_ALL, { costPerInmateDay: 150 }), title: 'b' },
    });
    expect(r.summary).toEqual(sim.summary);
    expect(r.otherSummary).toEqual(sim.comparison!.otherSummary);
    expect(r.delta.changed).toBe(sim.comparison!.changed);
    expect(r.delta.cases).toEqual(sim.comparison!.cases.slice(0, 200));
    expect(r.coverage).toEqual(sim.coverage);
    expect(r.other.baseline).toBe(true);
    expect(HONOR_ALL.title).toBe('honor all (the baseline: every detainer honored as requested)');
    expect(r.date).toBe('2014-06-30');

    const html = impactReportHtml(r);
    expect(html).toContain('Simulated on 500 booking cases from synthetic-500.json, as of June 30, 2014');
    // The baseline by its one name, as the CLI and the app name it and its rules are cited.
    expect(html).toContain('; compared with honor all (the baseline: every detainer honored as requested).</p>');
    expect(html).toContain('<dt>Compared with</dt><dd>Honor all (the baseline: every detainer honored as requested), ');
    expect(html).toContain('<th scope="col" class="num">Honor all</th>');
    expect(html).not.toMatch(/honou?r(ing)? every detainer|Baseline:|>Baseline</);
    expect(html).toContain(
      '<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="chart-outcomes-title chart-outcomes-desc"',
    );
    expect(html).toContain(`This policy changes ${r.delta.changed} of 500 decisions`);
    expect(html).toContain('$150');
    expect(html).toContain(r.policy.fingerprint);
    // Each provision by its heading (or what it does), never its id.
    for (const p of r.coverage.provisions) {
      expect(html).toContain(`<td>${p.citation}</td><td>${escapeHtml(provisionTitle({ ...p, heading: r.headings[p.id] }))}</td>`);
      expect(html).not.toContain(`<td>${p.id}</td>`);
    }
  });

  it('compares with another draft, lists at most the requested changed cases, and warns of unreached provisions', () => {
    const r = impactReport({ ordinance: riverton, cases, casesLabel: 'x', compareWith: ct, maxChangedCases: 5 });
    expect(r.other).toMatchObject({ baseline: false, title: ct.title });
    expect(r.delta.cases).toHaveLength(Math.min(5, r.delta.changed));
    const html = impactReportHtml(r);
    expect(html).toContain('Comparison with the other draft');
    if (r.delta.changed > 5) expect(html).toContain(`The first 5 of ${r.delta.changed} changed cases`);
    const unreached = impactReport({ ordinance: ct, cases: cases.slice(0, 3), casesLabel: 'three' });
    expect(unreached.coverage.unreached.length).toBeGreaterThan(0);
    expect(impactReportHtml(unreached)).toContain('class="warning">No case in this set reached');
  });

  it('names a provision no case reached by section and heading, and says when the reimbursement setting keeps it from every case', () => {
    // Cook County's § 2(a) holds only under a written reimbursement agreement; the report assumes none by default.
    const cook = loadFile(path.join(root, 'samples/ordinances/cook-county-46-37-2011.ordinance.yaml'));
    const none = impactReport({ ordinance: cook, cases, casesLabel: 'x' });
    expect(none.coverage.unreached).toEqual(['reimbursed']);
    expect(none.keptOutByAgreement).toEqual(['reimbursed']);
    const html = impactReportHtml(none);
    expect(html).toContain(
      '<p class="warning">No case in this set reached § 2(a) Written reimbursement agreement in force: it applies only while a written reimbursement agreement is in force, and this report assumes none (see Assumptions and sources, below).</p>',
    );
    expect(html).not.toContain('reached provision reimbursed');
    const agreed = impactReport({ ordinance: cook, cases, casesLabel: 'x', scenario: { reimbursementAgreement: true } });
    expect([agreed.coverage.unreached, agreed.keptOutByAgreement]).toEqual([[], []]);
    // A provision the set merely does not reach keeps the general words, named the same way.
    const few = impactReport({ ordinance: ct, cases: cases.slice(0, 3), casesLabel: 'three' });
    expect(few.keptOutByAgreement).toEqual([]);
    const first = few.coverage.provisions.find((p) => p.id === few.coverage.unreached[0])!;
    expect(impactReportHtml(few)).toContain(`No case in this set reached provision`);
    expect(impactReportHtml(few)).toContain(`${first.citation} ${few.headings[first.id] ?? first.id}`);
  });

  it('counts a person’s finding as a hold or not: holds a range, hours and cost a least, the saving a most', () => {
    const r = impactReport({ ordinance: ct, cases, casesLabel: 'synthetic-500.json' });
    const s = r.summary;
    expect(s.outcomes.review).toBeGreaterThan(0);
    const html = impactReportHtml(r);
    const n = (x: number) => x.toLocaleString('en-US');
    // Holds: the certain ones to those plus every referral that could end in one (a referral of a
    // notice-only request never does), never the certain count alone.
    const mayHold = s.finalRange!.findingsMayHold;
    expect(mayHold).toBeGreaterThan(0);
    expect(mayHold).toBeLessThan(s.outcomes.review);
    expect(html).toContain(`<span class="value">${n(s.outcomes.hold)} to ${n(s.outcomes.hold + mayHold)}</span>`);
    expect(html).toContain(`<tr><th scope="row">decline</th><td class="num">0 to ${n(s.outcomes.review)}</td>`);
    expect(html).toMatch(
      /<tr><th scope="row">Cost of holds<\/th><td class="num">at least \$[\d,]+<\/td><td><\/td><td class="num">\$[\d,]+<\/td><td class="num">up to \$[\d,]+ less<\/td><\/tr>/,
    );
    expect(html).toContain(`Hours and cost are known only as a lower bound: ${n(mayHold)} cases left to a person’s finding may be held.`);
    // The coverage table says what a provision gives apart from what its cases got.
    const risk = r.coverage.provisions.find((p) => p.id === 'public-safety-risk')!;
    expect(risk.outcome).toBe('hold');
    expect(html).toContain(
      `<td>Unacceptable risk to public safety</td><td>hold</td><td class="num">${n(risk.decided)}</td><td class="num">${((100 * risk.decided) / s.total).toFixed(1)}%</td><td>${n(risk.decided)} refer for review</td>`,
    );
    // The baseline's reasons are its own, never a section sign a reader would take for the draft's.
    const changed = html.slice(html.indexOf('id="r-changed"'), html.indexOf('id="r-coverage"'));
    expect(changed).toContain('(honor all: hold as requested)');
    expect(changed).toMatch(/<tr><td class="case-id">[^<]*<\/td><td>[a-z]+ \(honor all: /);
    expect(changed).not.toMatch(/<tr><td class="case-id">[^<]*<\/td><td>[a-z]+ \(§/);
  });

  it('points the reader to no figures the report does not print', () => {
    const r = impactReport({ ordinance: ct, cases, casesLabel: 'synthetic-500.json' });
    expect(r.breakdown.byMonth.length).toBeGreaterThan(36);
    const html = impactReportHtml(r);
    expect(html).not.toContain('breakdown');
    expect(html).toContain(
      `The requests span ${r.breakdown.byMonth.length} months, too many to list by month here: the figures are given by year.`,
    );
    expect(html).toContain('<caption>Decisions by year of the request</caption>');
  });

  it('escapes the case set name and policy text', () => {
    const html = impactReportHtml(
      impactReport({ ordinance: riverton, cases: cases.slice(0, 20), casesLabel: '<img src=x onerror=alert(1)>.json' }),
    );
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.json');
  });

  it('names the files of two drafts that have the same title and version, and only then', () => {
    const copy = structuredClone(ct);
    copy.sections[0]!.provisions = copy.sections[0]!.provisions!.slice(1);
    const input = { ordinance: ct, cases, casesLabel: 'synthetic-500.json', compareWith: copy };
    const html = impactReportHtml(impactReport({ ...input, name: 'amended.yaml', compareWithName: 'as-enacted.yaml' }));
    expect(html).toContain(`compared with the draft &quot;${ct.title}&quot; (as-enacted.yaml).`);
    expect(html).toContain(`<dt>Policy</dt><dd>${ct.title}, version ${ct.version} (amended.yaml), `);
    expect(html).toContain(`<dt>Compared with</dt><dd>Other draft: ${ct.title} (as-enacted.yaml), `);

    const other = impactReportHtml(
      impactReport({ ...input, compareWith: riverton, name: 'amended.yaml', compareWithName: 'riverton.yaml' }),
    );
    expect(other).not.toContain('riverton.yaml');
    expect(other).not.toContain('amended.yaml');
  });
});

describe('the coverage chart’s description', () => {
  it('says a provision that decided no case decided none, not "0 cases, none"', () => {
    const few = generatedCases(3, 5);
    const r = impactReport({ ordinance: loadFile(rivertonFile), cases: few, casesLabel: 'three.json' });
    const html = impactReportHtml(r);
    const desc = /<desc id="chart-coverage-desc">([^<]*)<\/desc>/.exec(html)![1]!;
    // Riverton has more provisions than three cases can reach: some decided none, and each says so plainly.
    const none = r.coverage.provisions.filter((p) => p.decided === 0 && p.undetermined === 0);
    expect(none.length).toBeGreaterThan(0);
    for (const p of none) expect(desc).toMatch(new RegExp(`${p.citation.replace(/[()]/g, '\\$&')} [^:]*: no case[;.]`));
    expect(desc).not.toMatch(/\b0 cases|, none\b/);
  });
});

describe('the changed cases name the deciding provisions in words, never by their ids', () => {
  const cook = loadFile(path.join(root, 'samples/ordinances/cook-county-46-37-2011.ordinance.yaml'));
  const ct = loadFile(ctFile);
  const cases = generatedCases(120, 3);
  it('Cook County against the baseline: "decline (§ 2(b) Otherwise)", not "decline (§ 2(b), default)"', () => {
    const html = impactReportHtml(impactReport({ ordinance: cook, cases, casesLabel: 'synthetic' }));
    const changed = html.slice(html.indexOf('id="r-changed"'), html.indexOf('id="r-coverage"'));
    expect(changed).toContain('<td>decline (§ 2(b) Otherwise)</td>');
    expect(changed).not.toMatch(/, default\)|\(default\)/);
  });
  it('a draft against another: each side by its own provisions’ names, with their headings', () => {
    const r = impactReport({ ordinance: cook, compareWith: ct, cases, casesLabel: 'synthetic' });
    const html = impactReportHtml(r);
    const changed = html.slice(html.indexOf('id="r-changed"'), html.indexOf('id="r-coverage"'));
    const ids = compile(ct).provisions.map((p) => p.id);
    for (const id of ids) expect(changed, id).not.toContain(`, ${id})`);
    expect(changed).toContain('<td>hold (§ 3(a)(1) Convicted of a felony)</td><td>decline (§ 2(b) Otherwise)</td>');
  });
  it('counts one case as "1 case", in the coverage chart and the footer', () => {
    const one = impactReportHtml(impactReport({ ordinance: ct, cases: cases.slice(0, 1), casesLabel: 'one case' }));
    expect(one).not.toMatch(/\b1 cases\b/);
    expect(one).toMatch(/: 1 case, /);
    expect(one).toContain('· 1 case from one case');
    expect(one).toContain('Simulated on 1 booking case from one case');
    expect(one).not.toMatch(/\b1 booking cases\b/);
  });
  it('names the policy compared with and its fingerprint without brackets back to back', () => {
    const html = impactReportHtml(impactReport({ ordinance: ct, cases, casesLabel: 'synthetic' }));
    expect(html).toMatch(
      /<p>Honor all \(the baseline: every detainer honored as requested\)\. Fingerprint <span class="fingerprint">[0-9a-f]{12}<\/span>\.<\/p>/,
    );
    expect(html).not.toContain('requested) (fingerprint');
  });
  it('the header says the date once where the version is that date', () => {
    const html = impactReportHtml(impactReport({ ordinance: cook, cases, casesLabel: 'synthetic' }));
    expect(html).toContain('<p>Version 2011-09-07 · Fingerprint');
    const ctHtml = impactReportHtml(impactReport({ ordinance: ct, cases, casesLabel: 'synthetic' }));
    expect(ctHtml).toContain(`<p>Version ${ct.version} · Effective January 1, 2014 · Fingerprint`);
  });
  it('the footers give the effective date as the header does, and "Fingerprint" after a dot as every face', () => {
    const ctHtml = impactReportHtml(impactReport({ ordinance: ct, cases, casesLabel: 'synthetic' }));
    expect(ctHtml).toContain(
      `<footer class="doc-footer"><p>Impact report · ${ct.title} · Version ${ct.version} · Effective January 1, 2014 · Fingerprint`,
    );
    // The page margins (a CSS string): the same facts.
    expect(ctHtml).toContain(`Impact report · Version ${ct.version} · Effective January 1, 2014 · Fingerprint `);
    expect(ctHtml).not.toContain('· fingerprint');
    // Where the version is the date, the date once.
    const cookHtml = impactReportHtml(impactReport({ ordinance: cook, cases, casesLabel: 'synthetic' }));
    expect(cookHtml).toContain('Impact report · Version 2011-09-07 · Fingerprint ');
    expect(cookHtml).not.toContain('Effective September 7, 2011');
  });
});
