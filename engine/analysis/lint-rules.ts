// The lint's catalogue of rules: each finding it can make, with its severity, its kind, a title in
// words and a short one for a row of the Problems list, and the authority the law rules cite. Kept apart
// from the lint itself so the app's views can read the titles (engine/problem-titles.ts) without loading
// the analysis.

import type { Severity } from '../diagnostics';
import { authority } from '../law';
import { probableCaseRulings } from './law-context';

const rulings = probableCaseRulings();
const cfr = authority('us-8-cfr-287-7');
const i247a = authority('us-form-i-247a');
const lunn = authority('ma-lunn');
const FEDERAL_LIMIT = cfr.holdLimit!;

export interface LintRule {
  code: string;
  severity: Severity;
  kind: 'logic' | 'law' | 'completeness' | 'suppression';
  /** What the rule finds, in words, for the reference docs: "a provision whose condition no case can meet". */
  title: string;
  /** The rule's title short enough for one row of the Problems list: "Provision never applies". */
  shortTitle: string;
  citation?: string;
}

/** The authorities the federal rules cite, as printed (from law/). */
export const CITATIONS = {
  probableCause: rulings.map((a) => a.citations[0]!.cite).join('; '),
  federalMaximum: cfr.citations[0]!.cite,
  detainerForm: i247a.citations[0]!.cite,
  lunn: lunn.citations[0]!.cite,
};

/** Every finding the lint can make, for the Problems panel legend and the reference docs. */
export const LINT_RULES: readonly LintRule[] = [
  {
    code: 'provision-never-applies',
    shortTitle: 'Provision never applies',
    severity: 'warning',
    kind: 'logic',
    title: 'a provision whose condition no case can meet',
  },
  {
    code: 'provision-shadowed',
    shortTitle: 'Provision never decides',
    severity: 'warning',
    kind: 'logic',
    title: 'a provision that never decides a case because earlier ones always do',
  },
  {
    code: 'condition-never-true',
    shortTitle: 'Condition never true',
    severity: 'warning',
    kind: 'logic',
    title: 'part of a condition that can never be true',
  },
  {
    code: 'condition-always-true',
    shortTitle: 'Condition always true',
    severity: 'info',
    kind: 'logic',
    title: 'part of a condition that is always true',
  },
  {
    code: 'order-conflict',
    shortTitle: 'Order of provisions matters',
    severity: 'warning',
    kind: 'logic',
    title: 'two provisions decide the same facts differently and the earlier wins',
  },
  {
    code: 'discretion-only',
    shortTitle: 'Only sends to review',
    severity: 'info',
    kind: 'logic',
    title: 'a provision that only ever sends cases to review',
  },
  {
    code: 'outcome-exceeds-request',
    shortTitle: 'Stricter than ICE asks',
    severity: 'warning',
    kind: 'logic',
    title: 'an outcome stricter than ICE ever asks for in the cases decided',
  },
  { code: 'unused-term', shortTitle: 'Defined term unused', severity: 'warning', kind: 'logic', title: 'a defined term used nowhere' },
  {
    code: 'wording-differs',
    shortTitle: 'Wording differs from logic',
    severity: 'warning',
    kind: 'logic',
    title: "a provision's own wording that says otherwise than its logic (a choice, a hold's length)",
  },
  {
    code: 'hold-without-judicial-warrant',
    shortTitle: 'Hold without a judicial warrant',
    severity: 'warning',
    kind: 'law',
    title: 'a hold that does not require a judicial warrant, on a pending charge, a conviction or the detainer alone',
    citation: CITATIONS.probableCause,
  },
  {
    code: 'hold-exceeds-federal-maximum',
    shortTitle: 'Hold beyond the federal maximum',
    severity: 'error',
    kind: 'law',
    title: `a hold longer than ${FEDERAL_LIMIT.hours} hours excluding weekends and holidays`,
    citation: CITATIONS.federalMaximum,
  },
  {
    code: 'hold-exceeds-request',
    shortTitle: 'Hold longer than asked',
    severity: 'warning',
    kind: 'law',
    title: `a hold that can outlast what the detainer asks for (${i247a.detainerForm!.holdHours} hours on the ${i247a.detainerForm!.form})`,
    citation: CITATIONS.detainerForm,
  },
  {
    code: 'state-requires-honoring-detainers',
    shortTitle: 'State law requires honoring detainers',
    severity: 'error',
    kind: 'law',
    title:
      'declining or limiting detainers in a state whose law requires honoring them (warning where the law is read only in secondary sources)',
  },
  {
    code: 'state-bars-holds',
    shortTitle: 'State law bars this hold',
    severity: 'error',
    kind: 'law',
    title: "a hold on a civil detainer outside the exceptions of a state's statute or its courts' ruling",
  },
  {
    code: 'state-limits-notification',
    shortTitle: 'State law limits notice to ICE',
    severity: 'error',
    kind: 'law',
    title: 'notice of release to ICE outside what the state allows',
  },
  {
    code: 'state-law-uncertain',
    shortTitle: 'State law in conflict',
    severity: 'warning',
    kind: 'law',
    title: 'holds where the state law on them is in conflict',
  },
  {
    code: 'state-protects-status-information',
    shortTitle: 'State law on status information',
    severity: 'info',
    kind: 'law',
    title: 'a state law that bars limits on status information, or on enforcement generally, and requires no honoring of detainers',
  },
  {
    code: 'state-requires-287g',
    shortTitle: 'State requires a 287(g) agreement',
    severity: 'info',
    kind: 'law',
    title: 'a state that requires a 287(g) agreement of the jail',
  },
  {
    code: 'no-state-law-on-file',
    shortTitle: 'No state law on file',
    severity: 'info',
    kind: 'law',
    title: 'a state or territory with no law on detainers on file: only federal law was checked',
  },
  {
    code: 'state-bars-287g',
    shortTitle: 'State forbids 287(g) agreements',
    severity: 'error',
    kind: 'law',
    title: 'a 287(g) agreement in a state that forbids it',
  },
  {
    code: 'holidays-lengthen-hold',
    shortTitle: 'Local holidays lengthen holds',
    severity: 'warning',
    kind: 'law',
    title: 'local holidays beyond the federal ones that a hold skips, so it lasts longer',
    citation: CITATIONS.federalMaximum,
  },
  {
    code: 'no-time-zone',
    shortTitle: 'No time zone',
    severity: 'info',
    kind: 'completeness',
    title: 'calendar-hour holds in a jurisdiction that names no time zone',
  },
  {
    code: 'time-zone-not-of-state',
    shortTitle: 'Time zone not of the state',
    severity: 'warning',
    kind: 'completeness',
    title: "a time zone that is none of the zones of the jurisdiction's state, in which hold ends are computed",
  },
  {
    code: 'body-not-of-level',
    shortTitle: 'Body of another level',
    severity: 'warning',
    kind: 'completeness',
    title: 'a legislative body named for another level of government than the jurisdiction (a county enacting by its "City Council")',
  },
  {
    code: 'agency-not-of-level',
    shortTitle: 'Agency of another level',
    severity: 'warning',
    kind: 'completeness',
    title: 'an agency named for another level of government than the jurisdiction (a county whose text says "the Police Department")',
  },
  {
    code: 'no-minimum-age',
    shortTitle: 'No minimum age',
    severity: 'warning',
    kind: 'law',
    title: 'a person under 18 can be held without a judicial warrant',
  },
  {
    code: 'hold-without-conviction',
    shortTitle: 'Hold without a conviction',
    severity: 'warning',
    kind: 'law',
    title: 'holds of people with no criminal conviction though the findings aim at serious offenders',
  },
  {
    code: 'agreement-not-in-force',
    shortTitle: 'Reimbursement agreement not in force',
    severity: 'warning',
    kind: 'law',
    title: 'holds that need a reimbursement agreement the scenario does not have',
  },
  {
    code: 'otherwise-coverage',
    shortTitle: 'What “otherwise” decides',
    severity: 'info',
    kind: 'completeness',
    title: 'what the otherwise clause decides',
  },
  {
    code: 'suppression-without-reason',
    shortTitle: 'Silenced without a reason',
    severity: 'warning',
    kind: 'suppression',
    title: 'a lint-ignore comment without a reason',
  },
  {
    code: 'unused-suppression',
    shortTitle: 'Silences nothing',
    severity: 'info',
    kind: 'suppression',
    title: 'a silenced finding that no longer occurs',
  },
  {
    code: 'analysis-too-large',
    shortTitle: 'Too large to analyse',
    severity: 'error',
    kind: 'completeness',
    title: 'an ordinance too large to analyse exactly: the rules that need every combination of facts did not run',
  },
  {
    code: 'analysis-failed',
    shortTitle: 'Analysis failed',
    severity: 'warning',
    kind: 'completeness',
    title: 'the lint stopped on an internal error',
  },
];
