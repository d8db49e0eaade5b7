// The redline between two versions of an ordinance: the printed blocks of both aligned, each
// changed block diffed word by word, with the simulation delta when cases are given. HTML shows
// <ins>/<del>; DOCX carries true Word revisions (w:ins / w:del) that Word can accept or reject.

import {
  AlignmentType,
  DeletedTextRun,
  Document,
  Footer,
  HeadingLevel,
  InsertedTextRun,
  PageNumber,
  Paragraph,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { shortFingerprint } from '../canonical';
import { compile } from '../compile';
import type { Ordinance, Scenario } from '../model';
import { simulate, type Cases } from '../simulate';
import { longDate, ordinanceText } from '../text-model';
import { tellApart } from './draft-names';
import {
  changedCasesCaption,
  changedCaseWords,
  changedCasesHtml,
  decidedCodesOf,
  provisionNamesOf,
  decisionDelta,
  deltaHtml,
  deltaSentence,
  transitionRows,
  type DecisionDelta,
} from './decision-delta';
import { documentNumbering, documentStyles, HANG, pageProperties, STYLE, TEXT_WIDTH, wordText } from './docx-kit';
import { packDocx } from './docx-package';
import { escapeHtml, htmlDocument } from './html';
import { blockText, printedBlocks, type BlockKind, type PrintedBlock } from './text-blocks';
import { diffSequences, diffWords, similarity, tokenize, type Segment } from './word-diff';

export type BlockStatus = 'same' | 'changed' | 'inserted' | 'deleted';

export interface RedlineBlock {
  kind: BlockKind;
  depth?: number;
  status: BlockStatus;
  /** The label ("(a)", "(1)") as changed, empty for blocks without one. */
  label: Segment[];
  /** The rest of the block's words as changed. */
  body: Segment[];
}

export interface VersionFacts {
  title: string;
  version: string;
  date: string;
  fingerprint: string;
  /** Where both versions have the same title and version number: what tells this one apart (its file name). */
  tag?: string;
}

export interface Redline {
  before: VersionFacts;
  after: VersionFacts;
  blocks: RedlineBlock[];
  counts: { insertedWords: number; deletedWords: number; changedBlocks: number; insertedBlocks: number; deletedBlocks: number };
  /** Present when the amendment was simulated on cases. */
  delta?: DecisionDelta & { casesLabel: string };
}

export interface RedlineOptions {
  cases?: Cases;
  casesLabel?: string;
  scenario?: Scenario;
  /** Changed cases listed (the count is always exact). Default 100. */
  maxChangedCases?: number;
  /** The files the two versions were read from, named when nothing else tells the versions apart. */
  beforeName?: string;
  afterName?: string;
}

function labelOf(b: PrintedBlock): string {
  return b.label ?? '';
}

function bodyOf(b: PrintedBlock): string {
  return blockText({ ...b, label: undefined });
}

const same = (text: string): Segment[] => (text ? [{ op: 'equal', text }] : []);
const only = (op: 'insert' | 'delete', text: string): Segment[] => (text ? [{ op, text }] : []);

function wholeBlock(b: PrintedBlock, status: 'same' | 'inserted' | 'deleted'): RedlineBlock {
  const op = status === 'inserted' ? 'insert' : 'delete';
  return {
    kind: b.kind,
    ...(b.depth ? { depth: b.depth } : {}),
    status,
    label: status === 'same' ? same(labelOf(b)) : only(op, labelOf(b)),
    body: status === 'same' ? same(bodyOf(b)) : only(op, bodyOf(b)),
  };
}

function changedBlock(before: PrintedBlock, after: PrintedBlock): RedlineBlock {
  return {
    kind: after.kind,
    ...(after.depth ? { depth: after.depth } : {}),
    status: 'changed',
    label:
      labelOf(before) === labelOf(after) ? same(labelOf(after)) : [...only('delete', labelOf(before)), ...only('insert', labelOf(after))],
    body: diffWords(bodyOf(before), bodyOf(after)),
  };
}

/** Blocks alike enough to show as one changed block rather than a deletion and an insertion. */
const PAIRING_THRESHOLD = 0.35;

/**
 * Pairs the deleted and inserted blocks of one hunk, keeping their order, so that the pairs are as
 * alike as possible (a small alignment; hunks of thousands of blocks pair in order instead).
 */
function pairHunk(dels: PrintedBlock[], ins: PrintedBlock[]): Array<[number, number]> {
  const score = (i: number, j: number) => {
    if (dels[i]!.kind !== ins[j]!.kind) return 0;
    const s = similarity(blockText(dels[i]!), blockText(ins[j]!));
    return s >= PAIRING_THRESHOLD ? s : 0;
  };
  const n = dels.length;
  const m = ins.length;
  if (n * m > 250000) {
    const pairs: Array<[number, number]> = [];
    for (let k = 0; k < Math.min(n, m); k++) if (score(k, k) > 0) pairs.push([k, k]);
    return pairs;
  }
  const best = new Float64Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(i, j);
      best[at(i, j)] = Math.max(best[at(i + 1, j)]!, best[at(i, j + 1)]!, s > 0 ? s + best[at(i + 1, j + 1)]! : 0);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = score(i, j);
    if (s > 0 && best[at(i, j)] === s + best[at(i + 1, j + 1)]!) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (best[at(i, j)] === best[at(i + 1, j)]) i++;
    else j++;
  }
  return pairs;
}

function countWords(segments: readonly Segment[], op: 'insert' | 'delete'): number {
  return segments.filter((s) => s.op === op).reduce((n, s) => n + tokenize(s.text).filter((t) => /[\p{L}\p{N}]/u.test(t)).length, 0);
}

function facts(o: Ordinance): VersionFacts {
  const t = ordinanceText(o);
  return { title: t.title, version: t.version, date: t.date, fingerprint: t.fingerprint };
}

/** The redline of `after` against `before`. */
export function redline(before: Ordinance, after: Ordinance, opts: RedlineOptions = {}): Redline {
  const a = printedBlocks(ordinanceText(before));
  const b = printedBlocks(ordinanceText(after));
  const key = (x: PrintedBlock) => `${x.kind}\u0000${x.depth ?? 0}\u0000${blockText(x)}`;
  const keys = new Map<string, number>();
  const id = (x: PrintedBlock) => {
    const k = key(x);
    let v = keys.get(k);
    if (v === undefined) keys.set(k, (v = keys.size));
    return v;
  };
  const steps = diffSequences(a.map(id), b.map(id));
  const blocks: RedlineBlock[] = [];
  let k = 0;
  while (k < steps.length) {
    const s = steps[k]!;
    if (s.op === 'equal') {
      blocks.push(wholeBlock(b[s.b]!, 'same'));
      k++;
      continue;
    }
    const dels: PrintedBlock[] = [];
    const ins: PrintedBlock[] = [];
    while (k < steps.length && steps[k]!.op !== 'equal') {
      const t = steps[k]!;
      if (t.op === 'delete') dels.push(a[t.a]!);
      else ins.push(b[t.b]!);
      k++;
    }
    let di = 0;
    let ii = 0;
    for (const [pd, pi] of [...pairHunk(dels, ins), [dels.length, ins.length] as [number, number]]) {
      while (di < pd) blocks.push(wholeBlock(dels[di++]!, 'deleted'));
      while (ii < pi) blocks.push(wholeBlock(ins[ii++]!, 'inserted'));
      if (pd < dels.length && pi < ins.length) {
        blocks.push(changedBlock(dels[pd]!, ins[pi]!));
        di++;
        ii++;
      }
    }
  }
  // The footer changes with every change (it prints the fingerprint); the counts are of the text.
  const text = blocks.filter((x) => x.kind !== 'footer');
  const all = text.flatMap((x) => [...x.label, ...x.body]);
  const tags = tellApart(
    { ...facts(before), ...(opts.beforeName ? { name: opts.beforeName } : {}) },
    { ...facts(after), ...(opts.afterName ? { name: opts.afterName } : {}) },
    ['earlier', 'later'],
  );
  const result: Redline = {
    before: { ...facts(before), ...(tags ? { tag: tags[0] } : {}) },
    after: { ...facts(after), ...(tags ? { tag: tags[1] } : {}) },
    blocks,
    counts: {
      insertedWords: countWords(all, 'insert'),
      deletedWords: countWords(all, 'delete'),
      changedBlocks: text.filter((x) => x.status === 'changed').length,
      insertedBlocks: text.filter((x) => x.status === 'inserted').length,
      deletedBlocks: text.filter((x) => x.status === 'deleted').length,
    },
  };
  if (opts.cases) {
    const scenario = opts.scenario ?? {};
    const afterPolicy = compile(after, scenario);
    const beforePolicy = compile(before, scenario);
    const sim = simulate(afterPolicy, opts.cases, {
      compare: { policy: beforePolicy, title: before.title, fingerprint: result.before.fingerprint },
      maxChangedCases: opts.maxChangedCases ?? 100,
    });
    // Open decisions are undecided on these records, not referred for review (as the report has them).
    result.delta = {
      ...decisionDelta(sim.comparison!, opts.cases.length, opts.maxChangedCases ?? 100, decidedCodesOf(sim)),
      names: { policy: provisionNamesOf(afterPolicy, after), other: provisionNamesOf(beforePolicy, before) },
      casesLabel: opts.casesLabel ?? 'the case set',
    };
  }
  return result;
}

/** "version 2014 (as-enacted.yaml), effective January 1, 2014, fingerprint f72f41f430ed": the date as the text prints it, no brackets back to back. */
function versionWords(v: VersionFacts): string {
  return `version ${v.version}${v.tag ? ` (${v.tag})` : ''}${v.date ? `, effective ${longDate(v.date)}` : ''}, fingerprint ${shortFingerprint(v.fingerprint)}`;
}

/** "Version 2", or "Version 2 (draft-b.ordinance.yaml)" when both versions have the same number. */
function versionLabel(v: VersionFacts): string {
  return `Version ${v.version}${v.tag ? ` (${v.tag})` : ''}`;
}

/** "Changes from version 1 (…) to version 2 (…): 3 words inserted, 2 deleted, in 2 blocks." */
export function redlineSummary(r: Redline): string {
  const c = r.counts;
  const blocks = c.changedBlocks + c.insertedBlocks + c.deletedBlocks;
  if (blocks === 0) return `No change in the text from ${versionWords(r.before)} to ${versionWords(r.after)}.`;
  return `Changes from ${versionWords(r.before)} to ${versionWords(r.after)}: ${c.insertedWords} word${c.insertedWords === 1 ? '' : 's'} inserted and ${c.deletedWords} deleted, in ${blocks} paragraph${blocks === 1 ? '' : 's'}.`;
}

// ---- HTML ----

const REDLINE_CSS = `
ins { color: #1a5e20; background: #e3f4e4; text-decoration: underline; text-decoration-thickness: 1.5px; }
del { color: #a01515; background: #fbe4e4; text-decoration: line-through; }
.legend { font-size: .9rem; }
.redline-text .rl { margin: 0 0 .5rem; }
.redline-text .rl.title { font-weight: bold; text-align: center; font-size: 1.15rem; }
.redline-text .rl.subtitle { font-style: italic; text-align: center; }
.redline-text .rl.enacting { font-weight: bold; }
.redline-text .rl.clause { padding-left: 2.2em; text-indent: -2.2em; }
.redline-text .rl.clause.unlettered { padding-left: 0; text-indent: 0; }
.redline-text .rl.item { text-indent: -2em; }
.redline-text .rl.after { padding-left: 2.2em; }
.redline-text .rl.plain-reading { margin-left: 2.2em; font-size: .9rem; font-style: italic; }
.redline-text .rl.footer { font-size: .85rem; border-top: 1px solid #999; padding-top: .4rem; }
.redline-text .changed { border-left: 3px solid #b58900; padding-left: .4rem; }
.redline-text .inserted { border-left: 3px solid #1a5e20; padding-left: .4rem; }
.redline-text .deleted { border-left: 3px solid #a01515; padding-left: .4rem; }
@media print { ins, del { background: none; } }
`;

function segmentsHtml(segments: readonly Segment[]): string {
  return segments
    .map((s) =>
      s.op === 'insert' ? `<ins>${escapeHtml(s.text)}</ins>` : s.op === 'delete' ? `<del>${escapeHtml(s.text)}</del>` : escapeHtml(s.text),
    )
    .join('');
}

function blockHtml(b: RedlineBlock): string {
  const label = b.label.length ? `${segmentsHtml(b.label)} ` : '';
  const content = label + segmentsHtml(b.body);
  const status = b.status === 'same' ? '' : ` ${b.status}`;
  if (b.kind === 'heading') return `<h3 class="rl heading${status}">${content}</h3>`;
  const indent = b.kind === 'item' ? ` style="padding-left:${2.2 + 2 * (b.depth ?? 1)}em"` : '';
  // As the council text sets them: a clause without a label flush, with no hanging indent; the words
  // after a clause's items under its text, not at the margin.
  const unlettered = b.kind === 'clause' && !b.label.length ? ' unlettered' : '';
  return `<p class="rl ${b.kind}${unlettered}${status}"${indent}>${content}</p>`;
}

export function redlineBodyHtml(r: Redline): string {
  const out: string[] = [];
  out.push(
    '<header class="doc-header">',
    `<h1>Redline: ${escapeHtml(r.after.title)}</h1>`,
    `<p>${escapeHtml(redlineSummary(r))}</p>`,
    '<p class="legend">Inserted words are <ins>underlined in green</ins>; deleted words are <del>struck through in red</del>. A bar in the margin marks each changed paragraph.</p>',
    '</header>',
    '<main>',
  );
  if (r.delta) {
    out.push('<section aria-labelledby="rl-effect"><h2 id="rl-effect">Effect on decisions</h2>');
    out.push(deltaHtml(r.delta, 'This amendment', versionLabel(r.before), versionLabel(r.after)));
    out.push('</section>');
  }
  out.push('<section class="redline-text" aria-labelledby="rl-text"><h2 id="rl-text">Text with changes</h2>');
  for (const b of r.blocks) out.push(blockHtml(b));
  out.push('</section>');
  if (r.delta) {
    out.push('<section aria-labelledby="rl-cases"><h2 id="rl-cases">Changed cases</h2>');
    out.push(changedCasesHtml(r.delta, versionLabel(r.before), versionLabel(r.after)));
    out.push('</section>');
  }
  out.push('</main>');
  out.push(
    `<footer class="doc-footer"><p>Before: version ${escapeHtml(r.before.version)}${r.before.tag ? ` (${escapeHtml(r.before.tag)})` : ''}, fingerprint <span class="fingerprint">${escapeHtml(r.before.fingerprint)}</span><br>After: version ${escapeHtml(r.after.version)}${r.after.tag ? ` (${escapeHtml(r.after.tag)})` : ''}, fingerprint <span class="fingerprint">${escapeHtml(r.after.fingerprint)}</span></p></footer>`,
  );
  return out.join('\n');
}

export function redlineHtml(r: Redline): string {
  return htmlDocument({
    title: `Redline: ${r.after.title}`,
    description: redlineSummary(r),
    css: REDLINE_CSS,
    margins: {
      footer: `Redline · Version ${r.before.version} to ${r.after.version} · Fingerprint ${shortFingerprint(r.before.fingerprint)} to ${shortFingerprint(r.after.fingerprint)}\n${r.after.fingerprint}`,
    },
    body: redlineBodyHtml(r),
  });
}

export function renderRedlineHtml(before: Ordinance, after: Ordinance, opts: RedlineOptions = {}): string {
  return redlineHtml(redline(before, after, opts));
}

// ---- DOCX ----

const REVISION_AUTHOR = 'Detainer Policy Studio';

/** Word revisions need an id each; dated with the new version's own date, or undated. */
class Revisions {
  private next = 1;
  constructor(private readonly date: string | undefined) {}
  mark(): { id: number; author: string; date: string } {
    // docx omits an attribute whose value is undefined, which leaves the revision undated.
    return { id: this.next++, author: REVISION_AUTHOR, date: this.date as string };
  }
}

function segmentRuns(segments: readonly Segment[], rev: Revisions): ParagraphChild[] {
  return segments.map((s) =>
    s.op === 'insert'
      ? new InsertedTextRun({ text: wordText(s.text), ...rev.mark() })
      : s.op === 'delete'
        ? new DeletedTextRun({ text: wordText(s.text), ...rev.mark() })
        : new TextRun({ text: wordText(s.text) }),
  );
}

const BLOCK_STYLES: Partial<Record<BlockKind, string>> = {
  subtitle: STYLE.subtitle,
  whereas: STYLE.whereas,
  enacting: STYLE.enacting,
  intro: STYLE.intro,
  clause: STYLE.clause,
  item: STYLE.item,
  after: STYLE.after,
  number: STYLE.number,
  sponsors: STYLE.sponsors,
  passage: STYLE.passage,
  signature: STYLE.signature,
  signer: STYLE.signer,
  'signature-date': STYLE.signer,
  'annex-heading': STYLE.enacting,
  annex: STYLE.plainReading,
  footer: STYLE.footer,
};

function blockParagraph(b: RedlineBlock, rev: Revisions): Paragraph {
  const children: ParagraphChild[] = [];
  if (b.label.length) children.push(...segmentRuns(b.label, rev), new TextRun({ text: '\t' }));
  children.push(...segmentRuns(b.body, rev));
  // A whole paragraph inserted or deleted carries the revision on its paragraph mark too.
  const mark =
    b.status === 'inserted' ? { run: { insertion: rev.mark() } } : b.status === 'deleted' ? { run: { deletion: rev.mark() } } : {};
  if (b.kind === 'heading') return new Paragraph({ heading: HeadingLevel.HEADING_2, children, ...mark });
  if (b.kind === 'title') return new Paragraph({ alignment: AlignmentType.CENTER, children, style: STYLE.enacting, ...mark });
  const depth = b.depth ?? 1;
  const itemIndent = b.kind === 'item' ? { indent: { left: HANG * (depth + 1), hanging: HANG } } : {};
  const clauseIndent = b.kind === 'clause' && !b.label.length ? { indent: { left: 0, hanging: 0 } } : {};
  return new Paragraph({ style: BLOCK_STYLES[b.kind] ?? STYLE.clause, children, ...itemIndent, ...clauseIndent, ...mark });
}

/** A simple table with a repeating header row, in the table text style. */
function wordTable(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ style: STYLE.tableText, children: [new TextRun({ text: wordText(text), bold })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c) => cell(c)) })),
    ],
  });
}

export function redlineDocument(r: Redline): Document {
  const date = r.after.date || r.before.date;
  const rev = new Revisions(date ? `${date}T00:00:00Z` : undefined);
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: wordText(`Redline: ${r.after.title}`) })] }),
    new Paragraph({ style: STYLE.subtitle, children: [new TextRun({ text: wordText(redlineSummary(r)) })] }),
    new Paragraph({
      children: [
        new TextRun({ text: 'The changes are Word revisions: inserted words show as ' }),
        new InsertedTextRun({ text: 'insertions', ...rev.mark() }),
        new TextRun({ text: ' and deleted words as ' }),
        new DeletedTextRun({ text: 'deletions', ...rev.mark() }),
        new TextRun({ text: '; Review > Accept All gives the new version.' }),
      ],
    }),
  ];
  if (r.delta) {
    const d = r.delta;
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: 'Effect on decisions' })] }));
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: wordText(deltaSentence(d, 'This amendment')), bold: true }),
          new TextRun({
            text: wordText(
              ` Simulated on ${d.total.toLocaleString('en-US')} booking case${d.total === 1 ? '' : 's'} from ${d.casesLabel}.`,
            ),
          }),
        ],
      }),
    );
    const rows = transitionRows(d);
    if (rows.length) children.push(wordTable([versionLabel(r.before), versionLabel(r.after), 'Cases'], rows));
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: 'Text with changes' })] }));
  for (const b of r.blocks) children.push(blockParagraph(b, rev));
  if (r.delta) {
    const d = r.delta;
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun({ text: 'Changed cases' })] }),
    );
    if (d.cases.length === 0) children.push(new Paragraph({ children: [new TextRun({ text: 'No case is decided differently.' })] }));
    else {
      if (d.cases.length < d.changed + d.mayDiffer) {
        children.push(new Paragraph({ children: [new TextRun({ text: `${changedCasesCaption(d)}.` })] }));
      }
      children.push(
        wordTable(
          ['Case', versionLabel(r.before), versionLabel(r.after)],
          d.cases.map((c) => [
            c.id,
            // As the HTML's table says them: an undecided side as undecided, a side more than one provision may decide under each.
            changedCaseWords(c, 'other', { names: d.names }),
            changedCaseWords(c, 'policy', { names: d.names }),
          ]),
        ),
      );
    }
  }

  const line = `Redline · Version ${r.before.version} to ${r.after.version} · Fingerprint ${shortFingerprint(r.before.fingerprint)} to ${shortFingerprint(r.after.fingerprint)}`;
  const footer = new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          new TextRun({ text: wordText(line) }),
          new TextRun({ children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
      new Paragraph({ style: STYLE.footer, children: [new TextRun({ text: r.after.fingerprint, style: STYLE.fingerprint })] }),
    ],
  });
  return new Document({
    title: wordText(`Redline: ${r.after.title}`),
    subject: 'Redline between two versions of an ordinance',
    creator: REVISION_AUTHOR,
    lastModifiedBy: REVISION_AUTHOR,
    description: wordText(redlineSummary(r)),
    keywords: r.after.fingerprint,
    revision: 1,
    customProperties: [
      { name: 'Fingerprint before', value: r.before.fingerprint },
      { name: 'Fingerprint after', value: r.after.fingerprint },
    ],
    styles: documentStyles(),
    numbering: documentNumbering(),
    sections: [{ properties: pageProperties(), footers: { default: footer }, children }],
  });
}

export function redlineDocx(r: Redline): Promise<Uint8Array> {
  return packDocx(redlineDocument(r), r.after.date || r.before.date || undefined);
}

export function renderRedlineDocx(before: Ordinance, after: Ordinance, opts: RedlineOptions = {}): Promise<Uint8Array> {
  return redlineDocx(redline(before, after, opts));
}
