/**
 * An API call needs a scope the access token lacks (docs/behaviours.md §4; RFC 6750 §3.1):
 * 403 `insufficient_scope` in the Bearer challenge or the body, Google's
 * ACCESS_TOKEN_SCOPE_INSUFFICIENT, or GitHub's `X-Accepted-OAuth-Scopes` not covered by
 * `X-OAuth-Scopes`. Names the scope needed and the scopes the token carries.
 */
import { getHeader } from '../observe/wire.js';
import type { Exchange } from '../results/model.js';
import type { Diagnosis } from './diagnosis.js';
import { bearerOf, describe, errorOf, kindOf, list, quote, splitScopes, tokenGrants, tokenScopes } from './traffic.js';

const TEXT = /insufficient[_ ](?:authentication )?scopes?|ACCESS_TOKEN_SCOPE_INSUFFICIENT|insufficient privileges|missing (?:required )?scopes?|requires? (?:the )?(?:scope|permission)/i;

/** The scopes the token used on an API call carries, from the token response that issued it. */
function heldScopes(all: Exchange[], e: Exchange): string[] | undefined {
  const token = bearerOf(e);
  const grant = token ? tokenGrants(all).find((g) => g.ok && g.body.access_token === token) : undefined;
  return grant ? tokenScopes(all, grant) : undefined;
}

export const insufficientScope: Diagnosis = {
  id: 'insufficient-scope',
  level: 'error',
  title: 'The access token lacks a scope the API call needs',
  specRef: 'RFC 6750 §3.1',
  fix: [
    "Add the needed scope to the integration's scopes (and allow it for the app at the provider if the registration lists scopes).",
    'Revoke the old token, delete the stored connection and connect again: a token never gains scopes after it was issued.',
    'If the user unticked the permission at consent, ask them to grant it when connecting again.',
  ],
  detect({ exchanges }) {
    let found: { e: Exchange; needed: string[]; detail: string } | undefined;
    const evidence: number[] = [];
    for (const e of exchanges) {
      if (kindOf(e) !== 'api' || (e.response.status !== 403 && e.response.status !== 401 && e.response.status !== 404)) continue;
      const err = errorOf(e.response);
      const challenge = getHeader(e.response.headers, 'www-authenticate') ?? '';
      const accepted = getHeader(e.response.headers, 'x-accepted-oauth-scopes');
      const held = getHeader(e.response.headers, 'x-oauth-scopes');
      const github = accepted !== undefined && held !== undefined && splitScopes(accepted).length > 0 && !splitScopes(accepted).some((s) => splitScopes(held).includes(s));
      if (err?.code !== 'insufficient_scope' && !TEXT.test(err?.text ?? '') && !github) continue;
      const fromChallenge = /scope="([^"]*)"/.exec(challenge)?.[1];
      const quoted = /"([^"\s]+)" scope|scope "([^"\s]+)"/.exec(err?.text ?? '');
      const needed = splitScopes(fromChallenge ?? (github ? accepted : undefined) ?? quoted?.[1] ?? quoted?.[2]);
      evidence.push(e.seq);
      found = { e, needed, detail: err ? `${err.code ?? `HTTP ${err.status}`} ${quote(err.text)}`.trim() : `HTTP ${e.response.status}` };
    }
    if (!found) return undefined;
    const held = heldScopes(exchanges, found.e) ?? (() => {
      const h = getHeader(found.e.response.headers, 'x-oauth-scopes');
      return h !== undefined ? splitScopes(h) : undefined;
    })();
    const needs = found.needed.length ? `the call needs ${list(found.needed)}` : 'the call needs a scope the token does not have';
    return {
      cause: `${describe(found.e)}: ${found.detail}; ${needs}${held ? `, but the token carries [${held.join(' ')}]` : ''}. The login worked, but the token's permissions are too narrow for this call.`,
      ...(found.needed.length ? { fix: [`Ask for ${list(found.needed)} when connecting (add ${found.needed.length > 1 ? 'them' : 'it'} to the integration's scopes).`] } : {}),
      evidence,
    };
  },
};
