// Dates and hold arithmetic in local wall-clock time: day numbers, minutes, U.S. federal holidays,
// and the U.S. time zones with their daylight-saving rules (both from law/).
//
// Booking times are local time without a zone. Arithmetic is done on wall-clock minutes since
// 1970-01-01T00:00. When the jurisdiction names its time zone, a hold counted in calendar hours counts
// the hours that pass (48 hours across the night the clocks go back end one wall-clock hour earlier);
// without a zone, wall-clock hours are counted.

import { federalWith, type HolidayRule } from './law';

export const MINUTES_PER_DAY = 1440;

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The first minute no booking record's date and time may reach: 2200-01-01T00:00. A case's times are
 * kept as minutes in 32 bits (to the year 6053); a later one would wrap round to an earlier century.
 * No real booking, release or request is dated so late, but exports use 9999-12-31 (and the like) for
 * "no date": such a time is refused, saying so, never read.
 */
export const RECORD_MINUTES_END = daysFromCivil(2200, 1, 1) * MINUTES_PER_DAY;

/** The problem of a date and time at or after RECORD_MINUTES_END, said after the value itself. */
export const PAST_RECORD_DATES =
  'is after 2199, later than any real record (an export\'s placeholder for "no date"?): give the real date, or leave it out or mark it unknown where the case format allows';

export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

export function civilFromDays(days: number): CivilDate {
  const p = packedCivilFromDays(days);
  return { y: Math.floor(p / 512), m: (p >> 5) & 15, d: p & 31 };
}

/**
 * The calendar date of a day number packed as `y * 512 + m * 32 + d`, with no object made: bulk
 * preparation and the case table call it millions of times. Integer order is date order.
 */
export function packedCivilFromDays(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (era * 400 + yoe + (m <= 2 ? 1 : 0)) * 512 + m * 32 + d;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Day number of a YYYY-MM-DD date, or NaN when it is not a real date. */
export function parseDate(text: string): number {
  const m = DATE_RE.exec(text);
  if (!m) return NaN;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  return daysFromCivil(y, mo, d);
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/**
 * Why a date (`time` false: YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM[:SS]) written in the right
 * form is not a real one: "is not a real date (February has no 30th)". Undefined when the text is
 * real, or not in that form at all (its form is then the problem to name).
 */
export function unrealDateProblem(text: string, time: boolean): string | undefined {
  const m = (time ? DATE_TIME_RE : DATE_RE).exec(text);
  if (!m) return undefined;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  if (mo < 1 || mo > 12) return `is not a real date (there is no month ${mo})`;
  if (d < 1) return `is not a real date (there is no day ${d})`;
  if (d > daysInMonth(y, mo)) {
    return mo === 2 && d === 29
      ? `is not a real date (${y} is not a leap year: February has no 29th)`
      : `is not a real date (${MONTH_NAMES[mo - 1]} has no ${ordinal(d)})`;
  }
  if (m[4] !== undefined && +m[4] > 23) return `is not a real time of day (hours run from 00 to 23, not ${m[4]})`;
  if (m[5] !== undefined && +m[5] > 59) return `is not a real time of day (minutes run from 00 to 59, not ${m[5]})`;
  if (m[6] !== undefined && +m[6] > 59) return `is not a real time of day (seconds run from 00 to 59, not ${m[6]})`;
  return undefined;
}

/** Minutes since 1970-01-01T00:00 of a local date or date-time, or NaN when it is not real. */
export function parseDateTime(text: string): number {
  const m = DATE_TIME_RE.exec(text);
  if (!m) return NaN;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  const h = m[4] === undefined ? 0 : +m[4];
  const mi = m[5] === undefined ? 0 : +m[5];
  const s = m[6] === undefined ? 0 : +m[6];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return NaN;
  return daysFromCivil(y, mo, d) * MINUTES_PER_DAY + h * 60 + mi;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatDate(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** ISO 8601 local time to the minute: YYYY-MM-DDTHH:MM. */
export function formatDateTime(minutes: number): string {
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  const rest = minutes - days * MINUTES_PER_DAY;
  return `${formatDate(days)}T${pad(Math.floor(rest / 60))}:${pad(rest % 60)}`;
}

/**
 * The first day of a window of `years` years ending on `days`: the same month and day `years`
 * earlier. When that day does not exist (29 February in a common year) the window starts on 1 March,
 * so the window is never longer than the years it names.
 */
export function yearsBefore(days: number, years: number): number {
  const { y, m, d } = civilFromDays(days);
  return yearsBeforeCivil(y, m, d, years);
}

export function yearsBeforeCivil(y: number, m: number, d: number, years: number): number {
  const ty = y - years;
  if (m === 2 && d === 29 && daysInMonth(ty, 2) === 28) return daysFromCivil(ty, 3, 1);
  return daysFromCivil(ty, m, d);
}

// ---- U.S. federal holidays (5 U.S.C. 6103, from law/), observed dates ----

function nthWeekday(y: number, m: number, weekday: number, n: number): number {
  const first = daysFromCivil(y, m, 1);
  const offset = (weekday - dayOfWeek(first) + 7) % 7;
  return first + offset + (n - 1) * 7;
}

function lastWeekday(y: number, m: number, weekday: number): number {
  const last = daysFromCivil(y, m, daysInMonth(y, m));
  return last - ((dayOfWeek(last) - weekday + 7) % 7);
}

/** The day of an "nth weekday of the month" rule (nth -1: the last one). */
function ruleDay(y: number, rule: { month: number; weekday: number; nth: number }): number {
  return rule.nth === -1 ? lastWeekday(y, rule.month, rule.weekday) : nthWeekday(y, rule.month, rule.weekday, rule.nth);
}

/** A fixed-date holiday moves to Friday when it falls on Saturday and to Monday on Sunday. */
function observed(days: number): number {
  const w = dayOfWeek(days);
  return w === 6 ? days - 1 : w === 0 ? days + 1 : days;
}

export interface Holiday {
  day: number;
  name: string;
  /** The day (a day number) the law making it a holiday took effect, where that was in this year. */
  inForceFrom?: number;
}

const HOLIDAY_STATUTE = federalWith('holidayRules');
const HOLIDAY_RULES: readonly HolidayRule[] = HOLIDAY_STATUTE.holidayRules!;
/** The statute the federal holidays come from, for the words that name it. */
export const FEDERAL_HOLIDAYS_CITATION = HOLIDAY_STATUTE.citations[0]!.cite;

/** The observed U.S. federal holidays of a year (New Year's Day may be observed on 31 December before). */
export function federalHolidays(y: number): Holiday[] {
  const list: Holiday[] = [];
  for (const r of HOLIDAY_RULES) {
    if ((r.fromYear !== undefined && y < r.fromYear) || (r.untilYear !== undefined && y > r.untilYear)) continue;
    const day =
      r.day !== undefined ? observed(daysFromCivil(y, r.month, r.day)) : ruleDay(y, { month: r.month, weekday: r.weekday!, nth: r.nth! });
    const from = r.inForceFrom === undefined ? NaN : parseDate(r.inForceFrom);
    if (Number.isNaN(from) || civilFromDays(from).y !== y) {
      list.push({ day, name: r.name });
      continue;
    }
    // The first year of a holiday made by a law that took effect that year: not a holiday before the
    // law (Juneteenth, in force June 17, 2021, observed Friday June 18, 2021, since the 19th was a Saturday).
    if (day >= from) list.push({ day, name: r.name, inForceFrom: from });
  }
  return list.sort((a, b) => a.day - b.day);
}

/** Answers "is this day a holiday" for a holiday calendar, caching each year's days. */
export class HolidayCalendar {
  private readonly byYear = new Map<number, Map<number, string>>();
  private readonly extra = new Map<number, string>();

  constructor(
    private readonly federal: boolean,
    extraDays: readonly number[] = [],
  ) {
    for (const d of extraDays) this.extra.set(d, 'holiday');
  }

  static fromSetting(setting: 'us-federal' | 'none' | readonly string[] | undefined): HolidayCalendar {
    if (setting === 'none') return new HolidayCalendar(false);
    if (Array.isArray(setting))
      return new HolidayCalendar(
        true,
        setting.map(parseDate).filter((d) => !Number.isNaN(d)),
      );
    return new HolidayCalendar(true);
  }

  /** Whether two calendars are set alike (so they leave out the same days); false when unsure. */
  sameSettingAs(other: HolidayCalendar): boolean {
    if (this.federal !== other.federal || this.extra.size !== other.extra.size) return false;
    for (const d of this.extra.keys()) if (!other.extra.has(d)) return false;
    return true;
  }

  /** The holiday's name, or undefined on a working day. */
  holidayName(days: number): string | undefined {
    const extra = this.extra.get(days);
    if (extra) return extra;
    if (!this.federal) return undefined;
    const { y } = civilFromDays(days);
    // New Year's Day of the next year can be observed on 31 December.
    return this.year(y).get(days) ?? this.year(y + 1).get(days);
  }

  isHoliday(days: number): boolean {
    return this.holidayName(days) !== undefined;
  }

  private year(y: number): Map<number, string> {
    let days = this.byYear.get(y);
    if (!days) {
      days = new Map(federalHolidays(y).map((h) => [h.day, h.name]));
      this.byYear.set(y, days);
    }
    return days;
  }
}

export function isWeekend(days: number): boolean {
  const w = dayOfWeek(days);
  return w === 0 || w === 6;
}

/** Answers whether a day (a day number) is a Saturday, a Sunday or a holiday. */
export interface OffDays {
  isOffDay(days: number): boolean;
}

/** Weekends and the holidays of a calendar. */
export function offDaysOf(calendar: HolidayCalendar): OffDays {
  return { isOffDay: (d) => isWeekend(d) || calendar.isHoliday(d) };
}

/**
 * When a hold that starts at `start` (minutes) and lasts `hours` ends. Excluding weekends and
 * holidays, only hours on working days are counted (8 CFR 287.7(d)): a hold that starts on a
 * Saturday starts counting on the next working day at midnight.
 */
export function holdEnd(
  start: number,
  hours: number,
  excludeWeekendsAndHolidays: boolean,
  calendar: HolidayCalendar | OffDays,
  zone?: TimeZone,
): number {
  // Clocks change only on Sundays (15 U.S.C. 260a), which a hold excluding weekends never counts.
  if (!excludeWeekendsAndHolidays) return zone ? addElapsedMinutes(zone, start, hours * 60) : start + hours * 60;
  const off = calendar instanceof HolidayCalendar ? offDaysOf(calendar) : calendar;
  let t = start;
  let remaining = hours * 60;
  // Bounded: every 7 days hold at least one working day, and the hours are bounded by the schema.
  for (let guard = 0; guard < 100000; guard++) {
    const day = Math.floor(t / MINUTES_PER_DAY);
    const dayEnd = (day + 1) * MINUTES_PER_DAY;
    if (off.isOffDay(day)) {
      t = dayEnd;
      continue;
    }
    const available = dayEnd - t;
    if (remaining <= available) return t + remaining;
    remaining -= available;
    t = dayEnd;
  }
  return t;
}

// ---- time zones and daylight saving time (15 U.S.C. 260a, from law/) ----

export interface TimeZone {
  name: string;
  label: string;
  /** Minutes east of UTC in standard time (negative in the United States). */
  standard: number;
  dst: boolean;
}

const TIME_STATUTE = federalWith('daylightSaving');
const DST_RULES = TIME_STATUTE.daylightSaving!;

/** The time zones a jurisdiction can name. */
export const TIME_ZONES: readonly TimeZone[] = TIME_STATUTE.timeZones!.map((z) => ({
  name: z.name,
  label: z.label,
  standard: z.standardOffsetMinutes,
  dst: z.noDst !== true,
}));

export function timeZone(name: string | undefined): TimeZone | undefined {
  return name === undefined ? undefined : TIME_ZONES.find((z) => z.name === name);
}

const ZONE_REGULATION = federalWith('zoneStates');

/** A zone a state lies in, wholly or in part, with the section of the regulation that says so. */
export interface StateZone {
  zone: TimeZone;
  wholly: boolean;
  section: string;
  cite: string;
}

/**
 * The zones a jurisdiction of a state (postal code) can name, from the time zone regulation: those
 * covering the whole state first, then those covering part of it. Empty for a state in no zone the
 * time statute lists (Guam, American Samoa) or an unknown code.
 */
export function zonesOfState(state: string): StateZone[] {
  const cite = ZONE_REGULATION.citations[0]!.cite;
  const out: StateZone[] = [];
  for (const wholly of [true, false])
    for (const z of ZONE_REGULATION.zoneStates!) {
      const zone = timeZone(z.zone);
      if (zone && (wholly ? z.states : (z.partly ?? [])).includes(state)) out.push({ zone, wholly, section: z.section, cite });
    }
  return out;
}

/** The sections that put a state in its zones, as findings and the form cite them: "49 C.F.R. 71.6, 71.8". */
export function zonesCitation(zones: readonly StateZone[]): string {
  return `${zones[0]!.cite.replace(/ part \d+$/, '')} ${[...new Set(zones.map((z) => z.section))].join(', ')}`;
}

/** A state's zones as a choice: "Central (America/Chicago) or Mountain (America/Denver)". */
export function zonesAsChoice(zones: ReadonlyArray<{ zone: Pick<TimeZone, 'label' | 'name'> }>): string {
  const each = zones.map((z) => `${z.zone.label} (${z.zone.name})`);
  return each.length <= 2 ? each.join(' or ') : `${each.slice(0, -1).join(', ')} or ${each[each.length - 1]}`;
}

const dstCache = new Map<number, { start: number; end: number } | null>();

/**
 * Daylight saving time of a year as local wall-clock minutes: clocks jump from `start` (2:00 standard
 * time) to an hour later, and go back from `end` (2:00 daylight time) to an hour earlier. Null in a
 * year no rule covers.
 */
export function daylightSavingOf(y: number): { start: number; end: number } | null {
  let v = dstCache.get(y);
  if (v === undefined) {
    const r = DST_RULES.find((x) => y >= x.fromYear && (x.untilYear === undefined || y <= x.untilYear));
    v = r
      ? {
          start: ruleDay(y, r.start) * MINUTES_PER_DAY + r.start.hour * 60,
          end: ruleDay(y, r.end) * MINUTES_PER_DAY + r.end.hour * 60,
        }
      : null;
    dstCache.set(y, v);
  }
  return v;
}

/** Minutes since 1970 in UTC of a local wall-clock time. A time the clocks skip counts as standard time (so 2:30 is 3:30 daylight time); a time that occurs twice is taken the first time. */
export function utcOfLocal(zone: TimeZone, local: number): number {
  if (zone.dst) {
    const d = daylightSavingOf(civilFromDays(Math.floor(local / MINUTES_PER_DAY)).y);
    if (d && local >= d.start + 60 && local < d.end) return local - zone.standard - 60;
  }
  return local - zone.standard;
}

/** The local wall-clock time of a UTC time (minutes since 1970). */
export function localOfUtc(zone: TimeZone, utc: number): number {
  const standard = utc + zone.standard;
  if (zone.dst) {
    const d = daylightSavingOf(civilFromDays(Math.floor(standard / MINUTES_PER_DAY)).y);
    // In standard-time terms daylight time runs from 2:00 on the first day to 1:00 on the last.
    if (d && standard >= d.start && standard < d.end - 60) return standard + 60;
  }
  return standard;
}

/** The local time `minutes` of elapsed time after a local time. */
export function addElapsedMinutes(zone: TimeZone, local: number, minutes: number): number {
  return localOfUtc(zone, utcOfLocal(zone, local) + minutes);
}
