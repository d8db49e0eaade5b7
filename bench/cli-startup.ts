// CLI start-up benchmark: `detainer-studio --help` and `COMMAND --help` in fresh processes beside
// `node -e 0`, alternating runs, wall time (a child's CPU time is not visible to Node); budget 1.5x.
// Run with `npm run bench -- startup`.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { median } from './timing';

const BUDGET = 1.5;

export function cliStartupBench(): void {
  const bin = path.join(process.cwd(), 'bin/detainer-studio.mjs');
  const runs: Record<string, string[]> = {
    'node -e 0': ['-e', '0'],
    'detainer-studio --help': [bin, '--help'],
    'detainer-studio validate --help': [bin, 'validate', '--help'],
    'detainer-studio export --help': [bin, 'export', '--help'],
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (let round = 0; round < 11; round++) {
    for (const [name, args] of Object.entries(runs)) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
      const ms = performance.now() - t0;
      if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
      if (round > 0) times[name]!.push(ms);
    }
  }
  console.log(`\n== CLI start-up: fresh processes, wall time, median of 10 alternating runs after one each ==`);
  const base = median(times['node -e 0']!);
  for (const [name, ms] of Object.entries(times)) {
    const m = median(ms);
    const ratio = m / base;
    console.log(
      `${name.padEnd(34)} ${m.toFixed(0).padStart(5)} ms   ${ratio.toFixed(2)}x node -e 0${name === 'node -e 0' ? '' : `   budget <= ${BUDGET}x: ${ratio <= BUDGET ? 'met' : 'NOT met'}`}`,
    );
  }
}
