// The ordinance format's coded values as people read them: "Listed in the gang database", not
// "gangDatabase"; "Serious offenders", not "serious-offenders". Views show these words; the YAML keeps
// the codes.

const WORDS: Record<string, string> = {
  // records a booking case carries
  gangDatabase: 'listed in the gang database',
  terroristWatchlistMatch: 'possible match in the terrorist screening database',
  finalRemovalOrder: 'subject to a final order of removal',
  priorRemovalReentry: 'removed before and re-entered unlawfully',
  sexOffenderRegistry: 'on the sex offender registry',
  arsonOffenderRegistry: 'on the arson offender registry',
  securityRiskGroup: 'designated in a Security Risk Group by the Department of Correction',
  // what a finding says the policy aims at
  'serious-offenders': 'holding only serious offenders',
  'public-trust': 'public trust in the police',
  cost: 'the cost to the jurisdiction',
  liability: 'the jurisdiction’s liability',
  other: 'something else',
  // status of the document
  draft: 'draft',
  introduced: 'introduced',
  committee: 'in committee',
  adopted: 'adopted',
  enacted: 'enacted',
  'executive-order': 'executive order',
  repealed: 'repealed',
  // juvenile adjudications
  excluded: 'not counted as convictions',
  counted: 'counted as convictions',
  // ICE access and inquiries
  allowed: 'allowed',
  'with-consent': 'only with the person’s written consent',
  'with-criminal-warrant': 'only with a criminal warrant',
  never: 'never',
  prohibited: 'prohibited',
  permitted: 'permitted',
  'only-when-required-by-law': 'only when the law requires it',
  // notices and reports
  'copy-of-detainer': 'a copy of the detainer',
  decision: 'the decision on it',
  'release-date': 'the release date',
  month: 'every month',
  quarter: 'every quarter',
  'half-year': 'every six months',
  year: 'every year',
  received: 'detainers received',
  honored: 'detainers honored',
  declined: 'detainers declined',
  reasons: 'the reasons',
  costs: 'the costs',
  reimbursements: 'the reimbursements',
  // warrants
  criminal: 'criminal',
  civil: 'civil',
  'other-state': 'another state',
  // windows
  request: 'the request',
  arrest: 'the current arrest',
  conviction: 'the conviction',
  release: 'release from the sentence',
  'later-of-conviction-and-release': 'whichever is later',
};

/** A coded value in plain words; an unknown code with its hyphens and capitals read as spaces. */
export function words(code: string): string {
  return (
    WORDS[code] ??
    code
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/-/g, ' ')
      .toLowerCase()
  );
}

/** The same, starting with a capital, for a choice in a list; a time zone's name (Area/Place) as written. */
export function choiceWords(code: string): string {
  if (/^[A-Z][A-Za-z]+\/[A-Za-z_/+-]+$/.test(code)) return code.replace(/_/g, ' ');
  const w = words(code);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** What each type of provision governs, in the form's list of types and the outline. */
export const PROVISION_TYPE_WORDS: Record<string, string> = {
  detainer: 'Detainer rule (decides cases)',
  'ice-access': 'ICE access',
  'status-inquiry': 'Immigration status inquiries',
  'notice-to-person': 'Notice to the person detained',
  'notice-to-ice': 'Notice to ICE',
  report: 'Reports',
  training: 'Training',
  severability: 'Severability',
  'effective-date': 'Effective date',
  other: 'Other text',
};
