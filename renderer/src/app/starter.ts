// The document a new draft starts from: a small, valid ordinance that shows the shape of the format.

export const STARTER_NAME = 'untitled.ordinance.yaml';

export const STARTER_ORDINANCE = `# yaml-language-server: $schema=../../policy-schemas/ordinance.schema.json
# A new detainer ordinance. Detainer provisions are read in order: the first that applies to a
# booking case decides it, and "otherwise" decides every case no provision reaches.
title: An Ordinance Concerning Civil Immigration Detainers
jurisdiction:
  name: City of Example
  state: MA
  level: city
  timeZone: America/New_York
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
