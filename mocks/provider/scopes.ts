import type { ProviderContext } from './context.js';

/** Splits a scope parameter with the provider's delimiter (a comma provider also takes spaces). */
export function parseScopes(ctx: ProviderContext, value: string | null | undefined): string[] {
  if (!value) return [];
  const re = ctx.switches.scopes.delimiter === ',' ? /[ ,]+/ : / +/;
  return [...new Set(value.split(re).filter(Boolean))];
}

/** Keeps the order of `a`, dropping what `allowed` does not contain (empty `allowed` = everything). */
export function within(a: string[], allowed: string[]): string[] {
  return allowed.length === 0 ? a : a.filter((s) => allowed.includes(s));
}
