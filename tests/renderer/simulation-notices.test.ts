// Words of the Simulation view found wrong in a first hour with the app: the notice of provisions no
// case reached named them by id ("reached reimbursed") and guessed at earlier provisions where the
// run's own setting (no written reimbursement agreement) kept the provision from applying; a set of
// one month read "By month (1 months)".
import fs from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadOrdinance, readCaseSet, simulateDraft, type Condition, type Ordinance } from '../../engine/index';
import { FiguresByPeriod } from '../../renderer/src/simulation/CaseRecordViews';
import { readsAgreement, requiredAgreement } from '../../engine/agreement';
import { unreachedWords } from '../../renderer/src/simulation/unreached';

const root = path.resolve(__dirname, '../..');
const sample = (name: string) =>
  loadOrdinance(fs.readFileSync(path.join(root, 'samples/ordinances', `${name}.ordinance.yaml`), 'utf8')).ordinance!;
const cases = readCaseSet(fs.readFileSync(path.join(root, 'samples/cases/illustrative.cases.yaml'), 'utf8'), 'yaml').table;
const cook = sample('cook-county-46-37-2011');

function notice(ordinance: Ordinance, reimbursementAgreement: boolean) {
  const sim = simulateDraft({ ordinance, cases, scenario: { reimbursementAgreement } });
  const { unreached } = sim.result.coverage;
  return { unreached, words: unreachedWords(unreached, sim.sides.policy.provisions, ordinance, reimbursementAgreement) };
}

describe('the notice of provisions no case reached', () => {
  it('names Cook County’s § 2(a) by section and heading, and says the setting it waits on', () => {
    const { unreached, words } = notice(cook, false);
    expect(unreached).toEqual(['reimbursed']);
    expect(words).toBe(
      'No case in this set reached § 2(a) Written reimbursement agreement in force: it applies only while a written reimbursement agreement is in force, and this run has none; tick “Written reimbursement agreement in force” above to see its cases.',
    );
    expect(words).not.toContain('earlier provision');
  });

  it('is not shown for § 2(a) once the agreement is ticked: it then decides cases', () => {
    expect(notice(cook, true).unreached).toEqual([]);
    expect(unreachedWords([], [], cook, true)).toBeNull();
  });

  it('keeps the general reason, with section and heading, for a provision the set simply does not reach', () => {
    const words = unreachedWords(
      ['a', 'b'],
      [
        { id: 'a', citation: '§ 2(a)', heading: 'Violent felonies', outcome: 'hold' },
        { id: 'b', citation: '§ 2(b)', outcome: 'notify' },
      ],
      null,
      false,
    );
    expect(words).toBe(
      'No case in this set reached § 2(a) Violent felonies and § 2(b) [no heading; answers the detainer with notice of release only]: an earlier provision decides every case they would, or the set has no such case.',
    );
  });

  it('reads the agreement a condition needs through all, any and not', () => {
    expect(requiredAgreement({ all: [{ age: { atLeast: 18 } }, { reimbursementAgreement: true }] })).toBe(true);
    expect(requiredAgreement({ any: [{ reimbursementAgreement: true }, { judicialWarrant: true }] })).toBeUndefined();
    expect(requiredAgreement({ not: { reimbursementAgreement: true } })).toBe(false);
    expect(requiredAgreement({ judicialWarrant: true })).toBeUndefined();
  });
});

describe('By month', () => {
  const row = (key: string) => ({
    key,
    total: 2,
    outcomes: { hold: 0, notify: 0, review: 0, decline: 2 },
    undetermined: 0,
    held: { atLeast: 0, atMost: 0 },
    afterRelease: 0,
    inTime: { outcomes: { hold: 0, notify: 0, review: 0, decline: 2 }, undetermined: 0 },
  });
  const html = (months: number) =>
    renderToStaticMarkup(
      createElement(FiguresByPeriod, {
        byYear: [row('2024')],
        byMonth: Array.from({ length: months }, (_, i) => row(`2024-0${i + 1}`)),
        byFacility: [],
        open: false,
      }),
    );
  it('counts one month as one month, and more in the plural', () => {
    expect(html(1)).toContain('By month (1 month)</summary>');
    expect(html(2)).toContain('By month (2 months)</summary>');
  });
});

describe('whether a draft turns on a written reimbursement agreement (the Simulation view shows its box only then)', () => {
  it('is so for Cook County’s ordinance, not for a draft that never reads one', () => {
    expect(readsAgreement(cook)).toBe(true);
    expect(readsAgreement(sample('connecticut-trust-act-2014'))).toBe(false);
    expect(readsAgreement(null)).toBe(false);
  });

  it('finds the agreement inside all, any and not', () => {
    const draft = (when: Condition) =>
      ({ ...cook, sections: [{ heading: 'x', provisions: [{ id: 'p', when, outcome: 'hold' }] }] }) as Ordinance;
    expect(readsAgreement(draft({ all: [{ age: { atLeast: 18 } }, { any: [{ not: { reimbursementAgreement: true } }] }] }))).toBe(true);
    expect(readsAgreement(draft({ all: [{ age: { atLeast: 18 } }, { any: [{ not: { judicialWarrant: true } }] }] }))).toBe(false);
  });
});
