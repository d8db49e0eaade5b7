// The cases table's "Deciding conviction" column: the conviction that satisfied the deciding
// provision's conviction test, found on demand for the rows in view (the simulation records no such
// thing per case), or "—" with a tooltip saying why no conviction decided the case.

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  caseColumns,
  caseTable,
  decidingConvictions,
  loadOrdinance,
  prepareCase,
  simulateDraft,
  settledDecidingConvictions,
  type CaseDecidingConvictions,
  type SettledDecidingConvictions,
} from '../../engine/index';
import { CaseTable } from '../../renderer/src/simulation/CaseTable';
import { NO_FILTER } from '../../renderer/src/simulation/case-rows';
import { DecidingConvictions, decidedByOneOfCell, decidingCell } from '../../renderer/src/simulation/deciding';
import type { CasesLoaded, DecidingConvictionsFound, SimulationDone } from '../../renderer/src/simulation/protocol';
import { SimulationSession, type SimulationPort } from '../../renderer/src/simulation/simulation-session';

const policy = loadOrdinance(`title: Deciding conviction in the table
jurisdiction: { name: Testville, state: NM }
effectiveDate: 2024-01-01
sections:
  - heading: Detainers
    provisions:
      - id: warrant
        heading: Judicial warrant
        when: { judicialWarrant: true }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: false }
      - id: violent
        heading: Violent felonies
        when: { conviction: { classes: [felony], categories: [violent], within: { years: 10, of: request } } }
        outcome: notify
otherwise: decline
`).ordinance!;

function bookingCase(id: string, convictions: Record<string, unknown>[], judicialWarrant = false) {
  return {
    id,
    age: 45,
    bookedAt: '2024-03-01T09:00',
    eligibleForReleaseAt: '2024-03-02T10:00',
    detainer: { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00', judicialWarrant, administrativeWarrant: true },
    convictions,
  };
}

const larceny = { offense: 'larceny', class: 'misdemeanor', categories: ['property'], convictedOn: '2021-05-01' };
const rape = { offense: 'rape', class: 'felony', degree: 1, categories: ['violent', 'sex'], convictedOn: '2018-02-01' };
const murder = { offense: 'murder', class: 'felony', degree: 1, categories: ['violent'], convictedOn: '2005-06-01' };
const assault = { offense: 'assault', class: 'felony', degree: 3, categories: ['violent'], convictedOn: '2020-01-01' };

const table = caseTable(
  [
    bookingCase('B-1', [larceny, rape]),
    bookingCase('B-2', [murder, assault]),
    bookingCase('B-3', [rape], true),
    bookingCase('B-4', [murder]),
  ].map((c, i) => {
    const r = prepareCase(c, i);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.prepared;
  }),
);

describe('decidingCell', () => {
  const sim = simulateDraft({ ordinance: policy, cases: table });
  const found = decidingConvictions(sim.policy, table, [0, 1, 2, 3], sim.sides.policy.codes);

  it('names the conviction that decided, not the most serious or the first on record', () => {
    expect(decidingCell(found[0])).toEqual({
      text: 'rape (felony), 2018',
      title:
        'This conviction satisfied the conviction test of § 2(b), which decided the case: rape (1st-degree felony; violent, sex), convicted 2018-02-01',
    });
    // The murder of 2005 is the more serious, but outside the ten years: the assault decided.
    expect(decidingCell(found[1]).text).toBe('assault (felony), 2020');
  });

  it('is "—" where the deciding provision read no conviction, saying why', () => {
    expect(decidingCell(found[2])).toEqual({
      text: '—',
      title:
        "No conviction decided this case: § 2(a) reads none (it decided on other facts, such as a warrant, the person's age or the detainer)",
    });
    expect(decidingCell(found[3])).toEqual({
      text: '—',
      title: 'No conviction decided this case: the otherwise clause (§ 2(c)) did, reading none',
    });
  });

  it('names none on a decision the records cannot settle, and says nothing has decided it', () => {
    // As the worker gives it (settledDecidingConvictions): no conviction, and each outcome it could have under the provisions that would give it.
    const open: SettledDecidingConvictions = {
      ...found[0]!,
      convictions: [],
      undetermined: true,
      undecided: [
        { outcome: 'hold', under: [{ provision: 'violent', citation: '§ 2(b)' }] },
        { outcome: 'decline', under: [{ provision: 'default', citation: '§ 2(c)' }] },
      ],
    };
    const cell = decidingCell(open);
    expect(cell.text).toBe('not settled');
    expect(cell.title).toBe(
      'No conviction is named: these records cannot settle the decision, so nothing has decided it (undecided on these records: hold under § 2(b), or decline under the otherwise clause (§ 2(c))). Explain shows the facts it turns on',
    );
    expect(cell.title).not.toMatch(/decided (the|this) case/);
  });

  it('says more are counted, and waits while unknown', () => {
    const two: CaseDecidingConvictions = { ...found[0]!, convictions: [found[0]!.convictions[0]!, found[1]!.convictions[0]!] };
    expect(decidingCell(two).text).toBe('rape (felony), 2018 +1 more');
    expect(decidingCell(two).title).toMatch(/^These 2 convictions satisfied/);
    expect(decidingCell(undefined).text).toBe('…');
  });

  /** The table's props for the simulated cases, with no comparison and no filter. */
  const tableProps = () => ({
    label: 'Cases',
    columns: caseColumns(table),
    codes: sim.sides.policy.codes,
    otherCodes: null,
    provisions: sim.sides.policy.provisions.slice(0, -1),
    otherwise: sim.sides.policy.provisions.at(-1)!,
    otherProvisions: [],
    otherOtherwise: null,
    filter: NO_FILTER,
    selected: null,
    onSelect: () => undefined,
  });

  it('the table shows the column beside "Decided by", with the tooltip', () => {
    const html = renderToStaticMarkup(
      createElement(CaseTable, {
        ...tableProps(),
        height: 400,
        deciding: { of: (i) => found[i], want: () => undefined },
      }),
    );
    expect(html).toContain('>Deciding conviction</div>');
    expect(html).toContain('>Most serious conviction</div>');
    expect(html).toContain('aria-colcount="8"');
    const cells = [...html.matchAll(/role="gridcell" class="cell col-deciding[^"]*" title="([^"]*)">([^<]*)</g)].map((m) => m[2]);
    expect(cells).toEqual(['rape (felony), 2018', 'assault (felony), 2020', '—', '—']);
    expect(html).toContain('title="No conviction decided this case: the otherwise clause (§ 2(c)) did, reading none"');
    // The decision's columns first, the deciding conviction beside the provision, then the facts: a
    // narrow pane shows the decision without scrolling sideways.
    const headers = [...html.matchAll(/role="columnheader"[^>]*>(?:<button[^>]*>)?([^<]+)/g)].map((m) => m[1]!.replace(/ [▲▼]$/, ''));
    expect(headers).toEqual([
      'Case',
      'Outcome',
      'Decided by',
      'Deciding conviction',
      'Age',
      'ICE asked for',
      'Most serious conviction',
      'Charged with',
    ]);
    const firstRow = html.slice(html.indexOf('aria-rowindex="2"'), html.indexOf('aria-rowindex="3"'));
    expect([...firstRow.matchAll(/role="gridcell" class="cell (col-[a-z]+)/g)].map((m) => m[1])).toEqual([
      'col-id',
      'col-outcome',
      'col-provision',
      'col-deciding',
      'col-age',
      'col-requests',
      'col-conviction',
      'col-charge',
    ]);
    // Most serious conviction still shows the record: rape for B-1 (not the larceny on record first), murder for B-2.
    const most = [...html.matchAll(/class="cell col-conviction">([^<]*)</g)].map((m) => m[1]);
    expect(most).toEqual(['rape (felony) +1 more', 'murder (felony) +1 more', 'rape (felony)', 'murder (felony)']);
  });

  it('an undecided case: the table names no conviction in its row', () => {
    const open: SettledDecidingConvictions = { ...found[0]!, convictions: [], undetermined: true };
    const html = renderToStaticMarkup(
      createElement(CaseTable, {
        ...tableProps(),
        height: 400,
        deciding: { of: (i) => (i === 0 ? open : found[i]), want: () => undefined },
      }),
    );
    const cells = [...html.matchAll(/role="gridcell" class="cell col-deciding([^"]*)" title="([^"]*)">([^<]*)</g)].map((m) => [m[1], m[3]]);
    expect(cells).toEqual([
      [' open', 'not settled'],
      ['', 'assault (felony), 2020'],
      [' none', '—'],
      [' none', '—'],
    ]);
    expect(html).not.toContain('rape (felony), 2018');
  });

  it('a settled case more than one provision may decide: Decided by names each, and no conviction is named', () => {
    // ICE asked only for notice: a judge's warrant (its presence not in the records) would hold, which comes
    // to notice, and the rape surely gives notice under § 2(b). Notice either way, by § 2(a) or § 2(b).
    const r = prepareCase(
      {
        ...bookingCase('B-5', [rape]),
        detainer: { requests: ['notify'], issuedAt: '2024-03-01T12:00', administrativeWarrant: true },
        unknown: ['judicialWarrant'],
      },
      0,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const open = caseTable([r.prepared]);
    const s = simulateDraft({ ordinance: policy, cases: open });
    const [d] = settledDecidingConvictions(s.policy, open, [0], s.sides.policy.codes);
    expect(d!.undetermined).toBeUndefined();
    expect(d!.decidedByOneOf).toEqual([
      { provision: 'warrant', citation: '§ 2(a)' },
      { provision: 'violent', citation: '§ 2(b)' },
    ]);
    // § 2(b) alone would name the rape; § 2(a) reads no conviction: none is named.
    expect(decidingConvictions(s.policy, open, [0])[0]!.convictions).toEqual([]);
    expect(d!.convictions).toEqual([]);
    expect(decidingCell(d)).toEqual({
      text: 'none named',
      title:
        'No conviction is named: these records leave open whether § 2(a) or § 2(b) decides the case (the outcome is the same either way). Explain shows each test',
    });
    expect(decidedByOneOfCell(d)).toEqual({
      text: '§ 2(a) or § 2(b)',
      title:
        'Decided by § 2(a) or, if it does not apply, § 2(b): these records do not show whether § 2(a) applies, and the outcome is the same either way, so no one provision is named as deciding it',
    });
    expect(decidedByOneOfCell(found[0])).toBeNull();
    const html = renderToStaticMarkup(
      createElement(CaseTable, {
        ...tableProps(),
        columns: caseColumns(open),
        codes: s.sides.policy.codes,
        possible: s.sides.policy.possible,
        height: 400,
        deciding: { of: () => d, want: () => undefined },
      }),
    );
    expect(html).toMatch(
      /class="cell col-provision one-of" title="Decided by § 2\(a\) or, if it does not apply, § 2\(b\)[^"]*">§ 2\(a\) or § 2\(b\)</,
    );
    expect(html).toContain('>none named<');
    expect(html).not.toContain('Judicial warrant<');
    expect(html).not.toContain('applied without a conviction');
  });

  it('without a source of deciding convictions the table has no such column', () => {
    const html = renderToStaticMarkup(
      createElement(CaseTable, {
        ...tableProps(),
      }),
    );
    expect(html).not.toContain('Deciding conviction');
  });
});

const settle = () => new Promise((r) => setTimeout(r, 0));

/** A port running the engine in this process, as the worker does: each run named, its policy and cases kept. */
function enginePort() {
  let last: { run: string; sim: ReturnType<typeof simulateDraft> } | null = null;
  let runs = 0;
  const asked: number[][] = [];
  const port: SimulationPort = {
    caseSource: null,
    loadCases: async () => ({ name: 'cases', count: table.length, columns: caseColumns(table) }) as unknown as CasesLoaded,
    chooseCases: async () => {
      throw new Error('not used');
    },
    simulate: async (request) => {
      const sim = simulateDraft({ ordinance: request.ordinance, cases: table });
      last = { run: `test:${++runs}`, sim };
      return {
        version: request.version,
        run: last.run,
        codes: sim.sides.policy.codes,
        summary: sim.result.summary,
      } as unknown as SimulationDone;
    },
    explain: async () => {
      throw new Error('not used');
    },
    decidingConvictions: async ({ run, indexes }): Promise<DecidingConvictionsFound> => {
      asked.push(indexes);
      const r = last?.run === run ? last : null;
      return { kind: 'deciding', id: 0, run, indexes, found: r ? settledDecidingConvictions(r.sim.policy, table, indexes) : null };
    },
    cancel: () => null,
    dispose: () => undefined,
  };
  return { port, asked };
}

describe('deciding convictions through the simulation session', () => {
  it('asks for the rows shown once per run, and forgets them when the run changes', async () => {
    const { port, asked } = enginePort();
    const session = new SimulationSession(port);
    await session.loadCases({ kind: 'synthetic', name: 'cases', count: 4, seed: 1 });
    session.setDraft(policy, 1, 0);
    await settle();
    let changes = 0;
    const store = new DecidingConvictions(session.decidingConvictions, () => changes++);
    store.setRun(session.state.result!.run);
    store.want([0, 1, 2, 3]);
    store.want([1, 2]);
    await settle();
    expect(asked).toEqual([[0, 1, 2, 3]]);
    expect(changes).toBe(1);
    expect(decidingCell(store.of(0)).text).toBe('rape (felony), 2018');

    // A new run (another draft version): nothing known until asked again.
    session.setDraft(policy, 2, 0);
    await settle();
    store.setRun(session.state.result!.run);
    expect(store.of(0)).toBeUndefined();
    store.want([0]);
    await settle();
    expect(asked).toEqual([[0, 1, 2, 3], [0]]);
    expect(store.of(0)!.convictions[0]!.offense).toBe('rape');
  });

  it('drops an answer for a run no longer shown', async () => {
    let release: (f: DecidingConvictionsFound) => void = () => undefined;
    const store = new DecidingConvictions(
      (indexes) => new Promise((r) => (release = (f) => r({ ...f, indexes }))),
      () => undefined,
    );
    store.setRun('a');
    store.want([0]);
    store.setRun('b');
    release({
      kind: 'deciding',
      id: 0,
      run: 'a',
      indexes: [0],
      found: [{ provision: 'x', citation: '§ 1', readsConvictions: false, convictions: [] }],
    });
    await settle();
    expect(store.of(0)).toBeUndefined();
  });

  it('says so, rather than wait for ever, when the worker no longer has the run (a cancel replaced it)', async () => {
    let changes = 0;
    const store = new DecidingConvictions(
      async (indexes) => ({ kind: 'deciding', id: 0, run: 'a', indexes, found: null }),
      () => changes++,
    );
    store.setRun('a');
    store.want([0, 1]);
    await settle();
    expect(changes).toBe(1);
    expect(store.of(0)).toBeNull();
    expect(decidingCell(store.of(0)).text).toBe('?');
    expect(decidingCell(store.of(0)).title).toMatch(/^Not known for these results/);
    // The next run asks again.
    store.setRun('b');
    expect(store.of(0)).toBeUndefined();
  });
});
