/** How an authorization attempt ended, reduced to what the request-parameter checks compare. */
import type { AttemptOutcome } from '../../flows/attempt.js';

export type AuthorizationVerdict = { kind: 'code'; code: string } | { kind: 'error'; error: string } | { kind: 'other'; summary: string };

export function verdictOf(o: AttemptOutcome): AuthorizationVerdict {
  const code = o.response?.get('code');
  if (code) return { kind: 'code', code };
  const error = o.response?.get('error');
  if (error) return { kind: 'error', error };
  return { kind: 'other', summary: o.summary };
}

export function describeVerdict(v: AuthorizationVerdict): string {
  return v.kind === 'code' ? 'a code' : v.kind === 'error' ? `error=${v.error}` : v.summary;
}
