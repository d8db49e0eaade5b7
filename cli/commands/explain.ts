// `detainer-studio explain POLICY --cases FILE --id CASE_ID`: one decision in plain English.

import {
  caseIndexOf,
  compile,
  decidedByOneOfWords,
  dependsOnLabel,
  inOrdinanceTerms,
  whichProvisionOnlySentence,
  OUTCOME_WORDS,
  provisionNamer,
  detainerTerm,
  requestAfterReleaseSentence,
  settledDecidingConvictions,
  undecidedWords,
  UNKNOWN_REQUEST_READING,
  type CaseSet,
  type Decision,
  type SettledDecidingConvictions,
} from '../../engine/index';
import { parseArgs, UsageError } from '../args';
import {
  caseSourceOf,
  LISTED_PROBLEMS,
  loadCasesOrReport,
  loadPolicyOrReport,
  loadScenarioOrReport,
  reimbursementOverride,
  type Output,
} from '../context';
import type { CommandCode } from '../command';
import { count, num } from '../format';

export const explain: CommandCode = {
  run(argv: string[], io: Output): number {
    const args = parseArgs(argv, {
      values: ['cases', 'id', 'scenario', 'reimbursement', 'mapping', 'source'],
      flags: ['json', 'progress'],
    });
    if (args.positional.length !== 1) throw new UsageError('explain needs exactly one policy file');
    const casesFile = args.values.get('cases');
    const id = args.values.get('id');
    if (!casesFile || !id) throw new UsageError('explain needs --cases FILE and --id CASE_ID');
    // What the rows are, as simulate reads them (and with its messages): ICE's released records, or booking cases.
    const source = caseSourceOf(args.values.get('source'));
    const policy = loadPolicyOrReport(io, args.positional[0]!);
    const scenario = reimbursementOverride(args.values.get('reimbursement'), loadScenarioOrReport(io, args.values.get('scenario')));
    const set = loadCasesOrReport(io, casesFile, {
      skipBad: true,
      mapping: args.values.get('mapping'),
      progress: args.flags.has('progress') || 'auto',
      source,
      skipping: (good) => `the case to explain is looked for among the ${good} read`,
    });
    const row = caseIndexOf(set.table, id);
    if (row < 0) {
      io.err(notReadLine(casesFile, id, set) + '\n');
      return 1;
    }
    const compiled = compile(policy.ordinance, scenario);
    const decision = compiled.explain(set.table, row);
    // As simulate --json and the app's cases table name them: none on a decision nothing has settled.
    const deciding = settledDecidingConvictions(compiled, set.table, [row])[0]!;
    if (args.flags.has('json')) {
      // The decision as `simulate --json` gives it, and the convictions that satisfied the deciding provision's conviction test.
      io.out(JSON.stringify({ ...decision, decidingConvictions: deciding.convictions }, null, 2) + '\n');
      return 0;
    }
    io.out(
      explainText(decision, deciding, provisionNamer(compiled.provisions, detainerTerm(policy.ordinance)), (text) =>
        inOrdinanceTerms(text, policy.ordinance),
      ),
    );
    return 0;
  },
};

/**
 * Why no case with the id can be explained: a record with that id was left out for its problems
 * (listed above it, each at its row, or line and column), or the file has no such id at all.
 */
export function notReadLine(file: string, id: string, set: CaseSet): string {
  const mine = set.problems.filter((p) => p.id === id);
  const bad = mine[0];
  if (bad) {
    // The CLI lists the first LISTED_PROBLEMS problems (reportCaseProblems); a later one is said here.
    const shown = set.problems.indexOf(bad) < LISTED_PROBLEMS;
    const what = shown
      ? `its record has the problem${mine.length > 1 ? 's' : ''} listed above; fix ${mine.length > 1 ? 'them' : 'it'}, then explain it`
      : `its record has a problem: ${bad.field ? `${bad.field}: ` : ''}${bad.message}; fix it, then explain it`;
    const where =
      bad.row !== undefined ? `${file}: row ${bad.row}` : bad.line !== undefined ? `${file}:${bad.line}:${bad.column ?? 1}` : file;
    return `${where}: error: the case "${id}" is in the file but was not read: ${what}`;
  }
  const listed = set.problems.length > LISTED_PROBLEMS || set.unlisted > 0 ? 'the first of them listed above' : 'listed above';
  const unread = set.rejected
    ? `; ${num(set.rejected)} of ${count(set.total, 'case')} ${set.rejected === 1 ? 'was' : 'were'} not read for ${set.rejected === 1 ? 'its' : 'their'} problems (${listed})`
    : '';
  return `${file}: error: no case has the id "${id}"${unread}`;
}

/** The line saying which conviction decided the case, or that none did and why. */
export function decidingConvictionLine(d: SettledDecidingConvictions): string {
  if (d.decidedByOneOf) {
    const which = d.decidedByOneOf.map((p) => p.citation).join(' or ');
    if (!d.convictions.length)
      return `Deciding conviction: none named (the records leave open whether ${which} decides the case; the reasons below show each test).`;
    const listed = d.convictions
      .map((c) => `${c.description}, ${c.convictedOn ? `convicted ${c.convictedOn}` : 'conviction date not in the records'}`)
      .join('; ');
    return `Deciding conviction${d.convictions.length > 1 ? 's' : ''}: ${listed} (satisfied the conviction test of whichever of ${which} decides the case).`;
  }
  if (d.convictions.length) {
    const listed = d.convictions
      .map((c) => `${c.description}, ${c.convictedOn ? `convicted ${c.convictedOn}` : 'conviction date not in the records'}`)
      .join('; ');
    return `Deciding conviction${d.convictions.length > 1 ? 's' : ''}: ${listed} (${d.convictions.length > 1 ? 'each ' : ''}satisfied the conviction test of ${d.citation}).`;
  }
  if (d.provision === 'default') return `Deciding conviction: none (the otherwise clause, ${d.citation}, reads no conviction).`;
  return d.readsConvictions
    ? `Deciding conviction: none (${d.citation} applied without a conviction satisfying a conviction test).`
    : `Deciding conviction: none (${d.citation} reads no conviction).`;
}

/**
 * The decision in words. `named` names a provision by id and citation (provisionNamer of the policy's
 * provisions): its citation and heading, or what it does; the otherwise clause as such; never its id.
 * `words` names the detainer as the deciding policy's text does (inOrdinanceTerms), for the facts an
 * undecided decision turns on, as its reasons already do.
 */
export function explainText(
  d: Decision,
  deciding?: SettledDecidingConvictions,
  named: (id: string, citation: string) => string = (_id, citation) => citation,
  words?: (text: string) => string,
): string {
  const lines: string[] = [];
  const name = (p: { provision: string; citation: string }) => named(p.provision, p.citation);
  // A hold on a request after the release is served by no one: its end is not said as a time anyone is held to.
  const held = d.holdUntil && !d.requestAfterRelease ? ` until ${d.holdUntil.replace('T', ' ')}` : '';
  // An open decision's outcome (review) only marks it unsettled: it is no one's decision, and says what it
  // turns on and each outcome it could have under the provisions that would give it, as the changed cases do.
  if (d.undetermined) {
    const could = d.undecided
      ? `It is ${undecidedWords(d.undecided, name)}; no one provision is named as deciding it.`
      : `It could be ${d.undetermined.possible.map((o) => OUTCOME_WORDS[o]).join(' or ')}.`;
    const whichOnly = whichProvisionOnlySentence(d.undetermined.whichProvisionOnly, words);
    lines.push(
      `Case ${d.id}: UNDECIDED: these records cannot settle it. It turns on ${d.undetermined.dependsOn.map((k) => dependsOnLabel(k, words)).join('; ') || 'facts the records do not carry'}. ${could}${whichOnly ? ` ${whichOnly}` : ''}`,
    );
    if (d.undetermined.dependsOn.includes('requests')) lines.push(UNKNOWN_REQUEST_READING);
  } else if (d.decidedByOneOf) {
    // The outcome is settled, but not which provision gives it: the first's test turns on facts the records lack.
    const holdEnd = d.outcome === 'hold' && !d.holdUntil ? ' (when it ends is not known: see below)' : '';
    lines.push(
      `Case ${d.id}: ${OUTCOME_WORDS[d.outcome].toUpperCase()}${held}${holdEnd}, under ${decidedByOneOfWords(d.decidedByOneOf, name)}. These records do not show whether ${d.citation} applies; the outcome is the same either way, so no one provision is named as deciding it.`,
    );
  } else lines.push(`Case ${d.id}: ${OUTCOME_WORDS[d.outcome].toUpperCase()}${held}, decided by ${name(d)}.`);
  if (d.requestAfterRelease) lines.push(`Request after release: ${requestAfterReleaseSentence(d.requestAfterRelease)}`);
  if (deciding && !d.undetermined) lines.push(decidingConvictionLine(deciding));
  lines.push('');
  let last = '';
  for (const r of d.reasons) {
    // A reason of the decision the records leave open which provision gives (a hold's limit) goes under all of them.
    const heading = r.decidedByOneOf
      ? `Under ${decidedByOneOfWords(r.decidedByOneOf, name)} (these records do not show which):`
      : `${name(r)}:`;
    if (r.depth === 0 && heading !== last) {
      lines.push(heading);
      last = heading;
    }
    const unknown =
      d.undetermined || d.decidedByOneOf ? 'UNKNOWN (not in these records, or a person must decide)' : 'UNKNOWN (a person must decide)';
    const value = r.value === 'unknown' ? unknown : r.value ? 'yes' : 'no';
    lines.push(`${'  '.repeat(r.depth + 1)}${r.condition}: ${value}`);
    for (const f of r.facts) lines.push(`${'  '.repeat(r.depth + 2)}- ${f}`);
  }
  return lines.join('\n') + '\n';
}
