// What every DOCX export shares: Word styles (Title, Heading 1, clauses, list items, plain
// readings), list numbering, US Letter pages, and the footer with version, date, fingerprint and page.

import {
  AlignmentType,
  Footer,
  LevelFormat,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type IStylesOptions,
  type INumberingOptions,
  type ISectionOptions,
} from 'docx';
import { LIST_LEVEL_FORMATS } from '../layout';
import { xmlSafe } from './html';

const ITEM_FORMATS = {
  decimal: LevelFormat.DECIMAL,
  'upper-letter': LevelFormat.UPPER_LETTER,
  'lower-roman': LevelFormat.LOWER_ROMAN,
  'upper-roman': LevelFormat.UPPER_ROMAN,
} as const;

/**
 * Fonts the DOCX names (it embeds none): Word has Times New Roman and Courier New everywhere, and
 * LibreOffice substitutes the metric-compatible Liberation Serif and Liberation Mono.
 */
export const FONT = 'Times New Roman';
/** Half-points. */
export const BODY_SIZE = 24;
/** Twips: 0.9 inch margins on US Letter (8.5 x 11 inches). */
const MARGIN = 1296;
const PAGE_WIDTH = 12240;
const PAGE_HEIGHT = 15840;
export const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** Hanging indent of a lettered clause and of each list level. */
export const HANG = 720;

/** Text for a Word run: characters XML forbids become U+FFFD (docx escapes markup itself). */
export function wordText(text: string): string {
  return xmlSafe(text);
}

export const STYLE = {
  number: 'DocumentNumber',
  sponsors: 'Sponsors',
  after: 'ClauseContinuation',
  passage: 'Passage',
  signature: 'SignatureLine',
  signer: 'Signer',
  subtitle: 'Subtitle',
  whereas: 'Whereas',
  enacting: 'Enacting',
  intro: 'SectionIntro',
  clause: 'Clause',
  unlettered: 'ClauseUnlettered',
  item: 'ConditionItem',
  plainReading: 'PlainReading',
  footer: 'Footer',
  fingerprint: 'Fingerprint',
  definedTerm: 'DefinedTerm',
  tableText: 'TableText',
} as const;

export const NUMBERING = { clauses: 'clauses', items: 'condition-items' } as const;

export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: { run: { font: FONT, size: BODY_SIZE }, paragraph: { spacing: { after: 120, line: 276 } } },
      title: {
        run: { font: FONT, size: 32, bold: true, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } },
      },
      heading1: {
        run: { font: FONT, size: BODY_SIZE, bold: true, color: '000000' },
        // The outline level makes it a heading in Word's navigation pane and in LibreOffice's outline.
        paragraph: { spacing: { before: 280, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 0 },
      },
      heading2: {
        run: { font: FONT, size: BODY_SIZE, bold: true, italics: true, color: '000000' },
        paragraph: { spacing: { before: 200, after: 100 }, keepNext: true, outlineLevel: 1 },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { italics: true },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 } },
      },
      {
        id: STYLE.number,
        name: 'Document Number',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 60 } },
      },
      {
        id: STYLE.sponsors,
        name: 'Sponsors',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 } },
      },
      {
        id: STYLE.after,
        name: 'Clause Continuation',
        basedOn: 'Normal',
        next: STYLE.clause,
        paragraph: { indent: { left: HANG } },
      },
      {
        id: STYLE.passage,
        name: 'Passage',
        basedOn: 'Normal',
        next: STYLE.passage,
        paragraph: { spacing: { before: 120, after: 60 }, keepNext: true },
      },
      {
        id: STYLE.signature,
        name: 'Signature Line',
        basedOn: 'Normal',
        next: STYLE.signer,
        paragraph: { spacing: { before: 480, after: 0 }, keepNext: true, keepLines: true },
      },
      { id: STYLE.signer, name: 'Signer', basedOn: 'Normal', next: STYLE.signature, paragraph: { spacing: { after: 0 }, keepNext: true } },
      { id: STYLE.whereas, name: 'Whereas', basedOn: 'Normal', next: STYLE.whereas, paragraph: { indent: { firstLine: HANG } } },
      {
        id: STYLE.enacting,
        name: 'Enacting Clause',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true },
        paragraph: { spacing: { before: 120, after: 240 } },
      },
      { id: STYLE.intro, name: 'Section Intro', basedOn: 'Normal', next: STYLE.clause },
      {
        id: STYLE.clause,
        name: 'Clause',
        basedOn: 'Normal',
        next: STYLE.clause,
        quickFormat: true,
        paragraph: { indent: { left: HANG, hanging: HANG } },
      },
      { id: STYLE.unlettered, name: 'Clause (unlettered)', basedOn: 'Normal', next: STYLE.clause },
      {
        id: STYLE.item,
        name: 'Condition Item',
        basedOn: 'Normal',
        next: STYLE.item,
        paragraph: { spacing: { after: 60 } },
      },
      {
        id: STYLE.plainReading,
        name: 'Plain Reading',
        basedOn: 'Normal',
        next: STYLE.clause,
        run: { italics: true, size: 20, color: '444444' },
        paragraph: {
          indent: { left: HANG },
          border: { left: { style: 'single', size: 12, color: '999999', space: 8 } },
        },
      },
      { id: STYLE.footer, name: 'Footer', basedOn: 'Normal', run: { size: 16, color: '333333' }, paragraph: { spacing: { after: 0 } } },
      { id: STYLE.tableText, name: 'Table Text', basedOn: 'Normal', run: { size: 20 }, paragraph: { spacing: { after: 0 } } },
    ],
    characterStyles: [
      { id: STYLE.definedTerm, name: 'Defined Term', basedOn: 'DefaultParagraphFont', run: { bold: true } },
      { id: STYLE.fingerprint, name: 'Fingerprint', basedOn: 'DefaultParagraphFont', run: { font: 'Courier New' } },
    ],
  };
}

export function documentNumbering(): INumberingOptions {
  return {
    config: [
      {
        reference: NUMBERING.clauses,
        levels: [
          {
            level: 0,
            format: LevelFormat.LOWER_LETTER,
            text: '(%1)',
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: HANG, hanging: HANG } } },
          },
        ],
      },
      {
        reference: NUMBERING.items,
        // (1), then (A), then (i), then (I), as the printed labels (layout.itemLabel).
        levels: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({
          level,
          format: ITEM_FORMATS[LIST_LEVEL_FORMATS[level % LIST_LEVEL_FORMATS.length]!],
          text: `(%${level + 1})`,
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: HANG * (level + 2), hanging: HANG } } },
        })),
      },
    ],
  };
}

/** The page footer: a fact line and the page number, then the full fingerprint. */
export function pageFooter(line: string, fingerprint: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          new TextRun({ text: wordText(line) }),
          new TextRun({ children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
      new Paragraph({ style: STYLE.footer, children: [new TextRun({ text: wordText(fingerprint), style: STYLE.fingerprint })] }),
    ],
  });
}

export function pageProperties(): ISectionOptions['properties'] {
  return {
    page: {
      size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
      margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, footer: 576, header: 576 },
    },
  };
}
