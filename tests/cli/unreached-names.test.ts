// `simulate` names the provisions no case reached as every face does (citation and heading, or what
// an unheaded one does), never by id.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-in-process';

const root = path.resolve(__dirname, '../..');

describe('simulate: the line of provisions no case reached', () => {
  it('names an unheaded provision by its citation and what it does', async () => {
    const r = await runCli(
      'simulate',
      path.join(root, 'tests/renderer/fixtures/unheaded-provisions.ordinance.yaml'),
      '--cases',
      path.join(root, 'samples/cases/illustrative.cases.yaml'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('\nNo case reached: § 2(c) [no heading; answers the civil immigration detainer with notice of release only]\n');
  });
});
