// Numbers as every face prints them, so the app, the reports and the command line never show one
// figure three ways: thousands separated, whole hours, money in whole dollars, shares in percent,
// differences signed with a true minus sign.

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 0 });
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/** 10,000 */
export function count(n: number): string {
  return whole.format(n);
}

/** 332,317 (whole hours, as money is whole dollars: a committee reads totals, not tenths) */
export function hours(n: number): string {
  return whole.format(n);
}

/** $1,980,054 (whole dollars) */
export function money(n: number): string {
  return n < 0 ? `−${dollars.format(-n)}` : dollars.format(n);
}

/** 43.1% (under a tenth of a percent: <0.1%) */
export function share(part: number, total: number): string {
  if (total === 0) return '0%';
  const p = (100 * part) / total;
  return `${p > 0 && p < 0.1 ? '<0.1' : oneDecimal.format(p)}%`;
}

/** +12, −$3,400, ±0: a difference, with a true minus sign. */
export function signed(n: number, format: (x: number) => string = count): string {
  if (n === 0) return '±0';
  return n > 0 ? `+${format(n)}` : `−${format(-n)}`;
}
