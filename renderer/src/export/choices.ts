// What the Export dialog offers: the documents (the command line's formats, with the ordinance text
// as one document in four file types) and the file types each can be written as. Plain data, so the
// dialog's first paint doesn't load the exporters.

import type { ExportFormat, Rendition } from '../../../engine/export/index';

export type DocumentChoice = 'ordinance' | 'officer-guide' | 'bundle' | 'report' | 'redline';

export interface FileTypeChoice {
  rendition: Rendition;
  /** The engine's format for this document in this file type. */
  format: ExportFormat;
  label: string;
}

export interface DocumentOption {
  id: DocumentChoice;
  label: string;
  /** One line on what it is, for people choosing. */
  description: string;
  fileTypes: FileTypeChoice[];
}

export const RENDITION_LABELS: Record<Rendition, string> = {
  md: 'Markdown (.md)',
  html: 'Web page (.html)',
  docx: 'Word (.docx)',
  pdf: 'PDF (.pdf)',
  json: 'JSON (.json)',
};

const types = (format: ExportFormat | null, renditions: Rendition[]): FileTypeChoice[] =>
  renditions.map((rendition) => ({
    rendition,
    // The ordinance text is one format per file type on the command line (md, html, docx, pdf).
    format: format ?? (rendition as ExportFormat),
    label: RENDITION_LABELS[rendition],
  }));

export const DOCUMENT_OPTIONS: readonly DocumentOption[] = [
  {
    id: 'ordinance',
    label: 'Ordinance text',
    description: 'The ordinance as enacted: sections, lettered clauses, plain readings and its fingerprint.',
    fileTypes: types(null, ['docx', 'pdf', 'html', 'md']),
  },
  {
    id: 'officer-guide',
    label: 'Officer guide',
    description: 'The checklist a booking officer follows, derived from the policy, with the maximum hold and what to do on each outcome.',
    fileTypes: types('officer-guide', ['pdf', 'html']),
  },
  {
    id: 'bundle',
    label: 'Policy bundle',
    description:
      'The policy and its decision logic as JSON with its fingerprint, for other systems to read; the command line’s verify checks it.',
    fileTypes: types('bundle', ['json']),
  },
  {
    id: 'report',
    label: 'Impact report',
    description: 'Outcomes, hold hours and cost over the case set loaded in the Simulation view, compared as chosen there.',
    fileTypes: types('report', ['pdf', 'html']),
  },
  {
    id: 'redline',
    label: 'Redline',
    description: 'What changed from an earlier draft: insertions and deletions (in Word as tracked changes).',
    fileTypes: types('redline', ['docx', 'pdf', 'html']),
  },
];

export function documentOption(id: DocumentChoice): DocumentOption {
  return DOCUMENT_OPTIONS.find((d) => d.id === id)!;
}

/** A file's size as people say it. */
export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
