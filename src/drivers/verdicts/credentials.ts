/**
 * Where the client put its credentials, and how it sent the token request
 * (docs/behaviours.md §1, RFC 6749 §2.3.1, §3.2).
 */
import type { RevocationCall, TokenCall } from './traffic.js';
import type { VerdictDefinition } from './verdict.js';

const WORDS: Record<string, string> = { basic: 'an HTTP Basic header', body: 'the request body', query: 'the query string', none: 'no place the provider reads (no Basic header, no client_secret in the body or query)', multiple: 'more than one place' };

type CredentialCall = TokenCall | RevocationCall;

/** The request a retry repeats: same endpoint, grant and code, refresh token or revoked token. */
function sameRequest(a: CredentialCall, b: CredentialCall): boolean {
  if ('grantType' in a !== 'grantType' in b) return false;
  if ('grantType' in a && 'grantType' in b) return a.grantType === b.grantType && ['code', 'refresh_token', 'scope'].every((k) => a.params.get(k) === b.params.get(k));
  return (a as RevocationCall).token === (b as RevocationCall).token;
}

const succeeded = (c: CredentialCall) => ('grantType' in c ? c.issued !== undefined : c.status === 200);
const answer = (c: CredentialCall) => `${c.status}${'error' in c && c.error ? ` ${c.error}` : ''}`;

export const credentialsPlacement: VerdictDefinition = {
  id: 'credentials-placement',
  title: 'The client sends its credentials in exactly one place the provider accepts',
  specRef: 'RFC 6749 §2.3.1',
  judge(t, ctx) {
    const calls: CredentialCall[] = [...t.tokenCalls, ...t.revocations].sort((a, b) => a.seq - b.seq);
    if (!calls.length) return { outcome: 'not-applicable', detail: 'the client sent no token or revocation request' };
    const isBad = (c: CredentialCall) => c.placement === 'multiple' || (c.placement === 'none' ? ctx.client.confidential : !ctx.provider.authMethods.includes(c.placement));
    const seen = [...new Set(calls.map((c) => c.placement))];
    const accepted = ctx.provider.authMethods.map((m) => WORDS[m]).join(' or ');
    // a refused attempt the client repeated at once with a placement the provider takes, and got through (Go x/oauth2's AuthStyleAutoDetect)
    const retryOf = (c: CredentialCall) => {
      const next = calls.find((x) => x.seq > c.seq);
      return next && c.status >= 400 && !isBad(next) && sameRequest(c, next) && succeeded(next) ? next : undefined;
    };
    const bad = calls.filter(isBad);
    const unrecovered = bad.filter((c) => !retryOf(c));
    if (unrecovered.length) {
      const first = unrecovered[0]!;
      return { outcome: 'fail', detail: `credentials sent in ${WORDS[first.placement]}; the provider accepts ${accepted}`, evidence: unrecovered.map((c) => c.seq) };
    }
    if (bad.length) {
      const first = bad[0]!;
      const retry = retryOf(first)!;
      return {
        outcome: 'warning',
        detail: `credentials sent in ${WORDS[first.placement]}, refused (${answer(first)}), then in ${WORDS[retry.placement]}, accepted: an extra round trip for ${bad.length} of ${calls.length - bad.length} request(s); send them in ${WORDS[retry.placement]} from the start`,
        evidence: bad.flatMap((c) => [c.seq, retryOf(c)!.seq]),
      };
    }
    return { outcome: 'pass', detail: `credentials in ${seen.map((p) => WORDS[p]).join(', ')}`, evidence: calls.map((c) => c.seq) };
  },
};

export const tokenRequestMethod: VerdictDefinition = {
  id: 'token-request-method',
  title: 'The client sends token requests with an HTTP method the token endpoint accepts',
  specRef: 'RFC 6749 §3.2',
  judge(t, ctx) {
    if (!t.tokenCalls.length) return { outcome: 'not-applicable', detail: 'the client sent no token request' };
    const bad = t.tokenCalls.filter((c) => !ctx.provider.tokenMethods.includes(c.method));
    const methods = [...new Set(t.tokenCalls.map((c) => c.method))].join(', ');
    if (!bad.length) return { outcome: 'pass', detail: `token requests sent with ${methods}`, evidence: t.tokenCalls.map((c) => c.seq) };
    return { outcome: 'fail', detail: `token request sent with ${bad[0]!.method}; the token endpoint accepts ${ctx.provider.tokenMethods.join(', ')} only`, evidence: bad.map((c) => c.seq) };
  },
};
