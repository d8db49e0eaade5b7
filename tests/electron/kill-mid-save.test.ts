// Nothing lost: a real Node process saves a large document in a loop with the app's atomic writer and
// is SIGKILLed at random moments, many times. After every kill the file must be exactly the last
// version the process finished saving or the one it was writing: never a truncated or mixed file.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../host/files.node';
import { removeStaleTempFiles } from '../../electron/files';
import { documentVersion } from './fixtures/save-loop';
import { repoRoot, tempDir } from './helpers';

/** Kills per run; KILL_SAVE_ITERATIONS=500 for a longer soak. */
const ITERATIONS = Number(process.env.KILL_SAVE_ITERATIONS ?? 40);
/** Size of each saved version: big enough that a save takes milliseconds, so kills land inside one. */
const BASE_BYTES = 8 * 1024 * 1024;

let saveLoopScript = '';

beforeAll(async () => {
  const esbuild = await import('esbuild');
  saveLoopScript = path.join(tempDir('ds-kill-build-'), 'save-loop.mjs');
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'tests', 'electron', 'fixtures', 'save-loop.ts')],
    outfile: saveLoopScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
});

function versionOnDisk(file: string): { version: number; exact: boolean; bytes: number } {
  const data = fs.readFileSync(file);
  const newline = data.indexOf(0x0a);
  const match = /^version (\d+)$/.exec(data.subarray(0, Math.max(0, newline)).toString('utf8'));
  if (!match) return { version: -1, exact: false, bytes: data.length };
  const version = Number(match[1]);
  return { version, exact: data.equals(documentVersion(version, BASE_BYTES)), bytes: data.length };
}

interface KillOutcome {
  lastFinished: number;
  onDisk: number;
  exact: boolean;
  bytes: number;
  leftoverTemp: boolean;
}

/** Starts the save loop at version `from`, kills it `delayMs` after its first save, and reports what is on disk. */
function runAndKill(file: string, from: number, delayMs: number): Promise<KillOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [saveLoopScript, file, String(from), String(BASE_BYTES)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    // The clock starts at the first finished save, so the kill lands inside the save loop, not during start-up.
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const deadline = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      clearTimeout(deadline);
      if (signal !== 'SIGKILL') return reject(new Error(`save loop ended on its own (${signal ?? 'no signal'}): ${err}`));
      const acks = [...out.matchAll(/^saved (\d+)$/gm)].map((m) => Number(m[1]));
      const lastFinished = acks.length ? Math.max(...acks) : from - 1;
      const dir = path.dirname(file);
      const leftoverTemp = fs.readdirSync(dir).some((n) => n.startsWith(`.${path.basename(file)}.`) && n.endsWith('.tmp'));
      const disk = versionOnDisk(file);
      resolve({ lastFinished, onDisk: disk.version, exact: disk.exact, bytes: disk.bytes, leftoverTemp });
    });
  });
}

describe('killing a process in the middle of saving', () => {
  it(`leaves the old or the new version, never a mix (${ITERATIONS} SIGKILLs)`, { timeout: 60_000 + ITERATIONS * 2_000 }, async () => {
    const dir = tempDir('ds-kill-');
    const file = path.join(dir, 'county.ordinance.yaml');
    writeFileAtomic(file, documentVersion(0, BASE_BYTES));

    // How long one save takes here, to spread kills over a few saves after the process starts.
    const t0 = performance.now();
    writeFileAtomic(file, documentVersion(0, BASE_BYTES));
    const saveMs = performance.now() - t0;

    let version = 0;
    let killedMidWrite = 0;
    let killedBetweenRenameAndAck = 0;
    let savesCompleted = 0;
    const failures: string[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      // Somewhere within the next two saves.
      const delay = Math.random() * 2 * saveMs;
      const outcome = await runAndKill(file, version + 1, delay);
      const allowed = [outcome.lastFinished, outcome.lastFinished + 1];
      if (!outcome.exact || !allowed.includes(outcome.onDisk)) {
        failures.push(
          `kill ${i}: on disk v${outcome.onDisk} (${outcome.bytes} bytes, exact=${outcome.exact}); last finished v${outcome.lastFinished}`,
        );
      }
      if (outcome.leftoverTemp) killedMidWrite++;
      if (outcome.onDisk === outcome.lastFinished + 1) killedBetweenRenameAndAck++;
      savesCompleted += Math.max(0, outcome.onDisk - version);
      version = Math.max(version, outcome.onDisk);
      removeStaleTempFiles(file);
    }

    console.log(
      `kill-mid-save: ${ITERATIONS} SIGKILLs, ${killedMidWrite} landed while a temporary file was being written, ` +
        `${killedBetweenRenameAndAck} between rename and acknowledgement; ${savesCompleted} saves completed; ` +
        `one save of ${(BASE_BYTES / 1048576).toFixed(0)} MB took ${saveMs.toFixed(1)} ms; 0 torn files expected, ${failures.length} found`,
    );
    expect(failures).toEqual([]);
    // The test means something only if kills really land inside saves.
    expect(killedMidWrite).toBeGreaterThanOrEqual(Math.ceil(ITERATIONS / 20));
    // Temporary files of killed saves are swept; the document is the only file left.
    expect(fs.readdirSync(dir)).toEqual(['county.ordinance.yaml']);
  });

  it('sweeps only temporary files whose writer is gone', () => {
    const dir = tempDir('ds-sweep-');
    const file = path.join(dir, 'd.ordinance.yaml');
    fs.writeFileSync(file, 'kept');
    const mine = path.join(dir, `.d.ordinance.yaml.${process.pid}.${Date.now()}.tmp`);
    const dead = path.join(dir, `.d.ordinance.yaml.999999999.${Date.now()}.tmp`);
    const unrelated = path.join(dir, '.other.yaml.999999999.1.tmp');
    for (const f of [mine, dead, unrelated]) fs.writeFileSync(f, 'partial');
    expect(removeStaleTempFiles(file)).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(mine), path.basename(unrelated), 'd.ordinance.yaml'].sort());
  });
});
