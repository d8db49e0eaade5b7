// The `detainer-studio` command line: batch use and CI of a city's policy repository.

import { nearMiss, UsageError } from './args';
import { Reported, stdio, type Output } from './output';
import { commandHelp, commands } from './registry';
import { baselineCodePreferred, preferBaselineCode } from './baseline-code';
import { FileError } from '../host/files.node';

export { baselineCodePreferred, commands };

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return (
    'Detainer Policy Studio: draft, validate, simulate and export local policies on immigration detainers.\n\n' +
    'Usage: detainer-studio COMMAND [ARGS]\n\n' +
    commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}\n      detainer-studio ${c.usage}`).join('\n') +
    '\n\nRun detainer-studio COMMAND --help for what each option does.' +
    '\n--out FILE names a regular file or a new path: never a pipe, device or folder, never a file the command\n' +
    'reads, and not a name whose extension says another format (.pdf for HTML) unless --force-extension.\n' +
    'Input files must be regular files (not pipes or devices).\n' +
    '\nExit status: 0 success, 1 problems found in the input, 2 unreadable file or wrong usage.\n'
  );
}

/** True when the arguments ask for help (before any `--`, after which everything is a file name). */
function asksForHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

export async function main(argv: string[], io: Output = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const about = name === 'help' && rest[0] ? commands.find((c) => c.name === rest[0]) : undefined;
    (name ? io.out : io.err)(about ? commandHelp(about) : help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out('detainer-studio 0.1.0\n');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const near = nearMiss(
      name,
      commands.map((c) => c.name),
    );
    io.err(`detainer-studio: unknown command "${name}"; ${near ? `did you mean "${near}"? ` : ''}run detainer-studio --help\n`);
    return 2;
  }
  if (asksForHelp(rest)) {
    io.out(commandHelp(command));
    return 0;
  }
  try {
    const code = await command.load();
    return await code.run(rest, io);
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

/**
 * `main` as the whole process (bin/detainer-studio.mjs): first the process-wide V8 flags a
 * short-lived command runs best with (cli/baseline-code.ts). `main` itself never sets them, since a
 * caller running commands inside its own process (the tests, another tool) would get them too.
 */
export async function runAsProcess(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (commands.find((c) => c.name === name)?.shortLived && !asksForHelp(rest)) await preferBaselineCode();
  return main(argv);
}
