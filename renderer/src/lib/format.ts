// Numbers as a committee reads them: thousands separated, money in dollars, shares in percent.

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 0 });
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export function count(n: number): string {
  return whole.format(n);
}

export function hours(n: number): string {
  return oneDecimal.format(n);
}

export function money(n: number): string {
  return dollars.format(n);
}

export function share(part: number, total: number): string {
  if (total === 0) return '0%';
  const p = (100 * part) / total;
  return `${p > 0 && p < 0.1 ? '<0.1' : oneDecimal.format(p)}%`;
}

export function signed(n: number, format: (x: number) => string = count): string {
  if (n === 0) return '±0';
  return n > 0 ? `+${format(n)}` : `−${format(-n)}`;
}

export function milliseconds(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
