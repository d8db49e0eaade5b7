// `detainer-studio simulate POLICY --cases FILE ...`: what the policy does to a case set.

import {
  OUTCOMES,
  resolveScenario,
  shortFingerprint,
  simulateDraft,
  simulationJson,
  writeBatched,
  type CompareTarget,
  type CompiledPolicy,
  checkBlankCells,
  checkCaseSetVocabulary,
  type BlankColumn,
  parseSource,
  type CaseTable,
  type FigureRow,
  type Ordinance,
  type Outcome,
  type Amount,
  coverageTotalsWords,
  decidedAs,
  differenceWords,
  pastRequestWords,
  afterReleaseWords,
  comparedAfterReleaseWords,
  comparedDecisions,
  comparedInTimeWords,
  afterReleaseMatrixWords,
  afterReleaseCoverageWords,
  unknownLengthWhy,
  summaryBounds,
  type SimulationResult,
  type ChangedCase,
  decidedByOneOfWords,
  undecidedWords,
  holdEndWords,
  holdEndsDifferWords,
  holdEndsMayDifferSentence,
  mayDifferWords,
  provisionNamer,
  detainerTerm,
  joinWords,
} from '../../engine/index';
import { parseArgs, UsageError } from '../args';
import {
  caseSelectionOf,
  caseSourceOf,
  loadCasesOrReport,
  loadPolicyOrReport,
  loadScenarioOrReport,
  readOrReport,
  reimbursementOverride,
  type Output,
} from '../context';
import type { CommandCode } from '../command';
import { count, money, num, pct, table } from '../format';

export const simulate: CommandCode = {
  run(argv: string[], io: Output): number {
    const args = parseArgs(argv, {
      values: ['cases', 'scenario', 'reimbursement', 'compare', 'baseline', 'mapping', 'source', 'facility', 'from', 'to'],
      flags: ['json', 'skip-bad', 'progress'],
    });
    if (args.positional.length !== 1) throw new UsageError('simulate needs exactly one policy file');
    const casesFile = args.values.get('cases');
    if (!casesFile) throw new UsageError('simulate needs --cases FILE');
    const baseline = args.values.get('baseline');
    if (baseline !== undefined && baseline !== 'honor-all') throw new UsageError('--baseline must be honor-all');
    if (baseline && args.values.has('compare')) throw new UsageError('give --compare or --baseline, not both');

    const source = caseSourceOf(args.values.get('source'));
    const select = caseSelectionOf(args.values);
    const policy = loadPolicyOrReport(io, args.positional[0]!);
    const scenario = reimbursementOverride(args.values.get('reimbursement'), loadScenarioOrReport(io, args.values.get('scenario')));
    const other = args.values.has('compare') ? loadPolicyOrReport(io, args.values.get('compare')!) : undefined;
    const set = loadCasesOrReport(io, casesFile, {
      skipBad: args.flags.has('skip-bad'),
      mapping: args.values.get('mapping'),
      progress: args.flags.has('progress') || 'auto',
      source,
      select,
    });
    reportVocabulary(io, policy.file, policy.ordinance, set.table, set.blanks);

    const compare: CompareTarget = other
      ? { kind: 'draft', ordinance: other.ordinance, title: other.ordinance.title, fingerprint: other.fingerprint }
      : baseline
        ? { kind: 'baseline' }
        : { kind: 'none' };
    const sim = simulateDraft({ ordinance: policy.ordinance, fingerprint: policy.fingerprint, scenario, cases: set.table, compare });
    const result = sim.result;

    if (args.flags.has('json')) {
      // Written as it is made: a million explained decisions never exist as one string.
      const header = {
        policy: { title: policy.ordinance.title, fingerprint: policy.fingerprint, file: policy.file },
        cases: {
          file: casesFile,
          total: set.table.length,
          source: set.source,
          ...(select?.facility !== undefined ? { facility: args.values.get('facility') } : {}),
          ...(args.values.has('from') ? { from: args.values.get('from') } : {}),
          ...(args.values.has('to') ? { to: args.values.get('to') } : {}),
          ...(set.notes.length ? { notes: set.notes } : {}),
        },
      };
      writeBatched(simulationJson(sim, header), io.out);
      return 0;
    }
    io.out(readable(sim.policy, policy.fingerprint, casesFile, resolveScenario(scenario), result));
    return 0;
  },
};

/** Warns, located in the draft, of what it names that no case of the set carries. */
function reportVocabulary(io: Output, file: string, ordinance: Ordinance, table: CaseTable, blanks?: readonly BlankColumn[]): void {
  const findings = [...checkCaseSetVocabulary(ordinance, table), ...checkBlankCells(ordinance, blanks)];
  if (!findings.length) return;
  const source = parseSource(readOrReport(io, file), 'ordinance');
  for (const f of findings) {
    const at = source.locate(f.path);
    const fix = f.fixes.length ? ` (quick fix: ${f.fixes.map((x) => x.title).join('; ')})` : '';
    io.err(`${file}:${at.line}:${at.column}: warning: ${f.message}${fix} [${f.code}]\n`);
  }
}

/**
 * What the records leave open: each outcome's range and the facts that make the difference. `bounded`:
 * the hours and cost were already said to be a lower bound (not said again of the holds of unknown end).
 */
function unknownsText(r: SimulationResult, bounded: boolean): string {
  const u = r.summary.unknowns;
  if (!u) return '';
  let out = '';
  // Of the requests that came in time, as the outcome table counts them (those after release are a row of their own).
  const undetermined = r.summary.inTime?.undetermined ?? u.undetermined;
  const range = r.summary.inTime?.range ?? u.range;
  if (undetermined) {
    const one = undetermined === 1;
    out += `\n${num(undetermined)} of ${count(r.summary.total, 'decision')} ${one ? 'turns' : 'turn'} on facts the records don't carry: ${one ? 'it' : 'they'} cannot be decided from these records (undecided above). Each outcome could be:\n`;
    out += table(
      ['Outcome', 'At least', 'At most'],
      OUTCOMES.map((o) => [o, num(range[o].atLeast), num(range[o].atMost)]),
      [false, true, true],
    );
    out += `What leaves them open: ${u.facts.map((f) => `${f.label} (${num(f.decisions)})`).join('; ')}\n`;
  }
  if (u.holdsOfUnknownLength)
    out += `${count(u.holdsOfUnknownLength, 'hold')} ${u.holdsOfUnknownLength === 1 ? 'has no known end' : 'have no known end'} (${unknownLengthWhy(u)}): the hold hours and cost above count ${u.holdsOfUnknownLength === 1 ? 'it at its' : 'them at their'} ${u.holdsOfUnsettledLimit ? 'soonest end' : 'limit'}${bounded ? '' : ', so they are a lower bound'}\n`;
  return out;
}

/** Decisions by year of the request, and by facility when there are several. */
function figuresText(r: SimulationResult): string {
  const open = r.summary.unknowns !== undefined;
  const late = r.summary.afterRelease !== undefined;
  const rows = (list: readonly FigureRow[]) =>
    list.map((f) => [
      f.key,
      num(f.total),
      open && f.held.atMost !== f.held.atLeast ? `${num(f.held.atLeast)}-${num(f.held.atMost)}` : num(f.held.atLeast),
      // The requests that came in time; those after release are a column of their own, so a row adds up to its cases.
      num(f.inTime.outcomes.notify),
      // Review is a person's decisions only; the open ones are undecided.
      num(f.inTime.outcomes.review - f.inTime.undetermined),
      num(f.inTime.outcomes.decline),
      ...(open ? [num(f.inTime.undetermined)] : []),
      ...(late ? [num(f.afterRelease)] : []),
    ]);
  const head = (first: string) => [
    first,
    'Cases',
    'Held',
    'Notify',
    'Review',
    'Decline',
    ...(open ? ['Undecided'] : []),
    ...(late ? ['After release'] : []),
  ];
  const right = [false, true, true, true, true, true, true, true];
  let out = '';
  const years = r.breakdown.byYear;
  if (years.length > 1 || open) out += `\nBy year of the request:\n${table(head('Year'), rows(years), right)}`;
  if (r.breakdown.byFacility.length > 1) out += `\nBy facility:\n${table(head('Facility'), rows(r.breakdown.byFacility), right)}`;
  return out;
}

/** An outcome's row: certain cases, their share, and the most there could be when a finding or a missing fact leaves it open. */
function outcomeRows(r: SimulationResult): string[][] {
  const s = r.summary;
  const b = summaryBounds(s);
  const rows: string[][] = [];
  // The requests that came in time by outcome, and those after release in a row of their own: the rows add up to the cases.
  for (const o of OUTCOMES) {
    if (o === 'review') {
      rows.push(['review (a person decides)', num(b.review), pct(b.review, s.total), num(b.review)]);
      if (b.open) rows.push(['undecided (records)', num(b.open), pct(b.open, s.total), '']);
    } else rows.push([o, num(b.range[o].atLeast), pct(b.range[o].atLeast, s.total), num(b.range[o].atMost)]);
  }
  if (b.afterRelease) rows.push(['request after release', num(b.afterRelease), pct(b.afterRelease, s.total), '']);
  return rows;
}

/** "144.0" or "at least 144.0" */
const atLeast = (a: Amount, format: (x: number) => string) => (a.exact ? format(a.atLeast) : `at least ${format(a.atLeast)}`);

/**
 * The holidays a simulation skips, in words, where they are not the ones the ordinance's text defines
 * (the U.S. federal holidays, 5 U.S.C. 6103, when it names none): the scenario's then decide the holds.
 */
function holidaysAside(policy: CompiledPolicy, scenario: ReturnType<typeof resolveScenario>): string {
  if (policy.ordinance.holidays !== undefined || scenario.holidays === 'us-federal') return '';
  // Only where some hold skips holidays (the text then defines them): a provision's, or the otherwise clause's (past the last).
  const outcomes = [...policy.provisions.map((p) => p.outcome), policy.otherwise];
  if (!outcomes.some((o, i) => o === 'hold' && policy.maxHoldOf(i).excludingWeekendsAndHolidays === true)) return '';
  const which = scenario.holidays === 'none' ? 'none' : `the U.S. federal holidays and ${scenario.holidays.join(', ')}`;
  return `; holidays skipped: ${which} (the scenario's; the ordinance's text defines holidays as the U.S. federal ones)`;
}

function readable(
  policy: CompiledPolicy,
  fp: string,
  casesFile: string,
  scenario: ReturnType<typeof resolveScenario>,
  r: SimulationResult,
): string {
  const s = r.summary;
  const b = summaryBounds(s, scenario.reimbursementAgreement);
  let out = `${policy.ordinance.title}  [${shortFingerprint(fp)}]\n`;
  out += `${count(s.total, 'case')} from ${casesFile}; reimbursement agreement: ${scenario.reimbursementAgreement ? 'yes' : 'no'}; ${money(scenario.costPerInmateDay)} per inmate-day${holidaysAside(policy, scenario)}\n\n`;
  const ranges = b.open > 0 || b.review > 0;
  out += ranges
    ? table(['Outcome', 'Certain', 'Share', 'At most'], outcomeRows(r), [false, true, true, true])
    : table(
        ['Outcome', 'Cases', 'Share'],
        outcomeRows(r).map((x) => x.slice(0, 3)),
        [false, true, true],
      );
  if (b.review)
    out += `A person's finding decides ${num(b.review)}: "at most" counts each under every outcome its finding can lead to (${b.findingsMayHold === b.review ? 'each may be held' : `${num(b.findingsMayHold)} may be held`}).\n`;
  // Decisions on requests that came after the release time are their own row above: no one was held on them.
  if (s.afterRelease) out += `Request after release: ${afterReleaseWords(s)}\n`;
  out += `\nHold hours: ${atLeast(b.holdHours, (x) => num(x, 1))}   Cost: ${atLeast(b.cost, money)} (unreimbursed ${atLeast(b.unreimbursed, money)})\n`;
  if (b.why.length) out += `Hours and cost are known only as a lower bound: ${b.why.join('; ')}\n`;
  // The outcome never exceeds the request, but a maxHold can outlast the hours the form asks for.
  if (s.pastRequest?.holds) out += `Past the request: ${pastRequestWords(s)}\n`;
  out += unknownsText(r, b.why.length > 0);
  out += figuresText(r);
  out += '\n';
  // Each provision by its citation and heading (or what it does), the otherwise clause as such: never an id.
  const named = provisionNamer(policy.provisions, detainerTerm(policy.ordinance));
  out += table(
    ['Provision', 'Provision gives', 'Cases decided', 'What they got'],
    [
      ...r.coverage.provisions.map((p) => [named(p.id, p.citation), p.outcome, num(p.decided), decidedAs(p, OUTCOME_NAMES, num)]),
      [
        named('default', r.coverage.otherwise.citation),
        r.coverage.otherwise.outcome,
        num(r.coverage.otherwise.decided),
        decidedAs(r.coverage.otherwise, OUTCOME_NAMES, num),
      ],
    ],
    [false, false, true, false],
  );
  const totals = coverageTotalsWords(r.coverage, num);
  if (totals) out += `${totals}\n`;
  // The coverage table counts decisions: a request after release is in it as the provision decides it.
  if (s.afterRelease) out += `${afterReleaseCoverageWords(s)}\n`;
  if (r.coverage.unreached.length) {
    // Each by its citation and heading (or what it does), as every face names it, never its id alone.
    const names = r.coverage.unreached.map((id) => named(id, policy.provisions.find((x) => x.id === id)?.citation ?? ''));
    out += `\nNo case reached: ${joinWords(names, 'and')}\n`;
  }
  const c = r.comparison;
  if (c) {
    const ob = summaryBounds(c.otherSummary, scenario.reimbursementAgreement);
    const endsOnly = c.holdEndsDiffer ? ` (of them ${holdEndsDifferWords(c.holdEndsDiffer, c.holdEndsDifferByLimit)})` : '';
    // The requests after release are counted apart, as the outcome counts keep them apart: said once,
    // beside the count of decisions, which also says no one is held on them (so no hours or cost).
    const late = c.afterRelease ? `; ${comparedAfterReleaseWords(c)}` : '';
    out += `\nCompared with ${c.other.title}: ${num(c.changed)} of ${count(comparedDecisions(s.total, c), 'decision')}${comparedInTimeWords(c)} ${c.changed === 1 ? 'differs' : 'differ'}${endsOnly}${mayDifferWords(c)}${late}; hold hours ${differenceWords(b.holdHours, ob.holdHours, (x) => num(x, 1))}, cost ${differenceWords(b.cost, ob.cost, money)}\n`;
    if (c.holdEndsMayDiffer) out += `${holdEndsMayDifferSentence(c)}\n`;
    out += '\n';
    // The engine counts an open decision under review: with unknown facts the row and column say both.
    const open = s.unknowns !== undefined || c.otherSummary.unknowns !== undefined;
    const name = (o: Outcome) => (o === 'review' && open ? 'review/undecided' : o);
    out += table(
      ['This policy \\ other', ...OUTCOMES.map(name)],
      OUTCOMES.map((a) => [name(a), ...OUTCOMES.map((x) => num(c.matrix[a][x]))]),
      [false, true, true, true, true],
    );
    // The table compares decisions: a request after release is in it as each side decides it.
    if (s.afterRelease) out += `${afterReleaseMatrixWords(s)}\n`;
    const shown = c.cases.slice(0, 20);
    if (shown.length) {
      // A hold says when it ends: at a time, or (the records giving no release time) by its limit.
      // A settled decision more than one provision may give names each, none as the one that decided it.
      const said = (x: ChangedCase, side: 'policy' | 'other') => {
        const open = side === 'policy' ? x.policyOpen : x.otherOpen;
        const oneOf = x[side].decidedByOneOf;
        // An open decision: each outcome it could have, under the provisions that would give it.
        const by = x[side].undecided;
        if (open && by) return undecidedWords(by, (p) => p.citation);
        return oneOf && !open
          ? `${x[side].outcome}${holdEndWords(x, side)}, under ${decidedByOneOfWords(oneOf, (p) => p.citation)}`
          : `${open ? 'undecided' : x[side].outcome}${holdEndWords(x, side)} (${x[side].citation})`;
      };
      out +=
        '\n' +
        table(
          ['Case', 'This policy', 'Other'],
          shown.map((x) => [x.id, said(x, 'policy'), said(x, 'other')]),
        );
      if (c.cases.length > shown.length) out += `... and ${num(c.cases.length - shown.length)} more (use --json for all)\n`;
    }
  }
  return out;
}

/** Outcomes as the terminal names them. */
const OUTCOME_NAMES: Record<Outcome, string> = { hold: 'hold', notify: 'notify', review: 'review', decline: 'decline' };
