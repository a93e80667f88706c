/**
 * Sharing the scenario's clock with an external client. The harness moves the mock's
 * clock with `advanceClock`; an external program reads the system clock. With Debian's
 * libfaketime the program is started with its clock moved by the same amount, so a
 * library that refreshes before expiry sees the expiry the provider sees. Only loaded
 * once the clock has moved: programs run untouched otherwise.
 */
import { existsSync, writeFileSync } from 'node:fs';

const CANDIDATES = [
  process.env.OAUTH_HARNESS_LIBFAKETIME,
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
  '/usr/local/lib/faketime/libfaketime.so.1',
];

let found: string | null | undefined;

/** The libfaketime library, or null when it is not installed (`apt-get install libfaketime`). */
export function libfaketime(): string | null {
  if (found === undefined) found = CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;
  return found;
}

/** Whole seconds the scenario clock is ahead of the system clock. */
export function clockOffsetSeconds(now: number): number {
  return Math.round((now - Date.now()) / 1000);
}

const signed = (s: number) => (s >= 0 ? `+${s}` : String(s));

function preload(lib: string): Record<string, string> {
  const existing = process.env.LD_PRELOAD;
  return { LD_PRELOAD: existing ? `${lib}:${existing}` : lib, FAKETIME_DONT_FAKE_MONOTONIC: '1', DONT_FAKE_MONOTONIC: '1' };
}

/** Environment that starts a program at the scenario's time; `{}` when the clocks agree or libfaketime is missing. */
export function clockEnv(now: number): Record<string, string> {
  const offset = clockOffsetSeconds(now);
  const lib = libfaketime();
  if (offset === 0 || !lib) return {};
  return { ...preload(lib), FAKETIME: signed(offset) };
}

/** For a long-running client (web): the clock follows a file the harness rewrites on every step. */
export function clockFileEnv(file: string, now: number): Record<string, string> {
  const lib = libfaketime();
  if (!lib) return {};
  writeClockFile(file, now);
  return { ...preload(lib), FAKETIME_TIMESTAMP_FILE: file, FAKETIME_NO_CACHE: '1' };
}

export function writeClockFile(file: string, now: number): void {
  writeFileSync(file, `${signed(clockOffsetSeconds(now))}\n`);
}
