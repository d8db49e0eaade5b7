// Makes a DOCX file byte-for-byte reproducible: the zip entries get one fixed time and the core
// properties the document's own date (or none), instead of the wall clock docx writes by default.

import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** The zip timestamp: noon on the document's date (noon keeps the DOS date clear of time zones), else 1 January 1980. */
function zipTime(isoDate: string | undefined): Date {
  const m = isoDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
  const year = m ? Math.min(Math.max(Number(m[1]), 1980), 2099) : 1980;
  // DOS times are written from local-time fields, so build the Date from local fields too.
  return m ? new Date(year, Number(m[2]) - 1, Number(m[3]), 12, 0, 0) : new Date(1980, 0, 1, 12, 0, 0);
}

/** Sets the created and modified dates in docProps/core.xml to the document's date, or drops them. */
export function fixCoreDates(coreXml: string, isoDate: string | undefined): string {
  const stamp = isoDate && /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T00:00:00Z` : undefined;
  return coreXml.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, (_whole, name: string) =>
    stamp ? `<dcterms:${name} xsi:type="dcterms:W3CDTF">${stamp}</dcterms:${name}>` : '',
  );
}

/** Rewrites a zip package with fixed entry times, `[Content_Types].xml` first, fixed core dates. */
export function repackDeterministic(zip: Uint8Array, isoDate: string | undefined): Uint8Array {
  const files = unzipSync(zip);
  const mtime = zipTime(isoDate);
  const names = Object.keys(files).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const entries: Zippable = {};
  for (const name of names) {
    let data = files[name]!;
    if (name === 'docProps/core.xml') data = strToU8(fixCoreDates(strFromU8(data), isoDate));
    entries[name] = [data, { mtime, level: 6 }];
  }
  return zipSync(entries, { mtime });
}

/** Packs a docx Document to reproducible bytes. */
export async function packDocx(doc: Document, isoDate: string | undefined): Promise<Uint8Array> {
  const raw = await Packer.pack(doc, 'uint8array');
  return repackDeterministic(raw, isoDate);
}
