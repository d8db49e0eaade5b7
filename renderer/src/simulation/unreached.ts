// The Simulation view's notice of the provisions no case reached: each named as the coverage table
// names it (its section and heading, not its id), and, where the provision can apply only with the
// written reimbursement agreement the run's setting leaves out (or only without the one it puts in),
// that reason and the setting that changes it, instead of a guess about earlier provisions or the set.
import {
  joinWords,
  keptOutByAgreement,
  provisionName,
  type NameableProvision,
  type Ordinance,
  type ProvisionRef,
} from '../../../engine/vocabulary';

/** The notice's words, or null when every provision decided some case. */
export function unreachedWords(
  unreached: readonly string[],
  provisions: readonly ProvisionRef[],
  ordinance: Ordinance | null,
  agreementInForce: boolean,
): string | null {
  if (!unreached.length) return null;
  const refs: NameableProvision[] = unreached.map((id) => provisions.find((p) => p.id === id) ?? { id, citation: '' });
  const kept = keptOutByAgreement(ordinance, unreached, agreementInForce);
  const bySetting = refs.filter((p) => kept.includes(p.id));
  const rest = refs.filter((p) => !bySetting.includes(p));
  const label = (ps: NameableProvision[]) =>
    joinWords(
      ps.map((p) => provisionName(p)),
      'and',
    );
  const sentences: string[] = [];
  if (bySetting.length) {
    const it = bySetting.length === 1 ? 'it applies' : 'they apply';
    sentences.push(
      agreementInForce
        ? `No case in this set reached ${label(bySetting)}: ${it} only where no written reimbursement agreement is in force, and this run has one (“Written reimbursement agreement in force” is ticked above); untick it to see ${bySetting.length === 1 ? 'its' : 'their'} cases.`
        : `No case in this set reached ${label(bySetting)}: ${it} only while a written reimbursement agreement is in force, and this run has none; tick “Written reimbursement agreement in force” above to see ${bySetting.length === 1 ? 'its' : 'their'} cases.`,
    );
  }
  if (rest.length)
    sentences.push(
      `No case in this set reached ${label(rest)}: an earlier provision decides every case ${rest.length === 1 ? 'it' : 'they'} would, or the set has no such case.`,
    );
  return sentences.join(' ');
}
