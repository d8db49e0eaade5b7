// The postal codes an ordinance's jurisdiction.state may take: the 50 states, the District of Columbia
// and the U.S. territories (Puerto Rico, Guam, the U.S. Virgin Islands, American Samoa, the Northern
// Mariana Islands), with their names for messages.

/** Each code's name, for messages ("California", "the District of Columbia"). */
export const STATE_NAMES: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'the District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  PR: 'Puerto Rico',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  AS: 'American Samoa',
  GU: 'Guam',
  MP: 'the Northern Mariana Islands',
  VI: 'the U.S. Virgin Islands',
};

/** Whether a code is a state, DC or a U.S. territory. */
export function isStateCode(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(STATE_NAMES, code);
}

/**
 * The code a person means by what they typed for a state: a code in either case ("or" → "OR") or a
 * name as STATE_NAMES gives it, in any case and with or without its "the" ("New Jersey", "district of
 * columbia" → "DC"). Anything else comes back upper-cased, for the schema to refuse where it stands.
 */
export function stateCodeOf(typed: string): string {
  const plain = typed.trim().replace(/\s+/g, ' ');
  const code = plain.toUpperCase();
  if (isStateCode(code)) return code;
  const name = plain.toLowerCase().replace(/^the /, '');
  for (const [c, n] of Object.entries(STATE_NAMES)) if (n.toLowerCase().replace(/^the /, '') === name) return c;
  return code;
}
