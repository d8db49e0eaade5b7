// The app on a settled case more than one provision may decide (the records leave open whether the
// first applies; a later one surely does, with the same outcome): why decisions differ groups and
// says it under each, the cases table names each from the start (before its worker answers), and
// the explanation names no one provision as deciding it.

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { caseColumns, caseTable, changedDecisionGroups, explainCase, loadOrdinance, prepareCase, simulateDraft } from '../../engine/index';
import { CaseTable } from '../../renderer/src/simulation/CaseTable';
import { caseTableMarkup } from './case-table-markup';
import { NO_FILTER } from '../../renderer/src/simulation/case-rows';
import { changeReason } from '../../renderer/src/simulation/committee';
import { HoldHoursChart } from '../../renderer/src/simulation/Charts';
import { DecisionBlock } from '../../renderer/src/simulation/Explanation';
import { DECLINE_ALL_TEXT, twoHoldsText } from '../engine/two-holds';

const twoHolds = loadOrdinance(twoHoldsText('{ hours: 24 }', { headings: true })).ordinance!;
const declineAll = loadOrdinance(DECLINE_ALL_TEXT).ordinance!;

const rape = { offense: 'rape', class: 'felony', degree: 1, categories: ['violent'], convictedOn: '2018-02-01' };
const base = {
  age: 45,
  bookedAt: '2024-03-01T09:00',
  eligibleForReleaseAt: '2024-03-02T10:00',
  detainer: { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00', administrativeWarrant: true },
  convictions: [rape],
};
const table = caseTable(
  [
    // Whether a judge's warrant was issued is not in the records: § 2(a) or, failing it, § 2(b) holds.
    { ...base, id: 'open-first', unknown: ['judicialWarrant'] },
    // § 2(a) surely holds.
    { ...base, id: 'warrant-known', detainer: { ...base.detainer, judicialWarrant: true } },
  ].map((c, i) => {
    const r = prepareCase(c as never, i);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.prepared;
  }),
);

const sim = simulateDraft({
  ordinance: twoHolds,
  cases: table,
  compare: { kind: 'draft', ordinance: declineAll, title: 'Decline all', fingerprint: 'sha256:decline' },
});
const mine = sim.sides.policy;
const theirs = sim.sides.other!;

describe('why decisions differ', () => {
  it('says a group more than one provision may decide under each, apart from the first provision’s own', () => {
    const groups = changedDecisionGroups(mine.codes, theirs.codes, {
      possible: mine.possible!,
      dependsOn: mine.dependsOn!,
      oneOf: mine.oneOf!,
    });
    const reasons = groups.map((g) => changeReason(g, mine.provisions, theirs.provisions, 'Decline all', twoHolds));
    expect(reasons).toHaveLength(2);
    const oneOf = reasons.find((r) => r.example === 0)!;
    expect(oneOf.count).toBe(1);
    expect(oneOf.because).toBe(
      '§ 2(a) (Felony with a judge\u2019s warrant) or, if it does not apply, § 2(b) (Administrative warrant) decides them: these records do not show which, and the outcome is the same either way; Decline all decides them by its otherwise clause.'.replace(
        '\u2019',
        "'",
      ),
    );
    const alone = reasons.find((r) => r.example === 1)!;
    expect(alone.because).toBe("§ 2(a) (Felony with a judge's warrant) decides them; Decline all decides them by its otherwise clause.");
  });

  it('on the compared side too', () => {
    const back = simulateDraft({
      ordinance: declineAll,
      cases: table,
      compare: { kind: 'draft', ordinance: twoHolds, title: 'Two holds', fingerprint: 'sha256:two' },
    });
    const groups = changedDecisionGroups(back.sides.policy.codes, back.sides.other!.codes, {}, { oneOf: back.sides.other!.oneOf! });
    const r = groups.map((g) => changeReason(g, back.sides.policy.provisions, back.sides.other!.provisions, 'Two holds', declineAll));
    expect(r.find((x) => x.example === 0)!.because).toContain(
      "Two holds applies § 2(a) (Felony with a judge's warrant) or, if it does not apply, § 2(b) (Administrative warrant) (these records do not show which)",
    );
  });
});

describe('the cases table', () => {
  const props = {
    label: 'Cases',
    columns: caseColumns(table),
    codes: mine.codes,
    otherCodes: theirs.codes,
    provisions: mine.provisions.slice(0, -1),
    otherwise: mine.provisions.at(-1)!,
    otherProvisions: theirs.provisions.slice(0, -1),
    otherOtherwise: theirs.provisions.at(-1)!,
    possible: mine.possible,
    otherPossible: theirs.possible,
    oneOf: mine.oneOf,
    otherOneOf: theirs.oneOf ?? null,
    filter: NO_FILTER,
    selected: null,
    onSelect: () => undefined,
    height: 400,
  };

  it('names each provision that may decide a case from the start, before its worker answers', () => {
    // The worker has not answered yet: `of` gives undefined.
    const html = renderToStaticMarkup(createElement(CaseTable, { ...props, deciding: { of: () => undefined, want: () => undefined } }));
    const cells = [...html.matchAll(/role="gridcell" class="cell col-provision([^"]*)" title="([^"]*)">([^<]*)</g)].map((m) => [
      m[1],
      m[3],
    ]);
    expect(cells).toEqual([
      [' one-of', '§ 2(a) or § 2(b)'],
      ['', "§ 2(a) Felony with a judge's warrant".replace("'", '&#x27;')],
    ]);
    expect(html).toContain('title="Decided by § 2(a) or, if it does not apply, § 2(b): these records do not show whether § 2(a) applies');
  });

  it('and in the compared column, where the compared policy is the one the records leave open', () => {
    const back = simulateDraft({
      ordinance: declineAll,
      cases: table,
      compare: { kind: 'draft', ordinance: twoHolds, title: 'Two holds', fingerprint: 'sha256:two' },
    });
    const html = renderToStaticMarkup(
      createElement(CaseTable, {
        ...props,
        codes: back.sides.policy.codes,
        otherCodes: back.sides.other!.codes,
        provisions: back.sides.policy.provisions.slice(0, -1),
        otherwise: back.sides.policy.provisions.at(-1)!,
        otherProvisions: back.sides.other!.provisions.slice(0, -1),
        otherOtherwise: back.sides.other!.provisions.at(-1)!,
        possible: back.sides.policy.possible,
        otherPossible: back.sides.other!.possible,
        oneOf: back.sides.policy.oneOf ?? null,
        otherOneOf: back.sides.other!.oneOf!,
      }),
    );
    const other = [...html.matchAll(/role="gridcell" class="cell col-other[^"]*" title="([^"]*)">([^<]*(?:<!-- -->[^<]*)*)</g)].map((m) => [
      m[1],
      m[2]!.replace(/<!-- -->/g, ''),
    ]);
    expect(other[0]![0]).toBe(
      'Under § 2(a) Felony with a judge&#x27;s warrant or, if it does not apply, § 2(b) Administrative warrant: these records do not show which',
    );
    // With two provisions the column names none in its text; the tooltip of the case § 2(a) surely decides names it alone.
    expect(other[0]![1]).toBe('Hold');
    expect(other[1]![0]).toBe('§ 2(a) Felony with a judge&#x27;s warrant');
  });
});

describe('the explanation', () => {
  it('names no one provision as deciding the case, and puts the hold limit under each that may', () => {
    const explained = explainCase({ ordinance: twoHolds, cases: table, index: 0 });
    const html = renderToStaticMarkup(createElement(DecisionBlock, { decision: explained.decision, title: 'This draft' }));
    expect(html).not.toContain('decided by');
    expect(html).not.toContain('>decided<');
    expect(html).toContain('data-testid="decided-by-one-of"');
    expect(html).toContain('Under § 2(a) or, if it does not apply, § 2(b) (these records do not show which)');
    // Without the policy's provisions the view names each by its citation alone, never by its id.
    expect(html).not.toContain('felony-and-warrant');
    expect(html.match(/>may decide</g)).toHaveLength(2);
  });
});

describe('the Outcome column', () => {
  it('shows an undecided case as "Undecided", the full words read out and in its tooltip', () => {
    // The first case as one the records cannot settle (hold or decline).
    const html = caseTableMarkup(
      caseColumns(table),
      { codes: mine.codes, provisions: mine.provisions },
      { possible: Uint8Array.from([0b1001, 0b0001]) },
    );
    const cells = [...html.matchAll(/role="gridcell" class="cell col-outcome[^"]*"( title="[^"]*")?>(.*?)<\/div>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(cells[0]![1]).toBe('Undecided<span class="visually-hidden"> (records)</span>');
    expect(cells[0]![0]).toContain('title="Undecided (records): these records cannot settle the decision');
    expect(cells[1]).toEqual([undefined, 'Hold']);
  });
});

describe('the hold hours chart', () => {
  it('shows holds the records leave to one of several provisions as a bar of their own, with a note', () => {
    const html = renderToStaticMarkup(
      createElement(HoldHoursChart, { rows: [{ label: '§ 2(a)(1) felony-and-warrant', hours: 48 }], oneOfHours: 24 }),
    );
    expect(html).toContain('One of several provisions 24 hours');
    expect(html).toContain('One of several provisions: holds the records leave to more than one provision');
    const without = renderToStaticMarkup(createElement(HoldHoursChart, { rows: [{ label: '§ 2(a)(1) felony-and-warrant', hours: 48 }] }));
    expect(without).not.toContain('One of several');
  });
});
