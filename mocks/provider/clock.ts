/**
 * Virtual time shared by the provider and the client under test, so expiry is tested
 * without waiting. `advance()` moves both at once.
 */
export interface Clock {
  /** Milliseconds since the epoch, on this clock. */
  now(): number;
  /** Moves the clock forward. */
  advance(ms: number): void;
}

/** The most the clock moves in one step: 100 years (scenarios and the admin API are held to it). */
export const MAX_ADVANCE_MS = 100 * 365 * 86_400_000;

/** The last moment a `Date` can hold (ECMAScript §21.4.1.1), less a century of margin for lifetimes added to it. */
const LAST_MOMENT = 8.64e15 - 2 * MAX_ADVANCE_MS;

/**
 * A clock that starts at real time and only moves when told, plus the real time
 * elapsed. A step that is negative, not a number, longer than 100 years, or past the
 * dates JavaScript can hold throws a `RangeError` and leaves the clock where it was.
 */
export function createClock(start = Date.now(), followRealTime = false): Clock {
  let offset = 0;
  const realStart = Date.now();
  const now = () => start + offset + (followRealTime ? Date.now() - realStart : 0);
  return {
    now,
    advance: (ms) => {
      if (!(ms >= 0)) throw new RangeError('clock can only move forward');
      if (!(ms <= MAX_ADVANCE_MS)) throw new RangeError('the clock moves at most 100 years at a time');
      if (!(now() + ms <= LAST_MOMENT)) throw new RangeError('the clock cannot move past the dates JavaScript can represent');
      offset += ms;
    },
  };
}

/** Parses `90s`, `10m`, `2h`, `3d` or a number of seconds into milliseconds. */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') return value * 1000;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(value.trim());
  if (!m) throw new RangeError(`not a duration: "${value}" (use e.g. 90s, 10m, 2h, 3d)`);
  const n = Number(m[1]);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] ?? 's']!;
  return n * unit;
}
