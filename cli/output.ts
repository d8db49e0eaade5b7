// Where a command writes, and the failure it raises once it has told the user why (with the exit
// code). Kept apart from the loading helpers so starting the command line loads nothing more.

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const stdio: Output = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
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
