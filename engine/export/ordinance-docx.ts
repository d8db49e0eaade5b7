// The ordinance as a Word document: real styles (Title, Heading 1 per section), lettered clauses
// and condition items as Word lists, defined terms in bold, and a footer on every page with the
// version, date, fingerprint and page number. The words are the text model's, as in every format.

import { Document, HeadingLevel, Paragraph, TextRun } from 'docx';
import { shortFingerprint } from '../canonical';
import { letterFor } from '../layout';
import type { Ordinance } from '../model';
import { ordinanceText, type OrdinanceText } from '../text-model';
import { documentNumbering, documentStyles, NUMBERING, pageFooter, pageProperties, STYLE, wordText } from './docx-kit';
import { packDocx } from './docx-package';
import { printedBlocks, versionFacts, type PrintedBlock, type Run } from './text-blocks';

function runs(list: readonly Run[]): TextRun[] {
  return list.map((r) => new TextRun({ text: wordText(r.text), ...(r.term ? { style: STYLE.definedTerm } : {}) }));
}

/**
 * Whether Word's own lettering of a section's clauses gives exactly the printed letters (it does
 * unless a section letters past "z" differently); if not, the letters are printed as text.
 */
function lettersMatchWord(blocks: readonly PrintedBlock[]): boolean {
  let k = 0;
  for (const b of blocks) {
    if (b.kind !== 'clause' || !b.label) continue;
    if (b.label !== `(${letterFor(k)})`) return false;
    k++;
  }
  return true;
}

function paragraphsOf(t: OrdinanceText): Paragraph[] {
  const blocks = printedBlocks(t);
  const bySection = new Map<number, PrintedBlock[]>();
  for (const b of blocks)
    if (b.kind === 'clause' && b.section !== undefined) bySection.set(b.section, [...(bySection.get(b.section) ?? []), b]);
  const wordLettered = new Set([...bySection].filter(([, list]) => lettersMatchWord(list)).map(([n]) => n));

  // The last section stays on the page of the passage record and signatures that follow it, so the
  // signature page always carries text of the ordinance.
  const passageAt = blocks.findIndex((b) => b.kind === 'passage' || b.kind === 'signature');
  const lastHeading = blocks
    .slice(0, passageAt < 0 ? blocks.length : passageAt)
    .map((b) => b.kind)
    .lastIndexOf('heading');
  const out: Paragraph[] = [];
  let itemList = 0;
  blocks.forEach((b, index) => {
    const keep = passageAt >= 0 && index > lastHeading && index < passageAt ? { keepNext: true } : {};
    switch (b.kind) {
      case 'title':
        out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: runs(b.runs) }));
        break;
      case 'subtitle':
        out.push(new Paragraph({ style: STYLE.subtitle, children: runs(b.runs) }));
        break;
      case 'whereas':
        out.push(new Paragraph({ style: STYLE.whereas, children: runs(b.runs) }));
        break;
      case 'enacting':
        out.push(new Paragraph({ style: STYLE.enacting, children: runs(b.runs) }));
        break;
      case 'heading':
        out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(b.runs) }));
        break;
      case 'intro':
        out.push(new Paragraph({ style: STYLE.intro, ...keep, children: runs(b.runs) }));
        break;
      case 'clause':
        itemList++;
        if (!b.label) out.push(new Paragraph({ style: STYLE.unlettered, ...keep, children: runs(b.runs) }));
        else if (wordLettered.has(b.section ?? -1))
          out.push(
            new Paragraph({
              style: STYLE.clause,
              ...keep,
              numbering: { reference: NUMBERING.clauses, level: 0, instance: b.section ?? 0 },
              children: runs(b.runs),
            }),
          );
        else out.push(new Paragraph({ style: STYLE.clause, ...keep, children: [new TextRun({ text: `${b.label}\t` }), ...runs(b.runs)] }));
        break;
      case 'item':
        out.push(
          new Paragraph({
            style: STYLE.item,
            ...keep,
            // One list per clause, so each clause's items count from (1); deeper levels restart under each item.
            numbering: { reference: NUMBERING.items, level: Math.min((b.depth ?? 1) - 1, 8), instance: 10000 + itemList },
            children: runs(b.runs),
          }),
        );
        break;
      case 'after':
        out.push(new Paragraph({ style: STYLE.after, ...keep, children: runs(b.runs) }));
        break;
      case 'number':
        out.push(new Paragraph({ style: STYLE.number, children: runs(b.runs) }));
        break;
      case 'sponsors':
        out.push(new Paragraph({ style: STYLE.sponsors, children: runs(b.runs) }));
        break;
      case 'passage':
        out.push(new Paragraph({ style: STYLE.passage, children: runs(b.runs) }));
        break;
      case 'signature':
        out.push(new Paragraph({ style: STYLE.signature, children: runs(b.runs) }));
        break;
      case 'signer':
      case 'signature-date':
        out.push(new Paragraph({ style: STYLE.signer, children: runs(b.runs) }));
        break;
      case 'annex-heading':
        out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: runs(b.runs) }));
        break;
      case 'annex':
        out.push(
          new Paragraph({ style: STYLE.plainReading, children: [new TextRun({ text: wordText(`${b.lead ?? ''}: `) }), ...runs(b.runs)] }),
        );
        break;
      case 'footer':
        // Every page's footer carries the version, date and fingerprint; the body ends with the signatures.
        break;
    }
  });
  return out;
}

/** The document as docx objects, before packing (the redline and tests reuse the pieces). */
export function ordinanceDocument(t: OrdinanceText): Document {
  const facts = [...versionFacts(t), `Fingerprint ${shortFingerprint(t.fingerprint)}`].join(' · ');
  return new Document({
    title: wordText(t.title),
    subject: 'Ordinance text',
    creator: 'Detainer Policy Studio',
    lastModifiedBy: 'Detainer Policy Studio',
    description: wordText(`${t.subtitle ? `${t.subtitle}. ` : ''}Fingerprint ${t.fingerprint}`),
    keywords: t.fingerprint,
    revision: 1,
    customProperties: [
      { name: 'Fingerprint', value: t.fingerprint },
      { name: 'Version', value: wordText(t.version) },
      ...(t.date ? [{ name: 'Date', value: t.date }] : []),
    ],
    styles: documentStyles(),
    numbering: documentNumbering(),
    sections: [{ properties: pageProperties(), footers: { default: pageFooter(facts, t.fingerprint) }, children: paragraphsOf(t) }],
  });
}

export function ordinanceDocxFromText(t: OrdinanceText): Promise<Uint8Array> {
  return packDocx(ordinanceDocument(t), t.date || undefined);
}

/** The ordinance as DOCX bytes; the same ordinance always gives the same bytes. */
export function renderOrdinanceDocx(o: Ordinance): Promise<Uint8Array> {
  return ordinanceDocxFromText(ordinanceText(o));
}
