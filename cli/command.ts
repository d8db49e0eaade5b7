// The shape of a CLI command: what `--help` says about it, and how to load the code that runs it (only
// when it runs, so `--help` and quick commands never load the exporters).

import type { Output } from './output';

/** The code of a command, loaded when it runs. */
export interface CommandCode {
  run(argv: string[], io: Output): number | Promise<number>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Each option with what it does, for `COMMAND --help`. */
  options: ReadonlyArray<readonly [option: string, meaning: string]>;
  /** A few lines after the options: exit status, output shape. */
  notes?: string;
  /**
   * A command that does a bounded amount of analysis and exits (validate): it runs on baseline code
   * only (`preferBaselineCode` in cli/baseline-code.ts), since V8's optimizing compiler would cost
   * more CPU than it saves before the process ends. Commands over many cases (simulate, generate)
   * keep the optimizing compiler.
   */
  shortLived?: true;
  load(): Promise<CommandCode>;
}
