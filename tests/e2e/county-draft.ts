// The county draft the jail-export browser specs simulate a county's own export against.
export const COUNTY_DRAFT = `title: An Ordinance on Civil Immigration Detainers at the County Jail
jurisdiction: { name: Example County, state: PA, level: county, timeZone: America/New_York }
definitions:
  - term: felony
    meaning: an offense graded as a felony
    covers:
      - classes: [felony]
sections:
  - id: detainers
    heading: Civil immigration detainers
    provisions:
      - id: judicial-warrant
        heading: Judicial warrant
        when: { judicialWarrant: true }
        outcome: hold
        maxHold: { hours: 48 }
      - id: pending-felony
        heading: Pending felony charge
        when: { charge: { term: felony } }
        outcome: notify
otherwise: decline
`;
