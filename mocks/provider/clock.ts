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

/** A clock that starts at real time and only moves when told, plus the real time elapsed. */
export function createClock(start = Date.now(), followRealTime = false): Clock {
  let offset = 0;
  const realStart = Date.now();
  return {
    now: () => start + offset + (followRealTime ? Date.now() - realStart : 0),
    advance: (ms) => {
      if (!(ms >= 0)) throw new RangeError('clock can only move forward');
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
