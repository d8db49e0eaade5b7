// A workbook the host handed over as a File (the browser): imported and fingerprinted by reading it
// in slices, so the app never holds it whole.

import { importWorkbook, Sha256, type CaseSet, type ImportOptions } from '../../../engine/index';

/** Bytes of a file read at a time for its fingerprint. */
const SLICE_BYTES = 4 << 20;

function reader(file: Blob): (offset: number, length: number) => Promise<Uint8Array> {
  return async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());
}

/** ICE's detainer records from a workbook File, read from its end (the zip's directory) and then part by part. */
export function importWorkbookFile(file: Blob, options: Omit<ImportOptions, 'format'> = {}): Promise<CaseSet> {
  return importWorkbook(file.size, reader(file), options);
}

/** The file's SHA-256, as the command line prints it for the same file. */
export async function fingerprintOfFile(file: Blob): Promise<string> {
  const read = reader(file);
  const hash = new Sha256();
  for (let at = 0; at < file.size; at += SLICE_BYTES) hash.update(await read(at, Math.min(SLICE_BYTES, file.size - at)));
  return hash.hex();
}
