// Provision templates: every policy option of the seed letters and of the enacted policies in
// domain.md, ready to drop into a draft (with the defined terms they rely on). A hold is for what the
// detainer form in use asks for, never longer.

import { REQUESTED_HOLD, type Definition, type Provision } from '../../../engine/vocabulary';

export interface ProvisionTemplate {
  id: string;
  /** What the drafter picks from, in plain words. */
  label: string;
  group: 'Never hold' | 'Hold only when' | 'Other outcomes' | 'Other provisions';
  /** Where the option comes from, so a drafter can check it against the source. */
  source: string;
  provision: Provision;
  /** Defined terms the provision uses; added when the draft lacks them. */
  definitions?: Definition[];
}

const VIOLENT_FELONY: Definition = {
  term: 'violent felony',
  meaning: 'a felony that has as an element the use, attempted use or threatened use of physical force against the person of another',
  covers: [{ classes: ['felony'], categories: ['violent'] }],
};

const SERIOUS_CRIME: Definition = {
  term: 'serious crime',
  meaning: 'a felony, or an offense classified as serious, dangerous or violent by the jail, including homicide and sex offenses',
  covers: [{ classes: ['felony'] }, { categories: ['serious', 'dangerous', 'violent', 'homicide', 'sex-offense'] }],
};

export const PROVISION_TEMPLATES: readonly ProvisionTemplate[] = [
  {
    id: 'minors',
    label: 'Never hold anyone under 18',
    group: 'Never hold',
    source: 'Letter to police chiefs, June 2012 (c)',
    provision: { id: 'minors', heading: 'Persons under 18', when: { age: { under: 18 } }, outcome: 'decline' },
  },
  {
    id: 'no-conviction',
    label: 'Never hold anyone with no criminal conviction',
    group: 'Never hold',
    source: 'Letter to police chiefs, June 2012 (d)',
    provision: { id: 'no-conviction', heading: 'No criminal conviction', when: { not: { conviction: {} } }, outcome: 'decline' },
  },
  {
    id: 'no-reimbursement',
    label: 'Never hold without a written reimbursement agreement',
    group: 'Never hold',
    source: 'Cook County Code 46-37 (2011); letter to police chiefs, June 2012 (a)',
    provision: {
      id: 'no-reimbursement',
      heading: 'No reimbursement agreement',
      when: { not: { reimbursementAgreement: true } },
      outcome: 'decline',
    },
  },
  {
    id: 'decline-all',
    label: 'Decline every detainer (no holds at all)',
    group: 'Never hold',
    source: 'Berkeley, CA (2012); Northampton, MA Ord. 19.153 (2019); Rep. Serrano (2012)',
    provision: { id: 'decline-all', heading: 'No holds on civil detainers', outcome: 'decline' },
  },
  {
    id: 'judicial-warrant',
    label: 'Hold only on a judicial warrant',
    group: 'Hold only when',
    source: 'King County, WA Ord. 17886 (2014)',
    provision: {
      id: 'judicial-warrant',
      heading: 'Detainer supported by a judicial warrant',
      when: { judicialWarrant: true },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
  },
  {
    id: 'violent-felony',
    label: 'Hold for a violent felony conviction',
    group: 'Hold only when',
    source: 'Letter to police chiefs, June 2012 (b)',
    provision: {
      id: 'violent-felony',
      heading: 'Convicted of a violent felony',
      when: { conviction: { term: 'violent felony' } },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
    definitions: [VIOLENT_FELONY],
  },
  {
    id: 'violent-felony-judicial-warrant',
    label: 'Hold after a 1st/2nd-degree violent felony conviction, with a judicial warrant',
    group: 'Hold only when',
    source: 'Philadelphia Executive Order 5-16 (2016)',
    provision: {
      id: 'violent-felony-judicial-warrant',
      heading: 'First- or second-degree violent felony, with a judicial warrant',
      when: {
        all: [{ conviction: { classes: ['felony'], degrees: [1, 2], categories: ['violent'], current: true } }, { judicialWarrant: true }],
      },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
  },
  {
    id: 'felony-conviction',
    label: 'Hold for any felony conviction',
    group: 'Hold only when',
    source: 'Connecticut TRUST Act, CGS 54-192h (2014); Chicago Welcoming City Ordinance (2012)',
    provision: {
      id: 'felony-conviction',
      heading: 'Convicted of a felony',
      when: { conviction: { classes: ['felony'] } },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
  },
  {
    id: 'serious-crime-recent',
    label: 'Hold for a serious crime within 10 years',
    group: 'Hold only when',
    source: 'Look-back windows of 2011-2019 policies (domain.md §4)',
    provision: {
      id: 'serious-crime-recent',
      heading: 'Serious crime within ten years',
      when: {
        conviction: { term: 'serious crime', within: { years: 10, of: 'request', measuredFrom: 'later-of-conviction-and-release' } },
      },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
    definitions: [SERIOUS_CRIME],
  },
  {
    id: 'homicide',
    label: 'Hold for a homicide conviction at any time',
    group: 'Hold only when',
    source: 'domain.md §4 (homicide at any time)',
    provision: {
      id: 'homicide',
      heading: 'Convicted of homicide',
      when: { conviction: { categories: ['homicide'] } },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
  },
  {
    id: 'serious-traffic',
    label: 'Hold for two or more serious traffic convictions',
    group: 'Hold only when',
    source: 'domain.md §4 (counts)',
    provision: {
      id: 'serious-traffic',
      heading: 'Two or more serious traffic convictions',
      when: { conviction: { categories: ['serious-traffic', 'dui'], atLeast: 2, within: { years: 10 } } },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
  },
  {
    id: 'three-misdemeanors',
    label: 'Hold for three or more misdemeanors within 5 years',
    group: 'Hold only when',
    source: 'domain.md §4 (counts)',
    provision: {
      id: 'three-misdemeanors',
      heading: 'Three or more misdemeanors',
      when: { conviction: { classes: ['misdemeanor'], atLeast: 3, within: { years: 5, excludeTimeIncarcerated: true } } },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
  },
  {
    id: 'pending-felony',
    label: 'Hold on a pending felony charge, bond not posted',
    group: 'Hold only when',
    source: 'Connecticut TRUST Act (2014); Chicago (2012)',
    provision: {
      id: 'pending-felony',
      heading: 'Pending felony charge, bond not posted',
      when: { charge: { classes: ['felony'], bondPosted: false } },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
  },
  {
    id: 'pending-charge-probable-cause',
    label: 'Hold on a pending charge held to answer (probable cause found)',
    group: 'Hold only when',
    source: 'domain.md §4 (pending charges)',
    provision: {
      id: 'pending-charge-probable-cause',
      heading: 'Pending serious charge held to answer',
      when: { charge: { term: 'serious crime', probableCauseFinding: true } },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
    definitions: [SERIOUS_CRIME],
  },
  {
    id: 'criminal-warrant',
    label: 'Hold on an outstanding criminal warrant',
    group: 'Hold only when',
    source: 'Chicago (2012); Connecticut TRUST Act (2014)',
    provision: {
      id: 'criminal-warrant',
      heading: 'Outstanding criminal warrant',
      when: { warrant: { kind: 'criminal', jurisdictions: ['state', 'federal'] } },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
  },
  {
    id: 'gang-database',
    label: 'Hold when listed in the gang database',
    group: 'Hold only when',
    source: 'Chicago (2012); Connecticut TRUST Act (2014)',
    provision: {
      id: 'gang-database',
      heading: 'Listed in the gang database',
      when: { record: 'gangDatabase' },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
  },
  {
    id: 'terrorist-screening',
    label: 'Hold on a possible terrorist screening database match',
    group: 'Hold only when',
    source: 'Connecticut TRUST Act (2014)',
    provision: {
      id: 'terrorist-screening',
      heading: 'Possible terrorist screening match',
      when: { record: 'terroristWatchlistMatch' },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
  },
  {
    id: 'removal-order',
    label: 'Hold when subject to a final order of removal',
    group: 'Hold only when',
    source: 'Connecticut TRUST Act (2014)',
    provision: {
      id: 'removal-order',
      heading: 'Final order of removal',
      when: { record: 'finalRemovalOrder' },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
  },
  {
    id: 'prior-removal-reentry',
    label: 'Hold after a prior removal and illegal re-entry',
    group: 'Hold only when',
    source: 'domain.md §4 (other records)',
    provision: {
      id: 'prior-removal-reentry',
      heading: 'Prior removal and re-entry',
      when: { record: 'priorRemovalReentry' },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
  },
  {
    id: 'offender-registry',
    label: 'Hold when on the sex or arson offender registry',
    group: 'Hold only when',
    source: 'domain.md §4 (other records)',
    provision: {
      id: 'offender-registry',
      heading: 'Listed on an offender registry',
      when: { any: [{ record: 'sexOffenderRegistry' }, { record: 'arsonOffenderRegistry' }] },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
  },
  {
    id: 'reimbursed-hold',
    label: 'Hold only when a written reimbursement agreement is in force',
    group: 'Hold only when',
    source: 'Cook County Code 46-37 (2011)',
    provision: {
      id: 'reimbursed-hold',
      heading: 'Costs reimbursed under a written agreement',
      when: { reimbursementAgreement: true },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
  },
  {
    id: 'public-safety-discretion',
    label: "An officer's finding of unacceptable risk to public safety (goes to review)",
    group: 'Other outcomes',
    source: 'Connecticut TRUST Act (2014)',
    provision: {
      id: 'public-safety-risk',
      heading: 'Unacceptable risk to public safety',
      when: { discretion: { by: 'officer', finding: 'the person presents an unacceptable risk to public safety' } },
      outcome: 'hold',
      maxHold: REQUESTED_HOLD,
    },
  },
  {
    id: 'notice-of-release',
    label: 'Notify ICE of release when it asks for notice (never hold)',
    group: 'Other outcomes',
    source: 'Form I-247N, a request for notice of release alone (law/federal/form-i-247n.yaml); domain.md §1',
    provision: {
      id: 'notice-of-release',
      heading: 'Notice of release when ICE asks for it',
      when: { requested: 'notify' },
      outcome: 'notify',
    },
  },
  {
    id: 'notify-only-felony',
    label: 'Notify ICE of release (no hold) after a felony conviction',
    group: 'Other outcomes',
    source: 'Notification-only policies (I-247N), domain.md §1',
    provision: {
      id: 'notify-felony',
      heading: 'Notice of release after a felony conviction',
      when: { conviction: { classes: ['felony'] } },
      outcome: 'notify',
    },
  },
  {
    id: 'twenty-four-hours',
    label: 'Hold for at most 24 calendar hours on a judicial warrant',
    group: 'Other outcomes',
    source: 'Shorter holds (24 hours) in domain.md §4',
    provision: {
      id: 'judicial-warrant-24h',
      heading: 'Judicial warrant, 24 hours',
      when: { judicialWarrant: true },
      outcome: 'hold',
      maxHold: { hours: 24 },
    },
  },
  {
    id: 'ice-access',
    label: 'ICE access to people and facilities only with a criminal warrant',
    group: 'Other provisions',
    source: 'Cook County Code 46-37 (2011)',
    provision: {
      id: 'ice-access',
      type: 'ice-access',
      heading: 'Access by ICE',
      interviews: 'with-criminal-warrant',
      facilities: 'with-criminal-warrant',
    },
  },
  {
    id: 'interviews-with-consent',
    label: 'ICE interviews only with written consent',
    group: 'Other provisions',
    source: 'domain.md §4 (ICE access to interviews)',
    provision: { id: 'ice-interviews', type: 'ice-access', heading: 'ICE interviews', interviews: 'with-consent' },
  },
  {
    id: 'status-inquiry',
    label: 'No inquiries into immigration status',
    group: 'Other provisions',
    source: 'domain.md §4 (status inquiries by officers)',
    provision: {
      id: 'status-inquiry',
      type: 'status-inquiry',
      heading: 'Immigration status inquiries',
      inquiries: 'only-when-required-by-law',
    },
  },
  {
    id: 'notice-to-person',
    label: 'Give the person a copy of the detainer and the decision',
    group: 'Other provisions',
    source: 'domain.md §4 (notice to the detained person)',
    provision: {
      id: 'notice-to-person',
      type: 'notice-to-person',
      heading: 'Notice to the person detained',
      notices: ['copy-of-detainer', 'decision'],
    },
  },
  {
    id: 'notice-to-ice',
    label: 'Tell ICE whether the detainer will be honored',
    group: 'Other provisions',
    source: 'Connecticut TRUST Act (2014)',
    provision: { id: 'notice-of-decision', type: 'notice-to-ice', heading: 'Notice of decision to ICE', notices: ['decision'] },
  },
  {
    id: 'report',
    label: 'Quarterly report to the council (received, honored, declined, reasons, costs)',
    group: 'Other provisions',
    source: 'Boston, Mayor Menino (2011): transparency about criteria and data',
    provision: {
      id: 'report',
      type: 'report',
      heading: 'Reports to the council',
      reportTo: 'the City Council',
      every: 'quarter',
      contents: ['received', 'honored', 'declined', 'reasons', 'costs', 'reimbursements'],
    },
  },
  {
    id: 'training',
    label: 'Training of officers on this ordinance',
    group: 'Other provisions',
    source: 'Common in enacted policies',
    provision: {
      id: 'training',
      type: 'training',
      heading: 'Training',
      text: 'the agency shall train every officer who handles detainers on the requirements of this ordinance',
    },
  },
  {
    id: 'severability',
    label: 'Severability',
    group: 'Other provisions',
    source: 'Standard clause',
    provision: {
      id: 'severability',
      type: 'severability',
      heading: 'Severability',
      text: 'if any provision of this ordinance is held invalid, the remaining provisions shall continue in full force and effect',
    },
  },
];

export function templateById(id: string): ProvisionTemplate | undefined {
  return PROVISION_TEMPLATES.find((t) => t.id === id);
}

/** `base`, or `base-2`, `base-3`, ... : the first id not yet used in the draft. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
