// The ordinance as one self-contained, printable HTML page: the words of the text model, with
// landmarks and headings in order for screen readers, and page numbers and the fingerprint in print.

import { shortFingerprint } from '../canonical';
import type { Ordinance } from '../model';
import { ordinanceText, type OrdinanceText } from '../text-model';
import { escapeHtml, htmlDocument } from './html';
import { footerLine, printedBlocks, versionFacts, type PrintedBlock, type Run } from './text-blocks';

const ORDINANCE_CSS = `
.doc-header { text-align: center; margin-bottom: 1.2rem; }
.doc-header .number { font-weight: bold; margin: .2rem 0; }
.doc-header .subtitle { font-style: italic; margin: .2rem 0; }
.doc-header .sponsors { margin: .2rem 0; }
.whereas { text-indent: 2em; }
.enacting { font-weight: bold; margin: 1rem 0; }
.ordinance-section { margin-top: 1.1rem; }
.clause { padding-left: 2.2em; text-indent: -2.2em; }
.clause.unlettered { padding-left: 0; text-indent: 0; }
.label { display: inline-block; min-width: 2em; text-indent: 0; }
ol.items { list-style: none; margin: 0 0 .6rem; padding-left: 2.2em; }
ol.items li { padding-left: 2em; text-indent: -2em; margin-bottom: .2rem; }
ol.items li > ol.items { margin: .2rem 0 0; padding-left: 0; text-indent: 0; }
dfn { font-style: normal; font-weight: bold; }
.after { padding-left: 2.2em; }
section.passage { margin-top: 1.6rem; break-inside: avoid; page-break-inside: avoid; break-before: avoid; page-break-before: avoid; }
p.passage { margin: 0 0 .3rem; }
.signature { margin: 2.2rem 0 0; break-after: avoid; page-break-after: avoid; }
.signer, .signature-date { margin: 0; break-before: avoid; page-break-before: avoid; }
.annex { border-top: 1px solid #999; margin-top: 2rem; font-size: .9rem; }
.annex-entry .lead { font-style: italic; }
@media print { .annex { break-before: page; page-break-before: always; border-top: none; } .doc-footer { display: none; } }
`;

export function runsHtml(runs: readonly Run[]): string {
  return runs.map((r) => (r.term ? `<dfn>${escapeHtml(r.text)}</dfn>` : escapeHtml(r.text))).join('');
}

function labelHtml(label: string | undefined): string {
  return label ? `<span class="label">${escapeHtml(label)}</span> ` : '';
}

/** A run of item blocks as nested ordered lists, each item's own list inside it. */
function itemsHtml(items: readonly PrintedBlock[], start: number, depth: number): { html: string; next: number } {
  let html = `<ol class="items">`;
  let i = start;
  const isItem = (k: number) => k < items.length && items[k]!.kind === 'item';
  while (isItem(i) && (items[i]!.depth ?? 1) >= depth) {
    const item = items[i]!;
    const ground = item.citation && item.provision ? ` data-provision="${escapeHtml(item.provision)}"` : '';
    html += `<li${ground}>${labelHtml(item.label)}${runsHtml(item.runs)}`;
    i++;
    if (isItem(i) && (items[i]!.depth ?? 1) > depth) {
      const nested = itemsHtml(items, i, depth + 1);
      html += nested.html;
      i = nested.next;
    }
    html += '</li>';
  }
  return { html: html + '</ol>', next: i };
}

/** The ordinance body (header, main, footer) as HTML, for the printable page and the app's preview. */
export function ordinanceBodyHtml(t: OrdinanceText): string {
  const blocks = printedBlocks(t);
  const out: string[] = [];
  let i = 0;
  let open: 'preamble' | 'section' | 'passage' | 'annex' | null = null;
  const close = () => {
    if (open) out.push('</section>');
    open = null;
  };
  const enter = (part: 'preamble' | 'passage' | 'annex', attrs: string) => {
    if (open === part) return;
    close();
    out.push(`<section class="${part}" ${attrs}>`);
    open = part;
  };
  out.push('<header class="doc-header">');
  const HEADER: Partial<Record<PrintedBlock['kind'], string>> = { number: 'number', subtitle: 'subtitle', sponsors: 'sponsors' };
  while (i < blocks.length && (blocks[i]!.kind === 'title' || HEADER[blocks[i]!.kind])) {
    const b = blocks[i++]!;
    out.push(b.kind === 'title' ? `<h1>${runsHtml(b.runs)}</h1>` : `<p class="${HEADER[b.kind]}">${runsHtml(b.runs)}</p>`);
  }
  out.push('</header>', '<main>');
  while (i < blocks.length) {
    const b = blocks[i]!;
    switch (b.kind) {
      case 'whereas':
        enter('preamble', 'aria-label="Findings and enacting clause"');
        out.push(`<p class="whereas">${runsHtml(b.runs)}</p>`);
        break;
      case 'enacting':
        enter('preamble', 'aria-label="Findings and enacting clause"');
        out.push(`<p class="enacting"><strong>${runsHtml(b.runs)}</strong></p>`);
        close();
        break;
      case 'heading':
        close();
        out.push(`<section class="ordinance-section" aria-labelledby="section-${b.section}">`);
        out.push(`<h2 id="section-${b.section}">${runsHtml(b.runs)}</h2>`);
        open = 'section';
        break;
      case 'intro':
        out.push(`<p class="intro">${runsHtml(b.runs)}</p>`);
        break;
      case 'clause': {
        const provision = b.provision ? ` data-provision="${escapeHtml(b.provision)}"` : '';
        out.push(`<p class="clause${b.label ? '' : ' unlettered'}"${provision}>${labelHtml(b.label)}${runsHtml(b.runs)}</p>`);
        break;
      }
      case 'item': {
        const list = itemsHtml(blocks, i, b.depth ?? 1);
        out.push(list.html);
        i = list.next;
        continue;
      }
      case 'after':
        out.push(`<p class="after">${runsHtml(b.runs)}</p>`);
        break;
      case 'passage':
        enter('passage', 'aria-label="Passage and signatures"');
        out.push(`<p class="passage">${runsHtml(b.runs)}</p>`);
        break;
      case 'signature':
      case 'signer':
      case 'signature-date':
        enter('passage', 'aria-label="Passage and signatures"');
        out.push(`<p class="${b.kind}">${runsHtml(b.runs)}</p>`);
        break;
      case 'annex-heading':
        close();
        out.push('<section class="annex" aria-labelledby="annex">', `<h2 id="annex">${runsHtml(b.runs)}</h2>`);
        open = 'annex';
        break;
      case 'annex':
        out.push(`<p class="annex-entry"><span class="lead">${escapeHtml(b.lead ?? '')}:</span> ${runsHtml(b.runs)}</p>`);
        break;
      case 'footer':
        close();
        out.push('</main>');
        out.push(`<footer class="doc-footer"><p>${footerHtml(t)}</p></footer>`);
        break;
      default:
        break;
    }
    i++;
  }
  return out.join('\n');
}

/** The footer line with the fingerprints set in a fixed-width face; the same words as `footerLine`. */
function footerHtml(t: OrdinanceText): string {
  const line = footerLine(t);
  const short = shortFingerprint(t.fingerprint);
  const at = line.lastIndexOf(`Fingerprint ${short}`);
  const head = line.slice(0, at);
  return `${escapeHtml(head)}Fingerprint <span class="fingerprint">${short}</span> (<span class="fingerprint">${escapeHtml(t.fingerprint)}</span>)`;
}

/** The words printed in every page's bottom margin. */
export function marginFooter(t: Pick<OrdinanceText, 'version' | 'date' | 'fingerprint'>, lead?: string): string {
  const first = [lead, ...versionFacts(t), `Fingerprint ${shortFingerprint(t.fingerprint)}`].filter(Boolean).join(' · ');
  return `${first}\n${t.fingerprint}`;
}

export function ordinanceHtmlFromText(t: OrdinanceText): string {
  return htmlDocument({
    title: t.title,
    description: `${t.subtitle ? `${t.subtitle}. ` : ''}Fingerprint ${t.fingerprint}`,
    css: ORDINANCE_CSS,
    margins: { footer: marginFooter(t), header: t.title.length > 90 ? `${t.title.slice(0, 87)}...` : t.title },
    body: ordinanceBodyHtml(t),
  });
}

/** The ordinance as a self-contained printable HTML document. */
export function renderOrdinanceHtml(o: Ordinance): string {
  return ordinanceHtmlFromText(ordinanceText(o));
}
