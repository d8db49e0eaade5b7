// Timing for the benchmarks: CPU time and alternating passes, so the engine and its peer are timed
// the same way on a shared machine.

import { spawnSync } from 'node:child_process';

/**
 * The bench started again in each of `runs` fresh processes to run `section` with `env` set (the
 * section sees the variable and measures one first call there, with nothing compiled yet): the last
 * line each child prints, read as JSON.
 */
export function inFreshProcesses<T>(section: string, env: Record<string, string>, runs: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, section], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    if (r.status !== 0) throw new Error(`a fresh ${section} process failed: ${r.stderr.slice(-400)}`);
    out.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as T);
  }
  return out;
}

/** CPU time of the whole process (ms, user + system): what a pass cost, whatever else the machine runs. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Passes of each contestant in turn (a, b, c, a, b, c, ...) after one warm-up pass each, timed by CPU
 * time: the median ms per pass of each, so a burst of load on a shared machine falls on all alike.
 * `before`, untimed, runs before every pass (dropping what the last pass made and collecting it, so
 * that no pass pays for another's garbage).
 */
export async function alternating(
  rounds: number,
  passes: Record<string, () => void | Promise<void>>,
  before?: () => void,
): Promise<Record<string, number>> {
  for (const pass of Object.values(passes)) {
    before?.();
    await pass();
  }
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(passes).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, pass] of Object.entries(passes)) {
      before?.();
      const t0 = cpuMs();
      await pass();
      times[name]!.push(cpuMs() - t0);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}
