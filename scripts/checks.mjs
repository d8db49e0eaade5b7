// The static checks `npm test` runs before the tests: the three type-checks (`npm run typecheck`),
// ESLint (`npm run lint`) and Prettier (`npm run format:check`). Each is single-threaded, so they run
// side by side, as many at once as the machine has cores (CHECKS_JOBS sets another number), longest
// first. Each check's output is printed whole when it ends, under its command; the script fails, after
// every check has run, if any of them failed.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (p) => path.join(root, 'node_modules', p);

// Longest first (CPU time of each, measured alone: the three type-checks together about 58 s, Prettier
// 32 s, ESLint 25 s): the last to start is then a short one.
const CHECKS = [
  { name: 'tsc -p tsconfig.json', args: [bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'prettier --check .', args: [bin('prettier/bin/prettier.cjs'), '--check', '.'] },
  { name: 'eslint . --max-warnings 0', args: [bin('eslint/bin/eslint.js'), '.', '--max-warnings', '0'] },
  { name: 'tsc -p tsconfig.renderer.json', args: [bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.renderer.json'] },
  { name: 'tsc -p tsconfig.node.json', args: [bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.node.json'] },
];

const requested = Number(process.env.CHECKS_JOBS);
const jobs = Number.isInteger(requested) && requested > 0 ? requested : Math.max(1, os.availableParallelism());

function run(check) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, check.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => out.push(c));
    const finish = (code, error) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const ok = code === 0 && !error;
      process.stdout.write(`\n> ${check.name}: ${ok ? 'passed' : `FAILED (${error ? error.message : `exit ${code}`})`} in ${seconds} s\n`);
      const text = Buffer.concat(out).toString('utf8');
      if (text.trim()) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      resolve(ok);
    };
    child.on('error', (e) => finish(null, e));
    child.on('close', (code, signal) => finish(code, signal ? new Error(`stopped by ${signal}`) : undefined));
  });
}

const queue = [...CHECKS];
const failed = [];
async function worker() {
  for (let check = queue.shift(); check; check = queue.shift()) if (!(await run(check))) failed.push(check.name);
}
await Promise.all(Array.from({ length: Math.min(jobs, CHECKS.length) }, worker));

if (failed.length) {
  process.stdout.write(`\nchecks failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
process.stdout.write(`\nchecks passed: ${CHECKS.map((c) => c.name).join(', ')}\n`);
