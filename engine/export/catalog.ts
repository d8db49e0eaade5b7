// What can be exported, as plain data for every face: the formats and the file types each is written
// as, what each reads besides the ordinance, and the documents as people choose them (the ordinance
// text being one document in four file types). Loading it loads no exporter.

export const EXPORT_FORMATS = ['md', 'html', 'docx', 'pdf', 'officer-guide', 'bundle', 'report', 'redline'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What kind of file an export is written as. */
export type Rendition = 'md' | 'html' | 'docx' | 'pdf' | 'json';

/** The renditions each format can be written as, the first being the default. */
export const RENDITIONS: Record<ExportFormat, readonly Rendition[]> = {
  md: ['md'],
  html: ['html'],
  docx: ['docx'],
  pdf: ['pdf'],
  'officer-guide': ['pdf', 'html'],
  bundle: ['json'],
  report: ['pdf', 'html'],
  redline: ['docx', 'html', 'pdf'],
};

export const MIME_TYPES: Record<Rendition, string> = {
  md: 'text/markdown',
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  json: 'application/json',
};

export const EXTENSIONS: Record<Rendition, string> = { md: '.md', html: '.html', docx: '.docx', pdf: '.pdf', json: '.json' };

/** What an export reads besides the ordinance. */
export interface ExportInputs {
  /** Booking cases: the impact report needs them; the redline shows the decisions they change. */
  cases: 'required' | 'optional' | 'none';
  /** The scenario (reimbursement agreement, cost, holidays). */
  scenario: boolean;
  /** Another draft to compare with, or the honor-every-detainer baseline (the default). */
  compare: boolean;
  /** The earlier version a redline is made against. */
  against: 'required' | 'none';
}

const TEXT_ONLY: ExportInputs = { cases: 'none', scenario: false, compare: false, against: 'none' };

export const EXPORT_INPUTS: Record<ExportFormat, ExportInputs> = {
  md: TEXT_ONLY,
  html: TEXT_ONLY,
  docx: TEXT_ONLY,
  pdf: TEXT_ONLY,
  'officer-guide': { ...TEXT_ONLY, scenario: true },
  bundle: TEXT_ONLY,
  report: { cases: 'required', scenario: true, compare: true, against: 'none' },
  redline: { cases: 'optional', scenario: true, compare: false, against: 'required' },
};

/**
 * The rendition a file name asks for: its extension, when the format can be written that way;
 * otherwise the format's default (PDF for the officer guide and the report, DOCX for the redline).
 */
export function renditionFor(format: ExportFormat, fileName: string): Rendition {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const wanted: Rendition | undefined = ext === 'htm' ? 'html' : ext === 'markdown' ? 'md' : (ext as Rendition | undefined);
  const allowed = RENDITIONS[format];
  return wanted && allowed.includes(wanted) ? wanted : allowed[0]!;
}

export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}

/** The documents as people choose them. */
export type ExportDocumentId = 'ordinance' | 'officer-guide' | 'bundle' | 'report' | 'redline';

export const RENDITION_LABELS: Record<Rendition, string> = {
  md: 'Markdown (.md)',
  html: 'Web page (.html)',
  docx: 'Word (.docx)',
  pdf: 'PDF (.pdf)',
  json: 'JSON (.json)',
};

export interface ExportFileType {
  rendition: Rendition;
  /** The format that writes this document in this file type. */
  format: ExportFormat;
  label: string;
}

export interface ExportDocument {
  id: ExportDocumentId;
  label: string;
  /** One line on what it is, for people choosing. */
  description: string;
  /** The file types it can be written as, the first being the default. */
  fileTypes: ExportFileType[];
}

const fileTypes = (format: ExportFormat | null, renditions: Rendition[]): ExportFileType[] =>
  renditions.map((rendition) => ({
    rendition,
    // The ordinance text is one format per file type (md, html, docx, pdf).
    format: format ?? (rendition as ExportFormat),
    label: RENDITION_LABELS[rendition],
  }));

export const EXPORT_DOCUMENTS: readonly ExportDocument[] = [
  {
    id: 'ordinance',
    label: 'Ordinance text',
    description: 'The ordinance as enacted: sections, lettered clauses, plain readings and its fingerprint.',
    fileTypes: fileTypes(null, ['docx', 'pdf', 'html', 'md']),
  },
  {
    id: 'officer-guide',
    label: 'Officer guide',
    description: 'The checklist a booking officer follows, derived from the policy, with the maximum hold and what to do on each outcome.',
    fileTypes: fileTypes('officer-guide', ['pdf', 'html']),
  },
  {
    id: 'bundle',
    label: 'Policy bundle',
    description:
      'The policy and its decision logic as JSON with its fingerprint, for other systems to read; the command line’s verify checks it.',
    fileTypes: fileTypes('bundle', ['json']),
  },
  {
    id: 'report',
    label: 'Impact report',
    description: 'Outcomes, hold hours and cost over the case set loaded in the Simulation view, compared as chosen there.',
    fileTypes: fileTypes('report', ['pdf', 'html']),
  },
  {
    id: 'redline',
    label: 'Redline',
    description: 'What changed from an earlier draft: insertions and deletions (in Word as tracked changes).',
    fileTypes: fileTypes('redline', ['docx', 'pdf', 'html']),
  },
];

export function exportDocument(id: ExportDocumentId): ExportDocument {
  return EXPORT_DOCUMENTS.find((d) => d.id === id)!;
}
