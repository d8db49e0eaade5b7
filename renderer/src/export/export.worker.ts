// The export worker: builds every export with the engine's exporters (`buildExport`), holding the
// case set of the last report so changing the format doesn't read it again. It starts on the first
// export, so the Word library it carries is never part of opening the app.

import { buildExport, finishPdf } from '../../../engine/export/index';
import { caseSetLabel } from '../../../engine/vocabulary';
import {
  chooseCases,
  generatedCaseTable,
  readCaseContent,
  readDraftToCompare,
  Sha256,
  sha256Hex,
  type CaseTable,
} from '../../../engine/index';
import { workerScope } from '../lib/worker-scope';
import type { CaseSource } from '../simulation/protocol';
import { fingerprintOfFile, importCaseFile, importWorkbookFile } from '../simulation/workbook-file';
import type { BuildRequest, ExportWorkerRequest, ExportWorkerResponse } from './protocol';

const scope = workerScope<ExportWorkerRequest, ExportWorkerResponse>();

interface HeldCases {
  key: string;
  table: CaseTable;
  label: string;
  /** SHA-256 of the file the cases came from, as the command line prints it; none for generated sets. */
  fingerprint?: string;
}

let held: HeldCases | null = null;

async function readCases(key: string, source: CaseSource): Promise<HeldCases> {
  if (source.kind === 'synthetic') {
    // The same generator and seed as the Simulation view.
    return { key, table: generatedCaseTable({ count: source.count, seed: source.seed }).table, label: source.name };
  }
  // Records with problems are left out, as the Simulation view leaves them out; the facility and period chosen there narrow the set here too.
  // A text case file is hashed as it is imported (one read); a workbook is read from its end, so it is hashed on its own.
  const hash = source.kind === 'file' ? new Sha256() : null;
  const set =
    source.kind === 'workbook'
      ? await importWorkbookFile(source.file)
      : source.kind === 'file'
        ? await importCaseFile(source.file, source.mapping ? { mapping: source.mapping } : {}, { hash: hash! })
        : readCaseContent(
            source.kind === 'bytes' ? { bytes: source.bytes } : { text: source.text, format: source.format },
            source.kind === 'text' && source.mapping ? { mapping: source.mapping } : {},
          );
  const picked = source.choice ? chooseCases(set.table, source.choice) : null;
  if (picked && !picked.ok) throw new Error(picked.problem);
  const c = source.choice;
  const narrowed = c ? [c.facility, c.from || c.to ? `${c.from ?? '…'} to ${c.to ?? '…'}` : null].filter(Boolean).join(', ') : '';
  return {
    key,
    table: picked?.ok ? picked.table : set.table,
    label: caseSetLabel(source.name, narrowed),
    fingerprint: `sha256:${
      source.kind === 'file'
        ? hash!.hex()
        : source.kind === 'workbook'
          ? await fingerprintOfFile(source.file)
          : sha256Hex(source.kind === 'bytes' ? source.bytes : source.text)
    }`,
  };
}

async function build(request: BuildRequest): Promise<void> {
  const start = performance.now();
  let cases: HeldCases | null = null;
  if (request.cases.kind === 'source') {
    held = null;
    held = await readCases(request.cases.key, request.cases.source);
    cases = held;
  } else if (request.cases.kind === 'kept') {
    if (!held || held.key !== request.cases.key) throw new Error('the case set is no longer held by the export worker; choose it again');
    cases = held;
  }
  const result = await buildExport({
    format: request.format,
    rendition: request.rendition,
    ordinance: request.ordinance,
    scenario: request.scenario,
    ...(cases
      ? { cases: { cases: cases.table, label: cases.label, ...(cases.fingerprint ? { fingerprint: cases.fingerprint } : {}) } }
      : {}),
    ...(request.compareWith ? { compareWith: request.compareWith } : {}),
    ...(request.against ? { against: request.against } : {}),
    ...(request.names ? { names: request.names } : {}),
  });
  const transfer: Transferable[] = result.data instanceof Uint8Array ? [result.data.buffer] : [];
  scope.postMessage(
    {
      kind: 'built',
      id: request.id,
      format: result.format,
      rendition: result.rendition,
      mimeType: result.mimeType,
      suggestedName: result.suggestedName,
      ...(result.data !== undefined ? { data: result.data } : {}),
      ...(result.printHtml !== undefined ? { printHtml: result.printHtml } : {}),
      ...(result.documentDate !== undefined ? { documentDate: result.documentDate } : {}),
      preview: result.preview,
      caseCount: cases ? cases.table.length : 0,
      ms: performance.now() - start,
    },
    { transfer },
  );
}

function readDraft(id: number, name: string, text: string): void {
  const read = readDraftToCompare(text, name);
  scope.postMessage({ kind: 'draft-read', id, name, ordinance: read.ok ? read.ordinance : null, problem: read.ok ? null : read.problem });
}

/** Requests run one at a time, in order: a build that reads a workbook File in slices holds the case set the next build keeps. */
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(async () => {
    try {
      if (request.kind === 'build') await build(request);
      else if (request.kind === 'read-draft') readDraft(request.id, request.name, request.text);
      else {
        const pdf = finishPdf(request.pdf, request.documentDate !== undefined ? { documentDate: request.documentDate } : {});
        scope.postMessage({ kind: 'pdf-finished', id: request.id, pdf }, { transfer: [pdf.buffer] });
      }
    } catch (e) {
      scope.postMessage({ kind: 'failed', id: request.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
};
