// Which offense classes an offense of a category (an ordinance's tag) can have, and which class is the
// ordinary one. The analysis builds example cases from classes and categories; a "homicide infraction"
// is no offense anyone is ever convicted of, and an example built on one discredits the analysis it
// illustrates. Tags not listed here (property, traffic, dui, drug-possession, public-order, weapon, ...,
// and any tag a jail invents) can be of any class.

import type { OffenseClass } from './model';

export interface TagClassRule {
  tags: readonly string[];
  /** Classes an offense carrying one of the tags can never have. */
  never: readonly OffenseClass[];
  why: string;
  authority: string;
}

/**
 * An infraction (a "violation" or "petty offense" in some codes) is punishable by a fine only and is not
 * a crime. The offenses these tags name are crimes punishable by imprisonment in every U.S. jurisdiction,
 * so they are misdemeanors or felonies. No tag is a felony only: vehicular manslaughter, sexual battery,
 * a firearm or drug-sale count and an aggravated felony (8 U.S.C. 1101(a)(43) reaches state
 * misdemeanors) can each be a misdemeanor. DUI is left open on purpose: a first DWI is a traffic
 * violation in New Jersey and a civil forfeiture in Wisconsin.
 */
export const TAG_CLASS_RULES: readonly TagClassRule[] = [
  {
    tags: [
      'homicide',
      'violent',
      'sex-offense',
      'domestic-violence',
      'drug-trafficking',
      'aggravated-felony',
      'serious',
      'dangerous',
      'firearm',
      'arson',
    ],
    never: ['infraction'],
    why: "killing a person, force or its threat against a person, sex offenses, drug trafficking, arson and explosives, and the offenses the project calls serious (engine/ncic.ts TAG_RULES: every code so tagged is a crime, and the willful homicides, forcible rapes, robberies, aggravated assaults and the codes naming a gun are felonies by the project's CLASS_RULES); an infraction is punishable by a fine only",
    authority:
      'Model Penal Code 1.04(5) (a violation: no sentence other than a fine; not a crime); Cal. Penal Code 19.6 (an infraction is not punishable by imprisonment)',
  },
];

/**
 * The class an example offense of a tag takes when the tests leave the class free: a felony for the
 * tags whose offenses are ordinarily charged as felonies (the class the project's synthetic cases,
 * engine/generate.ts, give every offense carrying them); otherwise the analysis's default order.
 */
const FELONY_FIRST_TAGS: ReadonlySet<string> = new Set([
  'homicide',
  'sex-offense',
  'drug-trafficking',
  'aggravated-felony',
  'serious',
  'dangerous',
  'firearm',
  'arson',
]);

const NEVER = new Map<string, Set<OffenseClass>>();
for (const rule of TAG_CLASS_RULES)
  for (const tag of rule.tags) {
    const set = NEVER.get(tag) ?? new Set<OffenseClass>();
    for (const c of rule.never) set.add(c);
    NEVER.set(tag, set);
  }

/** Whether an offense carrying every one of `categories` can be of class `cls`. */
export function classPossible(cls: OffenseClass, categories: readonly string[]): boolean {
  for (const c of categories) if (NEVER.get(c)?.has(cls)) return false;
  return true;
}

const DEFAULT_ORDER: readonly OffenseClass[] = ['misdemeanor', 'felony', 'infraction'];
const FELONY_FIRST: readonly OffenseClass[] = ['felony', 'misdemeanor', 'infraction'];

/**
 * How unusual class `cls` is for an offense carrying `categories`: 0 for the ordinary class, then 1
 * and 2 (an impossible class still gets a rank; `classPossible` is the test for that).
 */
export function classRank(cls: OffenseClass, categories: readonly string[]): number {
  const order = categories.some((c) => FELONY_FIRST_TAGS.has(c)) ? FELONY_FIRST : DEFAULT_ORDER;
  return order.indexOf(cls);
}
