// One of a thing is said in the singular: "1 case from FILE", "1 of 1 decision differs", "1 of 2 cases
// has problems", and explain's count of cases not read.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VIOLENT_FELONY_BOOKING } from '../engine/two-holds';
import { runCli } from './run-in-process';

const root = path.resolve(__dirname, '../..');
const berkeley = path.join(root, 'samples/ordinances/berkeley-2012.ordinance.yaml');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plurals-'));
const one = path.join(dir, 'one.cases.json');
const oneBad = path.join(dir, 'one-bad.cases.json');
fs.writeFileSync(one, JSON.stringify([{ ...VIOLENT_FELONY_BOOKING, id: 'only' }]));
fs.writeFileSync(
  oneBad,
  JSON.stringify([
    { ...VIOLENT_FELONY_BOOKING, id: 'good' },
    { ...VIOLENT_FELONY_BOOKING, id: 'bad', age: -4 },
  ]),
);

describe('counts of one', () => {
  it('simulate: one case, and one decision that differs from the baseline', async () => {
    const r = await runCli('simulate', berkeley, '--cases', one, '--baseline', 'honor-all');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`\n1 case from ${one};`);
    expect(r.out).toContain(': 1 of 1 decision differs;');
    expect(r.out).not.toMatch(/\b1 (cases|decisions)\b/);
  });

  it('a case set with one bad case of two, as simulate and explain say it', async () => {
    const r = await runCli('simulate', berkeley, '--cases', oneBad);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${oneBad}: 1 of 2 cases has problems; fix them, or pass --skip-bad to simulate the 1 good one\n`);
    const e = await runCli('explain', berkeley, '--cases', oneBad, '--id', 'nobody');
    expect(e.code).toBe(1);
    expect(e.err).toContain('; 1 of 2 cases was not read for its problems (listed above)');
  });
});
