// File reading and the one safe writer on Node, shared by the command line and Electron's main
// process: clear messages instead of stack traces, inputs that must be regular files, and saves that
// are all-or-nothing (every byte on disk or an error, the old version kept until the new one is whole).

import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

export class FileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    /** Why, for callers that react differently (the app offers "overwrite anyway" for `changed`). */
    readonly reason: 'io' | 'not-regular' | 'too-large' | 'changed' | 'disk-full' = 'io',
  ) {
    super(message);
  }
}

/** Default largest file read into memory at once (case sets in the app can be large). */
export const MAX_READ_BYTES = 1024 * 1024 * 1024;

/** SHA-256 of a file's bytes, hex: how a save tells whether the file on disk is still the one it read. */
export function contentHash(data: string | Uint8Array): string {
  return createHash('sha256')
    .update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    .digest('hex');
}

/** What a file system entry is, in words, for refusals ("is a FIFO, not a regular file"). */
export function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return stat.isFile() ? 'a regular file' : 'not a regular file';
}

function errnoWords(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'ELOOP') return 'too many symbolic links';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EDQUOT') return 'the disk quota is exhausted';
  if (code === 'EFBIG') return 'the file is larger than this system allows';
  if (code === 'EROFS') return 'the file system is read-only';
  return `${code ?? (e as Error).message ?? 'error'}`;
}

export interface OpenedInput {
  fd: number;
  size: number;
}

/**
 * Opens a file for reading only if it is a regular file of at most `maxBytes`: a FIFO, a device
 * (`/dev/zero`, `/dev/urandom`), a socket or a directory is refused before a byte is read, so no
 * command hangs on a pipe without a writer or reads an endless device. The open never blocks (a FIFO
 * is opened non-blocking, then refused) and the check is made on the opened descriptor, so a file
 * swapped after a look can't slip through. The caller closes `fd`.
 */
export function openInput(file: string, maxBytes = MAX_READ_BYTES): OpenedInput {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const plain = code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EISDIR';
    throw new FileError(file, plain ? errnoWords(e) : `cannot read (${errnoWords(e)})`);
  }
  let stat: fs.Stats;
  try {
    stat = fs.fstatSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    throw new FileError(file, `cannot read (${errnoWords(e)})`);
  }
  if (!stat.isFile()) {
    fs.closeSync(fd);
    const kind = kindOf(stat);
    throw new FileError(
      file,
      kind === 'a directory' ? 'is a directory, not a file' : `is ${kind}, not a regular file; nothing was read`,
      'not-regular',
    );
  }
  if (stat.size > maxBytes) {
    fs.closeSync(fd);
    throw new FileError(file, `is ${megabytes(stat.size)}, more than the ${megabytes(maxBytes)} this reads`, 'too-large');
  }
  return { fd, size: stat.size };
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Reads a whole regular file of at most `maxBytes` (see openInput), stopping at the cap even if it grows meanwhile. */
export function readBytes(file: string, maxBytes = MAX_READ_BYTES): Buffer {
  const { fd, size } = openInput(file, maxBytes);
  try {
    // One read of the size the file had when opened, then more only if it grew.
    const chunks: Buffer[] = [];
    let total = 0;
    let chunk = Buffer.allocUnsafe(Math.min(size + 1, maxBytes + 1));
    let used = 0;
    for (;;) {
      if (used === chunk.length) {
        chunks.push(chunk);
        chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total) || 1);
        used = 0;
      }
      const n = fs.readSync(fd, chunk, used, chunk.length - used, null);
      if (n === 0) break;
      used += n;
      total += n;
      if (total > maxBytes) throw new FileError(file, `grew past the ${megabytes(maxBytes)} this reads while it was read`, 'too-large');
    }
    chunks.push(chunk.subarray(0, used));
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(file, `cannot read (${errnoWords(e)})`);
  } finally {
    fs.closeSync(fd);
  }
}

/** SHA-256 of a regular file's bytes (hex), read in chunks so a file of any size is never held whole. */
export function fileSha256(file: string, maxBytes = MAX_READ_BYTES): string {
  const { fd } = openInput(file, maxBytes);
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
    return hash.digest('hex');
  } catch (e) {
    throw new FileError(file, `cannot read (${errnoWords(e)})`);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads a text file as UTF-8. Invalid UTF-8 becomes U+FFFD, which the parsers report with a location. */
export function readText(file: string, maxBytes = MAX_READ_BYTES): string {
  return readBytes(file, maxBytes).toString('utf8');
}

// ---- writing ----------------------------------------------------------------------------------------

const TEMP_SUFFIX = '.tmp';

/** The temporary file a save writes beside `target`: hidden, named after the writing process. */
function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that saves killed midway left beside `file` (named by writeFileAtomic
 * after the writing process, which must be gone). The document itself was never touched by them.
 */
export function removeStaleTempFiles(file: string): number {
  let target: string;
  try {
    target = resolveWriteTarget(file);
  } catch {
    return 0;
  }
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isProcessAlive(pid)) continue;
    try {
      const stat = fs.lstatSync(path.join(dir, name));
      if (!stat.isFile()) continue; // only our own regular temp files, never what someone planted there
      fs.rmSync(path.join(dir, name), { force: true });
      removed++;
    } catch {
      // left for next time
    }
  }
  return removed;
}

/**
 * The file a write to `file` lands in: a symbolic link is followed to its target (and a chain of
 * them, up to 40), so saving a linked document updates what it links to instead of replacing the link.
 */
export function resolveWriteTarget(file: string): string {
  let current = path.resolve(file);
  for (let hops = 0; hops <= 40; hops++) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch {
      return current; // a new file (or a link to one): written where it points
    }
    if (!stat.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), fs.readlinkSync(current));
  }
  throw new FileError(file, 'cannot write (too many symbolic links)');
}

export interface WriteOptions {
  /**
   * The SHA-256 (contentHash) of the file as the caller last read or wrote it: the write is refused
   * with reason `changed` when the file on disk now holds something else, or was deleted. `null`
   * means the caller expects no file there. Leave it out to overwrite whatever is there.
   */
  expectedHash?: string | null;
  /** Permissions of a file the write creates (0o600 for a secret); an existing file keeps its own. Default 0o666 less the umask. */
  newFileMode?: number;
}

export interface WrittenFile {
  /** The file written: the target of a symbolic link when `file` was one. */
  path: string;
  bytes: number;
  hash: string;
  mtimeMs: number;
}

function currentHashOrNull(target: string): string | null {
  try {
    return contentHash(readBytes(target));
  } catch (e) {
    if (e instanceof FileError && e.message === 'no such file') return null;
    throw e;
  }
}

/** A file being written in pieces: nothing replaces the target until `commit`; `abort` leaves it as it was. */
export interface AtomicWriter {
  /** Appends bytes (strings as UTF-8). Buffered; a failure throws a FileError and removes the temporary file. */
  write(chunk: string | Uint8Array): void;
  /** Writes what is buffered, checks the size, flushes to disk and renames over the target. */
  commit(): WrittenFile;
  /** Removes the temporary file; the target is untouched. Safe to call after a failure or twice. */
  abort(): void;
}

const WRITE_BUFFER_BYTES = 1 << 20;

/**
 * The project's one writer, for a file written in pieces (a streamed export) or at once
 * (writeFileAtomic). A reader (or a crash, or a full disk) sees the old content or the new, never a mix:
 * - only a regular file or a new path is written: a FIFO, a device, a socket or a directory is refused;
 *   a symbolic link is written through to its target;
 * - the new bytes go to a temporary file created beside the target with O_EXCL (so nothing planted
 *   there, a link included, is followed), with the target's permissions and owner;
 * - every byte is written or the write fails (a short write, ENOSPC or a size limit is an error, the
 *   temporary file is removed and the target is untouched); the size on disk is checked and the data
 *   flushed (fsync) before the temporary file is renamed over the target, then the folder is flushed;
 * - temporary files left by killed writers are removed first.
 */
export function createAtomicWriter(file: string, options: WriteOptions & { totalBytes?: number } = {}): AtomicWriter {
  const target = resolveWriteTarget(file);
  let existing: fs.Stats | null = null;
  try {
    existing = fs.statSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new FileError(file, `cannot write (${errnoWords(e)})`);
  }
  if (existing && !existing.isFile()) {
    throw new FileError(file, `is ${kindOf(existing)}, not a regular file; nothing was written`, 'not-regular');
  }
  if (options.expectedHash !== undefined) {
    const now = currentHashOrNull(target);
    if (now !== options.expectedHash) throw changedError(file, options.expectedHash, now);
  }
  removeStaleTempFiles(target);
  const tmp = tempNameFor(target);
  const hash = createHash('sha256');
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let written = 0;
  let accepted = 0;
  let fd: number | undefined;
  let state: 'open' | 'committed' | 'aborted' = 'open';

  const abort = (): void => {
    if (state !== 'open') return;
    state = 'aborted';
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // the descriptor is gone either way
      }
      fd = undefined;
    }
    fs.rmSync(tmp, { force: true });
  };
  const fail = (e: unknown): never => {
    abort();
    if (e instanceof FileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const full = code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG';
    const total = options.totalBytes ?? accepted;
    const how = full
      ? `${errnoWords(e)}: ${written.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} bytes written`
      : errnoWords(e);
    throw new FileError(
      file,
      `cannot write (${how}); ${existing ? 'the file was left as it was' : 'no file was created'}`,
      full ? 'disk-full' : 'io',
    );
  };
  const flush = (): void => {
    for (const chunk of pending.splice(0)) {
      let offset = 0;
      while (offset < chunk.length) {
        const n = fs.writeSync(fd!, chunk, offset, chunk.length - offset);
        if (n <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
        offset += n;
        written += n;
      }
    }
    pendingBytes = 0;
  };

  try {
    // O_EXCL: the temporary name must be new, so a link or file planted under it is never followed.
    fd = fs.openSync(
      tmp,
      fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL,
      existing ? 0o600 : (options.newFileMode ?? 0o666),
    );
    if (existing) {
      // Owner first (changing it can clear set-id bits), then the permissions, before any byte is in.
      if (process.getuid && (existing.uid !== process.getuid() || existing.gid !== process.getgid?.())) {
        try {
          fs.fchownSync(fd, existing.uid, existing.gid);
        } catch {
          // Only the superuser may give a file away; the file then belongs to whoever saved it.
        }
      }
      fs.fchmodSync(fd, existing.mode & 0o7777);
    }
  } catch (e) {
    fail(e);
  }

  return {
    write(chunk) {
      if (state !== 'open') throw new FileError(file, `cannot write (the file was already ${state})`);
      // Strings become fresh bytes; caller's byte arrays kept in the buffer are copied (they may be reused).
      const small = pendingBytes + chunk.length < WRITE_BUFFER_BYTES;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : small ? Buffer.from(chunk) : chunk;
      if (bytes.length === 0) return;
      hash.update(bytes);
      accepted += bytes.length;
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes >= WRITE_BUFFER_BYTES) {
        try {
          flush();
        } catch (e) {
          fail(e);
        }
      }
    },
    commit() {
      if (state !== 'open') throw new FileError(file, `cannot write (the file was already ${state})`);
      try {
        flush();
        fs.fsyncSync(fd!);
        const onDisk = fs.fstatSync(fd!).size;
        if (onDisk !== accepted) throw new Error(`${onDisk} bytes on disk where ${accepted} were written`);
        fs.closeSync(fd!);
        fd = undefined;
        if (options.expectedHash !== undefined) {
          // Checked again just before the rename: a change made while we wrote still wins over ours.
          const now = currentHashOrNull(target);
          if (now !== options.expectedHash) throw changedError(file, options.expectedHash, now);
        }
        fs.renameSync(tmp, target);
        state = 'committed';
      } catch (e) {
        fail(e);
      }
      try {
        const dfd = fs.openSync(path.dirname(target), 'r');
        try {
          fs.fsyncSync(dfd);
        } finally {
          fs.closeSync(dfd);
        }
      } catch {
        // Directories can't be opened for fsync on every platform; the rename is still atomic.
      }
      return { path: target, bytes: accepted, hash: hash.digest('hex'), mtimeMs: fs.statSync(target).mtimeMs };
    },
    abort,
  };
}

/** Writes a whole file with the one writer (see createAtomicWriter): all of it, or an error and the old file kept. */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: WriteOptions = {}): WrittenFile {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const writer = createAtomicWriter(file, { ...options, totalBytes: bytes.length });
  writer.write(bytes);
  return writer.commit();
}

function changedError(file: string, expected: string | null, now: string | null): FileError {
  const what =
    now === null
      ? 'was deleted on disk since it was read'
      : expected === null
        ? 'was created on disk by someone else'
        : 'changed on disk since it was read';
  return new FileError(file, `${path.basename(file)} ${what}; nothing was written`, 'changed');
}
