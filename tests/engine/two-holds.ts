// The drafts the tests of settled cases more than one provision may decide share: two holding
// provisions a case with unknown facts may both reach (a felony with a judge's warrant, an
// administrative warrant), and a draft that declines everything to compare them with.

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
