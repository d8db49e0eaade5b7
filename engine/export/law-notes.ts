// Law notes: what the law a policy was checked against says about its provisions, silenced or not,
// for the faces that print a policy for someone to follow (the officer guide) or to vote on (the impact
// report). Read from the legal lint's findings through their public fields.

import { lintOrdinance, LINT_RULES, type LintDiagnostic } from '../analysis/lint';
import { messageWithCitation } from '../diagnostics';
import { LAW, unverifiedDateMark } from '../law';
import type { Ordinance, Scenario } from '../model';
import { longDate } from '../text-model';
import { escapeHtml } from './html';

/**
 * What the law the policy was checked against says about a provision: a legal finding of the lint (an
 * error or a warning of a rule that rests on a state or federal authority of law/) on it, silenced by the policy's author or not. Findings of one rule, authority and reason on several
 * provisions are one note, the message of the first printed and the others' sections named.
 */
export interface LawNote {
  number: number;
  code: string;
  /** The rule's short title: "State law bars this hold". */
  title: string;
  severity: 'error' | 'warning';
  /** The finding's own message, with its citation where the message does not give it. */
  message: string;
  /** The sections of the provisions it touches, in the policy's order, and the provisions' ids ('default' for the otherwise clause). */
  citations: string[];
  provisions: string[];
  /** The law/ authority it rests on, by name and citation, with its date as the law data gives it. */
  authority?: {
    id: string;
    name: string;
    /** "from August 2, 2021" when it took effect after the date the policy was checked as of, "since ..." when before; absent when the data has no date. */
    date?: string;
    after: boolean;
  };
  /** The author's reason, when the finding is silenced. */
  silenced?: string;
}

/** The look of the law notes: boxed, as the first thing after the header. */
export const LAW_NOTES_CSS = `
.law-notes { border: 2px solid #111; padding: .2rem .5rem .3rem; margin: .4rem 0; }
.law-notes h2 { margin-top: .1rem; border-bottom: none; }
.law-notes p { margin: .1rem 0; }
ol.law-notes { border: none; padding: 0 0 0 1.3rem; margin: .1rem 0; font-size: .85rem; line-height: 1.25; }
ol.law-notes li { margin: .05rem 0; }
`;

/** The rules whose findings rest on the law (state statutes and rulings, federal law): the guide prints theirs. */
const LAW_RULES = new Map(LINT_RULES.filter((r) => r.kind === 'law').map((r) => [r.code, r]));

/**
 * The legal findings on the given provisions ('default' for the otherwise clause), silenced or not:
 * the lint's errors and warnings of a law rule that names the authority of law/ it rests on. An author
 * silences a finding to keep a text as enacted; whoever follows the policy or votes on it is told what
 * the law says about it all the same, in the finding's own words, with the author's reason.
 */
export function lawNotes(
  o: Ordinance,
  scenario: Scenario,
  places: ReadonlyArray<{ provision: string; citation: string }>,
  asOf: string,
): LawNote[] {
  const citationOf = new Map(places.map((p) => [p.provision, p.citation]));
  const order = [...citationOf.keys()];
  const findings = lintOrdinance(o, { scenario, examples: false }).filter(
    (d): d is LintDiagnostic & { severity: 'error' | 'warning'; provision: string; authority: string } =>
      (d.severity === 'error' || d.severity === 'warning') &&
      LAW_RULES.has(d.code) &&
      d.authority !== undefined &&
      d.provision !== undefined &&
      citationOf.has(d.provision),
  );
  // Errors first, then state law (which can forbid what a step says), then federal, each in the policy's order.
  const rank = (d: LintDiagnostic) => (d.severity === 'error' ? 0 : 2) + (d.code.startsWith('state-') ? 0 : 1);
  findings.sort((a, b) => rank(a) - rank(b) || order.indexOf(a.provision) - order.indexOf(b.provision));
  const notes: LawNote[] = [];
  const byKey = new Map<string, LawNote>();
  for (const d of findings) {
    const key = JSON.stringify([d.code, d.severity, d.authority, d.suppressed ?? null]);
    let note = byKey.get(key);
    if (!note) {
      const a = LAW.find((x) => x.id === d.authority);
      note = {
        number: notes.length + 1,
        code: d.code,
        title: LAW_RULES.get(d.code)!.shortTitle,
        severity: d.severity,
        message: messageWithCitation(d),
        citations: [],
        provisions: [],
        ...(a
          ? {
              authority: {
                id: a.id,
                name: a.kind === 'case' ? a.citations.at(-1)!.cite : namedWithCitation(a.name, a.citations.at(-1)!.cite),
                ...(a.effective
                  ? { date: `${a.effective > asOf ? 'from' : 'since'} ${longDate(a.effective)}${unverifiedDateMark(a)}` }
                  : {}),
                after: a.effective !== undefined && a.effective > asOf,
              },
            }
          : {}),
        ...(d.suppressed ? { silenced: d.suppressed } : {}),
      };
      byKey.set(key, note);
      notes.push(note);
    }
    const citation = citationOf.get(d.provision)!;
    if (!note.citations.includes(citation)) note.citations.push(citation);
    if (!note.provisions.includes(d.provision)) note.provisions.push(d.provision);
  }
  return notes;
}

/**
 * What the law says about the policy, near the top of a face that prints it to be followed or voted on: each finding in its own words, the sections it
 * touches, and for a silenced one the reason its author gave. Silencing keeps a text as written; it
 * does not change the law, and the guide does not hide it.
 */
export function lawNotesHtml(notes: LawNote[], id: string, heading: string): string {
  if (!notes.length) return '';
  return [
    `<section class="law-notes" aria-labelledby="${id}">`,
    `<h2 id="${id}">${escapeHtml(heading)}</h2>`,
    notes.some((n) => n.silenced)
      ? `<p>A finding the policy's author silenced, to keep the text as written, is given with the author's reason: silencing it does not change the law.</p>`
      : '',
    `<ol class="law-notes">${notes
      .map(
        (n) =>
          `<li><strong>${escapeHtml(n.title)}</strong> <span class="cite">(${escapeHtml(n.citations.join(', '))})</span>: ${escapeHtml(n.message)}.${n.silenced ? ` The policy's author kept this text with the reason: ‘${escapeHtml(n.silenced)}’.` : ''}</li>`,
      )
      .join('')}</ol>`,
    '</section>',
  ].join('');
}

/**
 * An authority by its name and citation, the citation left out where the name already says it
 * ("8 U.S.C. § 1373 (IIRIRA § 642)" is not followed by "(8 U.S.C. 1373)", nor "California Gov. Code
 * § 7282.5" by "(Cal. Gov. Code § 7282.5)"): each of the citation's numbers is a number of the name,
 * and each of its words the start of a word of the name. A citation that says more (a subsection,
 * another section, the year of its text) is kept.
 */
export function namedWithCitation(name: string, citation: string): string {
  const words = (x: string) => x.toLowerCase().match(/[a-z]+/g) ?? [];
  const numbers = (x: string) => x.match(/\d+(?:\.\d+)*/g) ?? [];
  const nameWords = words(name);
  const nameNumbers = new Set(numbers(name));
  const said = numbers(citation).every((x) => nameNumbers.has(x)) && words(citation).every((w) => nameWords.some((x) => x.startsWith(w)));
  if (said) return name;
  // A citation with words in brackets of its own ("(2014 text)", not a subsection's "(d)") follows the
  // name after a comma, never in brackets around them.
  return /\([^)]* /.test(citation) ? `${name}, ${citation}` : `${name} (${citation})`;
}
