// A case file the host handed over as a File (the browser): a workbook, or a CSV, JSON or YAML file,
// imported and fingerprinted by reading it in slices, so the app never holds it whole (nor decodes it
// to one string).

import { CaseImporter, importWorkbook, Sha256, type CaseSet, type ImportOptions } from '../../../engine/index';

/** Bytes of a file read at a time for its fingerprint. */
const SLICE_BYTES = 4 << 20;

function reader(file: Blob): (offset: number, length: number) => Promise<Uint8Array> {
  return async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());
}

/** ICE's detainer records from a workbook File, read from its end (the zip's directory) and then part by part. */
export function importWorkbookFile(file: Blob, options: Omit<ImportOptions, 'format'> = {}): Promise<CaseSet> {
  return importWorkbook(file.size, reader(file), options);
}

/**
 * A case file of text (CSV, JSON or YAML) from a File: its bytes go to the importer slice by slice
 * (the next slice is read while one is imported), as the command line reads a file from disk. With
 * `hash`, every slice of the file is hashed into it too (read to its end even when the import stops
 * early), so a caller that needs the file's fingerprint reads the file once.
 */
export async function importCaseFile(
  file: Blob,
  options: Omit<ImportOptions, 'size'> = {},
  { slice = SLICE_BYTES, hash }: { slice?: number; hash?: Sha256 } = {},
): Promise<CaseSet> {
  const importer = new CaseImporter({ ...options, size: file.size });
  const read = reader(file);
  let next = file.size > 0 ? read(0, Math.min(slice, file.size)) : null;
  for (let at = 0; next && (hash || !importer.stopped);) {
    const bytes = await next;
    at += bytes.length;
    next = at < file.size && bytes.length > 0 ? read(at, Math.min(slice, file.size - at)) : null;
    hash?.update(bytes);
    if (!importer.stopped) importer.push(bytes);
  }
  return importer.finish();
}

/** The file's SHA-256, as the command line prints it for the same file. */
export async function fingerprintOfFile(file: Blob): Promise<string> {
  const read = reader(file);
  const hash = new Sha256();
  for (let at = 0; at < file.size; at += SLICE_BYTES) hash.update(await read(at, Math.min(SLICE_BYTES, file.size - at)));
  return hash.hex();
}
