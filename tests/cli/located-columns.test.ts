// Bad input is located to its column: a CSV quote that is never closed names the column it opens (as a
// row's other problems do), and `verify` does not count a byte-order mark as a column of the first line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-in-process';

const root = path.resolve(__dirname, '../..');
const policy = path.join(root, 'samples/ordinances/never-minors-or-unconvicted-2012.ordinance.yaml');
let dir: string;
const file = (name: string, content: string | Buffer) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-located-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a CSV quote that is never closed', () => {
  it('names the column where it opens, on its row', async () => {
    const cases = file(
      'open.cases.csv',
      'id,age,bookedAt,eligibleForReleaseAt,requests\n' +
        'B-1,30,2012-06-06T09:00,2012-06-06T16:00,hold\n' +
        'B-2,30,"2012-06-06T09:00,2012-06-06T16:00,hold\n',
    );
    const r = await runCli('simulate', policy, '--cases', cases);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${cases}: row 3: error: bookedAt: a quoted field is not closed`);
  });

  it('in the header, before any column is named, names it by its number', async () => {
    const cases = file(
      'open-header.cases.csv',
      'id,"age,bookedAt,eligibleForReleaseAt,requests\nB-1,30,2012-06-06T09:00,2012-06-06T16:00,hold\n',
    );
    const r = await runCli('simulate', policy, '--cases', cases);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${cases}: row 1: error: column 2: a quoted field is not closed`);
  });
});

describe('verify on a bundle that starts with a byte-order mark', () => {
  it('gives the column as an editor shows it, not counting the mark', async () => {
    const plain = file('plain.json', '{"format": x}');
    const marked = file('marked.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"format": x}')]));
    const a = await runCli('verify', plain);
    const b = await runCli('verify', marked);
    expect(a.code).toBe(1);
    expect(b.code).toBe(1);
    // "x" is the 12th character of the line either way.
    expect(a.err).toContain(`${plain}:1:12: error: a policy bundle is strict JSON: found "x"`);
    expect(b.err).toContain(`${marked}:1:12: error: a policy bundle is strict JSON: found "x"`);
  });
});
