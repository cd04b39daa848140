/**
 * Money in fen 分 (integer hundredths of a yuan), so sums are exact.
 *
 * Rounding rule, used everywhere an amount is divided: to the nearest fen,
 * halves away from zero (for the positive amounts of this domain: half up,
 * 四舍五入). Amounts entered in yuan with more than two decimals are rounded
 * the same way when they are converted.
 */
export type Fen = number;

export function yuanToFen(yuan: number): Fen {
  if (!Number.isFinite(yuan)) throw new RangeError(`not an amount: ${yuan}`);
  const scaled = Math.abs(yuan) * 100;
  // 1e-7 absorbs binary representation error (19.99 * 100 = 1998.9999999999998).
  const fen = Math.floor(scaled + 0.5 + 1e-7);
  return yuan < 0 ? -fen : fen;
}

export function fenToYuan(fen: Fen): number {
  return fen / 100;
}

/** `numerator ÷ denominator` rounded to an integer, halves away from zero. Exact for safe integers. */
export function divideRounded(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError(`cannot divide ${numerator} by ${denominator}`);
  }
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const quotient = Math.floor(n / d);
  const remainder = n - quotient * d;
  const rounded = remainder * 2 >= d ? quotient + 1 : quotient;
  return sign < 0 ? -rounded : rounded;
}

/** `9480.5` yuan in fen → `"9,480.50"`: two decimals, thousands grouped by commas. */
export function formatFen(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs - yuan * 100;
  return `${sign}${groupThousands(yuan)}.${String(cents).padStart(2, '0')}`;
}

/** A threshold in yuan: `10800` → `"10,800"`; a fractional one keeps two decimals. */
export function formatYuan(yuan: number): string {
  return Number.isInteger(yuan) ? `${yuan < 0 ? '-' : ''}${groupThousands(Math.abs(yuan))}` : formatFen(yuanToFen(yuan));
}

function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
