// The `detainer-studio` command line: batch use and CI of a city's policy repository.

import { UsageError } from './args';
import type { Command } from './command';
import { decisionTableCommand } from './commands/decision-table';
import { diff } from './commands/diff';
import { explain } from './commands/explain';
import { exportCommand } from './commands/export';
import { generate } from './commands/generate';
import { render } from './commands/render';
import { simulate } from './commands/simulate';
import { validate } from './commands/validate';
import { verify } from './commands/verify';
import { Reported, stdio, type Output } from './context';
import { FileError } from '../host/files.node';

export const commands: Command[] = [validate, simulate, explain, render, diff, decisionTableCommand, exportCommand, verify, generate];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return (
    'Detainer Policy Studio: draft, validate, simulate and export local policies on immigration detainers.\n\n' +
    'Usage: detainer-studio COMMAND [ARGS]\n\n' +
    commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}\n      detainer-studio ${c.usage}`).join('\n') +
    '\n\nExit status: 0 success, 1 problems found in the input, 2 unreadable file or wrong usage.\n'
  );
}

export async function main(argv: string[], io: Output = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.out : io.err)(help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out('detainer-studio 0.1.0\n');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`detainer-studio: unknown command "${name}"; run detainer-studio --help\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof Reported) return e.exitCode;
    if (e instanceof UsageError) {
      io.err(`detainer-studio ${name}: ${e.message}\nusage: detainer-studio ${command.usage}\n`);
      return 2;
    }
    if (e instanceof FileError) {
      io.err(`${e.file}: error: ${e.message}\n`);
      return 2;
    }
    // Never a stack trace for the user; the message says what failed.
    io.err(`detainer-studio ${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}
