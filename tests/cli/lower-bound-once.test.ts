// simulate on ICE's records, which give no release time: that hours and cost are only a lower bound is
// said once, and the line on holds of unknown end says how they are counted without saying it again.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-in-process';

const root = path.resolve(__dirname, '../..');
const violent = path.join(root, 'samples/ordinances/violent-convictions-only-2012.ordinance.yaml');
const xlsx = path.join(root, 'tests/ice/fixtures/ice-detainers-fixture.xlsx');

describe('the lower-bound caveat', () => {
  it('is printed once in one simulate output', async () => {
    const r = await runCli('simulate', violent, '--cases', xlsx, '--facility', 'RIVERTON COUNTY JAIL');
    expect(r.code).toBe(0);
    expect(r.out.match(/lower bound/g)).toHaveLength(1);
    expect(r.out).toContain('Hours and cost are known only as a lower bound: the records give no release time for 3 holds;');
    expect(r.out).toContain(
      '3 holds have no known end (the records give no release time): the hold hours and cost above count them at their limit\n',
    );
  });
});
