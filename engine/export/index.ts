// The exporters' public face, for the app's File > Export (with a preview) and the command line:
// one request in, the file's bytes (or, for PDF, the HTML to print) and an HTML preview out.

import { policyBaseName, slug } from '../file-names';
import { fingerprint } from '../canonical';
import { EXTENSIONS, MIME_TYPES, RENDITIONS, type ExportFormat, type Rendition } from './catalog';
import { effectiveDateOf, type Ordinance, type Scenario } from '../model';
import type { Cases } from '../simulate';
import { renderMarkdown } from '../render-markdown';
import { ordinanceText } from '../text-model';
import { MONO, SHIPPED_COVERAGE, uncoveredCharacters, type UncoveredCharacter } from './fonts';
import { escapeHtml, htmlDocument } from './html';
import { impactReport, impactReportHtml } from './impact-report';
import { officerGuide, renderOfficerGuideHtml } from './officer-guide';
import { ordinanceDocxFromText } from './ordinance-docx';
import { ordinanceHtmlFromText } from './ordinance-html';
import { checkPdfFonts } from './pdf-fonts';
import { normalizePdfDates, normalizeStructureIds } from './pdf-metadata';
import { bundleBlockers, policyBundleJson } from './policy-bundle';
import { pathToString } from '../diagnostics';
import { redline, redlineDocx, redlineHtml } from './redline';

export { renderOrdinanceHtml, ordinanceHtmlFromText, ordinanceBodyHtml } from './ordinance-html';
export { renderOrdinanceDocx, ordinanceDocxFromText, ordinanceDocument } from './ordinance-docx';
export {
  officerGuide,
  renderOfficerGuideHtml,
  officerGuideBodyHtml,
  type OfficerGuide,
  type GuideStep,
  type GuideCheck,
} from './officer-guide';
export {
  policyBundle,
  policyBundleJson,
  bundleBlockers,
  verifyPolicyBundle,
  bundleSigningPayload,
  type BundleSignature,
  BUNDLE_FORMAT,
  BUNDLE_EDITIONS,
  type BundleEdition,
  type PolicyBundle,
  type BundleVerification,
} from './policy-bundle';
export { impactReport, impactReportHtml, renderImpactReportHtml, type ImpactReport, type ImpactReportInput } from './impact-report';
export {
  redline,
  redlineHtml,
  redlineDocx,
  renderRedlineHtml,
  renderRedlineDocx,
  redlineSummary,
  type Redline,
  type RedlineBlock,
  type RedlineOptions,
} from './redline';
export { decisionDelta, deltaSentence, type DecisionDelta, type Transition } from './decision-delta';
export { diffWords, diffSequences, tokenize, type Segment } from './word-diff';
export { printedBlocks, blockText, type PrintedBlock } from './text-blocks';
export { normalizePdfDates, normalizeStructureIds } from './pdf-metadata';
export { repackDeterministic } from './docx-package';
export { escapeHtml, xmlSafe, htmlDocument } from './html';
export { pdfFonts, checkPdfFonts, PdfFontError, type PdfFont, type PdfFontList } from './pdf-fonts';
export {
  fontFaceCss,
  uncoveredCharacters,
  SHIPPED_FONT_NAMES,
  SERIF,
  SANS,
  MONO,
  SERIF_DOCUMENT_FACES,
  SANS_DOCUMENT_FACES,
  type DocumentFace,
  type UncoveredCharacter,
} from './fonts';

export {
  EXPORT_FORMATS,
  EXPORT_INPUTS,
  EXPORT_DOCUMENTS,
  RENDITIONS,
  RENDITION_LABELS,
  MIME_TYPES,
  EXTENSIONS,
  renditionFor,
  isExportFormat,
  exportDocument,
  type ExportFormat,
  type Rendition,
  type ExportInputs,
  type ExportDocument,
  type ExportDocumentId,
  type ExportFileType,
} from './catalog';

export interface CaseInput {
  cases: Cases;
  /** How reports name the case set (its file name). */
  label: string;
  /** SHA-256 of the case file, printed in the report. */
  fingerprint?: string;
}

export interface ExportRequest {
  format: ExportFormat;
  /** How to write it; default `RENDITIONS[format][0]`. */
  rendition?: Rendition;
  ordinance: Ordinance;
  /** Holiday calendar, reimbursement agreement, cost: for the officer guide, the report and the redline's delta. */
  scenario?: Scenario;
  /** Booking cases: required for `report`, optional for `redline` (the simulation delta). */
  cases?: CaseInput;
  /** For `report`: another draft to compare with instead of the honor-every-detainer baseline. */
  compareWith?: Ordinance;
  /** For `redline`: the earlier version. */
  against?: Ordinance;
  /**
   * The files the ordinance and the other draft (`compareWith` or `against`) were read from, by base name:
   * the report and the redline name them where the two drafts have the same title and version.
   */
  names?: { ordinance?: string; other?: string };
}

export interface ExportResult {
  format: ExportFormat;
  rendition: Rendition;
  mimeType: string;
  suggestedName: string;
  /** The file: text (md, html, json) or bytes (docx). Absent for PDF: print `printHtml`. */
  data?: string | Uint8Array;
  /** For PDF: the HTML to print with the host's print engine; pass the PDF through `finishPdf`. */
  printHtml?: string;
  /** The document's own date, stamped into PDF metadata (never the wall clock). */
  documentDate?: string;
  /** A self-contained HTML page showing what will be saved, for a preview before saving. */
  preview: string;
}

export class ExportRequestError extends Error {}

/** A PDF was asked for a document holding characters the shipped typefaces don't draw. */
export class UnprintableCharactersError extends ExportRequestError {
  constructor(readonly characters: UncoveredCharacter[]) {
    const list = characters
      .slice(0, 8)
      .map((c) => `"${c.character}" (${c.codePoint})`)
      .join(', ');
    super(
      `the PDF can't print ${list}${characters.length > 8 ? ` and ${characters.length - 8} more` : ''}: the typefaces that ship with the app (${SHIPPED_COVERAGE}) have no such character${characters.length === 1 ? '' : 's'}, and a substitute font would print differently on every machine; replace ${characters.length === 1 ? 'it' : 'them'}, or export HTML or DOCX`,
    );
  }
}

/** Characters of a printable page that no shipped typeface draws. */
function unprintable(html: string): UncoveredCharacter[] {
  const seen = new Map<string, UncoveredCharacter>();
  for (const family of ['Tinos', 'Arimo'] as const) {
    for (const c of uncoveredCharacters(html, family)) seen.set(c.codePoint, c);
  }
  return [...seen.values()];
}

function textPreview(title: string, text: string, footer: string): string {
  return htmlDocument({
    title,
    css: `pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 9.5pt ${MONO}; }`,
    margins: { footer },
    body: `<header><h1>${escapeHtml(title)}</h1></header>\n<main><pre>${escapeHtml(text)}</pre></main>\n<footer class="doc-footer"><p>${escapeHtml(footer)}</p></footer>`,
  });
}

/** Builds an export. PDF results carry HTML to print instead of bytes: the host prints it. */
export async function buildExport(req: ExportRequest): Promise<ExportResult> {
  const rendition = req.rendition ?? RENDITIONS[req.format][0]!;
  if (!RENDITIONS[req.format].includes(rendition)) {
    throw new ExportRequestError(`${req.format} can be written as ${RENDITIONS[req.format].join(' or ')}, not ${rendition}`);
  }
  const o = req.ordinance;
  const base = policyBaseName(o);
  const result = (
    suffix: string,
    { preview, ...fields }: Pick<ExportResult, 'data' | 'printHtml'> & { documentDate?: string; preview: string | (() => string) },
  ): ExportResult => {
    const built = {
      format: req.format,
      rendition,
      mimeType: MIME_TYPES[rendition],
      suggestedName: `${base}${suffix}${EXTENSIONS[rendition]}`,
      ...fields,
    };
    if (typeof preview === 'string') return { ...built, preview };
    // A preview that is another document than the file (the DOCX's HTML) is built when first read:
    // the command line never reads it.
    let html: string | undefined;
    return Object.defineProperty(built, 'preview', { enumerable: true, get: () => (html ??= preview()) }) as ExportResult;
  };
  const printable = (suffix: string, html: string, date: string | undefined) => {
    if (rendition !== 'pdf') return result(suffix, { data: html, preview: html });
    const missing = unprintable(html);
    if (missing.length > 0) throw new UnprintableCharactersError(missing);
    return result(suffix, { printHtml: html, preview: html, ...(date ? { documentDate: date } : {}) });
  };

  switch (req.format) {
    case 'md': {
      const md = renderMarkdown(o);
      // The preview shows the file as it is saved: the Markdown source, not a rendering of it.
      return result('', { data: md, preview: textPreview(o.title, md, `Markdown · Fingerprint ${fingerprint(o)}`) });
    }
    case 'html':
    case 'pdf': {
      const t = ordinanceText(o);
      return printable('', ordinanceHtmlFromText(t), t.date || undefined);
    }
    case 'docx': {
      const t = ordinanceText(o);
      return result('', { data: await ordinanceDocxFromText(t), preview: () => ordinanceHtmlFromText(t) });
    }
    case 'officer-guide': {
      const html = renderOfficerGuideHtml(o, req.scenario);
      return printable('-officer-guide', html, officerGuide(o, req.scenario).date || undefined);
    }
    case 'bundle': {
      // A bundle must verify: its policy is checked again as `verify` will check it (without comments).
      const blockers = bundleBlockers(o);
      if (blockers.length) {
        throw new ExportRequestError(
          `the bundle would not verify: ${blockers.map((d) => `${pathToString(d.path) || 'the policy'}: ${d.message} [${d.code}]`).join('; ')}`,
        );
      }
      const json = policyBundleJson(o);
      return result('-policy-bundle', {
        data: json,
        preview: textPreview(`Policy bundle: ${o.title}`, json, `Fingerprint ${fingerprint(o)}`),
      });
    }
    case 'report': {
      if (!req.cases) throw new ExportRequestError('the impact report needs booking cases');
      const report = impactReport({
        ordinance: o,
        cases: req.cases.cases,
        casesLabel: req.cases.label,
        ...(req.cases.fingerprint ? { casesFingerprint: req.cases.fingerprint } : {}),
        ...(req.scenario ? { scenario: req.scenario } : {}),
        ...(req.compareWith ? { compareWith: req.compareWith } : {}),
        ...(req.names?.ordinance ? { name: req.names.ordinance } : {}),
        ...(req.names?.other ? { compareWithName: req.names.other } : {}),
      });
      return printable('-impact-report', impactReportHtml(report), report.date || effectiveDateOf(o) || undefined);
    }
    case 'redline': {
      if (!req.against) throw new ExportRequestError('the redline needs the earlier version to compare against');
      const r = redline(req.against, o, {
        ...(req.cases ? { cases: req.cases.cases, casesLabel: req.cases.label } : {}),
        ...(req.scenario ? { scenario: req.scenario } : {}),
        ...(req.names?.other ? { beforeName: req.names.other } : {}),
        ...(req.names?.ordinance ? { afterName: req.names.ordinance } : {}),
      });
      const suffix = `-redline${req.against.version ? `-from-${slug(req.against.version)}` : ''}`;
      if (rendition === 'docx') return result(suffix, { data: await redlineDocx(r), preview: () => redlineHtml(r) });
      return printable(suffix, redlineHtml(r), r.after.date || r.before.date || undefined);
    }
  }
}

/**
 * Checks a PDF printed from `printHtml` and makes it reproducible. Throws PdfFontError when its text
 * is not in the shipped, embedded typefaces (printed without text, or in a substitute font); otherwise
 * returns it with its dates made the document's own and its tagged-structure IDs numbered in order.
 */
export function finishPdf(pdf: Uint8Array, result: Pick<ExportResult, 'documentDate'>): Uint8Array {
  checkPdfFonts(pdf);
  return normalizeStructureIds(normalizePdfDates(pdf, result.documentDate));
}
