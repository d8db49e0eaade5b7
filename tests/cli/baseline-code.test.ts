// `validate` as a process of its own runs on baseline code (cli/baseline-code.ts); other commands keep
// V8's optimizing compiler, and so does any process running commands inside itself (`main`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commands } from '../../cli/registry';

const root = path.resolve(__dirname, '../..');
const SAMPLE = 'samples/ordinances/berkeley-2012.ordinance.yaml';

/** In a fresh process, runs the built CLI's `runAsProcess` or `main` on each command and says after each whether the flag was set. */
function flagsAfter(entry: 'runAsProcess' | 'main', runs: string[][]): boolean[] {
  const cli = pathToFileURL(path.join(root, 'dist', 'cli.mjs')).href;
  const script = `
    const cli = await import(${JSON.stringify(cli)});
    const seen = [];
    for (const argv of ${JSON.stringify(runs)}) {
      await cli.${entry}(argv, { out: () => {}, err: () => {} });
      seen.push(cli.baselineCodePreferred());
    }
    process.stderr.write('FLAGS ' + JSON.stringify(seen) + '\\n');`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  const line = /FLAGS (.*)\n/.exec(r.stderr);
  if (!line) throw new Error(`no result: ${r.stderr.slice(0, 500)}`);
  return JSON.parse(line[1]!) as boolean[];
}

describe('baseline code for short-lived commands', () => {
  it('only validate is short-lived: simulate, generate and the exporters keep the optimizing compiler', () => {
    expect(commands.filter((c) => c.shortLived).map((c) => c.name)).toEqual(['validate']);
  });

  it('as a process of its own: another command and validate --help leave the flags alone; validate sets them', () => {
    expect(
      flagsAfter('runAsProcess', [
        ['render', SAMPLE],
        ['validate', '--help'],
        ['validate', SAMPLE],
      ]),
    ).toEqual([false, false, true]);
  });

  it('inside another process (main): validate leaves the flags alone', () => {
    expect(flagsAfter('main', [['validate', SAMPLE]])).toEqual([false]);
  });
});
