// A short plain title for each kind of problem the engine reports, shown first in the Problems list;
// the code itself (which a lint-ignore comment names) stays beside it, small, with a tooltip.

const TITLES: Record<string, string> = {
  // The document: its syntax, the schema, the engine's checks of what it says.
  'not-an-ordinance': 'Not an ordinance',
  'not-strict-json': 'Not strict JSON',
  'unsafe-character': 'Unsafe character',
  'too-deep': 'Nested too deeply',
  'too-long': 'Text too long',
  'too-many-keys': 'Too many keys',
  'too-large-expanded': 'Too large once expanded',
  'duplicate-key': 'Key given twice',
  'unknown-key': 'Unknown key',
  'missing-key': 'Required key missing',
  'wrong-type': 'Wrong kind of value',
  'not-allowed': 'Value not allowed',
  'bad-format': 'Value in the wrong format',
  'empty-value': 'Empty value',
  'empty-list': 'Empty list',
  'out-of-range': 'Number out of range',
  'condition-keys': 'Condition with more than one key',
  'field-for-other-type': 'Field of another provision type',
  'bad-date': 'Not a real date',
  'implausible-date': 'Implausible date',
  'effective-dates-disagree': 'Effective dates disagree',
  'unknown-state': 'Unknown state',
  'duplicate-id': 'Provision id used twice',
  'duplicate-item': 'Item listed twice',
  'duplicate-term': 'Term defined twice',
  'undefined-term': 'Term not defined',
  'term-without-coverage': 'Term not yet defined: covers no offenses',
  'empty-age-range': 'Age range empty',
  'empty-section': 'Empty section',
  'missing-outcome': 'Outcome missing',
  'hold-without-maximum': 'Hold with no maximum',
  'unused-maximum': 'Maximum hold without a hold',
  'hold-end-without-hold': 'Hold end without a hold',
  'provision-without-text': 'Provision without text',
  'wrong-form': 'In none of the allowed forms',
  // The lint: the logic.
  'provision-never-applies': 'Provision never applies',
  'provision-shadowed': 'Provision never decides',
  'condition-never-true': 'Condition never true',
  'condition-always-true': 'Condition always true',
  'order-conflict': 'Order of provisions matters',
  'discretion-only': 'Only sends to review',
  'outcome-exceeds-request': 'Stricter than ICE asks',
  'unused-term': 'Defined term unused',
  'wording-differs': 'Wording differs from logic',
  'otherwise-coverage': 'What “otherwise” decides',
  // The lint: the law.
  'hold-without-judicial-warrant': 'Hold without a judicial warrant',
  'hold-exceeds-federal-maximum': 'Hold beyond the federal maximum',
  'hold-exceeds-request': 'Hold longer than asked',
  'state-requires-honoring-detainers': 'State law requires honoring detainers',
  'state-bars-holds': 'State law bars this hold',
  'state-limits-notification': 'State law limits notice to ICE',
  'state-law-uncertain': 'State law in conflict',
  'state-protects-status-information': 'State law on status information',
  'state-requires-287g': 'State requires a 287(g) agreement',
  'state-bars-287g': 'State forbids 287(g) agreements',
  'no-state-law-on-file': 'No state law on file',
  'holidays-lengthen-hold': 'Local holidays lengthen holds',
  'no-time-zone': 'No time zone',
  'time-zone-not-of-state': 'Time zone not of the state',
  'no-minimum-age': 'No minimum age',
  'hold-without-conviction': 'Hold without a conviction',
  'agreement-not-in-force': 'Reimbursement agreement not in force',
  // Silencing, and the lint's own limits.
  'suppression-without-reason': 'Silenced without a reason',
  'suppression-unknown-provision': 'Silences an unknown provision',
  'unused-suppression': 'Silences nothing',
  'analysis-too-large': 'Too large to analyse',
  'analysis-failed': 'Analysis failed',
  // Case sets checked against the draft.
  'bad-case': 'Bad case',
  'expected-decision': 'Decision not as expected',
  'case-set-blank-cells': 'Blank cells in the case set',
  'case-set-lacks-category': 'Case set lacks a category',
  'case-set-lacks-class': 'Case set lacks a class',
  'case-set-lacks-degree': 'Case set lacks degrees',
  'case-set-lacks-record': 'Case set lacks records',
  'case-set-lacks-warrant': 'Case set lacks warrants',
  'case-set-offenses-without-degree': 'Offenses without a degree',
  'case-set-one-value': 'Case set has one value only',
};

/** A problem's short title: its own where the app has one, else its code in words ("yaml-syntax" → "Yaml syntax"). */
export function problemTitle(code: string): string {
  const own = TITLES[code];
  if (own) return own;
  const words = code.replace(/-+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Problem';
}

/** The codes given a title of their own (for the test that every code the engine reports has one). */
export const TITLED_CODES: readonly string[] = Object.keys(TITLES);
