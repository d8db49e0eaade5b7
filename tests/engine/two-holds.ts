// The drafts and cases the tests of settled cases more than one provision may decide share: two
// holding provisions a case with unknown facts may both reach (a felony with a judge's warrant, an
// administrative warrant), a draft that declines everything to compare them with, and the case
// whose judicial warrant the records leave open.

import { caseTable, prepareCase } from '../../engine/index';

/** Two holds; the second's maxHold as given, and each provision's heading when asked for. */
export function twoHoldsText(secondHold: string, opts: { headings?: boolean } = {}): string {
  const heading = (h: string) => (opts.headings ? `\n        heading: ${h}` : '');
  return `title: Two holds
jurisdiction: { name: Testville, state: NM }
sections:
  - heading: Detainers
    provisions:
      - id: felony-and-warrant${heading("Felony with a judge's warrant")}
        when: { all: [ { conviction: { classes: [felony] } }, { judicialWarrant: true } ] }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }
      - id: admin-warrant${heading('Administrative warrant')}
        when: { administrativeWarrant: true }
        outcome: hold
        maxHold: ${secondHold}
otherwise: decline
`;
}

/** Notifies for minors and declines every other detainer. */
export const DECLINE_ALL_TEXT = `title: Decline all
jurisdiction: { name: Testville, state: NM }
sections:
  - heading: Detainers
    provisions:
      - id: minors
        when: { age: { under: 18 } }
        outcome: notify
otherwise: decline
`;

const rape = { offense: 'rape', class: 'felony', degree: 1, categories: ['violent', 'sex'], convictedOn: '2018-02-01' };

/**
 * A booking with a violent felony conviction (rape, 2018) whose detainer asks for a hold and notice:
 * the CLI's undecided-case tests give it their own ids, warrants and unknown facts.
 */
export const VIOLENT_FELONY_BOOKING = {
  age: 45,
  bookedAt: '2024-03-01T09:00',
  eligibleForReleaseAt: '2024-03-02T10:00',
  detainer: { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00' },
  convictions: [{ offense: 'rape', class: 'felony', degree: 1, categories: ['violent'], convictedOn: '2018-02-01' }],
};

/**
 * A case both holds may decide: a felony conviction and an administrative warrant, the judicial
 * warrant not in the records. Released on a Saturday morning: 24 hours end on Sunday, 48 not counting
 * weekends at the start of Wednesday.
 */
export function row(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    age: 45,
    bookedAt: '2024-03-01T09:00',
    eligibleForReleaseAt: '2024-03-02T10:00',
    detainer: { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00', administrativeWarrant: true },
    convictions: [rape],
    unknown: ['judicialWarrant'],
    ...extra,
  };
}

/** The case table of rows like `row`'s (a member set to undefined is left out). */
export function table(rows: Array<Record<string, unknown>>): ReturnType<typeof caseTable> {
  return caseTable(
    rows.map((c, i) => {
      c = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
      const r = prepareCase(c as never, i);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.prepared;
    }),
  );
}
