// The shape of a CLI command.

import type { Output } from './context';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: Output): number | Promise<number>;
}
