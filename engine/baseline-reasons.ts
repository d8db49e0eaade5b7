// How the honor-every-request baseline's decisions are cited: each rule in words, in place of a section
// number. Apart from the compiler, so that views can name a baseline rule without loading it.

/** The baseline's citation of each of its rules, by the rule's id (`default`: its otherwise clause). */
export const BASELINE_REASONS: Readonly<Record<string, string>> = {
  'honor-hold': 'honor all: hold as requested',
  'honor-notify': 'honor all: notify as requested',
  default: 'honor all: nothing requested to honor',
};
