// `validate` runs on baseline code (cli/baseline-code.ts); commands over many cases keep V8's optimizing compiler.
import { describe, expect, it } from 'vitest';
import { baselineCodePreferred } from '../../cli/baseline-code';
import { commands } from '../../cli/registry';
import { runCli } from './run-in-process';

const SAMPLE = 'samples/ordinances/berkeley-2012.ordinance.yaml';

describe('baseline code for short-lived commands', () => {
  it('only validate is short-lived: simulate, generate and the exporters keep the optimizing compiler', () => {
    expect(commands.filter((c) => c.shortLived).map((c) => c.name)).toEqual(['validate']);
  });

  it('another command leaves the flags alone; validate sets them before it checks', async () => {
    const rendered = await runCli('render', SAMPLE);
    expect(rendered.code).toBe(0);
    expect(baselineCodePreferred()).toBe(false);
    const checked = await runCli('validate', SAMPLE);
    expect(checked.code).toBe(0);
    expect(baselineCodePreferred()).toBe(true);
  });
});
