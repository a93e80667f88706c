/** Compare two token endpoint outcomes: status, error, and granted scope. */
import type { TokenResult } from '../../flows/token.js';

export interface Outcome {
  status: number;
  error: string | null;
  scope: string | null;
}

export function outcomeOf(r: TokenResult): Outcome {
  const scope = typeof r.body?.scope === 'string' ? r.body.scope.split(' ').filter(Boolean).sort().join(' ') : null;
  return { status: r.res.status, error: r.error ?? null, scope: r.ok ? scope : null };
}

export function sameOutcome(a: Outcome, b: Outcome): boolean {
  return a.status === b.status && a.error === b.error && a.scope === b.scope;
}
