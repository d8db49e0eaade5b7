// Vitest global setup: builds what the tests run (the generated validators, fonts and law data, and the
// bundled command line in dist/) once, before any test file starts. Test files that run the CLI used to
// build it themselves in beforeAll: five builds per run, and, with more than one worker, one file's build
// deleting dist/cli-chunks while another file's CLI was loading them.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default function buildOnce(): void {
  // `npm test` builds first, then runs the unit tests with DS_BUILT=1: no second build.
  if (process.env.DS_BUILT === '1') return;
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
    env: { ...process.env, DS_QUIET_BUILD: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
