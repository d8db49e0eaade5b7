// A mistyped option or command is named with the one it is close to: "--case" gets "did you mean
// --cases?". Only one close candidate earns a guess; a word close to none or to several gets none.

import { describe, expect, it } from 'vitest';
import { nearMiss, parseArgs, UsageError } from '../../cli/args';
import { runCli } from './run-in-process';

const sample = 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml';

describe('near-miss options', () => {
  const cases: Array<[string[], string]> = [
    [['simulate', sample, '--case', 'x.json'], '--cases'],
    [['simulate', sample, '--cases', 'x.json', '--scenaro', 's.yaml'], '--scenario'],
    [['validate', '--exampels', sample], '--examples'],
    [['validate', '--quite', sample], '--quiet'],
    [['export', sample, '--formt', 'md'], '--format'],
    [['diff', sample, sample, '--jsno'], '--json'],
    [['decision-table', sample, '--jsn'], '--json'],
  ];
  for (const [argv, meant] of cases)
    it(`${argv.join(' ')}: did you mean ${meant}?`, async () => {
      const r = await runCli(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`; did you mean ${meant}?`);
    });

  it('guesses nothing for a word close to no option', async () => {
    const r = await runCli('simulate', sample, '--bogus');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option --bogus\n/);
  });

  it('guesses nothing between two close options', () => {
    expect(nearMiss('case', ['cases', 'cased'])).toBeUndefined();
    expect(() => parseArgs(['--case', 'x'], { values: ['cases', 'cased'] })).toThrow(/^unknown option --case$/);
    expect(() => parseArgs(['--case', 'x'], { values: ['cases', 'scenario'] })).toThrow(
      new UsageError('unknown option --case; did you mean --cases?'),
    );
  });

  it('names the command meant by a mistyped one', async () => {
    const r = await runCli('simulte', sample);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "simulte"; did you mean "simulate"?');
    expect((await runCli('frobnicate')).err).not.toContain('did you mean');
  });
});
