// Offense classes by seriousness, as the case list's columns hold them (0: none, 3: felony), and the
// table's class bits (1 felony, 2 misdemeanor, 4 infraction) mapped to that rank.

export const CLASS_BY_RANK = ['', 'infraction', 'misdemeanor', 'felony'] as const;

export const RANK_OF_BIT: Readonly<Record<number, number>> = { 1: 3, 2: 2, 4: 1 };
