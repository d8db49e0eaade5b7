// A seeded generator of large, realistic ordinances (hundreds of provisions drawn from the vocabulary
// real policies use), for the analysis benchmarks and the budget tests.

import type { Condition, Ordinance, Outcome, Provision } from '../engine/index';
import { seededRandom } from '../engine/generate';

const TERMS = ['violent felony', 'serious crime', 'serious traffic offense', 'drug trafficking offense', 'aggravated felony', 'felony'];

export function largeOrdinance(provisions: number, seed = 1): Ordinance {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const leaves: Array<() => Condition> = [
    () => ({ age: pick([{ under: 18 }, { atLeast: 18 }, { atLeast: 21 }, { under: 25 }, { atLeast: 65 }]) }),
    () => ({
      record: pick(['gangDatabase', 'terroristWatchlistMatch', 'finalRemovalOrder', 'priorRemovalReentry', 'sexOffenderRegistry'] as const),
    }),
    () => ({ judicialWarrant: rnd() < 0.8 }),
    () => ({ administrativeWarrant: true }),
    () => ({ requested: pick(['hold', 'notify'] as const) }),
    () => ({ conviction: { term: pick(TERMS) } }),
    () => ({ conviction: { term: pick(TERMS), within: { years: pick([5, 10, 15]) } } }),
    () => ({ conviction: { term: 'serious traffic offense', atLeast: 2, within: { years: 10 } } }),
    () => ({ conviction: { classes: ['misdemeanor' as const], atLeast: 3 } }),
    () => ({ conviction: { classes: ['felony' as const], degrees: pick([[1], [1, 2]]), current: true } }),
    () => ({ charge: { term: pick(TERMS), bondPosted: false } }),
    () => ({ charge: { classes: ['felony' as const], probableCauseFinding: true } }),
    () => ({
      warrant: { kind: 'criminal' as const, jurisdictions: pick([['state'], ['state', 'federal']] as Array<Array<'state' | 'federal'>>) },
    }),
    () => ({ warrant: { kind: 'criminal' as const, felony: true } }),
    () => ({ discretion: { by: 'supervisor' as const, finding: 'the person poses an unacceptable risk to public safety' } }),
  ];
  // Like enacted text: provisions are narrow (one to three facts together), alternatives are short,
  // negation sits on single facts, and a discretionary finding is a provision of its own.
  const narrow = (): Condition => {
    const leaf = pick(leaves.slice(0, -1))();
    return rnd() < 0.15 ? { not: leaf } : leaf;
  };
  const condition = (): Condition => {
    const r = rnd();
    if (r < 0.03) return leaves[leaves.length - 1]!();
    if (r < 0.45) return { all: [narrow(), narrow()] };
    if (r < 0.6) return { all: [narrow(), narrow(), narrow()] };
    if (r < 0.72) return { all: [narrow(), { any: [narrow(), narrow()] }] };
    return narrow();
  };
  const outcomes: Outcome[] = ['hold', 'hold', 'notify', 'review', 'decline'];
  const list: Provision[] = [];
  for (let i = 0; i < provisions; i++) {
    const outcome = pick(outcomes);
    const p: Provision = { id: `provision-${i + 1}`, when: condition(), outcome };
    if (outcome === 'hold') p.maxHold = { hours: pick([24, 48]), excludingWeekendsAndHolidays: rnd() < 0.7 };
    list.push(p);
  }
  const perSection = 20;
  const sections = [];
  for (let s = 0; s * perSection < list.length; s++)
    sections.push({ heading: `Detainers, part ${s + 1}`, provisions: list.slice(s * perSection, (s + 1) * perSection) });
  return {
    title: `A generated ordinance of ${provisions} provisions`,
    jurisdiction: { name: 'Generated City', state: 'CT', level: 'city' },
    findings: [{ text: 'the City reserves detainers for serious offenders', aims: 'serious-offenders' }],
    definitions: [
      { term: 'violent felony', meaning: 'a violent felony', covers: [{ classes: ['felony'], categories: ['violent'] }] },
      {
        term: 'serious crime',
        meaning: 'a serious crime',
        covers: [{ classes: ['felony'], categories: ['serious', 'violent'] }, { categories: ['homicide'] }],
      },
      { term: 'serious traffic offense', meaning: 'a serious traffic offense', covers: [{ categories: ['dui', 'serious-traffic'] }] },
      { term: 'drug trafficking offense', meaning: 'drug trafficking', covers: [{ categories: ['drug-trafficking'] }] },
      { term: 'aggravated felony', meaning: 'an aggravated felony', covers: [{ classes: ['felony'], categories: ['aggravated-felony'] }] },
      { term: 'felony', meaning: 'a felony', covers: [{ classes: ['felony'] }] },
    ],
    sections,
    otherwise: 'decline',
  };
}
