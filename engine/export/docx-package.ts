// Makes a DOCX file byte-for-byte reproducible: the zip entries get one fixed time and the core
// properties the document's own date (or none), instead of the wall clock docx writes by default.
// The package is zipped once, from the parts docx compiles, rather than zipped by docx, unzipped and
// zipped again.

import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** The zip timestamp: noon on the document's date (noon keeps the DOS date clear of time zones), else 1 January 1980. */
function zipTime(isoDate: string | undefined): Date {
  const m = isoDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
  const year = m ? Math.min(Math.max(Number(m[1]), 1980), 2099) : 1980;
  // DOS times are written from local-time fields, so build the Date from local fields too.
  return m ? new Date(year, Number(m[2]) - 1, Number(m[3]), 12, 0, 0) : new Date(1980, 0, 1, 12, 0, 0);
}

/**
 * Entries are stored, not compressed (ZIP method 0, which OPC allows and Word and LibreOffice read):
 * DEFLATE in JavaScript was a third of the first export's time (a 50-section ordinance: about 100 ms
 * of 300 at level 1, more at level 6), for a file of 18-21 KB instead of 280 KB.
 */
const LEVEL = 0;

/** Sets the created and modified dates in docProps/core.xml to the document's date, or drops them. */
export function fixCoreDates(coreXml: string, isoDate: string | undefined): string {
  const stamp = isoDate && /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T00:00:00Z` : undefined;
  return coreXml.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, (_whole, name: string) =>
    stamp ? `<dcterms:${name} xsi:type="dcterms:W3CDTF">${stamp}</dcterms:${name}>` : '',
  );
}

/** Zips a package's parts with fixed entry times, `[Content_Types].xml` first, fixed core dates. */
function zipPackage(parts: ReadonlyMap<string, string | Uint8Array>, isoDate: string | undefined): Uint8Array {
  const mtime = zipTime(isoDate);
  const names = [...parts.keys()].sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const entries: Zippable = {};
  for (const name of names) {
    let data = parts.get(name)!;
    if (name === 'docProps/core.xml') data = fixCoreDates(typeof data === 'string' ? data : strFromU8(data), isoDate);
    entries[name] = [typeof data === 'string' ? strToU8(data) : data, { mtime, level: LEVEL }];
  }
  return zipSync(entries, { mtime });
}

/** Rewrites a zip package with fixed entry times, `[Content_Types].xml` first, fixed core dates. */
export function repackDeterministic(zip: Uint8Array, isoDate: string | undefined): Uint8Array {
  return zipPackage(new Map(Object.entries(unzipSync(zip))), isoDate);
}

/** docx's compiler: the package's parts by path, before docx zips them (not in its typings). */
interface PartsCompiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

function partsCompiler(): PartsCompiler | undefined {
  const compiler = (Packer as unknown as { compiler?: Partial<PartsCompiler> }).compiler;
  return typeof compiler?.compile === 'function' ? (compiler as PartsCompiler) : undefined;
}

/** Packs a docx Document to reproducible bytes. */
export async function packDocx(doc: Document, isoDate: string | undefined): Promise<Uint8Array> {
  const compiler = partsCompiler();
  // A docx without the compiler it has now: let it zip, then zip again.
  if (!compiler) return repackDeterministic(await Packer.pack(doc, 'uint8array'), isoDate);
  return zipPackage(compiler.compile(doc), isoDate);
}
