/** Small statistics helpers for the bench. */

/** The median (mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (!values.length) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The element whose `key` is the median (the lower middle one for an even count). */
export function medianBy<T>(items: T[], key: (t: T) => number): T | undefined {
  const s = [...items].sort((a, b) => key(a) - key(b));
  return s[(s.length - 1) >> 1];
}

/** Rounds to `digits` decimals. */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
