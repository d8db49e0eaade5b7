// `explain --source ice-detainers`: a case of ICE's released records, read as simulate reads them,
// with simulate's messages for a wrong --source and for a file that is not those records.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-in-process';

const root = path.resolve(__dirname, '../..');
const violent = path.join(root, 'samples/ordinances/violent-convictions-only-2012.ordinance.yaml');
const iceCsv = path.join(root, 'tests/ice/fixtures/ice-detainers-fixture.csv');
const bookings = path.join(root, 'samples/cases/synthetic-200.cases.csv');

describe('explain --source', () => {
  it("explains a row of ICE's records read as such", async () => {
    const r = await runCli('explain', violent, '--cases', iceCsv, '--id', 'row-11', '--source', 'ice-detainers');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Case row-11: UNDECIDED: these records cannot settle it\./);
  });

  it('says what simulate says of a --source it does not know, and of a file that is not the records', async () => {
    const bad = await runCli('explain', violent, '--cases', iceCsv, '--id', 'row-11', '--source', 'ice');
    const simBad = await runCli('simulate', violent, '--cases', iceCsv, '--source', 'ice');
    expect(bad.code).toBe(2);
    expect(bad.err.split('\n')[0]).toBe(simBad.err.split('\n')[0]!.replace('simulate', 'explain'));
    const notIce = await runCli('explain', violent, '--cases', bookings, '--id', 'B-0001', '--source', 'ice-detainers');
    const simNotIce = await runCli('simulate', violent, '--cases', bookings, '--source', 'ice-detainers');
    expect(notIce.code).toBe(1);
    expect(notIce.err).toMatch(/synthetic-200\.cases\.csv: row \d+: error: no header row naming "Detainer Prepare Date"/);
    expect(notIce.err).toBe(simNotIce.err);
  });
});
