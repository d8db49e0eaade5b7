// File reading and atomic writing on Node, shared by the command line and Electron's main process:
// clear messages instead of stack traces, and saves that are all-or-nothing.

import fs from 'node:fs';
import path from 'node:path';

export class FileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** Largest file read into memory at once (case sets can be large; ordinances are checked later). */
const MAX_READ_BYTES = 1024 * 1024 * 1024;

/** Reads a text file as UTF-8. Invalid UTF-8 becomes U+FFFD, which the parsers report with a location. */
export function readText(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileError(
      file,
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})`,
    );
  }
  if (stat.isDirectory()) throw new FileError(file, 'is a directory, not a file');
  if (stat.size > MAX_READ_BYTES) throw new FileError(file, `is ${(stat.size / 1024 / 1024).toFixed(0)} MB, more than can be read at once`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new FileError(file, `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * Writes a file so that a reader (or a crash) sees the old content or the new, never a mix: write a
 * temporary file beside it, flush it to disk, then rename it over the target.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'w', 0o644);
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, file);
    try {
      const dfd = fs.openSync(dir, 'r');
      fs.fsyncSync(dfd);
      fs.closeSync(dfd);
    } catch {
      // Directories can't be opened for fsync on every platform; the rename is still atomic.
    }
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw new FileError(file, `cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
