// What `--out FILE` may name: a regular file or a new path, never one of the command's own inputs, with
// an extension that fits what is written, the export format's own name, or none (unless
// --force-extension): `--format pdf --out ct.docx` and `--format officer-guide --out ct.guide` are
// refused alike. Checked before any work is done; the writer (host/files.node.ts) checks the kind of
// file again when it writes.

import fs from 'node:fs';
import path from 'node:path';
import { createAtomicWriter, kindOf, type AtomicWriter } from '../host/files.node';
import { UsageError } from './args';

/** The switch that keeps a file name whose extension says another format. */
export const FORCE_EXTENSION = 'force-extension';

/** What a written file holds, by the extensions that fit it. */
export type OutKind = 'md' | 'html' | 'docx' | 'pdf' | 'json' | 'csv';

const FITTING: Record<OutKind, { words: string; extensions: readonly string[] }> = {
  md: { words: 'Markdown', extensions: ['md', 'markdown', 'txt'] },
  html: { words: 'HTML', extensions: ['html', 'htm'] },
  docx: { words: 'a Word document (DOCX)', extensions: ['docx'] },
  pdf: { words: 'PDF', extensions: ['pdf'] },
  json: { words: 'JSON', extensions: ['json'] },
  csv: { words: 'CSV', extensions: ['csv', 'txt'] },
};

/** Extensions that name a format: one of these on a file that holds another format is a contradiction. */
const FORMAT_EXTENSIONS = new Set([
  ...Object.values(FITTING).flatMap((f) => f.extensions),
  'yaml',
  'yml',
  'xlsx',
  'xls',
  'doc',
  'odt',
  'rtf',
  'tsv',
  'xml',
  'zip',
  'png',
  'jpg',
  'jpeg',
  'svg',
]);

/** What follows the last dot of the file's name (`officer-guide` in `ct.officer-guide`); none for `.profile`. */
function extensionOf(file: string): string | undefined {
  return /^[^.].*\.([^.]+)$/.exec(path.basename(file))?.[1]?.toLowerCase();
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

export interface OutCheck {
  /** What the command writes there. */
  kind: OutKind;
  /** Every file the command reads (undefined entries are options not given). */
  inputs: readonly (string | undefined)[];
  /** --force-extension was given. */
  forceExtension: boolean;
  /**
   * The export format named by --format, which a name may end with (`a.officer-guide`): it says which
   * document the file holds, though not in which rendition (the command says so when it writes).
   */
  format?: string;
  /** Other kinds the command writes when the name asks for them (the officer guide's HTML beside its PDF). */
  others?: readonly OutKind[];
}

/**
 * Refuses (as wrong usage, exit 2) an `--out` that names a FIFO, a device, a socket or a directory
 * (directly or through a link), one of the command's inputs (the same file by device and inode, so a
 * hard link or another spelling counts too), or a name whose extension says another format.
 */
export function checkOutFile(out: string, check: OutCheck): void {
  if (out === '') throw new UsageError('--out needs a file name');
  const target = statOrNull(out);
  if (target && !target.isFile()) {
    throw new UsageError(`--out ${out} is ${kindOf(target)}; --out must name a regular file or a new path (nothing was written)`);
  }
  if (target) {
    for (const input of check.inputs) {
      if (input === undefined) continue;
      const read = statOrNull(input);
      if (read && read.dev === target.dev && read.ino === target.ino) {
        throw new UsageError(
          `--out ${out} is ${path.resolve(input) === path.resolve(out) ? 'the same file as' : 'another name for'} the input ${input}; writing there would destroy it (nothing was written)`,
        );
      }
    }
  }
  const ext = extensionOf(out);
  const fitting = FITTING[check.kind];
  if (check.forceExtension || ext === undefined || fitting.extensions.includes(ext) || ext === check.format) return;
  // An extension of another format is replaced; any other is kept, with the fitting one after it.
  const known = FORMAT_EXTENSIONS.has(ext);
  const named = (kind: OutKind) => (known ? out.slice(0, out.length - ext.length) : `${out}.`) + FITTING[kind].extensions[0]!;
  const others = (check.others ?? []).filter((k) => k !== check.kind).map((k) => `${named(k)} for ${FITTING[k].words}`);
  throw new UsageError(
    `--out ${out}: the name ${known ? 'says' : 'ends in'} .${ext} but this writes ${fitting.words}; name it ${named(check.kind)}${others.length ? ` (or ${others.join(', or ')})` : ''}, or pass --${FORCE_EXTENSION} to keep the name`,
  );
}

/**
 * Checks `--out` (checkOutFile) and opens it for a streamed write: nothing replaces the file until
 * `commit()`; call `abort()` when the command fails midway, so the old file stays as it was.
 */
export function openOutFile(out: string, check: OutCheck): AtomicWriter {
  checkOutFile(out, check);
  return createAtomicWriter(out);
}
