// Baseline code only, for a process that checks a few documents and exits.
//
// The first check of a large ordinance in a fresh process spends more CPU in V8's optimizing compiler
// (TurboFan, on its own threads) than on the main thread: measured on Node 20.20.2 with
// bench/validate-lint.ts's fresh child (300 provisions, medians of 4 processes, alternating), the first
// check took 665-740 ms of CPU with the optimizing compiler, of which 330-440 ms on the compiler's
// threads, and 407-459 ms with `--max-opt=1` (V8's baseline compiler, Sparkplug, and no higher tier).
// Warm, a check runs about twice as slow on baseline code, so a long-lived process (the app's
// editor worker, which checks on every keystroke) keeps the optimizing compiler; `validate` of the
// 300-provision ordinance alone, of a 1,000-provision one and of those with the twelve samples still
// took less CPU as a whole process on baseline code.
//
// The flag is set with v8.setFlagsFromString when the command's process starts (`runAsProcess` in
// cli/main.ts, never by `main`, which tests run inside their own process): V8 reads `--max-opt` each time
// it decides to tier a function up, so it applies to code that has not been optimized yet (measured:
// the same CPU as `node --max-opt=1`). Node says flags set after start-up may do nothing; then the
// command runs as before, only slower. node:v8 is loaded only then, so `--help` and the other commands
// do not pay for loading it at start-up.
//
// Other flags for a first call, measured beside this one on the whole `validate` process of the
// 300-provision bench draft (CPU medians of 7 alternating runs, Node 20.20.2, a loaded machine): as
// now 605 ms; with --always-sparkplug 641 ms, --no-lazy-feedback-allocation 641 ms, both 615 ms,
// --max-lazy 651 ms; interpreter only (--max-opt=0) 760 ms. None was better, so none is set.

/** The V8 flag of `preferBaselineCode`: no tier above the baseline compiler. */
export const BASELINE_ONLY_FLAG = '--max-opt=1';

let preferred = false;

/** Runs the rest of this process on baseline code (see above); once per process. */
export async function preferBaselineCode(): Promise<void> {
  if (preferred) return;
  preferred = true;
  const v8 = await import('node:v8');
  v8.setFlagsFromString(BASELINE_ONLY_FLAG);
}

/** Whether `preferBaselineCode` ran in this process. */
export function baselineCodePreferred(): boolean {
  return preferred;
}
