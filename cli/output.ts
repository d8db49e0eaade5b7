// Where a command writes, and the failure it raises once it has told the user why (with the exit
// code). Kept apart from the loading helpers so starting the command line loads nothing more.

import { terminalText } from '../engine/text-safety';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

// What the command line prints quotes text from its inputs: a column name, a YAML key, a file name, a
// case id. Control characters in it (an escape sequence that recolours, clears or retitles the
// terminal, a bell, a lone carriage return that writes over a line), the Unicode bidirectional
// controls (which show it in another order than it reads) and the characters that do not show (a
// zero-width space that makes two names look alike) never reach the terminal: each is printed as a
// visible escape such as \u001b. The character sets are the engine's (engine/text-safety.ts), defined once.
export { terminalText };

/** What the progress meter writes first on a terminal to write over its last line: the one sequence printed raw. */
export const OVERWRITE_LINE = '\r\u001b[K';

export const stdio: Output = {
  out: (t) => process.stdout.write(terminalText(t)),
  err: (t) =>
    process.stderr.write(t.startsWith(OVERWRITE_LINE) ? OVERWRITE_LINE + terminalText(t.slice(OVERWRITE_LINE.length)) : terminalText(t)),
};

// A reader that stops early (`| head`) closes the pipe: stop quietly instead of printing a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

/** A failure already reported to the user, carrying the exit code. */
export class Reported extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
