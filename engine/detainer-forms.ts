// The detainer forms ICE has used and the hold each asks for (from law/): the clock the honor-all
// baseline holds by, and the form a case's detainer is taken to be when the case does not say.

import { LAW, type Authority, type DetainerFormName } from './law';
import type { MaxHold } from './model';
import { parseDate } from './time';

export interface DetainerFormClock {
  form: DetainerFormName;
  asks: ReadonlyArray<'hold' | 'notify'>;
  /** The hold the form asks for; undefined for a notice-only form. */
  hold: MaxHold | undefined;
  authority: Authority;
}

/** Every form, in the order of the case table's `detainerForm` column. */
export const DETAINER_FORMS: readonly DetainerFormClock[] = LAW.filter((a) => a.detainerForm)
  .sort((a, b) => a.detainerForm!.form.localeCompare(b.detainerForm!.form))
  .map((a) => {
    const f = a.detainerForm!;
    return {
      form: f.form,
      asks: f.asks,
      hold: f.holdHours ? { hours: f.holdHours, excludingWeekendsAndHolidays: f.excludingWeekendsAndHolidays === true } : undefined,
      authority: a,
    };
  });

/** Forms with a first day of use, latest first, as day numbers. */
const BY_START = DETAINER_FORMS.map((f, index) => ({ index, from: f.authority.detainerForm!.usedFrom }))
  .filter((x) => x.from !== undefined)
  .map((x) => ({ index: x.index, day: parseDate(x.from!) }))
  .sort((a, b) => b.day - a.day);
const OLDEST = DETAINER_FORMS.findIndex((f) => f.form === 'I-247');

/** The form in use on a day (a day number), for a case that does not name its form. */
export function detainerFormIndexOn(day: number): number {
  for (const f of BY_START) if (day >= f.day) return f.index;
  return OLDEST;
}

export function detainerFormIndex(form: DetainerFormName): number {
  return DETAINER_FORMS.findIndex((f) => f.form === form);
}
