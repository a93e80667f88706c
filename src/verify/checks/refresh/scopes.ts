/** The scope sets the refresh rows use: S0 (granted), a narrower subset, and an extra scope. */
import { skipNow } from '../../check.js';
import type { CheckContext } from '../../context.js';

/** S0 as configured (`scopes.refresh`), split. */
export function s0(ctx: CheckContext): string[] {
  return (ctx.config.scopes.refresh ?? ctx.config.scopes.default ?? '').split(' ').filter(Boolean);
}

/** A strict subset of S0 (S0 minus its last scope); skips when S0 has fewer than two scopes. */
export function narrowScope(ctx: CheckContext): string[] {
  const all = s0(ctx);
  if (all.length < 2) skipNow('needs scopes.refresh with at least two scopes');
  return all.slice(0, -1);
}
