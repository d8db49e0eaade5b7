// A provision is named to a reader by its citation and heading, or, without a heading, by its citation
// and what it does; the honor-all baseline's rules by their words. Never by its id ("honor-hold",
// "adults-notify"): each face (the explanation, the outline, the unreached notice, the impact report's
// coverage table) names it through the engine's one function.
import fs from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  caseColumns,
  explainCase,
  layoutOrdinance,
  loadOrdinance,
  provisionName,
  provisionShortName,
  provisionShortTitle,
  provisionTitle,
  readCaseSet,
  simulateDraft,
} from '../../engine/index';
import { impactReport, impactReportHtml } from '../../engine/export/index';
import { outlineOf } from '../../renderer/src/analysis/outline';
import { asRecord } from '../../renderer/src/form/document-ops';
import { caseTableMarkup } from './case-table-markup';
import { HoldHoursChart } from '../../renderer/src/simulation/Charts';
import { DecisionBlock } from '../../renderer/src/simulation/Explanation';
import { unreachedWords } from '../../renderer/src/simulation/unreached';

const root = path.resolve(__dirname, '../..');
const text = fs.readFileSync(path.join(__dirname, 'fixtures/unheaded-provisions.ordinance.yaml'), 'utf8');
const loaded = loadOrdinance(text);
const ordinance = loaded.ordinance!;
const cases = readCaseSet(fs.readFileSync(path.join(root, 'samples/cases/illustrative.cases.yaml'), 'utf8'), 'yaml').table;
const ids = ['no-minors', 'no-criminal-conviction', 'honor-others', 'adults-notify', 'honor-hold', 'honor-notify'];
const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'");
const noIds = (words: string) => {
  for (const id of ids) expect(words).not.toContain(id);
};

describe('provisionName and provisionTitle', () => {
  it('name a headed provision by citation and heading, an unheaded one by what it does', () => {
    expect(provisionName({ id: 'x', citation: '§ 2(a)', heading: 'Serious offenses', outcome: 'hold' })).toBe('§ 2(a) Serious offenses');
    expect(provisionName({ id: 'adults-notify', citation: '§ 2(c)', outcome: 'notify' })).toBe(
      '§ 2(c) [no heading; answers the detainer with notice of release only]',
    );
    expect(provisionTitle({ id: 'no-minors', citation: '§ 2(a)(1)', outcome: 'decline' })).toBe('[no heading; declines the detainer]');
    expect(provisionTitle({ id: 'x', citation: '§ 2', outcome: 'hold', heading: '  ' })).toBe(
      '[no heading; holds the person where the detainer asks for a hold, and gives notice where it asks only for notice]',
    );
    expect(provisionName({ id: 'default', citation: '§ 3', heading: 'Otherwise', outcome: 'decline' })).toBe('§ 3 Otherwise');
  });

  it('name the baseline’s rules by their words, never their ids', () => {
    expect(provisionName({ id: 'honor-hold', citation: 'honor all: hold as requested', outcome: 'hold' })).toBe(
      'honor all: hold as requested',
    );
    expect(provisionName({ id: 'default', citation: 'honor all: nothing requested to honor', outcome: 'decline' })).toBe(
      'honor all: nothing requested to honor',
    );
    // A draft's own provision with the baseline's id is named as any other.
    expect(provisionName({ id: 'honor-hold', citation: '§ 2', outcome: 'hold' })).toBe(
      '§ 2 [no heading; holds the person where the detainer asks for a hold, and gives notice where it asks only for notice]',
    );
  });
});

describe('provisionShortName and provisionShortTitle, for a narrow cell', () => {
  it('give an unheaded provision as "[no heading]", a heading, the otherwise clause and a baseline rule as the names do', () => {
    const unheaded = { id: 'x', citation: '§ 2(b)', outcome: 'hold' as const };
    expect(provisionShortName(unheaded)).toBe('§ 2(b) [no heading]');
    expect(provisionShortTitle(unheaded)).toBe('[no heading]');
    expect(provisionShortTitle({ id: 'x', citation: '§ 2(b)', heading: '  ', outcome: 'hold' })).toBe('[no heading]');
    expect(provisionShortName({ id: 'x', citation: '§ 2(a)', heading: 'Serious offenses', outcome: 'hold' })).toBe(
      '§ 2(a) Serious offenses',
    );
    expect(provisionShortName({ id: 'default', citation: '§ 3', outcome: 'decline' })).toBe('§ 3 Otherwise');
    expect(provisionShortName({ id: 'honor-hold', citation: 'honor all: hold as requested', outcome: 'hold' })).toBe(
      'honor all: hold as requested',
    );
  });

  it('the case table’s Decided by cell shows the short name, its title the whole one', () => {
    const sim = simulateDraft({ ordinance, cases });
    const mine = sim.sides.policy;
    const html = caseTableMarkup(caseColumns(cases), mine, { height: 2000 });
    const cells = [...html.matchAll(/class="cell col-provision" title="([^"]*)">([^<]*)</g)].map((m) => [m[1], m[2]]);
    expect(cells).toContainEqual([
      '§ 2(b) [no heading; holds the person where the detainer asks for a hold, and gives notice where it asks only for notice]',
      '§ 2(b) [no heading]',
    ]);
    for (const [, text] of cells) expect(text!.length).toBeLessThan(30);
  });

  it('the hold hours chart draws the short name left of the bar, the whole one as its title, a heading as it is', () => {
    const p = { id: 'x', citation: '§ 2(b)', outcome: 'hold' as const };
    const html = renderToStaticMarkup(
      createElement(HoldHoursChart, {
        rows: [
          { label: provisionName(p), short: provisionShortName(p), hours: 48 },
          { label: '§ 2(c) Felons', short: '§ 2(c) Felons', hours: 24 },
        ],
      }),
    );
    expect(html).toContain(
      '<title>§ 2(b) [no heading; holds the person where the detainer asks for a hold, and gives notice where it asks only for notice]</title>§ 2(b) [no heading]</text>',
    );
    expect(html).toContain('<title>§ 2(c) Felons</title>§ 2(c) Felons</text>');
    // The figure's accessible words give the whole name.
    expect(html).toContain('aria-label="Hold hours by provision: § 2(b) [no heading; holds the person');
  });
});

describe('every face names an unheaded provision without its id', () => {
  const sim = simulateDraft({ ordinance, cases, compare: { kind: 'baseline' } });
  const mine = sim.sides.policy.provisions;
  const theirs = sim.sides.other!.provisions;

  it('the explanation of a case, under the draft and under the baseline', () => {
    const index = cases.length > 2 ? 2 : 0;
    const explained = explainCase({ ordinance, cases, compare: { kind: 'baseline' }, index });
    const draft = plain(
      renderToStaticMarkup(createElement(DecisionBlock, { decision: explained.decision, title: 'This draft', provisions: mine })),
    );
    const baseline = plain(
      renderToStaticMarkup(createElement(DecisionBlock, { decision: explained.other!, title: 'Baseline', provisions: theirs })),
    );
    noIds(draft);
    noIds(baseline);
    expect(draft).toContain('[no heading;');
    expect(baseline).toMatch(/decided by honor all: (hold|notify) as requested[.,]/);
  });

  it('the explanation of a case a hold provision answers with notice alone (the request asked only for notice)', () => {
    // Each case the unheaded hold provision § 2(b) decides: held where ICE asked for a hold, answered with
    // notice where it asked only for notice. The name printed for both must be true of each.
    const held = new Set<string>();
    for (let index = 0; index < cases.length; index++) {
      const explained = explainCase({ ordinance, cases, index });
      if (explained.decision.provision !== 'honor-others') continue;
      held.add(explained.decision.outcome);
      const words = plain(
        renderToStaticMarkup(createElement(DecisionBlock, { decision: explained.decision, title: 'This draft', provisions: mine })),
      );
      expect(words).toContain(
        '[no heading; holds the person where the detainer asks for a hold, and gives notice where it asks only for notice]',
      );
      expect(words).not.toContain('holds the person on the detainer');
    }
    expect([...held].sort()).toEqual(['hold', 'notify']);
  });

  it('the notice of provisions no case reached', () => {
    expect(sim.result.coverage.unreached).toEqual(['adults-notify']);
    expect(unreachedWords(sim.result.coverage.unreached, mine, ordinance, false)).toBe(
      'No case in this set reached § 2(c) [no heading; answers the detainer with notice of release only]: an earlier provision decides every case it would, or the set has no such case.',
    );
  });

  it('the outline', () => {
    const labels = outlineOf(asRecord(loaded.source.value)!, loaded.source, layoutOrdinance(ordinance).citationOf)
      .filter((e) => e.kind === 'provision')
      .map((e) => e.label);
    expect(labels.slice(0, 4)).toEqual([
      '[no heading; declines the detainer]',
      '[no heading; declines the detainer]',
      '[no heading; holds the person where the detainer asks for a hold, and gives notice where it asks only for notice]',
      '[no heading; answers the detainer with notice of release only]',
    ]);
  });

  it('the impact report’s coverage table and its notice', () => {
    const html = impactReportHtml(impactReport({ ordinance, cases, casesLabel: 'illustrative.cases.yaml' }));
    const coverage = plain(/<section aria-labelledby="r-coverage">[\s\S]*?<\/section>/.exec(html)![0]);
    noIds(coverage);
    expect(coverage).toContain('§ 2(c)[no heading; answers the detainer with notice of release only]notify ICE only');
    expect(coverage).toContain(
      'No case in this set reached provision § 2(c) [no heading; answers the detainer with notice of release only]',
    );
  });
});
