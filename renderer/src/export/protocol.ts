// Messages between the Export dialog and the export worker, which builds exports with the engine's
// exporters (the Word library among them) off the UI thread, so a large report never blocks typing.

import type { ExportFormat, Rendition } from '../../../engine/vocabulary';
import type { Ordinance, Scenario } from '../../../engine/index';
import type { CaseSource } from '../simulation/protocol';

/** The case set an export reads: the one loaded in the Simulation view, sent once and kept. */
export type ExportCases =
  | { kind: 'none' }
  /** The same source as the previous request (the worker still holds its cases). */
  | { kind: 'kept'; key: string }
  | { kind: 'source'; key: string; source: CaseSource };

export interface BuildRequest {
  kind: 'build';
  id: number;
  format: ExportFormat;
  rendition: Rendition;
  ordinance: Ordinance;
  scenario: Scenario;
  cases: ExportCases;
  /** Report: another draft to compare with instead of honoring every detainer. */
  compareWith?: Ordinance;
  /** Redline: the earlier version. */
  against?: Ordinance;
  /** The files the draft and the other one were read from (named where title and version are the same). */
  names?: { ordinance?: string; other?: string };
}

/** Reads another draft (for the redline) and says whether it is an ordinance without errors. */
export interface ReadDraftRequest {
  kind: 'read-draft';
  id: number;
  name: string;
  text: string;
}

/** Stamps a PDF the host printed with the document's own dates (`finishPdf`), so it is reproducible. */
export interface FinishPdfRequest {
  kind: 'finish-pdf';
  id: number;
  pdf: Uint8Array;
  documentDate?: string;
}

export type ExportWorkerRequest = BuildRequest | ReadDraftRequest | FinishPdfRequest;

export interface Built {
  kind: 'built';
  id: number;
  format: ExportFormat;
  rendition: Rendition;
  mimeType: string;
  suggestedName: string;
  /** The file (absent for PDF: print `printHtml`). */
  data?: string | Uint8Array;
  printHtml?: string;
  documentDate?: string;
  preview: string;
  /** Cases the report or redline read (0 when none). */
  caseCount: number;
  /** Time to read the cases (when they were not kept) and build the export, in milliseconds. */
  ms: number;
}

export interface DraftRead {
  kind: 'draft-read';
  id: number;
  name: string;
  ordinance: Ordinance | null;
  /** Why it can't be used, with the line of the first error. */
  problem: string | null;
}

export interface PdfFinished {
  kind: 'pdf-finished';
  id: number;
  pdf: Uint8Array;
}

export type ExportWorkerResponse = Built | DraftRead | PdfFinished | { kind: 'failed'; id: number; error: string };
