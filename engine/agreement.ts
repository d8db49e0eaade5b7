// Which provisions can apply only with, or only without, a written reimbursement agreement: a run's
// setting (the app's box, a scenario's reimbursementAgreement, --reimbursement) then keeps them from
// every case, whatever the set holds. The Simulation view and the impact report say so where no case
// reached such a provision, instead of a guess about earlier provisions or the set.
import type { Condition, Ordinance } from './model';

/** The value of `reimbursementAgreement` a condition needs to hold, when every way it can hold needs the same one. */
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

/** Of the provisions named (by id), those the agreement setting keeps from applying to any case. */
export function keptOutByAgreement(ordinance: Ordinance | null | undefined, ids: readonly string[], agreementInForce: boolean): string[] {
  const whenOf = new Map<string, Condition | undefined>();
  for (const s of ordinance?.sections ?? []) for (const p of s.provisions ?? []) whenOf.set(p.id, p.when);
  return ids.filter((id) => {
    const needs = requiredAgreement(whenOf.get(id));
    return needs !== undefined && needs !== agreementInForce;
  });
}

/** Whether any provision's condition turns on a written reimbursement agreement (the Simulation view's box then can change a decision). */
export function readsAgreement(ordinance: Ordinance | null | undefined): boolean {
  const reads = (c: Condition | undefined): boolean =>
    !!c &&
    ('reimbursementAgreement' in c ||
      ('all' in c && c.all.some(reads)) ||
      ('any' in c && c.any.some(reads)) ||
      ('not' in c && reads(c.not)));
  return (ordinance?.sections ?? []).some((s) => (s.provisions ?? []).some((p) => reads(p.when)));
}
