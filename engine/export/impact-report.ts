// The impact report for a council committee: what the policy does to a set of booking cases
// (outcomes, hold hours, cost), compared with the honor-every-detainer baseline or another draft,
// with the changed cases and the coverage of each provision. Charts are inline SVG.

import { LAW_NOTES_CSS, lawNotes, lawNotesHtml, type LawNote } from './law-notes';
import { lawApplied } from '../law-applied';
import { hours, money, signed } from '../numbers';
import { fingerprint, shortFingerprint } from '../canonical';
import { compile, honorAllFor, resolveScenario } from '../compile';
import { OUTCOMES, type Ordinance, type ResolvedScenario, type Scenario } from '../model';
import { simulate, type Breakdown, type Cases, type Coverage, type FigureRow, type SimulationSummary } from '../simulate';
import {
  amountWords,
  coverageTotalsWords,
  decidedAs,
  differenceWords,
  pastRequestWords,
  afterReleaseWords,
  comparedAfterReleaseBracketedWords,
  comparedDecisions,
  comparedInTimeWords,
  afterReleaseCoverageWords,
  unknownLengthWhy,
  rangeWords,
  summaryBounds,
  type SummaryBounds,
} from '../summary-bounds';
import { longDate, ordinanceText } from '../text-model';
import { joinWords, OUTCOME_WORDS } from '../wording';
import { provisionName, provisionTitle } from '../provision-names';
import { keptOutByAgreement } from '../agreement';
import { BASELINE_HEADING, BASELINE_TITLE, BASELINE_TITLE_HEADING } from '../baseline-reasons';
import { tellApart } from './draft-names';
import {
  changedCasesHtml,
  decidedCodesOf,
  decisionDelta,
  deltaHtml,
  deltaSentence,
  provisionNamesOf,
  type DecisionDelta,
} from './decision-delta';
import { REPORT_FACES } from './fonts';
import { escapeHtml, htmlDocument } from './html';
import { versionFacts } from './text-blocks';
import { horizontalBarChart } from './svg-charts';

export interface ImpactReportInput {
  ordinance: Ordinance;
  /** Booking cases: prepared cases or a case table. */
  cases: Cases;
  /** How the case set is named in the report, e.g. its file name. */
  casesLabel: string;
  /** SHA-256 of the case file, so a reader can tell which cases were used. */
  casesFingerprint?: string;
  scenario?: Scenario;
  /** Another draft to compare with; without it, the honor-every-detainer baseline. */
  compareWith?: Ordinance;
  /** The files the policy and the other draft were read from: named when title and version are the same. */
  name?: string;
  compareWithName?: string;
  /** Changed cases listed (the count is always exact). Default 200. */
  maxChangedCases?: number;
}

export interface PolicyFacts {
  title: string;
  version: string;
  date: string;
  fingerprint: string;
  /** Where the policy and the other draft have the same title and version: what tells this one apart. */
  tag?: string;
  baseline: boolean;
}

export interface ImpactReport {
  policy: PolicyFacts;
  other: PolicyFacts;
  scenario: ResolvedScenario;
  casesLabel: string;
  casesFingerprint?: string;
  summary: SimulationSummary;
  otherSummary: SimulationSummary;
  delta: DecisionDelta;
  holdHoursDelta: number;
  costDelta: number;
  coverage: Coverage;
  /** Provision id to heading, for the coverage table. */
  headings: Record<string, string>;
  /** Of the provisions no case reached, those the reimbursement-agreement setting keeps from every case. */
  keptOutByAgreement: string[];
  /** The report's own date: the scenario's as-of date, else none (never the wall clock). */
  date: string;
  /** Decisions by year and month of the request, and by facility. */
  breakdown: Breakdown;
  /** What the law the policy was checked against says about its provisions, silenced or not (law-notes.ts). */
  lawNotes: LawNote[];
}

function facts(o: Ordinance, baseline: boolean): PolicyFacts {
  const t = ordinanceText(o);
  return { title: t.title, version: t.version, date: t.date, fingerprint: t.fingerprint, baseline };
}

export function impactReport(input: ImpactReportInput): ImpactReport {
  const scenario = input.scenario ?? {};
  const policy = compile(input.ordinance, scenario);
  const otherOrdinance = input.compareWith ?? honorAllFor(input.ordinance);
  const other = compile(otherOrdinance, scenario);
  const max = input.maxChangedCases ?? 200;
  const result = simulate(policy, input.cases, {
    compare: { policy: other, title: otherOrdinance.title, fingerprint: fingerprint(otherOrdinance) },
    maxChangedCases: max,
  });
  const c = result.comparison!;
  const headings: Record<string, string> = {};
  for (const p of policy.provisions) if (p.heading) headings[p.id] = p.heading;
  const resolved = resolveScenario(scenario);
  const policyFacts = facts(input.ordinance, false);
  const otherFacts = facts(otherOrdinance, !input.compareWith);
  const tags = input.compareWith
    ? tellApart({ ...policyFacts, name: input.name ?? '' }, { ...otherFacts, name: input.compareWithName ?? '' })
    : null;
  const places = policy.provisions.map((p) => ({ provision: p.id, citation: p.citation }));
  places.push({ provision: 'default', citation: policy.otherwiseCitation });
  return {
    policy: tags ? { ...policyFacts, tag: tags[0] } : policyFacts,
    other: tags ? { ...otherFacts, tag: tags[1] } : otherFacts,
    scenario: resolved,
    casesLabel: input.casesLabel,
    ...(input.casesFingerprint ? { casesFingerprint: input.casesFingerprint } : {}),
    summary: result.summary,
    otherSummary: c.otherSummary,
    delta: {
      ...decisionDelta(c, input.cases.length, max, decidedCodesOf(result)),
      names: { policy: provisionNamesOf(policy, input.ordinance), other: provisionNamesOf(other, otherOrdinance) },
    },
    holdHoursDelta: c.delta.holdHours,
    costDelta: c.delta.cost,
    coverage: result.coverage,
    headings,
    keptOutByAgreement: keptOutByAgreement(input.ordinance, result.coverage.unreached, resolved.reimbursementAgreement),
    date: resolved.asOf ?? '',
    breakdown: result.breakdown,
    lawNotes: lawNotes(input.ordinance, scenario, places, lawApplied(input.ordinance, input.scenario).asOf),
  };
}

// ---- HTML ----

const REPORT_CSS = `${LAW_NOTES_CSS}
.doc-header { border-bottom: 2px solid #111; margin-bottom: .8rem; padding-bottom: .4rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .5rem; margin: .4rem 0 .8rem; }
.figure { border: 1px solid #bbb; border-radius: 4px; padding: .35rem .5rem; break-inside: avoid; }
.figure .value { font-size: 1.25rem; font-weight: bold; display: block; }
.figure .what { font-size: .85rem; color: #333; }
svg.chart { display: block; max-width: 100%; height: auto; margin: .3rem 0 .6rem; }
figure { margin: .4rem 0 .8rem; break-inside: avoid; page-break-inside: avoid; }
@media print { .figures { grid-template-columns: repeat(5, 1fr); gap: .35rem; } .figure .value { font-size: 1.05rem; } .figure .what { font-size: .78rem; } }
figcaption { font-size: .9rem; font-weight: bold; margin-bottom: .2rem; }
.warning { border-left: 4px solid #b58900; background: #fdf6e3; padding: .3rem .6rem; }
dl.assumptions { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
dl.assumptions dt { font-weight: bold; }
dl.assumptions dd { margin: 0; }
@media print { .warning { background: none; } }
`;

/** "1 case", "200 cases". */
const casesWord = (x: number) => `${n(x)} case${x === 1 ? '' : 's'}`;

/**
 * One provision in the coverage chart's description, as a clerk reads it out: "§ 2(a) Serious offenses:
 * 3 cases, 2 held, 1 notice only"; one that decided none "§ 3(b) Otherwise: no case", not "0 cases, none"
 * (what the undecided cases may owe it still follows).
 */
function chartEntry(x: { label: string; decided: number; got: string }): string {
  if (x.decided > 0) return `${x.label}: ${casesWord(x.decided)}, ${x.got}`;
  return `${x.label}: no case${x.got.startsWith('none') ? x.got.slice('none'.length) : `, ${x.got}`}`;
}

const n = (x: number, digits = 0) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const share = (part: number, whole: number) => (whole === 0 ? '0.0%' : `${((100 * part) / whole).toFixed(1)}%`);

function otherName(r: ImpactReport): string {
  return r.other.baseline ? BASELINE_TITLE_HEADING : `Other draft: ${r.other.title}${r.other.tag ? ` (${r.other.tag})` : ''}`;
}

function figure(value: string, what: string): string {
  return `<div class="figure"><span class="value">${escapeHtml(value)}</span><span class="what">${escapeHtml(what)}</span></div>`;
}

interface OutcomeRow {
  label: string;
  /** Certain counts, for the chart and the share. */
  mine: number;
  theirs: number;
  /** The count, or its range where a finding or a missing fact leaves it open. */
  mineWords: string;
  theirsWords: string;
  /** Whether both counts are exact (their difference is then known). */
  certain: boolean;
  /** The share of this policy's count, or of its range. */
  shareWords: string;
}

/**
 * The outcomes of both policies: a person's finding (review) apart from the decisions the records cannot
 * settle (undecided), which the engine counts under review; each other outcome with its range.
 */
function outcomeRows(b: SummaryBounds, ob: SummaryBounds, s: SimulationSummary): OutcomeRow[] {
  const rows: OutcomeRow[] = [];
  const ranged = (x: 'hold' | 'notify' | 'decline') => {
    const m = b.range[x];
    const t = ob.range[x];
    rows.push({
      label: OUTCOME_WORDS[x],
      mine: m.atLeast,
      theirs: t.atLeast,
      mineWords: rangeWords(m, n),
      theirsWords: rangeWords(t, n),
      certain: m.atLeast === m.atMost && t.atLeast === t.atMost,
      shareWords: m.atLeast === m.atMost ? share(m.atLeast, s.total) : `${share(m.atLeast, s.total)} to ${share(m.atMost, s.total)}`,
    });
  };
  ranged('hold');
  ranged('notify');
  rows.push({
    label: `${OUTCOME_WORDS.review} (a person’s finding)`,
    mine: b.review,
    theirs: ob.review,
    mineWords: n(b.review),
    theirsWords: n(ob.review),
    certain: true,
    shareWords: share(b.review, s.total),
  });
  if (b.open || ob.open)
    rows.push({
      label: 'undecided on these records',
      mine: b.open,
      theirs: ob.open,
      mineWords: n(b.open),
      theirsWords: n(ob.open),
      certain: true,
      shareWords: share(b.open, s.total),
    });
  ranged('decline');
  // The requests after release, whatever each side decides on them: the rows then add up to the cases.
  if (b.afterRelease)
    rows.push({
      label: 'request after release (no one held or reported)',
      mine: b.afterRelease,
      theirs: ob.afterRelease,
      mineWords: n(b.afterRelease),
      theirsWords: n(ob.afterRelease),
      certain: true,
      shareWords: share(b.afterRelease, s.total),
    });
  return rows;
}

export function impactReportBodyHtml(r: ImpactReport): string {
  const s = r.summary;
  const o = r.otherSummary;
  const other = otherName(r);
  // The date once where the version is that date (Cook County's "2011-09-07"), as every footer says it;
  // header and footers alike ("Version 2014 · Effective January 1, 2014 · Fingerprint ...").
  const versionAndDate = versionFacts(r.policy).join(' · ');
  const out: string[] = [];
  out.push(
    '<header class="doc-header">',
    `<h1>Impact report: ${escapeHtml(r.policy.title)}</h1>`,
    `<p>${escapeHtml(versionAndDate)} · Fingerprint <span class="fingerprint">${shortFingerprint(r.policy.fingerprint)}</span></p>`,
    `<p>Simulated on ${n(s.total)} booking case${s.total === 1 ? '' : 's'} from ${escapeHtml(r.casesLabel)}${r.date ? `, as of ${escapeHtml(longDate(r.date))}` : ''}; compared with ${escapeHtml(r.other.baseline ? BASELINE_TITLE : `the draft "${r.other.title}"${r.other.tag ? ` (${r.other.tag})` : ''}`)}.</p>`,
    '</header>',
    '<main>',
    lawNotesHtml(r.lawNotes, 'r-law-notes', 'What the law it was checked against says about this policy'),
  );

  out.push('<section aria-labelledby="r-summary"><h2 id="r-summary">Summary</h2>');
  out.push('<div class="figures">');
  out.push(figure(n(s.total), 'booking cases with a detainer'));
  const b = summaryBounds(s, r.scenario.reimbursementAgreement);
  const ob = summaryBounds(o, r.scenario.reimbursementAgreement);
  // Held is what is served: the bounds count no request that came after the release time.
  const h = b.range.hold;
  // Holds a finding or a missing fact leaves open are a range, never the least of it alone.
  if (h.atMost !== h.atLeast) {
    const why = [b.open ? `${n(b.open)} undecided on these records` : '', b.review ? `${n(b.review)} left to a person’s finding` : '']
      .filter(Boolean)
      .join(', ');
    out.push(figure(`${n(h.atLeast)} to ${n(h.atMost)}`, `held on the detainer (${why})`));
  } else out.push(figure(`${n(h.atLeast)} (${share(h.atLeast, s.total)})`, 'held on the detainer'));
  const where = b.unknownLength ? ' (release times not in the records)' : '';
  out.push(figure(amountWords(b.holdHours, hours), `hours held past release${where}`));
  out.push(figure(amountWords(b.unreimbursed, money), 'unreimbursed cost of holds'));
  // Decisions one side leaves undecided may or may not differ: a range, never the most of it alone.
  const differ = r.delta.changed;
  const upTo = differ + r.delta.mayDiffer;
  // The share is of the decisions compared: the requests after release are counted apart, as the
  // outcome rows keep them apart, in words with no brackets of their own (the label's are around them).
  const compared = comparedDecisions(s.total, r.delta);
  const late = r.delta.afterRelease ? `; ${comparedAfterReleaseBracketedWords(r.delta)}` : '';
  const against = `decisions${comparedInTimeWords(r.delta)} that differ from the ${r.other.baseline ? 'baseline' : 'other draft'}`;
  out.push(
    r.delta.mayDiffer
      ? figure(
          `${n(differ)} to ${n(upTo)}`,
          `${against} (${share(differ, compared)} to ${share(upTo, compared)}; ${n(r.delta.mayDiffer)} undecided on these records under one of the two${late})`,
        )
      : figure(`${n(differ)} (${share(differ, compared)})`, late ? `${against} (${late.slice(2)})` : against),
  );
  out.push('</div>');
  if (b.why.length) out.push(`<p class="warning">Hours and cost are known only as a lower bound: ${escapeHtml(b.why.join('; '))}.</p>`);
  const past = pastRequestWords(s);
  if (s.pastRequest?.holds) out.push(`<p class="warning">${escapeHtml(past)}</p>`);
  if (s.afterRelease) {
    const late = o.afterRelease?.outcomes.hold ?? 0;
    const baseline = r.other.baseline ? 'the baseline' : 'the other draft';
    out.push(
      `<p class="warning" id="after-release">${escapeHtml(afterReleaseWords(s))} The same cases are left out of ${baseline}’s holds, hours and cost (${n(late)} ${late === 1 ? 'hold' : 'holds'} there).</p>`,
    );
  }
  const rows = outcomeRows(b, ob, s);
  out.push(
    `<figure>${horizontalBarChart({
      id: 'chart-outcomes',
      title: 'Outcomes under each policy',
      description:
        rows
          .map(
            (x) => `${x.label}: ${n(x.mine)} under this policy, ${n(x.theirs)} under the ${r.other.baseline ? 'baseline' : 'other draft'}`,
          )
          .join('; ') + '.',
      categories: rows.map((x) => x.label),
      series: [
        { name: 'This policy', color: '#1f4e79', values: rows.map((x) => x.mine) },
        { name: r.other.baseline ? BASELINE_HEADING : 'Other draft', color: '#b8c7d9', values: rows.map((x) => x.theirs) },
      ],
    })}<figcaption>Outcomes under this policy and the ${r.other.baseline ? 'baseline' : 'other draft'} (numbers of cases${b.open || b.review || ob.open ? ': the certain ones, with the undecided and the referrals apart' : ''})</figcaption></figure>`,
  );
  out.push(
    '<table><caption>Outcomes, hold hours and cost</caption><thead><tr><th scope="col">Measure</th><th scope="col" class="num">This policy</th><th scope="col" class="num">Share</th>',
  );
  out.push(
    `<th scope="col" class="num">${escapeHtml(r.other.baseline ? BASELINE_HEADING : 'Other draft')}</th><th scope="col" class="num">Difference</th></tr></thead><tbody>`,
  );
  for (const x of rows) {
    out.push(
      `<tr><th scope="row">${escapeHtml(x.label)}</th><td class="num">${escapeHtml(x.mineWords)}</td><td class="num">${x.shareWords}</td><td class="num">${escapeHtml(x.theirsWords)}</td><td class="num">${x.certain ? signed(x.mine - x.theirs, (v) => n(v)) : 'not known'}</td></tr>`,
    );
  }
  out.push(
    `<tr><th scope="row">Hours held</th><td class="num">${amountWords(b.holdHours, hours)}</td><td></td><td class="num">${amountWords(ob.holdHours, hours)}</td><td class="num">${differenceWords(b.holdHours, ob.holdHours, hours)}</td></tr>`,
  );
  out.push(
    `<tr><th scope="row">Cost of holds</th><td class="num">${amountWords(b.cost, money)}</td><td></td><td class="num">${amountWords(ob.cost, money)}</td><td class="num">${differenceWords(b.cost, ob.cost, money)}</td></tr>`,
  );
  out.push(
    `<tr><th scope="row">Unreimbursed</th><td class="num">${amountWords(b.unreimbursed, money)}</td><td></td><td class="num">${amountWords(ob.unreimbursed, money)}</td><td class="num">${differenceWords(b.unreimbursed, ob.unreimbursed, money)}</td></tr>`,
  );
  out.push('</tbody></table></section>');
  out.push(unknownsHtml(r));
  out.push(figuresHtml(r));

  out.push(
    `<section aria-labelledby="r-compare"><h2 id="r-compare">Comparison with the ${escapeHtml(r.other.baseline ? 'baseline' : 'other draft')}</h2>`,
  );
  // Its name may end in brackets ("Honor all (the baseline: ...)", a draft's tag): the fingerprint is a sentence of its own, not another bracket.
  out.push(`<p>${escapeHtml(other)}. Fingerprint <span class="fingerprint">${shortFingerprint(r.other.fingerprint)}</span>.</p>`);
  out.push(
    deltaHtml(
      { ...r.delta, cases: [], casesLabel: r.casesLabel },
      'This policy',
      r.other.baseline ? BASELINE_HEADING : 'Other draft',
      'This policy',
    ),
  );
  out.push('</section>');

  out.push('<section aria-labelledby="r-changed"><h2 id="r-changed">Changed cases</h2>');
  out.push(
    changedCasesHtml(r.delta, r.other.baseline ? BASELINE_HEADING : 'Other draft', 'This policy', { beforeIsBaseline: r.other.baseline }),
  );
  out.push('</section>');

  const cov = r.coverage;
  const covered = [
    ...cov.provisions.map((p) => ({
      label: provisionName({ id: p.id, citation: p.citation, heading: r.headings[p.id], outcome: p.outcome }),
      title: provisionTitle({ id: p.id, citation: p.citation, heading: r.headings[p.id], outcome: p.outcome }),
      id: p.id,
      citation: p.citation,
      outcome: p.outcome,
      decided: p.decided,
      got: decidedAs(p, OUTCOME_WORDS, n),
    })),
    {
      label: provisionName({ id: 'default', citation: cov.otherwise.citation }),
      title: provisionTitle({ id: 'default', citation: cov.otherwise.citation }),
      id: '(otherwise)',
      citation: cov.otherwise.citation,
      outcome: cov.otherwise.outcome,
      decided: cov.otherwise.decided,
      got: decidedAs(cov.otherwise, OUTCOME_WORDS, n),
    },
  ];
  out.push('<section aria-labelledby="r-coverage"><h2 id="r-coverage">Coverage: which provision decided each case</h2>');
  out.push(
    `<figure>${horizontalBarChart({
      id: 'chart-coverage',
      title: 'Cases decided by each provision',
      description: covered.map(chartEntry).join('; ') + '.',
      categories: covered.map((x) => (x.label.length > 34 ? `${x.label.slice(0, 33)}…` : x.label)),
      series: [{ name: 'Cases decided', color: '#1f4e79', values: covered.map((x) => x.decided) }],
    })}<figcaption>Cases decided by each provision, in the order the policy reads them</figcaption></figure>`,
  );
  out.push(
    '<p>A provision gives its outcome when it applies; the cases it decides may get less: no more than ICE asked for, and a referral where it asks a person for a finding. A case the records leave undecided is decided by no provision: it is counted as “may decide” under each provision that may decide it.</p><table><caption>Coverage</caption><thead><tr><th scope="col">Citation</th><th scope="col">Provision</th><th scope="col">The provision gives</th><th scope="col" class="num">Cases decided</th><th scope="col" class="num">Share</th><th scope="col">What those cases got</th></tr></thead><tbody>',
  );
  for (const x of covered)
    out.push(
      `<tr><td>${escapeHtml(x.citation)}</td><td>${escapeHtml(x.title)}</td><td>${escapeHtml(OUTCOME_WORDS[x.outcome])}</td><td class="num">${n(x.decided)}</td><td class="num">${share(x.decided, s.total)}</td><td>${escapeHtml(x.got)}</td></tr>`,
    );
  out.push('</tbody></table>');
  const totals = coverageTotalsWords(cov, n);
  if (totals) out.push(`<p>${escapeHtml(totals)}</p>`);
  if (s.afterRelease) out.push(`<p>${escapeHtml(afterReleaseCoverageWords(s))}</p>`);
  if (cov.unreached.length) {
    // Named as the coverage table names them; those the agreement setting keeps out, with that reason.
    const label = (ids: readonly string[]) =>
      joinWords(
        ids.map((id) => covered.find((x) => x.id === id)?.label ?? id),
        'and',
      );
    const kept = cov.unreached.filter((id) => r.keptOutByAgreement.includes(id));
    const rest = cov.unreached.filter((id) => !kept.includes(id));
    if (kept.length) {
      const it = kept.length === 1 ? 'it applies' : 'they apply';
      const reason = r.scenario.reimbursementAgreement
        ? `${it} only where no written reimbursement agreement is in force, and this report assumes one (see Assumptions and sources, below)`
        : `${it} only while a written reimbursement agreement is in force, and this report assumes none (see Assumptions and sources, below)`;
      out.push(`<p class="warning">No case in this set reached ${escapeHtml(label(kept))}: ${escapeHtml(reason)}.</p>`);
    }
    if (rest.length)
      out.push(
        `<p class="warning">No case in this set reached ${rest.length === 1 ? 'provision' : 'provisions'} ${escapeHtml(label(rest))}: the simulation says nothing about ${rest.length === 1 ? 'it' : 'them'}.</p>`,
      );
  }
  out.push('</section>');

  const sc = r.scenario;
  out.push('<section aria-labelledby="r-assumptions"><h2 id="r-assumptions">Assumptions and sources</h2><dl class="assumptions">');
  out.push(
    `<dt>Policy</dt><dd>${escapeHtml(r.policy.title)}, version ${escapeHtml(r.policy.version)}${r.policy.tag ? ` (${escapeHtml(r.policy.tag)})` : ''}, <span class="fingerprint">${escapeHtml(r.policy.fingerprint)}</span></dd>`,
  );
  out.push(`<dt>Compared with</dt><dd>${escapeHtml(other)}, <span class="fingerprint">${escapeHtml(r.other.fingerprint)}</span></dd>`);
  out.push(
    `<dt>Cases</dt><dd>${n(s.total)} from ${escapeHtml(r.casesLabel)}${r.casesFingerprint ? `, <span class="fingerprint">${escapeHtml(r.casesFingerprint)}</span>` : ''}</dd>`,
  );
  if (sc.name) out.push(`<dt>Scenario</dt><dd>${escapeHtml(sc.name)}</dd>`);
  out.push(
    `<dt>Reimbursement agreement</dt><dd>${sc.reimbursementAgreement ? 'in force: hold costs are reimbursed' : 'none: the jail bears the cost of holds'}</dd>`,
  );
  out.push(`<dt>Cost per inmate-day</dt><dd>${money(sc.costPerInmateDay)}</dd>`);
  out.push(
    `<dt>Holidays</dt><dd>${escapeHtml(sc.holidays === 'none' ? 'none' : Array.isArray(sc.holidays) ? `U.S. federal holidays and ${sc.holidays.join(', ')}` : 'observed U.S. federal holidays')}</dd>`,
  );
  if (sc.asOf) out.push(`<dt>As of</dt><dd>${escapeHtml(longDate(sc.asOf))}</dd>`);
  out.push('</dl>');
  out.push(
    `<p>Each case is decided as the policy reads: provisions in order, the first that applies decides, a finding nobody has made yet gives a referral for review, and no outcome goes beyond the kind of request the detainer made (no hold where ICE asked only for notice). Hours held count from the time of release to the end of the hold the provision allows, which can be longer than the hours the detainer’s form asks for${s.pastRequest ? (s.pastRequest.holds ? ` (here ${n(s.pastRequest.holds)}: see the summary).` : `; ${escapeHtml(past)}`) : '.'}${s.unknowns ? ' A decision that turns on a fact the records do not carry cannot be decided from them: it is counted as undecided, apart from the referrals for a person’s finding, and the section "What the records leave open" gives the range of each outcome.' : ''}${b.review ? ' A referral for review may end in a hold or not: the holds are given as a range and the hours and cost of holds as lower bounds.' : ''}</p>`,
  );
  out.push('</section></main>');
  out.push(
    `<footer class="doc-footer"><p>Impact report · ${escapeHtml(r.policy.title)} · ${escapeHtml(versionAndDate)} · Fingerprint <span class="fingerprint">${escapeHtml(r.policy.fingerprint)}</span></p></footer>`,
  );
  return out.join('\n');
}

/** The decisions the case records leave open: each outcome's range, and the facts that make the difference. */
function unknownsHtml(r: ImpactReport): string {
  const u = r.summary.unknowns;
  if (!u) return '';
  const s = r.summary;
  // Of the requests that came in time, as the summary's outcomes count them (those after release are counted apart).
  const undetermined = s.inTime?.undetermined ?? u.undetermined;
  const range = s.inTime?.range ?? u.range;
  const out: string[] = ['<section aria-labelledby="r-unknown"><h2 id="r-unknown">What the records leave open</h2>'];
  out.push(
    `<p>${n(undetermined)} of ${n(s.total)} decisions (${share(undetermined, s.total)}) turn on facts these case records do not carry. They cannot be decided from these records and are not guessed: the summary counts them as undecided, and each outcome's range is below: at least the decisions that are certainly that outcome, at most those that could be${s.afterRelease ? ', of the requests that came in time' : ''}.</p>`,
  );
  out.push(
    '<table><caption>Outcomes with the facts the records leave unknown</caption><thead><tr><th scope="col">Outcome</th><th scope="col" class="num">At least</th><th scope="col" class="num">At most</th></tr></thead><tbody>',
  );
  for (const x of OUTCOMES)
    out.push(
      `<tr><th scope="row">${escapeHtml(OUTCOME_WORDS[x])}</th><td class="num">${n(range[x].atLeast)}</td><td class="num">${n(range[x].atMost)}</td></tr>`,
    );
  out.push('</tbody></table>');
  if (u.facts.length) {
    out.push('<p>The facts that make the difference, with the number of open decisions each could change:</p><ul>');
    for (const f of u.facts) out.push(`<li>${escapeHtml(f.label)}: ${n(f.decisions)}</li>`);
    out.push('</ul>');
  }
  if (u.holdsOfUnknownLength)
    out.push(
      `<p class="warning">${n(u.holdsOfUnknownLength)} holds have no known end: ${escapeHtml(unknownLengthWhy(u))}, so the hours held and the cost above count each at ${u.holdsOfUnsettledLimit ? 'its soonest end' : 'its limit in hours'}, a lower bound: at least ${hours(u.holdHoursAtLeast)} hours.</p>`,
    );
  out.push('</section>');
  return out.join('\n');
}

/** One table of figures per year, month or facility. */
function figureTable(caption: string, first: string, rows: readonly FigureRow[], open: boolean, late: boolean): string {
  const head = [
    'Cases',
    'Held',
    'Notified only',
    'Review',
    'Declined',
    ...(open ? ['Undecided'] : []),
    ...(late ? ['Request after release'] : []),
  ];
  const out = [
    `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">${escapeHtml(first)}</th>${head.map((h) => `<th scope="col" class="num">${h}</th>`).join('')}</tr></thead><tbody>`,
  ];
  for (const f of rows) {
    const held = open && f.held.atMost !== f.held.atLeast ? `${n(f.held.atLeast)} to ${n(f.held.atMost)}` : n(f.held.atLeast);
    const cells = [
      n(f.total),
      held,
      // The requests that came in time; those after release have a column of their own, so a row adds up to its cases.
      n(f.inTime.outcomes.notify),
      // Review is a person's findings only: the decisions the records cannot settle are undecided.
      n(f.inTime.outcomes.review - f.inTime.undetermined),
      n(f.inTime.outcomes.decline),
      ...(open ? [n(f.inTime.undetermined)] : []),
      ...(late ? [n(f.afterRelease)] : []),
    ];
    out.push(`<tr><th scope="row">${escapeHtml(f.key)}</th>${cells.map((c) => `<td class="num">${c}</td>`).join('')}</tr>`);
  }
  out.push('</tbody></table>');
  return out.join('');
}

/** Decisions by year and month of the request, and by facility where the cases name several. */
function figuresHtml(r: ImpactReport): string {
  const b = r.breakdown;
  const open = r.summary.unknowns !== undefined;
  const late = r.summary.afterRelease !== undefined;
  const out = ['<section aria-labelledby="r-periods"><h2 id="r-periods">By year, month and facility</h2>'];
  out.push(
    `<p class="keep-with-next">By the date of the request${open ? '; "held" gives the certain holds and, where decisions are open, the most there could be' : ''}.</p>`,
  );
  out.push(figureTable('Decisions by year of the request', 'Year', b.byYear, open, late));
  if (b.byMonth.length <= 36) out.push(figureTable('Decisions by month of the request', 'Month', b.byMonth, open, late));
  else out.push(`<p>The requests span ${n(b.byMonth.length)} months, too many to list by month here: the figures are given by year.</p>`);
  if (b.byFacility.length > 1) out.push(figureTable('Decisions by facility', 'Facility', b.byFacility, open, late));
  out.push('</section>');
  return out.join('\n');
}

export function impactReportHtml(r: ImpactReport): string {
  return htmlDocument({
    title: `Impact report: ${r.policy.title}`,
    description: deltaSentence(r.delta, 'This policy'),
    css: REPORT_CSS,
    faces: REPORT_FACES,
    margins: {
      footer: `Impact report · ${versionFacts(r.policy).join(' · ')} · Fingerprint ${shortFingerprint(r.policy.fingerprint)} · ${casesWord(r.summary.total)} from ${r.casesLabel.length > 48 ? `${r.casesLabel.slice(0, 47)}…` : r.casesLabel}\n${r.policy.fingerprint}`,
    },
    body: impactReportBodyHtml(r),
  });
}

export function renderImpactReportHtml(input: ImpactReportInput): string {
  return impactReportHtml(impactReport(input));
}
