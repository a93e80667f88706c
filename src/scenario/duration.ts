/**
 * Durations in scenario files (`advanceClock: 2h`, client timeouts): one format, and a
 * bound, so `99999999999999999999d` is a problem in the file rather than a clock past
 * the dates JavaScript can hold.
 */
import { z } from 'zod';
import { MAX_ADVANCE_MS, parseDuration } from '../../mocks/provider/clock.js';

const FORMAT = /^\d+(\.\d+)?\s*(ms|s|m|h|d)?$/;

/** A duration string (`90s`, `10m`, `2h`, `3d`, or seconds) of at most `maxMs`, named `maxLabel` in the message. */
export function durationSchema(maxMs = MAX_ADVANCE_MS, maxLabel = '100 years (36500d)') {
  return z
    .string()
    .regex(FORMAT, 'a duration such as 90s, 10m, 2h or 3d')
    .refine((v) => !FORMAT.test(v) || parseDuration(v) <= maxMs, `a duration of at most ${maxLabel}`);
}
