// Numbers as a committee reads them: the engine's formats (engine/numbers.ts), shared with the reports,
// plus the short forms a sentence uses.

import { count, hours, money, share, signed } from '../../../engine/vocabulary';

export { count, hours, money, share, signed };

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

/** Money for a sentence: "$3.8M" from a million up, else whole dollars. */
export function moneyShort(n: number): string {
  if (Math.abs(n) < 1_000_000) return money(n);
  const m = Math.round(n / 100_000) / 10;
  return `$${oneDecimal.format(m)}M`;
}

export function milliseconds(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
