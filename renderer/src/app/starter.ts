// The document a new draft starts from: a small ordinance that shows the shape of the format. It leaves
// the jurisdiction's name and state out, for the drafter to choose: the engine reports each as an error
// ("choose the state this ordinance is for ..."), so a blank draft is never checked against, or exported
// for, a place nobody chose.

export const STARTER_NAME = 'untitled.ordinance.yaml';

export const STARTER_ORDINANCE = `# yaml-language-server: $schema=../../policy-schemas/ordinance.schema.json
# A new detainer ordinance. Detainer provisions are read in order: the first that applies to a
# booking case decides it, and "otherwise" decides every case no provision reaches.
title: An Ordinance Concerning Civil Immigration Detainers
# The place is yours to choose: a new draft names no city and no state, and is not checked until it does.
# The state decides which state law the draft is checked against (and which time zones a hold counts in).
jurisdiction:
  level: city
legislativeBody: City Council
agency: the Police Department
status: draft
version: "0.1"

findings:
  - text: detainers are requests, and holding a person on one exposes the city to liability
    aims: liability

sections:
  - heading: Civil immigration detainers
    provisions:
      - id: minors
        heading: Persons under 18
        when:
          age: { under: 18 }
        outcome: decline
      - id: judicial-warrant
        heading: Detainer supported by a judicial warrant
        when: { judicialWarrant: true }
        outcome: hold
        # A detainer (Form I-247A) asks for a hold of no more than 48 hours after release, weekends included.
        maxHold: { hours: 48, excludingWeekendsAndHolidays: false }
otherwise: decline
`;
