import type { ProviderContext } from './context.js';

/** Splits a scope parameter with the provider's delimiter (a comma provider also takes spaces). */
export function parseScopes(ctx: ProviderContext, value: string | null | undefined): string[] {
  if (!value) return [];
  const parts = value.split(ctx.switches.scopes.delimiter === ',' ? COMMA_OR_SPACE : SPACE);
  // Empty parts and repeats are dropped, first occurrence kept. Usually there are none:
  // then the split array is the answer, without filter + Set + spread per token request.
  let clean = parts.length <= 32;
  for (let i = 0; clean && i < parts.length; i++) clean = parts[i] !== '' && parts.indexOf(parts[i]!) === i;
  return clean ? parts : [...new Set(parts.filter(Boolean))];
}

const SPACE = / +/;
const COMMA_OR_SPACE = /[ ,]+/;

/** Keeps the order of `a`, dropping what `allowed` does not contain (empty `allowed` = everything). */
export function within(a: string[], allowed: string[]): string[] {
  return allowed.length === 0 ? a : a.filter((s) => allowed.includes(s));
}
