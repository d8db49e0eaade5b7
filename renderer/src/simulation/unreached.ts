// The Simulation view's notice of the provisions no case reached: each named as the coverage table
// names it (its section and heading, not its id), and, where the provision can apply only with the
// written reimbursement agreement the run's setting leaves out (or only without the one it puts in),
// that reason and the setting that changes it, instead of a guess about earlier provisions or the set.
import type { Condition, Ordinance, ProvisionRef } from '../../../engine/vocabulary';

const joinAnd = (w: readonly string[]) => (w.length <= 2 ? w.join(' and ') : `${w.slice(0, -1).join(', ')}, and ${w.at(-1)}`);

/** The value of `reimbursementAgreement` a condition needs to hold, when every way it can hold needs one. */
export function requiredAgreement(cond: Condition | undefined): boolean | undefined {
  if (!cond) return undefined;
  if ('reimbursementAgreement' in cond) return cond.reimbursementAgreement;
  if ('all' in cond) {
    for (const c of cond.all) {
      const v = requiredAgreement(c);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  if ('any' in cond) {
    const each = cond.any.map(requiredAgreement);
    return each.length && each.every((v) => v === each[0]) ? each[0] : undefined;
  }
  if ('not' in cond && 'reimbursementAgreement' in cond.not) return !cond.not.reimbursementAgreement;
  return undefined;
}

const name = (p: ProvisionRef) => `${p.citation} ${p.heading ?? p.id}`;

/** The notice's words, or null when every provision decided some case. */
export function unreachedWords(
  unreached: readonly string[],
  provisions: readonly ProvisionRef[],
  ordinance: Ordinance | null,
  agreementInForce: boolean,
): string | null {
  if (!unreached.length) return null;
  const whenOf = new Map<string, Condition | undefined>();
  for (const s of ordinance?.sections ?? []) for (const p of s.provisions ?? []) whenOf.set(p.id, p.when);
  const refs = unreached.map((id) => provisions.find((p) => p.id === id) ?? { id, citation: '', outcome: 'decline' as const });
  const bySetting = refs.filter((p) => {
    const needs = requiredAgreement(whenOf.get(p.id));
    return needs !== undefined && needs !== agreementInForce;
  });
  const rest = refs.filter((p) => !bySetting.includes(p));
  const label = (ps: ProvisionRef[]) => joinAnd(ps.map((p) => name(p).trim()));
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
