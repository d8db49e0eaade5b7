// How the honor-every-request baseline's decisions are cited: each rule in words, in place of a section
// number. Apart from the compiler, so that views can name a baseline rule without loading it.

/** The baseline's one name, in running text and as its rules are cited ("honor all: hold as requested"). */
export const BASELINE_NAME = 'honor all';

/** The baseline's name as a column heading or at the start of a sentence. */
export const BASELINE_HEADING = `${BASELINE_NAME.charAt(0).toUpperCase()}${BASELINE_NAME.slice(1)}`;

const WHAT_IT_DOES = '(the baseline: every detainer honored as requested)';

/** The baseline's title: its name and what it does, where it is named as the policy compared with. */
export const BASELINE_TITLE = `${BASELINE_NAME} ${WHAT_IT_DOES}`;

/** The title at the start of a sentence or in a list of choices. */
export const BASELINE_TITLE_HEADING = `${BASELINE_HEADING} ${WHAT_IT_DOES}`;

/** Each of the baseline's rules in words, without its name ("hold as requested"), by the rule's id. */
const RULES: Readonly<Record<string, string>> = {
  'honor-hold': 'hold as requested',
  'honor-notify': 'notify as requested',
  default: 'nothing requested to honor',
};

/** The baseline's citation of each of its rules, by the rule's id (`default`: its otherwise clause). */
export const BASELINE_REASONS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(RULES).map(([id, rule]) => [id, `${BASELINE_NAME}: ${rule}`]),
);

/**
 * A baseline rule's words without the baseline's name ("hold as requested"), for a sentence that has
 * named the baseline already ("honor all decides them by its own rule (hold as requested)"): each says
 * the name once. Any other citation is given back as it is.
 */
export function baselineRuleWords(citation: string): string {
  const prefix = `${BASELINE_NAME}: `;
  return citation.startsWith(prefix) && Object.values(RULES).includes(citation.slice(prefix.length))
    ? citation.slice(prefix.length)
    : citation;
}
