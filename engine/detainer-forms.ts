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

/** BY_START as two flat lists (first day, form index): read for every case of an import that names no form. */
const START_DAYS = BY_START.map((f) => f.day);
const START_FORMS = BY_START.map((f) => f.index);

/** The form in use on a day (a day number), for a case that does not name its form. */
export function detainerFormIndexOn(day: number): number {
  // An indexed loop, not for...of: until the import's code is optimized (its first thousands of
  // cases), an iterator per call cost more than the rest of writing the case.
  for (let k = 0; k < START_DAYS.length; k++) if (day >= START_DAYS[k]!) return START_FORMS[k]!;
  return OLDEST;
}

export function detainerFormIndex(form: DetainerFormName): number {
  return DETAINER_FORMS.findIndex((f) => f.form === form);
}
