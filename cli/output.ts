// Where a command writes, and the failure it raises once it has told the user why (with the exit
// code). Kept apart from the loading helpers so starting the command line loads nothing more.

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

// What the command line prints quotes text from its inputs: a column name, a YAML key, a file name, a
// case id. Control characters in it (an escape sequence that recolours, clears or retitles the
// terminal, a bell, a lone carriage return that writes over a line) and the Unicode bidirectional
// controls (which show it in another order than it reads) never reach the terminal: each is printed as
// a visible escape such as \u001b. Tab, line feed and a return before a line feed (the decision
// table's CSV lines) or at the end of what is written (its line feed may come next) print as they are.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\r(?!\n|$)/g;

/** The text with each control character written as a visible escape (`\u001b`), for a terminal. */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

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
