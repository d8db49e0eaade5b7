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
  load(): Promise<CommandCode>;
}
