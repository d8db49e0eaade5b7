// Saving a built export through the host: text and Word files as built; PDF printed first by the
// host's print engine from the printable HTML (not the preview) and stamped with the document's date.

import type { Host } from '../../../host/contract';
import type { Built } from './protocol';

export type SaveOutcome =
  | { kind: 'saved'; name: string; path: string | null; bytes: number; downloaded: boolean }
  /** The person closed the save dialog. */
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: string };

/** Makes a printed PDF reproducible (the engine's `finishPdf`, run where the exporters are). */
export type FinishPdf = (pdf: Uint8Array, documentDate: string | undefined) => Promise<Uint8Array>;

/** `name`: the file name asked for in the app where saving downloads (else the built file's suggested name). */
export async function saveExport(
  host: Pick<Host, 'printToPdf' | 'exportFile'>,
  built: Built,
  finishPdf: FinishPdf,
  name?: string,
): Promise<SaveOutcome> {
  let data: string | Uint8Array;
  if (built.rendition === 'pdf') {
    if (built.printHtml === undefined) return { kind: 'failed', error: 'the PDF has nothing to print' };
    const printed = await host.printToPdf(built.printHtml);
    if (!printed.ok) return { kind: 'failed', error: `could not print the PDF: ${printed.error}` };
    data = await finishPdf(printed.value, built.documentDate);
  } else {
    if (built.data === undefined) return { kind: 'failed', error: `the ${built.rendition} file is missing` };
    data = built.data;
  }
  const r = await host.exportFile({ suggestedName: name ?? built.suggestedName, data, mimeType: built.mimeType });
  if (!r.ok) return { kind: 'failed', error: r.error };
  if (!r.value) return { kind: 'cancelled' };
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data).length : data.length;
  return { kind: 'saved', name: r.value.name, path: r.value.path, bytes, downloaded: r.value.downloaded === true };
}
