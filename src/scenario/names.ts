/**
 * The names a scenario file refers to (diagnosis and verdict ids, endpoint names,
 * warning codes), as zod enums whose errors name the valid values, so a typo is a
 * `file:line:col` error instead of a check that silently never matches.
 */
import { z } from 'zod';
import { WARNING_CODES } from './warning-codes.js';
import { DIAGNOSIS_IDS } from './diagnosis-ids.js';
import { VERDICT_IDS } from './verdict-ids.js';

/** Endpoint names the mock records exchanges under (`request.endpoint`); `unknown`: a path the provider does not serve (a wrong URL). */
export const ENDPOINT_NAMES = ['authorize', 'decision', 'token', 'revocation', 'introspection', 'userinfo', 'api', 'discovery', 'jwks', 'unknown'] as const;

/** The closest value, when it is close enough to be the one meant. */
function closest(input: string, values: readonly string[]): string | undefined {
  const extended = values.filter((v) => v.startsWith(input) || input.startsWith(v));
  if (extended.length === 1) return extended[0];
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(input.length / 4)) + 1;
  for (const v of values) {
    const d = distance(input, v);
    if (d < bestDistance) [best, bestDistance] = [v, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** `unknown verdict "refreshd" (did you mean refreshed?); verdicts: a, b, …`. */
export function unknownName(what: string, input: unknown, values: readonly string[], plural = `${what}s`): string {
  const guess = typeof input === 'string' ? closest(input, values) : undefined;
  return `unknown ${what} ${JSON.stringify(input)}${guess ? ` (did you mean ${guess}?)` : ''}; ${plural}: ${values.join(', ')}`;
}

/** A zod enum whose error names the valid values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string, plural?: string) {
  return z.enum(values, { error: (iss) => (iss.input === undefined ? undefined : unknownName(what, iss.input, values, plural)) });
}

export const diagnosisId = oneOf(DIAGNOSIS_IDS, 'diagnosis', 'diagnoses');
export const endpointName = oneOf(ENDPOINT_NAMES, 'endpoint');

/** The message for keys of an object that is a map of names (`verdicts:`), or undefined for an ordinary object. */
export function unknownKeysMessage(path: readonly PropertyKey[], keys: string[]): string | undefined {
  if (path.length === 1 && path[0] === 'verdicts') return keys.map((k) => unknownName('verdict', k, VERDICT_IDS)).join('; ');
  return undefined;
}

/** Warning codes the reference client raises (an external client may raise its own). */
export const KNOWN_WARNING_CODES: readonly string[] = [...WARNING_CODES, 'clock-not-shared'];
