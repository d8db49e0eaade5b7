// The short plain title of each kind of problem the engine reports, as the Problems list leads each
// finding with it (the code, which a lint-ignore comment names, stays beside it). One list: the lint's
// rules carry their own short titles in their catalogue (analysis/lint-rules.ts); the codes of the
// document's checks, of silencing and of case sets are titled here.

import { LINT_RULES } from './analysis/lint-rules';

/** The codes reported outside the lint's catalogue: the document's syntax and schema, silencing, case sets. */
const OTHER_TITLES: Record<string, string> = {
  // The document: its syntax, the schema, the engine's checks of what it says.
  'not-an-ordinance': 'Not an ordinance',
  'not-strict-json': 'Not strict JSON',
  'unsafe-character': 'Unsafe character',
  'invisible-character': 'Character that does not show',
  'too-deep': 'Nested too deeply',
  'too-long': 'Text too long',
  'too-many-keys': 'Too many keys',
  'too-large-expanded': 'Too large once expanded',
  'duplicate-key': 'Key given twice',
  'unknown-key': 'Unknown key',
  'missing-key': 'Required key missing',
  'choose-state': 'State not chosen',
  'choose-jurisdiction': 'Jurisdiction not named',
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
  // Silencing: a lint-ignore comment that names a provision the document does not have.
  'suppression-unknown-provision': 'Silences an unknown provision',
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

const TITLES: ReadonlyMap<string, string> = new Map([
  ...LINT_RULES.map((r) => [r.code, r.shortTitle] as const),
  ...Object.entries(OTHER_TITLES),
]);

/** A problem's short title: its own where the engine has one, else its code in words ("yaml-syntax" → "Yaml syntax"). */
export function problemTitle(code: string): string {
  const own = TITLES.get(code);
  if (own) return own;
  const words = code.replace(/-+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Problem';
}

/** The codes given a title of their own, each once: every lint rule's and the others' (for the test that every code the engine reports has one). */
export const TITLED_CODES: readonly string[] = [...LINT_RULES.map((r) => r.code), ...Object.keys(OTHER_TITLES)];
