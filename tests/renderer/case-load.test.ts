// A case file the simulation is handed is read as its name says, and a file that gives no case at
// all is refused with its problems (the set loaded before stays), never simulated as "held 0 of 0".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemInTheApp } from '../../engine/index';
import { CaseFileRefused, caseFileOptions, refuseEmpty } from '../../renderer/src/simulation/case-load';
import { importCaseFile } from '../../renderer/src/simulation/workbook-file';
import type { CasesLoaded } from '../../renderer/src/simulation/protocol';
import { SimulationSession, type SimulationPort } from '../../renderer/src/simulation/simulation-session';

const ROOT = path.resolve(__dirname, '../..');

async function refusal(name: string, text: string): Promise<string | null> {
  const set = await importCaseFile(new Blob([text]), caseFileOptions(name));
  try {
    refuseEmpty(name, set);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('a case file with no cases', () => {
  it('named .csv is read as CSV: its header is checked against the case columns', async () => {
    const message = await refusal('jail-export.csv', 'BookingID,Age,BookedDate\nB-1,30,2024-01-02\n');
    expect(message).not.toBeNull();
    // Its header was refused before any record was read: not said to hold no cases, its problems say why.
    expect(message!.split('\n')[0]).toBe('jail-export.csv was not loaded:');
    expect(message!.split('\n')[1]).toBe(
      'jail-export.csv: row 1: error: the header has none of the case columns (id, age, bookedAt, eligibleForReleaseAt, ...); ' +
        'found BookingID, Age, BookedDate. Map the columns with a mapping file on the command line (--mapping FILE; docs/case-files.md), or rename them in the file',
    );
    // Said once: not again column by column, nor as each required column that no column gives; a
    // column like one of ours is named with its likeness.
    expect(message!.split('\n').slice(2)).toEqual([
      'jail-export.csv: row 1: error: unknown column "Age" (column 2); did you mean "age"?; a column mapping can rename it',
      'jail-export.csv: row 1: error: unknown column "BookedDate" (column 3); did you mean "bookedAt"?; a column mapping can rename it',
    ]);
    expect(message).not.toContain('unknown column "BookingID"');
    expect(message).not.toContain('no column gives');
    expect(message).not.toContain('a case set is a list of cases');
  });

  it('with none of the case columns, still names a column that looks like a slip of one of ours, and a column with no name', async () => {
    const message = await refusal('jail-export.csv', 'BookingID,agee,,XYZ\nB-1,30,x,2024-01-02\n');
    const lines = message!.split('\n').slice(1);
    expect(lines[0]).toMatch(/^jail-export\.csv: row 1: error: the header has none of the case columns/);
    expect(lines.slice(1)).toEqual([
      'jail-export.csv: row 1: error: unknown column "agee" (column 2); did you mean "age"?; a column mapping can rename it',
      'jail-export.csv: row 1: error: column 3 has no name; the first row names the columns (id, age, bookedAt, ...)',
    ]);
  });

  it('an ordinance picked as the case file is refused with the YAML problem', async () => {
    const text = readFileSync(path.join(ROOT, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml'), 'utf8');
    const message = await refusal('connecticut-trust-act-2014.ordinance.yaml', text);
    expect(message).toMatch(/^connecticut-trust-act-2014\.ordinance\.yaml was not loaded/);
    expect(message).toContain(':1:1: error: a case set is a list of cases');
  });

  it('a good CSV is read as before', async () => {
    const text = readFileSync(path.join(ROOT, 'samples/cases/synthetic-200.cases.csv'), 'utf8');
    expect(await refusal('synthetic-200.cases.csv', text)).toBeNull();
  });

  it('leaves the set loaded before, and its result, in the simulation', async () => {
    const good = {
      name: 'synthetic-200.cases.csv',
      label: 'Synthetic 200 (synthetic-200.cases.csv)',
      count: 200,
    } as unknown as CasesLoaded;
    let refuse = false;
    const port: SimulationPort = {
      caseSource: null,
      loadCases: async () => {
        if (refuse) throw new Error('jail-export.csv was not loaded: it holds no cases');
        return good;
      },
      chooseCases: async () => good,
      simulate: async () => ({ version: 1, summary: { total: 200 }, ms: 1 }) as never,
      explain: async () => ({}) as never,
      cancel: () => null,
      dispose: () => undefined,
    };
    const sim = new SimulationSession(port);
    expect(await sim.loadCases({ kind: 'text', name: 'synthetic-200.cases.csv', text: '' })).toBe(true);
    refuse = true;
    expect(await sim.loadCases({ kind: 'text', name: 'jail-export.csv', text: '' })).toBe(false);
    expect(sim.state.cases).toBe(good);
    expect(sim.state.status).toEqual({
      kind: 'error',
      message:
        'jail-export.csv was not loaded: it holds no cases\nThe case set Synthetic 200 (synthetic-200.cases.csv), 200 cases, is still loaded.',
      // Apart too, for the refusal said in other words (a header's, above the Map columns panel).
      still: 'The case set Synthetic 200 (synthetic-200.cases.csv), 200 cases, is still loaded.',
    });
  });
});

describe('a CSV refused for an unknown column of its header', () => {
  it('is told in the app to map it in the panel, from the problem’s data; the command line keeps the mapping file’s words', async () => {
    const name = 'jail.csv';
    const set = await importCaseFile(
      new Blob(['id,age,bookedAt,eligibleForReleaseAt,JW\nA,30,2025-09-07 05:00,2025-10-01 12:00,Y\n']),
      caseFileOptions(name),
    );
    expect(set.problems[0]!.header).toMatchObject({ kind: 'unknown', name: 'JW', column: 5 });
    expect(() => refuseEmpty(name, set, problemInTheApp)).toThrow(
      'jail.csv was not loaded:\njail.csv: row 1: error: unknown column "JW" (column 5); the Map columns panel (Map columns…) can say which case column it fills, or leave it out',
    );
    expect(() => refuseEmpty(name, set)).toThrow('jail.csv: row 1: error: unknown column "JW" (column 5); a column mapping can rename it');
  });
});

describe('a CSV of one row per charge refused for its repeated ids', () => {
  it('is refused with the way to the panel’s targets of each row as data, not found by its words', async () => {
    const name = 'jail.csv';
    const set = await importCaseFile(
      new Blob([
        'id,age,bookedAt,eligibleForReleaseAt,charge1.class\nA,30,2012-01-01,2012-01-02,felony\nA,30,2012-01-01,2012-01-02,misdemeanor\n',
      ]),
      caseFileOptions(name),
    );
    let refused: unknown;
    try {
      refuseEmpty(name, set, problemInTheApp);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(CaseFileRefused);
    expect((refused as CaseFileRefused).mendRowItems).toBe(true);
    expect((refused as Error).message).toContain(
      'in the Map columns panel (Map columns…) to its targets under “Charge of each row (one row per charge)”',
    );
    expect((refused as Error).message).not.toContain('--mapping');
  });

  it('is not offered that way for another refusal', async () => {
    const set = await importCaseFile(
      new Blob(['id,age,bookedAt,eligibleForReleaseAt\nA,x,2012-01-01,2012-01-02\n']),
      caseFileOptions('x.csv'),
    );
    expect(() => refuseEmpty('x.csv', set, problemInTheApp)).toThrow(expect.objectContaining({ mendRowItems: false }));
  });
});
